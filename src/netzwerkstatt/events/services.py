"""Changes to events: one function per transition, each in one transaction, audit-logged, with
its e-mails queued after the commit in each recipient's language."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.core.uploads import check_document

from .models import (
    AgendaItem,
    CalendarFeed,
    Decision,
    Event,
    EventAttachment,
    Registration,
    SeminarTopic,
    Task,
    TopicVote,
)

EVENT_FIELDS = [
    "kind",
    "title",
    "series_number",
    "series_total",
    "description",
    "starts_at",
    "ends_at",
    "timezone",
    "location",
    "online_url",
    "capacity",
    "audience",
]
# A change to one of these is worth an e-mail to the people registered.
NOTIFIED_FIELDS = {"starts_at", "ends_at", "timezone", "location", "online_url"}
ATTACHMENT_TYPES = ["pdf", "pptx", "odp", "docx", "odt", "xlsx", "png", "jpg"]
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


# E-mail ------------------------------------------------------------------------------------------


def _mail(template: str, user, event: Event, **context: Any) -> None:
    if not user.email or user.erased_at or not user.is_active:
        return
    queue_email(
        template=f"events/email/{template}",
        to=user.email,
        language=user.language or settings.LANGUAGE_CODE,
        context={
            "event": event,
            "person": user,
            "url": settings.SITE_URL + event.get_absolute_url(),
            **context,
        },
    )


def audience_people(event: Event):
    """The people an event is for: the people of its network's (or the invited networks', or
    the programme's participating) organisations."""
    User = get_user_model()
    if event.network_id is not None:
        people = User.objects.filter(
            memberships__organisation__network_memberships__network_id=event.network_id
        )
    elif event.audience == Event.Audience.NETWORKS:
        people = User.objects.filter(
            memberships__organisation__network_memberships__network__in=event.invited_networks.all()
        )
    else:
        people = User.objects.filter(
            memberships__organisation__participations__programme_id=event.programme_id
        )
    return people.filter(is_active=True, erased_at__isnull=True).distinct().order_by("pk")


def _check_times(data: dict) -> None:
    if data["ends_at"] < data["starts_at"]:
        raise ValidationError({"ends_at": _("The event cannot end before it starts.")})


def _set_agenda(event: Event, agenda: Iterable[dict]) -> list[dict]:
    event.agenda.all().delete()
    items = [
        AgendaItem(event=event, order=index, **item)
        for index, item in enumerate(agenda)
        if item.get("title")
    ]
    AgendaItem.objects.bulk_create(items)
    return [{"time": str(i.starts_at or ""), "title": i.title, "speaker": i.speaker} for i in items]


def _agenda_snapshot(event: Event) -> list[dict]:
    return [
        {"time": str(i.starts_at or ""), "title": i.title, "speaker": i.speaker}
        for i in event.agenda.all()
    ]


# Events ------------------------------------------------------------------------------------------


@transaction.atomic
def create_event(
    *,
    actor,
    programme,
    data: dict,
    agenda: Iterable[dict] = (),
    network=None,
    invited_networks: Iterable = (),
    send_invitations: bool = False,
) -> Event:
    _check_times(data)
    if network is not None:
        data = {**data, "audience": Event.Audience.NETWORKS}
    event = Event.objects.create(programme=programme, network=network, created_by=actor, **data)
    if network is None and data.get("audience") == Event.Audience.NETWORKS:
        event.invited_networks.set(invited_networks)
    agenda_items = _set_agenda(event, agenda)
    changes = audit.changes_between({}, audit.snapshot(event, [*EVENT_FIELDS, "invited_networks"]))
    changes["agenda"] = {"old": None, "new": agenda_items}
    audit.record(
        actor=actor, action="event.created", obj=event, programme=programme, changes=changes
    )
    if send_invitations:
        invite(actor=actor, event=event)
    return event


