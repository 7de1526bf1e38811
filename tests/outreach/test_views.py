import csv
import datetime
import io

import pytest
from django.urls import reverse

from netzwerkstatt.outreach.models import Transfer
from netzwerkstatt.outreach.services import capacity, logs, transfers
from tests.factories import (
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
)

from .conftest import make_practice

pytestmark = pytest.mark.django_db


def test_the_practice_page_offers_adoption_to_other_organisations(client, world, cast):
    client.force_login(world.member)
    page = client.get(cast.practice.get_absolute_url()).content.decode()
    assert "Adopt this practice" in page
    assert "No organisation has adopted this practice yet." in page

    client.force_login(cast.owner_person)
    assert (
        "Adopt this practice" not in client.get(cast.practice.get_absolute_url()).content.decode()
    )


def test_adopting_creates_the_transfer_and_lists_it_on_the_practice(client, world, cast):
    client.force_login(world.member)
    url = reverse(
        "outreach:adopt", kwargs={"programme": world.programme.slug, "slug": cast.practice.slug}
    )
    response = client.post(url, {"organisation": world.organisation.pk, "adaptation": "Für Kassel"})

    transfer = Transfer.objects.get()
    assert response["Location"] == transfer.get_absolute_url()
    assert transfer.organisation == world.organisation
    page = client.get(cast.practice.get_absolute_url()).content.decode()
    assert world.organisation.name in page and "Adopt this practice" not in page
    assert client.get(url).status_code == 403  # nothing left to adopt for


def test_a_draft_cannot_be_adopted_through_the_page(client, world, cast):
    client.force_login(world.member)
    url = reverse(
        "outreach:adopt", kwargs={"programme": world.programme.slug, "slug": cast.draft.slug}
    )
    assert client.post(url, {"organisation": world.organisation.pk}).status_code == 404
    assert not Transfer.objects.exists()


def test_the_transfer_page_shows_steps_and_is_kept_by_the_adopters(client, world, cast):
    transfer = transfers.start_transfer(
        actor=world.member, practice=cast.practice, organisation=world.organisation
    )
    client.force_login(world.org_admin)
    client.post(
        transfer.get_absolute_url(),
        {"action": "step", "step-what": "Werkstatt einrichten", "step-status": "to_do"},
    )
    client.post(
        reverse(
            "outreach:transfer_status",
            kwargs={"programme": world.programme.slug, "pk": transfer.pk},
        ),
        {"action": "begin", "version": 1},
    )

    page = client.get(transfer.get_absolute_url()).content.decode()
    assert "Werkstatt einrichten" in page and "In progress" in page
    client.force_login(cast.owner_person)  # reads, does not change
    assert "Werkstatt einrichten" in client.get(transfer.get_absolute_url()).content.decode()
    assert client.post(transfer.get_absolute_url(), {"action": "save"}).status_code == 403


def test_a_transfer_is_not_found_under_another_programme(client, world, cast):
    transfer = transfers.start_transfer(
        actor=world.member, practice=cast.practice, organisation=world.organisation
    )
    other = ProgrammeFactory()
    ParticipationFactory(programme=other, organisation=world.organisation)
    client.force_login(world.member)

    url = reverse("outreach:transfer", kwargs={"programme": other.slug, "pk": transfer.pk})
    assert client.get(url).status_code == 404


def test_the_organisation_page_lists_practices_adopted_in_constant_queries(client, world, cast):
    def adopt(practice):
        transfers.start_transfer(
            actor=world.member, practice=practice, organisation=world.organisation
        )

    adopt(cast.practice)
    client.force_login(world.outsider)
    url = world.organisation.get_absolute_url()
    one, page = _count(client, url)
    assert "Practices adopted" in page and cast.practice.title in page
    adopt(make_practice(world.programme, cast.owner, title="Zweite"))
    adopt(make_practice(world.programme, cast.owner, title="Dritte"))
    three, page = _count(client, url)

    assert three == one
    assert "Zweite" in page and "Dritte" in page
    # A practice of a programme the person may not see is not listed.
    hidden = ProgrammeFactory(is_public=False)
    ParticipationFactory(programme=hidden, organisation=world.organisation)
    ParticipationFactory(programme=hidden, organisation=cast.owner)
    world.member.__dict__.pop("_outreach_orgs", None)
    adopt(make_practice(hidden, cast.owner, title="Geheim"))
    assert "Geheim" not in _count(client, url)[1]


