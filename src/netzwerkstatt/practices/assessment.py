"""The joint assessment of good practice: the programme's criteria, assigning assessors from
other countries, scoring, the owner's answers and the conclusion (published or revision
requested), with the "ready for transfer" label computed at publication."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core import search
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.vocabularies import regions

from .models import (
    Assessment,
    AssessmentCriterion,
    AssessmentSettings,
    Conclusion,
    Practice,
    PracticeVersion,
    Score,
)
from .services import _lock, keep_version, record

# The criteria of the Erasmus+ good-practice partnerships, as every programme starts with them.
DEFAULT_CRITERIA = (
    (
        "innovation",
        {"en": "Innovation", "de": "Innovation", "it": "Innovazione"},
        {
            "en": "What is new about the practice, for its field and its region?",
            "de": "Was ist an der Praxis neu, für ihr Feld und ihre Region?",
            "it": "Che cosa c'è di nuovo nella pratica, per il suo ambito e la sua regione?",
        },
    ),
    (
        "effectiveness",
        {
            "en": "Evidence of effectiveness",
            "de": "Nachweis der Wirksamkeit",
            "it": "Evidenza di efficacia",
        },
        {
            "en": "Which results are shown, and how well are they documented?",
            "de": "Welche Ergebnisse werden gezeigt, und wie gut sind sie belegt?",
            "it": "Quali risultati sono mostrati e quanto sono documentati?",
        },
    ),
    (
        "future_viability",
        {"en": "Future viability", "de": "Zukunftsfähigkeit", "it": "Sostenibilità futura"},
        {
            "en": "Does the practice answer the coming needs of vocational training?",
            "de": "Antwortet die Praxis auf künftige Bedarfe der Berufsbildung?",
            "it": "La pratica risponde ai bisogni futuri della formazione professionale?",
        },
    ),
    (
        AssessmentCriterion.TRANSFERABILITY,
        {"en": "Transferability", "de": "Übertragbarkeit", "it": "Trasferibilità"},
        {
            "en": "Could other organisations, in other countries, adopt it?",
            "de": "Könnten andere Organisationen, auch in anderen Ländern, sie übernehmen?",
            "it": "Altre organizzazioni, anche in altri paesi, potrebbero adottarla?",
        },
    ),
    (
        "anchoring",
        {
            "en": "Potential for institutional anchoring",
            "de": "Potenzial zur institutionellen Verankerung",
            "it": "Potenziale di radicamento istituzionale",
        },
        {
            "en": "Can it become part of the organisation's regular work?",
            "de": "Kann sie Teil der regulären Arbeit der Organisation werden?",
            "it": "Può diventare parte del lavoro ordinario dell'organizzazione?",
        },
    ),
    (
        "sustainability",
        {"en": "Sustainability", "de": "Nachhaltigkeit", "it": "Durabilità"},
        {
            "en": "Will it last beyond the funding, economically, socially and ecologically?",
            "de": "Trägt sie über die Förderung hinaus, wirtschaftlich, sozial und ökologisch?",
            "it": "Durerà oltre il finanziamento, sul piano economico, sociale ed ecologico?",
        },
    ),
)


def ensure_assessment_setup(*, programme) -> AssessmentSettings:
    """The programme's assessment settings and, if it has none, the default criteria."""
    setup, _created = AssessmentSettings.objects.get_or_create(programme=programme)
    if not programme.assessment_criteria.exists():
        AssessmentCriterion.objects.bulk_create(
            AssessmentCriterion(
                programme=programme,
                code=code,
                position=position,
                title=LazyI18nString(title),
                description=LazyI18nString(description),
            )
            for position, (code, title, description) in enumerate(DEFAULT_CRITERIA)
        )
    return setup


def _people_of(organisation) -> list:
    return [
        m.user for m in Membership.objects.filter(organisation=organisation).select_related("user")
    ]


def _url(path: str) -> str:
    return settings.SITE_URL + path


def assessor_refusal(*, practice: Practice, assessor) -> str | None:
    """Why ``assessor`` may not assess ``practice``, or None. Assessors come from organisations
    in other countries than the practice's, and not from the owning organisation."""
    countries = set(
        Membership.objects.filter(user=assessor).values_list("organisation__country", flat=True)
    )
    if not countries:
        return _("%(name)s does not belong to any organisation.") % {"name": assessor.display_name}
    if Membership.objects.filter(user=assessor, organisation=practice.organisation).exists():
        return _("%(name)s belongs to the organisation that owns the practice.") % {
            "name": assessor.display_name
        }
    shared = countries & set(practice.countries or [practice.organisation.country])
    if shared:
        return _(
            "%(name)s works for an organisation in %(countries)s, a country of the practice. "
            "Assessors come from other countries."
        ) % {
            "name": assessor.display_name,
            "countries": ", ".join(sorted(regions.country_name(c) for c in shared)),
        }
    return None


@transaction.atomic
def assign_assessor(*, actor, practice: Practice, assessor) -> Assessment:
    current = _lock(practice)
    if current.status != Practice.Status.IN_ASSESSMENT:
        raise ValidationError(_("Assessors are assigned while the practice is in assessment."))
    reason = assessor_refusal(practice=current, assessor=assessor)
    if reason:
        raise ValidationError({"assessor": [reason]})
    if current.assessments.filter(assessor=assessor).exists():
        raise ValidationError({"assessor": [_("This person already assesses the practice.")]})
    assessment = Assessment.objects.create(practice=current, assessor=assessor, assigned_by=actor)
    criteria = list(current.programme.assessment_criteria.all())
    Score.objects.bulk_create(Score(assessment=assessment, criterion=c) for c in criteria)
    record(
        actor,
        "practice.assessor_assigned",
        current,
        {"assessor": {"old": None, "new": assessor.display_name}},
    )
    queue_email(
        template="practices/email/assessor_assigned",
        to=assessor.email,
        language=assessor.language or None,
        context={
            "practice": current,
            "programme": current.programme,
            "url": _url(assessment_url(assessment)),
        },
    )
    return assessment


def assessment_url(assessment: Assessment) -> str:
    practice = assessment.practice
    return reverse(
        "practices:assess",
        kwargs={
            "programme": practice.programme.slug,
            "slug": practice.slug,
            "assessment_id": assessment.pk,
        },
    )


@transaction.atomic
def remove_assessor(*, actor, assessment: Assessment) -> None:
    practice = assessment.practice
    if assessment.status == Assessment.Status.SUBMITTED:
        raise ValidationError(_("A submitted assessment stays."))
    name = assessment.assessor.display_name
    assessment.delete()
    record(actor, "practice.assessor_removed", practice, {"assessor": {"old": name, "new": None}})


@transaction.atomic
def save_assessment(
    *,
    actor,
    assessment: Assessment,
    scores: dict[int, tuple[int | None, str]],
    comment: str,
    expected_version: int,
) -> Assessment:
    """Keep the assessor's scores (criterion id → (value, comment)) as a draft."""
    current = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if current.version != expected_version:
        raise ConcurrentEdit()
    if current.status != Assessment.Status.DRAFT:
        raise ValidationError(_("A submitted assessment cannot be changed."))
    scale_max = ensure_assessment_setup(programme=assessment.practice.programme).scale_max
    rows = {s.criterion_id: s for s in current.scores.all()}
    for criterion_id, (value, text) in scores.items():
        if value is not None and not 1 <= value <= scale_max:
            raise ValidationError(_("Scores go from 1 to %(max)s.") % {"max": scale_max})
        score = rows.get(criterion_id)
        if score is not None:
            score.value, score.comment = value, (text or "").strip()
    Score.objects.bulk_update(rows.values(), ["value", "comment"])
    current.comment = (comment or "").strip()
    current.version += 1
    current.save(update_fields=["comment", "version"])
    record(actor, "practice.assessment_saved", assessment.practice)
    return current


@transaction.atomic
def submit_assessment(*, actor, assessment: Assessment) -> Assessment:
    """``draft -> submitted``: every criterion scored. The owner's people are told."""
    current = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if current.status != Assessment.Status.DRAFT:
        raise ValidationError(_("This assessment was submitted already."))
    if current.scores.filter(value__isnull=True).exists():
        raise ValidationError(_("Score every criterion before submitting."))
    current.status = Assessment.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.version += 1
    current.save(update_fields=["status", "submitted_at", "version"])
    practice = assessment.practice
    record(
        actor,
        "practice.assessment_submitted",
        practice,
        {"assessment": {"old": "draft", "new": "submitted"}},
    )
    owners = [practice.created_by] if practice.created_by else _people_of(practice.organisation)
    for person in owners:
        queue_email(
            template="practices/email/assessment_submitted",
            to=person.email,
            language=person.language or None,
            context={"practice": practice, "url": _url(practice.url("feedback"))},
        )
    return current


@transaction.atomic
def answer_assessment(*, actor, assessment: Assessment, reply: str) -> Assessment:
    """The owner's answer to one submitted assessment; it may be changed until the conclusion."""
    current = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if current.status != Assessment.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted assessment is answered."))
    if assessment.practice.status == Practice.Status.PUBLISHED:
        raise ValidationError(_("The practice is published; the assessment is closed."))
    before = current.owner_reply
    current.owner_reply = (reply or "").strip()
    current.replied_at = timezone.now()
    current.save(update_fields=["owner_reply", "replied_at"])
    record(
        actor,
        "practice.assessment_answered",
        assessment.practice,
        {"owner_reply": {"old": before, "new": current.owner_reply}},
    )
    return current


