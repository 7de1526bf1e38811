"""/api/v1/courses/providers/{slug}/courses: a training provider's systems keep its courses with a
personal API token (``Authorization: Bearer <token>``) of one of its people.

- ``POST`` creates or updates one course with its runs, found by ``course_number`` (and each run by
  ``run_number``, or without one by its start date), with the import's column names and checks
  (``importing.check_api_course``). Fields left out keep what is stored; ``null`` or ``""``
  empties a field. Runs not sent stay as they are.
- ``GET`` lists the provider's own courses, drafts included, with their runs.
- ``DELETE .../{course_number}`` takes a published course out of the public database: it is
  unpublished, never deleted, so its page and comparison links keep saying it is no longer
  offered. A draft stays a draft.

Writes are audit-logged (one entry per changed course) and keep the search copies and the
full-text index in step, as the import does.
"""

from __future__ import annotations

import datetime
import decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from netzwerkstatt.core.api_auth import TokenOrSession
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.organisations.schemas import Pagination

from . import import_columns as columns
from . import importing, services
from .import_writing import StaleData, write
from .models import Course, CourseRun

router = Router(tags=["courses"])

COURSES = "/providers/{slug}/courses"


class PushErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(
        default_factory=dict,
        description='Problems by field path: "title", "runs.0.start_date".',
    )


def _described(key: str) -> str:
    with translation.override("en"):  # the OpenAPI document is in English
        return str(columns.BY_KEY[key].help)


class RunIn(Schema):
    # A misspelt field is refused rather than left out silently, as an unknown column is.
    model_config = ConfigDict(extra="forbid")

    run_number: str | None = Field(None, description=_described("run_number"))
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    schedule: CourseRun.Schedule | None = None
    times: str | None = Field(None, description=_described("times"))
    hours: int | None = None
    online: bool | None = Field(None, description="Empty: true for online courses.")
    venue: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = Field(None, description=_described("region"))
    price: decimal.Decimal | None = Field(None, description="Euros; null: on request.")
    price_note: str | None = None
    seats: int | None = None
    funding: list[str] | None = Field(None, description=", ".join(columns.FUNDING))
    registration_url: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    accessibility: str | None = None


class CourseIn(Schema):
    model_config = ConfigDict(extra="forbid")

    course_number: str = Field(description=_described("course_number"))
    title: str | None = None
    description: str | None = Field(None, description="Markdown.")
    learning_outcomes: list[str] | None = None
    field: str | None = Field(None, description=_described("field"))
    eqf_level: int | None = Field(None, ge=1, le=8)
    target_group: str | None = None
    prerequisites: str | None = None
    certificate: Course.Certificate | None = None
    certificate_name: str | None = None
    language: str | None = Field(None, description="ISO 639-1 code.")
    format: Course.Format | None = None
    status: Course.Status | None = Field(None, description=_described("status"))
    runs: list[RunIn] = Field(default_factory=list)


class ProviderRunOut(Schema):
    run_number: str = Field(alias="external_id")
    start_date: datetime.date
    end_date: datetime.date
    schedule: str
    times: str = Field(alias="schedule_note")
    hours: int | None
    online: bool
    venue: str
    street: str
    postal_code: str
    city: str
    region: str
    price: decimal.Decimal | None
    price_note: str
    seats: int | None
    funding: list[str]
    registration_url: str
    contact_email: str
    contact_phone: str
    accessibility: str
    listed: bool = Field(description="In the public database (until the run starts).")
    version: int

    @staticmethod
    def resolve_funding(run: CourseRun) -> list[str]:
        return [code for code, (name, _labels) in columns.FUNDING.items() if getattr(run, name)]


class ProviderCourseOut(Schema):
    course_number: str = Field(alias="external_id")
    slug: str
    title: str
    description: str
    learning_outcomes: list[str]
    field: str
    eqf_level: int | None
    target_group: str
    prerequisites: str
    certificate: str
    certificate_name: str
    language: str
    format: str
    status: str
    url: str | None = Field(description="The public page, once published.")
    version: int
    updated: datetime.datetime
    runs: list[ProviderRunOut]

    @staticmethod
    def resolve_learning_outcomes(course: Course) -> list[str]:
        return course.outcome_list

    @staticmethod
    def resolve_field(course: Course) -> str:
        return course.field.code

    @staticmethod
    def resolve_url(course: Course) -> str | None:
        return course.get_absolute_url() if course.published_at else None

    @staticmethod
    def resolve_runs(course: Course) -> list[CourseRun]:
        return list(course.runs.all())


def _provider(request: HttpRequest, slug: str) -> Organisation:
    provider = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("courses.manage_provider", provider):
        raise PermissionDenied
    return provider


def _courses(provider: Organisation):
    return (
        Course.objects.filter(organisation=provider)
        .select_related("field", "organisation")
        .prefetch_related(Prefetch("runs", queryset=CourseRun.objects.order_by("start_date", "pk")))
        .order_by("title", "pk")
    )


ERRORS = {401: PushErrorOut, 403: PushErrorOut, 404: PushErrorOut}
WRITE_ERRORS = {**ERRORS, 409: PushErrorOut, 422: PushErrorOut}


@router.get(
    COURSES,
    response={200: list[ProviderCourseOut], **ERRORS},
    auth=TokenOrSession(),
    summary="A provider's own courses, drafts included",
    description="For the provider's people. Courses by title, each with its runs.",
)
@paginate(Pagination)
def provider_courses(request: HttpRequest, slug: str):
    return _courses(_provider(request, slug))


@router.post(
    COURSES,
    response={
        200: ProviderCourseOut,
        201: ProviderCourseOut,
        **ERRORS,
        409: PushErrorOut,
        422: PushErrorOut,
    },
    auth=TokenOrSession(),
    summary="Create or update one course with its runs",
    description=(
        "The fields are the columns of the course import (see /course-import/columns/). The course "
        "is found by `course_number`, a run by `run_number` or, without one, by its start date; "
        "fields left out keep their stored value. 201 when the course was created. Problems with "
        "values answer 422 with `errors` by field path (`runs.0.start_date`); nothing is saved "
        "then. Values of the wrong JSON type answer 422 with the usual `detail` list."
    ),
)
def push_course(request: HttpRequest, slug: str, data: CourseIn):
    provider = _provider(request, slug)
    plan, errors = importing.check_api_course(provider, data.model_dump(exclude_unset=True))
    if errors:
        return Status(422, {"detail": _("Nothing was saved."), "errors": errors})
    try:
        counts = write(
            plan,
            actor=request.user,
            action="courses.course_pushed",
            organisation=provider,
            record_unchanged=False,
        )
    except StaleData:
        return Status(
            409,
            {"detail": _("The course was changed meanwhile. Nothing was saved: send it again.")},
        )
    entry = next(iter(plan.courses.values()))
    course = _courses(provider).get(pk=entry.course.pk)
    return Status(201 if counts.created_courses else 200, course)


@router.delete(
    COURSES + "/{course_number}",
    response={200: ProviderCourseOut, **ERRORS},
    auth=TokenOrSession(),
    summary="Take a course out of the public database",
    description=(
        "Unpublishes a published course; it is not deleted, so its page and comparison links "
        "stay and say it is no longer offered. Drafts and unpublished courses stay as they are."
    ),
)
def unpublish(request: HttpRequest, slug: str, course_number: str):
    provider = _provider(request, slug)
    course = get_object_or_404(Course, organisation=provider, external_id=course_number)
    if course.status == Course.Status.PUBLISHED:
        course.organisation = provider
        services.unpublish_course(actor=request.user, course=course)
    return _courses(provider).get(pk=course.pk)
