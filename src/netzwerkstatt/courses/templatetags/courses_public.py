"""The small recurring fragments of the public course pages, written in Python: a course run's
dates, place and price, and the quality-label badges.

The partials ``courses/public/_dates.html``, ``_place.html``, ``_price.html`` and ``_label.html``
consist of these tags, so the comparison, course and provider pages that include them show the
same markup; the search page calls them directly, since an ``{% include %}`` in each of its
result rows cost more than the rest of the row.

Each tag gives exactly what the template it replaces gave: values escaped as ``{{ value }}``
escapes them, translations of literal strings unescaped as ``{% translate %}`` gives them.
"""

import functools

from django import template
from django.template.defaultfilters import floatformat
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

register = template.Library()

_BADGE = (
    '<span class="badge rounded-pill text-bg-success{}">'
    '<i class="bi bi-patch-check" aria-hidden="true"></i> {}</span>'
)
_LIST_BADGE = " text-wrap text-start lh-sm me-1"  # a provider's labels, named


def _long_date(day) -> str:
    """``{{ day|date:"DATE_FORMAT" }}`` for a date (not a datetime: no time zone to apply)."""
    if day in (None, ""):
        return ""
    language = get_language()
    return _formatted_day(language, get_format("DATE_FORMAT", language), day)


@functools.lru_cache(maxsize=4096)
def _formatted_day(language: str, format_string: str, day) -> str:
    """A day as ``format_string`` gives it in ``language``, the active one (for the month names).
    The same days come up again and again, on a page and from page to page; formatting one
    costs more than the rest of its tag."""
    return conditional_escape(dateformat.format(day, format_string))


def _iso_date(day) -> str:
    """``{{ day|date:"Y-m-d" }}``."""
    return day.isoformat() if day else ""


@register.simple_tag
def long_date(day) -> str:
    """``{{ day|date:"DATE_FORMAT" }}``, each day formatted once per language."""
    return _long_date(day)


@register.simple_tag
def run_dates(run) -> SafeString:
    """The first and, if another day, the last day of a run, each a ``<time>``."""
    start, end = run.start_date, run.end_date
    html = f'<time datetime="{_iso_date(start)}">{_long_date(start)}</time>'
    if end != start:
        html += f' – <time datetime="{_iso_date(end)}">{_long_date(end)}</time>'
    return mark_safe(html)  # escaped above


@register.simple_tag
def run_place(run) -> SafeString:
    """City (region) or the region, "and online" if so; "Online"; or "Place to be announced"."""
    if run.city:
        html = conditional_escape(run.city)
        if run.region:
            html += f" ({conditional_escape(run.region_name)})"
    elif run.region:
        html = conditional_escape(run.region_name)
    elif run.online:
        return mark_safe(gettext("Online"))  # as {% translate %} gives it
    else:
        return mark_safe(gettext("Place to be announced"))
    if run.online:
        html += " " + gettext("and online")
    return mark_safe(html)  # escaped above; the translation as {% translate %} gives it


@register.simple_tag
def run_price(run) -> SafeString:
    """The price in euros (cents only if any), "Free of charge" or "Price on request"."""
    if run.price is None:
        html = gettext("Price on request")
    elif run.price == 0:
        html = gettext("Free of charge")
    else:
        # As {% blocktranslate with amount=run.price|floatformat:"-2g" %}€{{ amount }}…
        html = gettext("€%(amount)s") % {"amount": floatformat(run.price, "-2g")}
    return mark_safe(html)  # a number; translations as {% translate %} gives them


@register.simple_tag
def quality_badges(labels=None, run=None) -> SafeString:
    """A badge per quality label in ``labels`` (QualityLabel list) if any; otherwise one
    "Quality label" badge if ``run`` carries the label (``run.labelled``); otherwise nothing."""
    if labels:
        html = "".join(
            _BADGE.format(_LIST_BADGE, conditional_escape(label.name)) for label in labels
        )
    elif getattr(run, "labelled", None):
        html = _BADGE.format("", gettext("Quality label"))
    else:
        html = ""
    return mark_safe(html)  # escaped above; translations as {% translate %} gives them
