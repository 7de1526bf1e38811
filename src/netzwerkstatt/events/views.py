"""Pages of events: lists, the event with its registration, managing it, minutes, seminar
topics and the personal calendar. Views parse input, call a service and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.networks.rules import get_network_for
from netzwerkstatt.programmes.models import ProgrammeRole
from netzwerkstatt.programmes.rules import get_programme_for

from . import ical, queries, services
from .forms import (
    AttachmentForm,
    CancelForm,
    DecisionForm,
    EventForm,
    MinutesForm,
    TaskForm,
    TopicForm,
    agenda_formset,
    agenda_items,
)
from .models import CalendarFeed, Event, Registration, SeminarTopic, Task, TopicVote
from .rules import get_event_for


def _error_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# Lists -------------------------------------------------------------------------------------------


@login_required
def event_list(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "programmes.view_programme")
    events = queries.with_counts(
        queries.visible_events(request.user).filter(programme=programme_), request.user
    )
    upcoming, past = queries.upcoming_and_past(events)
    return render(
        request,
        "events/list.html",
        {
            "programme": programme_,
            "upcoming": upcoming,
            "past": past,
            "can_add": request.user.has_perm("events.add_event", programme_),
            "can_propose": request.user.has_perm("events.propose_topic", programme_),
        },
    )


@login_required
def network_event_list(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    events = queries.with_counts(queries.network_events(network), request.user)
    upcoming, past = queries.upcoming_and_past(events)
    return render(
        request,
        "events/network_list.html",
        {
            "programme": network.programme,
            "network": network,
            "upcoming": upcoming,
            "past": past,
            "can_add": request.user.has_perm("events.add_network_event", network),
        },
    )


# One event ---------------------------------------------------------------------------------------


@login_required
def detail(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk)
    can_manage = request.user.has_perm("events.change_event", event)
    registrations = list(event.registrations.select_related("user"))
    mine = next((r for r in registrations if r.user_id == request.user.pk), None)
    active = [r for r in registrations if r.status in Registration.ACTIVE]
    registered = [r for r in active if r.status == Registration.Status.REGISTERED]
    return render(
        request,
        "events/detail.html",
        {
            "programme": event.programme,
            "event": event,
            "agenda": list(event.agenda.all()),
            "invited_networks": list(event.invited_networks.all())
            if event.audience == Event.Audience.NETWORKS and event.network_id is None
            else [],
            "registration": mine if mine and mine.status in Registration.ACTIVE else None,
            "registered_count": len(registered),
            "waitlisted": [r for r in active if r.status == Registration.Status.WAITLISTED],
            "registered": registered,
            "free_places": max(event.capacity - len(registered), 0)
            if event.capacity is not None
            else None,
            "can_register": request.user.has_perm("events.register", event),
            "can_manage": can_manage,
            "decisions": list(event.decisions.all()),
            "tasks": list(event.tasks.select_related("assignee")),
            "attachments": list(event.attachments.all()),
            "attachment_form": AttachmentForm() if can_manage else None,
        },
    )


def _event_form_page(request, *, programme, event, form, formset, network=None, topic=None):
    return render(
        request,
        "events/form.html",
        {
            "programme": programme,
            "event": event,
            "network": network or (event.network if event else None),
            "topic": topic,
            "form": form,
            "agenda": formset,
        },
    )


@login_required
def create(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "events.add_event")
    return _create(request, programme_, network=None)


@login_required
def network_create(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    if not request.user.has_perm("events.add_network_event", network):
        raise PermissionDenied
    return _create(request, network.programme, network=network)


def _create(request: HttpRequest, programme, *, network) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    initial = {"timezone": "Europe/Berlin", "kind": Event.Kind.NETWORK_MEETING if network else ""}
    form = EventForm(data, programme=programme, network=network, creating=True, initial=initial)
    formset = agenda_formset(data)
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            event = services.create_event(
                actor=request.user,
                programme=programme,
                network=network,
                data=form.event_data(),
                agenda=agenda_items(formset),
                invited_networks=form.cleaned_data.get("invited_networks") or [],
                send_invitations=form.cleaned_data["send_invitations"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The event was created."))
            return redirect(event)
    return _event_form_page(
        request, programme=programme, event=None, form=form, formset=formset, network=network
    )


@login_required
def edit(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk, "events.change_event")
    if event.is_cancelled:
        messages.error(request, _("A cancelled event cannot be changed."))
        return redirect(event)
    data = request.POST if request.method == "POST" else None
    form = EventForm(
        data,
        instance=event,
        programme=event.programme,
        creating=False,
        initial={"timezone": event.timezone},
    )
    formset = agenda_formset(data, event=event)
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            expected = int(request.POST.get("sequence", ""))
        except ValueError:
            expected = -1
        try:
            services.update_event(
                actor=request.user,
                event=Event.objects.select_related("programme", "network").get(pk=event.pk),
                data=form.event_data(),
                agenda=agenda_items(formset),
                invited_networks=form.cleaned_data.get("invited_networks"),
                expected_sequence=expected,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(event)
    return _event_form_page(
        request, programme=event.programme, event=event, form=form, formset=formset
    )


@login_required
def cancel(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk, "events.change_event")
    form = CancelForm(request.POST or None)
    if event.is_cancelled:
        return redirect(event)
    if request.method == "POST" and form.is_valid():
        services.cancel_event(actor=request.user, event=event, reason=form.cleaned_data["reason"])
        messages.success(request, _("The event was cancelled. Everyone registered was told."))
        return redirect(event)
    return render(
        request,
        "events/cancel.html",
        {
            "programme": event.programme,
            "event": event,
            "form": form,
            "affected": event.registrations.filter(status__in=Registration.ACTIVE).count(),
        },
    )


@login_required
def ics(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk)
    response = HttpResponse(
        ical.calendar([event], name=event.title), content_type="text/calendar; charset=utf-8"
    )
    filename = slugify(event.title)[:60] or "event"
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


# Registration and attendance ---------------------------------------------------------------------


@require_POST
@login_required
def register(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk, "events.register")
    try:
        registration = services.register(user=request.user, event=event)
    except ValidationError as error:
        _error_messages(request, error)
    else:
        if registration.status == Registration.Status.REGISTERED:
            messages.success(request, _("You are registered. A confirmation is on its way."))
        else:
            messages.info(
                request,
                _(
                    "The event is full: you are on the waiting list. We write when a place "
                    "frees up."
                ),
            )
    return redirect(event)


@require_POST
@login_required
def unregister(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk)
    registration = get_object_or_404(
        Registration, event=event, user=request.user, status__in=Registration.ACTIVE
    )
    services.cancel_registration(actor=request.user, registration=registration)
    messages.success(request, _("Your registration was cancelled."))
    return redirect(event)


@login_required
def attendance(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk, "events.change_event")
    if request.method == "POST":
        services.record_attendance(
            actor=request.user, event=event, attended_ids=request.POST.getlist("attended")
        )
        messages.success(request, _("Attendance was saved."))
        return redirect("events:attendance", programme=event.programme.slug, pk=event.pk)
    registrations = event.registrations.filter(
        status=Registration.Status.REGISTERED
    ).select_related("user")
    return render(
        request,
        "events/attendance.html",
        {"programme": event.programme, "event": event, "registrations": registrations},
    )


# Minutes, decisions, tasks -----------------------------------------------------------------------


def _task_people(event: Event):
    """Tasks go to people registered for the event or to the programme's coordinators."""
    return (
        get_user_model()
        .objects.filter(
            Exists(
                Registration.objects.filter(
                    event=event, user=OuterRef("pk"), status=Registration.Status.REGISTERED
                )
            )
            | Exists(
                ProgrammeRole.objects.filter(
                    programme=event.programme,
                    user=OuterRef("pk"),
                    role=ProgrammeRole.Role.COORDINATOR,
                )
            )
        )
        .filter(is_active=True, erased_at__isnull=True)
        .order_by("name", "email")
    )


