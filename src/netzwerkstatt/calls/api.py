"""API for calls: published calls with their question forms for everyone who may see them, the
received expressions of interest for the people who run a call, one expression for them and for
its group, and, for the group's members, saving answers and submitting.

Permissions are the pages' (``rules.get_call_for``, ``get_group_for``, ``may``): a call or group
the caller may not see is 404, one they may see but not act on is 403, always in JSON. Writes take
a personal token, or the session with its CSRF token (see ``core.api_auth``).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from netzwerkstatt.core.api_auth import TokenOrSession
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.schemas import Pagination
from netzwerkstatt.programmes.queries import visible_programmes

from . import queries
from .forms.answers import field_name
from .forms.expressions import stored_answers_form
from .models import ActorGroup, AnswerFile, Call, ExpressionOfInterest, GroupMember, Question
from .rules import belongs_to_the_group, get_call_for, get_group_for, may
from .schemas import (
    AnswerErrorsOut,
    AnswersIn,
    AnswersOut,
    CallDetailOut,
    CallFilters,
    CallOut,
    CallsErrorOut,
    ExpressionDetailOut,
    ExpressionFilters,
    ExpressionOut,
    SubmittedOut,
)
from .services import expressions as services

router = Router(tags=["calls"])

SCREEN = "calls.screen_call"
CALL = "/{programme}/{slug}"
GROUP = CALL + "/groups/{group_id}"
# Answers that must be refused by their shape before the form sees them (the form would read a
# list as its last item, a dict as text).
TEXT_KINDS = (Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT, Question.Kind.SINGLE_CHOICE)

ERRORS = {404: CallsErrorOut}
SIGNED_IN_ERRORS = {401: CallsErrorOut, 403: CallsErrorOut, 404: CallsErrorOut}
WRITE_ERRORS = {**SIGNED_IN_ERRORS, 409: CallsErrorOut, 422: AnswerErrorsOut}


# Calls ----------------------------------------------------------------------------------------


def published_calls(user, *, programme: str = "", phase: str | None = None) -> QuerySet[Call]:
    """Published calls of the programmes ``user`` may see, the latest opening first."""
    calls = (
        Call.objects.filter(status=Call.Status.PUBLISHED, programme__in=visible_programmes(user))
        .select_related("programme")
        .prefetch_related("themes")
        .order_by("-opens_at", "pk")
    )
    if programme:
        calls = calls.filter(programme__slug=programme)
    now = timezone.now()
    if phase == Call.Phase.UPCOMING:
        calls = calls.filter(opens_at__gt=now)
    elif phase == Call.Phase.OPEN:
        calls = calls.filter(opens_at__lte=now, closes_at__gt=now)
    elif phase == Call.Phase.CLOSED:
        calls = calls.filter(closes_at__lte=now)
    return calls


@router.get("", response=list[CallOut], summary="Published calls the caller may see")
def call_list(request: HttpRequest, filters: Query[CallFilters]):
    return published_calls(request.user, programme=filters.programme, phase=filters.phase)


@router.get(
    CALL,
    response={200: CallDetailOut, **ERRORS},
    summary="One call with its questions",
    description="A draft is found only by the people who run its programme.",
)
def call_detail(request: HttpRequest, programme: str, slug: str):
    return get_call_for(request.user, programme, slug, "calls.view_call")


# Expressions of interest ----------------------------------------------------------------------


@router.get(
    CALL + "/expressions",
    response={200: list[ExpressionOut], **SIGNED_IN_ERRORS},
    auth=TokenOrSession(),
    summary="The call's expressions of interest (for the people who run it)",
    description=(
        "Submitted expressions and what came of them, by group name; drafts never reach "
        "coordinators. A held screening decision is shown with `released: false`."
    ),
)
@paginate(Pagination)
def expression_list(
    request: HttpRequest, programme: str, slug: str, filters: Query[ExpressionFilters]
):
    call = get_call_for(request.user, programme, slug, SCREEN)
    return queries.screening_table(
        call, country=filters.country.upper(), status=filters.status or ""
    )


@router.get(
    CALL + "/expressions/{expression_id}",
    response={200: ExpressionDetailOut, **SIGNED_IN_ERRORS},
    auth=TokenOrSession(),
    summary="One expression of interest with its answers",
    description=(
        "For the members of the group's organisations and, once it was submitted, for the "
        "people who run the call. Groups never see each other: anyone else gets 404."
    ),
)
def expression_detail(request: HttpRequest, programme: str, slug: str, expression_id: int):
    call = get_call_for(request.user, programme, slug, "calls.view_call")
    expression = get_object_or_404(
        ExpressionOfInterest.objects.select_related("group__lead").prefetch_related(
            Prefetch(
                "group__members",
                queryset=GroupMember.objects.exclude(status=GroupMember.Status.DECLINED)
                .select_related("organisation")
                .order_by("role", "organisation__name"),
            ),
            "group__themes",
            Prefetch("files", queryset=AnswerFile.objects.order_by("question_id")),
        ),
        pk=expression_id,
        group__call=call,
    )
    group = expression.group
    group.call = call
    if not may(request.user, "calls.view_group", group):
        raise Http404
    # The people who run the call read what reached them, never a group's unfinished work.
    if (
        not belongs_to_the_group(request.user, group)
        and not queries.received_expressions(call).filter(pk=expression.pk).exists()
    ):
        raise Http404
    return ExpressionDetailOut.of(expression, screening=request.user.has_perm(SCREEN, call))


# Writing: answers and submission ----------------------------------------------------------------


def _group_expression(
    request: HttpRequest, programme: str, slug: str, group_id: int
) -> tuple[ActorGroup, ExpressionOfInterest]:
    """The group and its expression, for the members of its organisations (as the pages)."""
    call = get_call_for(request.user, programme, slug, "calls.view_call")
    group = get_group_for(request.user, call, group_id, "calls.edit_group")
    group.call = call  # keeps the programme fetched with the call
    expression = get_object_or_404(ExpressionOfInterest, group=group)
    expression.group = group
    return group, expression


def _error(status: int, detail: str, code: str) -> Status:
    return Status(status, {"detail": detail, "code": code})


def _refused(detail: str, error: ValidationError) -> Status:
    """A service's refusal: answer problems by question id, anything else under ``general``."""
    if getattr(error, "code", None) == "locked":
        return _error(409, " ".join(error.messages), "locked")
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            if name.startswith("q_"):
                errors[name.removeprefix("q_")] = messages
            else:
                general += messages
    else:
        general = list(error.messages)
    return Status(422, {"detail": detail, "errors": errors, "general": general})


