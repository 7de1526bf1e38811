"""The activity stream: sentences read from the audit log, on the network's page, on its own
activity page and on each person's dashboard; only the networks one belongs to; a fixed number of
queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.events import services as event_services
from netzwerkstatt.networks import activity
from netzwerkstatt.networks.services import add_member, create_network, update_network, workplan
from netzwerkstatt.networks.services import projects as project_services
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def text(html: str) -> str:
    """A sentence as a person reads it: without its tags."""
    return re.sub(r"<[^>]+>", "", str(html))


def sentences(network) -> list[str]:
    return [text(item.sentence) for item in activity.stream([network], limit=50)]


@pytest.fixture
def anna(world):
    world.member.name = "Anna Weber"
    world.member.save()
    return world.member


@pytest.fixture
def network(world, anna):
    """A model network with the world's organisation as lead, created by the coordinator."""
    world.coordinator.name = "Carla Rossi"
    world.coordinator.save()
    network = create_network(
        actor=world.coordinator, programme=world.programme, name="Duale Wege", kind="model_network"
    )
    add_member(
        actor=world.coordinator, network=network, organisation=world.organisation, role="lead"
    )
    return network


def add_package(network, actor, title="Bedarfsanalyse", **data):
    return workplan.save_work_package(
        actor=actor,
        network=network,
        data={
            "title": title,
            "owner": network.members.first().organisation,
            "starts_on": D(2026, 1, 15),
            "ends_on": D(2026, 3, 10),
            **data,
        },
    )


def other_network(world, name="Anderes Netz"):
    """A network of the same programme the world's organisation is not in."""
    organisation = OrganisationFactory(name="Ente Scuola Milano", country="IT")
    ParticipationFactory(programme=world.programme, organisation=organisation)
    network = create_network(
        actor=world.coordinator, programme=world.programme, name=name, kind="model_network"
    )
    add_member(actor=world.coordinator, network=network, organisation=organisation, role="lead")
    return network


def event_data(days=20):
    start = timezone.now() + datetime.timedelta(days=days)
    return {
        "kind": "network_meeting",
        "title": "Zweites Netzwerktreffen",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=4),
        "timezone": "Europe/Berlin",
    }


# Sentences ------------------------------------------------------------------------------------


def test_the_network_and_its_members_are_told(world, network):
    update_network(
        actor=world.coordinator,
        network=network,
        data={"description": "Neu"},
        expected_version=network.version,
    )

    assert sentences(network) == [
        "Carla Rossi changed the name, description or themes of the network",
        "Carla Rossi added Berufliche Schulen Kassel (Lead) to the network",
        "Carla Rossi created the network “Duale Wege”",
    ]


def test_work_packages_are_told_with_what_changed(world, network, anna):
    package = add_package(network, anna)
    package = workplan.save_work_package(
        actor=anna,
        network=network,
        work_package=package,
        data={"progress": 60},
        expected_version=package.version,
    )
    package = workplan.save_work_package(
        actor=anna,
        network=network,
        work_package=package,
        data={"title": "Bedarfsanalyse der Betriebe"},
        expected_version=package.version,
    )
    workplan.save_work_package(
        actor=world.coordinator,
        network=network,
        work_package=package,
        data={"status": "done", "progress": 100},
        expected_version=package.version,
    )

    # The object is named as it is now, and linked.
    assert sentences(network)[:4] == [
        "Carla Rossi marked the work package “Bedarfsanalyse der Betriebe” as done",
        "Anna Weber changed the work package “Bedarfsanalyse der Betriebe”",
        "Anna Weber set the progress of the work package “Bedarfsanalyse der Betriebe” to 60 %",
        "Anna Weber added the work package “Bedarfsanalyse der Betriebe”",
    ]
    item = activity.stream([network], limit=1)[0]
    assert item.url == reverse(
        "networks:work_package",
        kwargs={"programme": world.programme.slug, "pk": network.pk, "item_id": package.pk},
    )
    assert f'<a href="{item.url}">Bedarfsanalyse der Betriebe</a>' in item.sentence


def test_milestones_deliverables_and_goals_are_told(world, network, anna):
    workplan.save_goal(actor=anna, network=network, data={"title": "Transfer sichern"})
    milestone = workplan.save_milestone(
        actor=anna, network=network, data={"title": "Kick-off", "due_on": D(2026, 2, 1)}
    )
    workplan.save_milestone(
        actor=anna,
        network=network,
        milestone=milestone,
        data={"done_on": D(2026, 2, 1)},
        expected_version=milestone.version,
    )
    workplan.save_milestone(
        actor=anna,
        network=network,
        data={"title": "Handreichung", "kind": "deliverable", "due_on": D(2026, 6, 1)},
    )

    assert sentences(network)[:4] == [
        "Anna Weber added the deliverable “Handreichung”",
        "Anna Weber marked the milestone “Kick-off” as reached",
        "Anna Weber added the milestone “Kick-off”",
        "Anna Weber added the goal “Transfer sichern”",
    ]


