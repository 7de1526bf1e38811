"""The cluster's quality standard, the providers' self-assessments, their review and the label.

The standard (``QualityStandard`` with its ``QualityCriterion`` rows) is versioned. At most one
version is a draft at a time; the cluster's coordinators edit it (``save_draft``) and publish it
(``publish_standard``), after which it is frozen: a change is a new version (``start_version``
copies the latest version's texts and criteria into a new draft). Self-assessments are always
made against the latest published version.

A self-assessment goes ``draft -> submitted -> confirmed | returned``, and ``returned ->
submitted`` again. One function owns each transition; each is audit-logged, and a confirmation or
a return tells the provider's admins by e-mail and recomputes the search copies of the provider's
runs (``index.refresh_runs``), so the label reaches the search in the same transaction.

The label: a confirmed self-assessment carries the cluster's quality label until
``label_valid_until`` (today + ``LABEL_VALIDITY_DAYS`` at confirmation). An older confirmed
self-assessment keeps its label until then, even when a newer version of the standard has been
published. ``label_for``, ``providers_with_label`` and ``attach_labels`` answer "who carries it".
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.organisations.models import Membership, Organisation
from netzwerkstatt.programmes.models import Programme, ProgrammeRole

from . import index
from .models import (
    LABEL_VALIDITY_DAYS,
    QualityCriterion,
    QualityStandard,
    SelfAssessment,
    SelfAssessmentAnswer,
)

Status = SelfAssessment.Status
Fulfilment = SelfAssessmentAnswer.Fulfilment
# The provider may change the answers in these states.
EDITABLE = (Status.DRAFT, Status.RETURNED)
# What the reviewers' list shows (drafts belong to the provider alone).
REVIEWABLE = (Status.SUBMITTED, Status.CONFIRMED, Status.RETURNED)


def _text(value) -> dict[str, str]:
    """A multilingual value as a plain dict without empty languages."""
    data = getattr(value, "data", value)
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if v}
    return {"en": data} if data else {}


def _url(path: str) -> str:
    return settings.SITE_URL + path


# The standard ----------------------------------------------------------------------------------


def published_versions(programme) -> QuerySet[QualityStandard]:
    return QualityStandard.objects.filter(programme=programme, published_at__isnull=False).order_by(
        "-version"
    )


def current_standard(programme) -> QualityStandard | None:
    """The latest published version: the one providers assess themselves against."""
    return published_versions(programme).first()


def draft_standard(programme) -> QualityStandard | None:
    return QualityStandard.objects.filter(programme=programme, published_at__isnull=True).first()


def frozen_message() -> str:
    return _(
        "This version is published and stays as it is, so that every self-assessment against "
        "it remains comparable. Start a new version to change the standard."
    )


def draft_version(standard: QualityStandard) -> str:
    """A fingerprint of the draft as stored: the edit form carries it, and a save from a form
    opened before someone else's save is refused (``ConcurrentEdit``)."""
    payload = [
        _text(standard.label_name),
        _text(standard.introduction),
        [
            [c.pk, c.position, _text(c.title), _text(c.description), _text(c.evidence_hint)]
            for c in standard.criteria.order_by("position", "pk")
        ],
    ]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:20]


def _criteria_titles(standard: QualityStandard) -> list[dict]:
    return [_text(c.title) for c in standard.criteria.order_by("position", "pk")]


@transaction.atomic
def start_version(*, actor, programme: Programme) -> QualityStandard:
    """A new draft version: version 1 with nothing in it, or the latest version + 1 with a copy
    of its label name, introduction and criteria. Only one draft at a time."""
    Programme.objects.select_for_update().get(pk=programme.pk)
    if draft_standard(programme) is not None:
        raise ValidationError(_("A draft version is already being prepared: edit that one."))
    latest = QualityStandard.objects.filter(programme=programme).order_by("-version").first()
    standard = QualityStandard.objects.create(
        programme=programme,
        version=latest.version + 1 if latest else 1,
        label_name=LazyI18nString(_text(latest.label_name) if latest else {}),
        introduction=LazyI18nString(_text(latest.introduction) if latest else {}),
        created_by=actor,
    )
    if latest is not None:
        QualityCriterion.objects.bulk_create(
            QualityCriterion(
                standard=standard,
                position=index_,
                title=LazyI18nString(_text(c.title)),
                description=LazyI18nString(_text(c.description)),
                evidence_hint=LazyI18nString(_text(c.evidence_hint)),
            )
            for index_, c in enumerate(latest.criteria.order_by("position", "pk"), start=1)
        )
    audit.record(
        actor=actor,
        action="courses.standard_version_started",
        obj=standard,
        programme=programme,
        changes={
            "version": {"old": latest.version if latest else None, "new": standard.version},
            "copied_from": {"old": None, "new": latest.version if latest else None},
        },
    )
    return standard