def _shape_problem(question: Question, value: Any) -> str:
    """Why ``value`` cannot be an answer to ``question`` at all (empty when it can)."""
    if question.kind == Question.Kind.FILE:
        return _("Files are uploaded on the group's page, not through the API.")
    if question.kind in TEXT_KINDS and not isinstance(value, str):
        if question.kind == Question.Kind.SINGLE_CHOICE:
            return _("Send one of the choice values as text.")
        return _("Send the answer as text.")
    if question.kind == Question.Kind.MULTIPLE_CHOICE and not (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        return _("Send a list of choice values.")
    if question.kind == Question.Kind.NUMBER and (
        isinstance(value, bool) or not isinstance(value, (int, float, str))
    ):
        return _("Send a number.")
    return ""


def clean_answers(
    expression: ExpressionOfInterest, given: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The answers to store when ``given`` changes the stored ones, checked by the answer form's
    rules, and the problems by question id.

    Only the questions in ``given`` change; an empty value clears one. Every problem with a
    given answer is reported. A draft may stay incomplete, and an answer stored earlier that
    breaks a rule now (text longer than its word limit, kept as typed on the page) stays as it
    is; a submitted expression must stay complete."""
    questions = {str(q.pk): q for q in expression.group.call.questions.all()}
    errors: dict[str, list[str]] = {}
    merged = dict(expression.answers)
    for key, value in given.items():
        question = questions.get(key)
        if question is None:
            errors[key] = [_("This call has no question with this id.")]
        elif value is None or value == "" or value == []:
            merged.pop(key, None)
        elif problem := _shape_problem(question, value):
            errors[key] = [problem]
        else:
            merged[key] = value
    if errors:
        return {}, errors
    submitted = expression.status == ExpressionOfInterest.Status.SUBMITTED
    form = stored_answers_form(expression, answers=merged, require=submitted)
    form.is_valid()
    result = form.answers()
    for question in form.questions:
        key = str(question.pk)
        messages = form.errors.get(field_name(question))
        if not messages:
            continue
        if submitted or key in given:
            errors[key] = list(messages)
        elif key in merged:
            result[key] = merged[key]
    return result, errors


@router.post(
    GROUP + "/answers",
    response={200: AnswersOut, **WRITE_ERRORS},
    auth=TokenOrSession(),
    summary="Save answers of a group's expression of interest",
    description=(
        "For the members of the group's organisations while the call is open. Send the "
        "`version` read with the expression: if someone saved since, nothing is saved (409). "
        "Answers that break a question's rules are refused with messages by question id (422). "
        "A submitted expression stays submitted, so its answers must stay complete."
    ),
)
def save_answers(request: HttpRequest, programme: str, slug: str, group_id: int, data: AnswersIn):
    _group, expression = _group_expression(request, programme, slug, group_id)
    if reason := services.why_locked(expression):
        return _error(409, reason, "locked")
    if data.version != expression.version:
        return _error(409, str(ConcurrentEdit().message), "concurrent_edit")
    answers, errors = clean_answers(expression, data.answers)
    if errors:
        return Status(
            422,
            {"detail": _("Nothing was saved."), "errors": errors, "general": []},
        )
    try:
        expression = services.save_draft_answers(
            actor=request.user,
            expression=expression,
            answers=answers,
            expected_version=data.version,
        )
    except ConcurrentEdit as error:
        return _error(409, " ".join(error.messages), "concurrent_edit")
    except ValidationError as error:
        return _refused(_("Nothing was saved."), error)
    return {
        "version": expression.version,
        "status": expression.status,
        "answers": expression.answers,
    }


@router.post(
    GROUP + "/submit",
    response={200: SubmittedOut, **WRITE_ERRORS},
    auth=TokenOrSession(),
    summary="Submit a group's expression of interest",
    description=(
        "For the members of the lead organisation, while the call is open, once every required "
        "answer is there and every invited partner has answered. Everyone in the group is told "
        "by e-mail. Problems come back by question id, the others under `general` (422)."
    ),
)
def submit(request: HttpRequest, programme: str, slug: str, group_id: int):
    group, expression = _group_expression(request, programme, slug, group_id)
    if not services.leads_the_group(request.user, group):
        return _error(403, _("Only members of the lead organisation may do this."), "not_lead")
    if reason := services.why_locked(expression):
        return _error(409, reason, "locked")
    if expression.status != ExpressionOfInterest.Status.DRAFT:
        return _error(
            409, _("This expression of interest was submitted already."), "submitted_already"
        )
    try:
        expression = services.submit_expression(actor=request.user, expression=expression)
    except ValidationError as error:
        return _refused(_("The expression of interest was not submitted."), error)
    return expression
