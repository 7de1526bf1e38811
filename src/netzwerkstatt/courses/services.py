"""Keeping courses and their runs: one function per transition, each audit-logged, each keeping
the search copies on the runs (``index.refresh_runs``) and the full-text index
(``search.index_object``) in step, in the same transaction.

A course is ``draft -> published <-> unpublished``. Only a course that was never published may be
deleted: once a course was public, people may have kept its address or a comparison link, so it
is unpublished instead and its page says it is no longer offered. A course may be published
without runs; the public search shows it once it has a run that has not started yet.

``check_course`` and ``check_run`` hold the rules a course or a run must keep, for the forms, the
import and the API alike: they return the errors by field instead of raising, so an import can
report every bad cell of a row at once.
"""

from __future__ import annotations

import datetime
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit, search
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import IscedField

from . import index
from .models import Course, CourseRun

COURSE_FIELDS = (
    "external_id",
    "title",
    "description",
    "learning_outcomes",
    "field",
    "eqf_level",
    "target_group",
    "prerequisites",
    "certificate",
    "certificate_name",
    "language",
    "format",
)
TEXT_COURSE_FIELDS = (
    "external_id",
    "title",
    "description",
    "learning_outcomes",
    "target_group",
    "prerequisites",
    "certificate_name",
)
RUN_FIELDS = (
    "external_id",
    "start_date",
    "end_date",
    "schedule",
    "schedule_note",
    "hours",
    "online",
    "venue",
    "street",
    "postal_code",
    "city",
    "region",
    "price",
    "price_note",
    "seats",
    *CourseRun.FUNDING_FIELDS,
    "registration_url",
    "contact_email",
    "contact_phone",
    "accessibility",
)
TEXT_RUN_FIELDS = (
    "external_id",
    "schedule_note",
    "venue",
    "street",
    "postal_code",
    "city",
    "region",
    "price_note",
    "registration_url",
    "contact_email",
    "contact_phone",
    "accessibility",
)
# Fields full_clean must not look at: the search copies and the links set by the services.
_RUN_COPIES = ("course", "provider", "listed", "field_broad", "eqf", "format", "language")
_RUN_COPIES += ("certificate", "label_until", "created", "version")
_COURSE_MANAGED = ("organisation", "slug", "status", "published_at", "created", "updated")
_COURSE_MANAGED += ("version",)
# Fields a duplicated run does not take over: its own number and dates.
_NOT_DUPLICATED = ("external_id", "start_date", "end_date")


# Checks ---------------------------------------------------------------------------------------


def _field_errors(obj, exclude: tuple[str, ...]) -> dict[str, list[str]]:
    """Django's own field checks (length, choices, URL, e-mail, minimum values), by field."""
    try:
        obj.clean_fields(exclude=list(exclude))
    except ValidationError as error:
        return {
            name: [str(message) for item in errors for message in item.messages]
            for name, errors in error.error_dict.items()
        }
    return {}


def _add(errors: dict[str, list[str]], name: str, message: str) -> None:
    errors.setdefault(name, []).append(message)


def check_course(course: Course, *, check_unique: bool = True) -> dict[str, list[str]]:
    """The course's errors by field; empty when it may be saved. Without queries when
    ``course.field`` is set and ``check_unique`` is off (an import checks its numbers itself)."""
    errors = _field_errors(course, (*_COURSE_MANAGED, "field"))
    if not course.title.strip():
        errors["title"] = [_("Give the course a title.")]
    if not course.description.strip():
        errors["description"] = [_("Describe the course.")]
    try:
        field = course.field if course.field_id is not None else None
    except IscedField.DoesNotExist:
        field = None
    if field is None:
        errors["field"] = [_("Choose the field of education and training.")]
    elif field.level == IscedField.Level.BROAD:
        errors["field"] = [_("Choose a narrow or a detailed field, not a broad one.")]
    if not course.language or pycountry.languages.get(alpha_2=course.language) is None:
        errors["language"] = [_("Choose the language the course is taught in.")]
    if (
        check_unique
        and course.external_id
        and Course.objects.filter(
            organisation_id=course.organisation_id, external_id=course.external_id
        )
        .exclude(pk=course.pk)
        .exists()
    ):
        _add(errors, "external_id", _("Another of your courses has this number."))
    return errors


