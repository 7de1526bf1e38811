"""Events as iCalendar (RFC 5545): one event to download, or a person's whole feed.

Each event keeps one UID for its whole life; SEQUENCE grows with every saved change and a
cancelled event stays in the feed with STATUS:CANCELLED, so subscribed calendars update or
remove their copy. Times carry the event's time zone as TZID, with a VTIMEZONE for each zone."""

from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event

PRODID = "-//Netzwerkstatt//Events//EN"


def _description(event: Event) -> str:
    lines = [event.description.strip()] if event.description.strip() else []
    agenda = list(event.agenda.all())
    if agenda:
        lines.append(_("Agenda") + ":")
        for item in agenda:
            time = item.starts_at.strftime("%H:%M") + " " if item.starts_at else ""
            speaker = f" ({item.speaker})" if item.speaker else ""
            lines.append(f"{time}{item.title}{speaker}")
    if event.online_url:
        lines.append(_("Online link") + ": " + event.online_url)
    lines.append(settings.SITE_URL + event.get_absolute_url())
    return "\n".join(lines)


def vevent(event: Event) -> icalendar.Event:
    tz = event.tz
    item = icalendar.Event()
    item.add("uid", event.ical_uid)
    item.add("dtstamp", timezone.now())
    item.add("created", event.created)
    item.add("last-modified", event.updated)
    item.add("sequence", event.sequence)
    item.add("dtstart", event.starts_at.astimezone(tz))
    item.add("dtend", event.ends_at.astimezone(tz))
    item.add("summary", event.title)
    item.add("description", _description(event))
    if event.location or event.online_url:
        item.add("location", event.location or event.online_url)
    item.add("url", settings.SITE_URL + event.get_absolute_url())
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("categories", [event.get_kind_display()])
    return item


def calendar(events: Iterable[Event], *, name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(vevent(event))
    cal.add_missing_timezones()
    return cal.to_ical()
