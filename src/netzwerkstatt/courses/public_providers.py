"""What the public sees of a training provider: its quality labels and valid certifications today,
its core competencies and its public courses with their next dates. One query each, for lists
(the comparison) as for one provider's page and the API."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import IscedField

from . import certifications, index
from .models import Certification, Course, CourseRun, ProviderProfile, SelfAssessment


@dataclass
class QualityLabel:
    name: str
    cluster: str
    valid_until: datetime.date


def quality_labels(
    organisations: Iterable[Organisation], today: datetime.date | None = None
) -> dict[int, list[QualityLabel]]:
    """The quality labels each organisation carries today (a confirmed self-assessment whose
    label has not run out), by organisation id; one query."""
    today = today or timezone.localdate()
    assessments = SelfAssessment.objects.filter(
        organisation__in=[o.pk for o in organisations],
        status=SelfAssessment.Status.CONFIRMED,
        label_valid_until__gte=today,
    ).select_related("standard__programme")
    labels: dict[int, list[QualityLabel]] = {}
    for assessment in assessments.order_by("-label_valid_until"):
        labels.setdefault(assessment.organisation_id, []).append(
            QualityLabel(
                name=str(assessment.standard.label_name),
                cluster=assessment.standard.programme.name,
                valid_until=assessment.label_valid_until,
            )
        )
    return labels


def certifications_by_provider(
    organisations: Iterable[Organisation], today: datetime.date | None = None
) -> dict[int, list[Certification]]:
    found: dict[int, list[Certification]] = {}
    for certification in certifications.valid_for_public(today=today).filter(
        organisation__in=[o.pk for o in organisations]
    ):
        found.setdefault(certification.organisation_id, []).append(certification)
    return found


def competency_fields(organisation: Organisation) -> list[IscedField]:
    profile = (
        ProviderProfile.objects.filter(organisation=organisation)
        .prefetch_related("competency_fields")
        .first()
    )
    return list(profile.competency_fields.all()) if profile else []


def upcoming_runs(today: datetime.date | None = None, *, listed_only: bool = True):
    runs = CourseRun.objects.filter(start_date__gte=today or timezone.localdate())
    return runs.filter(listed=True) if listed_only else runs


def provider_courses(
    organisation: Organisation, today: datetime.date | None = None, *, preview: bool = False
):
    """A listed provider's public courses, each with its upcoming runs (``upcoming``). For a
    preview of a provider not listed yet: its published courses and their upcoming runs."""
    courses = (
        Course.objects.filter(status=Course.Status.PUBLISHED) if preview else index.public_courses()
    )
    return (
        courses.filter(organisation=organisation)
        .select_related("field", "organisation")
        .prefetch_related(
            Prefetch(
                "runs",
                queryset=upcoming_runs(today, listed_only=not preview)
                .select_related("provider")
                .order_by("start_date", "pk"),
                to_attr="upcoming",
            )
        )
        .order_by("title", "pk")
    )
