"""The search copies on course runs: one place decides what the public database shows.

A run is *listed* when its course is published, its provider is a training provider and the
provider has a valid participation declaration in a public cluster. Runs whose start date has
passed are not unlisted here; the search leaves them out by comparing with today, so they drop
out by themselves, without a scheduled job. The same holds for the quality label: runs carry the
day it ends (``label_until``).

Every service that changes a course, its runs, a declaration or a self-assessment calls
``refresh_runs`` in the same transaction, with the runs it touched (``runs_of_provider`` /
``runs_of_course`` give the usual sets). It is one UPDATE per call, whatever the number of runs.
"""

from __future__ import annotations

import datetime

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from netzwerkstatt.organisations.models import Organisation

from .models import Course, CourseRun, Declaration, DeclarationText, SelfAssessment


def valid_declarations(today: datetime.date | None = None) -> QuerySet[Declaration]:
    """Declarations that count: not revoked, and signed under a version at least as new as the
    cluster's latest version that requires everyone to sign again."""
    resign_from = (
        DeclarationText.objects.filter(programme=OuterRef("programme"), requires_resigning=True)
        .order_by()
        .values("programme")
        .annotate(latest=Max("version"))
        .values("latest")
    )
    return Declaration.objects.filter(revoked_at__isnull=True).filter(
        text__version__gte=Coalesce(Subquery(resign_from, output_field=IntegerField()), Value(0))
    )


def listed_providers() -> QuerySet[Organisation]:
    """Training providers with a valid declaration in a public cluster."""
    return Organisation.objects.filter(
        kind=Organisation.Kind.TRAINING_PROVIDER,
        pk__in=valid_declarations().filter(programme__is_public=True).values("organisation"),
    )


def runs_of_provider(organisation) -> QuerySet[CourseRun]:
    return CourseRun.objects.filter(course__organisation=organisation)


def runs_of_course(course) -> QuerySet[CourseRun]:
    return CourseRun.objects.filter(course=course)


def refresh_runs(runs: QuerySet[CourseRun]) -> int:
    """Recompute the search copies of ``runs`` from their course and provider (one UPDATE)."""
    course = Course.objects.filter(pk=OuterRef("course_id"))
    label_until = (
        SelfAssessment.objects.filter(
            organisation__courses=OuterRef("course_id"),
            status=SelfAssessment.Status.CONFIRMED,
        )
        .order_by("-label_valid_until")
        .values("label_valid_until")[:1]
    )
    listed = Exists(
        course.filter(status=Course.Status.PUBLISHED, organisation__in=listed_providers())
    )
    return runs.update(
        provider_id=Subquery(course.values("organisation_id")[:1]),
        listed=Case(
            When(listed, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        field_broad=Substr(Subquery(course.values("field__code")[:1]), 1, 2),
        eqf=Subquery(course.values("eqf_level")[:1]),
        format=Subquery(course.values("format")[:1]),
        language=Subquery(course.values("language")[:1]),
        certificate=Subquery(course.values("certificate")[:1]),
        label_until=Subquery(label_until),
    )


def public_runs(today: datetime.date | None = None) -> QuerySet[CourseRun]:
    """What the public search shows: listed runs that have not started yet."""
    return CourseRun.objects.filter(listed=True, start_date__gte=today or timezone.localdate())


def public_courses() -> QuerySet[Course]:
    """Courses a visitor may open: published, by a listed provider (past runs or none at all
    do not hide the course page itself)."""
    return Course.objects.filter(
        status=Course.Status.PUBLISHED, organisation__in=listed_providers()
    )