@login_required
def minutes(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """The minutes, the decisions and the follow-up tasks of an event: three small forms, each
    posted with its own ``action``."""
    event = get_event_for(request.user, programme, pk, "events.change_event")
    action = request.POST.get("action") if request.method == "POST" else None
    minutes_form = MinutesForm(
        request.POST if action == "minutes" else None, initial={"minutes": event.minutes}
    )
    decision_form = DecisionForm(request.POST if action == "decision" else None)
    task_form = TaskForm(request.POST if action == "task" else None, people=_task_people(event))
    done = False
    if action == "minutes" and minutes_form.is_valid():
        services.save_minutes(
            actor=request.user, event=event, text=minutes_form.cleaned_data["minutes"]
        )
        messages.success(request, _("The minutes were saved."))
        done = True
    elif action == "decision" and decision_form.is_valid():
        services.add_decision(
            actor=request.user, event=event, text=decision_form.cleaned_data["text"]
        )
        messages.success(request, _("The decision was added."))
        done = True
    elif action == "remove_decision":
        decision = get_object_or_404(event.decisions, pk=request.POST.get("decision"))
        services.remove_decision(actor=request.user, decision=decision)
        messages.success(request, _("The decision was removed."))
        done = True
    elif action == "task" and task_form.is_valid():
        task = services.add_task(actor=request.user, event=event, **task_form.cleaned_data)
        messages.success(
            request, _("The task was assigned to %(person)s.") % {"person": task.assignee}
        )
        done = True
    if done:
        return redirect("events:minutes", programme=event.programme.slug, pk=event.pk)
    return render(
        request,
        "events/minutes.html",
        {
            "programme": event.programme,
            "event": event,
            "minutes_form": minutes_form,
            "decision_form": decision_form,
            "task_form": task_form,
            "decisions": event.decisions.all(),
            "tasks": event.tasks.select_related("assignee"),
        },
    )


@require_POST
@login_required
def task_done(request: HttpRequest, programme: str, pk: int, task_id: int) -> HttpResponse:
    """The person the task is assigned to, or a manager of the event, ticks it off (or on)."""
    event = get_event_for(request.user, programme, pk)
    task = get_object_or_404(Task.objects.select_related("event"), event=event, pk=task_id)
    if task.assignee_id != request.user.pk and not request.user.has_perm(
        "events.change_event", event
    ):
        raise PermissionDenied
    task.event = event
    services.set_task_done(actor=request.user, task=task, done=request.POST.get("done") != "0")
    next_url = request.POST.get("next")
    if next_url == "dashboard":
        return redirect("core:dashboard")
    return redirect(event)


# Attachments -------------------------------------------------------------------------------------


@require_POST
@login_required
def attachment_upload(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    event = get_event_for(request.user, programme, pk, "events.change_event")
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(
                actor=request.user, event=event, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("The file was added."))
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect(event)


@login_required
def attachment(request: HttpRequest, programme: str, pk: int, attachment_id: int) -> FileResponse:
    event = get_event_for(request.user, programme, pk)
    item = get_object_or_404(event.attachments, pk=attachment_id)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=item.original_name)


# Seminar topics ----------------------------------------------------------------------------------


@login_required
def topics(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "events.propose_topic")
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.propose_topic(actor=request.user, programme=programme_, **form.cleaned_data)
        messages.success(request, _("Thank you: your topic is on the list, with your vote."))
        return redirect("events:topics", programme=programme_.slug)
    topic_list = (
        SeminarTopic.objects.filter(programme=programme_)
        .annotate(
            vote_count=Count("votes"),
            voted=Exists(TopicVote.objects.filter(topic=OuterRef("pk"), user=request.user)),
        )
        .select_related("proposed_by", "event")
        .order_by("status", "-vote_count", "-created")
    )
    return render(
        request,
        "events/topics.html",
        {
            "programme": programme_,
            "topics": topic_list,
            "form": form,
            "can_convert": request.user.has_perm("events.convert_topic", programme_),
        },
    )


@require_POST
@login_required
def topic_vote(request: HttpRequest, programme: str, topic_id: int) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "events.propose_topic")
    topic = get_object_or_404(SeminarTopic, programme=programme_, pk=topic_id)
    try:
        services.toggle_vote(user=request.user, topic=topic)
    except ValidationError as error:
        _error_messages(request, error)
    return redirect("events:topics", programme=programme_.slug)


