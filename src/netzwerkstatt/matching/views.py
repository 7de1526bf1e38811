"""Matching pages. For the people who run a call: the call's matching at a glance, the rules
form that proposes a round, a round's proposal with its explanations and the comparison with
another round, confirming it, and one pair with every part of its score. For a group: its
proposed partner with the reasons, and accepting or declining."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.calls.models import Call
from netzwerkstatt.calls.rules import get_call_for, may
from netzwerkstatt.vocabularies import regions

from . import profiles, queries, services
from .explanations import TITLES, Explainer
from .forms import ProposalForms, weights_from
from .models import MatchingRound, ProposedPair
from .rules import RUN_MATCHING, get_group_pair, get_matching_group_for, get_round_for


def _home_url(call: Call) -> str:
    return reverse("matching:home", kwargs={"programme": call.programme.slug, "call": call.slug})


def _side_names(sides: profiles.Sides) -> dict[str, str]:
    return {
        "left": ", ".join(regions.country_name(c) for c in sides.left),
        "right": ", ".join(regions.country_name(c) for c in sides.right),
    }


# For the people who run the call --------------------------------------------------------------


@login_required
def home(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    call = get_call_for(request.user, programme, call, RUN_MATCHING)
    pool = profiles.pool(call, profiles.free_groups(call).select_related("lead"))
    rounds = list(queries.rounds_of(call))
    return render(
        request,
        "matching/home.html",
        {
            "call": call,
            "programme": call.programme,
            "pool": pool,
            "side_names": _side_names(pool.sides),
            "rounds": rounds,
            "proposed": next((r for r in rounds if r.is_proposed), None),
            "waiting": list(queries.waiting_pairs(call)),
            "consortia": list(queries.consortia_of(call)),
        },
    )


@login_required
def propose(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    call = get_call_for(request.user, programme, call, RUN_MATCHING)
    pool = profiles.pool(call)
    previous = MatchingRound.objects.filter(call=call).order_by("-number").first()
    forms = ProposalForms(request.POST or None, pool=pool, previous=previous)
    if request.method == "POST" and forms.is_valid():
        try:
            round_ = services.propose_round(
                actor=request.user,
                call=call,
                rules=forms.engine_rules(),
                weights=forms.weights.weights(),
            )
        except ValidationError as error:
            forms.add_service_errors(error)
        else:
            messages.success(
                request,
                _("Round %(number)s was proposed. Check it, compare it and confirm it.")
                % {"number": round_.number},
            )
            return redirect(round_.get_absolute_url())
    declined = services.declined_pairs(call)
    names = dict(
        call.actor_groups.filter(pk__in={g for p in declined for g in p}).values_list("pk", "name")
    )
    return render(
        request,
        "matching/propose.html",
        {
            "call": call,
            "programme": call.programme,
            "pool": pool,
            "free_count": len(pool.left) + len(pool.right),
            "side_names": _side_names(pool.sides),
            "forms": forms,
            "previous": previous,
            "declined": sorted((names.get(a, "?"), names.get(b, "?")) for a, b in declined),
        },
    )


@login_required
def round_detail(request: HttpRequest, programme: str, call: str, number: int) -> HttpResponse:
    round_ = get_round_for(request.user, programme, call, number)
    call = round_.call
    explainer = Explainer()
    pairs = queries.shown(queries.pairs_of(round_), explainer)
    others = list(MatchingRound.objects.filter(call=call).exclude(pk=round_.pk).order_by("-number"))
    compare_to = request.GET.get("compare", "")
    other = None
    if compare_to.isdigit():
        other = next((r for r in others if r.number == int(compare_to)), None)
    elif others:
        other = next((r for r in others if r.number < round_.number), None)
    latest = max([round_.number, *(r.number for r in others)])
    unmatched = queries.unmatched_of(round_, [s.pair for s in pairs])
    rules = round_.rules or {}
    rule_groups = {
        g for key in ("must_match", "must_not", "declined") for p in rules.get(key, []) for g in p
    }
    names = dict(call.actor_groups.filter(pk__in=rule_groups).values_list("pk", "name"))

    def named(key):
        return [(names.get(a, "?"), names.get(b, "?")) for a, b in rules.get(key, [])]

    weights = weights_from(round_.weights)
    return render(
        request,
        "matching/round.html",
        {
            "call": call,
            "programme": call.programme,
            "round": round_,
            "pairs": pairs,
            "unmatched": unmatched,
            "side_names": _side_names(profiles.sides(call)),
            "others": others,
            "comparison": queries.compare(round_, pairs, other) if other else None,
            "can_confirm": round_.is_proposed and round_.number == latest,
            "must_match": named("must_match"),
            "must_not": named("must_not"),
            "declined": named("declined"),
            "min_score": rules.get("min_score", 0),
            "weights": [(TITLES[k], round(100 * v)) for k, v in weights.as_dict().items()]
            if weights
            else [],
        },
    )


@require_POST
@login_required
def confirm(request: HttpRequest, programme: str, call: str, number: int) -> HttpResponse:
    round_ = get_round_for(request.user, programme, call, number)
    try:
        result = services.confirm_round(actor=request.user, round=round_)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _(
                "Round %(number)s was confirmed. The groups see their proposed partner; "
                "%(emails)s e-mails were sent."
            )
            % {"number": result.round.number, "emails": result.emails},
        )
    return redirect(round_.get_absolute_url())


@login_required
def pair_detail(
    request: HttpRequest, programme: str, call: str, number: int, pair_id: int
) -> HttpResponse:
    round_ = get_round_for(request.user, programme, call, number)
    pair = get_object_or_404(
        ProposedPair.objects.select_related("left", "right"), round=round_, pk=pair_id
    )
    groups = queries.with_profiles([pair.left_id, pair.right_id])
    return render(
        request,
        "matching/pair.html",
        {
            "call": round_.call,
            "programme": round_.call.programme,
            "round": round_,
            "pair": pair,
            "left": groups[pair.left_id],
            "right": groups[pair.right_id],
            "reasons": Explainer().reasons(pair.parts, pair.left.name, pair.right.name),
        },
    )


# For the groups ----------------------------------------------------------------------------------


@login_required
def group(request: HttpRequest, programme: str, call: str, group_id: int) -> HttpResponse:
    call, group = get_matching_group_for(
        request.user, programme, call, group_id, "calls.view_group"
    )
    proposals = queries.proposals_for(group)
    current = proposals[0] if proposals else None
    partner = reasons = None
    side = None
    if current is not None:
        side = current.side_of(group)
        other_id = current.right_id if side == "left" else current.left_id
        partner = queries.with_profiles([other_id])[other_id]
        reasons = Explainer().reasons(current.parts, current.left.name, current.right.name)
    can_answer = (
        current is not None
        and current.status == ProposedPair.Status.PROPOSED
        and current.answer_of(side) == ProposedPair.Answer.PENDING
        and may(request.user, "calls.edit_group", group)
    )
    return render(
        request,
        "matching/group.html",
        {
            "call": call,
            "programme": call.programme,
            "group": group,
            "current": current,
            "side": side,
            "other_side": "right" if side == "left" else "left",
            "partner": partner,
            "reasons": reasons,
            "own_answer": current.answer_of(side) if current else "",
            "earlier": proposals[1:],
            "can_answer": can_answer,
        },
    )


@require_POST
@login_required
def answer(
    request: HttpRequest, programme: str, call: str, group_id: int, pair_id: int
) -> HttpResponse:
    call, group = get_matching_group_for(
        request.user, programme, call, group_id, "calls.edit_group"
    )
    pair = get_group_pair(group, pair_id)
    choice = request.POST.get("answer")
    if choice not in ("accept", "decline"):
        messages.error(request, _("Choose to accept or to decline the proposal."))
        return redirect(services.group_page_url(group))
    try:
        result = services.answer_proposal(
            actor=request.user, pair=pair, side=pair.side_of(group), accept=choice == "accept"
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if result.status == ProposedPair.Status.ACCEPTED:
            messages.success(
                request, _("Both groups accepted: you form a consortium and can apply together.")
            )
        elif result.status == ProposedPair.Status.DECLINED:
            messages.info(
                request,
                _("You declined the proposal. Your group can be proposed a new partner."),
            )
        else:
            messages.success(
                request, _("You accepted the proposal. The other group's answer is awaited.")
            )
    return redirect(services.group_page_url(group))