def test_a_tandems_project_steps_and_log_are_told(world, anna):
    school = OrganisationFactory(name="BS Fulda", kind="vocational_school")
    ParticipationFactory(programme=world.programme, organisation=school)
    MembershipFactory(organisation=school, user=anna)
    tandem = create_network(
        actor=world.coordinator, programme=world.programme, name="Tandem Fulda", kind="tandem"
    )
    add_member(actor=world.coordinator, network=tandem, organisation=school, role="lead")
    project = project_services.create_project(
        actor=anna, network=tandem, title="Digitale Berichtshefte", objective="Papierlos"
    )
    step = project_services.add_step(actor=anna, project=project, title="Pilot mit Klasse 10")
    project_services.set_step_status(actor=anna, step=step, status="done")
    project_services.add_log_entry(
        actor=anna, project=project, date=D(2026, 3, 1), kind="training_held", text="Schulung"
    )

    assert sentences(tandem)[:4] == [
        "Anna Weber wrote in the progress log of “Digitale Berichtshefte”: Training held",
        "Anna Weber finished the step “Pilot mit Klasse 10” of the development project "
        "“Digitale Berichtshefte”",
        "Anna Weber planned the step “Pilot mit Klasse 10” in the development project "
        "“Digitale Berichtshefte”",
        "Anna Weber started the development project “Digitale Berichtshefte”",
    ]
    assert activity.stream([tandem], limit=1)[0].url == tandem.url("project", project_id=project.pk)


def test_a_networks_meetings_are_told_but_not_who_registered(world, network, anna):
    meeting = event_services.create_event(
        actor=world.coordinator, programme=world.programme, data=event_data(), network=network
    )
    event_services.register(user=anna, event=meeting)
    event_services.add_decision(actor=world.coordinator, event=meeting, text="Weiter so")
    # A programme event belongs to no network's stream.
    event_services.create_event(
        actor=world.coordinator,
        programme=world.programme,
        data={**event_data(), "title": "Jahrestagung", "audience": "programme"},
    )

    told = sentences(network)
    assert told[:2] == [
        "Carla Rossi recorded a decision in the minutes of “Zweites Netzwerktreffen”",
        "Carla Rossi scheduled the meeting “Zweites Netzwerktreffen”",
    ]
    assert not any("regist" in sentence or "Jahrestagung" in sentence for sentence in told)
    assert activity.stream([network], limit=1)[0].url == meeting.get_absolute_url()


def test_names_in_sentences_are_escaped(world, network, anna):
    add_package(network, anna, title="<script>alert(1)</script>")

    html = str(activity.stream([network], limit=1)[0].sentence)

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_platform_acts_without_a_name(world, network):
    workplan.save_goal(actor=None, network=network, data={"title": "Ziel"})

    assert sentences(network)[0] == "The platform added the goal “Ziel”"


# Pages ----------------------------------------------------------------------------------------


def test_the_network_page_shows_its_own_recent_activity_only(client, world, network, anna):
    add_package(network, anna, title="Bedarfsanalyse")
    other = other_network(world)
    add_package(other, world.coordinator, title="Fremdes Arbeitspaket")
    client.force_login(anna)

    page = client.get(network.get_absolute_url()).content.decode()

    assert "Recent activity" in page
    assert "added the work package “" in page and "Bedarfsanalyse" in page
    assert "Fremdes Arbeitspaket" not in page
    assert network.url("activity") in page


def test_people_outside_the_workspace_see_no_activity(client, world, network, anna):
    add_package(network, anna, title="Bedarfsanalyse")
    client.force_login(world.outsider)

    page = client.get(network.get_absolute_url()).content.decode()

    assert "Duale Wege" in page  # the public card
    assert "Recent activity" not in page and "Bedarfsanalyse" not in page
    assert client.get(network.url("activity")).status_code == 404


def test_the_activity_page_pages_through_everything(client, world, network, anna):
    for number in range(32):
        workplan.save_goal(actor=anna, network=network, data={"title": f"Ziel {number}"})
    client.force_login(anna)

    first = client.get(network.url("activity")).content.decode()
    second = client.get(network.url("activity") + "?page=2").content.decode()

    assert ">Ziel 31</a>" in first and ">Ziel 2</a>" in first and ">Ziel 1</a>" not in first
    assert "Page 1 of 2" in first
    # 32 goals and the network's own two entries: 30 on the first page, 4 on the second.
    assert second.count('<li class="d-flex gap-2 mb-2">') == 4
    assert ">Ziel 1</a>" in second and "created the network" in second


