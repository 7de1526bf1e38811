"""Reads the matching pages share: a call's state of matching, a round with its pairs and the
comparison with another round, and a group's proposals. Each read takes a fixed number of
queries, however many groups and pairs there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from netzwerkstatt.calls.models import ActorGroup, Call

from . import engine, profiles
from .explanations import Explainer, Reason
from .models import Consortium, MatchingRound, ProposedPair

RoundStatus = MatchingRound.Status
PairStatus = ProposedPair.Status


def rounds_of(call: Call) -> QuerySet[MatchingRound]:
    return (
        MatchingRound.objects.filter(call=call)
        .select_related("created_by", "confirmed_by")
        .annotate(pair_count=Count("pairs"))
        .order_by("-number")
    )


def waiting_pairs(call: Call) -> QuerySet[ProposedPair]:
    """Pairs of confirmed rounds still waiting for an answer, with their round and groups."""
    return (
        profiles.busy_pairs(call)
        .select_related("round", "left", "right")
        .order_by("round__number", "-score", "pk")
    )


def consortia_of(call: Call) -> QuerySet[Consortium]:
    return Consortium.objects.filter(call=call).select_related("left", "right", "pair__round")


@dataclass
class ShownPair:
    pair: ProposedPair
    reasons: list[Reason]
    more: int  # parts not in the short list
    previous_score: Decimal | None = None  # in the compared round, for kept pairs


@dataclass
class Comparison:
    other: MatchingRound
    kept: list[ShownPair] = field(default_factory=list)
    added: list[ShownPair] = field(default_factory=list)
    removed: list[ProposedPair] = field(default_factory=list)
    total_change: Decimal = Decimal("0")


def pairs_of(round_: MatchingRound) -> list[ProposedPair]:
    return list(round_.pairs.select_related("left__lead", "right__lead").order_by("-score", "pk"))


def shown(pairs: list[ProposedPair], explainer: Explainer, limit: int = 3) -> list[ShownPair]:
    result = []
    for pair in pairs:
        strongest = explainer.strongest(pair.parts, pair.left.name, pair.right.name, limit)
        scoring = sum(1 for p in pair.parts if p["weight"] * p["value"] > 0.00005)
        result.append(ShownPair(pair, strongest, max(0, scoring - len(strongest))))
    return result


def _as_proposal(pairs: list[ProposedPair], total: Decimal) -> engine.Proposal:
    return engine.Proposal(
        pairs=tuple(engine.MatchedPair(p.left_id, p.right_id, float(p.score)) for p in pairs),
        unmatched_left=(),
        unmatched_right=(),
        total=float(total),
    )


def compare(
    current: MatchingRound, current_pairs: list[ShownPair], other: MatchingRound
) -> Comparison:
    """What changed from ``other`` to ``current``: pairs kept (with both scores), added and
    removed, and the change of the total (the engine's ``compare``)."""
    other_pairs = pairs_of(other)
    diff = engine.compare(
        _as_proposal(other_pairs, other.total),
        _as_proposal([s.pair for s in current_pairs], current.total),
    )
    now = {(s.pair.left_id, s.pair.right_id): s for s in current_pairs}
    before = {(p.left_id, p.right_id): p for p in other_pairs}
    kept = []
    for matched in diff.kept:
        item = now[(matched.left_id, matched.right_id)]
        item.previous_score = before[(matched.left_id, matched.right_id)].score
        kept.append(item)
    return Comparison(
        other=other,
        kept=kept,
        added=[now[(m.left_id, m.right_id)] for m in diff.added],
        removed=[before[(m.left_id, m.right_id)] for m in diff.removed],
        total_change=current.total - other.total,
    )


@dataclass
class Unmatched:
    left: list[ActorGroup]
    right: list[ActorGroup]
    excluded: list[ActorGroup]


def unmatched_of(round_: MatchingRound, pairs: list[ProposedPair]) -> Unmatched:
    """The groups of the round's pool that got no partner, per side, and the groups left out."""
    paired = {g for p in pairs for g in (p.left_id, p.right_id)}
    excluded = set(round_.rules.get("excluded", []))
    left_ids = [g for g in round_.pool.get("left", []) if g not in paired]
    right_ids = [g for g in round_.pool.get("right", []) if g not in paired]
    groups = ActorGroup.objects.filter(pk__in={*left_ids, *right_ids}).select_related("lead")
    by_id = {g.pk: g for g in groups.order_by("name", "pk")}
    ordered = list(by_id)
    return Unmatched(
        left=[by_id[g] for g in ordered if g in left_ids and g not in excluded],
        right=[by_id[g] for g in ordered if g in right_ids and g not in excluded],
        excluded=[by_id[g] for g in ordered if g in excluded],
    )


def with_profiles(group_ids) -> dict[int, ActorGroup]:
    """Groups with their lead, confirmed organisations and themes, for showing profiles."""
    groups = profiles.with_profile_data(ActorGroup.objects.filter(pk__in=list(group_ids)))
    return {g.pk: g for g in groups.select_related("call")}


def proposals_for(group: ActorGroup) -> list[ProposedPair]:
    """The group's pairs in confirmed rounds, the latest first."""
    return list(
        ProposedPair.objects.filter(Q(left=group) | Q(right=group))
        .filter(round__status=RoundStatus.CONFIRMED)
        .select_related("round", "left", "right", "consortium")
        .order_by("-round__number")
    )
