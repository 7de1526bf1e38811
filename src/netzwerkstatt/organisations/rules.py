"""Who may do what with an organisation. Views name these permissions; nothing else decides."""

import rules
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin

from .models import Membership, Organisation


def _membership_role(user, organisation: Organisation) -> str | None:
    if not user.is_authenticated:
        return None
    cache = getattr(user, "_membership_roles", None)
    if cache is None:
        cache = dict(Membership.objects.filter(user=user).values_list("organisation_id", "role"))
        user._membership_roles = cache
    return cache.get(organisation.pk)


@rules.predicate
def is_organisation_member(user, organisation: Organisation | None) -> bool:
    return organisation is not None and _membership_role(user, organisation) is not None


@rules.predicate
def is_organisation_admin(user, organisation: Organisation | None) -> bool:
    return (
        organisation is not None and _membership_role(user, organisation) == Membership.Role.ADMIN
    )


@rules.predicate
def shares_a_programme(user, organisation: Organisation | None) -> bool:
    """The person takes part in a programme the organisation takes part in (as a member of a
    participating organisation, or as a coordinator or committee member)."""
    if organisation is None or not user.is_authenticated:
        return False
    from netzwerkstatt.programmes.queries import programme_ids_of

    return bool(
        programme_ids_of(user)
        & set(organisation.participations.values_list("programme_id", flat=True))
    )


can_change = is_organisation_admin | is_platform_admin

rules.add_perm("organisations.view_organisation", rules.always_allow)
rules.add_perm("organisations.add_organisation", rules.is_authenticated)
rules.add_perm("organisations.change_organisation", can_change)
rules.add_perm("organisations.manage_members", can_change)
rules.add_perm(
    "organisations.view_private_contacts",
    is_organisation_member | shares_a_programme | is_platform_admin,
)


def get_organisation_for(user, slug: str, perm: str) -> Organisation:
    """Fetch an organisation and check ``perm`` in one step, so no view forgets the check."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation
