"""The matching engine: compatibility scores with their reasons, and a globally optimal one-to-one
matching of actor groups across two countries. Pure Python + NumPy/SciPy; no Django. The Django glue
turns expressions of interest into :class:`GroupProfile` objects, stores :class:`Rules` and
:class:`Proposal` objects, and renders the parts of a score in the reader's language from their
machine keys and data (:func:`explain_en` is the English reference rendering).

Scores. A pair scores ``100 * sum(weight * value)`` over seven parts, each value in [0, 1]:

=================  ==========================================================================
themes             shared themes / themes named by either group (Jaccard)
complementarity    mean of both directions of "what A offers that B seeks / all B seeks"
kinds              organisation kinds only one side brings / kinds of both (Jaccard distance):
                   a school meeting a company scores 1, two schools 0
sector_mix         1 when the two groups together have public and private organisations
regions            mean of "A prefers B's region" and "B prefers A's region"
languages          1 when the groups have a working language in common
text               cosine of the character 3-grams of the descriptions (see ``text.py``)
=================  ==========================================================================

Empty sets score 0 (a group that names no themes shares none). Text similarity is *measurable* only
when both groups have a description with content words; when it is not, the text part gets weight 0
and its weight is shared among the other parts in proportion to their weights (each is divided by
``1 - weights.text``), so a missing description neither helps nor hurts a pair. Every part is
symmetric, so ``score(a, b) == score(b, a)``.

Matching. :func:`propose_matching` maximises the total score over one-to-one matchings in which
every pair is allowed by the rules, and groups may stay unmatched. A pair is allowed when its score
is > 0 and >= ``min_score``, it is not a ``must_not`` pair and neither group is excluded or forced
elsewhere; ``must_match`` pairs are fixed first whatever their score. Setting every forbidden entry
to 0 and solving the rectangular assignment problem on the rest gives this optimum: a partial
matching of allowed pairs extends to a full assignment with zero entries without changing its sum,
and dropping the zero entries of the optimal assignment leaves only allowed pairs with the same sum.
Pairs scoring exactly 0 add nothing, so they are never proposed unless forced. Groups are sorted by
id first, so the proposal does not depend on the order in which they are passed.
"""

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from netzwerkstatt.matching import sets
from netzwerkstatt.matching.explain import explain_en
from netzwerkstatt.matching.text import common_terms, trigram_cosine, trigrams

__all__ = [
    "DEFAULT_WEIGHTS",
    "PART_KEYS",
    "Diff",
    "GroupProfile",
    "MatchedPair",
    "MatchingRuleError",
    "PairScore",
    "Part",
    "Proposal",
    "Rules",
    "Weights",
    "compare",
    "explain_en",
    "explain_proposal",
    "greedy_from_scores",
    "greedy_matching",
    "propose_from_scores",
    "propose_matching",
    "score_matrix",
    "score_pair",
]

PART_KEYS = ("themes", "complementarity", "kinds", "sector_mix", "regions", "languages", "text")


@dataclass(frozen=True)
class GroupProfile:
    """What the engine knows about one actor group (one or more organisations)."""

    id: int
    country: str
    region: str
    themes: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()  # normalised keywords or tags, see text.keywords
    seeks: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()  # organisation kinds in the group
    sectors: frozenset[str] = frozenset()  # "public" and/or "private"
    preferred_regions: frozenset[str] = frozenset()  # ISO 3166-2 codes of the other country
    languages: frozenset[str] = frozenset()  # ISO 639-1 working languages
    text: str = ""
    text_language: str = ""

    def __post_init__(self) -> None:  # accept any iterables for the sets
        for name in _SET_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, frozenset):
                object.__setattr__(self, name, frozenset(value))


_SET_FIELDS = (
    "themes",
    "offers",
    "seeks",
    "kinds",
    "sectors",
    "preferred_regions",
    "languages",
)


