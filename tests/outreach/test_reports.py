"""The funder report: every figure of ``indicators()`` against a data set built to know them,
the page, the workbook and the PDF showing the same figures, the network report counting only
the network's data, who may open it, and a constant number of queries."""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from netzwerkstatt.events.models import Event, Registration
from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.outreach.models import (
    CapacityPlan,
    CapacityStep,
    DisseminationActivity,
    StakeholderEngagement,
    Transfer,
)
from netzwerkstatt.outreach.reports import indicators
from netzwerkstatt.practices.models import Assessment, Practice
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
    UserFactory,
)

TODAY = timezone.localdate()
START = TODAY - datetime.timedelta(days=180)
END = TODAY + datetime.timedelta(days=30)
INSIDE = TODAY - datetime.timedelta(days=30)
BEFORE = START - datetime.timedelta(days=200)
AFTER = END + datetime.timedelta(days=10)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())


@dataclass
class Data:
    world: object
    a: object  # DE vocational school (the world's organisation), lead of n1
    b: object  # IT vocational school, partner in n1
    c: object  # IT training company, lead of n2
    n1: Network
    n2: Network


def _event(programme, kind, day, *, network=None, status="scheduled", invited=()):
    event = Event.objects.create(
        programme=programme,
        network=network,
        kind=kind,
        title=f"{kind} {day}",
        starts_at=moment(day),
        ends_at=moment(day) + datetime.timedelta(hours=2),
        status=status,
        audience="networks" if invited else "programme",
    )
    event.invited_networks.set(invited)
    return event


def _register(event, user, status="registered", attended=None):
    Registration.objects.create(event=event, user=user, status=status, attended=attended)


def _practice(programme, organisation, slug, *, network=None, published_on=None):
    return Practice.objects.create(
        programme=programme,
        organisation=organisation,
        network=network,
        slug=slug,
        title=slug,
        language="de",
        status="published" if published_on else "draft",
        published_at=moment(published_on) if published_on else None,
    )


def _assess(practice, assessor, submitted_on=None):
    Assessment.objects.create(
        practice=practice,
        assessor=assessor,
        status="submitted" if submitted_on else "draft",
        submitted_at=moment(submitted_on) if submitted_on else None,
    )


def _log(model, programme, organisation, day, network=None, **fields):
    return model.objects.create(
        programme=programme, organisation=organisation, network=network, date=day, **fields
    )


def _step(plan, status, done_on=None):
    CapacityStep.objects.create(
        plan=plan, what=f"{status} {done_on}", status=status, done_on=done_on
    )