def check_run(run: CourseRun, course: Course, *, check_unique: bool = True) -> dict[str, list[str]]:
    """The run's errors by field; empty when it may be saved. Regions are those of the
    provider's country (``course.organisation``). Without queries when ``check_unique`` is off."""
    errors = _field_errors(run, _RUN_COPIES)
    if run.start_date and run.end_date and run.end_date < run.start_date:
        _add(errors, "end_date", _("The run cannot end before it starts."))
    country = course.organisation.country
    if run.region and not regions.is_region_of(run.region, country):
        _add(
            errors,
            "region",
            _("Choose a region of %(country)s.") % {"country": regions.country_name(country)},
        )
    if not run.online:
        if not run.city.strip():
            _add(errors, "city", _("Give the city, or mark the run as online."))
        if not run.region:
            _add(errors, "region", _("Choose the region, or mark the run as online."))
    if not (run.registration_url or run.contact_email or run.contact_phone.strip()):
        _add(
            errors,
            "registration_url",
            _("Give a registration link, a contact e-mail address or a telephone number."),
        )
    if (
        check_unique
        and run.external_id
        and run.course_id
        and CourseRun.objects.filter(course_id=run.course_id, external_id=run.external_id)
        .exclude(pk=run.pk)
        .exists()
    ):
        _add(errors, "external_id", _("Another run of this course has this number."))
    return errors


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


# Helpers --------------------------------------------------------------------------------------


def _record(actor, action: str, obj, organisation, changes: dict | None = None) -> None:
    audit.record(
        actor=actor, action=action, obj=obj, organisation=organisation, changes=changes or {}
    )


def _apply(obj, data: dict[str, Any], fields: tuple[str, ...], text: tuple[str, ...]) -> None:
    for name in fields:
        if name not in data:
            continue
        value = data[name]
        if name in text:
            value = (value or "").strip()
        setattr(obj, name, value)


