from django import template
from django.utils.translation import gettext as _

from netzwerkstatt.core.markdown import render_markdown
from netzwerkstatt.vocabularies import regions

register = template.Library()


@register.filter
def markdown(text):
    return render_markdown(text)


@register.filter
def country_name(code):
    return regions.country_name(code)


@register.filter
def region_name(code):
    return regions.region_name(code)


@register.filter
def language_name(code):
    return regions.language_name(code)


@register.filter
def audit_value(value):
    """Render an audited old/new value for people: lists joined, empty shown as a dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v)
    return str(value)


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        params[key] = value
    return params.urlencode()