@dataclass
class CriterionInput:
    """One row of the draft's criteria as the form gives it: ``pk`` None for a new one."""

    title: dict
    description: dict = field(default_factory=dict)
    evidence_hint: dict = field(default_factory=dict)
    position: int | None = None
    pk: int | None = None
    delete: bool = False


def _lock_draft(standard: QualityStandard) -> QualityStandard:
    current = QualityStandard.objects.select_for_update().get(pk=standard.pk)
    if current.is_published:
        raise ValidationError(frozen_message())
    return current


@transaction.atomic
def save_draft(
    *,
    actor,
    standard: QualityStandard,
    label_name: dict,
    introduction: dict,
    criteria: list[CriterionInput],
    expected_version: str,
) -> QualityStandard:
    """Save the draft's label name, introduction and criteria: rows with a ``pk`` are changed
    (or removed, ``delete``), rows without are added; the order follows ``position`` (ties keep
    the order given), numbered 1, 2, 3 ... afterwards."""
    current = _lock_draft(standard)
    if draft_version(current) != expected_version:
        raise ConcurrentEdit()
    label_name, introduction = _text(label_name), _text(introduction)
    errors: dict[str, list[str]] = {}
    if not label_name:
        errors["label_name"] = [_("Give the quality label a name.")]
    existing = {c.pk: c for c in current.criteria.all()}
    unknown = [row.pk for row in criteria if row.pk is not None and row.pk not in existing]
    if unknown:
        errors["criteria"] = [_("A criterion was removed in the meantime: reload the page.")]
    kept = [row for row in criteria if not row.delete]
    if any(not _text(row.title) for row in kept):
        errors["criteria"] = [_("Every criterion needs a title.")]
    if errors:
        raise ValidationError(errors)
    before = {
        "label_name": _text(current.label_name),
        "introduction": _text(current.introduction),
        "criteria": _criteria_titles(current),
    }
    ordered = sorted(
        enumerate(kept),
        key=lambda item: (item[1].position if item[1].position is not None else 10**6, item[0]),
    )
    seen: set[int] = set()
    for position, (_i, row) in enumerate(ordered, start=1):
        criterion = existing.get(row.pk) if row.pk is not None else None
        if criterion is None:
            criterion = QualityCriterion(standard=current)
        else:
            seen.add(criterion.pk)
        criterion.position = position
        criterion.title = LazyI18nString(_text(row.title))
        criterion.description = LazyI18nString(_text(row.description))
        criterion.evidence_hint = LazyI18nString(_text(row.evidence_hint))
        criterion.save()
    QualityCriterion.objects.filter(pk__in=[pk for pk in existing if pk not in seen]).delete()
    current.label_name = LazyI18nString(label_name)
    current.introduction = LazyI18nString(introduction)
    current.save(update_fields=["label_name", "introduction"])
    after = {
        "label_name": label_name,
        "introduction": introduction,
        "criteria": _criteria_titles(current),
    }
    changes = audit.changes_between(before, after)
    if changes:
        audit.record(
            actor=actor,
            action="courses.standard_changed",
            obj=current,
            programme=current.programme,
            changes=changes,
        )
    return current


@transaction.atomic
def publish_standard(*, actor, standard: QualityStandard) -> QualityStandard:
    """``draft -> published``: from now on the version is frozen and providers assess themselves
    against it. The admins of the cluster's providers with a valid declaration are told."""
    current = _lock_draft(standard)
    problems = []
    if not _text(current.label_name):
        problems.append(_("Give the quality label a name."))
    if not current.criteria.exists():
        problems.append(_("Add at least one criterion."))
    if problems:
        raise ValidationError(problems)
    current.published_at = timezone.now()
    current.save(update_fields=["published_at"])
    programme = current.programme
    audit.record(
        actor=actor,
        action="courses.standard_published",
        obj=current,
        programme=programme,
        changes={"published_at": {"old": None, "new": str(current.published_at)}},
    )
    providers = index.valid_declarations().filter(programme=programme).values("organisation")
    for person, organisation in _admins_of(Organisation.objects.filter(pk__in=providers)):
        queue_email(
            template="courses/email/quality_standard_published",
            to=person.email,
            language=person.language or None,
            context={
                "standard": current,
                "programme": programme,
                "organisation": organisation,
                "url": _url(
                    reverse(
                        "courses:self_assessment",
                        kwargs={"slug": organisation.slug, "programme": programme.slug},
                    )
                ),
            },
        )
    return current


