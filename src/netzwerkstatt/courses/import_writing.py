"""Writing checked course rows (an ``importing.Plan``): in one transaction, bulk inserts and
batched updates with version + 1 on each changed row, after making sure nobody changed the same
courses or runs since the check; new runs are inserted with their search copies
(``index.copies``) and the runs of changed courses get theirs refreshed (``index.refresh_runs``);
then the full-text entries of the touched courses and one audit entry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from netzwerkstatt.core import audit, search
from netzwerkstatt.organisations.models import Organisation

from . import import_columns as columns
from . import index
from .models import Course, CourseRun

if TYPE_CHECKING:
    from .importing import CourseEntry, Plan

# Rows per INSERT / UPDATE batch and ids per IN (...) list (below SQLite's variable limit).
BATCH = 500


def chunks(items: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class Counts:
    created_courses: int = 0
    updated_courses: int = 0
    created_runs: int = 0
    updated_runs: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


class StaleData(Exception):
    """A course or run changed between the check and the write."""


def _new_slugs(courses: list[Course]) -> None:
    """Addresses for new courses, unique per provider (one query per provider)."""
    by_provider: dict[int, list[Course]] = {}
    for course in courses:
        by_provider.setdefault(course.organisation_id, []).append(course)
    for provider_id, courses in by_provider.items():
        taken = set(
            Course.objects.filter(organisation_id=provider_id).values_list("slug", flat=True)
        )
        taken.add("new")  # would read like the address of the form for a new course
        for course in courses:
            base = (slugify(course.title.replace("ß", "ss")) or "course")[:70].strip("-")
            base = base or "course"
            slug, number = base, 2
            while slug in taken:
                slug, number = f"{base}-{number}", number + 1
            taken.add(slug)
            course.slug = slug


def _preparers(fields: list) -> list:
    """Per field, what turns its Python value into the database's: Django's own conversion where
    the driver needs one (aware date-times, decimals); the value itself for text, numbers,
    booleans and dates, which both drivers adapt (a third of the time otherwise)."""
    db = connections[DEFAULT_DB_ALIAS]  # the wrapper itself, not the per-attribute proxy

    def prepared(field):
        return lambda value: field.get_db_prep_save(value, db)

    return [
        prepared(f) if isinstance(f, models.DateTimeField | models.DecimalField) else None
        for f in fields
    ]


def _rows(objects: list, fields: list, preparers: list) -> list[list]:
    attnames = [f.attname for f in fields]
    return [
        [
            prepare(getattr(obj, name)) if prepare else getattr(obj, name)
            for name, prepare in zip(attnames, preparers, strict=True)
        ]
        for obj in objects
    ]


def _update_rows(model, objects: list, names: list[str]) -> None:
    """UPDATE ... WHERE id = %s for each object, as one executemany: much faster than
    ``bulk_update``'s CASE expressions for thousands of rows."""
    if not objects:
        return
    meta = model._meta
    fields = [meta.get_field(name) for name in names]
    preparers = _preparers(fields)
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608 (names from the model)
        connection.ops.quote_name(meta.db_table),
        ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields),
        connection.ops.quote_name(meta.pk.column),
    )
    with connection.cursor() as cursor:
        for chunk in chunks(objects, 2000):
            rows = _rows(chunk, fields, preparers)
            cursor.executemany(sql, [[*row, obj.pk] for row, obj in zip(rows, chunk, strict=True)])


