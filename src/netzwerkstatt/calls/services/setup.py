"""Setting up a call: its texts, dates and eligibility, its question form, its screening checklist
and its review rubric, and publishing it.

Every function takes keyword arguments, runs in one transaction, locks the call, raises its
``version`` and writes the audit log with the previous values. Edits of a call and of its parts
all raise the call's version, so a form opened before someone else's change is refused instead of
silently overwriting it.

Once groups have submitted expressions of interest, a change that would make their submissions
invalid is refused (``setup_guards``) with a ValidationError that says why and what is still
possible: wording may always be corrected and optional questions added, but questions cannot be
removed or change their kind, answers already given must still fit the limits and choices, the
call cannot be closed in the past and groups that were eligible stay eligible.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.uploads import KNOWN_TYPES

from ..models import (
    Call,
    ExpressionOfInterest,
    Question,
    RubricCriterion,
    ScreeningCriterion,
)
from . import setup_guards as guards

Kind = Question.Kind

CALL_FIELDS = (
    "title", "text", "opens_at", "closes_at", "eligible_countries", "eligible_regions",
    "eligible_kinds", "themes", "pairings",
)  # fmt: skip
QUESTION_FIELDS = (
    "label", "help_text", "kind", "required", "choices", "max_words", "min_value", "max_value",
    "file_types", "max_file_mb",
)  # fmt: skip
I18N_CALL_FIELDS = ("title", "text")
I18N_QUESTION_FIELDS = ("label", "help_text")
CHOICE_KIND_VALUES = guards.CHOICE_KIND_VALUES
RESERVED_SLUGS = frozenset({"new"})
MAX_FILE_MB = 50
MAX_SCORE = 100


# Helpers ----------------------------------------------------------------------------------------


def _i18n(value) -> LazyI18nString:
    """A multilingual text without its empty languages, as the database will hold it."""
    data = value.data if isinstance(value, LazyI18nString) else value
    if isinstance(data, dict):
        return LazyI18nString({code: text for code, text in data.items() if text})
    return LazyI18nString(data or {})


def _lock_call(call: Call, expected_version: int | None) -> Call:
    current = Call.objects.select_for_update().select_related("programme").get(pk=call.pk)
    if expected_version is not None and current.version != expected_version:
        raise ConcurrentEdit()
    return current


def _raise_version(call: Call) -> None:
    Call.objects.filter(pk=call.pk).update(version=F("version") + 1)
    call.refresh_from_db(fields=["version"])


def _unique_slug(programme, title: LazyI18nString) -> str:
    languages = [*programme.working_languages, "en", "de", "it"]
    text = next((title.localize(code) for code in languages if title.localize(code)), "")
    base = slugify(text)[:70] or "call"
    if base in RESERVED_SLUGS:
        base = f"{base}-call"
    slug, n = base, 2
    while Call.objects.filter(programme=programme, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _text(value) -> Any:
    """A multilingual text as the audit log records it: its languages and their texts."""
    return value.data if isinstance(value, LazyI18nString) else value


def _refusal(field: str | None, message: str, code: str) -> ValidationError:
    if field is None:
        return ValidationError(message, code=code)
    return ValidationError({field: ValidationError(message, code=code)})


# The call ---------------------------------------------------------------------------------------


def _check_call_data(data: dict[str, Any]) -> None:
    opens, closes = data.get("opens_at"), data.get("closes_at")
    if opens and closes and closes <= opens:
        raise _refusal("closes_at", _("The call must close after it opens."), "closes_before")
    countries = data.get("eligible_countries") or []
    if not countries:
        raise _refusal(
            "eligible_countries",
            _("Choose at least one country whose organisations may take part."),
            "no_country",
        )
    stray = sorted({r for r in data.get("eligible_regions", []) if r[:2] not in countries})
    if stray:
        raise _refusal(
            "eligible_regions",
            _("These regions lie outside the eligible countries: %(regions)s.")
            % {"regions": ", ".join(stray)},
            "region_outside",
        )
    for pair in data.get("pairings", []):
        if len(pair) != 2 or pair[0] == pair[1] or not set(pair) <= set(countries):
            raise _refusal(
                "pairings",
                _("Each pair must join two different eligible countries."),
                "bad_pair",
            )


def _apply_call_data(call: Call, data: dict[str, Any]) -> None:
    for field, value in data.items():
        if field == "themes":
            continue
        setattr(call, field, _i18n(value) if field in I18N_CALL_FIELDS else value)


@transaction.atomic
def create_call(*, actor, programme, data: dict[str, Any]) -> Call:
    """Create a draft call in ``programme``. Without eligible countries, the programme's countries
    are eligible; without pairings, the first two programme countries are matched."""
    data = dict(data)
    data.setdefault("eligible_countries", list(programme.countries))
    if "pairings" not in data:
        countries = list(programme.countries)
        data["pairings"] = [countries[:2]] if len(countries) >= 2 else []
    _check_call_data(data)
    call = Call(programme=programme, slug=_unique_slug(programme, _i18n(data["title"])))
    _apply_call_data(call, data)
    call.full_clean(exclude=["themes", "version"])
    call.save()
    if data.get("themes") is not None:
        call.themes.set(data["themes"])
    audit.record(
        actor=actor,
        action="call.created",
        obj=call,
        programme=programme,
        changes=audit.changes_between({}, audit.snapshot(call, [*CALL_FIELDS, "status"])),
    )
    return call


@transaction.atomic
def update_call(*, actor, call: Call, data: dict[str, Any], expected_version: int) -> Call:
    current = _lock_call(call, expected_version)
    merged = {key: data.get(key, getattr(current, key)) for key in CALL_FIELDS if key != "themes"}
    _check_call_data(merged)
    guards.check_call_changes(current, data)
    before = audit.snapshot(current, CALL_FIELDS)
    _apply_call_data(current, data)
    current.full_clean(exclude=["themes", "version"])
    current.save()
    if "themes" in data:
        current.themes.set(data["themes"])
    _raise_version(current)
    changes = audit.changes_between(before, audit.snapshot(current, CALL_FIELDS))
    if changes:
        audit.record(
            actor=actor,
            action="call.updated",
            obj=current,
            programme=current.programme,
            changes=changes,
        )
    return current


@transaction.atomic
def publish_call(*, actor, call: Call) -> Call:
    """Draft to published. A call is published with its form ready and its closing ahead."""
    current = _lock_call(call, None)
    if current.status != Call.Status.DRAFT:
        raise ValidationError(_("This call has already been published."), code="not_a_draft")
    if not current.questions.exists():
        raise ValidationError(
            _(
                "A call needs at least one question before it is published: add the questions "
                "groups answer in their expression of interest."
            ),
            code="no_questions",
        )
    if current.closes_at <= timezone.now():
        raise ValidationError(
            _(
                "The closing date of this call has passed. Move it to a moment ahead before "
                "publishing."
            ),
            code="closed",
        )
    current.status = Call.Status.PUBLISHED
    current.save(update_fields=["status"])
    _raise_version(current)
    audit.record(
        actor=actor,
        action="call.published",
        obj=current,
        programme=current.programme,
        changes={"status": {"old": Call.Status.DRAFT, "new": Call.Status.PUBLISHED}},
    )
    return current


# Questions --------------------------------------------------------------------------------------


def _normalise_question_data(data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the settings that belong to the question's kind, so that a question changed from
    a choice to a number does not carry stale choices."""
    data = dict(data)
    for field in I18N_QUESTION_FIELDS:
        if field in data:
            data[field] = _i18n(data[field])
    kind = data.get("kind")
    if kind is None:
        return data
    if kind not in CHOICE_KIND_VALUES:
        data["choices"] = []
    if kind != Kind.LONG_TEXT:
        data["max_words"] = None
    if kind != Kind.NUMBER:
        data["min_value"] = data["max_value"] = None
    if kind != Kind.FILE:
        data["file_types"] = []
    return data