@pytest.fixture
def data(world) -> Data:
    programme = world.programme
    a = world.organisation  # DE vocational school: member and org_admin (2 people)
    b = OrganisationFactory(name="Scuola Roma", country="IT", region="")
    c = OrganisationFactory(
        name="Officina Torino", country="IT", region="", kind="training_company"
    )
    d = OrganisationFactory(name="IHK Kassel", kind="chamber")  # joins after the period
    for organisation in (b, c):
        ParticipationFactory(programme=programme, organisation=organisation)
    ParticipationFactory(programme=programme, organisation=d, joined_on=AFTER)
    OrganisationFactory(name="Nicht dabei")  # takes no part
    it_person = MembershipFactory(organisation=b).user
    c1 = MembershipFactory(organisation=c).user
    c2 = MembershipFactory(organisation=c).user
    d1 = MembershipFactory(organisation=d).user
    # Joins the world's organisation after the period: not counted.
    MembershipFactory(organisation=a, created=moment(AFTER))

    n1 = Network.objects.create(programme=programme, name="Tandem Kassel-Roma", kind="tandem")
    NetworkMember.objects.create(network=n1, organisation=a, role="lead")
    NetworkMember.objects.create(network=n1, organisation=b)
    n2 = Network.objects.create(programme=programme, name="Rete Torino", kind="model_network")
    NetworkMember.objects.create(network=n2, organisation=c, role="lead")

    # Events
    e1 = _event(programme, "network_meeting", INSIDE, network=n1)
    _register(e1, world.member, attended=True)
    _register(e1, world.org_admin, attended=False)
    _register(e1, it_person)
    _register(e1, c1, status="cancelled", attended=False)
    e2 = _event(programme, "online_seminar", days(-60))
    _register(e2, c1, attended=True)
    _register(e2, c2, attended=True)
    _register(e2, d1, status="waitlisted")
    e3 = _event(programme, "online_seminar", BEFORE)  # before the period
    _register(e3, c1, attended=True)
    _event(programme, "kick_off", INSIDE, status="cancelled")
    e5 = _event(programme, "network_meeting", days(-10), network=n2)
    _register(e5, c1, attended=True)
    e6 = _event(programme, "network_meeting", days(10), network=n1)  # not held yet
    _register(e6, world.member)
    _event(programme, "online_seminar", days(-20), invited=[n1])

    # Practices and their assessments
    p1 = _practice(programme, b, "p1", network=n1, published_on=INSIDE)
    _assess(p1, c1, INSIDE)
    _assess(p1, c2, days(-5))
    _assess(p1, d1)
    p2 = _practice(programme, a, "p2", published_on=BEFORE)
    _assess(p2, it_person, INSIDE)
    p3 = _practice(programme, c, "p3", network=n2, published_on=days(-90))
    _assess(p3, world.member, BEFORE)
    _practice(programme, a, "p4")

    # Transfers
    Transfer.objects.create(practice=p1, organisation=a, status="in_progress", started_on=INSIDE)
    Transfer.objects.create(
        practice=p1, organisation=c, status="completed", started_on=BEFORE, completed_on=INSIDE
    )
    Transfer.objects.create(
        practice=p3, organisation=c, status="completed", started_on=days(-100), completed_on=INSIDE
    )
    Transfer.objects.create(practice=p3, organisation=b, status="planned", started_on=AFTER)
    Transfer.objects.create(practice=p2, organisation=c, status="planned")

    # Stakeholder dialogue
    def engage(name, group, level, day, network=None):
        _log(
            StakeholderEngagement, programme, a, day, network,
            stakeholder=name, group=group, level=level, topic="Ausbildung",
        )  # fmt: skip

    engage("Bosch", "companies", "regional", INSIDE, n1)
    engage("Bosch", "companies", "regional", days(-40), n1)
    engage("Siemens", "companies", "regional", INSIDE)
    engage("IHK", "chambers", "national", INSIDE, n2)
    engage("HWK", "chambers", "local", BEFORE)
    engage("Commission", "authorities", "eu", INSIDE)

    # Dissemination
    def disseminate(kind, reach, day, network=None):
        _log(
            DisseminationActivity, programme, a, day, network,
            kind=kind, title=f"{kind} {reach}", estimated_reach=reach,
        )  # fmt: skip

    disseminate("conference", 120, INSIDE, n1)
    disseminate("conference", 80, INSIDE)
    disseminate("press", 5000, INSIDE, n2)
    disseminate("newsletter", 300, BEFORE)
    disseminate("social_media", 0, INSIDE)

    # Capacity building
    plan_a = CapacityPlan.objects.create(organisation=a, network=n1, title="A")
    _step(plan_a, "done", INSIDE)
    _step(plan_a, "done", days(-3))
    _step(plan_a, "done", BEFORE)
    _step(plan_a, "to_do")
    _step(plan_a, "dropped")
    plan_b = CapacityPlan.objects.create(organisation=b, network=n1, title="B")
    _step(plan_b, "in_progress")
    _step(plan_b, "done", AFTER)
    plan_c = CapacityPlan.objects.create(organisation=c, network=n2, title="C")
    _step(plan_c, "done", INSIDE)
    return Data(world=world, a=a, b=b, c=c, n1=n1, n2=n2)


def figures(table) -> list[tuple]:
    return [(*row.labels, *row.values) for row in table.rows]


PROGRAMME_FIGURES = {
    "organisations": [
        ("Germany", "Vocational school", 1, 2),
        ("Italy", "Training company", 1, 2),
        ("Italy", "Vocational school", 1, 1),
    ],
    "events": [("Network meeting", 2, 4, 2), ("Online seminar", 2, 2, 2)],
    "practices": [("Germany", 0, 1, 1), ("Italy", 2, 1, 2)],
    "transfers": [("Germany", 1, 0), ("Italy", 1, 2)],
    "stakeholders": [
        ("Authorities and regulators", "European", 1, 1),
        ("Chambers and guilds", "National", 1, 1),
        ("Companies", "Regional", 3, 2),
    ],
    "dissemination": [("Conference", 2, 200), ("Press or media", 1, 5000), ("Social media", 1, 0)],
    "capacity": [
        ("Berufliche Schulen Kassel", "Germany", 2, 1),
        ("Officina Torino", "Italy", 1, 0),
        ("Scuola Roma", "Italy", 0, 1),
    ],
}
PROGRAMME_TOTALS = {
    "organisations": (3, 5),
    "events": (4, 6, 4),
    "practices": (2, 2, 3),
    "transfers": (2, 2),
    "stakeholders": (5, 4),
    "dissemination": (4, 5200),
    "capacity": (3, 2),
}
NETWORK_FIGURES = {
    "organisations": [("Germany", "Vocational school", 1, 2), ("Italy", "Vocational school", 1, 1)],
    "events": [("Network meeting", 1, 3, 1), ("Online seminar", 1, 0, 0)],
    "practices": [("Italy", 1, 1, 2)],
    "transfers": [("Germany", 1, 0), ("Italy", 0, 1)],
    "stakeholders": [("Companies", "Regional", 2, 1)],
    "dissemination": [("Conference", 1, 120)],
    "capacity": [("Berufliche Schulen Kassel", "Germany", 2, 1), ("Scuola Roma", "Italy", 0, 1)],
}