@transaction.atomic
def discard_draft(*, actor, standard: QualityStandard) -> None:
    """Throw a draft version away (published versions stay)."""
    current = _lock_draft(standard)
    audit.record(
        actor=actor,
        action="courses.standard_draft_discarded",
        obj=current,
        programme=current.programme,
        changes={"version": {"old": current.version, "new": None}},
    )
    current.delete()


# Self-assessment -------------------------------------------------------------------------------


def _admins_of(organisations: Iterable[Organisation]) -> list[tuple[Any, Organisation]]:
    """(person, organisation) for the admins of each organisation; its members when it has no
    admin, so that somebody hears of it."""
    memberships = list(
        Membership.objects.filter(organisation__in=list(organisations))
        .select_related("user", "organisation")
        .order_by("organisation__name", "pk")
    )
    result = []
    by_org: dict[int, list[Membership]] = {}
    for membership in memberships:
        by_org.setdefault(membership.organisation_id, []).append(membership)
    for rows in by_org.values():
        admins = [m for m in rows if m.role == Membership.Role.ADMIN] or rows
        result.extend((m.user, m.organisation) for m in admins if m.user.email)
    return result


def has_valid_declaration(organisation, programme) -> bool:
    return (
        index.valid_declarations().filter(programme=programme, organisation=organisation).exists()
    )


def assessment_refusal(*, organisation: Organisation, programme: Programme) -> str | None:
    """Why ``organisation`` cannot assess itself in ``programme`` now, or None."""
    if organisation.kind != Organisation.Kind.TRAINING_PROVIDER:
        return _("Only training providers assess themselves against the quality standard.")
    if not has_valid_declaration(organisation, programme):
        return _(
            "Your organisation has no valid participation declaration in this cluster. Sign the "
            "cluster's current participation declaration first; then you can assess yourselves "
            "against its quality standard."
        )
    if current_standard(programme) is None:
        return _("The cluster has not published its quality standard yet.")
    return None


def assessments_of(organisation, programme) -> QuerySet[SelfAssessment]:
    """The provider's self-assessments in the cluster, newest version of the standard first."""
    return (
        SelfAssessment.objects.filter(organisation=organisation, standard__programme=programme)
        .select_related("standard", "reviewer", "submitted_by")
        .order_by("-standard__version")
    )


def _record(actor, action: str, assessment: SelfAssessment, changes: dict) -> None:
    audit.record(
        actor=actor,
        action=action,
        obj=assessment,
        programme=assessment.standard.programme,
        organisation=assessment.organisation,
        changes=changes,
    )


@transaction.atomic
def start_self_assessment(
    *, actor, organisation: Organisation, programme: Programme
) -> SelfAssessment:
    """A new draft against the latest published version, one empty answer per criterion.
    Answers to criteria with the same title in the provider's previous self-assessment of the
    cluster are carried over, so a new version of the standard is not answered from scratch."""
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    refusal = assessment_refusal(organisation=organisation, programme=programme)
    if refusal:
        raise ValidationError(refusal)
    standard = current_standard(programme)
    if SelfAssessment.objects.filter(standard=standard, organisation=organisation).exists():
        raise ValidationError(
            _("Your organisation has already started a self-assessment against this version.")
        )
    previous = assessments_of(organisation, programme).first()
    earlier: dict[str, SelfAssessmentAnswer] = {}
    if previous is not None:
        for answer in previous.answers.select_related("criterion"):
            earlier[json.dumps(_text(answer.criterion.title), sort_keys=True)] = answer
    assessment = SelfAssessment.objects.create(standard=standard, organisation=organisation)
    answers = []
    for criterion in standard.criteria.all():
        match = earlier.get(json.dumps(_text(criterion.title), sort_keys=True))
        answers.append(
            SelfAssessmentAnswer(
                assessment=assessment,
                criterion=criterion,
                fulfilment=match.fulfilment if match else "",
                evidence=match.evidence if match else "",
            )
        )
    SelfAssessmentAnswer.objects.bulk_create(answers)
    _record(
        actor,
        "courses.self_assessment_started",
        assessment,
        {
            "standard": {"old": None, "new": standard.version},
            "carried_over": {"old": None, "new": sum(1 for a in answers if a.fulfilment)},
        },
    )
    return assessment


