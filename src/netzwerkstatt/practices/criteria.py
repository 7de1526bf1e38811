"""The programme's assessment criteria and scale, as its coordinators define them.

One function per change, each audit-logged with the programme. The rule that keeps scores
comparable: once any assessment in the programme has been submitted, the scale stays and
criteria are neither added nor removed; titles, descriptions, weights, order and the threshold
for "ready for transfer" may still change. The transferability criterion is never removed: the
"ready for transfer" label is computed from it."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core import audit

from .assessment import ensure_assessment_setup
from .models import Assessment, AssessmentCriterion, AssessmentSettings, Score


def has_submitted_assessments(programme) -> bool:
    return Assessment.objects.filter(
        practice__programme=programme, status=Assessment.Status.SUBMITTED
    ).exists()


def frozen_message() -> str:
    return _(
        "Assessments of this programme have been submitted: the scale stays and criteria are "
        "no longer added or removed, so that all scores remain comparable."
    )


def _text(value) -> dict:
    data = getattr(value, "data", value)
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if v}
    return {"en": data} if data else {}


def _record(actor, action: str, obj, programme, changes: dict) -> None:
    audit.record(actor=actor, action=action, obj=obj, programme=programme, changes=changes)


def _lock_settings(programme) -> AssessmentSettings:
    ensure_assessment_setup(programme=programme)
    return AssessmentSettings.objects.select_for_update().get(programme=programme)


@transaction.atomic
def update_scale(
    *, actor, programme, scale_max: int, transfer_threshold: Decimal
) -> AssessmentSettings:
    """Set the highest score and the threshold for "ready for transfer" (at most the scale)."""
    setup = _lock_settings(programme)
    errors: dict[str, list[str]] = {}
    if not 2 <= scale_max <= 10:
        errors["scale_max"] = [_("The highest score is between 2 and 10.")]
    elif scale_max != setup.scale_max:
        if has_submitted_assessments(programme):
            errors["scale_max"] = [frozen_message()]
        elif Score.objects.filter(criterion__programme=programme, value__gt=scale_max).exists():
            errors["scale_max"] = [
                _("Assessors have already given scores above %(max)s in their drafts.")
                % {"max": scale_max}
            ]
    if not 1 <= transfer_threshold <= scale_max:
        errors["transfer_threshold"] = [
            _("The threshold is between 1 and the highest score (%(max)s).") % {"max": scale_max}
        ]
    if errors:
        raise ValidationError(errors)
    changes = {}
    if setup.scale_max != scale_max:
        changes["scale_max"] = {"old": setup.scale_max, "new": scale_max}
    if Decimal(setup.transfer_threshold) != Decimal(transfer_threshold):
        changes["transfer_threshold"] = {
            "old": str(setup.transfer_threshold),
            "new": str(transfer_threshold),
        }
    if changes:
        setup.scale_max, setup.transfer_threshold = scale_max, transfer_threshold
        setup.save(update_fields=["scale_max", "transfer_threshold"])
        _record(actor, "practice.assessment_scale_changed", setup, programme, changes)
    return setup


def _unique_code(programme, title: dict) -> str:
    base = (slugify(title.get("en") or next(iter(title.values()), "")) or "criterion")[:34]
    base = base.strip("-") or "criterion"
    taken = set(programme.assessment_criteria.values_list("code", flat=True))
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


def _check_title(title: dict) -> None:
    if not title:
        raise ValidationError({"title": [_("Give the criterion a title.")]})


@transaction.atomic
def add_criterion(
    *, actor, programme, title, description=None, weight: int = 1
) -> AssessmentCriterion:
    """A new criterion at the end. Assessments not yet submitted get an empty score for it."""
    _lock_settings(programme)
    if has_submitted_assessments(programme):
        raise ValidationError({"title": [frozen_message()]})
    title, description = _text(title), _text(description)
    _check_title(title)
    if weight < 1:
        raise ValidationError({"weight": [_("The weight is at least 1.")]})
    last = programme.assessment_criteria.aggregate(last=Max("position"))["last"]
    criterion = AssessmentCriterion.objects.create(
        programme=programme,
        code=_unique_code(programme, title),
        position=0 if last is None else last + 1,
        title=LazyI18nString(title),
        description=LazyI18nString(description),
        weight=weight,
    )
    drafts = Assessment.objects.filter(
        practice__programme=programme, status=Assessment.Status.DRAFT
    )
    Score.objects.bulk_create(Score(assessment=a, criterion=criterion) for a in drafts)
    _record(
        actor,
        "practice.criterion_added",
        criterion,
        programme,
        {"title": {"old": None, "new": title}, "weight": {"old": None, "new": weight}},
    )
    return criterion


@transaction.atomic
def update_criterion(
    *, actor, criterion: AssessmentCriterion, title, description, weight: int, position: int
) -> AssessmentCriterion:
    """Change a criterion's texts, weight and place in the order (1 = first)."""
    programme = criterion.programme
    _lock_settings(programme)
    title, description = _text(title), _text(description)
    _check_title(title)
    if weight < 1:
        raise ValidationError({"weight": [_("The weight is at least 1.")]})
    ordered = list(programme.assessment_criteria.all())
    current = next((c for c in ordered if c.pk == criterion.pk), None)
    if current is None:
        raise ValidationError(_("This criterion no longer exists."))
    before = {
        "title": _text(current.title),
        "description": _text(current.description),
        "weight": current.weight,
        "position": ordered.index(current) + 1,
    }
    position = max(1, min(position, len(ordered)))
    after = {"title": title, "description": description, "weight": weight, "position": position}
    changes = {
        name: {"old": before[name], "new": after[name]}
        for name in after
        if before[name] != after[name]
    }
    current.title, current.description = LazyI18nString(title), LazyI18nString(description)
    current.weight = weight
    current.save(update_fields=["title", "description", "weight"])
    ordered.remove(current)
    ordered.insert(position - 1, current)
    for index, item in enumerate(ordered):
        item.position = index
    AssessmentCriterion.objects.bulk_update(ordered, ["position"])
    if changes:
        _record(actor, "practice.criterion_changed", current, programme, changes)
    return current


@transaction.atomic
def remove_criterion(*, actor, criterion: AssessmentCriterion) -> None:
    """Remove a criterion, with the draft scores given for it."""
    programme = criterion.programme
    _lock_settings(programme)
    if criterion.code == AssessmentCriterion.TRANSFERABILITY:
        raise ValidationError(
            _(
                "The transferability criterion stays: the label “ready for transfer” is "
                "computed from it."
            )
        )
    if has_submitted_assessments(programme):
        raise ValidationError(frozen_message())
    if programme.assessment_criteria.count() <= 1:
        raise ValidationError(_("At least one criterion stays."))
    title = _text(criterion.title)
    _record(
        actor,
        "practice.criterion_removed",
        criterion,
        programme,
        {"title": {"old": title, "new": None}},
    )
    criterion.delete()
