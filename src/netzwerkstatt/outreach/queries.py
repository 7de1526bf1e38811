"""Reads the views share: transfers of a practice or an organisation, plans with their progress,
the logs with their filters."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from netzwerkstatt.events.models import Event
from netzwerkstatt.practices.models import Practice
from netzwerkstatt.programmes.queries import programme_ids_of

from .models import (
    OPEN_STEP_STATES,
    CapacityPlan,
    CapacityStep,
    DisseminationActivity,
    StakeholderEngagement,
    StepStatus,
    Transfer,
)

# Linked practices and events with their programme, which their addresses need.
LINKED_PRACTICES = Prefetch("practices", queryset=Practice.objects.select_related("programme"))
LINKED_EVENTS = Prefetch("events", queryset=Event.objects.select_related("programme"))


def plan_steps(plan) -> list[CapacityStep]:
    return list(
        plan.steps.select_related("who_person").prefetch_related(LINKED_PRACTICES, LINKED_EVENTS)
    )


def transfers_of_practice(practice) -> list[Transfer]:
    return list(
        Transfer.objects.filter(practice=practice)
        .select_related("organisation")
        .order_by("organisation__name", "id")
    )


def adopted_by(organisation, user) -> list[Transfer]:
    """The organisation's transfers of published practices whose programme the person may see,
    in one query."""
    transfers = (
        Transfer.objects.filter(organisation=organisation, practice__status="published")
        .select_related("practice", "practice__programme", "practice__organisation")
        .order_by("-created", "-id")
    )
    if user.is_authenticated and user.is_superuser:
        return list(transfers)
    return list(
        transfers.filter(
            Q(practice__programme__is_public=True)
            | Q(practice__programme_id__in=programme_ids_of(user))
        )
    )


def with_progress(plans: QuerySet[CapacityPlan]) -> QuerySet[CapacityPlan]:
    """Plans with ``steps_total``, ``steps_done`` and ``steps_overdue``."""
    today = timezone.localdate()
    return plans.annotate(
        steps_total=Count("steps", filter=~Q(steps__status=StepStatus.DROPPED)),
        steps_done=Count("steps", filter=Q(steps__status=StepStatus.DONE)),
        steps_overdue=Count(
            "steps", filter=Q(steps__status__in=OPEN_STEP_STATES, steps__due_on__lt=today)
        ),
    )


def network_plans(network) -> list[CapacityPlan]:
    """A network's plans with their steps (and the steps' links), in a fixed number of
    queries."""
    steps = CapacityStep.objects.select_related("who_person").prefetch_related(
        LINKED_PRACTICES, LINKED_EVENTS
    )
    return list(
        with_progress(network.capacity_plans.select_related("organisation"))
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("organisation__name", "title", "id")
    )


def programme_plans(programme) -> list[CapacityPlan]:
    return list(
        with_progress(
            CapacityPlan.objects.filter(network__programme=programme).select_related(
                "organisation", "network"
            )
        ).order_by("network__name", "organisation__name", "title", "id")
    )


def engagements(programme, filters: dict) -> QuerySet[StakeholderEngagement]:
    entries = StakeholderEngagement.objects.filter(programme=programme)
    for name in ("network", "group", "level"):
        if filters.get(name):
            entries = entries.filter(**{name: filters[name]})
    if filters.get("year"):
        entries = entries.filter(date__year=filters["year"])
    return entries.select_related("organisation", "network").order_by("-date", "-id")


def activities(programme, filters: dict) -> QuerySet[DisseminationActivity]:
    entries = DisseminationActivity.objects.filter(programme=programme)
    for name in ("network", "kind"):
        if filters.get(name):
            entries = entries.filter(**{name: filters[name]})
    if filters.get("year"):
        entries = entries.filter(date__year=filters["year"])
    return (
        entries.select_related("organisation", "network")
        .prefetch_related(LINKED_PRACTICES)
        .order_by("-date", "-id")
    )


def years(model, programme) -> list[int]:
    return sorted(
        {d.year for d in model.objects.filter(programme=programme).dates("date", "year")},
        reverse=True,
    )
