"""The events pages: who sees what, what they show, and that lists do not grow in queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.events import services
from netzwerkstatt.events.models import Event, EventAttachment, Registration, SeminarTopic
from tests.events.factories import EventFactory, NetworkFactory, NetworkMemberFactory
from tests.factories import MembershipFactory, ParticipationFactory, ProgrammeFactory


def _url(name, event, **kwargs):
    return reverse(name, kwargs={"programme": event.programme.slug, "pk": event.pk, **kwargs})


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


# Who sees what -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("outsider", 404),
        ("committee_member", 404),
        ("member", 200),
        ("org_admin", 200),
        ("coordinator", 200),
        ("platform_admin", 200),
    ],
)
def test_a_networks_meeting_is_for_its_people_and_the_coordinators(
    client, world, network_event, role, status
):
    client.force_login(getattr(world, role))

    assert client.get(_url("events:detail", network_event)).status_code == status


def test_a_participant_outside_the_network_does_not_see_its_meeting(client, world, network_event):
    other = MembershipFactory().user
    ParticipationFactory(
        programme=world.programme, organisation=other.memberships.get().organisation
    )
    client.force_login(other)

    assert client.get(_url("events:detail", network_event)).status_code == 404
    listing = client.get(reverse("events:list", kwargs={"programme": world.programme.slug}))
    assert network_event.title not in listing.content.decode()


def test_people_of_another_programme_see_none_of_its_events(client, world, event):
    other = ProgrammeFactory(is_public=True)
    person = MembershipFactory().user
    ParticipationFactory(programme=other, organisation=person.memberships.get().organisation)
    client.force_login(person)

    listing = client.get(reverse("events:list", kwargs={"programme": world.programme.slug}))
    assert event.title not in listing.content.decode()
    assert client.get(_url("events:detail", event)).status_code == 404
    assert client.get(_url("events:ics", event)).status_code == 404


def test_an_event_for_invited_networks_is_for_their_people_only(client, world, network):
    other_network = NetworkFactory(programme=world.programme)
    elsewhere = MembershipFactory().user
    NetworkMemberFactory(
        network=other_network, organisation=elsewhere.memberships.get().organisation
    )
    event = EventFactory(programme=world.programme, audience="networks")
    event.invited_networks.set([network])

    client.force_login(world.member)
    assert client.get(_url("events:detail", event)).status_code == 200
    client.force_login(elsewhere)
    assert client.get(_url("events:detail", event)).status_code == 404


def test_the_lead_organisations_admin_manages_the_networks_meeting_a_member_does_not(
    client, world, network_event
):
    client.force_login(world.org_admin)
    assert client.get(_url("events:edit", network_event)).status_code == 200
    client.force_login(world.member)
    assert client.get(_url("events:edit", network_event)).status_code == 403


# What the pages show -----------------------------------------------------------------------------


def test_the_list_shows_upcoming_and_past_events_and_the_readers_registration(client, world):
    from tests.events.factories import in_days

    upcoming = EventFactory(
        programme=world.programme,
        title="Netzwerktreffen 3",
        capacity=10,
        series_number=3,
        series_total=6,
    )
    EventFactory(
        programme=world.programme,
        title="Kick-off",
        starts_at=in_days(-30),
        ends_at=in_days(-30, 16),
    )
    services.register(user=world.member, event=upcoming)
    client.force_login(world.member)

    content = client.get(
        reverse("events:list", kwargs={"programme": world.programme.slug})
    ).content.decode()

    upcoming_part, past_part = content.split('id="past-heading"')
    assert "Netzwerktreffen 3" in upcoming_part and "Kick-off" in past_part
    assert "Network meeting · 3 of 6" in upcoming_part
    assert "You are registered" in upcoming_part
    assert "1 of 10 places taken" in upcoming_part


def test_the_event_page_shows_agenda_times_in_the_events_zone_and_registration(client, world):
    import datetime

    event = services.create_event(
        actor=world.coordinator,
        programme=world.programme,
        data={
            "kind": "kick_off",
            "title": "Kick-off in Bologna",
            "starts_at": datetime.datetime(2030, 5, 6, 9, 30, tzinfo=datetime.UTC),
            "ends_at": datetime.datetime(2030, 5, 6, 15, 0, tzinfo=datetime.UTC),
            "timezone": "Europe/Rome",
            "location": "Bologna, Camera di commercio",
            "capacity": 1,
            "audience": "programme",
        },
        agenda=[
            {"starts_at": datetime.time(11, 30), "title": "Begrüßung", "speaker": "Dr. Rossi"},
        ],
    )
    services.register(user=world.org_admin, event=event)
    client.force_login(world.member)

    content = client.get(_url("events:detail", event)).content.decode()

    assert "May 6, 2030, 11:30 a.m.–5 p.m. (Europe/Rome)" in content
    assert "Begrüßung" in content and "Dr. Rossi" in content
    assert "Join the waiting list" in content
    assert "Edit" not in content


def test_registering_and_cancelling_through_the_page(client, world, event):
    client.force_login(world.member)

    client.post(_url("events:register", event))
    assert Registration.objects.get(user=world.member).status == "registered"
    assert "You are registered." in client.get(_url("events:detail", event)).content.decode()
    client.post(_url("events:unregister", event))
    assert Registration.objects.get(user=world.member).status == "cancelled"


def test_the_coordinator_creates_an_event_with_times_in_its_zone_and_an_agenda(client, world):
    client.force_login(world.coordinator)

    response = client.post(
        reverse("events:create", kwargs={"programme": world.programme.slug}),
        {
            "kind": "online_seminar",
            "title": "KI in der Ausbildung",
            "starts_at": "2030-02-03T14:00",
            "ends_at": "2030-02-03T16:00",
            "timezone": "Europe/Rome",
            "online_url": "https://meet.example.org/ki",
            "audience": "programme",
            "agenda-TOTAL_FORMS": "3",
            "agenda-INITIAL_FORMS": "0",
            "agenda-0-starts_at": "14:00",
            "agenda-0-title": "Einführung",
            "agenda-0-speaker": "Anna Weber",
            "agenda-1-title": "",
            "agenda-2-title": "",
        },
    )

    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.starts_at.isoformat() == "2030-02-03T13:00:00+00:00"
    assert [(str(i.starts_at), i.title, i.speaker) for i in event.agenda.all()] == [
        ("14:00:00", "Einführung", "Anna Weber")
    ]
    edit = client.get(_url("events:edit", event)).content.decode()
    assert 'value="2030-02-03T14:00"' in edit


def test_attendance_and_minutes_pages_record_for_the_manager(client, world, event):
    registration = services.register(user=world.member, event=event)
    client.force_login(world.coordinator)

    client.post(_url("events:attendance", event), {"attended": [registration.pk]})
    client.post(_url("events:minutes", event), {"action": "minutes", "minutes": "# Protokoll"})
    client.post(_url("events:minutes", event), {"action": "decision", "text": "Treffen in Rom"})
    client.post(
        _url("events:minutes", event),
        {"action": "task", "title": "Raum buchen", "assignee": world.member.pk, "due_on": ""},
    )

    registration.refresh_from_db()
    event.refresh_from_db()
    assert registration.attended is True
    assert event.minutes == "# Protokoll"
    content = client.get(_url("events:detail", event)).content.decode()
    assert "Treffen in Rom" in content and "Raum buchen" in content
    client.force_login(world.member)
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert "Raum buchen" in dashboard and "From Kick-off ConnActions" in dashboard


def test_slides_are_uploaded_by_managers_and_downloaded_by_the_audience(client, world, event):
    client.force_login(world.coordinator)
    client.post(
        _url("events:attachment_upload", event),
        {"file": SimpleUploadedFile("folien.pdf", b"%PDF-1.4 slides", "application/pdf")},
    )
    attachment = EventAttachment.objects.get()
    client.force_login(world.member)

    response = client.get(_url("events:attachment", event, attachment_id=attachment.pk))

    assert b"".join(response.streaming_content) == b"%PDF-1.4 slides"


def test_members_propose_and_vote_for_topics_and_the_coordinator_plans_a_seminar(client, world):
    client.force_login(world.member)
    topics = reverse("events:topics", kwargs={"programme": world.programme.slug})
    client.post(topics, {"title": "Prüfungen digital", "description": "Wie?"})
    topic = SeminarTopic.objects.get()
    client.force_login(world.org_admin)
    client.post(
        reverse(
            "events:topic_vote", kwargs={"programme": world.programme.slug, "topic_id": topic.pk}
        )
    )
    assert topic.votes.count() == 2
    assert "You voted" in client.get(topics).content.decode()

    client.force_login(world.coordinator)
    url = reverse(
        "events:topic_seminar", kwargs={"programme": world.programme.slug, "topic_id": topic.pk}
    )
    assert 'value="Prüfungen digital"' in client.get(url).content.decode()
    client.post(
        url,
        {
            "title": "Online-Seminar: Prüfungen digital",
            "starts_at": "2030-02-03T14:00",
            "ends_at": "2030-02-03T16:00",
            "timezone": "Europe/Berlin",
            "agenda-TOTAL_FORMS": "0",
            "agenda-INITIAL_FORMS": "0",
        },
    )
    topic.refresh_from_db()
    assert topic.event.kind == "online_seminar"


def test_the_networks_events_tab_lists_its_meetings(client, world, network, network_event):
    client.force_login(world.member)

    content = client.get(
        reverse("events:network_list", kwargs={"programme": world.programme.slug, "pk": network.pk})
    ).content.decode()

    assert network_event.title in content
    assert 'aria-current="page" href="/programmes/' in content  # the Events tab is the current one


# Query counts ------------------------------------------------------------------------------------


def test_the_programme_list_query_count_does_not_grow_with_events(client, world, network):
    client.force_login(world.member)
    url = reverse("events:list", kwargs={"programme": world.programme.slug})
    EventFactory(programme=world.programme)
    one = _queries(client, url)
    EventFactory(programme=world.programme, network=network, audience="networks")
    services.register(user=world.member, event=EventFactory(programme=world.programme))

    assert _queries(client, url) == one


def test_the_network_list_query_count_does_not_grow_with_events(client, world, network):
    client.force_login(world.member)
    url = reverse(
        "events:network_list", kwargs={"programme": world.programme.slug, "pk": network.pk}
    )
    EventFactory(programme=world.programme, network=network, audience="networks")
    one = _queries(client, url)
    EventFactory.create_batch(2, programme=world.programme, network=network, audience="networks")

    assert _queries(client, url) == one


def test_the_dashboard_query_count_does_not_grow_with_events_and_tasks(client, world, network):
    client.force_login(world.member)
    url = reverse("core:dashboard")
    event = EventFactory(programme=world.programme)
    services.add_task(actor=None, event=event, title="A", assignee=world.member)
    _queries(client, url)  # warm the content-type cache, which depends on the tests run before
    one = _queries(client, url)
    for _ in range(2):
        e = EventFactory(programme=world.programme, network=network, audience="networks")
        services.add_task(actor=None, event=e, title="B", assignee=world.member)

    assert _queries(client, url) == one


# API ---------------------------------------------------------------------------------------------


def test_the_api_lists_only_the_events_the_caller_sees(client, world, network_event, event):
    url = f"/api/v1/programmes/{world.programme.slug}/events"
    client.force_login(world.member)
    assert {e["title"] for e in client.get(url).json()} == {event.title, network_event.title}
    client.force_login(world.outsider)
    assert client.get(url).json() == []
    client.force_login(world.member)
    detail = client.get(f"{url}/{network_event.pk}").json()
    assert detail["uid"] == f"{network_event.uid}@netzwerkstatt"
    client.force_login(world.committee_member)
    assert client.get(f"{url}/{network_event.pk}").status_code == 404