@transaction.atomic
def update_event(
    *,
    actor,
    event: Event,
    data: dict,
    expected_sequence: int,
    agenda: Iterable[dict] | None = None,
    invited_networks: Iterable | None = None,
) -> Event:
    """Save changes; each saved change raises ``sequence`` (calendars replace their copy) and a
    change of time or place is e-mailed to everyone registered or waiting."""
    _check_times(data)
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.sequence != expected_sequence:
        raise ConcurrentEdit
    if locked.is_cancelled:
        raise ValidationError(_("A cancelled event cannot be changed."))
    fields = [*EVENT_FIELDS, "invited_networks"]
    before = audit.snapshot(locked, fields)
    agenda_before = _agenda_snapshot(locked)
    if event.network_id is not None:
        data = {**data, "audience": Event.Audience.NETWORKS}
    for name, value in data.items():
        if isinstance(value, datetime.datetime):
            value = value.astimezone(datetime.UTC)  # as read back, so snapshots compare
        setattr(event, name, value)
    event.sequence = locked.sequence + 1
    event.updated = timezone.now()
    event.save()
    if invited_networks is not None and event.network_id is None:
        event.invited_networks.set(
            invited_networks if event.audience == Event.Audience.NETWORKS else []
        )
    changes = audit.changes_between(before, audit.snapshot(event, fields))
    if agenda is not None:
        agenda_after = _set_agenda(event, agenda)
        if agenda_after != agenda_before:
            changes["agenda"] = {"old": agenda_before, "new": agenda_after}
    audit.record(
        actor=actor, action="event.changed", obj=event, programme=event.programme, changes=changes
    )
    if NOTIFIED_FIELDS & set(changes):
        for registration in event.registrations.filter(
            status__in=Registration.ACTIVE
        ).select_related("user"):
            _mail("changed", registration.user, event, registration=registration)
    _fill_free_places(actor=actor, event=event)
    return event


@transaction.atomic
def cancel_event(*, actor, event: Event, reason: str = "") -> Event:
    if event.is_cancelled:
        raise ValidationError(_("The event is already cancelled."))
    event.status = Event.Status.CANCELLED
    event.sequence += 1
    event.updated = timezone.now()
    event.save(update_fields=["status", "sequence", "updated"])
    audit.record(
        actor=actor,
        action="event.cancelled",
        obj=event,
        programme=event.programme,
        changes={"status": {"old": Event.Status.SCHEDULED, "new": event.status}, "reason": reason},
    )
    for registration in event.registrations.filter(status__in=Registration.ACTIVE).select_related(
        "user"
    ):
        _mail("cancelled", registration.user, event, reason=reason)
    return event


@transaction.atomic
def invite(*, actor, event: Event) -> int:
    """E-mail the invitation to everyone the event is for; returns how many were written to."""
    people = list(audience_people(event))
    for person in people:
        _mail("invitation", person, event)
    event.invitations_sent_at = timezone.now()
    event.save(update_fields=["invitations_sent_at"])
    audit.record(
        actor=actor,
        action="event.invitations_sent",
        obj=event,
        programme=event.programme,
        changes={"recipients": {"old": None, "new": len(people)}},
    )
    return len(people)


# Registrations -----------------------------------------------------------------------------------


@transaction.atomic
def register(*, user, event: Event) -> Registration:
    """A place if one is free, otherwise the waiting list. Registering again after cancelling
    joins at the end."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.is_cancelled or locked.is_past:
        raise ValidationError(_("Registration for this event is closed."))
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status in Registration.ACTIVE:
        return registration
    taken = locked.registrations.filter(status=Registration.Status.REGISTERED).count()
    status = (
        Registration.Status.REGISTERED
        if locked.capacity is None or taken < locked.capacity
        else Registration.Status.WAITLISTED
    )
    if registration is None:
        registration = Registration(event=event, user=user)
    old = registration.status or None
    registration.status = status
    registration.requested_at = timezone.now()
    registration.reminded_at = None
    registration.save()
    audit.record(
        actor=user,
        action="event.registered",
        obj=event,
        programme=event.programme,
        changes={"person": str(user), "status": {"old": old, "new": status}},
    )
    _mail("registration", user, event, registration=registration)
    return registration


@transaction.atomic
def cancel_registration(*, actor, registration: Registration) -> Registration:
    """The person gives up their place (or leaves the waiting list); the first person waiting
    moves up and is told."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration.refresh_from_db()
    if registration.status == Registration.Status.CANCELLED:
        return registration
    old = registration.status
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    audit.record(
        actor=actor,
        action="event.registration_cancelled",
        obj=event,
        programme=event.programme,
        changes={
            "person": str(registration.user),
            "status": {"old": old, "new": registration.status},
        },
    )
    _fill_free_places(actor=actor, event=event)
    return registration