def test_every_figure_of_the_programme_report(data):
    result = indicators(data.world.programme, START, END)
    assert {t.key: figures(t) for t in result.tables} == PROGRAMME_FIGURES
    assert {t.key: t.totals for t in result.tables} == PROGRAMME_TOTALS


def test_the_network_report_counts_only_the_networks_data(data):
    result = indicators(data.world.programme, START, END, network=data.n1)
    assert {t.key: figures(t) for t in result.tables} == NETWORK_FIGURES
    other = indicators(data.world.programme, START, END, network=data.n2)
    assert figures(other.dissemination) == [("Press or media", 1, 5000)]
    assert figures(other.events) == [("Network meeting", 1, 1, 1)]


def test_a_period_without_anything_has_empty_tables(data):
    result = indicators(data.world.programme, days(-2000), days(-1900))
    assert [figures(t) for t in result.tables if t.key != "organisations"] == [[]] * 6
    assert figures(result.organisations) == []


def test_indicators_take_seven_queries(data, django_assert_num_queries):
    with django_assert_num_queries(7):
        indicators(data.world.programme, START, END)
    with django_assert_num_queries(7):
        indicators(data.world.programme, START, END, network=data.n1)


def _url(name, programme, **query):
    query = {"start": START.isoformat(), "end": END.isoformat(), **query}
    path = reverse(f"reports:{name}", kwargs={"programme": programme.slug})
    return path + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def _cells(html: str) -> list[str]:
    return re.findall(r'<td class="text-end num">(\d+)</td>', html)


def test_the_page_shows_the_same_figures(client, data):
    client.force_login(data.world.coordinator)
    response = client.get(_url("report", data.world.programme))
    html = response.content.decode()
    assert response.status_code == 200
    expected = []
    for key, rows in PROGRAMME_FIGURES.items():
        for row in rows:
            expected += [str(v) for v in row if isinstance(v, int)]
        expected += [str(v) for v in PROGRAMME_TOTALS[key]]
    assert _cells(html) == expected
    assert "Officina Torino" in html
    assert html.count('<svg class="bar-chart"') == 7
    assert "Press or media: 5000" in html
    assert ' style="' not in html.split("<main", 1)[1]


def test_the_page_defaults_to_the_programmes_period(client, data):
    programme = data.world.programme
    programme.starts_on, programme.ends_on = START, END
    programme.save()
    client.force_login(data.world.coordinator)
    html = client.get(reverse("reports:report", kwargs={"programme": programme.slug})).content
    assert f'value="{START.isoformat()}"'.encode() in html
    assert _cells(html.decode())[:3] == ["1", "2", "1"]


def test_the_page_without_a_programme_period_shows_the_current_year(client, data):
    client.force_login(data.world.coordinator)
    html = client.get(
        reverse("reports:report", kwargs={"programme": data.world.programme.slug})
    ).content.decode()
    assert f'value="{TODAY.year}-01-01"' in html
    assert f'value="{TODAY.year}-12-31"' in html


def test_an_end_before_the_start_is_refused(client, data):
    client.force_login(data.world.coordinator)
    response = client.get(_url("report", data.world.programme, start=END, end=START))
    assert "The end of the period lies before its start." in response.content.decode()
    assert _cells(response.content.decode()) == []
    assert client.get(_url("xlsx", data.world.programme, start=END, end=START)).status_code == 400


