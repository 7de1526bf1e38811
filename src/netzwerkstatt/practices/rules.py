"""Who may do what with good practice.

The people of the owning organisation write and translate their practice and answer the
assessments; the programme's coordinators (and the admins of the network's lead organisation,
for a network's practice) assign assessors; the coordinators conclude. A draft exists only for
its owners and the people who run the programme; a practice in assessment also for its
assessors; a published practice for everyone who may see the programme."""

from __future__ import annotations

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.rules import (
    get_programme_for,
    is_coordinator,
    is_participant,
    runs_programme,
)

from .models import Assessment, Practice


def _organisation_roles(user) -> dict[int, str]:
    """Organisation id → role, cached on the user for the request."""
    if not user.is_authenticated:
        return {}
    # The same cache as the organisations' rules keep (forget_cached_roles drops it).
    cached = getattr(user, "_membership_roles", None)
    if cached is None:
        cached = dict(Membership.objects.filter(user=user).values_list("organisation_id", "role"))
        user._membership_roles = cached
    return cached


@rules.predicate
def owns_the_practice(user, practice: Practice | None) -> bool:
    return practice is not None and practice.organisation_id in _organisation_roles(user)


@rules.predicate
def runs_the_practices_programme(user, practice: Practice | None) -> bool:
    return practice is not None and (
        is_coordinator(user, practice.programme) or is_platform_admin(user)
    )


@rules.predicate
def leads_the_practices_network(user, practice: Practice | None) -> bool:
    """An admin of the lead organisation of the practice's network."""
    if practice is None or practice.network_id is None or not user.is_authenticated:
        return False
    roles = _organisation_roles(user)
    admin_of = {pk for pk, role in roles.items() if role == Membership.Role.ADMIN}
    return practice.network.members.filter(role="lead", organisation_id__in=admin_of).exists()


@rules.predicate
def assesses_the_practice(user, practice: Practice | None) -> bool:
    if practice is None or not user.is_authenticated:
        return False
    cache = practice.__dict__.setdefault("_assessors", {})
    if user.pk not in cache:
        cache[user.pk] = practice.assessments.filter(assessor=user).exists()
    return cache[user.pk]


@rules.predicate
def is_published(user, practice: Practice | None) -> bool:
    return practice is not None and practice.status == Practice.Status.PUBLISHED


@rules.predicate
def sees_the_programme(user, practice: Practice | None) -> bool:
    return practice is not None and user.has_perm("programmes.view_programme", practice.programme)


@rules.predicate
def is_assessor(user, assessment: Assessment | None) -> bool:
    return assessment is not None and assessment.assessor_id == user.pk


@rules.predicate
def owns_the_assessed_practice(user, assessment: Assessment | None) -> bool:
    return assessment is not None and owns_the_practice(user, assessment.practice)


# On the programme
rules.add_perm("practices.view_practices", is_participant | runs_programme)
rules.add_perm("practices.add_practice", is_participant)
rules.add_perm("practices.manage_criteria", runs_programme)
# On a practice
rules.add_perm(
    "practices.view_practice",
    (is_published & sees_the_programme)
    | owns_the_practice
    | runs_the_practices_programme
    | assesses_the_practice,
)
rules.add_perm("practices.change_practice", owns_the_practice)
rules.add_perm("practices.translate_practice", owns_the_practice)
rules.add_perm(
    "practices.assign_assessors", runs_the_practices_programme | leads_the_practices_network
)
rules.add_perm("practices.conclude", runs_the_practices_programme)
rules.add_perm("practices.answer_assessments", owns_the_practice)
# On an assessment
rules.add_perm("practices.assess", is_assessor)
rules.add_perm("practices.answer_assessment", owns_the_assessed_practice)


def get_practice_for(user, programme_slug: str, slug: str, perm: str) -> Practice:
    """Fetch a practice of the programme and check ``perm``. People who may not see the practice
    do not find it (404); those who see it but may not do ``perm`` are refused (403)."""
    from django.core.exceptions import PermissionDenied

    programme = get_programme_for(user, programme_slug, "programmes.view_programme")
    practice = get_object_or_404(
        Practice.objects.select_related("organisation", "network"),
        programme=programme,
        slug=slug,
    )
    practice.programme = programme
    if not user.has_perm("practices.view_practice", practice):
        raise Http404
    if perm != "practices.view_practice" and not user.has_perm(perm, practice):
        raise PermissionDenied
    return practice
