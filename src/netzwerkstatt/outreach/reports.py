"""The funder report: the indicators of a programme, or of one of its networks, for a period.

``indicators(programme, start, end, network=None)`` answers one ``Table`` per indicator, every
figure counted by the database (one query per table, whatever the amount of data); the totals
are the sums of the rows. The page, the PDF and the workbook all show these tables, so they
agree with each other and with the data.

What is counted, for the period ``start``-``end`` (both days included):

- organisations: the programme's participating organisations (of a network: its member
  organisations) that joined by ``end``, by country and kind, with the people of those
  organisations (members and admins since ``end`` at the latest). A person in organisations of
  two rows counts in each row, so the total of people is a total of those rows.
- events: the events not cancelled that started in the period (and not in the future), by kind,
  with their registrations and the registrations marked present. A network's events are its own
  meetings and the events it was invited to.
- practices: practices published in the period, assessments submitted in the period and the
  practices they assessed, by the owning organisation's country.
- transfers: transfers started and transfers completed in the period, by the adopting
  organisation's country. A network's transfers are those of its practices and those of its
  member organisations.
- stakeholders: engagements dated in the period, by stakeholder group and level, with the
  stakeholders reached (distinct names).
- dissemination: activities dated in the period by type, with their estimated reach.
- capacity building: steps done in the period and steps still open, by organisation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.events.models import Event, Registration
from netzwerkstatt.networks.models import Network
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.practices.models import Assessment, Practice
from netzwerkstatt.programmes.models import Programme
from netzwerkstatt.vocabularies.regions import country_name

from .models import (
    OPEN_STEP_STATES,
    CapacityStep,
    DisseminationActivity,
    Level,
    StakeholderEngagement,
    StepStatus,
    Transfer,
)


@dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]
    values: tuple[int, ...]


@dataclass(frozen=True)
class Table:
    key: str  # also the workbook's sheet name and the chart's id
    title: str
    label_headers: tuple[str, ...]
    value_headers: tuple[str, ...]
    rows: list[Row]
    chart_columns: tuple[int, ...] = (0,)  # which value columns the chart shows

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(
            sum(row.values[i] for row in self.rows) for i in range(len(self.value_headers))
        )

    @property
    def headers(self) -> tuple[str, ...]:
        return self.label_headers + self.value_headers

    def total(self, header_index: int = 0) -> int:
        return self.totals[header_index]


@dataclass(frozen=True)
class Indicators:
    programme: Programme
    network: Network | None
    start: datetime.date
    end: datetime.date
    organisations: Table
    events: Table
    practices: Table
    transfers: Table
    stakeholders: Table
    dissemination: Table
    capacity: Table
    tables: list[Table] = field(default_factory=list)


def _moments(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, ...]:
    """The period as aware moments: from the start of ``start`` to the start of the day after
    ``end``, in the site's time zone."""
    tz = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    after = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return begin, after


def _kind_label(choices, value: str) -> str:
    return str(dict(choices).get(value, value))


def organisations_table(programme, start, end, network=None) -> Table:
    if network is None:
        scope = Q(participations__programme=programme, participations__joined_on__lte=end)
    else:
        scope = Q(network_memberships__network=network, network_memberships__joined_on__lte=end)
    rows = (
        Organisation.objects.filter(scope)
        .values("country", "kind")
        .annotate(
            organisations=Count("id", distinct=True),
            people=Count(
                "memberships__user",
                filter=Q(memberships__created__date__lte=end),
                distinct=True,
            ),
        )
        .order_by("country", "kind")
    )
    return Table(
        key="organisations",
        title=_("Organisations and people involved"),
        label_headers=(_("Country"), _("Kind of organisation")),
        value_headers=(_("Organisations"), _("People")),
        rows=[
            Row(
                (country_name(r["country"]), _kind_label(Organisation.Kind.choices, r["kind"])),
                (r["organisations"], r["people"]),
            )
            for r in rows
        ],
        chart_columns=(0, 1),
    )


def events_table(programme, start, end, network=None) -> Table:
    begin, after = _moments(start, end)
    after = min(after, timezone.now())
    events = Event.objects.filter(
        programme=programme,
        status=Event.Status.SCHEDULED,
        starts_at__gte=begin,
        starts_at__lt=after,
    )
    if network is not None:
        events = events.filter(Q(network=network) | Q(invited_networks=network))
    registered = Q(registrations__status=Registration.Status.REGISTERED)
    rows = (
        events.values("kind")
        .annotate(
            held=Count("id", distinct=True),
            registered=Count("registrations", filter=registered, distinct=True),
            attended=Count(
                "registrations", filter=registered & Q(registrations__attended=True), distinct=True
            ),
        )
        .order_by("kind")
    )
    return Table(
        key="events",
        title=_("Events held and attendance"),
        label_headers=(_("Kind of event"),),
        value_headers=(_("Events held"), _("Registered"), _("Attended")),
        rows=[
            Row(
                (_kind_label(Event.Kind.choices, r["kind"]),),
                (r["held"], r["registered"], r["attended"]),
            )
            for r in rows
        ],
        chart_columns=(0, 2),
    )


