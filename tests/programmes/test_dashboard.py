"""The coordinators' dashboard of a programme's networks: progress and overdue items per network,
the next events, attendance at the network meetings, the tandems' latest work; the same numbers
in the XLSX export; who may open it; a fixed number of queries."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from netzwerkstatt.events.models import Event, Registration
from netzwerkstatt.networks import dashboard
from netzwerkstatt.networks.models import (
    DevelopmentProject,
    LogEntry,
    Milestone,
    Network,
    NetworkMember,
    WorkPackage,
)
from netzwerkstatt.networks.services import workplan
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def url(programme, name="dashboard"):
    return reverse(f"networks:{name}", kwargs={"programme": programme.slug})


def make_network(programme, name, kind=Network.Kind.MODEL_NETWORK, members=1):
    network = Network.objects.create(programme=programme, name=name, kind=kind)
    for position in range(members):
        NetworkMember.objects.create(
            network=network,
            organisation=OrganisationFactory(),
            role="lead" if position == 0 else "partner",
        )
    return network


def package(network, status, progress, ends_on, title="Arbeitspaket"):
    return WorkPackage.objects.create(
        network=network,
        title=title,
        owner=network.members.first().organisation,
        starts_on=ends_on - 30 * DAY,
        ends_on=ends_on,
        status=status,
        progress=progress,
    )


def event(programme, title, days, *, network=None, kind=Event.Kind.NETWORK_MEETING, **extra):
    start = timezone.now() + datetime.timedelta(days=days)
    return Event.objects.create(
        programme=programme,
        network=network,
        kind=kind,
        title=title,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        timezone="Europe/Berlin",
        **extra,
    )


def register(event, count, *, attended=None, status=Registration.Status.REGISTERED):
    for _number in range(count):
        Registration.objects.create(
            event=event, user=UserFactory(), status=status, attended=attended
        )


@pytest.fixture
def programme_data(world):
    """Two networks and two tandems with known numbers; events past and ahead."""
    programme = world.programme
    alpha = make_network(programme, "Alpha", members=2)
    # Not cancelled: done (counts as 100 whatever its progress), 50 and overdue, 0 ahead.
    package(alpha, "done", 40, TODAY - 10 * DAY)
    package(alpha, "in_progress", 50, TODAY - 2 * DAY)
    package(alpha, "planned", 0, TODAY + 60 * DAY)
    package(alpha, "cancelled", 0, TODAY - 5 * DAY)  # neither counted nor overdue
    Milestone.objects.create(network=alpha, title="Überfällig", due_on=TODAY - DAY)
    Milestone.objects.create(
        network=alpha, title="Erreicht", due_on=TODAY - 9 * DAY, done_on=TODAY - 9 * DAY
    )
    Milestone.objects.create(network=alpha, title="Später", due_on=TODAY + DAY)
    workplan.save_goal(actor=world.coordinator, network=alpha, data={"title": "Ziel"})
    beta = make_network(programme, "Beta", members=3)

    tandem = make_network(programme, "Tandem Fulda", kind=Network.Kind.TANDEM, members=2)
    project = DevelopmentProject.objects.create(network=tandem, title="P", objective="O")
    LogEntry.objects.create(project=project, date=TODAY - 20 * DAY, kind="training_held", text="a")
    LogEntry.objects.create(project=project, date=TODAY - 3 * DAY, kind="reflection", text="b")
    quiet = make_network(programme, "Tandem Kassel", kind=Network.Kind.TANDEM, members=2)

    # Past meetings: a kick-off, one network meeting with attendance (4 registered, 3 present,
    # 1 cancelled), one without; a past seminar is no meeting of the networks.
    kick_off = event(programme, "Auftakt", -60, kind=Event.Kind.KICK_OFF)
    register(kick_off, 2, attended=True)
    first = event(programme, "Erstes Netzwerktreffen", -40, capacity=30)
    register(first, 3, attended=True)
    register(first, 1, attended=False)
    register(first, 1, status=Registration.Status.CANCELLED)
    second = event(programme, "Zweites Netzwerktreffen", -10, network=alpha)
    register(second, 2)
    event(programme, "Seminar", -5, kind=Event.Kind.ONLINE_SEMINAR)
    # Six ahead, the fifth cancelled: the next five scheduled ones are shown.
    ahead = [event(programme, f"Termin {n}", n + 1, capacity=10) for n in range(6)]
    ahead[4].status = Event.Status.CANCELLED
    ahead[4].save()
    register(ahead[0], 2)
    register(ahead[0], 1, status=Registration.Status.WAITLISTED)
    return {"alpha": alpha, "beta": beta, "tandem": tandem, "quiet": quiet, "ahead": ahead}


def test_each_networks_progress_and_overdue_items_are_counted(world, programme_data):
    rows = {row.network.name: row for row in dashboard.network_rows(world.programme)}

    alpha = rows["Alpha"]
    assert (alpha.member_count, alpha.work_packages, alpha.work_packages_done) == (2, 3, 1)
    assert alpha.progress == 50  # (100 + 50 + 0) / 3
    assert (alpha.overdue_work_packages, alpha.overdue_milestones) == (1, 1)
    assert alpha.last_activity is not None
    beta = rows["Beta"]
    assert (beta.member_count, beta.work_packages, beta.progress) == (3, 0, None)
    assert (beta.overdue_work_packages, beta.overdue_milestones, beta.last_activity) == (0, 0, None)
    assert list(rows) == ["Alpha", "Beta", "Tandem Fulda", "Tandem Kassel"]


def test_the_next_five_scheduled_events_with_their_registrations(world, programme_data):
    rows = dashboard.upcoming_events(world.programme)

    assert [row.event.title for row in rows] == [
        "Termin 0", "Termin 1", "Termin 2", "Termin 3", "Termin 5",
    ]  # fmt: skip
    assert (rows[0].registered, rows[0].waitlisted, rows[0].places_left) == (2, 1, 8)


def test_attendance_is_counted_per_past_network_meeting(world, programme_data):
    rows = dashboard.attendance(world.programme)

    assert [
        (row.event.title, row.registered, row.attended, row.recorded, row.rate) for row in rows
    ] == [
        ("Auftakt", 2, 2, True, 100),
        ("Erstes Netzwerktreffen", 4, 3, True, 75),
        ("Zweites Netzwerktreffen", 2, 0, False, None),
    ]


def test_each_tandems_latest_log_entry(world, programme_data):
    rows = dashboard.tandem_rows(world.programme)

    assert [
        (row.network.name, row.entry_count, row.last_date, row.last_kind, row.days_since)
        for row in rows
    ] == [
        ("Tandem Fulda", 2, TODAY - 3 * DAY, "Reflection on resistance and change", 3),
        ("Tandem Kassel", 0, None, "", None),
    ]


def test_the_page_shows_the_tables_and_charts(client, world, programme_data):
    client.force_login(world.coordinator)

    page = client.get(url(world.programme)).content.decode()

    assert '<h1 class="h2 mb-1">Dashboard of the networks</h1>' in page
    assert "1 of 3" in page and "50 %" in page
    assert "Reflection on resistance and change" in page and "3 days ago" in page
    assert "Erstes Netzwerktreffen" in page and "75 %" in page and "not recorded" in page
    # Two charts, described for screen readers with the numbers of the tables.
    assert page.count('role="img"') == 2
    # Only networks with work packages have a bar: Beta has no progress, not 0 %.
    assert 'desc id="progress-chart-desc">Alpha: 50 %</desc>' in page
    assert "registered: 4, present: 3" in page
    assert 'style="' not in page.split("<main", 1)[1]


def test_the_programme_page_links_the_dashboard_for_coordinators_only(
    client, world, programme_data
):
    programme_page = reverse("programmes:detail", kwargs={"slug": world.programme.slug})

    client.force_login(world.coordinator)
    assert url(world.programme) in client.get(programme_page).content.decode()
    client.force_login(world.member)
    assert url(world.programme) not in client.get(programme_page).content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("platform_admin", 200), ("member", 403), ("committee_member", 403)],
)
def test_only_the_people_who_run_the_programme_open_it(client, world, role, status):
    client.force_login(getattr(world, role))

    assert client.get(url(world.programme)).status_code == status
    assert client.get(url(world.programme, "dashboard_xlsx")).status_code == status


def test_the_export_has_one_sheet_per_table_with_the_same_numbers(client, world, programme_data):
    client.force_login(world.coordinator)

    response = client.get(url(world.programme, "dashboard_xlsx"))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"{world.programme.slug}-networks-dashboard.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Networks", "Upcoming events", "Attendance", "Tandems"]
    networks = list(book["Networks"].iter_rows(values_only=True))
    assert networks[0][:8] == (
        "Network", "Kind", "Members", "Work packages done", "Work packages (not cancelled)",
        "Progress in per cent", "Overdue work packages", "Overdue milestones",
    )  # fmt: skip
    assert networks[1][:8] == ("Alpha", "Model network", 2, 1, 3, 50, 1, 1)
    assert isinstance(networks[1][8], datetime.datetime)
    assert networks[2] == ("Beta", "Model network", 3, 0, 0, None, 0, 0, None)
    events = list(book["Upcoming events"].iter_rows(values_only=True))
    assert [row[0] for row in events[1:]] == [
        "Termin 0", "Termin 1", "Termin 2", "Termin 3", "Termin 5",
    ]  # fmt: skip
    assert events[1][4:] == (2, 1, 10)
    attendance = list(book["Attendance"].iter_rows(values_only=True))
    assert [row[:2] + row[3:] for row in attendance[1:]] == [
        ("Auftakt", None, 2, 2, 100),
        ("Erstes Netzwerktreffen", None, 4, 3, 75),
        ("Zweites Netzwerktreffen", "Alpha", 2, None, None),
    ]
    tandems = list(book["Tandems"].iter_rows(values_only=True))
    assert tandems[1][:2] == ("Tandem Fulda", 2)
    assert tandems[1][2].date() == TODAY - 3 * DAY
    assert tandems[1][3] == "Reflection on resistance and change"
    assert tandems[2] == ("Tandem Kassel", 0, None, None)


def _queries(client, address) -> int:
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def _network_with_everything(programme, world, name, kind=Network.Kind.MODEL_NETWORK):
    network = make_network(programme, name, kind=kind, members=2)
    package(network, "in_progress", 30, TODAY - DAY)
    Milestone.objects.create(network=network, title="M", due_on=TODAY - DAY)
    workplan.save_goal(actor=world.coordinator, network=network, data={"title": "Ziel"})
    project = DevelopmentProject.objects.create(network=network, title="P", objective="O")
    LogEntry.objects.create(project=project, date=TODAY, kind="other", text="x")
    past = event(programme, f"Treffen {name}", -3, network=network)
    register(past, 2, attended=True)
    register(event(programme, f"Bald {name}", 3, network=network), 1)
    return network


def test_the_dashboard_costs_the_same_queries_for_one_or_three_networks(client, world):
    client.force_login(world.coordinator)
    _network_with_everything(world.programme, world, "Eins", kind=Network.Kind.TANDEM)
    one = _queries(client, url(world.programme))

    _network_with_everything(world.programme, world, "Zwei", kind=Network.Kind.TANDEM)
    _network_with_everything(world.programme, world, "Drei")

    assert _queries(client, url(world.programme)) == one
