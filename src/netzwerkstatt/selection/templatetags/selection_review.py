"""``{% may "selection.take_part_in_review" call as on_committee %}``: the named rule itself,
without the free pass Django's ``has_perm`` gives superusers (see ``calls.rules.may``), for links
to pages that answer only the people the rule names."""

from django import template

from netzwerkstatt.calls.rules import may as _may

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, perm: str, obj) -> bool:
    user = context.get("user")
    return user is not None and _may(user, perm, obj)
