"""The .ics of an event and the personal feed, read back with icalendar."""

import datetime

from django.urls import reverse
from icalendar import Calendar

from netzwerkstatt.events import services
from netzwerkstatt.events.models import CalendarFeed
from netzwerkstatt.events.services import EVENT_FIELDS
from tests.events.factories import EventFactory
from tests.factories import ProgrammeFactory, UserFactory


def _ics(client, event) -> Calendar:
    response = client.get(
        reverse("events:ics", kwargs={"programme": event.programme.slug, "pk": event.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _vevent(cal: Calendar):
    (vevent,) = cal.walk("VEVENT")
    return vevent


def test_the_ics_has_a_stable_uid_a_growing_sequence_and_the_time_zone(client, world):
    event = EventFactory(
        programme=world.programme, title="Netzwerktreffen Rom", timezone="Europe/Rome"
    )
    client.force_login(world.member)

    first = _ics(client, event)
    new_start = event.starts_at + datetime.timedelta(hours=2)
    services.update_event(
        actor=world.coordinator,
        event=event,
        data={
            **{n: getattr(event, n) for n in EVENT_FIELDS},
            "starts_at": new_start,
            "ends_at": event.ends_at + datetime.timedelta(hours=2),
        },
        expected_sequence=0,
    )
    second = _ics(client, event)

    one, two = _vevent(first), _vevent(second)
    assert str(one["UID"]) == str(two["UID"]) == f"{event.uid}@netzwerkstatt"
    assert (one["SEQUENCE"], two["SEQUENCE"]) == (0, 1)
    assert one["DTSTART"].params["TZID"] == "Europe/Rome"
    assert str(two["DTSTART"].dt.tzinfo) == "Europe/Rome"
    assert two["DTSTART"].dt == new_start
    assert str(one["STATUS"]) == "CONFIRMED"
    assert [tz["TZID"] for tz in second.walk("VTIMEZONE")] == ["Europe/Rome"]
    assert str(one["SUMMARY"]) == "Netzwerktreffen Rom"


def test_a_cancelled_event_says_so_with_a_higher_sequence(client, world):
    event = EventFactory(programme=world.programme)
    services.cancel_event(actor=world.coordinator, event=event)
    client.force_login(world.member)

    vevent = _vevent(_ics(client, event))

    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent["SEQUENCE"] == 1


def test_the_feed_holds_the_persons_events_including_cancelled_ones(client, world, network):
    ours = EventFactory(programme=world.programme, title="Programmweit")
    network_meeting = EventFactory(
        programme=world.programme, network=network, audience="networks", title="Netzwerk"
    )
    cancelled = EventFactory(programme=world.programme, title="Abgesagt")
    services.cancel_event(actor=None, event=cancelled)
    EventFactory(programme=ProgrammeFactory(), title="Anderes Programm")
    feed = services.renew_calendar_feed(user=world.member)

    response = client.get(reverse("events:feed", kwargs={"token": feed.token}))

    assert response.status_code == 200
    cal = Calendar.from_ical(response.content)
    by_title = {str(v["SUMMARY"]): str(v["STATUS"]) for v in cal.walk("VEVENT")}
    assert by_title == {
        ours.title: "CONFIRMED",
        network_meeting.title: "CONFIRMED",
        cancelled.title: "CANCELLED",
    }
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_an_outsiders_feed_is_empty(client, world, network):
    EventFactory(programme=world.programme, network=network, audience="networks")
    feed = services.renew_calendar_feed(user=world.outsider)

    cal = Calendar.from_ical(
        client.get(reverse("events:feed", kwargs={"token": feed.token})).content
    )

    assert cal.walk("VEVENT") == []


def test_a_renewed_or_revoked_token_is_not_found(client, world):
    old = services.renew_calendar_feed(user=world.member).token
    new = services.renew_calendar_feed(user=world.member).token

    assert client.get(reverse("events:feed", kwargs={"token": old})).status_code == 404
    assert client.get(reverse("events:feed", kwargs={"token": new})).status_code == 200
    services.revoke_calendar_feed(user=world.member)
    assert client.get(reverse("events:feed", kwargs={"token": new})).status_code == 404


def test_the_calendar_page_creates_shows_and_revokes_the_address(client, world):
    client.force_login(world.member)
    url = reverse("events:calendar")

    assert "Create my calendar address" in client.get(url).content.decode()
    client.post(url, {"action": "renew"})
    token = CalendarFeed.objects.get(user=world.member).token
    assert f"/calendar/{token}.ics" in client.get(url).content.decode()
    client.post(url, {"action": "revoke"})
    assert not CalendarFeed.objects.filter(user=world.member).exists()


def test_the_feed_query_count_does_not_grow_with_events(client, world, django_assert_num_queries):
    person = UserFactory()
    world.programme.roles.create(user=person, role="coordinator")
    token = services.renew_calendar_feed(user=person).token
    url = reverse("events:feed", kwargs={"token": token})
    EventFactory(programme=world.programme)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    EventFactory.create_batch(2, programme=world.programme)
    with CaptureQueriesContext(connection) as three:
        client.get(url)

    assert len(three) == len(one)