def _check_question_data(data: dict[str, Any]) -> None:
    kind = data.get("kind")
    if kind not in Kind.values:
        raise _refusal("kind", _("Choose the kind of answer."), "invalid_kind")
    if kind in CHOICE_KIND_VALUES:
        values = [choice.get("value") for choice in data.get("choices", [])]
        if len(values) < 2:
            raise _refusal(
                "choices", _("A choice question needs at least two choices."), "few_choices"
            )
        if len(set(values)) != len(values) or not all(values):
            raise _refusal("choices", _("Each choice needs its own value."), "duplicate_choices")
    low, high = data.get("min_value"), data.get("max_value")
    if low is not None and high is not None and low > high:
        raise _refusal(
            "max_value",
            _("The largest number must not be smaller than the smallest."),
            "bounds_reversed",
        )
    unknown = sorted(set(data.get("file_types") or []) - KNOWN_TYPES)
    if unknown:
        raise _refusal(
            "file_types",
            _("Unknown file types: %(types)s.") % {"types": ", ".join(unknown)},
            "unknown_types",
        )
    if not 1 <= data.get("max_file_mb", 10) <= MAX_FILE_MB:
        raise _refusal(
            "max_file_mb",
            _("Choose a size between 1 and %(max)d MB.") % {"max": MAX_FILE_MB},
            "file_size",
        )


