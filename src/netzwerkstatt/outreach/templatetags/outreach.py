"""What the practice page's "Transfers" section needs, so that the practices app only includes
``outreach/_practice_transfers.html``."""

from django import template
from django.urls import reverse

from ..queries import transfers_of_practice

register = template.Library()


@register.simple_tag
def practice_transfers(practice, user) -> dict:
    """The practice's transfers, which of them the person may open, and where to adopt it."""
    transfers = transfers_of_practice(practice)
    can_open = user.is_authenticated and (
        user.has_perm("outreach.view_logs", practice.programme) or user.is_superuser
    )
    mine = set()
    if user.is_authenticated:
        from netzwerkstatt.practices.rules import _organisation_roles

        mine = set(_organisation_roles(user))
    can_adopt = user.is_authenticated and user.has_perm("outreach.adopt_practice", practice)
    return {
        "transfers": transfers,
        "can_open": can_open,
        "mine": mine,
        "adopt_url": reverse(
            "outreach:adopt", kwargs={"programme": practice.programme.slug, "slug": practice.slug}
        )
        if can_adopt
        else "",
    }