@dataclass(frozen=True)
class Weights:
    """Weight of each part; non-negative and summing to 1 (use :meth:`relative` to normalise)."""

    themes: float = 0.25
    complementarity: float = 0.25
    kinds: float = 0.10
    sector_mix: float = 0.05
    regions: float = 0.10
    languages: float = 0.10
    text: float = 0.15

    def __post_init__(self) -> None:
        values = [getattr(self, f.name) for f in fields(self)]
        if any(not math.isfinite(v) or v < 0 for v in values):
            raise ValueError("weights must be finite and non-negative")
        if abs(math.fsum(values) - 1.0) > 1e-6:
            raise ValueError(f"weights must sum to 1, not {math.fsum(values)}")

    @classmethod
    def relative(cls, **raw: float) -> "Weights":
        """Weights from relative importances (missing parts keep their default importance)."""
        merged = {f.name: float(raw.get(f.name, f.default)) for f in fields(cls)}
        total = math.fsum(merged.values())
        if total <= 0:
            raise ValueError("at least one weight must be positive")
        return cls(**{k: v / total for k, v in merged.items()})

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Part:
    """One reason in a score: ``points = 100 * weight * value`` of the total. ``weight`` is the
    weight applied (after redistribution), ``data`` what an explanation needs (codes, not words)."""

    key: str
    weight: float
    value: float
    data: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def points(self) -> float:
        return 100.0 * self.weight * self.value


@dataclass(frozen=True)
class PairScore:
    left_id: int
    right_id: int
    total: float  # 0..100, the sum of the parts' points
    parts: tuple[Part, ...]

    def part(self, key: str) -> Part:
        return next(p for p in self.parts if p.key == key)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _coverage(offers: frozenset[str], seeks: frozenset[str]) -> float:
    return len(offers & seeks) / len(seeks) if seeks else 0.0


def _mixed(sectors: frozenset[str]) -> bool:
    return "public" in sectors and "private" in sectors


def score_pair(a: GroupProfile, b: GroupProfile, weights: Weights = DEFAULT_WEIGHTS) -> PairScore:
    """The score of one pair with its parts; equals ``score_matrix([a], [b], weights)[0, 0]``."""
    left_prefers = b.region in a.preferred_regions
    right_prefers = a.region in b.preferred_regions
    sectors = a.sectors | b.sectors
    tri_a, tri_b = trigrams(a.text), trigrams(b.text)
    measurable = bool(len(tri_a) and len(tri_b))
    raw = [
        (
            "themes",
            _jaccard(a.themes, b.themes),
            {"shared": sorted(a.themes & b.themes), "named": len(a.themes | b.themes)},
        ),
        (
            "complementarity",
            (_coverage(a.offers, b.seeks) + _coverage(b.offers, a.seeks)) / 2,
            {
                "left_meets": sorted(a.offers & b.seeks),
                "right_seeks": len(b.seeks),
                "right_meets": sorted(b.offers & a.seeks),
                "left_seeks": len(a.seeks),
            },
        ),
        (
            "kinds",
            1.0 - _jaccard(a.kinds, b.kinds) if a.kinds | b.kinds else 0.0,
            {
                "only_left": sorted(a.kinds - b.kinds),
                "only_right": sorted(b.kinds - a.kinds),
                "shared": sorted(a.kinds & b.kinds),
            },
        ),
        (
            "sector_mix",
            1.0 if _mixed(sectors) else 0.0,
            {"left": sorted(a.sectors), "right": sorted(b.sectors), "together": sorted(sectors)},
        ),
        (
            "regions",
            (left_prefers + right_prefers) / 2,
            {
                "left_region": a.region,
                "right_region": b.region,
                "left_prefers_right": left_prefers,
                "right_prefers_left": right_prefers,
            },
        ),
        (
            "languages",
            1.0 if a.languages & b.languages else 0.0,
            {"common": sorted(a.languages & b.languages)},
        ),
        (
            "text",
            trigram_cosine(tri_a, tri_b) if measurable else 0.0,
            {
                "measurable": measurable,
                "left_language": a.text_language,
                "right_language": b.text_language,
                "common_terms": list(common_terms(a.text, b.text)) if measurable else [],
            },
        ),
    ]
    nominal = weights.as_dict()
    scale = 1.0
    if not measurable:
        rest = 1.0 - weights.text
        scale = 1.0 / rest if rest > 1e-12 else 0.0
    parts = []
    for key, value, data in raw:
        applied = nominal[key] * (float(measurable) if key == "text" else scale)
        parts.append(Part(key, applied, float(value), data | {"nominal_weight": nominal[key]}))
    total = min(100.0, max(0.0, 100.0 * math.fsum(p.weight * p.value for p in parts)))
    return PairScore(a.id, b.id, total, tuple(parts))


