"""``{% pair_reasons pair as reasons %}``: the parts of a pair's score in words, in the active
language (see ``matching.explanations``). Uses the context's ``explainer`` when there is one,
so many pairs on one page or in many e-mails share the theme names."""

from django import template

from netzwerkstatt.matching.explanations import Explainer

register = template.Library()


@register.simple_tag(takes_context=True)
def pair_reasons(context, pair, limit=None):
    explainer = context.get("explainer") or Explainer()
    if limit:
        return explainer.strongest(pair.parts, pair.left.name, pair.right.name, int(limit))
    return explainer.reasons(pair.parts, pair.left.name, pair.right.name)