def _lock_assessment(assessment: SelfAssessment) -> SelfAssessment:
    return (
        SelfAssessment.objects.select_for_update()
        .select_related("standard__programme", "organisation")
        .get(pk=assessment.pk)
    )


@transaction.atomic
def save_answers(
    *,
    actor,
    assessment: SelfAssessment,
    answers: dict[int, dict[str, str]],
    expected_version: int,
) -> SelfAssessment:
    """Save the answers (criterion id → fulfilment and evidence) of a draft or of a returned
    self-assessment. A form opened before someone else's save is refused (ConcurrentEdit)."""
    current = _lock_assessment(assessment)
    if current.version != expected_version:
        raise ConcurrentEdit()
    if current.status not in EDITABLE:
        raise ValidationError(_("A submitted or confirmed self-assessment is not changed."))
    rows = list(current.answers.select_related("criterion"))
    changed = {}
    valid = set(Fulfilment.values)
    for answer in rows:
        given = answers.get(answer.criterion_id)
        if given is None:
            continue
        fulfilment = given.get("fulfilment") or ""
        evidence = (given.get("evidence") or "").strip()
        if fulfilment and fulfilment not in valid:
            raise ValidationError({f"c{answer.criterion_id}-fulfilment": [_("Choose an answer.")]})
        if (fulfilment, evidence) != (answer.fulfilment, answer.evidence):
            changed[str(answer.criterion.position)] = {
                "old": {"fulfilment": answer.fulfilment, "evidence": answer.evidence},
                "new": {"fulfilment": fulfilment, "evidence": evidence},
            }
            answer.fulfilment, answer.evidence = fulfilment, evidence
    if changed:
        SelfAssessmentAnswer.objects.bulk_update(rows, ["fulfilment", "evidence"])
        current.version += 1
        current.save(update_fields=["version"])
        _record(actor, "courses.self_assessment_saved", current, {"answers": changed})
    return current


def answer_problems(answers: Iterable[SelfAssessmentAnswer]) -> dict[str, list[str]]:
    """What keeps a self-assessment from being submitted, keyed ``c<criterion id>-<field>`` like
    the answer forms' fields: every criterion answered, and evidence wherever it is (partly)
    met."""
    problems: dict[str, list[str]] = {}
    for answer in answers:
        if not answer.fulfilment:
            problems[f"c{answer.criterion_id}-fulfilment"] = [
                _("Say whether your organisation meets this criterion.")
            ]
        elif answer.fulfilment != Fulfilment.NOT_MET and not answer.evidence.strip():
            problems[f"c{answer.criterion_id}-evidence"] = [
                _("Describe how your organisation meets this criterion.")
            ]
    return problems


def _cluster_people(programme, role: str) -> list:
    return [
        r.user
        for r in ProgrammeRole.objects.filter(programme=programme, role=role).select_related("user")
        if r.user.email
    ]


@transaction.atomic
def submit_self_assessment(*, actor, assessment: SelfAssessment) -> SelfAssessment:
    """``draft | returned -> submitted``: every criterion answered. The cluster's coordinators
    are told that a self-assessment waits for review."""
    current = _lock_assessment(assessment)
    if current.status not in EDITABLE:
        raise ValidationError(_("This self-assessment has been submitted already."))
    programme = current.standard.programme
    if not has_valid_declaration(current.organisation, programme):
        raise ValidationError(
            assessment_refusal(organisation=current.organisation, programme=programme)
        )
    problems = answer_problems(current.answers.all())
    if problems:
        raise ValidationError(problems)
    before = current.status
    current.status = Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.submitted_by = actor
    current.version += 1
    current.save(update_fields=["status", "submitted_at", "submitted_by", "version"])
    _record(
        actor,
        "courses.self_assessment_submitted",
        current,
        {"status": {"old": before, "new": current.status}},
    )
    url = _url(reverse("courses:review", kwargs={"programme": programme.slug, "pk": current.pk}))
    for person in _cluster_people(programme, ProgrammeRole.Role.COORDINATOR):
        queue_email(
            template="courses/email/quality_submitted",
            to=person.email,
            language=person.language or None,
            context={"assessment": current, "programme": programme, "url": url},
        )
    return current