def score_matrix(
    left: Sequence[GroupProfile],
    right: Sequence[GroupProfile],
    weights: Weights = DEFAULT_WEIGHTS,
) -> np.ndarray:
    """``out[i, j]`` is ``score_pair(left[i], right[j], weights).total``, computed for all pairs
    at once from 0/1 incidence matrices (shared counts are matrix products)."""
    n, m = len(left), len(right)
    if not n or not m:
        return np.zeros((n, m))
    w = weights
    total = np.zeros((n, m))
    if w.themes:
        total += w.themes * sets.jaccard([g.themes for g in left], [g.themes for g in right])
    if w.complementarity:
        give = sets.coverage([g.offers for g in left], [g.seeks for g in right])
        give += sets.coverage([g.offers for g in right], [g.seeks for g in left]).T
        total += (w.complementarity / 2) * give
    if w.kinds:
        total += w.kinds * sets.distance([g.kinds for g in left], [g.kinds for g in right])
    if w.sector_mix:
        pub_l, pub_r = (np.array(["public" in g.sectors for g in s]) for s in (left, right))
        pri_l, pri_r = (np.array(["private" in g.sectors for g in s]) for s in (left, right))
        mixed = (pub_l[:, None] | pub_r[None, :]) & (pri_l[:, None] | pri_r[None, :])
        total += w.sector_mix * mixed
    if w.regions:
        lp = sets.prefers([g.preferred_regions for g in left], [g.region for g in right])
        rp = sets.prefers([g.preferred_regions for g in right], [g.region for g in left]).T
        total += (w.regions / 2) * (lp.astype(np.float64) + rp)
    if w.languages:
        common = sets.cross([g.languages for g in left], [g.languages for g in right])
        total += w.languages * (common > 0)
    tri_l, tri_r = [trigrams(g.text) for g in left], [trigrams(g.text) for g in right]
    size_l, size_r = sets.sizes(tri_l), sets.sizes(tri_r)
    has_l, has_r = size_l > 0, size_r > 0
    if not (has_l.all() and has_r.all()):  # redistribute the text weight where unmeasurable
        rest = 1.0 - w.text
        scale = 1.0 / rest if rest > 1e-12 else 0.0
        total[~has_l, :] *= scale
        total[np.ix_(has_l, ~has_r)] *= scale
    if w.text and has_l.any() and has_r.any():
        shared = sets.cross_codes(tri_l, tri_r)  # 0 wherever a side has no 3-grams
        shared /= np.sqrt(np.maximum(size_l, 1.0))[:, None]
        shared /= np.sqrt(np.maximum(size_r, 1.0))[None, :]
        shared *= w.text
        total += shared
    total *= 100.0
    return np.clip(total, 0.0, 100.0, out=total)


# --- rules and proposals ----------------------------------------------------------------------