def test_the_dashboard_shows_activity_of_ones_own_networks_only(client, world, network, anna):
    add_package(network, anna, title="Bedarfsanalyse")
    other = other_network(world, name="Fremdes Netz")
    add_package(other, world.coordinator, title="Fremdes Arbeitspaket")

    client.force_login(anna)
    mine = client.get(reverse("core:dashboard")).content.decode()
    client.force_login(world.outsider)
    outsider = client.get(reverse("core:dashboard")).content.decode()
    client.force_login(world.coordinator)
    coordinator = client.get(reverse("core:dashboard")).content.decode()

    assert "Recent activity in your networks" in mine
    assert "Bedarfsanalyse" in mine and "Fremdes Arbeitspaket" not in mine
    assert "Recent activity in your networks" not in outsider
    # The coordinator sees every network of the programme, each item naming its network.
    assert "Bedarfsanalyse" in coordinator and "Fremdes Arbeitspaket" in coordinator
    assert f'<a href="{other.get_absolute_url()}">Fremdes Netz</a>' in coordinator


def test_last_activity_is_the_newest_entry_per_network(world, network, anna):
    other = other_network(world)
    package = add_package(network, anna)
    newest = activity.entries_for([network.pk]).first()

    latest = activity.last_activity([network.pk, other.pk])

    assert latest[network.pk] == newest.created
    assert newest.object_id == str(package.pk)
    assert latest[other.pk] < latest[network.pk]


# Queries --------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    client.get(url)  # warm the caches (content types, sessions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _fill(network, world, anna, count):
    """``count`` of each kind of object, each with an entry."""
    for number in range(count):
        add_package(network, anna, title=f"Paket {number}")
        workplan.save_milestone(
            actor=anna, network=network, data={"title": f"M {number}", "due_on": D(2026, 5, 1)}
        )
        event_services.create_event(
            actor=world.coordinator,
            programme=world.programme,
            data={**event_data(), "title": f"Treffen {number}"},
            network=network,
        )


@pytest.mark.parametrize("name", ["detail", "activity"])
def test_the_network_pages_cost_the_same_queries_for_one_or_three_items(
    client, world, anna, make_network, name
):
    one = make_network("Eins", members=[world.organisation])
    three = make_network("Drei", members=[world.organisation])
    _fill(one, world, anna, 1)
    _fill(three, world, anna, 3)
    client.force_login(anna)

    assert _queries(client, one.url(name)) == _queries(client, three.url(name))


def test_the_dashboards_activity_costs_the_same_queries_for_one_or_three_items(
    client, world, anna, make_network
):
    network = make_network("Eins", members=[world.organisation])
    _fill(network, world, anna, 1)
    client.force_login(anna)
    before = _queries(client, reverse("core:dashboard"))

    _fill(network, world, anna, 2)
    make_network("Zwei", members=[world.organisation])

    assert _queries(client, reverse("core:dashboard")) == before


def test_discussions_and_documents_of_the_network_are_told_without_their_texts(
    world, anna, network
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from netzwerkstatt.discussions import services as discussion_services
    from netzwerkstatt.networks.services import documents as document_services

    thread = discussion_services.start_thread(
        actor=anna,
        programme=world.programme,
        network=network,
        title="Praktika im Sommer",
        body="Geheimer Entwurf: wer nimmt wen?",
    )
    discussion_services.add_post(actor=world.coordinator, thread=thread, body="Gute Frage.")
    # A programme's own thread belongs to no network's stream.
    discussion_services.start_thread(
        actor=anna, programme=world.programme, title="Programmweit", body="Für alle."
    )
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    document = document_services.upload_document(
        actor=anna, network=network, upload=pdf, title="Arbeitsplan 2026"
    )
    document_services.archive_document(actor=world.coordinator, document=document)

    told = sentences(network)

    assert told[:4] == [
        "Carla Rossi archived the document “Arbeitsplan 2026”",
        "Anna Weber added the document “Arbeitsplan 2026”",
        "Carla Rossi wrote in the discussion “Praktika im Sommer”",
        "Anna Weber started the discussion “Praktika im Sommer”",
    ]
    assert not any("Programmweit" in s or "Geheimer" in s for s in told)
    items = activity.stream([network], limit=4)
    assert items[2].url == f"{thread.get_absolute_url()}#post-{thread.posts.last().pk}"
    assert items[0].url == network.url("document", document_id=document.pk)
