"""The coordinators' dashboard of a programme: how its networks are doing, its next events, the
attendance at its meetings and the tandems' latest work. Each part is read with a fixed
number of queries however many networks, events and tandems there are; the page and the XLSX
export show the same numbers.

Progress of a network: the mean progress of its work packages that are not cancelled, a work
package marked done counting as 100 per cent whatever its progress field says. A network without
such work packages has no progress (shown as a dash), not 0 per cent.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from netzwerkstatt.calls.queries import BarChart, bar_chart
from netzwerkstatt.events.models import Event, Registration

from . import activity
from .models import LogEntry, Milestone, Network, NetworkMember, WorkPackage
from .queries import kind_label

UPCOMING_EVENTS = 5
CHART_TITLE_LENGTH = 45


@dataclass
class NetworkRow:
    network: Network
    member_count: int
    work_packages: int  # not cancelled
    work_packages_done: int
    progress: int | None  # per cent, see the module's docstring
    overdue_work_packages: int
    overdue_milestones: int
    last_activity: datetime.datetime | None


@dataclass
class EventRow:
    event: Event
    registered: int
    waitlisted: int

    @property
    def places_left(self) -> int | None:
        if self.event.capacity is None:
            return None
        return max(self.event.capacity - self.registered, 0)


@dataclass
class AttendanceRow:
    event: Event
    registered: int
    attended: int
    recorded: bool  # whether attendance was recorded at all

    @property
    def rate(self) -> int | None:
        """Attended per registered, in per cent (rounded)."""
        if not self.registered or not self.recorded:
            return None
        return round(100 * self.attended / self.registered)


@dataclass
class TandemRow:
    network: Network
    entry_count: int
    last_date: datetime.date | None
    last_kind: str

    @property
    def days_since(self) -> int | None:
        if self.last_date is None:
            return None
        return (timezone.localdate() - self.last_date).days


@dataclass
class Dashboard:
    networks: list[NetworkRow]
    upcoming: list[EventRow]
    attendance: list[AttendanceRow]
    tandems: list[TandemRow]
    progress_chart: BarChart | None
    attendance_chart: BarChart | None


def _progress(progress_sum: int | None, count: int) -> int | None:
    return round(progress_sum / count) if count and progress_sum is not None else None


def network_rows(programme, *, today: datetime.date | None = None) -> list[NetworkRow]:
    today = today or timezone.localdate()
    # Sums and counts over one relation each: joining members, work packages and milestones in
    # one query would multiply the rows, so each relation is counted in its own subquery.
    work = (
        WorkPackage.objects.filter(network=OuterRef("pk"))
        .exclude(status=WorkPackage.Status.CANCELLED)
        .order_by()
        .values("network")
    )
    networks = list(
        Network.objects.filter(programme=programme)
        .order_by("name", "pk")
        .annotate(
            member_count=Subquery(
                NetworkMember.objects.filter(network=OuterRef("pk"))
                .order_by()
                .values("network")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            work_total=Subquery(work.annotate(n=Count("pk")).values("n")),
            work_done=Subquery(
                work.filter(status=WorkPackage.Status.DONE).annotate(n=Count("pk")).values("n")
            ),
            # A done work package counts as 100.
            progress_sum=Subquery(
                work.annotate(
                    n=Count("pk", filter=Q(status=WorkPackage.Status.DONE)) * 100
                    + Coalesce(Sum("progress", filter=~Q(status=WorkPackage.Status.DONE)), 0)
                ).values("n")
            ),
            overdue_work=Subquery(
                WorkPackage.objects.filter(network=OuterRef("pk"), ends_on__lt=today)
                .exclude(status__in=WorkPackage.CLOSED)
                .order_by()
                .values("network")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            overdue_milestones=Subquery(
                Milestone.objects.filter(
                    network=OuterRef("pk"), done_on__isnull=True, due_on__lt=today
                )
                .order_by()
                .values("network")
                .annotate(n=Count("pk"))
                .values("n")
            ),
        )
    )
    latest = activity.last_activity([n.pk for n in networks])
    rows = []
    for network in networks:
        network.programme = programme
        total = network.work_total or 0
        rows.append(
            NetworkRow(
                network=network,
                member_count=network.member_count or 0,
                work_packages=total,
                work_packages_done=network.work_done or 0,
                progress=_progress(network.progress_sum, total),
                overdue_work_packages=network.overdue_work or 0,
                overdue_milestones=network.overdue_milestones or 0,
                last_activity=latest.get(network.pk),
            )
        )
    return rows


def _registration_counts():
    return {
        "registered_count": Count(
            "registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)
        ),
        "waitlisted_count": Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
        ),
        "attended_count": Count("registrations", filter=Q(registrations__attended=True)),
        "recorded_count": Count("registrations", filter=Q(registrations__attended__isnull=False)),
    }


def upcoming_events(programme, *, limit: int = UPCOMING_EVENTS) -> list[EventRow]:
    """The programme's next scheduled events (its own and its networks' meetings)."""
    events = (
        Event.objects.filter(
            programme=programme, status=Event.Status.SCHEDULED, ends_at__gte=timezone.now()
        )
        .select_related("network")
        .annotate(**_registration_counts())
        .order_by("starts_at", "pk")[:limit]
    )
    rows = []
    for event in events:
        event.programme = programme
        rows.append(EventRow(event, event.registered_count, event.waitlisted_count))
    return rows


MEETING_KINDS = (
    Event.Kind.KICK_OFF,
    Event.Kind.NETWORK_MEETING,
    Event.Kind.WORKING_GROUP_SESSION,
)


def attendance(programme) -> list[AttendanceRow]:
    """The programme's past meetings (kick-offs, network meetings, working-group sessions), oldest
    first: people registered and present. Online seminars are not meetings of the networks."""
    events = (
        Event.objects.filter(
            programme=programme,
            kind__in=MEETING_KINDS,
            status=Event.Status.SCHEDULED,
            ends_at__lt=timezone.now(),
        )
        .select_related("network")
        .annotate(**_registration_counts())
        .order_by("starts_at", "pk")
    )
    rows = []
    for event in events:
        event.programme = programme
        rows.append(
            AttendanceRow(
                event,
                registered=event.registered_count,
                attended=event.attended_count,
                recorded=event.recorded_count > 0,
            )
        )
    return rows


def tandem_rows(programme) -> list[TandemRow]:
    """Every tandem with the date and type of its latest progress-log entry."""
    latest = LogEntry.objects.filter(project__network=OuterRef("pk")).order_by("-date", "-id")
    tandems = (
        Network.objects.filter(programme=programme, kind=Network.Kind.TANDEM)
        .annotate(
            entry_count=Subquery(
                LogEntry.objects.filter(project__network=OuterRef("pk"))
                .order_by()
                .values("project__network")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            last_date=Subquery(latest.values("date")[:1]),
            last_kind=Subquery(latest.values("kind")[:1]),
        )
        .order_by("name", "pk")
    )
    rows = []
    for tandem in tandems:
        tandem.programme = programme
        rows.append(
            TandemRow(
                tandem, tandem.entry_count or 0, tandem.last_date, kind_label(tandem.last_kind)
            )
        )
    return rows


def progress_chart(rows: list[NetworkRow]) -> BarChart | None:
    """The networks that have work packages (a network without any has no progress, which a
    bar of 0 would misstate)."""
    bars = [
        (Truncator(row.network.name).chars(CHART_TITLE_LENGTH), row.progress, "groups", "%")
        for row in rows
        if row.progress is not None
    ]
    if not bars:
        return None
    return bar_chart(
        "progress-chart",
        _("Progress of the work programmes, in per cent"),
        [("", bars)],
        largest=100,
    )


def attendance_chart(rows: list[AttendanceRow]) -> BarChart | None:
    if not rows:
        return None
    return bar_chart(
        "attendance-chart",
        _("Registered and present at each network meeting"),
        [
            (
                # Long titles would run out of the chart; the table has them in full.
                "{} ({})".format(
                    Truncator(row.event.title).chars(CHART_TITLE_LENGTH),
                    date_format(row.event.starts_at.astimezone(row.event.tz), "SHORT_DATE_FORMAT"),
                ),
                [
                    (_("registered"), row.registered, "groups", ""),
                    (_("present"), row.attended, "pairs", ""),
                ],
            )
            for row in rows
        ],
    )


def dashboard(programme) -> Dashboard:
    networks = network_rows(programme)
    meetings = attendance(programme)
    return Dashboard(
        networks=networks,
        upcoming=upcoming_events(programme),
        attendance=meetings,
        tandems=tandem_rows(programme),
        progress_chart=progress_chart(networks),
        attendance_chart=attendance_chart(meetings),
    )


# The export ------------------------------------------------------------------------------------


def _local(moment: datetime.datetime | None, tz=None) -> datetime.datetime | None:
    """A naive local time for a spreadsheet cell (spreadsheets know no time zones)."""
    if moment is None:
        return None
    return (moment.astimezone(tz) if tz else timezone.localtime(moment)).replace(tzinfo=None)


def sheets(board: Dashboard) -> list[tuple[str, list[str], list[list]]]:
    """The dashboard's tables as (sheet title, header, rows), one sheet per table; labels are
    plain strings in the active language."""
    return [
        (str(title), [str(h) for h in header], [[_plain(v) for v in row] for row in rows])
        for title, header, rows in _tables(board)
    ]


def _plain(value):
    return str(value) if isinstance(value, Promise) else value


def _tables(board: Dashboard) -> list[tuple[str, list[str], list[list]]]:
    return [
        (
            _("Networks"),
            [
                _("Network"),
                _("Kind"),
                _("Members"),
                _("Work packages done"),
                _("Work packages (not cancelled)"),
                _("Progress in per cent"),
                _("Overdue work packages"),
                _("Overdue milestones"),
                _("Last activity"),
            ],
            [
                [
                    row.network.name,
                    row.network.get_kind_display(),
                    row.member_count,
                    row.work_packages_done,
                    row.work_packages,
                    row.progress,
                    row.overdue_work_packages,
                    row.overdue_milestones,
                    _local(row.last_activity),
                ]
                for row in board.networks
            ],
        ),
        (
            _("Upcoming events"),
            [
                _("Event"),
                _("Kind"),
                _("Network"),
                _("Starts"),
                _("Registered"),
                _("Waiting list"),
                _("Places"),
            ],
            [
                [
                    row.event.title,
                    row.event.get_kind_display(),
                    row.event.network.name if row.event.network else "",
                    _local(row.event.starts_at, row.event.tz),
                    row.registered,
                    row.waitlisted,
                    row.event.capacity,
                ]
                for row in board.upcoming
            ],
        ),
        (
            _("Attendance"),
            [
                _("Network meeting"),
                _("Network"),
                _("Date"),
                _("Registered"),
                _("Present"),
                _("Present in per cent"),
            ],
            [
                [
                    row.event.title,
                    row.event.network.name if row.event.network else "",
                    _local(row.event.starts_at, row.event.tz).date(),
                    row.registered,
                    row.attended if row.recorded else None,
                    row.rate,
                ]
                for row in board.attendance
            ],
        ),
        (
            _("Tandems"),
            [
                _("Tandem"),
                _("Log entries"),
                _("Last entry"),
                _("Type of the last entry"),
            ],
            [
                [row.network.name, row.entry_count, row.last_date, row.last_kind]
                for row in board.tandems
            ],
        ),
    ]
