"""Registration with capacity and waiting list, changes and cancellations with their e-mails,
reminders, attendance, minutes' tasks and seminar topics."""

import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.events import services
from netzwerkstatt.events.models import Event, Registration, SeminarTopic, TopicVote
from netzwerkstatt.events.services import EVENT_FIELDS
from tests.events.factories import EventFactory, in_days
from tests.factories import MembershipFactory, UserFactory


def _data(event: Event, **changes) -> dict:
    return {**{name: getattr(event, name) for name in EVENT_FIELDS}, **changes}


# Registration ------------------------------------------------------------------------------------


def test_registration_takes_a_place_while_there_are_places_then_the_waiting_list(
    event, django_capture_on_commit_callbacks
):
    people = UserFactory.create_batch(3)

    with django_capture_on_commit_callbacks(execute=True):
        statuses = [services.register(user=p, event=event).status for p in people]

    assert statuses == ["registered", "registered", "waitlisted"]
    assert [m.subject for m in mail.outbox] == [
        "You are registered: Kick-off ConnActions",
        "You are registered: Kick-off ConnActions",
        "You are on the waiting list: Kick-off ConnActions",
    ]
    assert mail.outbox[2].to == [people[2].email]


def test_registering_twice_keeps_the_one_registration(event):
    person = UserFactory()
    services.register(user=person, event=event)
    services.register(user=person, event=event)

    assert Registration.objects.filter(event=event, user=person).count() == 1


def test_when_a_registered_person_cancels_the_first_waiting_moves_up_and_is_told(
    event, django_capture_on_commit_callbacks
):
    first, second, waiting, later = UserFactory.create_batch(4)
    for person in (first, second, waiting, later):
        services.register(user=person, event=event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(actor=first, registration=Registration.objects.get(user=first))

    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {
        first.email: "cancelled",
        second.email: "registered",
        waiting.email: "registered",
        later.email: "waitlisted",
    }
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([waiting.email], "A place is free for you: Kick-off ConnActions")
    ]
    assert AuditEntry.objects.filter(action="event.moved_up").count() == 1


def test_leaving_the_waiting_list_moves_nobody_up(event):
    people = UserFactory.create_batch(3)
    for person in people:
        services.register(user=person, event=event)

    services.cancel_registration(
        actor=people[2], registration=Registration.objects.get(user=people[2])
    )

    assert list(
        Registration.objects.order_by("requested_at", "id").values_list("status", flat=True)
    ) == ["registered", "registered", "cancelled"]


def test_more_places_move_the_waiting_up(event):
    people = UserFactory.create_batch(4)
    for person in people:
        services.register(user=person, event=event)

    services.update_event(
        actor=None, event=event, data=_data(event, capacity=3), expected_sequence=0
    )

    assert Registration.objects.filter(status="registered").count() == 3
    assert Registration.objects.filter(status="waitlisted").count() == 1


def test_a_cancelled_event_takes_no_registrations(event):
    services.cancel_event(actor=None, event=event)

    with pytest.raises(ValidationError):
        services.register(user=UserFactory(), event=event)


def _march_event(world) -> Event:
    start = datetime.datetime(2030, 3, 12, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    return EventFactory(
        programme=world.programme,
        title="Kick-off ConnActions",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=6),
        capacity=5,
    )


# Changes and cancellations -----------------------------------------------------------------------


