"""From actor groups to the engine's :class:`~netzwerkstatt.matching.engine.GroupProfile`, and
which groups of a call are matched, on which side.

Sides: the first country of each pairing in ``call.pairings`` is on the left, the second on the
right (``[["IT", "DE"]]``: Italian groups left, German groups right). A country named first in
one pairing and second in another stays on the left. Only the pairings' combinations of
countries may be matched; :func:`paired_mask` says which.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from netzwerkstatt.calls.models import ActorGroup, Call, ExpressionOfInterest, GroupMember
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

from . import text
from .engine import GroupProfile
from .models import Consortium, MatchingRound, ProposedPair


def text_language(country: str) -> str:
    """The language a group of ``country`` writes its offers and needs in, as far as we know."""
    return regions.interface_language(country)


@dataclass(frozen=True)
class Sides:
    left: tuple[str, ...]  # country codes
    right: tuple[str, ...]
    pairings: frozenset[tuple[str, str]]

    def side_of(self, country: str) -> str | None:
        if country in self.left:
            return "left"
        if country in self.right:
            return "right"
        return None

    def are_paired(self, left_country: str, right_country: str) -> bool:
        return (left_country, right_country) in self.pairings


def sides(call: Call) -> Sides:
    given = [(p[0], p[1]) for p in call.pairings or [] if len(p) == 2 and p[0] != p[1]]
    left = list(dict.fromkeys(first for first, _second in given))
    right = list(dict.fromkeys(second for _first, second in given if second not in left))
    pairings = set(given)
    # A country on the left that a pairing names second cannot be matched that way round.
    usable = {(a, b) for a, b in pairings if a in left and b in right}
    return Sides(tuple(left), tuple(right), frozenset(usable))


def with_profile_data(groups: QuerySet[ActorGroup]) -> QuerySet[ActorGroup]:
    """``groups`` with everything :func:`profile_of` reads, in three queries whatever their
    number: the lead, the confirmed members' organisations, the themes."""
    return groups.select_related("lead").prefetch_related(
        Prefetch(
            "members",
            queryset=GroupMember.objects.filter(status=GroupMember.Status.CONFIRMED)
            .select_related("organisation")
            .order_by("role", "organisation__name"),
            to_attr="confirmed_members",
        ),
        Prefetch("themes", queryset=Theme.objects.order_by("position", "code")),
    )


def profile_of(group: ActorGroup) -> GroupProfile:
    """The engine's view of a group loaded through :func:`with_profile_data`."""
    members = getattr(group, "confirmed_members", None)
    if members is None:
        members = list(
            group.members.filter(status=GroupMember.Status.CONFIRMED).select_related("organisation")
        )
    organisations = [m.organisation for m in members]
    language = text_language(group.country)
    return GroupProfile(
        id=group.pk,
        country=group.country,
        region=group.lead.region,
        themes=frozenset(t.code for t in group.themes.all()),
        offers=text.keywords(group.offers, language),
        seeks=text.keywords(group.seeks, language),
        kinds=frozenset(o.kind for o in organisations if o.kind),
        sectors=frozenset(o.sector for o in organisations if o.sector),
        preferred_regions=frozenset(group.preferred_regions or ()),
        languages=frozenset(group.working_languages or ()),
        text="\n".join(t for t in (group.offers.strip(), group.seeks.strip()) if t),
        text_language=language,
    )


def busy_pairs(call: Call) -> QuerySet[ProposedPair]:
    """Pairs of confirmed rounds still waiting for an answer: their groups are not free."""
    return ProposedPair.objects.filter(
        round__call=call,
        round__status=MatchingRound.Status.CONFIRMED,
        status=ProposedPair.Status.PROPOSED,
    )


def free_groups(call: Call) -> QuerySet[ActorGroup]:
    """Groups that can be matched now: eligible, in no consortium and in no pair of a confirmed
    round that still waits for an answer."""
    busy = busy_pairs(call)
    return (
        ActorGroup.objects.filter(
            call=call, expression__status=ExpressionOfInterest.Status.ELIGIBLE
        )
        .exclude(
            Exists(Consortium.objects.filter(Q(left=OuterRef("pk")) | Q(right=OuterRef("pk"))))
        )
        .exclude(Exists(busy.filter(Q(left=OuterRef("pk")) | Q(right=OuterRef("pk")))))
        .order_by("name", "pk")
    )


@dataclass
class Pool:
    """The free groups of a call on each side, with their profiles."""

    sides: Sides
    left: list[ActorGroup] = field(default_factory=list)
    right: list[ActorGroup] = field(default_factory=list)
    outside: list[ActorGroup] = field(default_factory=list)  # eligible, but no paired country

    @property
    def groups(self) -> dict[int, ActorGroup]:
        return {g.pk: g for g in (*self.left, *self.right)}

    def profiles(self, side: str) -> list[GroupProfile]:
        return [profile_of(g) for g in (self.left if side == "left" else self.right)]


def pool(call: Call, groups: Iterable[ActorGroup] | None = None) -> Pool:
    """The free groups of ``call`` (or ``groups``, loaded with :func:`with_profile_data`) split
    into the two sides."""
    result = Pool(sides=sides(call))
    if groups is None:
        groups = with_profile_data(free_groups(call))
    for group in groups:
        side = result.sides.side_of(group.country)
        (
            result.left if side == "left" else result.right if side == "right" else result.outside
        ).append(group)
    return result


def paired_mask(sides_: Sides, left: Sequence[GroupProfile], right: Sequence[GroupProfile]):
    """``mask[i, j]`` is True where the countries of ``left[i]`` and ``right[j]`` are paired."""
    left_countries = np.array([g.country for g in left], dtype=object)
    right_countries = np.array([g.country for g in right], dtype=object)
    mask = np.zeros((len(left), len(right)), dtype=bool)
    for first, second in sides_.pairings:
        mask |= (left_countries == first)[:, None] & (right_countries == second)[None, :]
    return mask
