"""Who may do what with joint applications.

A consortium's application is written by the members of every confirmed organisation of its two
groups; the people who run the call read it; nobody else finds it (404). As for actor groups,
acting for a consortium is for its members only, so pages ask the named rule through
``calls.rules.may`` rather than ``has_perm`` (which lets superusers do anything)."""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.calls.models import Call
from netzwerkstatt.calls.rules import belongs_to_the_group, get_call_for, may, runs_the_call
from netzwerkstatt.matching.models import Consortium
from netzwerkstatt.programmes.rules import is_committee_member

from .models import Review


@rules.predicate
def writes_the_application(user, consortium: Consortium | None) -> bool:
    return consortium is not None and (
        belongs_to_the_group(user, consortium.left) or belongs_to_the_group(user, consortium.right)
    )


@rules.predicate
def runs_the_consortiums_call(user, consortium: Consortium | None) -> bool:
    return consortium is not None and runs_the_call(user, consortium.call)


@rules.predicate
def reviews_the_application(user, consortium: Consortium | None) -> bool:
    """A committee member assigned to review the consortium's application."""
    return (
        consortium is not None
        and user.is_authenticated
        and Review.objects.filter(application__consortium=consortium, reviewer=user).exists()
    )


@rules.predicate
def is_the_reviewer(user, review: Review | None) -> bool:
    return review is not None and user.is_authenticated and review.reviewer_id == user.pk


@rules.predicate
def sits_on_the_calls_committee(user, call: Call | None) -> bool:
    return call is not None and is_committee_member(user, call.programme)


rules.add_perm(
    "selection.view_application",
    writes_the_application | runs_the_consortiums_call | reviews_the_application,
)
rules.add_perm("selection.edit_application", writes_the_application)
rules.add_perm("selection.list_applications", runs_the_call)
# The committee's review: coordinators assign, rank and decide; committee members review what
# they are assigned and declare conflicts of interest.
rules.add_perm("selection.manage_review", runs_the_call)
rules.add_perm("selection.take_part_in_review", sits_on_the_calls_committee)
rules.add_perm("selection.review", is_the_reviewer)


def get_consortium_for(
    user, programme_slug: str, call_slug: str, consortium_id: int, perm: str
) -> tuple[Call, Consortium]:
    """Fetch a consortium of the call and check ``perm``: people who may not view its
    application do not find it (404); people who may view but not change it get 403."""
    call = get_call_for(user, programme_slug, call_slug, "calls.view_call")
    consortium = get_object_or_404(
        Consortium.objects.select_related("left__lead", "right__lead"), call=call, pk=consortium_id
    )
    consortium.call = call
    consortium.left.call = consortium.right.call = call
    if not may(user, "selection.view_application", consortium):
        raise Http404
    if not may(user, perm, consortium):
        raise PermissionDenied
    return call, consortium
