"""Reads about events: who belongs to which networks, and which events a person sees."""

from __future__ import annotations

import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.models import ProgrammeRole
from netzwerkstatt.programmes.queries import programme_ids_of

from .models import Event, Registration


def network_ids_of(user) -> set[int]:
    """Networks one of the person's organisations belongs to; cached on the user object."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_event_network_ids", None)
    if cached is None:
        cached = set(
            NetworkMember.objects.filter(organisation__memberships__user=user).values_list(
                "network_id", flat=True
            )
        )
        user._event_network_ids = cached
    return cached


def led_network_ids_of(user) -> set[int]:
    """Networks led by an organisation the person is an admin of: they run its own meetings."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_event_led_network_ids", None)
    if cached is None:
        cached = set(
            NetworkMember.objects.filter(
                role=NetworkMember.Role.LEAD,
                organisation__memberships__user=user,
                organisation__memberships__role=Membership.Role.ADMIN,
            ).values_list("network_id", flat=True)
        )
        user._event_led_network_ids = cached
    return cached


def coordinated_programme_ids_of(user) -> set[int]:
    from netzwerkstatt.programmes.queries import programme_roles_of

    return {
        programme_id
        for programme_id, roles in programme_roles_of(user).items()
        if ProgrammeRole.Role.COORDINATOR in roles
    }


def audience_filter(user) -> Q:
    """The events of the person's networks and programmes (not everything a platform admin may
    open): network meetings of their networks, programme events for the whole programme or for
    a network of theirs, and every event of a programme they coordinate."""
    networks = network_ids_of(user)
    return (
        Q(network_id__in=networks)
        | Q(
            network__isnull=True,
            audience=Event.Audience.PROGRAMME,
            programme_id__in=programme_ids_of(user),
        )
        | Q(
            network__isnull=True,
            audience=Event.Audience.NETWORKS,
            id__in=Event.invited_networks.through.objects.filter(network_id__in=networks).values(
                "event_id"
            ),
        )
        | Q(programme_id__in=coordinated_programme_ids_of(user))
    )


def visible_events(user) -> QuerySet[Event]:
    if not user.is_authenticated:
        return Event.objects.none()
    if user.is_superuser:
        return Event.objects.all()
    return Event.objects.filter(audience_filter(user))


def with_counts(events: QuerySet[Event], user) -> QuerySet[Event]:
    """Adds ``registered_count``, ``waitlisted_count`` and the person's own ``my_status``."""
    mine = Registration.objects.filter(event=OuterRef("pk"), user_id=user.pk).values("status")[:1]
    return events.annotate(
        registered_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.REGISTERED)
        ),
        waitlisted_count=Count(
            "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
        ),
        my_status=Subquery(mine),
    ).select_related("programme", "network")


def upcoming_and_past(events: QuerySet[Event]) -> tuple[list[Event], list[Event]]:
    now = timezone.now()
    upcoming = list(events.filter(ends_at__gte=now).order_by("starts_at", "id"))
    past = list(events.filter(ends_at__lt=now).order_by("-starts_at", "-id"))
    return upcoming, past


def feed_events(user) -> QuerySet[Event]:
    """What a person's calendar feed holds: their events from 90 days back on, cancelled ones
    included so that calendars remove them."""
    since = timezone.now() - datetime.timedelta(days=90)
    return (
        Event.objects.filter(audience_filter(user), ends_at__gte=since)
        .select_related("programme", "network")
        .order_by("starts_at", "id")
    )


def network_events(network: Network) -> QuerySet[Event]:
    """A network's own meetings and the programme events that invite it or the whole programme."""
    return Event.objects.filter(
        Q(network=network)
        | Q(network__isnull=True, audience=Event.Audience.PROGRAMME, programme=network.programme)
        | Q(
            network__isnull=True,
            audience=Event.Audience.NETWORKS,
            id__in=Event.invited_networks.through.objects.filter(network=network).values(
                "event_id"
            ),
        )
    )


def next_events_of(user, *, limit: int = 5) -> list[Event]:
    """The person's next events (of their networks and programmes) for the dashboard."""
    events = Event.objects.filter(
        audience_filter(user), status=Event.Status.SCHEDULED, ends_at__gte=timezone.now()
    )
    return list(with_counts(events, user).order_by("starts_at", "id")[:limit])


def open_tasks_of(user) -> QuerySet:
    from .models import Task

    return (
        Task.objects.filter(assignee=user, done_at__isnull=True)
        .select_related("event__programme")
        .order_by("due_on", "id")
    )
