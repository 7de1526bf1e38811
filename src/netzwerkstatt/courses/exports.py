"""Open data: the public course runs as CSV, XLSX and JSON-LD, the whole database or what a search
or one provider offers. One row per run, with its course's and provider's columns; codes rather
than labels (ISCED-F code, ISO 3166-2 region, ISO 639-1 language, certificate and schedule codes),
so a file reads the same whatever the interface language.

Large exports never sit in memory: the runs are read in chunks (``iterator``); CSV and JSON-LD
are streamed as they are written, the XLSX workbook is written row by row (openpyxl's write-only
mode) into a temporary file that is then streamed.
"""

from __future__ import annotations

import csv
import datetime
import itertools
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from netzwerkstatt.practices.catalogue_data import formula_safe

from . import jsonld
from .models import CourseRun

CHUNK = 1000
FORMATS = ("csv", "xlsx", "jsonld")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

COLUMNS = (
    "course_url",
    "run_id",
    "run_number",
    "course_number",
    "title",
    "provider",
    "provider_url",
    "field",
    "eqf_level",
    "certificate",
    "certificate_name",
    "language",
    "format",
    "start_date",
    "end_date",
    "schedule",
    "times",
    "hours",
    "online",
    "venue",
    "street",
    "postal_code",
    "city",
    "region",
    "price_eur",
    "price_note",
    "seats",
    "funding_voucher",
    "funding_upgrading_grant",
    "funding_educational_leave",
    "funding_employer",
    "registration_url",
    "contact_email",
    "contact_phone",
    "accessibility",
    "quality_label_until",
)

BuildUri = Callable[[str], str]


def export_runs(runs: QuerySet[CourseRun]) -> QuerySet[CourseRun]:
    return runs.select_related("course__field", "course__organisation", "provider")


def rows(runs: Iterable[CourseRun], build_uri: BuildUri, today: datetime.date) -> Iterator[list]:
    """One list of typed values per run (dates, numbers, booleans), in ``COLUMNS`` order."""
    for run in runs:
        course = run.course
        yield [
            build_uri(course.get_absolute_url()),
            run.pk,
            run.external_id,
            course.external_id,
            course.title,
            run.provider.name,
            build_uri(reverse("courses:provider", kwargs={"slug": run.provider.slug})),
            course.field.code,
            course.eqf_level,
            course.certificate,
            course.certificate_name,
            course.language,
            course.format,
            run.start_date,
            run.end_date,
            run.schedule,
            run.schedule_note,
            run.hours,
            run.online,
            run.venue,
            run.street,
            run.postal_code,
            run.city,
            run.region,
            run.price,
            run.price_note,
            run.seats,
            run.funding_voucher,
            run.funding_upgrading_grant,
            run.funding_educational_leave,
            run.funding_employer,
            run.registration_url,
            run.contact_email,
            run.contact_phone,
            run.accessibility,
            run.label_until if run.label_until and run.label_until >= today else None,
        ]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class _Echo:
    def write(self, value):
        return value


def csv_response(runs, build_uri: BuildUri, today: datetime.date, filename: str):
    """UTF-8 with a byte-order mark (spreadsheets then read the accents); every text cell safe
    from being read as a formula."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"
        yield writer.writerow(COLUMNS)
        for row in rows(runs.iterator(chunk_size=CHUNK), build_uri, today):
            yield writer.writerow([formula_safe(_text(value)) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(runs, build_uri: BuildUri, today: datetime.date, filename: str):
    """Typed cells (dates, numbers, booleans); text is always stored as text, so a value that
    starts with "=" never becomes a formula."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("courses")
    sheet.append(COLUMNS)
    for row in rows(runs.iterator(chunk_size=CHUNK), build_uri, today):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            elif isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    file = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX)


def jsonld_response(runs, build_uri: BuildUri, today: datetime.date, filename: str):
    """One ``@graph`` of ``Course``s, each with the exported runs as ``hasCourseInstance``
    (the runs are read course by course for that)."""
    ordered = runs.order_by("course_id", "start_date", "pk").iterator(chunk_size=CHUNK)

    def chunks():
        yield '{"@context": "https://schema.org", "@graph": ['
        for number, (_course_id, group) in enumerate(
            itertools.groupby(ordered, key=lambda run: run.course_id)
        ):
            course_runs = list(group)
            item = jsonld.course(course_runs[0].course, course_runs, build_uri)
            text = json.dumps(item, cls=DjangoJSONEncoder, ensure_ascii=False)
            yield ("," if number else "") + text
        yield "]}"

    response = StreamingHttpResponse(chunks(), content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.jsonld"'
    return response


def response(fmt: str, runs: QuerySet[CourseRun], build_uri: BuildUri, *, filename: str):
    today = timezone.localdate()
    handler = {"csv": csv_response, "xlsx": xlsx_response, "jsonld": jsonld_response}[fmt]
    return handler(export_runs(runs), build_uri, today, filename)
