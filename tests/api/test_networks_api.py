"""/api/v1/programmes/{slug}/networks: the public cards of a programme's networks for everyone
who may see the programme; a network's work programme and development projects for the people
who see its workspace. Everyone else, signed in or not, does not find a workspace (404)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netzwerkstatt.accounts.services import create_api_token
from netzwerkstatt.networks.models import (
    Goal,
    LogAttachment,
    Milestone,
    Network,
    NetworkMember,
    WorkPackage,
)
from netzwerkstatt.networks.services import projects as project_services
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
)

pytestmark = pytest.mark.django_db

NOT_FOUND = {"detail": "Not Found"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="Skript")
    return {"Authorization": f"Bearer {raw}"}


def get(client, path: str, user=None):
    return client.get(path, headers=bearer(user) if user else {})


def network_path(network, rest: str = "") -> str:
    return f"/api/v1/programmes/{network.programme.slug}/networks/{network.pk}{rest}"


def make_tandem(programme, school, company, name="Tandem Kassel") -> Network:
    tandem = Network.objects.create(programme=programme, name=name, kind=Network.Kind.TANDEM)
    NetworkMember.objects.create(network=tandem, organisation=school, role="lead")
    NetworkMember.objects.create(network=tandem, organisation=company, role="partner")
    return tandem


@pytest.fixture
def company(world):
    company = OrganisationFactory(
        name="Müller Maschinenbau GmbH", kind="training_company", country="DE", region="DE-HE"
    )
    ParticipationFactory(programme=world.programme, organisation=company)
    return company


@pytest.fixture
def tandem(world, company):
    tandem = make_tandem(world.programme, world.organisation, company)
    tandem.themes.set(Theme.objects.filter(code="digital-learning"))
    return tandem


@pytest.fixture
def work(world, tandem, company):
    goal = Goal.objects.create(network=tandem, title="Digitale Lernorte verbinden")
    package = WorkPackage.objects.create(
        network=tandem,
        goal=goal,
        title="Lernplattform einführen",
        owner=company,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 30),
        status=WorkPackage.Status.IN_PROGRESS,
        progress=40,
    )
    milestone = Milestone.objects.create(
        network=tandem,
        goal=goal,
        title="Plattform im Betrieb",
        kind=Milestone.Kind.DELIVERABLE,
        due_on=datetime.date(2099, 6, 30),
    )
    return goal, package, milestone


def add_project(world, tandem, title="Digitales Berichtsheft", *, entries=1):
    project = project_services.create_project(
        actor=world.member, network=tandem, title=title, objective="Papierlos dokumentieren."
    )
    step = project_services.add_step(actor=world.member, project=project, title="Pilotklasse")
    for number in range(entries):
        project_services.add_log_entry(
            actor=world.member,
            project=project,
            date=datetime.date(2026, 3, 1 + number),
            kind="tool_introduced",
            text=f"Berichtsheft-App eingeführt ({number}).",
            links=["https://example.org/app"],
            step=step,
            uploads=[SimpleUploadedFile("handout.pdf", PDF, content_type="application/pdf")],
        )
    return project


# The public cards ------------------------------------------------------------------------------


def test_the_cards_show_members_with_country_and_kind_and_themes(client, world, tandem, company):
    response = get(client, f"/api/v1/programmes/{world.programme.slug}/networks")
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": tandem.pk,
            "name": "Tandem Kassel",
            "kind": "tandem",
            "description": "",
            "members": [
                {
                    "role": "lead",
                    "organisation": {
                        "id": world.organisation.pk,
                        "slug": world.organisation.slug,
                        "name": "Berufliche Schulen Kassel",
                        "kind": world.organisation.kind,
                        "country": world.organisation.country,
                    },
                },
                {
                    "role": "partner",
                    "organisation": {
                        "id": company.pk,
                        "slug": company.slug,
                        "name": "Müller Maschinenbau GmbH",
                        "kind": "training_company",
                        "country": "DE",
                    },
                },
            ],
            "themes": [{"code": "digital-learning", "name": "Digital learning"}],
        }
    ]


def test_the_cards_of_a_non_public_programme_are_not_found_by_outsiders(client, world, tandem):
    world.programme.is_public = False
    world.programme.save()
    url = f"/api/v1/programmes/{world.programme.slug}/networks"
    assert get(client, url).json() == NOT_FOUND
    assert get(client, url, world.outsider).json() == NOT_FOUND
    assert [n["name"] for n in get(client, url, world.member).json()] == ["Tandem Kassel"]


def test_the_card_list_runs_a_fixed_number_of_queries(client, world, company):
    url = f"/api/v1/programmes/{world.programme.slug}/networks"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = get(client, url)
        assert response.status_code == 200
        return len(queries)

    make_tandem(world.programme, world.organisation, company, "Tandem 1")
    one = count()
    for number in (2, 3):
        other = make_tandem(world.programme, world.organisation, company, f"Tandem {number}")
        other.themes.set(Theme.objects.all()[:2])
    assert count() == one
    assert len(get(client, url).json()) == 3


# The work programme ----------------------------------------------------------------------------


def test_a_member_reads_the_work_programme(client, world, tandem, company, work):
    goal, package, milestone = work
    response = get(client, network_path(tandem, "/work-programme"), world.member)
    assert response.status_code == 200
    assert response.json() == {
        "network_id": tandem.pk,
        "goals": [
            {
                "id": goal.pk,
                "position": 0,
                "title": "Digitale Lernorte verbinden",
                "description": "",
            }
        ],
        "work_packages": [
            {
                "id": package.pk,
                "goal_id": goal.pk,
                "title": "Lernplattform einführen",
                "description": "",
                "owner": {
                    "id": company.pk,
                    "slug": company.slug,
                    "name": "Müller Maschinenbau GmbH",
                    "kind": "training_company",
                    "country": "DE",
                },
                "starts_on": "2026-01-01",
                "ends_on": "2026-06-30",
                "status": "in_progress",
                "progress": 40,
                "overdue": package.is_overdue(),
            }
        ],
        "milestones": [
            {
                "id": milestone.pk,
                "goal_id": goal.pk,
                "title": "Plattform im Betrieb",
                "kind": "deliverable",
                "due_on": "2099-06-30",
                "done_on": None,
                "overdue": False,
            }
        ],
    }


def test_the_work_programme_runs_a_fixed_number_of_queries(client, world, tandem, company):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = get(client, network_path(tandem, "/work-programme"), world.coordinator)
        assert response.status_code == 200
        return len(queries)

    def add(number: int) -> None:
        goal = Goal.objects.create(network=tandem, title=f"Ziel {number}")
        WorkPackage.objects.create(
            network=tandem,
            goal=goal,
            title=f"Paket {number}",
            owner=company if number % 2 else world.organisation,
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 2, 1),
        )
        Milestone.objects.create(network=tandem, title=f"M{number}", due_on=datetime.date.today())

    add(1)
    one = count()
    add(2)
    add(3)
    assert count() == one
    body = get(client, network_path(tandem, "/work-programme"), world.coordinator).json()
    assert [p["title"] for p in body["work_packages"]] == ["Paket 1", "Paket 2", "Paket 3"]


# Development projects --------------------------------------------------------------------------


def test_a_member_reads_the_projects_with_steps_and_log_without_file_contents(
    client, world, tandem
):
    project = add_project(world, tandem)
    step = project.steps.get()
    entry = project.log_entries.get()
    attachment = LogAttachment.objects.get()
    response = get(client, network_path(tandem, "/projects"), world.member)
    assert response.status_code == 200
    body = response.json()
    assert body == [
        {
            "id": project.pk,
            "title": "Digitales Berichtsheft",
            "objective": "Papierlos dokumentieren.",
            "starting_situation": "",
            "created": body[0]["created"],
            "steps": [{"id": step.pk, "position": 0, "title": "Pilotklasse", "status": "open"}],
            "log_entries": [
                {
                    "id": entry.pk,
                    "date": "2026-03-01",
                    "kind": "tool_introduced",
                    "step_id": step.pk,
                    "text": "Berichtsheft-App eingeführt (0).",
                    "links": ["https://example.org/app"],
                    "author": world.member.display_name,
                    "attachments": [{"id": attachment.pk, "name": "handout.pdf", "size": len(PDF)}],
                }
            ],
        }
    ]
    assert "%PDF" not in response.content.decode()


def test_the_log_is_newest_first(client, world, tandem):
    add_project(world, tandem, entries=3)
    body = get(client, network_path(tandem, "/projects"), world.coordinator).json()
    assert [e["date"] for e in body[0]["log_entries"]] == ["2026-03-03", "2026-03-02", "2026-03-01"]


def test_the_projects_run_a_fixed_number_of_queries(client, world, tandem):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = get(client, network_path(tandem, "/projects"), world.member)
        assert response.status_code == 200
        return len(queries)

    add_project(world, tandem, "Projekt 1", entries=1)
    one = count()
    add_project(world, tandem, "Projekt 2", entries=3)
    add_project(world, tandem, "Projekt 3", entries=2)
    assert count() == one
    assert len(get(client, network_path(tandem, "/projects"), world.member).json()) == 3


# Who does not find a workspace -----------------------------------------------------------------


@pytest.fixture
def strangers(world, company):
    """A member of another network of the same programme, a coordinator of another programme,
    the programme's committee member and an outsider."""
    other_school = OrganisationFactory(name="Andere Berufsschule")
    other_company = OrganisationFactory(name="Andere Firma", kind="training_company")
    make_tandem(world.programme, other_school, other_company, "Anderes Tandem")
    other_member = MembershipFactory(organisation=other_school).user
    other_coordinator = ProgrammeRoleFactory(programme=ProgrammeFactory(), role="coordinator").user
    return {
        "anonymous": None,
        "outsider": world.outsider,
        "committee_member": world.committee_member,
        "member_of_another_network": other_member,
        "coordinator_of_another_programme": other_coordinator,
    }


