"""Events in the demo, written through ``events.services`` and then moved to their dates.

``register`` refuses an event that is over, so an event that lies in the past is created a few
days ahead of the moment of loading, people register for it, and then it is moved to its real
dates with direct updates (as the calls are, see ``calls``); attendance, minutes, decisions and
follow-up tasks are recorded through the services after that, and their timestamps moved to the
days after the event. A future event keeps its dates; it is created and its invitations sent a
few weeks before the moment of loading, and people registered since.

``future_day`` keeps the future events in the future whenever the demo is loaded: a planned day
that is already (nearly) past moves to a few weeks from the day of loading.
"""

from __future__ import annotations

import datetime
import random
import zoneinfo
from dataclasses import dataclass, field

from django.utils import timezone

from netzwerkstatt.events import services as event_services
from netzwerkstatt.events.models import Decision, Event, Registration, SeminarTopic, Task, TopicVote

# Created this long before the event; invitations go out a day later.
PLANNED_AHEAD = datetime.timedelta(days=35)


def at(day: datetime.date, clock: str, zone: str = "Europe/Berlin") -> datetime.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(zone)
    )


def future_day(planned: datetime.date, *, weeks_from_now: int) -> datetime.date:
    """``planned`` while it is more than a week ahead, else a weekday ``weeks_from_now`` weeks
    from the day of loading (a Tuesday to Thursday, as meetings are)."""
    today = timezone.localdate()
    if planned > today + datetime.timedelta(days=7):
        return planned
    day = today + datetime.timedelta(weeks=weeks_from_now)
    while day.weekday() not in (1, 2, 3):
        day += datetime.timedelta(days=1)
    return day


@dataclass
class TaskPlan:
    title: str
    assignee: object  # User
    due_on: datetime.date | None
    done_on: datetime.date | None = None


@dataclass
class EventPlan:
    """One event: its form data (without the times), its real times and what happened."""

    data: dict
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    agenda: list[dict] = field(default_factory=list)
    network: object = None  # a network's own meeting
    invited_networks: list = field(default_factory=list)
    topic: SeminarTopic | None = None  # a seminar on a proposed topic
    registrants: list = field(default_factory=list)  # Users, in the order they registered
    absent: int = 0  # of the registered, this many did not come (past events)
    cancels: int = 0  # of the registered, this many gave their place up (future events)
    minutes: str = ""
    decisions: list[str] = field(default_factory=list)
    tasks: list[TaskPlan] = field(default_factory=list)


def write_event(*, actor, programme, plan: EventPlan, choice: random.Random) -> Event:
    """Write ``plan`` through the services and move it to its dates; see the module's docstring."""
    now = timezone.now()
    past = plan.ends_at < now
    starts, ends = plan.starts_at, plan.ends_at
    if past:
        starts = now + datetime.timedelta(days=3)
        ends = starts + (plan.ends_at - plan.starts_at)
    data = {**plan.data, "starts_at": starts, "ends_at": ends}
    if plan.topic is not None:
        event = event_services.turn_topic_into_seminar(
            actor=actor, topic=plan.topic, data=data, agenda=plan.agenda, send_invitations=True
        )
    else:
        event = event_services.create_event(
            actor=actor,
            programme=programme,
            data=data,
            agenda=plan.agenda,
            network=plan.network,
            invited_networks=plan.invited_networks,
            send_invitations=True,
        )
    registrations = [event_services.register(user=user, event=event) for user in plan.registrants]
    created = plan.starts_at - PLANNED_AHEAD
    if not past:
        created = min(created, now - datetime.timedelta(days=choice.randint(20, 30)))
    invited = created + datetime.timedelta(days=1)
    latest = min(plan.starts_at, now) - datetime.timedelta(hours=6)
    # In the order they registered, which is the order of the waiting list.
    shares = sorted(choice.uniform(0.05, 0.9) for _r in registrations)
    for registration, share in zip(registrations, shares, strict=True):
        registration.requested_at = invited + (latest - invited) * share
        Registration.objects.filter(pk=registration.pk).update(
            requested_at=registration.requested_at
        )
    Event.objects.filter(pk=event.pk).update(
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        created=created,
        updated=created,
        invitations_sent_at=invited,
    )
    event.refresh_from_db()
    if past:
        _what_happened(actor, event, plan, registrations, choice)
    else:
        registered = [r for r in registrations if r.status == Registration.Status.REGISTERED]
        for registration in choice.sample(registered, plan.cancels):
            event_services.cancel_registration(actor=registration.user, registration=registration)
    return event


def _what_happened(actor, event: Event, plan: EventPlan, registrations, choice) -> None:
    registered = [r for r in registrations if r.status == Registration.Status.REGISTERED]
    absent = {r.pk for r in choice.sample(registered, min(plan.absent, len(registered)))}
    event_services.record_attendance(
        actor=actor, event=event, attended_ids=[r.pk for r in registered if r.pk not in absent]
    )
    written = plan.ends_at + datetime.timedelta(days=choice.randint(2, 5), hours=2)
    if plan.minutes:
        event_services.save_minutes(actor=actor, event=event, text=plan.minutes)
        Event.objects.filter(pk=event.pk).update(minutes_updated_at=written)
    for text in plan.decisions:
        decision = event_services.add_decision(actor=actor, event=event, text=text)
        Decision.objects.filter(pk=decision.pk).update(created=written)
    for task_plan in plan.tasks:
        task = event_services.add_task(
            actor=actor,
            event=event,
            title=task_plan.title,
            assignee=task_plan.assignee,
            due_on=task_plan.due_on,
        )
        if task_plan.done_on is not None:
            event_services.set_task_done(actor=task_plan.assignee, task=task, done=True)
        done_at = (
            at(task_plan.done_on, f"{choice.randint(8, 17)}:{choice.randrange(60):02d}")
            if task_plan.done_on
            else None
        )
        Task.objects.filter(pk=task.pk).update(created=written, done_at=done_at)


def propose(*, proposer, voters, programme, title: str, description: str, proposed_at):
    """A topic proposed (which is the proposer's vote) and voted for by ``voters`` in the days
    after ``proposed_at``."""
    topic = event_services.propose_topic(
        actor=proposer, programme=programme, title=title, description=description
    )
    for voter in voters:
        if voter.pk != proposer.pk:
            event_services.toggle_vote(user=voter, topic=topic)
    SeminarTopic.objects.filter(pk=topic.pk).update(created=proposed_at)
    votes = TopicVote.objects.filter(topic=topic).order_by("pk").values_list("pk", flat=True)
    for number, pk in enumerate(list(votes)):
        TopicVote.objects.filter(pk=pk).update(
            created=proposed_at + datetime.timedelta(days=number, hours=3 * number)
        )
    return topic