def _unique_slug(organisation: Organisation, title: str) -> str:
    base = (slugify(title.replace("ß", "ss")) or "course")[:70].strip("-") or "course"
    taken = set(
        Course.objects.filter(organisation=organisation, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    # "new" would read like the address of the form for a new course.
    slug, number = (base, 2) if base != "new" else ("new-2", 3)
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _lock_course(course: Course) -> Course:
    current = Course.objects.select_for_update().get(pk=course.pk)
    current.organisation = course.organisation
    return current


def _lock_run(run: CourseRun) -> CourseRun:
    current = CourseRun.objects.select_for_update().get(pk=run.pk)
    current.course = run.course
    return current


def _refresh(course: Course) -> None:
    """The search copies of the course's runs and its full-text entry, after any change."""
    index.refresh_runs(index.runs_of_course(course))
    search.index_object(course)


def _runs_changed(course: Course) -> None:
    Course.objects.filter(pk=course.pk).update(updated=timezone.now())
    _refresh(course)


# Courses --------------------------------------------------------------------------------------


@transaction.atomic
def create_course(*, actor, organisation: Organisation, data: dict[str, Any]) -> Course:
    """A new draft course of the training provider ``organisation``."""
    if organisation.kind != Organisation.Kind.TRAINING_PROVIDER:
        raise ValidationError(_("Only training providers offer courses."))
    # One new course at a time per provider, so that two courses of the same title get
    # different addresses.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    course = Course(organisation=organisation)
    _apply(course, data, COURSE_FIELDS, TEXT_COURSE_FIELDS)
    _raise(check_course(course))
    course.slug = _unique_slug(organisation, course.title)
    course.save()
    _record(
        actor,
        "courses.course_created",
        course,
        organisation,
        {"status": {"old": None, "new": course.status}},
    )
    _refresh(course)
    return course


@transaction.atomic
def update_course(*, actor, course: Course, data: dict[str, Any], expected_version: int) -> Course:
    """Save the course's description. Someone else's save since ``expected_version`` raises
    ConcurrentEdit and nothing is written. The address (slug) stays as it was."""
    current = _lock_course(course)
    if current.version != expected_version:
        raise ConcurrentEdit()
    before = audit.snapshot(current, COURSE_FIELDS)
    _apply(current, data, COURSE_FIELDS, TEXT_COURSE_FIELDS)
    _raise(check_course(current))
    changes = audit.changes_between(before, audit.snapshot(current, COURSE_FIELDS))
    if changes:
        current.version += 1
        current.updated = timezone.now()
        current.save()
        _record(actor, "courses.course_changed", current, current.organisation, changes)
        _refresh(current)
    return current


def _set_status(actor, course: Course, allowed: tuple[str, ...], new: str, action: str) -> Course:
    current = _lock_course(course)
    if current.status not in allowed:
        raise ValidationError(
            _("A course that is “%(status)s” cannot be changed like this.")
            % {"status": current.get_status_display()}
        )
    if new == Course.Status.PUBLISHED:
        _raise(check_course(current))
    old = current.status
    current.status = new
    fields = ["status", "version", "updated"]
    if new == Course.Status.PUBLISHED:
        current.published_at = timezone.now()
        fields.append("published_at")
    current.version += 1
    current.updated = timezone.now()
    current.save(update_fields=fields)
    _record(actor, action, current, current.organisation, {"status": {"old": old, "new": new}})
    _refresh(current)
    return current


@transaction.atomic
def publish_course(*, actor, course: Course) -> Course:
    """``draft | unpublished -> published``. Runs that have not started yet appear in the public
    search, if the provider has a valid participation declaration."""
    return _set_status(
        actor,
        course,
        (Course.Status.DRAFT, Course.Status.UNPUBLISHED),
        Course.Status.PUBLISHED,
        "courses.course_published",
    )


@transaction.atomic
def unpublish_course(*, actor, course: Course) -> Course:
    """``published -> unpublished``: the course and its runs leave the public database."""
    return _set_status(
        actor,
        course,
        (Course.Status.PUBLISHED,),
        Course.Status.UNPUBLISHED,
        "courses.course_unpublished",
    )


def can_delete(course: Course) -> bool:
    return course.status == Course.Status.DRAFT and course.published_at is None


@transaction.atomic
def delete_course(*, actor, course: Course) -> None:
    """Delete a course that was never published, with its runs."""
    current = _lock_course(course)
    if not can_delete(current):
        raise ValidationError(
            _("A course that was published cannot be deleted. Unpublish it instead.")
        )
    before = audit.snapshot(current, COURSE_FIELDS)
    _record(
        actor,
        "courses.course_deleted",
        current,
        current.organisation,
        {
            **audit.changes_between(before, {}),
            "runs": {"old": current.runs.count(), "new": None},
        },
    )
    search.remove_object(current)
    current.delete()


# Runs -----------------------------------------------------------------------------------------


@transaction.atomic
def add_run(*, actor, course: Course, data: dict[str, Any]) -> CourseRun:
    run = CourseRun(course=course, provider_id=course.organisation_id)
    _apply(run, data, RUN_FIELDS, TEXT_RUN_FIELDS)
    _raise(check_run(run, course))
    run.save()
    _record(
        actor,
        "courses.run_added",
        run,
        course.organisation,
        audit.changes_between({}, audit.snapshot(run, ("start_date", "end_date", "city"))),
    )
    _runs_changed(course)
    run.refresh_from_db()
    return run


@transaction.atomic
def update_run(*, actor, run: CourseRun, data: dict[str, Any], expected_version: int) -> CourseRun:
    current = _lock_run(run)
    if current.version != expected_version:
        raise ConcurrentEdit()
    before = audit.snapshot(current, RUN_FIELDS)
    _apply(current, data, RUN_FIELDS, TEXT_RUN_FIELDS)
    _raise(check_run(current, current.course))
    changes = audit.changes_between(before, audit.snapshot(current, RUN_FIELDS))
    if changes:
        current.version += 1
        current.save()
        _record(actor, "courses.run_changed", current, current.course.organisation, changes)
        _runs_changed(current.course)
        current.refresh_from_db()
    return current


@transaction.atomic
def delete_run(*, actor, run: CourseRun) -> None:
    current = _lock_run(run)
    course = current.course
    _record(
        actor,
        "courses.run_deleted",
        current,
        course.organisation,
        audit.changes_between(audit.snapshot(current, ("start_date", "end_date", "city")), {}),
    )
    current.delete()
    _runs_changed(course)


def duplicate_length(run: CourseRun) -> datetime.timedelta:
    return run.end_date - run.start_date


@transaction.atomic
def duplicate_run(
    *,
    actor,
    run: CourseRun,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    external_id: str = "",
) -> CourseRun:
    """A copy of ``run`` with new dates, for courses that repeat: everything but the dates and
    the run number is taken over. Without ``end_date`` the copy lasts as long as the original."""
    course = run.course
    copy = CourseRun(course=course, provider_id=course.organisation_id)
    for name in RUN_FIELDS:
        if name not in _NOT_DUPLICATED:
            setattr(copy, name, getattr(run, name))
    copy.start_date = start_date
    copy.end_date = end_date or start_date + duplicate_length(run)
    copy.external_id = (external_id or "").strip()
    _raise(check_run(copy, course))
    copy.save()
    _record(
        actor,
        "courses.run_duplicated",
        copy,
        course.organisation,
        {
            "copy_of": {"old": None, "new": str(run)},
            **audit.changes_between({}, audit.snapshot(copy, ("start_date", "end_date"))),
        },
    )
    _runs_changed(course)
    copy.refresh_from_db()
    return copy


# Reads for the pages --------------------------------------------------------------------------


def provider_is_listed(organisation: Organisation) -> bool:
    """The provider has a valid participation declaration in a public cluster."""
    return index.listed_providers().filter(pk=organisation.pk).exists()