def practices_table(programme, start, end, network=None) -> Table:
    begin, after = _moments(start, end)
    practices = Practice.objects.filter(programme=programme)
    if network is not None:
        practices = practices.filter(network=network)
    published = Q(status=Practice.Status.PUBLISHED, published_at__gte=begin, published_at__lt=after)
    submitted = Q(
        assessments__status=Assessment.Status.SUBMITTED,
        assessments__submitted_at__gte=begin,
        assessments__submitted_at__lt=after,
    )
    rows = (
        practices.values("organisation__country")
        .annotate(
            published=Count("id", filter=published, distinct=True),
            assessed=Count("id", filter=submitted, distinct=True),
            assessments=Count("assessments", filter=submitted, distinct=True),
        )
        .order_by("organisation__country")
    )
    return Table(
        key="practices",
        title=_("Practices published and assessed"),
        label_headers=(_("Country of the owning organisation"),),
        value_headers=(_("Practices published"), _("Practices assessed"), _("Assessments")),
        rows=[
            Row(
                (country_name(r["organisation__country"]),),
                (r["published"], r["assessed"], r["assessments"]),
            )
            for r in rows
            if r["published"] or r["assessed"]
        ],
        chart_columns=(0, 1),
    )


def transfers_table(programme, start, end, network=None) -> Table:
    transfers = Transfer.objects.filter(practice__programme=programme)
    if network is not None:
        transfers = transfers.filter(
            Q(practice__network=network) | Q(organisation__network_memberships__network=network)
        )
    started = Q(started_on__gte=start, started_on__lte=end)
    completed = Q(status=Transfer.Status.COMPLETED, completed_on__gte=start, completed_on__lte=end)
    rows = (
        transfers.values("organisation__country")
        .annotate(
            started=Count("id", filter=started, distinct=True),
            completed=Count("id", filter=completed, distinct=True),
        )
        .order_by("organisation__country")
    )
    return Table(
        key="transfers",
        title=_("Transfers started and completed"),
        label_headers=(_("Country of the adopting organisation"),),
        value_headers=(_("Transfers started"), _("Transfers completed")),
        rows=[
            Row((country_name(r["organisation__country"]),), (r["started"], r["completed"]))
            for r in rows
            if r["started"] or r["completed"]
        ],
        chart_columns=(0, 1),
    )


def _log_entries(model, programme, start, end, network):
    entries = model.objects.filter(programme=programme, date__gte=start, date__lte=end)
    if network is not None:
        entries = entries.filter(network=network)
    return entries


def stakeholders_table(programme, start, end, network=None) -> Table:
    levels = [value for value, _label in Level.choices]
    rows = (
        _log_entries(StakeholderEngagement, programme, start, end, network)
        .values("group", "level")
        .annotate(engagements=Count("id"), stakeholders=Count("stakeholder", distinct=True))
        .order_by("group")
    )
    ordered = sorted(rows, key=lambda r: (r["group"], levels.index(r["level"])))
    return Table(
        key="stakeholders",
        title=_("Stakeholders reached"),
        label_headers=(_("Stakeholder group"), _("Level")),
        value_headers=(_("Engagements"), _("Stakeholders")),
        rows=[
            Row(
                (
                    _kind_label(StakeholderEngagement.Group.choices, r["group"]),
                    _kind_label(Level.choices, r["level"]),
                ),
                (r["engagements"], r["stakeholders"]),
            )
            for r in ordered
        ],
        chart_columns=(0,),
    )


def dissemination_table(programme, start, end, network=None) -> Table:
    rows = (
        _log_entries(DisseminationActivity, programme, start, end, network)
        .values("kind")
        .annotate(activities=Count("id"), reach=Coalesce(Sum("estimated_reach"), 0))
        .order_by("kind")
    )
    return Table(
        key="dissemination",
        title=_("Dissemination activities and reach"),
        label_headers=(_("Type"),),
        value_headers=(_("Activities"), _("Estimated reach")),
        rows=[
            Row(
                (_kind_label(DisseminationActivity.Kind.choices, r["kind"]),),
                (r["activities"], r["reach"]),
            )
            for r in rows
        ],
        chart_columns=(0, 1),
    )


def capacity_table(programme, start, end, network=None) -> Table:
    steps = CapacityStep.objects.filter(plan__network__programme=programme)
    if network is not None:
        steps = steps.filter(plan__network=network)
    done = Q(status=StepStatus.DONE, done_on__gte=start, done_on__lte=end)
    still_open = Q(status__in=OPEN_STEP_STATES, created__date__lte=end)
    rows = (
        steps.values("plan__organisation__name", "plan__organisation__country")
        .annotate(done=Count("id", filter=done), open=Count("id", filter=still_open))
        .order_by("plan__organisation__name", "plan__organisation__country")
    )
    return Table(
        key="capacity",
        title=_("Capacity-building steps"),
        label_headers=(_("Organisation"), _("Country")),
        value_headers=(_("Steps done"), _("Steps still open")),
        rows=[
            Row(
                (r["plan__organisation__name"], country_name(r["plan__organisation__country"])),
                (r["done"], r["open"]),
            )
            for r in rows
            if r["done"] or r["open"]
        ],
        chart_columns=(0, 1),
    )


def indicators(
    programme: Programme,
    start: datetime.date,
    end: datetime.date,
    network: Network | None = None,
) -> Indicators:
    """Every indicator of the report, seven queries in all."""
    tables = {
        "organisations": organisations_table(programme, start, end, network),
        "events": events_table(programme, start, end, network),
        "practices": practices_table(programme, start, end, network),
        "transfers": transfers_table(programme, start, end, network),
        "stakeholders": stakeholders_table(programme, start, end, network),
        "dissemination": dissemination_table(programme, start, end, network),
        "capacity": capacity_table(programme, start, end, network),
    }
    return Indicators(
        programme=programme,
        network=network,
        start=start,
        end=end,
        tables=list(tables.values()),
        **tables,
    )