def mean_scores(practice: Practice) -> dict[int, Decimal]:
    """Criterion id → mean of the submitted scores."""
    rows = (
        Score.objects.filter(
            assessment__practice=practice,
            assessment__status=Assessment.Status.SUBMITTED,
            value__isnull=False,
        )
        .values("criterion_id")
        .annotate(mean=Avg("value"))
    )
    return {
        row["criterion_id"]: Decimal(str(row["mean"])).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        for row in rows
    }


def transferability_of(practice: Practice) -> Decimal | None:
    criterion = practice.programme.assessment_criteria.filter(
        code=AssessmentCriterion.TRANSFERABILITY
    ).first()
    if criterion is None:
        return None
    return mean_scores(practice).get(criterion.pk)


def _conclude(*, actor, practice: Practice, outcome: str, note: str) -> tuple[Practice, Conclusion]:
    current = _lock(practice)
    if current.status != Practice.Status.IN_ASSESSMENT:
        raise ValidationError(_("Only a practice in assessment is concluded."))
    if not current.assessments.filter(status=Assessment.Status.SUBMITTED).exists():
        raise ValidationError(_("Conclude once at least one assessment is submitted."))
    conclusion = Conclusion.objects.create(
        practice=current, outcome=outcome, note=(note or "").strip(), concluded_by=actor
    )
    return current, conclusion


def _tell_the_owners(practice: Practice, conclusion: Conclusion) -> None:
    for person in _people_of(practice.organisation):
        queue_email(
            template="practices/email/concluded",
            to=person.email,
            language=person.language or None,
            context={
                "practice": practice,
                "conclusion": conclusion,
                "url": _url(practice.get_absolute_url()),
            },
        )


@transaction.atomic
def publish_practice(*, actor, practice: Practice, note: str = "") -> Practice:
    """``in_assessment -> published``, as the consensus meeting decided. The mean
    transferability score is stored, and the "ready for transfer" label set when it reaches the
    programme's threshold."""
    current, conclusion = _conclude(
        actor=actor, practice=practice, outcome=Conclusion.Outcome.PUBLISHED, note=note
    )
    setup = ensure_assessment_setup(programme=current.programme)
    score = transferability_of(current)
    current.status = Practice.Status.PUBLISHED
    current.published_at = current.published_at or timezone.now()
    current.transferability_score = score
    current.ready_for_transfer = score is not None and score >= setup.transfer_threshold
    current.save(
        update_fields=[
            "status",
            "published_at",
            "transferability_score",
            "ready_for_transfer",
            "updated",
        ]
    )
    keep_version(actor=actor, practice=current, reason=PracticeVersion.Reason.PUBLISHED)
    search.index_object(current)  # into the public catalogue, in the same transaction
    record(
        actor,
        "practice.published",
        current,
        {
            "status": {"old": Practice.Status.IN_ASSESSMENT, "new": current.status},
            "ready_for_transfer": {"old": None, "new": current.ready_for_transfer},
        },
    )
    _tell_the_owners(current, conclusion)
    return current


@transaction.atomic
def request_revision(*, actor, practice: Practice, note: str) -> Practice:
    """``in_assessment -> revision_requested``: the owner revises and submits again."""
    if not (note or "").strip():
        raise ValidationError({"note": [_("Say what should be revised.")]})
    current, conclusion = _conclude(
        actor=actor, practice=practice, outcome=Conclusion.Outcome.REVISION_REQUESTED, note=note
    )
    current.status = Practice.Status.REVISION_REQUESTED
    current.save(update_fields=["status", "updated"])
    record(
        actor,
        "practice.revision_requested",
        current,
        {"status": {"old": Practice.Status.IN_ASSESSMENT, "new": current.status}},
    )
    _tell_the_owners(current, conclusion)
    return current


def score_table(practice: Practice) -> dict[str, Any]:
    """The criteria with each submitted assessment's score and the mean, for the pages."""
    criteria = list(practice.programme.assessment_criteria.all())
    assessments = list(practice.assessments.select_related("assessor").prefetch_related("scores"))
    means = mean_scores(practice)
    rows = []
    for criterion in criteria:
        cells = []
        for assessment in assessments:
            score = next(
                (s for s in assessment.scores.all() if s.criterion_id == criterion.pk), None
            )
            cells.append(score if assessment.status == Assessment.Status.SUBMITTED else None)
        rows.append({"criterion": criterion, "cells": cells, "mean": means.get(criterion.pk)})
    return {
        "criteria": criteria,
        "assessments": assessments,
        "rows": rows,
        "overall": weighted_mean(criteria, means),
    }


def weighted_mean(criteria, means: dict[int, Decimal]) -> Decimal | None:
    """The criteria's means weighted by the criteria's weights, over the criteria that have a
    mean; None before any assessment is submitted."""
    weighted = [(c.weight, means[c.pk]) for c in criteria if c.pk in means and c.weight]
    total = sum(weight for weight, _mean in weighted)
    if not total:
        return None
    return (sum(weight * mean for weight, mean in weighted) / total).quantize(Decimal("0.01"))
