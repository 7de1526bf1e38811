"""Importing courses and runs from CSV or XLSX files; the same checks and writes serve the API.

The columns are described in ``import_columns.py``. An import goes in three steps:

1. ``import_files.read_table``: the file's header and its non-empty rows, as cells.
2. ``Checker.check``: every row is parsed and checked against what is stored: a course with the
   row's course number (per provider) is updated, otherwise created; a run with the row's run
   number (per course), or without a number the course's unnumbered run that starts the same
   day, is updated, otherwise created. Only the columns in the file change a stored course or
   run; an empty cell empties the field, except ``status`` (empty keeps it) and course columns
   on the later rows of a course (empty takes the first row's value, anything else must equal
   it). A row whose run columns are all empty describes the course alone. The model rules are
   the services' (``services.check_course`` / ``check_run``), so the forms, the import and the
   API agree. Every problem names row, column, value and reason; a row with a problem adds
   nothing to the plan.
3. ``import_writing.write``: everything in one transaction.

``run_job`` does all three for an ``ImportJob`` (the background task in ``tasks.py`` calls it);
``start_import`` stores an upload as a job and runs it at once when it is small, else enqueues it.
The API calls ``check_api_course`` and ``write`` for one course with its runs.

Progress: the check updates ``ImportJob.processed_rows`` every ``PROGRESS_EVERY`` rows, each in
its own tiny autocommitted UPDATE. The write is one transaction, so nothing it does is visible
outside until it commits (a second connection is not available to report from inside it, and
SQLite allows one writer at a time anyway); the job page shows "writing" without a number then.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import openpyxl
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.base import ModelState
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import IscedField

from . import import_columns as columns
from . import index, services
from .import_columns import COURSE, CellError
from .import_files import FileProblem, Table, file_kind, header_columns, read_table
from .import_writing import StaleData, chunks, write
from .models import Course, CourseRun, ImportJob

logger = logging.getLogger(__name__)
URL_VALIDATOR = CourseRun._meta.get_field("registration_url").validators[0]

# Files with fewer rows are checked and written within the upload's request.
INLINE_ROWS = 500
PROGRESS_EVERY = 1000
# Stored with the job and shown on its page; the count of bad rows is always complete.
MAX_REPORTED_PROBLEMS = 1000


@dataclass
class Problem:
    row: int  # the row number a spreadsheet shows (header: 1); in the API the run's index
    key: str  # the column key ("" for the whole row)
    column: str  # the column as the file names it
    value: str
    reason: str
    follow_up: bool = False  # only a consequence of a problem in an earlier row

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


# Checking -------------------------------------------------------------------------------------


@dataclass
class RunEntry:
    run: CourseRun
    row: int
    is_new: bool
    changed: bool


@dataclass
class CourseEntry:
    course: Course
    row: int  # the first row of the course
    is_new: bool
    changed: bool
    values: dict[str, Any]  # the parsed course columns of the first row
    runs: list[RunEntry] = field(default_factory=list)
    run_numbers: dict[str, int] = field(default_factory=dict)  # run number -> row
    run_dates: dict[datetime.date, int] = field(default_factory=dict)  # unnumbered -> row
    accepted_rows: int = 0


@dataclass
class Plan:
    """What the checked rows would write, and what is wrong with the others."""

    courses: dict[tuple[int, str], CourseEntry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    bad_rows: set[int] = field(default_factory=set)
    rows: int = 0
    stored: Stored | None = None  # what the check compared the rows with
    # The courses whose first row has errors in the course's columns: (that row, the course).
    failed_courses: dict[tuple[int, str], tuple[int, Course]] = field(default_factory=dict)

    def settle(self) -> Plan:
        """Forget courses none of whose rows was valid (their first row defined them)."""
        self.courses = {key: e for key, e in self.courses.items() if e.accepted_rows}
        return self

    @property
    def valid_rows(self) -> int:
        return self.rows - len(self.bad_rows)


@dataclass
class Stored:
    """The stored courses and runs the rows may update."""

    courses: dict[tuple[int, str], Course]
    runs_by_number: dict[tuple[int, str], CourseRun]
    runs_by_date: dict[tuple[int, datetime.date], CourseRun]
    runs_of: dict[int, list[CourseRun]] = field(default_factory=dict)  # by course id


def load_stored(keys: Iterable[tuple[int, str]]) -> Stored:
    """The stored courses with these (provider id, course number) keys, and their runs."""
    by_provider: dict[int, list[str]] = {}
    for provider_id, number in set(keys):
        by_provider.setdefault(provider_id, []).append(number)
    courses: dict[tuple[int, str], Course] = {}
    for provider_id, numbers in by_provider.items():
        for chunk in chunks(numbers):
            for course in Course.objects.filter(organisation_id=provider_id, external_id__in=chunk):
                courses[(provider_id, course.external_id)] = course
    runs_by_number: dict[tuple[int, str], CourseRun] = {}
    runs_by_date: dict[tuple[int, datetime.date], CourseRun] = {}
    runs_of: dict[int, list[CourseRun]] = {}
    for chunk in chunks([course.pk for course in courses.values()]):
        for run in CourseRun.objects.filter(course_id__in=chunk).order_by("pk"):
            if run.external_id:
                runs_by_number[(run.course_id, run.external_id)] = run
            else:
                runs_by_date.setdefault((run.course_id, run.start_date), run)
            runs_of.setdefault(run.course_id, []).append(run)
    return Stored(courses, runs_by_number, runs_by_date, runs_of)


def _set_run_values(run: CourseRun, values: dict[str, Any], course: Course) -> None:
    for key, value in values.items():
        if key == "funding":
            for code, (name, _labels) in columns.FUNDING.items():
                setattr(run, name, code in (value or ()))
        elif key == "online":
            run.online = value if value is not None else course.format == Course.Format.ONLINE
        elif key in columns.RUN_FIELDS:
            name = columns.RUN_FIELDS[key]
            setattr(run, name, value if value is not None or run_nullable(name) else "")


def run_nullable(name: str) -> bool:
    return CourseRun._meta.get_field(name).null


def course_nullable(name: str) -> bool:
    return Course._meta.get_field(name).null


def clone(obj):
    """A copy of a model instance that saves as a new row if ``obj`` was unsaved, or updates the
    same row: its field values and its own state (what ``copy.copy`` gives, faster)."""
    new = obj.__class__.__new__(obj.__class__)
    new.__dict__ = obj.__dict__.copy()
    state = ModelState()
    state.db, state.adding = obj._state.db, obj._state.adding
    state.fields_cache = dict(obj._state.fields_cache)
    new._state = state
    return new


def _same(before: dict[str, Any], obj, names: Iterable[str]) -> bool:
    return all(before[name] == getattr(obj, name) for name in names)


class Checker:
    """Checks rows for one provider (``provider``) or for a cluster (``programme``; each row
    names its provider, which must have a valid participation declaration in the cluster)."""

    def __init__(self, *, provider: Organisation | None = None, programme=None):
        if (provider is None) == (programme is None):
            raise ValueError("Check for a provider or for a cluster.")
        self.provider = provider
        self.programme = programme
        self.fields: dict[str, IscedField] = {f.code: f for f in IscedField.objects.all()}
        self.fields_by_id = {f.pk: f for f in self.fields.values()}
        if provider is not None:
            self.providers = {provider.slug: provider}
        else:
            self.providers = {
                organisation.slug: organisation
                for organisation in Organisation.objects.filter(
                    kind=Organisation.Kind.TRAINING_PROVIDER,
                    pk__in=index.valid_declarations()
                    .filter(programme=programme)
                    .values("organisation"),
                )
            }
        self.now = timezone.now()
        self.new_run = CourseRun(created=self.now)
        self.new_course = Course(status=Course.Status.DRAFT, created=self.now, updated=self.now)
        self.valid_urls: set[str] = set()

    # One row --------------------------------------------------------------------------------

    def _provider_of(self, cells: dict[str, Any], add) -> Organisation | None:
        slug = columns.as_text(cells.get("provider", ""))
        if self.provider is not None:
            if slug and slug != self.provider.slug:
                add(
                    "provider",
                    _("This file is imported for “%(slug)s”.") % {"slug": self.provider.slug},
                )
                return None
            return self.provider
        if not slug:
            add("provider", _("Name the provider (its address in the platform)."))
            return None
        provider = self.providers.get(slug)
        if provider is None:
            add(
                "provider",
                _(
                    "No training provider with this address has signed the cluster's "
                    "participation declaration."
                ),
            )
        return provider

    def _parse(self, cells: dict[str, Any], keys: Iterable[str], add) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key in keys:
            if key not in cells:
                continue
            raw = cells[key]
            if columns.is_empty(raw):
                values[key] = None
                continue
            try:
                value = columns.BY_KEY[key].parse(raw)
                if key == "field":
                    value = self._field(value)
            except CellError as error:
                add(key, error.message)
                continue
            values[key] = value
        return values

    def _field(self, code) -> IscedField:
        for candidate in code if isinstance(code, tuple) else (code,):
            if candidate in self.fields:
                return self.fields[candidate]
        raise CellError(_("There is no ISCED-F field with this code."))

    def _course(
        self, provider: Organisation, number: str, values: dict[str, Any], stored: Stored, add
    ) -> tuple[Course, bool, bool]:
        """The stored course (a copy) or a new one, with the row's values; checked."""
        existing = stored.courses.get((provider.pk, number))
        if existing is None:
            course = clone(self.new_course)
            course.organisation = provider
            course.external_id = number
            for key in ("title", "description", "field", "language", "format"):
                if values.get(key) is None:
                    add(key, _("Required for a new course."))
        else:
            course = clone(existing)
            course.organisation = provider
            if course.field_id in self.fields_by_id:  # spares the service a query
                course.field = self.fields_by_id[course.field_id]
        before = {name: getattr(course, name) for name in columns.COURSE_ATTRS}
        status_before = course.status
        for key, value in values.items():
            if key in ("course_number", "status"):
                continue
            name = columns.COURSE_FIELDS[key]
            if value is None and not course_nullable(name) and name != "field":
                value = Course.Certificate.NONE if name == "certificate" else ""
            setattr(course, name, value)
        if values.get("status"):
            course.status = values["status"]
            if course.status == Course.Status.PUBLISHED and status_before != course.status:
                course.published_at = self.now
        # The number is unique by construction (stored courses are updated), so the service
        # need not ask the database about it.
        course.external_id = ""
        for name, messages in services.check_course(course).items():
            add(columns.COLUMN_OF_FIELD[COURSE].get(name, name), messages[0])
        course.external_id = number
        changed = not _same(before, course, columns.COURSE_ATTRS) or course.status != status_before
        return course, existing is None, changed

    def _run(
        self,
        entry_course: Course,
        values: dict[str, Any],
        stored: Stored,
        entry: CourseEntry | None,
        add,
    ) -> tuple[CourseRun, bool, bool]:
        number = values.get("run_number") or ""
        existing = None
        if entry_course.pk:
            if number:
                existing = stored.runs_by_number.get((entry_course.pk, number))
            elif values.get("start_date"):
                existing = stored.runs_by_date.get((entry_course.pk, values["start_date"]))
        if entry is not None:
            if number and number in entry.run_numbers:
                add(
                    "run_number",
                    _("Row %(row)s has the same run number for this course.")
                    % {"row": entry.run_numbers[number]},
                )
            elif not number and values.get("start_date") in entry.run_dates:
                add(
                    "start_date",
                    _(
                        "Row %(row)s has a run of this course starting the same day; give the "
                        "runs run numbers."
                    )
                    % {"row": entry.run_dates[values["start_date"]]},
                )
        if existing is None:
            run = clone(self.new_run)  # a tenth of the time CourseRun() takes
            run.course_id = entry_course.pk  # the course itself is set when writing
            run.provider_id = entry_course.organisation_id
            for key in ("start_date", "end_date", "schedule"):
                if values.get(key) is None:
                    add(key, _("Required for a new run."))
            values = {"online": None, **values}
        else:
            run = clone(existing)
        before = {name: getattr(run, name) for name in columns.RUN_ATTRS}
        _set_run_values(run, values, entry_course)
        run.external_id = number if "run_number" in values or existing is None else run.external_id
        self._run_rules(run, entry_course.organisation, add)
        return run, existing is None, not _same(before, run, columns.RUN_ATTRS)

    def _run_rules(self, run: CourseRun, provider: Organisation, add) -> None:
        """The rules of ``services.check_run``, with its messages, for a run whose cells the
        columns' parsers have read already (lengths, choices, numbers): the service's full
        ``clean_fields`` on every row would take most of an import's time.
        test_importing.py checks that both refuse the same runs for the same reasons."""
        if run.start_date and run.end_date and run.end_date < run.start_date:
            add("end_date", _("The run cannot end before it starts."))
        if run.region and not regions.is_region_of(run.region, provider.country):
            add(
                "region",
                _("Choose a region of %(country)s.")
                % {"country": regions.country_name(provider.country)},
            )
        if not run.online:
            if not run.city.strip():
                add("city", _("Give the city, or mark the run as online."))
            if not run.region:
                add("region", _("Choose the region, or mark the run as online."))
        if run.registration_url and run.registration_url not in self.valid_urls:
            try:
                URL_VALIDATOR(run.registration_url)
            except ValidationError as error:
                add("registration_url", error.messages[0])
            else:
                self.valid_urls.add(run.registration_url)
        if run.contact_email:
            try:
                validate_email(run.contact_email)
            except ValidationError as error:
                add("contact_email", error.messages[0])
        if not (run.registration_url or run.contact_email or run.contact_phone.strip()):
            add(
                "registration_url",
                _("Give a registration link, a contact e-mail address or a telephone number."),
            )

    def check_row(
        self,
        plan: Plan,
        number: int,
        cells: dict[str, Any],
        stored: Stored,
        label: Callable[[str], str],
    ) -> None:
        """Check one row (``cells`` by column key, only the columns present) and add it to
        ``plan``, or its problems."""
        problems: list[Problem] = []
        seen: set[str] = set()

        def add(key: str, reason: str, follow_up: bool = False) -> None:
            if key in seen:
                return  # one reason per cell is enough
            seen.add(key)
            raw = cells.get(key, "")
            value = ", ".join(map(columns.as_text, raw)) if isinstance(raw, list) else raw
            problems.append(
                Problem(number, key, label(key), columns.as_text(value)[:100], reason, follow_up)
            )

        provider = self._provider_of(cells, add)
        course_number = columns.as_text(cells.get("course_number", ""))
        if not course_number:
            add("course_number", _("Every row needs the course number."))
        course_values = self._parse(cells, columns.COURSE_COLUMNS, add)
        run_values = self._parse(cells, columns.RUN_COLUMNS, add)
        has_run = any(
            not columns.is_empty(cells[key]) for key in columns.RUN_COLUMNS if key in cells
        )
        if provider is None or not course_number:
            self._reject(plan, number, problems)
            return
        key = (provider.pk, course_number)
        entry = plan.courses.get(key)
        if entry is None and key in plan.failed_courses:
            first_row, course = plan.failed_courses[key]
            add(
                "course_number",
                _("Row %(row)s, the first row of this course, has errors in the course's columns.")
                % {"row": first_row},
                follow_up=True,
            )
            if has_run:  # what else is wrong with the row
                self._run(course, run_values, stored, None, add)
            self._reject(plan, number, problems)
            return
        if entry is None:
            course, course_new, course_changed = self._course(
                provider, course_number, course_values, stored, add
            )
            if any(problem.key in columns.COURSE_COLUMNS for problem in problems):
                plan.failed_courses[key] = (number, course)
                if has_run:
                    self._run(course, run_values, stored, None, add)
                self._reject(plan, number, problems)
                return
            # The first row defines the course; it is written only if one of its rows is valid.
            entry = CourseEntry(
                course=course,
                row=number,
                is_new=course_new,
                changed=course_changed,
                values=course_values,
            )
            plan.courses[key] = entry
        else:
            for column, value in course_values.items():
                if value is not None and value != entry.values.get(column):
                    add(
                        column,
                        _("Differs from row %(row)s, the first row of this course.")
                        % {"row": entry.row},
                    )
        run = None
        if has_run:
            run, run_new, run_changed = self._run(entry.course, run_values, stored, entry, add)
        if problems:
            self._reject(plan, number, problems)
            return
        entry.accepted_rows += 1
        if run is not None:
            entry.runs.append(RunEntry(run=run, row=number, is_new=run_new, changed=run_changed))
            if run.external_id:
                entry.run_numbers[run.external_id] = number
            else:
                entry.run_dates[run.start_date] = number

    def _reject(self, plan: Plan, number: int, problems: list[Problem]) -> None:
        plan.bad_rows.add(number)
        plan.problems.extend(problems)

    # A whole table ---------------------------------------------------------------------------

    def check(
        self, table: Table, *, progress: Callable[[int], None] | None = None
    ) -> tuple[Plan, dict[str, int]]:
        positions = header_columns(table.headers, cluster=self.programme is not None)
        names = {
            key: columns.as_text(table.headers[position]) for key, position in positions.items()
        }
        names.setdefault("provider", "provider")

        def cells_of(cells: list[Any]) -> dict[str, Any]:
            return {
                key: cells[position] if position < len(cells) else None
                for key, position in positions.items()
            }

        keys = []
        for _number, cells in table.rows:
            values = cells_of(cells)
            provider = self._slug_provider(values)
            number = columns.as_text(values.get("course_number"))
            if provider is not None and number:
                keys.append((provider.pk, number))
        stored = load_stored(keys)
        plan = Plan(rows=len(table.rows), stored=stored)
        for done, (number, cells) in enumerate(table.rows, start=1):
            self.check_row(plan, number, cells_of(cells), stored, lambda key: names.get(key, key))
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done)
        return plan.settle(), positions

    def _slug_provider(self, values: dict[str, Any]) -> Organisation | None:
        if self.provider is not None:
            return self.provider
        return self.providers.get(columns.as_text(values.get("provider")))