@pytest.mark.parametrize("endpoint", ["/work-programme", "/projects"])
@pytest.mark.parametrize(
    "who",
    [
        "anonymous",
        "outsider",
        "committee_member",
        "member_of_another_network",
        "coordinator_of_another_programme",
    ],
)
def test_people_outside_the_network_do_not_find_the_workspace(
    client, world, tandem, work, strangers, endpoint, who
):
    add_project(world, tandem)
    response = get(client, network_path(tandem, endpoint), strangers[who])
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize("who", ["member", "org_admin", "coordinator", "platform_admin"])
def test_the_workspace_is_read_by_its_people(client, world, tandem, work, who):
    add_project(world, tandem)
    user = getattr(world, who)
    assert get(client, network_path(tandem, "/work-programme"), user).json()["goals"][0][
        "title"
    ] == ("Digitale Lernorte verbinden")
    assert [p["title"] for p in get(client, network_path(tandem, "/projects"), user).json()] == [
        "Digitales Berichtsheft"
    ]


def test_a_network_of_another_programme_is_not_found_under_this_one(client, world, tandem):
    other = ProgrammeFactory()
    ProgrammeRoleFactory(programme=other, user=world.coordinator, role="coordinator")
    url = f"/api/v1/programmes/{other.slug}/networks/{tandem.pk}/projects"
    assert get(client, url, world.coordinator).json() == NOT_FOUND