def test_a_change_of_time_raises_the_sequence_and_tells_the_registered_in_their_language(
    world, django_capture_on_commit_callbacks
):
    event = _march_event(world)
    german = UserFactory(language="de")
    italian = UserFactory(language="it")
    for person in (german, italian):
        services.register(user=person, event=event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.update_event(
            actor=None,
            event=event,
            data=_data(
                event,
                starts_at=event.starts_at + datetime.timedelta(hours=1),
                ends_at=event.ends_at + datetime.timedelta(hours=1),
            ),
            expected_sequence=0,
        )

    event.refresh_from_db()
    assert event.sequence == 1
    # Each message is rendered in its recipient's language: Django's own date formats and month
    # names show it (the interface strings follow once the catalogues carry them).
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "12. März 2030, 11:00–17:00 (Europe/Berlin)" in bodies[german.email]
    assert "12 Marzo 2030, 11:00–17:00 (Europe/Berlin)" in bodies[italian.email]


def test_a_change_of_the_description_only_raises_the_sequence(
    event, django_capture_on_commit_callbacks
):
    services.register(user=UserFactory(), event=event)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.update_event(
            actor=None, event=event, data=_data(event, description="Neu"), expected_sequence=0
        )

    assert Event.objects.get(pk=event.pk).sequence == 1
    assert mail.outbox == []


def test_an_edit_from_an_old_form_is_refused(event):
    services.update_event(actor=None, event=event, data=_data(event), expected_sequence=0)

    with pytest.raises(ConcurrentEdit):
        services.update_event(
            actor=None, event=event, data=_data(event, title="Alt"), expected_sequence=0
        )


def test_cancelling_tells_everyone_registered_and_waiting_in_their_language(
    world, django_capture_on_commit_callbacks
):
    event = _march_event(world)
    people = [UserFactory(language=code) for code in ("de", "it", "en")]
    for person in people:
        services.register(user=person, event=event)
    gone = UserFactory(language="de")
    services.register(user=gone, event=event)
    services.cancel_registration(actor=gone, registration=Registration.objects.get(user=gone))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_event(actor=None, event=event, reason="Streik der Bahn")

    event.refresh_from_db()
    assert (event.status, event.sequence) == ("cancelled", 1)
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert sorted(bodies) == sorted(p.email for p in people)
    assert "12. März 2030" in bodies[people[0].email]
    assert "12 Marzo 2030" in bodies[people[1].email]
    assert "March 12, 2030" in bodies[people[2].email]
    assert all("Streik der Bahn" in m.body for m in mail.outbox)
    assert {m.subject for m in mail.outbox} >= {"Cancelled: Kick-off ConnActions"}


def test_invitations_go_to_the_people_of_the_invited_networks_only(
    world, network, django_capture_on_commit_callbacks
):
    outside = MembershipFactory().user
    event = EventFactory(programme=world.programme, audience="networks")

    with django_capture_on_commit_callbacks(execute=True):
        event = services.create_event(
            actor=world.coordinator,
            programme=world.programme,
            data=_data(event, title="Arbeitsgruppe Digitalisierung"),
            invited_networks=[network],
            send_invitations=True,
        )

    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([world.member.email, world.org_admin.email])
    assert outside.email not in recipients
    assert mail.outbox[0].subject.startswith("Invitation: Arbeitsgruppe Digitalisierung on ")
    assert event.invitations_sent_at is not None


# Reminders ---------------------------------------------------------------------------------------


def test_the_reminder_command_reminds_once_those_registered_for_tomorrow(
    world, django_capture_on_commit_callbacks
):
    tomorrow = EventFactory(
        programme=world.programme,
        title="Online-Seminar KI",
        starts_at=timezone.now() + datetime.timedelta(hours=20),
        ends_at=timezone.now() + datetime.timedelta(hours=22),
    )
    later = EventFactory(programme=world.programme)
    cancelled = EventFactory(
        programme=world.programme,
        starts_at=timezone.now() + datetime.timedelta(hours=5),
        ends_at=timezone.now() + datetime.timedelta(hours=6),
    )
    person = UserFactory(language="it")
    for e in (tomorrow, later, cancelled):
        services.register(user=person, event=e)
    services.cancel_event(actor=None, event=cancelled)
    mail.outbox.clear()

    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=output)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=output)

    assert output.getvalue().splitlines() == ["1 reminder(s) queued.", "0 reminder(s) queued."]
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert "Online-Seminar KI" in mail.outbox[0].subject
    assert Registration.objects.get(event=tomorrow).reminded_at is not None


# Attendance, minutes, tasks ----------------------------------------------------------------------


def test_attendance_marks_who_came_among_the_registered(event):
    came, missed = UserFactory.create_batch(2)
    registrations = [services.register(user=p, event=event) for p in (came, missed)]

    services.record_attendance(actor=None, event=event, attended_ids=[registrations[0].pk])

    assert dict(Registration.objects.values_list("user_id", "attended")) == {
        came.pk: True,
        missed.pk: False,
    }


def test_a_task_is_assigned_told_and_ticked_off(world, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        task = services.add_task(
            actor=world.coordinator,
            event=event,
            title="Protokoll an alle senden",
            assignee=world.member,
            due_on=datetime.date(2030, 1, 31),
        )

    assert [m.subject for m in mail.outbox] == ["A task for you from Kick-off ConnActions"]
    services.set_task_done(actor=world.member, task=task, done=True)
    task.refresh_from_db()
    assert task.done_at is not None


# Seminar topics ----------------------------------------------------------------------------------


def test_topic_votes_are_one_per_person_and_can_be_taken_back(world):
    topic = services.propose_topic(
        actor=world.member, programme=world.programme, title="KI in der Ausbildung"
    )

    assert services.toggle_vote(user=world.org_admin, topic=topic) is True
    assert topic.votes.count() == 2  # the proposer's and the admin's
    assert services.toggle_vote(user=world.org_admin, topic=topic) is False
    assert list(TopicVote.objects.values_list("user", flat=True)) == [world.member.pk]


def test_the_coordinator_turns_a_topic_into_an_online_seminar(world):
    topic = services.propose_topic(
        actor=world.member, programme=world.programme, title="KI in der Ausbildung"
    )

    event = services.turn_topic_into_seminar(
        actor=world.coordinator,
        topic=topic,
        data={
            "title": "Online-Seminar: KI in der Ausbildung",
            "starts_at": in_days(20, 14),
            "ends_at": in_days(20, 16),
            "timezone": "Europe/Rome",
            "online_url": "https://meet.example.org/ki",
        },
    )

    topic.refresh_from_db()
    assert (topic.status, topic.event) == (SeminarTopic.Status.SCHEDULED, event)
    assert (event.kind, event.audience) == ("online_seminar", "programme")
    with pytest.raises(ValidationError):
        services.toggle_vote(user=world.org_admin, topic=topic)