@login_required
def topic_seminar(request: HttpRequest, programme: str, topic_id: int) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "events.convert_topic")
    topic = get_object_or_404(
        SeminarTopic, programme=programme_, pk=topic_id, status=SeminarTopic.Status.PROPOSED
    )
    data = request.POST if request.method == "POST" else None
    form = EventForm(
        data,
        programme=programme_,
        creating=True,
        initial={
            "kind": Event.Kind.ONLINE_SEMINAR,
            "title": topic.title,
            "description": topic.description,
            "timezone": "Europe/Berlin",
            "audience": Event.Audience.PROGRAMME,
        },
    )
    for name in ("kind", "audience", "invited_networks"):
        del form.fields[name]
    formset = agenda_formset(data)
    if data is not None and form.is_valid() and formset.is_valid():
        event = services.turn_topic_into_seminar(
            actor=request.user,
            topic=topic,
            data=form.event_data(),
            agenda=agenda_items(formset),
            send_invitations=form.cleaned_data["send_invitations"],
        )
        messages.success(request, _("The online seminar was created from the topic."))
        return redirect(event)
    return _event_form_page(
        request, programme=programme_, event=None, form=form, formset=formset, topic=topic
    )


# Calendar ----------------------------------------------------------------------------------------


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's calendar subscription: the secret token in the address is the credential,
    as calendar apps cannot sign in. An unknown or revoked token is simply not found."""
    subscription = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if subscription is None or not subscription.user.is_active or subscription.user.erased_at:
        raise Http404
    CalendarFeed.objects.filter(pk=subscription.pk).update(last_used=timezone.now())
    events = queries.feed_events(subscription.user).prefetch_related(Prefetch("agenda"))
    body = ical.calendar(events, name="Netzwerkstatt")
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_calendar_feed(user=request.user)
            messages.success(request, _("The calendar address was revoked. It no longer works."))
        else:
            services.renew_calendar_feed(user=request.user)
            messages.success(
                request,
                _(
                    "Your calendar has a new address. Calendars that used the old one stop "
                    "updating."
                ),
            )
        return redirect("events:calendar")
    subscription = CalendarFeed.objects.filter(user=request.user).first()
    return render(
        request,
        "events/calendar.html",
        {
            "subscription": subscription,
            "feed_url": request.build_absolute_uri(subscription.get_absolute_url())
            if subscription
            else "",
        },
    )