def _insert_rows(model, objects: list) -> None:
    """INSERT each object, as one executemany (without the per-value work of ``bulk_create``);
    the objects get no primary keys. Field defaults were set when the objects were made."""
    if not objects:
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    preparers = _preparers(fields)
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the model)
        connection.ops.quote_name(meta.db_table),
        ", ".join(connection.ops.quote_name(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: one stream of rows instead of a statement per row, several times faster.
            copy_sql = "COPY {} ({}) FROM STDIN".format(  # names from the model
                connection.ops.quote_name(meta.db_table),
                ", ".join(connection.ops.quote_name(f.column) for f in fields),
            )
            with cursor.cursor.copy(copy_sql) as copy:
                for chunk in chunks(objects, 2000):
                    for row in _rows(chunk, fields, preparers):
                        copy.write_row(row)
            return
        for chunk in chunks(objects, 2000):
            cursor.executemany(sql, _rows(chunk, fields, preparers))


def _insert_courses(courses: list[Course]) -> None:
    """Insert new courses and read back their primary keys by provider and course number."""
    _insert_rows(Course, courses)
    by_provider: dict[int, dict[str, Course]] = {}
    for course in courses:
        by_provider.setdefault(course.organisation_id, {})[course.external_id] = course
    for provider_id, numbered in by_provider.items():
        for chunk in chunks(list(numbered)):
            for number, pk in Course.objects.filter(
                organisation_id=provider_id, external_id__in=chunk
            ).values_list("external_id", "pk"):
                course = numbered[number]
                course.pk = pk
                course._state.adding = False


def _with_runs(entry: CourseEntry, plan: Plan) -> Course:
    """The entry's course with all its runs as if prefetched, from what the check loaded and
    the plan changed: the full-text entry lists the runs' cities, and reading the runs back
    would take longer than the rest of the write."""
    stored = plan.stored.runs_of.get(entry.course.pk, []) if plan.stored else []
    runs = {run.pk: run for run in stored}
    for item in entry.runs:
        runs[item.run.pk if not item.is_new else id(item)] = item.run
    queryset = CourseRun.objects.get_queryset()  # never run: it only carries the list
    # What prefetch_related() leaves on an object (QuerySet._result_cache, as Django's own
    # prefetch_one_level sets it).
    queryset._result_cache = list(runs.values())
    queryset._prefetch_done = True
    entry.course._prefetched_objects_cache = {"runs": queryset}
    return entry.course


def _check_versions(model, objects: list) -> None:
    for chunk in chunks(objects):
        stored = dict(
            model.objects.filter(pk__in=[o.pk for o in chunk]).values_list("pk", "version")
        )
        for obj in chunk:
            if stored.get(obj.pk) != obj.version:
                raise StaleData


COURSE_WRITE = [*columns.COURSE_ATTRS, "status", "published_at", "updated", "version"]
RUN_WRITE = [*dict.fromkeys([*columns.RUN_ATTRS, "version"])]


def write(
    plan: Plan,
    *,
    actor,
    action: str,
    obj=None,
    organisation: Organisation | None = None,
    programme=None,
    record_unchanged: bool = True,
) -> Counts:
    """Write the plan's courses and runs in one transaction (see the module docstring) with one
    audit entry ``action`` about ``obj`` (default: the first course). Raises StaleData, and
    writes nothing, if a course or run changed since the check."""
    entries = list(plan.courses.values())
    new_courses = [e.course for e in entries if e.is_new]
    changed_courses = [e.course for e in entries if not e.is_new and e.changed]
    new_runs = [r.run for e in entries for r in e.runs if r.is_new]
    changed_runs = [r.run for e in entries for r in e.runs if not r.is_new and r.changed]
    touched = [
        e for e in entries if e.is_new or e.changed or any(r.is_new or r.changed for r in e.runs)
    ]
    counts = Counts(len(new_courses), len(changed_courses), len(new_runs), len(changed_runs))
    now = timezone.now()
    with transaction.atomic():
        _check_versions(Course, changed_courses)
        _check_versions(CourseRun, changed_runs)
        _new_slugs(new_courses)
        for course in changed_courses:
            course.version += 1
        for course in [*new_courses, *changed_courses]:
            course.updated = now
        _insert_courses(new_courses)
        _update_rows(Course, changed_courses, COURSE_WRITE)
        for entry in entries:
            for item in entry.runs:
                item.run.course = entry.course  # the id of a course created just now
                item.run.provider_id = entry.course.organisation_id
        for run in changed_runs:
            run.version += 1
        # New runs go in with their search copies; the runs of changed courses get theirs
        # refreshed below.
        for chunk in chunks([e for e in entries if any(r.is_new for r in e.runs)]):
            course_copies = index.copies(Course.objects.filter(pk__in=[e.course.pk for e in chunk]))
            for entry in chunk:
                for item in entry.runs:
                    if item.is_new:
                        for name, value in course_copies[entry.course.pk].items():
                            setattr(item.run, name, value)
        _insert_rows(CourseRun, new_runs)
        _update_rows(CourseRun, changed_runs, RUN_WRITE)
        for chunk in chunks(touched):
            ids = [entry.course.pk for entry in chunk]
            # A change to its runs changes the course too, as in services.
            Course.objects.filter(pk__in=ids).update(updated=now)
            # The copies come from the course and its provider: a changed run keeps its own.
            if refresh := [e.course.pk for e in chunk if not e.is_new and e.changed]:
                index.refresh_runs(CourseRun.objects.filter(course_id__in=refresh))
            search.index_objects([_with_runs(entry, plan) for entry in chunk])
        if touched or record_unchanged:
            audit.record(
                actor=actor,
                action=action,
                obj=obj if obj is not None else (entries[0].course if entries else None),
                organisation=organisation,
                programme=programme,
                changes={
                    name: {"old": None, "new": value}
                    for name, value in {
                        **counts.as_dict(),
                        "rows": plan.rows,
                        "skipped_rows": len(plan.bad_rows),
                    }.items()
                },
            )
    return counts
