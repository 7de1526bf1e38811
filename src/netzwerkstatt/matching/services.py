"""Every change matching makes: proposing a round, confirming it, and each group's answer.

``propose_round`` runs the engine over the call's free groups under the coordinator's rules and
stores the proposal with the parts of every score; proposing again replaces the proposal that
was not confirmed yet. ``confirm_round`` shows the latest proposal to the groups and writes to
their people, each in their language. ``answer_proposal`` records one side's answer: two
acceptances form a consortium and mark both expressions matched; one decline frees both groups
for the next round, where the two are never proposed to each other again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netzwerkstatt.calls import queries as call_queries
from netzwerkstatt.calls.models import ActorGroup, Call, ExpressionOfInterest
from netzwerkstatt.calls.rules import may
from netzwerkstatt.calls.services.screening import language_for
from netzwerkstatt.core import audit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.vocabularies.models import Theme

from . import engine, profiles
from .explanations import Explainer, and_list, parts_as_data
from .models import Consortium, MatchingRound, ProposedPair

Answer = ProposedPair.Answer
PairStatus = ProposedPair.Status
RoundStatus = MatchingRound.Status


def _pairs_json(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    return [[left, right] for left, right in sorted(pairs)]


def declined_pairs(call: Call) -> frozenset[tuple[int, int]]:
    """Pairs that declined each other in a confirmed round: never proposed again."""
    return frozenset(
        ProposedPair.objects.filter(
            round__call=call, round__status=RoundStatus.CONFIRMED, status=PairStatus.DECLINED
        ).values_list("left_id", "right_id")
    )


def _names(call: Call, ids: Iterable[int]) -> dict[int, str]:
    return dict(ActorGroup.objects.filter(call=call, pk__in=set(ids)).values_list("pk", "name"))


def _rule_message(problem, names: dict[int, str]) -> str:
    code, left, right = problem
    unknown = _("an unknown group")
    left_name, right_name = names.get(left, unknown), names.get(right, unknown)
    if code == "unknown_group":
        return _(
            "%(left)s and %(right)s cannot be set as a pair: both groups must be free to be "
            "matched (eligible, not waiting for an answer, in no consortium), one on each side."
        ) % {"left": left_name, "right": right_name}
    if code == "excluded":
        return _("%(left)s and %(right)s are set as a pair, but one of them is left out.") % {
            "left": left_name,
            "right": right_name,
        }
    if code == "forbidden":
        return _(
            "%(left)s and %(right)s are set as a pair and as a pair that must not be matched."
        ) % {"left": left_name, "right": right_name}
    if code == "forced_twice":
        return _("%(group)s is set as a pair with more than one group.") % {
            "group": names.get(left if left is not None else right, unknown)
        }
    return str(problem)


def _check_forced_pairs(
    call: Call,
    pool: profiles.Pool,
    rules: engine.Rules,
    declined: frozenset[tuple[int, int]],
    names: dict[int, str],
) -> list[str]:
    """What the engine cannot know: countries the call does not pair, earlier declines."""
    groups = pool.groups
    problems = []
    for left, right in sorted(rules.must_match):
        names_ = {"left": names.get(left, "?"), "right": names.get(right, "?")}
        if (left, right) in declined:
            problems.append(
                _(
                    "%(left)s and %(right)s declined each other in an earlier round; they are "
                    "not proposed to each other again."
                )
                % names_
            )
        elif (
            left in groups
            and right in groups
            and not pool.sides.are_paired(groups[left].country, groups[right].country)
        ):
            problems.append(
                _("%(left)s and %(right)s come from countries the call does not pair.") % names_
            )
    return problems


@transaction.atomic
def propose_round(
    *, actor, call: Call, rules: engine.Rules, weights: engine.Weights | None = None
) -> MatchingRound:
    """Propose the globally optimal matching of the call's free groups under ``rules`` (pairs
    are ``(left_id, right_id)``, left being the first country of a pairing). The proposal that
    was not confirmed yet, if any, is superseded. Raises ``ValidationError`` keyed by
    ``must_match`` or ``min_score`` when the rules cannot all be honoured."""
    weights = weights or engine.DEFAULT_WEIGHTS
    # One proposal at a time per call: the lock orders concurrent proposals (round numbers).
    call = Call.objects.select_for_update().select_related("programme").get(pk=call.pk)
    pool = profiles.pool(call)
    if not pool.sides.pairings:
        raise ValidationError(
            _("The call does not say which countries are matched with each other."),
            code="no_pairings",
        )
    if not 0 <= rules.min_score <= 100:
        raise ValidationError(
            {"min_score": _("The lowest score lies between 0 and 100.")}, code="min_score"
        )
    declined = declined_pairs(call)
    rule_ids = {g for pair in rules.must_match | rules.must_not for g in pair}
    names = _names(call, rule_ids | pool.groups.keys())
    problems = _check_forced_pairs(call, pool, rules, declined, names)
    if problems:
        raise ValidationError({"must_match": problems}, code="rules")
    left, right = pool.profiles("left"), pool.profiles("right")
    scores = engine.score_matrix(left, right, weights)
    scores[~profiles.paired_mask(pool.sides, left, right)] = 0.0
    pool_ids = pool.groups.keys()
    effective = engine.Rules(
        must_match=rules.must_match,
        must_not=rules.must_not | declined,
        min_score=float(rules.min_score),
        excluded=frozenset(g for g in rules.excluded if g in pool_ids),
    )
    try:
        proposal = engine.propose_from_scores(
            [g.id for g in left], [g.id for g in right], scores, effective
        )
    except engine.MatchingRuleError as error:
        raise ValidationError(
            {"must_match": [_rule_message(p, names) for p in error.problems]}, code="rules"
        ) from None

    for previous in MatchingRound.objects.select_for_update().filter(
        call=call, status=RoundStatus.PROPOSED
    ):
        previous.status = RoundStatus.SUPERSEDED
        previous.save(update_fields=["status"])
        audit.record(
            actor=actor,
            action="matching.round_superseded",
            obj=previous,
            programme=call.programme,
            changes={"status": {"old": RoundStatus.PROPOSED, "new": RoundStatus.SUPERSEDED}},
        )

    left_by, right_by = {g.id: g for g in left}, {g.id: g for g in right}
    pairs = []
    for matched in proposal.pairs:
        scored = engine.score_pair(left_by[matched.left_id], right_by[matched.right_id], weights)
        pairs.append(
            ProposedPair(
                left_id=matched.left_id,
                right_id=matched.right_id,
                score=Decimal(f"{scored.total:.2f}"),
                parts=parts_as_data(scored.parts),
                forced=(matched.left_id, matched.right_id) in proposal.forced,
            )
        )
    number = (
        MatchingRound.objects.filter(call=call).aggregate(last=Max("number"))["last"] or 0
    ) + 1
    stored_rules = {
        "must_match": _pairs_json(effective.must_match),
        "must_not": _pairs_json(rules.must_not),
        "min_score": effective.min_score,
        "excluded": sorted(effective.excluded),
        "declined": _pairs_json(declined),
    }
    round_ = MatchingRound.objects.create(
        call=call,
        number=number,
        rules=stored_rules,
        weights=weights.as_dict(),
        pool={"left": [g.id for g in left], "right": [g.id for g in right]},
        total=sum((p.score for p in pairs), Decimal("0.00")),
        created_by=actor,
    )
    for pair in pairs:
        pair.round = round_
    ProposedPair.objects.bulk_create(pairs)
    audit.record(
        actor=actor,
        action="matching.round_proposed",
        obj=round_,
        programme=call.programme,
        changes={
            "number": {"old": None, "new": number},
            "pairs": {"old": None, "new": len(pairs)},
            "total": {"old": None, "new": str(round_.total)},
            "rules": {"old": None, "new": stored_rules},
            "weights": {"old": None, "new": round_.weights},
        },
    )
    return round_


# Confirming -------------------------------------------------------------------------------------


def group_page_url(group: ActorGroup) -> str:
    call = group.call
    return reverse(
        "matching:group",
        kwargs={"programme": call.programme.slug, "call": call.slug, "group_id": group.pk},
    )


def _explainers(languages: Iterable[str]) -> dict[str, Explainer]:
    """One explainer per language with the theme names in it, from one query."""
    themes = list(Theme.objects.all())
    result = {}
    for language in set(languages):
        with translation.override(language):
            result[language] = Explainer({t.code: str(t.name) for t in themes})
    return result


@dataclass(frozen=True)
class Confirmed:
    round: MatchingRound
    emails: int


@transaction.atomic
def confirm_round(*, actor, round: MatchingRound) -> Confirmed:
    """Confirm the latest proposed round: its groups see their proposed partner and every
    person of their confirmed organisations gets one e-mail in their language."""
    current = (
        MatchingRound.objects.select_for_update(of=("self",))
        .select_related("call__programme")
        .get(pk=round.pk)
    )
    call = current.call
    if current.status != RoundStatus.PROPOSED:
        raise ValidationError(
            _("Only a proposed round can be confirmed; round %(number)s is “%(status)s”.")
            % {"number": current.number, "status": current.get_status_display()},
            code="not_proposed",
        )
    latest = MatchingRound.objects.filter(call=call).aggregate(last=Max("number"))["last"]
    if current.number != latest:
        raise ValidationError(_("Only the latest round can be confirmed."), code="not_latest")
    pairs = list(current.pairs.select_related("left__call__programme", "right__call__programme"))
    if not pairs:
        raise ValidationError(
            _("This round proposes no pair; there is nothing to confirm."), code="empty"
        )
    free = set(profiles.free_groups(call).values_list("pk", flat=True))
    stale = [g.name for p in pairs for g in (p.left, p.right) if g.pk not in free]
    if stale:
        raise ValidationError(
            _("%(groups)s can no longer be matched. Propose a new round.")
            % {"groups": and_list(stale)},
            code="stale",
        )
    current.status = RoundStatus.CONFIRMED
    current.confirmed_at = timezone.now()
    current.confirmed_by = actor
    current.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    audit.record(
        actor=actor,
        action="matching.round_confirmed",
        obj=current,
        programme=call.programme,
        changes={"status": {"old": RoundStatus.PROPOSED, "new": RoundStatus.CONFIRMED}},
    )
    people = call_queries.recipients(g for p in pairs for g in (p.left_id, p.right_id))
    letters = [
        (pair, side, person, language_for(person, pair.group(side).country))
        for pair in pairs
        for side in ProposedPair.SIDES
        for person in people.get(pair.group(side).pk, [])
    ]
    explainers = _explainers(language for *_rest, language in letters)
    for pair, side, person, language in letters:
        group, partner = pair.group(side), pair.other(side)
        queue_email(
            template="matching/email/proposal",
            to=person.email,
            language=language,
            context={
                "person": person,
                "group": group,
                "partner": partner,
                "pair": pair,
                "explainer": explainers[language],
                "call": call,
                "programme": call.programme,
                "url": group_page_url(group),
                "site_url": settings.SITE_URL,
            },
        )
    return Confirmed(round=current, emails=len(letters))


# Answering --------------------------------------------------------------------------------------

ANSWER_FIELDS = {
    side: (f"{side}_answer", f"{side}_answered_by", f"{side}_answered_at")
    for side in ProposedPair.SIDES
}


def _mark_matched(*, actor, call: Call, group_ids: list[int]) -> None:
    expressions = (
        ExpressionOfInterest.objects.select_for_update(of=("self",))
        .select_related("group")
        .filter(group_id__in=group_ids)
        .order_by("pk")
    )
    for expression in expressions:
        if expression.status != ExpressionOfInterest.Status.ELIGIBLE:
            continue
        expression.status = ExpressionOfInterest.Status.MATCHED
        # Like releasing a decision: a screening form opened before sees the change.
        expression.screening_version = F("screening_version") + 1
        expression.save(update_fields=["status", "screening_version", "updated"])
        audit.record(
            actor=actor,
            action="expression.matched",
            obj=expression,
            programme=call.programme,
            changes={
                "status": {
                    "old": ExpressionOfInterest.Status.ELIGIBLE,
                    "new": ExpressionOfInterest.Status.MATCHED,
                }
            },
        )


@transaction.atomic
def answer_proposal(*, actor, pair: ProposedPair, side: str, accept: bool) -> ProposedPair:
    """Record the answer of one side (``"left"`` or ``"right"``) to a confirmed proposal. Only
    people who may edit that side's group answer (``calls.edit_group``). When both accepted,
    the pair becomes a consortium and both expressions are matched; a decline ends the pair
    and frees both groups. The other side's people are told, each in their language."""
    if side not in ProposedPair.SIDES:
        raise ValueError(f"side must be 'left' or 'right', not {side!r}")
    current = (
        ProposedPair.objects.select_for_update(of=("self",))
        .select_related("round__call__programme", "left__call__programme", "right")
        .get(pk=pair.pk)
    )
    group, partner = current.group(side), current.other(side)
    if not may(actor, "calls.edit_group", group):
        raise PermissionDenied
    call = current.round.call
    if current.round.status != RoundStatus.CONFIRMED:
        raise ValidationError(
            _("The coordinators have not confirmed this proposal."), code="not_confirmed"
        )
    if current.status == PairStatus.DECLINED:
        raise ValidationError(_("This proposal was declined; it is closed."), code="closed")
    if current.answer_of(side) != Answer.PENDING or current.status != PairStatus.PROPOSED:
        raise ValidationError(_("Your group has already answered."), code="answered")
    answer_field, by_field, at_field = ANSWER_FIELDS[side]
    before = audit.snapshot(current, ("status", answer_field))
    setattr(current, answer_field, Answer.ACCEPTED if accept else Answer.DECLINED)
    setattr(current, by_field, actor)
    setattr(current, at_field, timezone.now())
    other_side = "right" if side == "left" else "left"
    if not accept:
        current.status = PairStatus.DECLINED
    elif current.answer_of(other_side) == Answer.ACCEPTED:
        current.status = PairStatus.ACCEPTED
    current.save(update_fields=["status", answer_field, by_field, at_field])
    audit.record(
        actor=actor,
        action="matching.proposal_accepted" if accept else "matching.proposal_declined",
        obj=current,
        programme=call.programme,
        changes=audit.changes_between(before, audit.snapshot(current, ("status", answer_field))),
    )
    consortium = None
    if current.status == PairStatus.ACCEPTED:
        consortium = Consortium.objects.create(
            call=call, left=current.left, right=current.right, pair=current
        )
        audit.record(
            actor=actor,
            action="matching.consortium_formed",
            obj=consortium,
            programme=call.programme,
            changes={"groups": {"old": None, "new": [current.left.name, current.right.name]}},
        )
        _mark_matched(actor=actor, call=call, group_ids=[current.left_id, current.right_id])
    partner.call = call
    for person in call_queries.recipients([partner.pk]).get(partner.pk, []):
        queue_email(
            template="matching/email/answered",
            to=person.email,
            language=language_for(person, partner.country),
            context={
                "person": person,
                "group": partner,  # the recipient's group
                "partner": group,  # the group that answered
                "accepted": accept,
                "consortium": consortium,
                "call": call,
                "programme": call.programme,
                "url": group_page_url(partner),
                "site_url": settings.SITE_URL,
            },
        )
    return current
