"""The search copies on course runs: one place decides what the public database shows.

A run is *listed* when its course is published, its provider is a training provider and the
provider has a valid participation declaration in a public cluster. Runs whose start date has
passed are not unlisted here; the search leaves them out by comparing with today, so they drop
out by themselves, without a scheduled job. The same holds for the quality label: runs carry the
day it ends (``label_until``).

Every service that changes a course, its runs, a declaration or a self-assessment calls
``refresh_runs`` in the same transaction, with the runs it touched (``runs_of_provider`` /
``runs_of_course`` give the usual sets). It is one query and a few UPDATEs per call, whatever the
number of runs.
"""

from __future__ import annotations

import datetime

from django.db.models import (
    BooleanField,
    Case,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from netzwerkstatt.organisations.models import Organisation

from .models import Course, CourseRun, Declaration, DeclarationText, SelfAssessment

# Course ids per UPDATE (below SQLite's limit of variables in one statement).
BATCH = 500


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


def copies(courses: QuerySet[Course]) -> dict[int, dict]:
    """The search copies that each of ``courses`` gives its runs, in one query: {course id:
    {CourseRun field: value}}. The one definition of the copies: ``refresh_runs`` writes them,
    the import sets them on new runs before inserting them."""
    label_until = (
        SelfAssessment.objects.filter(
            organisation=OuterRef("organisation_id"), status=SelfAssessment.Status.CONFIRMED
        )
        .order_by("-label_valid_until")
        .values("label_valid_until")[:1]
    )
    listed = Q(status=Course.Status.PUBLISHED, organisation__in=listed_providers())
    rows = (
        courses.order_by()
        .annotate(
            copy_listed=Case(
                When(listed, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
            copy_field=Substr("field__code", 1, 2),
            copy_label=Subquery(label_until),
        )
        .values_list(
            "pk", "organisation_id", "copy_listed", "copy_field", "eqf_level", "format",
            "language", "certificate", "copy_label",
        )
    )  # fmt: skip
    names = ("provider_id", "listed", "field_broad", "eqf", "format", "language")
    names += ("certificate", "label_until")
    return {pk: dict(zip(names, values, strict=True)) for pk, *values in rows}


def refresh_runs(runs: QuerySet[CourseRun]) -> int:
    """Recompute the search copies of ``runs`` from their course and provider: one query for
    the copies, then one UPDATE per distinct set of values (few: the courses of one provider
    mostly share them). Returns the number of runs updated."""
    by_values: dict[tuple, list[int]] = {}
    for course_id, values in copies(Course.objects.filter(pk__in=runs.values("course_id"))).items():
        by_values.setdefault(tuple(values.items()), []).append(course_id)
    updated = 0
    for values, course_ids in by_values.items():
        for start in range(0, len(course_ids), BATCH):
            chunk = course_ids[start : start + BATCH]
            updated += runs.filter(course_id__in=chunk).update(**dict(values))
    return updated


def public_runs(today: datetime.date | None = None) -> QuerySet[CourseRun]:
    """What the public search shows: listed runs that have not started yet."""
    return CourseRun.objects.filter(listed=True, start_date__gte=today or timezone.localdate())


def public_courses() -> QuerySet[Course]:
    """Courses a visitor may open: published, by a listed provider (past runs or none at all
    do not hide the course page itself)."""
    return Course.objects.filter(
        status=Course.Status.PUBLISHED, organisation__in=listed_providers()
    )