@transaction.atomic
def save_question(
    *,
    actor,
    call: Call,
    data: dict[str, Any],
    question: Question | None = None,
    expected_version: int | None = None,
) -> Question:
    """Add a question at the end of ``call``'s form, or change ``question``. Adding needs no
    version (it overwrites nothing); changing refuses a form opened at an older version."""
    current_call = _lock_call(call, expected_version if question is not None else None)
    old = None
    if question is not None:
        old = Question.objects.select_for_update().get(pk=question.pk, call=current_call)
        data = {**{f: getattr(old, f) for f in QUESTION_FIELDS}, **data}
    data = _normalise_question_data({"required": True, "max_file_mb": 10, **data})
    _check_question_data(data)
    guards.check_question_changes(current_call, old, data)
    if old is None:
        position = (current_call.questions.aggregate(last=Max("position"))["last"] or 0) + 1
        target = Question(call=current_call, position=position)
        before: dict[str, Any] = {}
    else:
        target = old
        before = audit.snapshot(old, QUESTION_FIELDS)
    for field in QUESTION_FIELDS:
        if field in data:
            setattr(target, field, data[field])
    target.full_clean()
    target.save()
    _raise_version(current_call)
    changes = audit.changes_between(before, audit.snapshot(target, QUESTION_FIELDS))
    if changes:
        audit.record(
            actor=actor,
            action="call.question_added" if old is None else "call.question_changed",
            obj=target,
            programme=current_call.programme,
            changes=changes,
        )
    return target


@transaction.atomic
def delete_question(*, actor, question: Question) -> None:
    call = _lock_call(question.call, None)
    if guards.has_submissions(call):
        raise ValidationError(
            _(
                "Groups have already submitted answers to this call, so its questions can no "
                "longer be removed. You can still change a question's wording or make it "
                "optional."
            ),
            code="question_answered",
        )
    audit.record(
        actor=actor,
        action="call.question_removed",
        obj=question,
        programme=call.programme,
        changes=audit.changes_between(audit.snapshot(question, QUESTION_FIELDS), {}),
    )
    question.delete()
    _renumber(call.questions.order_by("position", "id"))
    _raise_version(call)


def _renumber(items) -> list:
    items = list(items)
    for index, item in enumerate(items, start=1):
        if item.position != index:
            item.position = index
            item.save(update_fields=["position"])
    return items


