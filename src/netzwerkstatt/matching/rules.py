"""Who may do what in matching. The permissions are the call's: the people who screen a call
(``calls.screen_call``) run its matching; a group's pages follow ``calls.view_group`` (its
members and the people who run the call) and ``calls.edit_group`` (its members answer). These
helpers fetch and check in one call, so no view forgets the check."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.calls.models import ActorGroup, Call
from netzwerkstatt.calls.rules import get_call_for, get_group_for

from .models import MatchingRound, ProposedPair

RUN_MATCHING = "calls.screen_call"


def get_round_for(user, programme_slug: str, call_slug: str, number: int) -> MatchingRound:
    """A round of a call whose matching the person runs; 404 for a round of another call."""
    call = get_call_for(user, programme_slug, call_slug, RUN_MATCHING)
    round_ = get_object_or_404(MatchingRound, call=call, number=number)
    round_.call = call
    return round_


def get_matching_group_for(
    user, programme_slug: str, call_slug: str, group_id: int, perm: str
) -> tuple[Call, ActorGroup]:
    """A group of a published call the person may see, checked for ``perm``: people outside the
    group do not find it (404), people who may see but not change it get 403."""
    call = get_call_for(user, programme_slug, call_slug, "calls.view_call")
    group = get_group_for(user, call, group_id, perm)
    group.call = call
    return call, group


def get_group_pair(group: ActorGroup, pair_id: int) -> ProposedPair:
    """A pair of a confirmed round that ``group`` is part of; any other pair does not exist."""
    pair = get_object_or_404(
        ProposedPair.objects.select_related("round", "left", "right"),
        pk=pair_id,
        round__call=group.call,
        round__status=MatchingRound.Status.CONFIRMED,
    )
    if pair.side_of(group) is None:
        raise Http404
    return pair
