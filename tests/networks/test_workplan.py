"""The work programme: goals, work packages, milestones; their history and concurrent edits;
the timeline grouped by goal; the overview on the network's page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks import queries
from netzwerkstatt.networks.models import Goal, Milestone, Network, WorkPackage
from netzwerkstatt.networks.services import workplan
from tests.factories import MembershipFactory, OrganisationFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = datetime.date.today()


@pytest.fixture
def network(world, make_network):
    return make_network("Digitale Lernorte", members=[world.organisation])


def add_package(network, actor, title="Lernplattform einführen", **data):
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


def url(network, name, **kwargs):
    return reverse(
        f"networks:{name}",
        kwargs={"programme": network.programme.slug, "pk": network.pk, **kwargs},
    )


# Services -------------------------------------------------------------------------------------


def test_adding_and_changing_a_work_package_is_its_history(world, network):
    package = add_package(network, world.member)

    workplan.save_work_package(
        actor=world.coordinator,
        network=network,
        work_package=package,
        data={"status": "in_progress", "progress": 40},
        expected_version=1,
    )

    package.refresh_from_db()
    assert (package.status, package.progress, package.version) == ("in_progress", 40, 2)
    history = queries.history(package)
    assert [e.action for e in history] == [
        "network.work_package_changed",
        "network.work_package_added",
    ]
    assert history[0].actor == world.coordinator
    assert history[0].changes == {
        "status": {"old": "planned", "new": "in_progress"},
        "progress": {"old": 0, "new": 40},
    }


def test_a_change_made_to_an_older_version_is_refused(world, network):
    package = add_package(network, world.member)
    workplan.save_work_package(
        actor=world.member,
        network=network,
        work_package=package,
        data={"progress": 10},
        expected_version=1,
    )

    with pytest.raises(ConcurrentEdit):
        workplan.save_work_package(
            actor=world.coordinator,
            network=network,
            work_package=package,
            data={"progress": 90},
            expected_version=1,
        )

    package.refresh_from_db()
    assert package.progress == 10


def test_two_people_changing_different_items_do_not_conflict(world, network):
    first = add_package(network, world.member, "Eins")
    second = add_package(network, world.member, "Zwei")

    workplan.save_work_package(
        actor=world.member, network=network, work_package=first, data={"progress": 5},
        expected_version=1,
    )  # fmt: skip
    workplan.save_work_package(
        actor=world.coordinator, network=network, work_package=second, data={"progress": 7},
        expected_version=1,
    )  # fmt: skip

    assert sorted(WorkPackage.objects.values_list("progress", flat=True)) == [5, 7]


def test_a_work_package_is_owned_by_a_member_and_ends_after_it_starts(world, network):
    stranger = OrganisationFactory(name="Nicht Mitglied")

    with pytest.raises(ValidationError) as error:
        add_package(network, world.member, owner=stranger, ends_on=D(2026, 1, 1), progress=120)

    assert error.value.message_dict == {
        "owner": ["Choose a member organisation of the network."],
        "ends_on": ["The work package cannot end before it starts."],
        "progress": ["Give a number from 0 to 100."],
    }


def test_a_goal_of_another_network_is_refused(world, network, make_network):
    other = make_network("Anderes Netz")
    foreign = workplan.save_goal(actor=world.coordinator, network=other, data={"title": "Fremd"})

    with pytest.raises(ValidationError) as error:
        workplan.save_milestone(
            actor=world.member,
            network=network,
            data={"title": "Kick-off", "due_on": D(2026, 2, 1), "goal": foreign},
        )

    assert error.value.message_dict == {"goal": ["Choose a goal of this network."]}


def test_deleting_a_goal_keeps_its_work_without_a_goal(world, network):
    goal = workplan.save_goal(actor=world.member, network=network, data={"title": "Digital"})
    package = add_package(network, world.member, goal=goal)

    workplan.delete_goal(actor=world.member, network=network, goal=goal, expected_version=1)

    package.refresh_from_db()
    assert package.goal is None
    assert AuditEntry.objects.filter(action="network.goal_deleted").count() == 1


def test_overdue_means_past_its_date_and_not_finished():
    package = WorkPackage(ends_on=D(2026, 3, 31), status="in_progress")
    milestone = Milestone(due_on=D(2026, 3, 31))

    assert package.is_overdue(D(2026, 4, 1)) is True
    assert package.is_overdue(D(2026, 3, 31)) is False
    package.status = "done"
    assert package.is_overdue(D(2026, 4, 1)) is False
    assert milestone.is_overdue(D(2026, 4, 1)) is True
    milestone.done_on = D(2026, 3, 30)
    assert milestone.is_overdue(D(2026, 4, 1)) is False


# The timeline -----------------------------------------------------------------------------------


def test_the_timeline_spans_the_months_and_marks_bars_and_milestones():
    goal = Goal(pk=1, title="Digital")
    package = WorkPackage(
        pk=1, goal_id=1, title="A", starts_on=D(2026, 1, 15), ends_on=D(2026, 3, 10),
        status="planned",
    )  # fmt: skip
    loose = WorkPackage(
        pk=2, goal_id=None, title="B", starts_on=D(2026, 2, 1), ends_on=D(2026, 2, 28),
        status="in_progress",
    )  # fmt: skip
    milestone = Milestone(pk=1, goal_id=1, title="M", due_on=D(2026, 4, 30))

    timeline = queries.timeline([goal], [package, loose], [milestone], today=D(2026, 3, 5))

    assert timeline.months == [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1)]
    assert timeline.current == 2
    first, without_goal = timeline.groups
    assert first.goal is goal and without_goal.goal is None
    bar = first.rows[0]
    assert [c.on for c in bar.cells] == [True, True, True, False]
    assert [(c.start, c.end) for c in bar.cells if c.on] == [
        (True, False),
        (False, False),
        (False, True),
    ]
    marker = first.rows[1]
    assert marker.is_milestone and [c.marker for c in marker.cells] == [False, False, False, True]
    assert [c.on for c in without_goal.rows[0].cells] == [False, True, False, False]
    assert without_goal.rows[0].overdue is True  # ended in February, not done


def test_an_empty_work_programme_has_an_empty_timeline():
    timeline = queries.timeline([], [], [])

    assert timeline.is_empty and timeline.months == []


# Pages ----------------------------------------------------------------------------------------


def test_the_work_programme_page_shows_the_timeline_grouped_by_goal(client, world, network):
    goal = workplan.save_goal(actor=world.member, network=network, data={"title": "Lernorte"})
    add_package(
        network, world.member, "Lernvideos drehen", goal=goal, starts_on=TODAY.replace(day=1),
        ends_on=TODAY + datetime.timedelta(days=40),
    )  # fmt: skip
    add_package(network, world.member, "Alte Aufgabe", ends_on=TODAY - datetime.timedelta(days=3),
                starts_on=TODAY - datetime.timedelta(days=60))  # fmt: skip
    client.force_login(world.member)

    response = client.get(url(network, "work_programme"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in content and 'scope="rowgroup"' in content
    assert "Goal: " in content and "Lernorte" in content
    assert "Without a goal" in content
    assert content.count("Overdue") == 1  # Alte Aufgabe, written out, not only coloured
    assert "gantt-overdue" in content
    assert "this month" in content


def test_the_item_page_shows_its_history(client, world, network):
    package = add_package(network, world.member)
    workplan.save_work_package(
        actor=world.coordinator, network=network, work_package=package, data={"progress": 60},
        expected_version=1,
    )  # fmt: skip
    client.force_login(world.member)

    response = client.get(url(network, "work_package", item_id=package.pk))

    content = response.content.decode()
    assert "History" in content
    assert "network.work_package_changed" in content
    assert world.coordinator.display_name in content


def test_a_member_adds_a_milestone(client, world, network):
    client.force_login(world.member)

    response = client.post(
        url(network, "milestone_new"),
        {"title": "Zwischenbericht", "kind": "deliverable", "due_on": "2026-06-30"},
    )

    assert response.status_code == 302
    milestone = Milestone.objects.get()
    assert (milestone.title, milestone.kind, milestone.network) == (
        "Zwischenbericht",
        "deliverable",
        network,
    )


def test_a_stale_form_keeps_the_input_and_says_why(client, world, network):
    package = add_package(network, world.member)
    WorkPackage.objects.filter(pk=package.pk).update(version=3)
    client.force_login(world.member)

    response = client.post(
        url(network, "work_package", item_id=package.pk),
        {
            "title": "Mein Titel", "owner": world.organisation.pk, "starts_on": "2026-01-15",
            "ends_on": "2026-03-10", "status": "done", "progress": 100, "version": 1,
        },
    )  # fmt: skip

    content = response.content.decode()
    assert response.status_code == 200
    assert "Not saved: someone else changed this after you opened it." in content
    assert 'value="Mein Titel"' in content
    assert "The saved version" in content
    assert WorkPackage.objects.get(pk=package.pk).title == "Lernplattform einführen"


def test_the_form_reports_problems_next_to_the_fields(client, world, network):
    client.force_login(world.member)

    response = client.post(
        url(network, "work_package_new"),
        {"title": "X", "owner": world.organisation.pk, "starts_on": "2026-05-01",
         "ends_on": "2026-04-01", "status": "planned", "progress": 0},
    )  # fmt: skip

    content = response.content.decode()
    assert 'id="id_ends_on_error"' in content
    assert "The work package cannot end before it starts." in content


@pytest.mark.parametrize(
    ("role", "status"),
    [("outsider", 404), ("committee_member", 404), ("member", 200), ("coordinator", 200)],
)
def test_the_work_programme_is_for_members_and_coordinators(client, world, network, role, status):
    client.force_login(getattr(world, role))

    assert client.get(url(network, "work_programme")).status_code == status


def test_a_non_member_cannot_add_work(client, world, network):
    client.force_login(world.outsider)

    response = client.post(url(network, "goal_new"), {"title": "Unterwandern"})

    assert response.status_code == 404
    assert not Goal.objects.exists()


def test_a_member_of_another_network_does_not_find_this_one(client, world, make_network):
    elsewhere = OrganisationFactory(name="Anderswo")
    ParticipationFactory(programme=world.programme, organisation=elsewhere)
    other_member = MembershipFactory(organisation=elsewhere).user
    network = make_network("Netz", members=[world.organisation])
    client.force_login(other_member)

    assert client.get(url(network, "work_programme")).status_code == 404


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def _fill(network, world, count):
    for n in range(count):
        goal = workplan.save_goal(actor=world.member, network=network, data={"title": f"Z{n}"})
        add_package(network, world.member, f"P{n}", goal=goal)
        workplan.save_milestone(
            actor=world.member,
            network=network,
            data={"title": f"M{n}", "due_on": D(2026, 2, 1), "goal": goal},
        )


@pytest.mark.parametrize("name", ["work_programme", "detail"])
def test_the_pages_query_the_same_for_one_or_three_of_each(client, world, make_network, name):
    one = make_network("Eins", members=[world.organisation])
    three = make_network("Drei", members=[world.organisation])
    _fill(one, world, 1)
    _fill(three, world, 3)
    client.force_login(world.member)
    _queries(client, url(one, name))  # warm the per-session caches

    assert _queries(client, url(one, name)) == _queries(client, url(three, name))


def test_the_network_page_shows_what_needs_attention(client, world, network):
    add_package(network, world.member, "Verspätet", starts_on=D(2020, 1, 1), ends_on=D(2020, 2, 1))
    workplan.save_milestone(
        actor=world.member,
        network=network,
        data={"title": "Abschlusskonferenz", "due_on": TODAY + datetime.timedelta(days=30)},
    )
    client.force_login(world.member)

    content = client.get(network.get_absolute_url()).content.decode()

    assert "Overdue" in content and "Verspätet" in content
    assert "Next milestones" in content and "Abschlusskonferenz" in content


def test_the_public_card_shows_no_workspace(client, world, network):
    add_package(network, world.member, "Intern")

    content = client.get(network.get_absolute_url()).content.decode()

    assert "Intern" not in content
    assert "Work programme" not in content


def test_the_tabs_offer_development_projects_only_to_tandems(client, world, make_network):
    tandem = make_network("Tandem", Network.Kind.TANDEM, members=[world.organisation])
    group = make_network("Gruppe", Network.Kind.WORKING_GROUP, members=[world.organisation])
    client.force_login(world.member)

    assert "Development projects" in client.get(url(tandem, "work_programme")).content.decode()
    assert "Development projects" not in client.get(url(group, "work_programme")).content.decode()