@transaction.atomic
def move_question(*, actor, question: Question, direction: str) -> None:
    """Swap ``question`` with its neighbour ``"up"`` or ``"down"``. Order changes nothing in the
    answers (they are keyed by question), so it is allowed at any time."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Move a question up or down."), code="invalid_direction")
    call = _lock_call(question.call, None)
    questions = _renumber(call.questions.select_for_update().order_by("position", "id"))
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(questions):
        return
    first, second = questions[index], questions[other]
    first.position, second.position = second.position, first.position
    first.save(update_fields=["position"])
    second.save(update_fields=["position"])
    _raise_version(call)
    audit.record(
        actor=actor,
        action="call.question_moved",
        obj=first,
        programme=call.programme,
        changes={"position": {"old": second.position, "new": first.position}},
    )


# Screening checklist and rubric ---------------------------------------------------------------


def _resolve_rows(existing: dict[int, Any], rows: list[dict[str, Any]]) -> None:
    unknown = [row["id"] for row in rows if row.get("id") and row["id"] not in existing]
    if unknown:
        raise ValidationError(
            _("Some rows no longer belong to this call. Reload the page."), code="unknown_rows"
        )


@transaction.atomic
def save_screening_criteria(
    *, actor, call: Call, criteria: list[dict[str, Any]], expected_version: int
) -> list[ScreeningCriterion]:
    """Replace the checklist with ``criteria`` (in order; each ``{"id": None | id, "text":
    ...}``). Rows left out are removed, unless coordinators have already ticked them."""
    current = _lock_call(call, expected_version)
    existing = {c.pk: c for c in current.screening_criteria.all()}
    _resolve_rows(existing, criteria)
    kept = {row["id"] for row in criteria if row.get("id")}
    removed = [c for pk, c in existing.items() if pk not in kept]
    if removed:
        ticked = set()
        for checks in ExpressionOfInterest.objects.filter(group__call=current).values_list(
            "screening_checks", flat=True
        ):
            ticked.update(str(key) for key in (checks or {}))
        in_use = [str(c) for c in removed if str(c.pk) in ticked]
        if in_use:
            raise ValidationError(
                _(
                    "Screening has already recorded these criteria, so they cannot be removed: "
                    "%(criteria)s. You can change their wording and add new ones."
                )
                % {"criteria": "; ".join(in_use)},
                code="criterion_in_use",
            )
    before = [_text(c.text) for c in existing.values()]
    for criterion in removed:
        criterion.delete()
    saved = []
    for position, row in enumerate(criteria, start=1):
        criterion = existing.get(row.get("id")) or ScreeningCriterion(call=current)
        criterion.text = _i18n(row["text"])
        criterion.position = position
        criterion.full_clean()
        criterion.save()
        saved.append(criterion)
    _raise_version(current)
    changes = audit.changes_between(
        {"criteria": before}, {"criteria": [_text(c.text) for c in saved]}
    )
    if changes:
        audit.record(
            actor=actor,
            action="call.screening_criteria_saved",
            obj=current,
            programme=current.programme,
            changes=changes,
        )
    return saved


def _rubric_row(criterion: RubricCriterion) -> dict[str, Any]:
    return {
        "title": _text(criterion.title),
        "description": _text(criterion.description),
        "weight": criterion.weight,
    }


@transaction.atomic
def save_rubric(
    *,
    actor,
    call: Call,
    criteria: list[dict[str, Any]],
    score_min: int,
    score_max: int,
    expected_version: int,
) -> list[RubricCriterion]:
    """Replace the rubric with ``criteria`` (in order; each ``{"id", "title", "description",
    "weight"}``) scored from ``score_min`` to ``score_max``."""
    current = _lock_call(call, expected_version)
    if not 0 <= score_min < score_max <= MAX_SCORE:
        raise _refusal(
            "score_max",
            _("The highest score must be above the lowest, and at most %(max)d.")
            % {"max": MAX_SCORE},
            "bad_scale",
        )
    if any(int(row.get("weight") or 0) < 1 for row in criteria):
        raise ValidationError(_("Every weight must be at least 1."), code="bad_weight")
    existing = {c.pk: c for c in current.rubric_criteria.all()}
    _resolve_rows(existing, criteria)
    before = {
        "score_min": current.score_min,
        "score_max": current.score_max,
        "criteria": [_rubric_row(c) for c in existing.values()],
    }
    kept = {row["id"] for row in criteria if row.get("id")}
    for pk, criterion in existing.items():
        if pk not in kept:
            criterion.delete()
    saved = []
    for position, row in enumerate(criteria, start=1):
        criterion = existing.get(row.get("id")) or RubricCriterion(call=current)
        criterion.title = _i18n(row["title"])
        criterion.description = _i18n(row.get("description") or {})
        criterion.weight = int(row["weight"])
        criterion.position = position
        criterion.full_clean()
        criterion.save()
        saved.append(criterion)
    current.score_min, current.score_max = score_min, score_max
    current.full_clean(exclude=["themes", "version"])
    current.save(update_fields=["score_min", "score_max"])
    _raise_version(current)
    changes = audit.changes_between(
        before,
        {
            "score_min": score_min,
            "score_max": score_max,
            "criteria": [_rubric_row(c) for c in saved],
        },
    )
    if changes:
        audit.record(
            actor=actor,
            action="call.rubric_saved",
            obj=current,
            programme=current.programme,
            changes=changes,
        )
    return saved