class MatchingRuleError(ValueError):
    """The rules cannot all be honoured. ``problems`` holds ``(code, left_id, right_id)`` tuples
    with code one of "unknown_group", "excluded", "forbidden", "forced_twice" (ids may be None)."""

    def __init__(self, problems: Sequence[tuple[str, int | None, int | None]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{code} ({a}, {b})" for code, a, b in self.problems))


@dataclass(frozen=True)
class Rules:
    """What the coordinator decided. Pairs are ``(left_id, right_id)``. ``must_not`` pairs with
    groups that are not in the pool are ignored; ``must_match`` pairs with them are an error."""

    must_match: frozenset[tuple[int, int]] = frozenset()
    must_not: frozenset[tuple[int, int]] = frozenset()
    min_score: float = 0.0
    excluded: frozenset[int] = frozenset()

    def __post_init__(self) -> None:  # accept any iterables
        object.__setattr__(self, "must_match", frozenset((a, b) for a, b in self.must_match))
        object.__setattr__(self, "must_not", frozenset((a, b) for a, b in self.must_not))
        object.__setattr__(self, "excluded", frozenset(self.excluded))


class MatchedPair(NamedTuple):
    left_id: int
    right_id: int
    score: float


@dataclass(frozen=True)
class Proposal:
    pairs: tuple[MatchedPair, ...]  # best score first
    unmatched_left: tuple[int, ...]  # not matched and not excluded
    unmatched_right: tuple[int, ...]
    total: float
    forced: frozenset[tuple[int, int]] = frozenset()


def _check_rules(left_ids: Sequence[int], right_ids: Sequence[int], rules: Rules) -> None:
    lefts, rights = set(left_ids), set(right_ids)
    problems: list[tuple[str, int | None, int | None]] = []
    for side, ids in (("left", left_ids), ("right", right_ids)):
        for dup, count in Counter(ids).items():
            if count > 1:
                raise ValueError(f"{side} group {dup} is given {count} times")
    for left, right in sorted(rules.must_match):
        if left not in lefts or right not in rights:
            problems.append(("unknown_group", left, right))
        if left in rules.excluded or right in rules.excluded:
            problems.append(("excluded", left, right))
        if (left, right) in rules.must_not:
            problems.append(("forbidden", left, right))
    for side in (0, 1):
        for gid, count in sorted(Counter(p[side] for p in rules.must_match).items()):
            if count > 1:
                problems.append(
                    ("forced_twice", gid, None) if side == 0 else ("forced_twice", None, gid)
                )
    if problems:
        raise MatchingRuleError(problems)


def _prepare(left_ids, right_ids, scores, rules):
    """Sorts both sides by id and returns what both solvers need."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.shape != (len(left_ids), len(right_ids)):
        raise ValueError(f"scores have shape {scores.shape}, not {(len(left_ids), len(right_ids))}")
    if not np.isfinite(scores).all():
        raise ValueError("scores must be finite")
    _check_rules(left_ids, right_ids, rules)
    lo, ro = np.argsort(left_ids, kind="stable"), np.argsort(right_ids, kind="stable")
    lids, rids = [left_ids[i] for i in lo], [right_ids[j] for j in ro]
    in_order = (lo == np.arange(len(lo))).all() and (ro == np.arange(len(ro))).all()
    s = scores if in_order else scores[np.ix_(lo, ro)]
    lpos, rpos = {g: i for i, g in enumerate(lids)}, {g: j for j, g in enumerate(rids)}
    forced = [MatchedPair(lf, rf, float(s[lpos[lf], rpos[rf]])) for lf, rf in rules.must_match]
    taken_l = rules.excluded | {p.left_id for p in forced}
    taken_r = rules.excluded | {p.right_id for p in forced}
    rows = np.array([i for i, g in enumerate(lids) if g not in taken_l], dtype=np.intp)
    cols = np.array([j for j, g in enumerate(rids) if g not in taken_r], dtype=np.intp)
    sub = s if len(rows) == len(lids) and len(cols) == len(rids) else s[np.ix_(rows, cols)]
    allowed = (sub > 0) & (sub >= rules.min_score)
    row_of = {int(r): k for k, r in enumerate(rows)}
    col_of = {int(c): k for k, c in enumerate(cols)}
    for lf, rf in rules.must_not:
        k, c = row_of.get(lpos.get(lf, -1)), col_of.get(rpos.get(rf, -1))
        if k is not None and c is not None:
            allowed[k, c] = False
    return lids, rids, rows, cols, sub, allowed, forced


def _proposal(lids, rids, rules, forced, chosen) -> Proposal:
    pairs = sorted(forced + chosen, key=lambda p: (-p.score, p.left_id, p.right_id))
    used_l, used_r = {p.left_id for p in pairs}, {p.right_id for p in pairs}
    return Proposal(
        pairs=tuple(pairs),
        unmatched_left=tuple(g for g in lids if g not in used_l and g not in rules.excluded),
        unmatched_right=tuple(g for g in rids if g not in used_r and g not in rules.excluded),
        total=math.fsum(p.score for p in pairs),
        forced=rules.must_match,
    )


def propose_from_scores(
    left_ids: Sequence[int], right_ids: Sequence[int], scores: np.ndarray, rules: Rules = Rules()
) -> Proposal:
    """The optimal proposal for a given score matrix (rows ``left_ids``, columns ``right_ids``)."""
    lids, rids, rows, cols, sub, allowed, forced = _prepare(left_ids, right_ids, scores, rules)
    chosen: list[MatchedPair] = []
    if allowed.any():
        r, c = linear_sum_assignment(np.where(allowed, sub, 0.0), maximize=True)
        keep = allowed[r, c]
        chosen = [
            MatchedPair(lids[rows[i]], rids[cols[j]], float(sub[i, j]))
            for i, j in zip(r[keep], c[keep], strict=True)
        ]
    return _proposal(lids, rids, rules, forced, chosen)


def greedy_from_scores(
    left_ids: Sequence[int], right_ids: Sequence[int], scores: np.ndarray, rules: Rules = Rules()
) -> Proposal:
    """The baseline: forced pairs, then repeatedly the best allowed pair of two free groups."""
    lids, rids, rows, cols, sub, allowed, forced = _prepare(left_ids, right_ids, scores, rules)
    flat = np.flatnonzero(allowed)
    order = flat[np.argsort(-sub.ravel()[flat], kind="stable")]
    free_r, free_c = np.ones(len(rows), bool), np.ones(len(cols), bool)
    chosen: list[MatchedPair] = []
    for i, j in zip(*np.unravel_index(order, sub.shape), strict=True):
        if free_r[i] and free_c[j]:
            free_r[i] = free_c[j] = False
            chosen.append(MatchedPair(lids[rows[i]], rids[cols[j]], float(sub[i, j])))
    return _proposal(lids, rids, rules, forced, chosen)


def propose_matching(
    left: Sequence[GroupProfile],
    right: Sequence[GroupProfile],
    weights: Weights = DEFAULT_WEIGHTS,
    rules: Rules = Rules(),
    *,
    scores: np.ndarray | None = None,
) -> Proposal:
    """The globally optimal one-to-one matching under ``rules`` (see the module doc). Pass
    ``scores`` when ``score_matrix(left, right, weights)`` is already at hand."""
    if scores is None:
        scores = score_matrix(left, right, weights)
    return propose_from_scores([g.id for g in left], [g.id for g in right], scores, rules)


def greedy_matching(
    left: Sequence[GroupProfile],
    right: Sequence[GroupProfile],
    weights: Weights = DEFAULT_WEIGHTS,
    rules: Rules = Rules(),
    *,
    scores: np.ndarray | None = None,
) -> Proposal:
    """The greedy baseline under the same rules (for benchmarks and comparisons)."""
    if scores is None:
        scores = score_matrix(left, right, weights)
    return greedy_from_scores([g.id for g in left], [g.id for g in right], scores, rules)


def explain_proposal(
    proposal: Proposal,
    left: Sequence[GroupProfile],
    right: Sequence[GroupProfile],
    weights: Weights = DEFAULT_WEIGHTS,
) -> dict[tuple[int, int], PairScore]:
    """The scores with their parts of the proposed pairs, by ``(left_id, right_id)``."""
    lby, rby = {g.id: g for g in left}, {g.id: g for g in right}
    return {
        (p.left_id, p.right_id): score_pair(lby[p.left_id], rby[p.right_id], weights)
        for p in proposal.pairs
    }


@dataclass(frozen=True)
class Diff:
    kept: tuple[MatchedPair, ...]  # with the current scores
    added: tuple[MatchedPair, ...]
    removed: tuple[MatchedPair, ...]  # with the previous scores
    total_change: float


def compare(previous: Proposal, current: Proposal) -> Diff:
    """What changed from ``previous`` to ``current`` (pairs are compared by their two ids)."""
    before = {(p.left_id, p.right_id) for p in previous.pairs}
    after = {(p.left_id, p.right_id) for p in current.pairs}
    return Diff(
        kept=tuple(p for p in current.pairs if (p.left_id, p.right_id) in before),
        added=tuple(p for p in current.pairs if (p.left_id, p.right_id) not in before),
        removed=tuple(p for p in previous.pairs if (p.left_id, p.right_id) not in after),
        total_change=current.total - previous.total,
    )
