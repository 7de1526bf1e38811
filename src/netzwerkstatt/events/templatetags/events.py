"""Show an event's times in its own time zone, in the reader's language."""

from django import template
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def event_when(event) -> str:
    """ "12 March 2026, 10:00–16:00 (Europe/Berlin)", in the event's time zone."""
    tz = event.tz
    start, end = event.starts_at.astimezone(tz), event.ends_at.astimezone(tz)
    zone = event.timezone.replace("_", " ")
    if start.date() == end.date():
        return _("%(date)s, %(start)s–%(end)s (%(zone)s)") % {
            "date": date_format(start, "DATE_FORMAT"),
            "start": time_format(start, "TIME_FORMAT"),
            "end": time_format(end, "TIME_FORMAT"),
            "zone": zone,
        }
    return _("%(start)s – %(end)s (%(zone)s)") % {
        "start": date_format(start, "DATETIME_FORMAT"),
        "end": date_format(end, "DATETIME_FORMAT"),
        "zone": zone,
    }


@register.filter
def event_day(event) -> str:
    return date_format(event.starts_at.astimezone(event.tz), "SHORT_DATE_FORMAT")


@register.filter
def event_kind(event) -> str:
    """ "Network meeting · 3 of 6"."""
    label = str(event.get_kind_display())
    if event.series_number and event.series_total:
        label += " · " + _("%(number)s of %(total)s") % {
            "number": event.series_number,
            "total": event.series_total,
        }
    elif event.series_number:
        label += " · " + _("no. %(number)s") % {"number": event.series_number}
    return label
