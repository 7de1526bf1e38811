"""The public course search as an API, with the search page's parameters, facets and order: the
same ``catalogue`` functions, public data only (listed runs that have not started, listed
providers). No token needed."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from . import catalogue, index, public_providers
from .catalogue_query import FUNDING, PAGE_SIZE, CourseQuery
from .models import CourseRun

router = Router(tags=["courses"])


class SearchFilters(Schema):
    """Documented here; read as the search page reads them, so a value the search cannot use is
    ignored rather than refused."""

    q: str = Field("", description="Words to find, in German, Italian or English word forms.")
    field: list[str] = Field([], description="Broad ISCED-F fields, two digits (any of).")
    region: list[str] = Field([], description="ISO 3166-2 codes, or `online` (any of).")
    format: list[str] = Field([], description="`in_person`, `online`, `blended` (any of).")
    schedule: list[str] = Field(
        [], description="`full_time`, `part_time`, `evenings`, `weekends` (any of)."
    )
    start_from: str = Field("", alias="from", description="Starting on or after (YYYY-MM-DD).")
    to: str = Field("", description="Starting on or before (YYYY-MM-DD).")
    price: list[str] = Field(
        [],
        description="`free`, `0-500`, `500-1500`, `1500-5000`, `5000-`, `request` (any of).",
    )
    funding: list[str] = Field(
        [],
        description="`voucher`, `upgrading_grant`, `educational_leave`, `employer` (any of).",
    )
    cert: list[str] = Field([], description="Certificate codes (any of).")
    eqf: list[str] = Field([], description="EQF levels 1-8 (any of).")
    lang: list[str] = Field([], description="Languages of instruction, ISO 639-1 (any of).")
    label: str = Field("", description="`1`: only providers with a cluster's quality label.")
    sort: str = Field("", description="`relevance` (with q, the default then), `start`, `price`.")
    page: int = Field(1, ge=1, description=f"Page of {PAGE_SIZE} course runs.")


class ProviderBrief(Schema):
    slug: str
    name: str
    url: str


class CourseBrief(Schema):
    slug: str
    title: str
    url: str
    field: str = Field(description="ISCED-F 2013 code of the course's field.")
    eqf_level: int | None
    certificate: str
    certificate_name: str
    language: str = Field(description="Language of instruction, ISO 639-1.")
    format: str


class RunOut(Schema):
    id: int
    course: CourseBrief
    provider: ProviderBrief
    start_date: datetime.date
    end_date: datetime.date
    schedule: str
    schedule_note: str
    hours: int | None
    online: bool
    venue: str
    street: str
    postal_code: str
    city: str
    region: str = Field(description="ISO 3166-2 code, or empty.")
    price: Decimal | None = Field(description="In euros; null: on request.")
    price_note: str
    seats: int | None
    funding: list[str] = Field(description="Funding options (the `funding` filter's values).")
    registration_url: str
    contact_email: str
    contact_phone: str
    accessibility: str
    quality_label: bool = Field(description="The provider carries a cluster's quality label.")


class CourseDetail(CourseBrief):
    description: str = Field(description="Markdown.")
    learning_outcomes: list[str]
    target_group: str
    prerequisites: str


class RunDetailOut(RunOut):
    course: CourseDetail


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    values: list[FacetValueOut]


class SearchOut(Schema):
    count: int = Field(description="Course runs found.")
    page: int
    pages: int
    page_size: int
    items: list[RunOut]
    facets: list[FacetOut]


class CertificationOut(Schema):
    kind: str
    name: str
    issuer: str
    valid_until: datetime.date
    status: str = Field(description="`valid`, or `expiring` within 60 days.")


class LabelOut(Schema):
    name: str
    cluster: str
    valid_until: datetime.date


class FieldOut(Schema):
    code: str
    name: str


class ProviderCourseOut(Schema):
    slug: str
    title: str
    url: str
    next_start: datetime.date | None
    upcoming_runs: int


class ProviderOut(ProviderBrief):
    description: str = Field(description="Markdown.")
    street: str
    postal_code: str
    city: str
    region: str
    country: str
    website: str
    competency_fields: list[FieldOut]
    competencies: list[str]
    certifications: list[CertificationOut]
    quality_labels: list[LabelOut]
    courses: list[ProviderCourseOut]


def _run(request: HttpRequest, run: CourseRun, today: datetime.date, *, detail=False) -> dict:
    course = run.course
    build = request.build_absolute_uri
    data = {
        "course": {
            "slug": course.slug,
            "title": course.title,
            "url": build(course.get_absolute_url()),
            "field": course.field.code,
            "eqf_level": course.eqf_level,
            "certificate": course.certificate,
            "certificate_name": course.certificate_name,
            "language": course.language,
            "format": course.format,
        },
        "provider": {
            "slug": run.provider.slug,
            "name": run.provider.name,
            "url": build(reverse("courses:provider", kwargs={"slug": run.provider.slug})),
        },
        "funding": [name for name, column in FUNDING.items() if getattr(run, column)],
        "quality_label": bool(run.label_until and run.label_until >= today),
    }
    for name in RunOut.model_fields:
        if name not in data:
            data[name] = getattr(run, name)
    data["id"] = run.pk
    if detail:
        data["course"].update(
            description=course.description,
            learning_outcomes=course.outcome_list,
            target_group=course.target_group,
            prerequisites=course.prerequisites,
        )
    return data


@router.get(
    "",
    response=SearchOut,
    url_name="course_search",
    summary="Search the public course runs, with facet counts",
)
def course_search(request: HttpRequest, filters: Query[SearchFilters]):
    query = CourseQuery.from_params(request.GET)
    today = timezone.localdate()
    result = catalogue.run_search(query, today=today)
    return {
        "count": result.total,
        "page": result.page,
        "pages": result.num_pages,
        "page_size": PAGE_SIZE,
        "items": [_run(request, run, today) for run in result.runs],
        "facets": [
            {
                "name": group.name,
                "label": group.label,
                "values": [
                    {
                        "value": option.value,
                        "label": option.label,
                        "count": option.count,
                        "selected": option.selected,
                    }
                    for option in group.options
                ],
            }
            for group in result.facets
        ],
    }


@router.get("/runs/{run_id}", response=RunDetailOut, summary="One public course run")
def course_run(request: HttpRequest, run_id: int):
    """A run of a public course (listed), also once it has started."""
    run = get_object_or_404(
        CourseRun.objects.filter(listed=True).select_related("course__field", "provider"),
        pk=run_id,
    )
    return _run(request, run, timezone.localdate(), detail=True)


@router.get("/providers/{slug}", response=ProviderOut, summary="A listed training provider")
def course_provider(request: HttpRequest, slug: str):
    organisation = get_object_or_404(index.listed_providers(), slug=slug)
    today = timezone.localdate()
    build = request.build_absolute_uri
    courses = public_providers.provider_courses(organisation, today)
    certifications = public_providers.certifications_by_provider([organisation], today)
    labels = public_providers.quality_labels([organisation], today)
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "url": build(reverse("courses:provider", kwargs={"slug": organisation.slug})),
        "description": organisation.description,
        "street": organisation.street,
        "postal_code": organisation.postal_code,
        "city": organisation.city,
        "region": organisation.region,
        "country": organisation.country,
        "website": organisation.website,
        "competency_fields": [
            {"code": isced.code, "name": str(isced.name)}
            for isced in public_providers.competency_fields(organisation)
        ],
        "competencies": organisation.competency_list,
        "certifications": [
            {
                "kind": c.kind,
                "name": c.display_name,
                "issuer": c.issuer,
                "valid_until": c.valid_until,
                "status": c.status(today),
            }
            for c in certifications.get(organisation.pk, [])
        ],
        "quality_labels": [vars(label) for label in labels.get(organisation.pk, [])],
        "courses": [
            {
                "slug": course.slug,
                "title": course.title,
                "url": build(course.get_absolute_url()),
                "next_start": course.upcoming[0].start_date if course.upcoming else None,
                "upcoming_runs": len(course.upcoming),
            }
            for course in courses
        ],
    }