def _fill_free_places(*, actor, event: Event) -> list[Registration]:
    if event.is_cancelled or event.is_past:
        return []
    waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).select_related(
        "user"
    )
    if event.capacity is not None:
        taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
        waiting = waiting[: max(event.capacity - taken, 0)]
    moved = list(waiting)
    for registration in moved:
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
        audit.record(
            actor=actor,
            action="event.moved_up",
            obj=event,
            programme=event.programme,
            changes={
                "person": str(registration.user),
                "status": {"old": Registration.Status.WAITLISTED, "new": registration.status},
            },
        )
        _mail("moved_up", registration.user, event, registration=registration)
    return moved


@transaction.atomic
def record_attendance(*, actor, event: Event, attended_ids: Iterable[int]) -> None:
    """Marks who came among the people registered; everyone else registered did not."""
    attended_ids = {int(i) for i in attended_ids}
    registrations = list(
        event.registrations.filter(status=Registration.Status.REGISTERED).select_related("user")
    )
    changes = {}
    for registration in registrations:
        came = registration.pk in attended_ids
        if registration.attended != came:
            changes[str(registration.user)] = {"old": registration.attended, "new": came}
            registration.attended = came
            registration.save(update_fields=["attended"])
    audit.record(
        actor=actor,
        action="event.attendance_recorded",
        obj=event,
        programme=event.programme,
        changes=changes,
    )


