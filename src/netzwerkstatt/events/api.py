"""Read API for events: the events of a programme that the caller may see, as on the pages."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from netzwerkstatt.programmes.rules import get_programme_for

from . import queries
from .models import Event

router = Router(tags=["events"])


class AgendaItemOut(Schema):
    starts_at: datetime.time | None
    title: str
    speaker: str


class EventOut(Schema):
    id: int
    uid: str
    kind: str
    title: str
    series_number: int | None
    series_total: int | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    timezone: str
    location: str
    online_url: str
    capacity: int | None
    status: str
    sequence: int
    network_id: int | None
    registered_count: int

    @staticmethod
    def resolve_uid(obj: Event) -> str:
        return obj.ical_uid


class EventDetailOut(EventOut):
    description: str
    agenda: list[AgendaItemOut]

    @staticmethod
    def resolve_agenda(obj: Event):
        return list(obj.agenda.all())


def _programme(request: HttpRequest, slug: str):
    try:
        return get_programme_for(request.user, slug, "programmes.view_programme")
    except PermissionDenied:
        raise Http404 from None


def _events(request: HttpRequest, slug: str):
    programme = _programme(request, slug)
    return queries.with_counts(
        queries.visible_events(request.user).filter(programme=programme), request.user
    ).order_by("starts_at", "id")


@router.get("/{slug}/events", response=list[EventOut], summary="Events of a programme")
def event_list(request: HttpRequest, slug: str):
    return _events(request, slug)


@router.get("/{slug}/events/{event_id}", response=EventDetailOut, summary="One event")
def event_detail(request: HttpRequest, slug: str, event_id: int):
    return get_object_or_404(_events(request, slug).prefetch_related("agenda"), pk=event_id)
