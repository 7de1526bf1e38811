"""Who may do what with a programme."""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin

from .models import Programme, ProgrammeRole
from .queries import programme_ids_of, programme_roles_of


@rules.predicate
def is_coordinator(user, programme: Programme | None) -> bool:
    return programme is not None and ProgrammeRole.Role.COORDINATOR in programme_roles_of(user).get(
        programme.pk, set()
    )


@rules.predicate
def is_committee_member(user, programme: Programme | None) -> bool:
    return programme is not None and ProgrammeRole.Role.COMMITTEE_MEMBER in programme_roles_of(
        user
    ).get(programme.pk, set())


@rules.predicate
def is_participant(user, programme: Programme | None) -> bool:
    return programme is not None and programme.pk in programme_ids_of(user)


@rules.predicate
def is_public_programme(user, programme: Programme | None) -> bool:
    return programme is not None and programme.is_public


runs_programme = is_coordinator | is_platform_admin

rules.add_perm("programmes.add_programme", is_platform_admin)
rules.add_perm(
    "programmes.view_programme", is_public_programme | is_participant | is_platform_admin
)
rules.add_perm("programmes.change_programme", runs_programme)
rules.add_perm("programmes.manage_people", runs_programme)
rules.add_perm("programmes.view_audit_log", runs_programme)


def get_programme_for(user, slug: str, perm: str) -> Programme:
    """Fetch a programme and check ``perm``. A programme the person may not even see answers 404,
    so that a non-public programme's existence is not revealed."""
    programme = get_object_or_404(Programme, slug=slug)
    if not user.has_perm("programmes.view_programme", programme):
        raise Http404
    if not user.has_perm(perm, programme):
        raise PermissionDenied
    return programme