def send_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind everyone registered for an event that starts within the next 24 hours, once. Run
    hourly (``manage.py send_event_reminders``); ``reminded_at`` makes it safe to run again."""
    now = now or timezone.now()
    sent = 0
    due = Registration.objects.filter(
        status=Registration.Status.REGISTERED,
        reminded_at__isnull=True,
        event__status=Event.Status.SCHEDULED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + datetime.timedelta(hours=24),
    ).select_related("user", "event__programme")
    for registration in due:
        with transaction.atomic():
            # Claim the registration first, so two overlapping runs cannot both send.
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                _mail("reminder", registration.user, registration.event)
                sent += 1
    return sent


# Minutes, decisions, tasks, attachments ----------------------------------------------------------


@transaction.atomic
def save_minutes(*, actor, event: Event, text: str) -> Event:
    old = event.minutes
    event.minutes = text
    event.minutes_updated_at = timezone.now()
    event.save(update_fields=["minutes", "minutes_updated_at"])
    audit.record(
        actor=actor,
        action="event.minutes_saved",
        obj=event,
        programme=event.programme,
        changes=audit.changes_between({"minutes": old}, {"minutes": text}),
    )
    return event


@transaction.atomic
def add_decision(*, actor, event: Event, text: str) -> Decision:
    decision = Decision.objects.create(event=event, text=text)
    audit.record(
        actor=actor,
        action="event.decision_added",
        obj=event,
        programme=event.programme,
        changes={"decision": {"old": None, "new": text}},
    )
    return decision


@transaction.atomic
def remove_decision(*, actor, decision: Decision) -> None:
    event = decision.event
    audit.record(
        actor=actor,
        action="event.decision_removed",
        obj=event,
        programme=event.programme,
        changes={"decision": {"old": decision.text, "new": None}},
    )
    decision.delete()


@transaction.atomic
def add_task(*, actor, event: Event, title: str, assignee, due_on=None) -> Task:
    task = Task.objects.create(
        event=event, title=title, assignee=assignee, due_on=due_on, created_by=actor
    )
    audit.record(
        actor=actor,
        action="event.task_added",
        obj=event,
        programme=event.programme,
        changes={
            "task": {"old": None, "new": title},
            "assignee": {"old": None, "new": str(assignee)},
            "due_on": {"old": None, "new": str(due_on) if due_on else None},
        },
    )
    _mail("task", assignee, event, task=task)
    return task


@transaction.atomic
def set_task_done(*, actor, task: Task, done: bool) -> Task:
    old = task.done_at
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done_at"])
    audit.record(
        actor=actor,
        action="event.task_done" if done else "event.task_reopened",
        obj=task.event,
        programme=task.event.programme,
        changes={"task": task.title, "done": {"old": old is not None, "new": done}},
    )
    return task


@transaction.atomic
def add_attachment(*, actor, event: Event, upload) -> EventAttachment:
    check_document(upload, allowed_types=ATTACHMENT_TYPES, max_bytes=ATTACHMENT_MAX_BYTES)
    attachment = EventAttachment(
        event=event, original_name=upload.name[:200], size=upload.size, uploaded_by=actor
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    audit.record(
        actor=actor,
        action="event.attachment_added",
        obj=event,
        programme=event.programme,
        changes={"attachment": {"old": None, "new": attachment.original_name}},
    )
    return attachment


@transaction.atomic
def remove_attachment(*, actor, attachment: EventAttachment) -> None:
    event = attachment.event
    audit.record(
        actor=actor,
        action="event.attachment_removed",
        obj=event,
        programme=event.programme,
        changes={"attachment": {"old": attachment.original_name, "new": None}},
    )
    attachment.file.delete(save=False)
    attachment.delete()


# Needs-based online seminars ---------------------------------------------------------------------


@transaction.atomic
def propose_topic(*, actor, programme, title: str, description: str = "") -> SeminarTopic:
    topic = SeminarTopic.objects.create(
        programme=programme, title=title, description=description, proposed_by=actor
    )
    TopicVote.objects.create(topic=topic, user=actor)  # who proposes a topic wants it
    audit.record(
        actor=actor,
        action="event.topic_proposed",
        obj=topic,
        programme=programme,
        changes={"title": {"old": None, "new": title}},
    )
    return topic


@transaction.atomic
def toggle_vote(*, user, topic: SeminarTopic) -> bool:
    """One vote per person and topic; voting again takes the vote back. Returns whether the
    person now votes for the topic."""
    if topic.status != SeminarTopic.Status.PROPOSED:
        raise ValidationError(_("A seminar is already planned on this topic."))
    deleted, _details = TopicVote.objects.filter(topic=topic, user=user).delete()
    if not deleted:
        TopicVote.objects.create(topic=topic, user=user)
    return not deleted


@transaction.atomic
def turn_topic_into_seminar(
    *, actor, topic: SeminarTopic, data: dict, agenda: Iterable[dict] = (), send_invitations=False
) -> Event:
    if topic.status != SeminarTopic.Status.PROPOSED:
        raise ValidationError(_("A seminar is already planned on this topic."))
    event = create_event(
        actor=actor,
        programme=topic.programme,
        data={**data, "kind": Event.Kind.ONLINE_SEMINAR, "audience": Event.Audience.PROGRAMME},
        agenda=agenda,
        send_invitations=send_invitations,
    )
    topic.status = SeminarTopic.Status.SCHEDULED
    topic.event = event
    topic.save(update_fields=["status", "event"])
    audit.record(
        actor=actor,
        action="event.topic_scheduled",
        obj=topic,
        programme=topic.programme,
        changes={"status": {"old": SeminarTopic.Status.PROPOSED, "new": topic.status}},
    )
    return event


# Calendar feed -----------------------------------------------------------------------------------


@transaction.atomic
def renew_calendar_feed(*, user) -> CalendarFeed:
    """A new secret address for the person's calendar; the old address stops working."""
    CalendarFeed.objects.filter(user=user).delete()
    feed = CalendarFeed.objects.create(user=user, token=CalendarFeed.new_token())
    audit.record(actor=user, action="event.calendar_feed_created", obj=feed)
    return feed


@transaction.atomic
def revoke_calendar_feed(*, user) -> None:
    deleted, _details = CalendarFeed.objects.filter(user=user).delete()
    if deleted:
        audit.record(actor=user, action="event.calendar_feed_revoked")