def review_refusal(*, reviewer, assessment: SelfAssessment) -> str | None:
    """Why ``reviewer`` may not decide on ``assessment``, or None. Nobody reviews their own
    organisation's self-assessment, platform admins included."""
    if Membership.objects.filter(user=reviewer, organisation=assessment.organisation_id).exists():
        return _("You belong to this organisation, so another reviewer of the cluster decides.")
    return None


def _decide(*, actor, assessment: SelfAssessment, status: str, note: str) -> SelfAssessment:
    current = _lock_assessment(assessment)
    if current.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted self-assessment is confirmed or returned."))
    refusal = review_refusal(reviewer=actor, assessment=current)
    if refusal:
        raise PermissionDenied(refusal)
    before = audit.snapshot(current, ["status", "label_valid_until", "review_note"])
    current.status = status
    current.reviewer = actor
    current.reviewed_at = timezone.now()
    current.review_note = note
    if status == Status.CONFIRMED:
        current.label_valid_until = timezone.localdate() + datetime.timedelta(
            days=LABEL_VALIDITY_DAYS
        )
    current.version += 1
    current.save(
        update_fields=[
            "status",
            "reviewer",
            "reviewed_at",
            "review_note",
            "label_valid_until",
            "version",
        ]
    )
    organisation = current.organisation
    index.refresh_runs(index.runs_of_provider(organisation))
    programme = current.standard.programme
    _record(
        actor,
        f"courses.self_assessment_{status}",
        current,
        audit.changes_between(
            before, audit.snapshot(current, ["status", "label_valid_until", "review_note"])
        ),
    )
    url = _url(
        reverse(
            "courses:self_assessment",
            kwargs={"slug": organisation.slug, "programme": programme.slug},
        )
    )
    for person, _organisation in _admins_of([organisation]):
        queue_email(
            template="courses/email/quality_reviewed",
            to=person.email,
            language=person.language or None,
            context={"assessment": current, "programme": programme, "url": url},
        )
    return current


@transaction.atomic
def confirm_self_assessment(*, actor, assessment: SelfAssessment, note: str = "") -> SelfAssessment:
    """``submitted -> confirmed``: the provider carries the cluster's quality label until today
    + LABEL_VALIDITY_DAYS."""
    return _decide(
        actor=actor, assessment=assessment, status=Status.CONFIRMED, note=(note or "").strip()
    )


@transaction.atomic
def return_self_assessment(*, actor, assessment: SelfAssessment, note: str) -> SelfAssessment:
    """``submitted -> returned``, with a note saying what to change (required)."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": [_("Say what the provider should change.")]})
    return _decide(actor=actor, assessment=assessment, status=Status.RETURNED, note=note)


# The label -------------------------------------------------------------------------------------


def _carrying(today: datetime.date | None = None) -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.filter(
        status=Status.CONFIRMED, label_valid_until__gte=today or timezone.localdate()
    )


def label_for(
    organisation, *, programme=None, today: datetime.date | None = None
) -> SelfAssessment | None:
    """The confirmed self-assessment that gives ``organisation`` a quality label today (of
    ``programme``'s standard, or of any cluster), the one valid longest; None without one. Its
    ``standard.label_name`` names the label, ``label_valid_until`` says until when."""
    found = (
        _carrying(today)
        .filter(organisation=organisation)
        .select_related("standard__programme")
        .order_by("-label_valid_until", "-pk")
    )
    if programme is not None:
        found = found.filter(standard__programme=programme)
    return found.first()


def providers_with_label(
    programme=None, *, today: datetime.date | None = None
) -> QuerySet[Organisation]:
    """Organisations carrying a quality label today (of ``programme``'s standard, or of any)."""
    carrying = _carrying(today)
    if programme is not None:
        carrying = carrying.filter(standard__programme=programme)
    return Organisation.objects.filter(pk__in=carrying.values("organisation"))


def attach_labels(
    organisations: Iterable[Organisation], *, programme=None, today: datetime.date | None = None
) -> list[Organisation]:
    """Set ``quality_label`` (as ``label_for`` would give it) on each organisation, in one query,
    for lists; ``courses/quality/_label.html`` then makes no query of its own."""
    organisations = list(organisations)
    found = (
        _carrying(today)
        .filter(organisation__in=organisations)
        .select_related("standard__programme")
        .order_by("organisation_id", "-label_valid_until", "-pk")
    )
    if programme is not None:
        found = found.filter(standard__programme=programme)
    best: dict[int, SelfAssessment] = {}
    for assessment in found:
        best.setdefault(assessment.organisation_id, assessment)
    for organisation in organisations:
        organisation.quality_label = best.get(organisation.pk)
    return organisations
