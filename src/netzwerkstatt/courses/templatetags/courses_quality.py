"""``{% label_of provider as label %}``: the confirmed self-assessment that gives the provider a
quality label today (see ``quality.label_for``), for ``courses/quality/_label.html``. A list
that called ``quality.attach_labels`` first costs no query per provider."""

from django import template

from netzwerkstatt.courses import quality

register = template.Library()
_MISSING = object()


@register.simple_tag
def label_of(provider):
    if provider is None:
        return None
    attached = getattr(provider, "quality_label", _MISSING)
    if attached is not _MISSING:
        return attached
    return quality.label_for(provider)