def test_the_workbook_has_the_same_figures(client, data):
    client.force_login(data.world.coordinator)
    response = client.get(_url("xlsx", data.world.programme))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == 7
    for sheet, (key, rows) in zip(book.worksheets, PROGRAMME_FIGURES.items(), strict=True):
        values = [tuple(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
        assert values[:-1] == rows, key
        assert values[-1][0] == "Total"
        labels = len(rows[0]) - len(PROGRAMME_TOTALS[key])
        assert values[-1][labels:] == PROGRAMME_TOTALS[key]


def test_the_network_workbook_and_page(client, data):
    client.force_login(data.world.coordinator)
    response = client.get(_url("xlsx", data.world.programme, network=data.n1.pk))
    book = load_workbook(io.BytesIO(response.content))
    dissemination = [tuple(r) for r in book.worksheets[5].iter_rows(min_row=3, values_only=True)]
    assert dissemination == [("Conference", 1, 120), ("Total", 1, 120)]
    assert book.worksheets[5]["B1"].value == "Tandem Kassel-Roma"
    html = client.get(_url("report", data.world.programme, network=data.n1.pk)).content.decode()
    assert "Officina Torino" not in html
    assert "Network Tandem Kassel-Roma" in html


def test_the_pdf_has_the_figures(client, data):
    client.force_login(data.world.coordinator)
    response = client.get(_url("pdf", data.world.programme))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(  # noqa: S603 - our own fixed command line
        [pdftotext, "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Report to the funder" in text
    assert "Dissemination activities and reach" in text
    assert "5200" in text
    assert "Officina Torino" in text


# Who may open it ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report", "pdf", "xlsx"])
def test_people_who_do_not_run_the_programme_are_refused(client, data, name):
    world = data.world
    url = _url(name, world.programme)
    assert client.get(url).status_code == 302  # to the sign-in page
    for person in (world.outsider, world.member, world.committee_member):
        client.force_login(person)
        assert client.get(url).status_code == 403
    other = ProgrammeRoleFactory(programme=ProgrammeFactory(), role="coordinator").user
    client.force_login(other)
    assert client.get(url).status_code == 403
    world.programme.is_public = False
    world.programme.save()
    for person in (world.outsider, other):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(world.member)  # a participant sees the programme, not the report
    assert client.get(url).status_code == 403


def test_the_lead_organisations_admin_reports_on_their_network(client, data):
    client.force_login(data.world.org_admin)  # admin of the lead organisation of n1
    html = client.get(_url("report", data.world.programme)).content.decode()
    assert "Network Tandem Kassel-Roma" in html
    assert "Rete Torino" not in html  # not among the choices
    assert "The whole programme" not in html
    refused = client.get(_url("report", data.world.programme, network=data.n2.pk))
    assert "Select a valid choice" in refused.content.decode()
    assert "Press or media" not in refused.content.decode()
    assert client.get(_url("xlsx", data.world.programme, network=data.n2.pk)).status_code == 400
    book = load_workbook(
        io.BytesIO(client.get(_url("xlsx", data.world.programme, network=data.n1.pk)).content)
    )
    assert book.worksheets[5]["A3"].value == "Conference"


def test_a_partners_admin_is_refused(client, data):
    admin = MembershipFactory(organisation=data.b, role=Membership.Role.ADMIN).user
    client.force_login(admin)
    assert client.get(_url("report", data.world.programme)).status_code == 403


def test_the_programme_page_links_the_report_for_coordinators(client, data):
    link = reverse("reports:report", kwargs={"programme": data.world.programme.slug})
    client.force_login(data.world.coordinator)
    assert link in client.get(data.world.programme.get_absolute_url()).content.decode()
    client.force_login(data.world.member)
    assert link not in client.get(data.world.programme.get_absolute_url()).content.decode()


# Queries -----------------------------------------------------------------------------------


def _more_networks(data, count):
    programme = data.world.programme
    for n in range(count):
        network = Network.objects.create(programme=programme, name=f"Extra {n}", kind="cluster")
        organisation = OrganisationFactory()
        ParticipationFactory(programme=programme, organisation=organisation)
        NetworkMember.objects.create(network=network, organisation=organisation, role="lead")
        MembershipFactory(organisation=organisation)
        event = _event(programme, "network_meeting", INSIDE, network=network)
        _register(event, UserFactory(), attended=True)
        _log(
            DisseminationActivity, programme, organisation, INSIDE, network,
            kind="press", title="x", estimated_reach=7,
        )  # fmt: skip
        plan = CapacityPlan.objects.create(organisation=organisation, network=network, title="x")
        _step(plan, "done", INSIDE)


@pytest.mark.parametrize("name", ["report", "xlsx"])
def test_the_number_of_queries_does_not_grow_with_the_networks(client, data, name):
    client.force_login(data.world.coordinator)
    url = _url(name, data.world.programme)

    def count() -> int:
        client.get(url)  # warm the per-request caches of the session alike
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    one = count()
    _more_networks(data, 2)
    three = count()
    assert one == three