def _plans(world, cast, n):
    for i in range(n):
        plan = capacity.create_capacity_plan(
            actor=world.member,
            network=cast.network,
            organisation=world.organisation,
            data={"title": f"Plan {i}"},
        )
        capacity.save_capacity_step(
            actor=world.member,
            plan=plan,
            data={
                "what": f"Schritt {i}",
                "status": "to_do",
                "due_on": datetime.date(2020, 1, 1),
                "practices": [cast.practice],
            },
        )
        capacity.save_capacity_step(
            actor=world.member, plan=plan, data={"what": "Fertig", "status": "done"}
        )


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured), response.content.decode()


def test_network_capacity_plans_are_for_the_workspace_only(client, world, cast):
    _plans(world, cast, 1)
    url = reverse(
        "outreach:network_plans", kwargs={"programme": world.programme.slug, "pk": cast.network.pk}
    )
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.committee_member)
    assert client.get(url).status_code == 404
    client.force_login(cast.owner_person)
    page = client.get(url).content.decode()
    assert "Plan 0" in page and "Schritt 0" in page and "New plan" in page


def test_list_pages_keep_their_query_count(client, world, cast):
    """Every list answers with the same number of queries for one item as for three."""
    programme = world.programme.slug
    urls = {
        "network": reverse(
            "outreach:network_plans", kwargs={"programme": programme, "pk": cast.network.pk}
        ),
        "overview": reverse("outreach:capacity_overview", kwargs={"programme": programme}),
        "stakeholders": reverse("outreach:stakeholders", kwargs={"programme": programme}),
        "dissemination": reverse("outreach:dissemination", kwargs={"programme": programme}),
        "practice": cast.practice.get_absolute_url(),
    }
    client.force_login(world.coordinator)

    def add(n):
        _plans(world, cast, n)
        for _ in range(n):
            logs.record_engagement(
                actor=world.member,
                programme=world.programme,
                organisation=world.organisation,
                data=_ENGAGEMENT,
            )
            logs.record_dissemination(
                actor=world.member,
                programme=world.programme,
                organisation=world.organisation,
                data={**_ACTIVITY, "practices": [cast.practice]},
            )

    add(1)
    _adopters_once = transfers.start_transfer(
        actor=world.member, practice=cast.practice, organisation=world.organisation
    )
    one = {name: _count(client, url)[0] for name, url in urls.items()}
    add(2)
    for i in range(2):
        org = OrganisationFactory(name=f"Weitere {i}")
        Transfer.objects.create(practice=cast.practice, organisation=org)
    three = {name: _count(client, url)[0] for name, url in urls.items()}

    assert three == one
    assert _adopters_once.pk


_ENGAGEMENT = {
    "stakeholder": "IHK Kassel",
    "group": "chambers",
    "level": "regional",
    "date": datetime.date(2025, 3, 1),
    "topic": "Ausbildung 4.0",
    "outcome": "Zusage",
}
_ACTIVITY = {
    "kind": "trade_fair",
    "title": "Didacta",
    "date": datetime.date(2024, 2, 20),
    "audience": "Lehrkräfte",
    "estimated_reach": 250,
    "links": ["https://example.org/didacta"],
}


