"""No workspace content reaches people outside the network and its coordinators, by URL or API.

The sweep reads the URL resolver and the API's OpenAPI document, so a new page of the networks,
events or discussions apps, or a new programme-scoped API endpoint, is tried automatically. The
workspace of network A (a tandem) carries a marker in every title: goals, work packages,
milestones, development projects, steps, log entries and their files, the network's own meeting
and a programme event for the invited network A only (with minutes, a task and a file), and,
once discussions exist, a thread of A with a post. Three people who must never see any of it
try every page and endpoint, GET and POST: an outsider, a member of another network B of the same
programme (who takes part in the programme), and a coordinator of another programme; anonymous
visitors too. Each must get 403 or 404 (anonymous: a redirect to sign in), and the marker must
not be in the response.

A few pages belong to the programme rather than to a workspace (the networks' public cards, the
programme's events, seminar topics and discussions, a person's own calendar): those are named in
``PROGRAMME_PAGES``; the people who take part in the programme use them (a member of network B
among them), but they never show the marker. A new page that strangers may use must be added
there, deliberately.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.shortcuts import resolve_url

from netzwerkstatt.api import api
from netzwerkstatt.events import services as event_services
from netzwerkstatt.events.models import EventAttachment, private_storage
from netzwerkstatt.networks.models import (
    DevelopmentProject,
    Goal,
    LogAttachment,
    LogEntry,
    Milestone,
    Network,
    NetworkMember,
    Step,
    WorkPackage,
)
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
)
from tests.test_urls_permissions import ROUTES

pytestmark = pytest.mark.django_db

MARKER = "Geheimsache-7Q4"
SWEPT_APPS = ("networks", "events", "discussions")
STRANGERS = ("anonymous", "outsider", "member_of_another_network", "coordinator_elsewhere")

# Pages of the programme, not of a workspace: the networks' public cards, the programme's events,
# seminar topics (with their votes) and discussions, and the person's own calendar. Strangers
# may get them (as the programme allows), never with the marker.
PROGRAMME_PAGES = {
    "networks:list",
    "networks:detail",
    "events:list",
    "events:topics",
    "events:topic_vote",
    "events:calendar",
    "events:feed",
    "discussions:list",
    "discussions:create",
}
# The same for the API: the public cards and the events the caller sees.
OPEN_ENDPOINTS = {
    "/api/v1/programmes/{slug}/networks",
    "/api/v1/programmes/{slug}/events",
}

SWEPT_ROUTES = [r for r in ROUTES if r.key.split(":")[0] in SWEPT_APPS]
API_PATHS = sorted(
    path
    for path in api.get_openapi_schema()["paths"]
    if path.startswith("/api/v1/programmes/{slug}/")
)


@pytest.fixture
def workspace(world, settings):
    """Network A of the world's programme with its workspace full of the marker, network B,
    and the strangers."""
    programme = world.programme
    company = OrganisationFactory(name="Betrieb A", kind="training_company")
    ParticipationFactory(programme=programme, organisation=company)
    network = Network.objects.create(programme=programme, name="Tandem A", kind="tandem")
    NetworkMember.objects.create(network=network, organisation=world.organisation, role="lead")
    NetworkMember.objects.create(network=network, organisation=company, role="partner")

    school_b = OrganisationFactory(name="Berufsschule B")
    ParticipationFactory(programme=programme, organisation=school_b)
    network_b = Network.objects.create(programme=programme, name="Tandem B", kind="tandem")
    NetworkMember.objects.create(network=network_b, organisation=school_b, role="lead")
    other_member = MembershipFactory(organisation=school_b, role="admin").user
    coordinator_elsewhere = ProgrammeRoleFactory(
        programme=ProgrammeFactory(), role="coordinator"
    ).user

    goal = Goal.objects.create(network=network, title=f"Ziel {MARKER}")
    work_package = WorkPackage.objects.create(
        network=network,
        goal=goal,
        title=f"Paket {MARKER}",
        owner=world.organisation,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    milestone = Milestone.objects.create(
        network=network, title=f"Meilenstein {MARKER}", due_on=datetime.date(2036, 6, 30)
    )
    project = DevelopmentProject.objects.create(
        network=network, title=f"Projekt {MARKER}", objective=f"Ziel {MARKER}"
    )
    step = Step.objects.create(project=project, title=f"Schritt {MARKER}")
    entry = LogEntry.objects.create(
        project=project, step=step, kind="reflection", text=f"Eintrag {MARKER}"
    )
    stored = private_storage().save("sweep/plan.pdf", ContentFile(f"%PDF-1.4 {MARKER}".encode()))
    log_file = LogAttachment.objects.create(
        entry=entry, file=stored, original_name=f"{MARKER}.pdf", size=20
    )

    times = {
        "starts_at": datetime.datetime(2036, 3, 3, 9, tzinfo=datetime.UTC),
        "ends_at": datetime.datetime(2036, 3, 3, 15, tzinfo=datetime.UTC),
        "timezone": "Europe/Berlin",
    }
    own_meeting = event_services.create_event(
        actor=world.coordinator,
        programme=programme,
        network=network,
        data={**times, "kind": "network_meeting", "title": f"Treffen {MARKER}"},
    )
    invited_only = event_services.create_event(
        actor=world.coordinator,
        programme=programme,
        invited_networks=[network],
        data={
            **times,
            "kind": "online_seminar",
            "title": f"Seminar {MARKER}",
            "audience": "networks",
        },
    )
    for event in (own_meeting, invited_only):
        event_services.save_minutes(
            actor=world.coordinator, event=event, text=f"Protokoll {MARKER}"
        )
        event_services.register(user=world.member, event=event)
    task = event_services.add_task(
        actor=world.coordinator, event=own_meeting, title=f"Aufgabe {MARKER}", assignee=world.member
    )
    event_file = EventAttachment.objects.create(
        event=own_meeting, file=stored, original_name=f"{MARKER}.pdf", size=20
    )
    topic = event_services.propose_topic(
        actor=world.member, programme=programme, title="Ein Seminarthema"
    )

    people = {
        "anonymous": None,
        "outsider": world.outsider,
        "member_of_another_network": other_member,
        "coordinator_elsewhere": coordinator_elsewhere,
    }
    feeds = {
        name: event_services.renew_calendar_feed(user=person or other_member).token
        for name, person in people.items()
    }
    values = {
        "programme": programme.slug,
        "slug": programme.slug,
        "pk": network.pk,
        "network_id": network.pk,
        "project_id": project.pk,
        "item_id": {
            "networks:goal": goal.pk,
            "networks:work_package": work_package.pk,
            "networks:milestone": milestone.pk,
        },
        "attachment_id": {"networks:": log_file.pk, "events:": event_file.pk},
        "task_id": task.pk,
        "topic_id": topic.pk,
        # Each event page is tried with both events of A.
        "event_id": [own_meeting.pk, invited_only.pk],
    }
    try:
        folder_model = apps.get_model("networks", "Folder")
    except LookupError:  # the document library is not there yet
        folder_model = None
    if folder_model is not None:
        folder = folder_model.objects.create(network=network, name=f"Ordner {MARKER}")
        document = apps.get_model("networks", "Document").objects.create(
            network=network, folder=folder, title=f"Dokument {MARKER}"
        )
        version = apps.get_model("networks", "DocumentVersion").objects.create(
            document=document,
            number=1,
            file=stored,
            original_name=f"{MARKER}.pdf",
            size=20,
            file_type="pdf",
            content_type="application/pdf",
        )
        document.current_version = version
        document.save()
        values.update(folder_id=folder.pk, document_id=document.pk, number=version.number)
    if apps.is_installed("netzwerkstatt.discussions"):
        from netzwerkstatt.discussions.models import Post, Thread

        thread = Thread.objects.create(
            programme=programme, network=network, title=f"Thema {MARKER}", author=world.member
        )
        post = Post.objects.create(thread=thread, author=world.member, body=f"Beitrag {MARKER}")
        values["thread_id"] = thread.pk
        values["post_id"] = post.pk
    return {"people": people, "feeds": feeds, "values": values}


def _value(name: str, key: str, workspace: dict, stranger: str):
    if name == "token":
        return workspace["feeds"][stranger]
    values = workspace["values"]
    if name not in values:
        pytest.fail(
            f"{key} takes the parameter {name!r}, which the sweep cannot fill: add an object of "
            "network A carrying the marker to the ``workspace`` fixture."
        )
    value = values[name]
    if isinstance(value, dict):
        return next(v for prefix, v in value.items() if key.startswith(prefix))
    return value


def fill(pattern: str, key: str, converters, workspace: dict, stranger: str) -> list[str]:
    """Every address of the route that shows something of network A: one per event of A for
    the events' pages (``pk`` is the event there, except on a network's event pages)."""
    event_pages = key.startswith("events:") and key not in (
        "events:network_list",
        "events:network_create",
    )
    variants = workspace["values"]["event_id"] if event_pages and "pk" in converters else [None]
    urls = []
    for event_pk in variants:
        path = pattern
        for name in converters:
            value = (
                event_pk if (name == "pk" and event_pk) else _value(name, key, workspace, stranger)
            )
            if isinstance(value, list):
                value = value[0]
            path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path, count=1)
        urls.append("/" + path)
    return urls


def _is_sign_in(response, url: str) -> bool:
    return response.status_code == 302 and urlsplit(response["Location"]).path == resolve_url(
        settings.LOGIN_URL
    )


def _refused(client, response, url: str, stranger: str, *, method: str) -> str | None:
    """None when the answer refuses; otherwise what is wrong."""
    body = b"".join(response) if response.streaming else response.content
    if MARKER.encode() in body:
        return f"{method} {url} shows the marker to {stranger} ({response.status_code})"
    if stranger == "anonymous" and _is_sign_in(response, url):
        return None
    if response.status_code == 302:
        # Sent on (to the canonical address of a thread, say): the page there must refuse too.
        target = urlsplit(response["Location"]).path
        return _refused(client, client.get(target), target, stranger, method="GET")
    if response.status_code in (403, 404, 405):
        return None
    return f"{method} {url} answers {response.status_code} to {stranger}"


def sign_in(client, workspace, stranger: str) -> None:
    person = workspace["people"][stranger]
    if person is not None:
        client.force_login(person)


def test_the_sweep_covers_the_workspace_pages():
    keys = {route.key for route in SWEPT_ROUTES}
    assert {"networks:work_programme", "networks:project", "events:detail", "events:minutes"} <= (
        keys
    )
    assert keys >= PROGRAMME_PAGES - {"discussions:list", "discussions:create"}
    assert set(OPEN_ENDPOINTS) <= set(API_PATHS)
    assert "/api/v1/programmes/{slug}/networks/{network_id}/projects" in API_PATHS


@pytest.mark.parametrize("stranger", STRANGERS)
@pytest.mark.parametrize("route", SWEPT_ROUTES, ids=lambda route: route.key)
def test_no_page_shows_the_workspace_to_strangers(client, workspace, route, stranger):
    sign_in(client, workspace, stranger)
    problems = []
    for url in fill(route.pattern, route.key, route.converters, workspace, stranger):
        response = client.get(url)
        if route.key in PROGRAMME_PAGES:
            body = b"".join(response) if response.streaming else response.content
            if MARKER.encode() in body:
                problems.append(f"GET {url} shows the marker to {stranger}")
            continue
        problems.append(_refused(client, response, url, stranger, method="GET"))
        # POST as well: nothing may act on (or answer with) A's workspace.
        response = client.post(url, {"title": "x", "text": "x", "body": "x"})
        problems.append(_refused(client, response, url, stranger, method="POST"))
    assert [p for p in problems if p] == []


@pytest.mark.parametrize("stranger", STRANGERS)
@pytest.mark.parametrize("path", API_PATHS)
def test_no_api_endpoint_shows_the_workspace_to_strangers(client, workspace, path, stranger):
    sign_in(client, workspace, stranger)
    names = re.findall(r"{(\w+)}", path)
    variants = workspace["values"]["event_id"] if "event_id" in names else [None]
    for event_pk in variants:
        url = path
        for name in names:
            value = event_pk if name == "event_id" else _value(name, path, workspace, stranger)
            url = url.replace(f"{{{name}}}", str(value))
        response = client.get(url)
        assert MARKER not in response.content.decode(), (url, stranger)
        if path in OPEN_ENDPOINTS:
            assert response.status_code == 200
        else:
            assert response.status_code == 404, (url, stranger, response.status_code)


@pytest.mark.parametrize("who", ["member", "coordinator"])
def test_the_marker_is_seen_by_the_networks_people(client, world, workspace, who):
    """The sweep's other half: the same addresses do show the marker to A's people, so a
    refusal above is the permission and not a wrong address."""
    client.force_login(getattr(world, who))
    values = workspace["values"]
    network = Network.objects.get(pk=values["pk"])
    for url in (
        network.url("work_programme"),
        network.url("project", project_id=values["project_id"]),
        f"/api/v1/programmes/{values['slug']}/networks/{network.pk}/projects",
        *(f"/programmes/{values['slug']}/events/{pk}/" for pk in values["event_id"]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert MARKER in response.content.decode(), url
