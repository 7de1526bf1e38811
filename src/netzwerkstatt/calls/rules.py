"""Who may do what with calls, actor groups and expressions of interest."""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin
from netzwerkstatt.programmes.rules import is_coordinator

from .models import ActorGroup, Call, GroupMember


@rules.predicate
def runs_the_call(user, call: Call | None) -> bool:
    return call is not None and (is_coordinator(user, call.programme) or is_platform_admin(user))


@rules.predicate
def is_published_and_visible(user, call: Call | None) -> bool:
    return (
        call is not None
        and call.status == Call.Status.PUBLISHED
        and user.has_perm("programmes.view_programme", call.programme)
    )


@rules.predicate
def belongs_to_the_group(user, group: ActorGroup | None) -> bool:
    """A member of the lead organisation or of a partner that has confirmed."""
    if group is None or not user.is_authenticated:
        return False
    return GroupMember.objects.filter(
        group=group,
        organisation__memberships__user=user,
        status=GroupMember.Status.CONFIRMED,
    ).exists()


@rules.predicate
def runs_the_groups_call(user, group: ActorGroup | None) -> bool:
    return group is not None and runs_the_call(user, group.call)


rules.add_perm("calls.view_call", is_published_and_visible | runs_the_call)
rules.add_perm("calls.manage_call", runs_the_call)
rules.add_perm("calls.screen_call", runs_the_call)
rules.add_perm("calls.apply_to_call", rules.is_authenticated & is_published_and_visible)
rules.add_perm("calls.view_group", belongs_to_the_group | runs_the_groups_call)
rules.add_perm("calls.edit_group", belongs_to_the_group)


def may(user, perm: str, obj) -> bool:
    """The named rule itself. Django's ``has_perm`` lets superusers do anything; acting for an
    actor group (changing its answers, answering a partner proposal) is for its members only, so
    group pages and services ask the rule, in which platform admins appear where they belong."""
    return user.is_active and rules.has_perm(perm, user, obj)


def get_call_for(user, programme_slug: str, slug: str, perm: str) -> Call:
    """Fetch a call and check ``perm``; a call the person may not see at all answers 404."""
    call = get_object_or_404(
        Call.objects.select_related("programme"), programme__slug=programme_slug, slug=slug
    )
    if not user.has_perm("calls.view_call", call):
        raise Http404
    if not user.has_perm(perm, call):
        raise PermissionDenied
    return call


def get_group_for(user, call: Call, group_id: int, perm: str) -> ActorGroup:
    """Fetch an actor group of ``call``; groups never see each other, so a group the person may
    not view answers 404."""
    group = get_object_or_404(
        ActorGroup.objects.select_related("call", "lead"), call=call, pk=group_id
    )
    if not may(user, "calls.view_group", group):
        raise Http404
    if not may(user, perm, group):
        raise PermissionDenied
    return group