# The API: one course with its runs -------------------------------------------------------------


def check_api_course(provider: Organisation, data: dict[str, Any]) -> tuple[Plan, dict]:
    """Check one course pushed through the API (``data``: the columns' keys, ``runs`` a list of
    objects with the run columns' keys). Fields left out keep their stored value. Returns the
    plan and the problems by path ("title", "runs.0.start_date")."""
    checker = Checker(provider=provider)
    course_cells = {key: data[key] for key in columns.COURSE_COLUMNS if key in data}
    runs = data.get("runs") or []
    number = columns.as_text(course_cells.get("course_number"))
    stored = load_stored([(provider.pk, number)] if number else [])
    plan = Plan(rows=max(1, len(runs)), stored=stored)
    rows = [{**course_cells, **run} for run in runs[:1]] or [course_cells]
    rows += [{"course_number": course_cells.get("course_number"), **run} for run in runs[1:]]
    for index_, cells in enumerate(rows):
        checker.check_row(plan, index_, cells, stored, lambda key: key)
    plan.settle()
    errors: dict[str, list[str]] = {}
    for problem in plan.problems:
        if problem.follow_up:
            continue
        path = problem.key
        if problem.key in columns.RUN_COLUMNS and runs:
            path = f"runs.{problem.row}.{problem.key}"
        errors.setdefault(path, []).append(problem.reason)
    return plan, errors