def test_the_coordinators_overview_counts_steps(client, world, cast):
    _plans(world, cast, 2)
    url = reverse("outreach:capacity_overview", kwargs={"programme": world.programme.slug})
    client.force_login(world.member)
    assert client.get(url).status_code == 403
    client.force_login(world.coordinator)
    page = client.get(url).content.decode()
    assert "2 of 4 steps done" in page
    assert "1 of 2 steps done" in page
    assert "2 overdue" in page


def test_the_stakeholder_log_filters_and_exports(client, world, cast):
    logs.record_engagement(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data=_ENGAGEMENT,
    )
    logs.record_engagement(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data={**_ENGAGEMENT, "stakeholder": "Uni Kassel", "group": "universities", "level": "eu"},
    )
    client.force_login(world.committee_member)
    url = reverse("outreach:stakeholders", kwargs={"programme": world.programme.slug})

    page = client.get(url, {"group": "universities"}).content.decode()
    assert "Uni Kassel" in page and "IHK Kassel" not in page
    export = client.get(
        reverse("outreach:stakeholders_csv", kwargs={"programme": world.programme.slug}),
        {"level": "regional"},
    )
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows == [
        [
            "Date", "Stakeholder", "Stakeholder group", "Level", "Topic", "Outcome", "Follow-up",
            "Follow-up due", "Organisation", "Network",
        ],
        [
            "2025-03-01", "IHK Kassel", "Chambers and guilds", "Regional", "Ausbildung 4.0",
            "Zusage", "", "", world.organisation.name, "",
        ],
    ]  # fmt: skip


def test_the_dissemination_log_is_added_to_and_exported(client, world, cast):
    client.force_login(world.member)
    programme = world.programme.slug
    response = client.post(
        reverse("outreach:dissemination_create", kwargs={"programme": programme}),
        {
            "organisation": world.organisation.pk,
            "kind": "conference",
            "title": "Fachtag Dual",
            "date": "2025-05-02",
            "estimated_reach": "80",
            "links": "https://example.org/a\nhttps://example.org/b",
            "practices": [cast.practice.pk],
        },
    )
    assert response.status_code == 302
    page = client.get(
        reverse("outreach:dissemination", kwargs={"programme": programme}), {"year": "2025"}
    ).content.decode()
    assert "Fachtag Dual" in page and "estimated reach 80" in page

    export = client.get(reverse("outreach:dissemination_csv", kwargs={"programme": programme}))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[1] == [
        "2025-05-02", "Conference", "Fachtag Dual", "", "80",
        "https://example.org/a https://example.org/b", cast.practice.title,
        world.organisation.name, "",
    ]  # fmt: skip


def test_only_the_recording_organisation_and_coordinators_edit_an_entry(client, world, cast):
    entry = logs.record_engagement(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data=_ENGAGEMENT,
    )
    url = reverse(
        "outreach:stakeholder_edit", kwargs={"programme": world.programme.slug, "pk": entry.pk}
    )
    client.force_login(cast.owner_person)
    assert client.get(url).status_code == 403
    client.force_login(world.coordinator)
    response = client.post(
        url, {**_ENGAGEMENT, "date": "2025-03-01", "topic": "Korrigiert", "version": 1}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.topic, entry.version) == ("Korrigiert", 2)
    # The same form sent again at the old version is refused and says so.
    again = client.post(url, {**_ENGAGEMENT, "date": "2025-03-01", "version": 1})
    assert "someone else changed this" in again.content.decode()


def test_outsiders_do_not_see_the_logs(client, world):
    other = ProgrammeFactory(is_public=False)
    client.force_login(world.outsider)
    assert (
        client.get(
            reverse("outreach:stakeholders", kwargs={"programme": world.programme.slug})
        ).status_code
        == 403
    )
    assert (
        client.get(reverse("outreach:dissemination", kwargs={"programme": other.slug})).status_code
        == 404
    )


def test_a_practice_elsewhere_is_unaffected(world, cast):
    assert make_practice(ProgrammeFactory(), cast.owner, title="Fremd").transfers.count() == 0
