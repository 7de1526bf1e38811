"""Read API for matching, for the people who run a call (``calls.screen_call``, as the pages):
its rounds, and one round with its pairs, scores and the parts of each score. Mounted beside the
calls router, so the paths read /calls/{programme}/{slug}/matching/..."""

from django.http import HttpRequest
from ninja import Router

from netzwerkstatt.calls.rules import get_call_for
from netzwerkstatt.calls.schemas import CallsErrorOut
from netzwerkstatt.core.api_auth import TokenOrSession

from . import queries
from .explanations import Explainer
from .rules import RUN_MATCHING, get_round_for
from .schemas import RoundDetailOut, RoundOut

router = Router(tags=["matching"], auth=TokenOrSession())

ROUNDS = "/{programme}/{slug}/matching/rounds"
ERRORS = {401: CallsErrorOut, 403: CallsErrorOut, 404: CallsErrorOut}


@router.get(
    ROUNDS,
    response={200: list[RoundOut], **ERRORS},
    summary="The call's matching rounds, the latest first",
)
def round_list(request: HttpRequest, programme: str, slug: str):
    call = get_call_for(request.user, programme, slug, RUN_MATCHING)
    rounds = list(queries.rounds_of(call))
    for round_ in rounds:
        round_.call = call
    return rounds


@router.get(
    ROUNDS + "/{number}",
    response={200: RoundDetailOut, **ERRORS},
    summary="One matching round with its pairs and the parts of each score",
    description="Explanations come in the request's language.",
)
def round_detail(request: HttpRequest, programme: str, slug: str, number: int):
    round_ = get_round_for(request.user, programme, slug, number)
    pairs = queries.pairs_of(round_)
    explainer = Explainer()  # reads the theme names once for every pair
    for pair in pairs:
        pair.reasons = explainer.reasons(pair.parts, pair.left.name, pair.right.name)
    round_.pair_count = len(pairs)
    round_.shown_pairs = pairs
    round_.unmatched = queries.unmatched_of(round_, pairs)
    return round_
