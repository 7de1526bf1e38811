"""What a call may no longer change once groups have submitted expressions of interest.

The set-up services (``setup``) call these checks before they write. A change is refused when it
would make a submitted answer invalid or a submitted group ineligible; each refusal says why and
what is still possible. Drafts are still being written (the answer form checks them when they are
submitted) and withdrawn expressions are no longer considered, so neither holds the call.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netzwerkstatt.core.uploads import KNOWN_TYPES

from ..forms.answers import count_words
from ..models import AnswerFile, Call, ExpressionOfInterest, GroupMember, Question

Status = ExpressionOfInterest.Status
Kind = Question.Kind
CHOICE_KIND_VALUES = frozenset((Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE))

# Expressions whose answers the call must keep valid. Drafts are still being written (the answer
# form checks them on submission) and withdrawn ones are no longer considered.
SUBMITTED_STATES = (Status.SUBMITTED, Status.ELIGIBLE, Status.INELIGIBLE, Status.MATCHED)


def submitted_expressions(call: Call):
    return ExpressionOfInterest.objects.filter(group__call=call, status__in=SUBMITTED_STATES)


def has_submissions(call: Call) -> bool:
    """Whether groups have submitted to ``call``: from then on, changes that would invalidate
    their submissions are refused."""
    return submitted_expressions(call).exists()


def group_is_eligible(
    *,
    eligible_countries: Iterable[str],
    eligible_regions: Iterable[str],
    eligible_kinds: Iterable[str],
    members: Iterable[tuple[Any, bool]],
) -> bool:
    """Whether a group whose confirmed ``members`` are ``(organisation, is_lead)`` meets the
    rules: every organisation from an eligible country and of an eligible kind (no kinds: every
    kind), and the lead from one of the eligible regions (no regions: every region): the rules
    ``expressions.eligibility_problems`` applies when organisations join."""
    countries, regions, kinds = (
        set(eligible_countries),
        set(eligible_regions),
        set(eligible_kinds),
    )
    for organisation, is_lead in members:
        if countries and organisation.country not in countries:
            return False
        if kinds and organisation.kind not in kinds:
            return False
        if is_lead and regions and organisation.region not in regions:
            return False
    return True


def groups_made_ineligible(call: Call, data: dict[str, Any]) -> list[str]:
    """Names of submitted groups that are eligible under the call's current rules and would not
    be under ``data``."""
    members: dict[int, list] = {}
    names: dict[int, str] = {}
    for member in GroupMember.objects.filter(
        group__call=call,
        group__expression__status__in=SUBMITTED_STATES,
        status=GroupMember.Status.CONFIRMED,
    ).select_related("group", "organisation"):
        is_lead = member.role == GroupMember.Role.LEAD
        members.setdefault(member.group_id, []).append((member.organisation, is_lead))
        names[member.group_id] = member.group.name

    def eligible(rules: dict[str, Any], group_id: int) -> bool:
        return group_is_eligible(members=members[group_id], **rules)

    current = {
        key: getattr(call, key)
        for key in ("eligible_countries", "eligible_regions", "eligible_kinds")
    }
    future = {key: data.get(key, value) for key, value in current.items()}
    return sorted(
        names[group_id]
        for group_id in members
        if eligible(current, group_id) and not eligible(future, group_id)
    )


def check_call_changes(call: Call, data: dict[str, Any]) -> None:
    """Refuse date and eligibility changes that would invalidate submitted expressions."""
    if not has_submissions(call):
        return
    now = timezone.now()
    errors: dict[str, ValidationError] = {}
    closes = data.get("closes_at", call.closes_at)
    if closes < call.closes_at and closes <= now:
        errors["closes_at"] = ValidationError(
            _(
                "Groups have already submitted expressions of interest, so the call cannot be "
                "closed in the past. Extend the closing date, or move it earlier to a moment "
                "that is still ahead."
            ),
            code="closes_in_the_past",
        )
    opens = data.get("opens_at", call.opens_at)
    first = submitted_expressions(call).aggregate(first=Min("submitted_at"))["first"] or now
    if opens != call.opens_at and opens > first:
        errors["opens_at"] = ValidationError(
            _(
                "The first expression of interest was submitted on %(moment)s, so the call must "
                "have opened by then. You can move the opening earlier, not later."
            )
            % {"moment": date_format(timezone.localtime(first), "DATETIME_FORMAT")},
            code="opens_after_submissions",
        )
    made_ineligible = groups_made_ineligible(call, data)
    if made_ineligible:
        message = ValidationError(
            ngettext(
                "This change would make a group that has already submitted ineligible: "
                "%(groups)s. You can widen who is eligible, and narrow it only where no submitted "
                "group is affected.",
                "This change would make groups that have already submitted ineligible: "
                "%(groups)s. You can widen who is eligible, and narrow it only where no submitted "
                "group is affected.",
                len(made_ineligible),
            )
            % {"groups": ", ".join(made_ineligible)},
            code="makes_groups_ineligible",
        )
        field = next(
            (
                key
                for key in ("eligible_countries", "eligible_regions", "eligible_kinds")
                if key in data and data[key] != getattr(call, key)
            ),
            "eligible_countries",
        )
        errors[field] = message
    if errors:
        raise ValidationError(errors)


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def check_question_changes(call: Call, question: Question | None, data: dict[str, Any]) -> None:
    """Refuse question changes that would invalidate submitted answers."""
    expressions = list(submitted_expressions(call).only("id", "answers"))
    if not expressions:
        return
    if question is None:
        if data.get("required"):
            raise ValidationError(
                {
                    "required": ValidationError(
                        _(
                            "Groups have already submitted expressions of interest, so a new "
                            "question can only be optional: they could not answer a required "
                            "one."
                        ),
                        code="new_required_question",
                    )
                }
            )
        return
    key = str(question.pk)
    answers = [e.answers.get(key) for e in expressions]
    answers = [a for a in answers if a not in (None, "", [])]
    files = list(
        AnswerFile.objects.filter(question=question, expression__in=expressions).only(
            "original_name", "size", "expression_id"
        )
    )
    errors: dict[str, ValidationError] = {}

    def refuse(field: str, message: str, code: str) -> None:
        errors.setdefault(field, ValidationError(message, code=code))

    if data["kind"] != question.kind:
        refuse(
            "kind",
            _(
                "Groups have already answered this question, so its kind of answer cannot change. "
                "Add a new optional question instead."
            ),
            "kind_changed",
        )
        raise ValidationError(errors)
    if data["required"] and not question.required:
        answered = (
            {f.expression_id for f in files}
            if question.kind == Kind.FILE
            else {e.pk for e in expressions if e.answers.get(key) not in (None, "", [])}
        )
        if len(answered) < len(expressions):
            refuse(
                "required",
                _(
                    "Some groups have submitted without answering this optional question, so it "
                    "cannot become required. You can still change its wording."
                ),
                "made_required",
            )
    if question.kind in CHOICE_KIND_VALUES:
        kept = {choice["value"] for choice in data["choices"]}
        used = set()
        for answer in answers:
            used.update(answer if isinstance(answer, list) else [answer])
        removed = sorted(str(value) for value in used - kept)
        if removed:
            refuse(
                "choices",
                _(
                    "Groups chose %(values)s in their submitted answers, so these choices must "
                    "stay. You can change their labels and add new choices."
                )
                % {"values": ", ".join(removed)},
                "choice_in_use",
            )
    if question.kind == Kind.LONG_TEXT and data["max_words"]:
        longest = max((count_words(str(a)) for a in answers), default=0)
        if longest > data["max_words"]:
            refuse(
                "max_words",
                _(
                    "A submitted answer has %(words)d words, so the limit cannot be lower than "
                    "that. You can raise the limit or remove it."
                )
                % {"words": longest},
                "words_below_answers",
            )
    if question.kind == Kind.NUMBER:
        numbers = [n for n in (_number(a) for a in answers) if n is not None]
        low, high = data["min_value"], data["max_value"]
        if low is not None and numbers and min(numbers) < low:
            refuse(
                "min_value",
                _("A submitted answer is %(number)s, so the smallest number cannot be above that.")
                % {"number": min(numbers)},
                "min_above_answers",
            )
        if high is not None and numbers and max(numbers) > high:
            refuse(
                "max_value",
                _("A submitted answer is %(number)s, so the largest number cannot be below that.")
                % {"number": max(numbers)},
                "max_below_answers",
            )
    if question.kind == Kind.FILE:
        allowed = set(data["file_types"] or KNOWN_TYPES)
        was_allowed = set(question.file_types or KNOWN_TYPES)
        if not was_allowed <= allowed:
            refuse(
                "file_types",
                _(
                    "Groups have already submitted files for this question, so the accepted file "
                    "types cannot be narrowed. You can add file types."
                ),
                "types_narrowed",
            )
        largest = max((f.size for f in files), default=0)
        if largest > data["max_file_mb"] * 1024 * 1024:
            refuse(
                "max_file_mb",
                _(
                    "A submitted file is larger than %(size)d MB, so the limit cannot be that "
                    "low. You can raise it."
                )
                % {"size": data["max_file_mb"]},
                "size_below_files",
            )
    if errors:
        raise ValidationError(errors)