# Jobs -----------------------------------------------------------------------------------------


def _estimate_rows(upload: UploadedFile) -> int:
    upload.seek(0)
    try:
        if file_kind(upload.name) == "xlsx":
            workbook = openpyxl.load_workbook(upload, read_only=True)
            try:
                return (workbook.worksheets[0].max_row or INLINE_ROWS + 1) - 1
            finally:
                workbook.close()
        return sum(chunk.count(b"\n") for chunk in upload.chunks())
    except Exception:
        return INLINE_ROWS + 1  # let the background task report what is wrong
    finally:
        upload.seek(0)


def start_import(
    *,
    actor,
    upload: UploadedFile,
    mode: str,
    provider: Organisation | None = None,
    programme=None,
) -> ImportJob:
    """Store the uploaded file as an import of ``provider``'s courses (or of a cluster's, with a
    provider column) and run it: within this request when it is small, else in the background.
    The upload must have passed ``check_upload``."""
    job = ImportJob.objects.create(
        organisation=provider,
        programme=programme,
        file=upload,
        original_name=upload.name[:200],
        mode=mode,
        created_by=actor,
    )
    if _estimate_rows(upload) < INLINE_ROWS:
        run_job(job)
    else:
        from .tasks import run_import

        transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job


def _save(job: ImportJob, **values) -> None:
    values["updated"] = timezone.now()
    for name, value in values.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**values)


