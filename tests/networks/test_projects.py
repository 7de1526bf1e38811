"""The development projects of tandems: steps, the progress log with links and attachments,
and the coordinators' side-by-side view."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks import queries
from netzwerkstatt.networks.models import DevelopmentProject, LogEntry, Network
from netzwerkstatt.networks.services import projects
from tests.factories import OrganisationFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

D = datetime.date
PDF = b"%PDF-1.4 test"


@pytest.fixture
def tandem(world, make_network):
    company = OrganisationFactory(name="Kasseler Maschinenbau GmbH", kind="training_company")
    ParticipationFactory(programme=world.programme, organisation=company)
    return make_network("Tandem Kassel", Network.Kind.TANDEM, members=[world.organisation, company])


@pytest.fixture
def project(world, tandem):
    return projects.create_project(
        actor=world.member,
        network=tandem,
        title="Digitales Lernen im Betrieb",
        objective="Auszubildende lernen mit einer Lernplattform.",
        starting_situation="Papierbasierte Berichtshefte.",
    )


def url(network, name, **kwargs):
    return reverse(
        f"networks:{name}",
        kwargs={"programme": network.programme.slug, "pk": network.pk, **kwargs},
    )


# Services -------------------------------------------------------------------------------------


def test_only_tandems_have_development_projects(world, make_network):
    group = make_network("Arbeitsgruppe", Network.Kind.WORKING_GROUP)

    with pytest.raises(ValidationError) as error:
        projects.create_project(actor=world.member, network=group, title="X", objective="Y")

    assert error.value.messages == ["Only tandems have development projects."]


def test_a_log_entry_keeps_its_links_and_attachments(world, project, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    step = projects.add_step(actor=world.member, project=project, title="Plattform auswählen")

    entry = projects.add_log_entry(
        actor=world.member,
        project=project,
        date=D(2026, 3, 2),
        kind="tool_introduced",
        text="Lernplattform mit den Auszubildenden eingeführt.",
        links="https://example.org/plattform\n\nhttps://example.org/anleitung",
        step=step,
        uploads=[SimpleUploadedFile("handout.pdf", PDF)],
    )

    assert entry.links == ["https://example.org/plattform", "https://example.org/anleitung"]
    assert [a.original_name for a in entry.attachments.all()] == ["handout.pdf"]
    audit = AuditEntry.objects.get(action="network.log_entry_added")
    assert audit.changes["attachments"] == {"old": None, "new": ["handout.pdf"]}


def test_bad_links_and_files_are_reported_per_field_and_nothing_is_stored(world, project):
    with pytest.raises(ValidationError) as error:
        projects.add_log_entry(
            actor=world.member,
            project=project,
            date=D(2026, 3, 2),
            kind="material_created",
            text="Zwei Lernvideos aufgenommen.",
            links="www.example.org",
            uploads=[SimpleUploadedFile("video.pdf", b"not a pdf")],
        )

    errors = error.value.message_dict
    assert errors["links"] == [
        "“www.example.org” is not a web address (it must begin with https:// or http://)."
    ]
    assert errors["attachments"] == ["video.pdf: The content of this file is not a PDF file."]
    assert not LogEntry.objects.exists()


def test_a_reflection_is_a_kind_of_entry(world, project):
    entry = projects.add_log_entry(
        actor=world.member,
        project=project,
        date=D(2026, 4, 1),
        kind="reflection",
        text="Widerstand im Kollegium, dann Neugier.",
    )

    assert entry.get_kind_display() == "Reflection on resistance and change"


def test_setting_a_steps_status_is_audited_on_the_project(world, project):
    step = projects.add_step(actor=world.member, project=project, title="Schulung")

    projects.set_step_status(actor=world.member, step=step, status="done")

    step.refresh_from_db()
    assert step.status == "done"
    assert [e.action for e in queries.history(project)][:2] == [
        "network.step_status_set",
        "network.step_added",
    ]


# Pages ----------------------------------------------------------------------------------------


def test_the_project_page_shows_objective_steps_and_log(client, world, tandem, project):
    projects.add_step(actor=world.member, project=project, title="Lernvideos aufnehmen")
    projects.add_log_entry(
        actor=world.member, project=project, date=D(2026, 3, 2), kind="training_held",
        text="Schulung für Ausbilder gehalten.", links="https://example.org/folien",
    )  # fmt: skip
    client.force_login(world.member)

    content = client.get(url(tandem, "project", project_id=project.pk)).content.decode()

    assert "Auszubildende lernen mit einer Lernplattform." in content
    assert "Papierbasierte Berichtshefte." in content
    assert "Lernvideos aufnehmen" in content
    assert "0 of 1 steps done" in content
    assert "Training held" in content and "Schulung für Ausbilder gehalten." in content
    assert 'href="https://example.org/folien"' in content


def test_a_member_writes_a_log_entry_with_an_attachment_and_others_download_it(
    client, world, tandem, project, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    client.force_login(world.member)

    response = client.post(
        url(tandem, "project", project_id=project.pk),
        {
            "action": "entry", "date": "2026-03-02", "kind": "material_created",
            "text": "Zwei Lernvideos aufgenommen.", "links": "",
            "attachments": [SimpleUploadedFile("skript.pdf", PDF)],
        },
    )  # fmt: skip

    assert response.status_code == 302
    attachment = LogEntry.objects.get().attachments.get()
    download = url(tandem, "log_attachment", project_id=project.pk, attachment_id=attachment.pk)
    client.force_login(world.coordinator)
    assert b"".join(client.get(download).streaming_content) == PDF
    client.force_login(world.outsider)
    assert client.get(download).status_code == 404


def test_a_stale_project_form_keeps_the_input(client, world, tandem, project):
    DevelopmentProject.objects.filter(pk=project.pk).update(version=2)
    client.force_login(world.member)

    response = client.post(
        url(tandem, "project_edit", project_id=project.pk),
        {"title": "Neuer Titel", "objective": "Neues Ziel", "starting_situation": "", "version": 1},
    )

    content = response.content.decode()
    assert "Not saved: someone else changed this after you opened it." in content
    assert "Neues Ziel" in content
    assert DevelopmentProject.objects.get(pk=project.pk).objective.startswith("Auszubildende")


def test_a_working_group_has_no_project_pages(client, world, make_network):
    group = make_network("Gruppe", Network.Kind.WORKING_GROUP, members=[world.organisation])
    client.force_login(world.member)

    assert client.get(url(group, "projects")).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("outsider", 404), ("committee_member", 404), ("member", 200), ("coordinator", 200)],
)
def test_projects_are_for_the_tandem_and_the_coordinators(client, world, tandem, project, role,
                                                          status):  # fmt: skip
    client.force_login(getattr(world, role))

    assert client.get(url(tandem, "project", project_id=project.pk)).status_code == status
    response = client.post(
        url(tandem, "project", project_id=project.pk), {"action": "step", "title": "Fremd"}
    )
    assert project.steps.exists() is (status == 200)
    assert response.status_code == (302 if status == 200 else status)


# The coordinators' overview -------------------------------------------------------------------


def _tandem_with_project(world, make_network, n):
    company = OrganisationFactory(name=f"Betrieb {n}", kind="training_company")
    school = OrganisationFactory(name=f"Schule {n}")
    for organisation in (company, school):
        ParticipationFactory(programme=world.programme, organisation=organisation)
    tandem = make_network(f"Tandem {n}", Network.Kind.TANDEM, members=[school, company])
    project = projects.create_project(
        actor=world.coordinator, network=tandem, title=f"Projekt {n}", objective="Ziel"
    )
    step = projects.add_step(actor=world.coordinator, project=project, title="Schritt")
    projects.set_step_status(actor=world.coordinator, step=step, status="done")
    projects.add_step(actor=world.coordinator, project=project, title="Noch offen")
    projects.add_log_entry(
        actor=world.coordinator, project=project, date=D(2026, 5, n + 1), kind="process_changed",
        text="Prozess geändert",
    )  # fmt: skip
    return tandem


def test_the_overview_shows_every_tandems_projects_side_by_side(client, world, make_network):
    _tandem_with_project(world, make_network, 1)
    make_network("Tandem ohne Projekt", Network.Kind.TANDEM)
    client.force_login(world.coordinator)

    response = client.get(
        reverse("networks:projects_overview", kwargs={"programme": world.programme.slug})
    )

    content = response.content.decode()
    assert "Tandem 1" in content and "Schule 1 · Betrieb 1" in content
    assert "Projekt 1" in content
    assert "1 of 2" in content
    assert "Process changed" in content
    assert "Tandem ohne Projekt" in content and "No development project yet." in content


def test_the_overview_queries_the_same_for_one_or_three_tandems(client, world, make_network):
    path = reverse("networks:projects_overview", kwargs={"programme": world.programme.slug})
    _tandem_with_project(world, make_network, 1)
    client.force_login(world.coordinator)
    client.get(path)

    with CaptureQueriesContext(connection) as one:
        client.get(path)
    _tandem_with_project(world, make_network, 2)
    _tandem_with_project(world, make_network, 3)
    with CaptureQueriesContext(connection) as three:
        response = client.get(path)

    assert response.content.decode().count("Prozess") == 0  # the log's text stays on its page
    assert len(one) == len(three)


def test_the_overview_is_for_the_coordinators(client, world):
    path = reverse("networks:projects_overview", kwargs={"programme": world.programme.slug})
    client.force_login(world.member)

    assert client.get(path).status_code == 403