# A job waiting or running reports progress at least every 1,000 rows; the write of 100,000 rows
# takes well under a minute. One that has not moved for an hour has lost its worker (a restart,
# a crash): nothing of it was written, since the write is one transaction.
RUNNING = (
    ImportJob.Status.QUEUED,
    ImportJob.Status.CHECKING,
    ImportJob.Status.CHECKED,
    ImportJob.Status.WRITING,
)
STALLED_AFTER = datetime.timedelta(hours=1)


def give_up_stalled(jobs) -> int:
    """Mark the jobs among ``jobs`` (a queryset) that are waiting or running but have not moved
    for STALLED_AFTER as failed, with a reason in the uploader's language, so their page stops
    waiting and says to upload the file again. Returns how many."""
    stalled = jobs.filter(status__in=RUNNING, updated__lt=timezone.now() - STALLED_AFTER)
    count = 0
    for job in stalled.select_related("created_by"):
        language = getattr(job.created_by, "language", "") or translation.get_language()
        with translation.override(language):
            reason = _(
                "The import stopped without finishing, probably because the server was "
                "restarted. Nothing was written. Please upload the file again."
            )
        # Only if it is still stalled: a worker that woke up in the meantime keeps its job.
        given_up = ImportJob.objects.filter(
            pk=job.pk, status=job.status, updated=job.updated
        ).update(
            status=ImportJob.Status.FAILED,
            finished=timezone.now(),
            updated=timezone.now(),
            errors=[{"row": 0, "column": "", "value": "", "reason": reason}],
        )
        if given_up:
            logger.warning("Course import %s stalled in %s and was given up", job.pk, job.status)
        count += given_up
    return count


def run_job(job: ImportJob) -> ImportJob:
    """Check the job's file and write it (see the module docstring); the reasons are in the
    language of the person who uploaded it."""
    language = getattr(job.created_by, "language", "") or translation.get_language()
    with translation.override(language):
        try:
            _run_job(job)
        except Exception:
            logger.exception("Course import %s failed", job.pk)
            _save(
                job,
                status=ImportJob.Status.FAILED,
                finished=timezone.now(),
                errors=[
                    {
                        "row": 0,
                        "column": "",
                        "value": "",
                        "reason": _(
                            "The import failed because of an error on our side. Nothing was "
                            "written. Please try again later."
                        ),
                    }
                ],
            )
    return job


def _run_job(job: ImportJob) -> None:
    _save(job, status=ImportJob.Status.CHECKING, processed_rows=0, errors=[])
    checker = (
        Checker(provider=job.organisation)
        if job.organisation_id
        else Checker(programme=job.programme)
    )
    try:
        with job.file.open("rb") as handle:
            table = read_table(handle, job.original_name)
        _save(job, total_rows=len(table.rows))
        plan, _positions = checker.check(
            table, progress=lambda done: _save(job, processed_rows=done)
        )
    except FileProblem as problem:
        _save(
            job,
            status=ImportJob.Status.INVALID,
            finished=timezone.now(),
            errors=[{"row": 1, "column": problem.column, "value": "", "reason": problem.message}],
        )
        return
    errors = [p.as_dict() for p in plan.problems[:MAX_REPORTED_PROBLEMS]]
    _save(job, processed_rows=plan.rows, errors=errors, skipped_rows=len(plan.bad_rows))
    if plan.bad_rows and (job.mode == ImportJob.Mode.ALL_OR_NOTHING or not plan.valid_rows):
        _save(job, status=ImportJob.Status.INVALID, finished=timezone.now())
        return
    _save(job, status=ImportJob.Status.WRITING)
    try:
        counts = write(
            plan,
            actor=job.created_by,
            action="courses.imported",
            obj=job,
            organisation=job.organisation,
            programme=job.programme,
        )
    except StaleData:
        _save(
            job,
            status=ImportJob.Status.FAILED,
            finished=timezone.now(),
            errors=[
                *errors,
                {
                    "row": 0,
                    "column": "",
                    "value": "",
                    "reason": _(
                        "Some of these courses were changed while the file was checked. Nothing "
                        "was written: upload the file again."
                    ),
                },
            ],
        )
        return
    _save(job, status=ImportJob.Status.DONE, finished=timezone.now(), **counts.as_dict())
