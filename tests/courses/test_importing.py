"""The course import: reading CSV and XLSX, checking every row against what is stored, writing
all at once (or only the valid rows, when chosen), the job's progress and the task."""

import datetime
import decimal
import re
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from netzwerkstatt.core import search
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import import_columns as columns
from netzwerkstatt.courses import importing, index, services
from netzwerkstatt.courses.import_files import FileProblem, read_table
from netzwerkstatt.courses.import_writing import StaleData, write
from netzwerkstatt.courses.models import Course, CourseRun, ImportJob
from netzwerkstatt.courses.tasks import run_import
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    DeclarationFactory,
    DeclarationTextFactory,
    ProviderFactory,
    listed_provider,
)
from tests.courses.factories_import import (
    csv_bytes,
    generated_rows,
    run_file,
    sample,
    upload,
    xlsx_bytes,
)
from tests.factories import MembershipFactory

DOCS = Path(__file__).resolve().parents[2] / "docs" / "course-import.md"
FIRST_ROW_WRONG = "Row 2, the first row of this course, has errors in the course's columns."
REGISTRATION = "Give a registration link, a contact e-mail address or a telephone number."


@pytest.fixture
def provider(db):
    return listed_provider(name="Bildungswerk Schwerin", slug="bildungswerk-schwerin")


def counts(job: ImportJob) -> tuple:
    return (
        job.created_courses,
        job.updated_courses,
        job.created_runs,
        job.updated_runs,
        job.skipped_rows,
    )


# One bad row ---------------------------------------------------------------------------------


def test_a_file_with_one_bad_row_names_row_column_and_reason_and_writes_nothing(provider):
    job = run_file("kurse.csv", sample("kurse_fehler.csv"), provider=provider)

    assert job.status == ImportJob.Status.INVALID
    assert job.errors == [
        {
            "row": 4,
            "column": "beginn",
            "value": "31.02.2031",
            "reason": "Not a date: write 2026-03-01 or 01.03.2026.",
        }
    ]
    assert (job.total_rows, job.processed_rows, job.skipped_rows) == (4, 4, 1)
    assert (Course.objects.count(), CourseRun.objects.count()) == (0, 0)
    assert not AuditEntry.objects.filter(action="courses.imported").exists()
    assert job.finished is not None


def test_the_fixed_file_is_imported_with_its_rows_listed_and_searchable(provider):
    job = run_file("kurse.csv", sample("kurse.csv"), provider=provider)

    assert job.status == ImportJob.Status.DONE
    assert counts(job) == (3, 0, 4, 0, 0)
    assert job.errors == []
    fachwirtin = Course.objects.get(external_id="WB-100")
    assert (fachwirtin.title, fachwirtin.field.code, fachwirtin.eqf_level) == (
        "Geprüfte Fachwirtin für Büro- und Projektorganisation",
        "0413",
        6,
    )
    assert fachwirtin.learning_outcomes == "Projekte planen\nBudgets überwachen"
    assert (fachwirtin.certificate, fachwirtin.status) == ("chamber", "published")
    assert fachwirtin.published_at is not None
    assert fachwirtin.slug == "geprufte-fachwirtin-fur-buro-und-projektorganisation"
    runs = {run.external_id: run for run in fachwirtin.runs.all()}
    assert set(runs) == {"WB-100-H", "WB-100-F"}
    part_time = runs["WB-100-H"]
    assert (part_time.start_date, part_time.end_date) == (
        datetime.date(2031, 9, 7),
        datetime.date(2032, 6, 25),
    )
    assert (part_time.schedule, part_time.schedule_note, part_time.hours) == (
        "part_time",
        "Mo und Mi 18:00–21:15",
        480,
    )
    assert (part_time.price, part_time.seats, part_time.postal_code) == (
        decimal.Decimal("1490.00"),
        18,
        "19053",
    )
    assert (part_time.funding_upgrading_grant, part_time.funding_educational_leave) == (
        True,
        True,
    )
    assert not part_time.funding_voucher
    # The search copies: published courses of a listed provider are listed, the draft is not.
    assert sorted(
        index.public_runs().values_list("course__external_id", "provider__slug", "field_broad")
    ) == [
        ("WB-100", "bildungswerk-schwerin", "04"),
        ("WB-100", "bildungswerk-schwerin", "04"),
        ("WB-200", "bildungswerk-schwerin", "07"),
    ]
    assert CourseRun.objects.get(course__external_id="WB-300").listed is False
    # The full-text index finds word forms of the courses and the cities of their runs.
    found = search.search(Course.objects.all(), "Schweißen Wismar")
    assert [course.external_id for course in found] == ["WB-200"]
    assert [
        c.external_id for c in search.search(Course.objects.all(), "Aufstiegsfortbildungen")
    ] == ["WB-100"]
    # One audit entry for the whole import, with its counts.
    entry = AuditEntry.objects.get(action="courses.imported")
    assert entry.object_repr == "kurse.csv"
    assert entry.organisation == provider
    assert entry.changes["created_runs"] == {"old": None, "new": 4}


def test_only_the_valid_rows_are_written_when_the_person_chose_so(provider):
    job = run_file("kurse.csv", sample("kurse_fehler.csv"), provider=provider, mode="valid")

    assert job.status == ImportJob.Status.DONE
    assert counts(job) == (2, 0, 3, 0, 1)
    assert [e["row"] for e in job.errors] == [4]
    assert sorted(Course.objects.values_list("external_id", flat=True)) == ["WB-100", "WB-300"]


def test_a_file_without_a_single_valid_row_writes_nothing_in_either_mode(provider):
    rows = [["course_number", "title"], ["X-1", "Ohne alles"]]

    job = run_file("x.csv", csv_bytes(rows), provider=provider, mode="valid")

    assert job.status == ImportJob.Status.INVALID
    assert {(e["row"], e["column"]) for e in job.errors} == {
        (2, "description"),
        (2, "field"),
        (2, "language"),
        (2, "format"),
    }
    assert Course.objects.count() == 0


# Formats ---------------------------------------------------------------------------------------


def test_an_english_csv_with_commas_without_bom_is_read(provider):
    job = run_file("courses.csv", sample("courses.csv"), provider=provider)

    assert job.status == ImportJob.Status.DONE, job.errors
    assert counts(job) == (2, 0, 3, 0, 0)
    prices = dict(CourseRun.objects.values_list("external_id", "price"))
    assert prices == {
        "EN-1-A": decimal.Decimal("1490.00"),
        "EN-1-B": decimal.Decimal("1590.00"),
        "": decimal.Decimal("990.00"),
    }
    first = CourseRun.objects.get(external_id="EN-1-A")
    assert (first.funding_voucher, first.funding_employer) == (True, True)
    italian = Course.objects.get(external_id="EN-2")
    assert (italian.language, italian.certificate, italian.format) == ("it", "vendor", "blended")
    assert CourseRun.objects.get(course=italian).online is False  # empty: not an online course
    assert [c.external_id for c in search.search(Course.objects.all(), "saldature")] == ["EN-2"]


def test_an_xlsx_file_with_typed_cells_and_an_empty_row_is_read(provider):
    rows = [
        ["Kursnummer", "Titel", "Beschreibung", "Bildungsfeld", "Sprache", "Lernform"]
        + ["Beginn", "Ende", "Zeitmodell", "Online", "Preis", "Stunden", "Anmeldelink", "PLZ"]
        + ["Ort", "Region"],
        ["X-1", "Gabelstapler", "Fahrausweis nach DGUV.", 413, "de", "Präsenz"]
        + [datetime.datetime(2031, 3, 2), datetime.date(2031, 3, 4), "Vollzeit", False, 249.5]
        + [24, "www.bildung.example.org/stapler", 1067, "Schwerin", "DE-MV"],
        ["X-1", None, None, None, None, None]
        + ["2031-09-07", "09.09.2031", "Vollzeit", 0, "249,50", 24.0]
        + ["www.bildung.example.org/stapler", "19053", "Schwerin", "de-mv"],
    ]

    job = run_file("kurse.xlsx", xlsx_bytes(rows, blank_rows_after=2), provider=provider)

    assert job.status == ImportJob.Status.DONE, job.errors
    course = Course.objects.get()
    assert (course.field.code, course.format, course.title) == ("0413", "in_person", "Gabelstapler")
    assert list(
        course.runs.order_by("start_date").values_list(
            "start_date", "end_date", "price", "hours", "postal_code", "registration_url"
        )
    ) == [
        (
            datetime.date(2031, 3, 2),
            datetime.date(2031, 3, 4),
            decimal.Decimal("249.50"),
            24,
            "01067",
            "https://www.bildung.example.org/stapler",
        ),
        (
            datetime.date(2031, 9, 7),
            datetime.date(2031, 9, 9),
            decimal.Decimal("249.50"),
            24,
            "19053",
            "https://www.bildung.example.org/stapler",
        ),
    ]


def test_rows_of_an_xlsx_file_keep_their_spreadsheet_numbers_across_empty_rows(provider):
    rows = generated_rows(3)
    rows[3][8] = "morgen"  # the third data row, row 5 in the sheet below an empty row 3

    job = run_file("kurse.xlsx", xlsx_bytes(rows, blank_rows_after=2), provider=provider)

    assert [(e["row"], e["column"], e["value"]) for e in job.errors] == [
        (5, "start_date", "morgen")
    ]


def test_a_windows_csv_of_german_excel_is_read(provider):
    rows = [
        ["Kursnummer", "Titel", "Beschreibung", "Bildungsfeld", "Sprache", "Lernform"],
        ["W-1", "Büroorganisation für Quereinsteigende", "Grundlagen.", "0413", "de", "online"],
    ]
    content = "\r\n".join(";".join(row) for row in rows).encode("cp1252")

    job = run_file("kurse.csv", content, provider=provider)

    assert job.status == ImportJob.Status.DONE, job.errors
    assert Course.objects.get().title == "Büroorganisation für Quereinsteigende"
    assert CourseRun.objects.count() == 0  # a row without run columns describes the course


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("1.490,00", "1490.00"),
        ("1490.00", "1490.00"),
        ("1490", "1490.00"),
        ("1,490.50", "1490.50"),
        ("1490,5", "1490.50"),
        ("€ 12.490,00", "12490.00"),
        ("2.150 EUR", None),  # one reads 2150, another 2.15
        ("1,490", None),
        ("kostenlos", None),
        ("-5", None),
        (0, "0.00"),
        (249.5, "249.50"),
    ],
)
def test_prices_are_read_in_german_and_english_notation(cell, expected):
    if expected is None:
        with pytest.raises(columns.CellError):
            columns.price(cell)
    else:
        assert columns.price(cell) == decimal.Decimal(expected)


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("2026-03-01", datetime.date(2026, 3, 1)),
        ("01.03.2026", datetime.date(2026, 3, 1)),
        ("1.3.2026", datetime.date(2026, 3, 1)),
        ("2026-03-01T00:00:00", datetime.date(2026, 3, 1)),
        ("31.02.2026", None),
        ("03/01/2026", None),
    ],
)
def test_dates_are_read_in_iso_and_german_notation(cell, expected):
    if expected is None:
        with pytest.raises(columns.CellError):
            columns.date(cell)
    else:
        assert columns.date(cell) == expected


def test_labels_in_english_and_german_are_understood():
    certificate = columns.BY_KEY["certificate"].parse
    schedule = columns.BY_KEY["schedule"].parse
    assert [certificate(v) for v in ("Kammerprüfung", "chamber", "Teilnahmebescheinigung")] == [
        "chamber",
        "chamber",
        "attendance",
    ]
    assert [schedule(v) for v in ("Teilzeit", "part-time", "evenings", "Wochenende")] == [
        "part_time",
        "part_time",
        "evenings",
        "weekends",
    ]
    assert columns.funding("Bildungsgutschein; Aufstiegs-BAföG") == ("voucher", "upgrading_grant")
    assert [columns.yes_no(v) for v in ("ja", "sì", "1", "nein", "no", "0")] == [
        True, True, True, False, False, False,
    ]  # fmt: skip
    with pytest.raises(columns.CellError, match="Use one of: none, attendance"):
        certificate("Diplom")


def test_headers_are_read_in_english_and_german_in_any_spelling():
    assert [
        columns.column_for_header(h)
        for h in ("Kursnummer", "COURSE NUMBER", "Straße", "EQR-Niveau", "Kontakt-E-Mail", "x")
    ] == ["course_number", "course_number", "street", "eqf_level", "contact_email", None]


# The header ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, column, reason",
    [
        (["kursnummer", "notizen"], "notizen", "“notizen” is not a column of the course import."),
        (["titel", "beginn"], "course_number", "The file needs the column “course_number”"),
        (["kursnummer", "titel", "Title"], "Title", "The column “Title” appears twice."),
    ],
)
def test_a_header_with_an_unknown_missing_or_repeated_column_stops_the_import(
    provider, header, column, reason
):
    job = run_file("x.csv", csv_bytes([header, ["1"] * len(header)]), provider=provider)

    assert job.status == ImportJob.Status.INVALID
    [problem] = job.errors
    assert (problem["row"], problem["column"]) == (1, column)
    assert problem["reason"].startswith(reason)


def test_an_empty_file_or_one_of_another_type_is_refused_as_a_whole(provider):
    assert run_file("x.csv", b"kursnummer;titel\r\n", provider=provider).errors[0]["reason"] == (
        "The file has no rows below its header."
    )
    job = run_file("x.xlsx", b"PK\x03\x04 not really", provider=provider)
    assert job.errors[0]["reason"] == "This spreadsheet cannot be read. Save it as .xlsx again."


# Courses and their runs ------------------------------------------------------------------------


def test_the_course_columns_of_later_rows_must_match_the_first_row(provider):
    content = (
        sample("kurse.csv")
        .decode("utf-8-sig")
        .replace(";;;;;;;;;;;;;WB-100-F", ";;;;;;;;;;en;;;WB-100-F")
    )

    job = run_file("kurse.csv", content.encode(), provider=provider)

    assert job.errors == [
        {
            "row": 3,
            "column": "sprache",
            "value": "en",
            "reason": "Differs from row 2, the first row of this course.",
        }
    ]


def test_the_later_rows_of_a_course_whose_first_row_is_wrong_say_so(provider):
    rows = generated_rows(2)
    rows[1][5] = "präsenz und online"
    rows[2][8] = "morgen"

    job = run_file("g.csv", csv_bytes(rows), provider=provider, mode="valid")

    assert [(e["row"], e["column"], e["reason"]) for e in job.errors] == [
        (2, "format", "Use one of: in_person, online, blended."),
        (3, "start_date", "Not a date: write 2026-03-01 or 01.03.2026."),
        (3, "course_number", FIRST_ROW_WRONG),
    ]
    assert (job.status, Course.objects.count()) == (ImportJob.Status.INVALID, 0)


def test_a_course_whose_rows_are_all_skipped_is_not_created(provider):
    rows = generated_rows(2, runs_per_course=1)
    rows[1][8] = "morgen"

    job = run_file("g.csv", csv_bytes(rows), provider=provider, mode="valid")

    assert counts(job) == (1, 0, 1, 0, 1)
    assert list(Course.objects.values_list("external_id", flat=True)) == ["G-1"]


def test_a_run_number_twice_in_a_course_is_refused(provider):
    rows = generated_rows(2)
    rows[2][7] = rows[1][7]

    job = run_file("g.csv", csv_bytes(rows), provider=provider)

    assert [(e["row"], e["column"], e["reason"]) for e in job.errors] == [
        (3, "run_number", "Row 2 has the same run number for this course.")
    ]


def test_the_services_rules_apply_to_every_row(provider):
    rows = generated_rows(3, runs_per_course=1)
    rows[1][14] = "IT-21"  # a region of another country than the provider's
    rows[2][9] = "2030-01-01"  # ends before it starts
    rows[3][17] = ""  # no way to register
    rows[3][3] = "04"  # a broad field

    job = run_file("g.csv", csv_bytes(rows), provider=provider, mode="valid")

    assert [(e["row"], e["column"], e["reason"]) for e in job.errors] == [
        (2, "region", "Choose a region of Germany."),
        (3, "end_date", "The run cannot end before it starts."),
        (4, "field", "Choose a narrow or a detailed field, not a broad one."),
        (4, "registration_url", REGISTRATION),
    ]
    assert job.status == ImportJob.Status.INVALID  # no row is valid


def test_a_provider_column_naming_another_provider_is_refused(provider):
    rows = [["anbieter", *generated_rows(1)[0]], ["someone-else", *generated_rows(1)[1]]]

    job = run_file("g.csv", csv_bytes(rows), provider=provider)

    assert job.errors[0]["column"] == "anbieter"
    assert job.errors[0]["reason"] == "This file is imported for “bildungswerk-schwerin”."


# Importing again -------------------------------------------------------------------------------


def test_importing_again_updates_instead_of_duplicating(provider):
    run_file("kurse.csv", sample("kurse.csv"), provider=provider)
    before = {run.external_id or run.start_date: run.version for run in CourseRun.objects.all()}
    changed = (
        sample("kurse.csv")
        .decode("utf-8-sig")
        .replace("2.150,00", "2.250,00")  # a numbered run
        .replace("3.400,00", "3.300,00")  # the unnumbered run, found by its start date
        .replace("Excel für Controlling", "Excel im Controlling")
    )

    job = run_file("kurse.csv", changed.encode(), provider=provider)

    assert counts(job) == (0, 1, 0, 2, 0)
    assert (Course.objects.count(), CourseRun.objects.count()) == (3, 4)
    assert CourseRun.objects.get(external_id="WB-100-F").price == decimal.Decimal("2250.00")
    assert CourseRun.objects.get(course__external_id="WB-200").price == decimal.Decimal("3300.00")
    after = {run.external_id or run.start_date: run.version for run in CourseRun.objects.all()}
    assert after == {
        **before,
        "WB-100-F": before["WB-100-F"] + 1,
        datetime.date(2031, 10, 14): 2,
    }
    controlling = Course.objects.get(external_id="WB-300")
    assert (controlling.title, controlling.version) == ("Excel im Controlling", 2)
    assert controlling.slug == "excel-fur-controlling"  # the address stays

    again = run_file("kurse.csv", changed.encode(), provider=provider)

    assert counts(again) == (0, 0, 0, 0, 0)
    assert AuditEntry.objects.filter(action="courses.imported").count() == 3


def test_columns_left_out_keep_what_is_stored_and_an_empty_status_keeps_the_status(provider):
    run_file("kurse.csv", sample("kurse.csv"), provider=provider)
    rows = [["kursnummer", "terminnummer", "preis", "status"], ["WB-100", "WB-100-H", "", ""]]

    job = run_file("preise.csv", csv_bytes(rows), provider=provider)

    assert counts(job) == (0, 0, 0, 1, 0)
    run = CourseRun.objects.get(external_id="WB-100-H")
    assert run.price is None  # an empty cell empties the field: the price is on request
    assert (run.city, run.hours, run.funding_upgrading_grant) == ("Schwerin", 480, True)
    assert Course.objects.get(external_id="WB-100").status == "published"


def test_a_new_course_needs_its_required_columns(provider):
    rows = [["kursnummer", "terminnummer", "preis"], ["NEU-1", "NEU-1-A", "100"]]

    job = run_file("neu.csv", csv_bytes(rows), provider=provider)

    assert [(e["column"], e["reason"]) for e in job.errors] == [
        ("title", "Required for a new course."),
        ("description", "Required for a new course."),
        ("field", "Required for a new course."),
        ("language", "Required for a new course."),
        ("format", "Required for a new course."),
        ("start_date", "Required for a new run."),
        ("end_date", "Required for a new run."),
        ("schedule", "Required for a new run."),
        ("city", "Give the city, or mark the run as online."),
        ("region", "Choose the region, or mark the run as online."),
        ("registration_url", REGISTRATION),
    ]


def test_unpublished_is_a_status_and_takes_the_runs_out_of_the_public_database(provider):
    run_file("kurse.csv", sample("kurse.csv"), provider=provider)
    rows = [["kursnummer", "status"], ["WB-200", "zurückgezogen"]]

    job = run_file("status.csv", csv_bytes(rows), provider=provider)

    assert counts(job) == (0, 1, 0, 0, 0)
    assert CourseRun.objects.get(course__external_id="WB-200").listed is False


def test_a_change_between_check_and_write_stops_the_write(provider):
    course = CourseFactory(organisation=provider, external_id="WB-100", title="Alt")
    CourseRunFactory(course=course, external_id="WB-100-H")
    table = read_table(upload("kurse.csv").open("rb"), "kurse.csv")
    plan, _positions = importing.Checker(provider=provider).check(table)
    services.update_course(
        actor=None, course=course, data={"title": "Neu"}, expected_version=course.version
    )

    with pytest.raises(StaleData):
        write(plan, actor=None, action="courses.imported")

    assert list(Course.objects.values_list("title", flat=True)) == ["Neu"]
    assert CourseRun.objects.count() == 1


# The cluster's import --------------------------------------------------------------------------


def test_a_coordinator_imports_for_the_cluster_s_providers_named_in_a_column(db):
    text = DeclarationTextFactory()
    cluster = text.programme
    listed_provider(cluster, slug="erster-anbieter")
    listed_provider(cluster, slug="zweiter-anbieter")
    elsewhere = listed_provider(slug="anderer-cluster")  # signed another cluster's declaration
    revoked = DeclarationFactory(
        text=text, organisation=ProviderFactory(slug="widerrufen"), revoked_at=timezone.now()
    ).organisation
    rows = generated_rows(5, runs_per_course=1)
    rows = [["provider", *rows[0]]] + [
        [slug, *row]
        for slug, row in zip(
            ["erster-anbieter", "zweiter-anbieter", "anderer-cluster", "widerrufen", ""],
            rows[1:],
            strict=True,
        )
    ]

    job = run_file("cluster.csv", csv_bytes(rows), programme=cluster, mode="valid")

    assert job.status == ImportJob.Status.DONE
    assert counts(job) == (2, 0, 2, 0, 3)
    assert [(e["row"], e["column"], e["value"]) for e in job.errors] == [
        (4, "provider", "anderer-cluster"),
        (5, "provider", "widerrufen"),
        (6, "provider", ""),
    ]
    assert sorted(Course.objects.values_list("organisation__slug", "external_id")) == [
        ("erster-anbieter", "G-0"),
        ("zweiter-anbieter", "G-1"),
    ]
    assert not Course.objects.filter(organisation__in=[elsewhere, revoked]).exists()
    entry = AuditEntry.objects.get(action="courses.imported")
    assert (entry.programme, entry.organisation) == (cluster, None)


def test_a_cluster_file_needs_the_provider_column(db):
    cluster = DeclarationTextFactory().programme

    job = run_file("g.csv", csv_bytes(generated_rows(1)), programme=cluster)

    assert job.errors[0]["reason"] == (
        "A cluster's import needs the column “provider” (German: “anbieter”)."
    )


# Jobs, progress and the task -------------------------------------------------------------------


def test_the_check_reports_its_progress_every_thousand_rows(provider):
    table = read_table(SimpleUploadedFile("g.csv", csv_bytes(generated_rows(2500))), "g.csv")
    reported = []

    importing.Checker(provider=provider).check(table, progress=reported.append)

    assert reported == [1000, 2000]


def test_a_large_upload_runs_as_a_task_through_the_task_framework(
    provider, django_capture_on_commit_callbacks
):
    person = MembershipFactory(organisation=provider).user
    content = csv_bytes(generated_rows(600))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = importing.start_import(
            actor=person,
            upload=SimpleUploadedFile("gross.csv", content),
            mode="all",
            provider=provider,
        )
        assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.QUEUED

    assert len(callbacks) == 1
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.total_rows, job.processed_rows) == (600, 600)
    assert counts(job) == (150, 0, 600, 0, 0)
    assert job.created_by == person


def test_a_small_upload_runs_within_the_request(provider):
    job = importing.start_import(
        actor=None, upload=upload("kurse.csv"), mode="all", provider=provider
    )

    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.DONE
    assert Course.objects.count() == 3


def test_the_task_runs_a_queued_job_once(provider):
    job = ImportJob.objects.create(
        organisation=provider,
        file=upload("kurse.csv"),
        original_name="kurse.csv",
    )

    result = run_import.enqueue(job.pk)

    assert result.return_value == "done"
    assert run_import.enqueue(job.pk).return_value == "done"
    assert CourseRun.objects.count() == 4


def test_the_reasons_are_in_the_language_of_the_person_who_uploaded(provider):
    person = MembershipFactory(organisation=provider, user__language="de").user

    job = run_file("kurse.csv", sample("kurse_fehler.csv"), provider=provider, actor=person)

    with translation.override("de"):
        expected = translation.gettext("Not a date: write 2026-03-01 or 01.03.2026.")
    assert job.errors[0]["reason"] == expected


# The documentation -----------------------------------------------------------------------------


def test_the_documented_table_is_the_column_specification():
    text = DOCS.read_text()
    generated = re.search(
        r"<!-- columns:start -->\n(.*)<!-- columns:end -->", text, flags=re.DOTALL
    )
    with translation.override("en"):
        expected = columns.markdown_table()

    assert generated is not None
    assert generated.group(1) == expected, (
        "Regenerate the table in docs/course-import.md: DEBUG=true .venv/bin/python manage.py "
        'shell -c "from netzwerkstatt.courses import import_columns as c; c.write_docs()"'
    )


def test_read_table_refuses_other_files():
    with pytest.raises(FileProblem):
        read_table(SimpleUploadedFile("x.pdf", b"%PDF-1.4"), "x.pdf")


# Speed -----------------------------------------------------------------------------------------


def test_twenty_thousand_rows_are_checked_and_written(provider, capsys):
    """Not a benchmark (bench/ has that): a print of rows per second to notice a slowdown."""
    content = csv_bytes(generated_rows(20_000))
    started, cpu = time.perf_counter(), time.process_time()

    job = run_file("gross.csv", content, provider=provider)

    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert counts(job) == (5000, 0, 20_000, 0, 0)
    with capsys.disabled():
        print(
            f"\ncourse import: 20,000 rows in {seconds:.1f} s ({20_000 / seconds:,.0f} rows/s; "
            f"CPU {cpu:.1f} s, {20_000 / cpu:,.0f} rows/s)"
        )


# The run rules are the services' ----------------------------------------------------------------


RUN = {
    "start_date": datetime.date(2031, 3, 2),
    "end_date": datetime.date(2031, 3, 4),
    "schedule": "full_time",
    "city": "Schwerin",
    "region": "DE-MV",
    "registration_url": "https://bildung.example.org/kurs",
}


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"end_date": datetime.date(2031, 3, 1)},
        {"region": "IT-21"},
        {"city": "", "region": ""},
        {"city": "", "region": "", "online": True},
        {"registration_url": ""},
        {"registration_url": "", "contact_phone": "0385 1234"},
        {"registration_url": "bildung example"},
        {"registration_url": "", "contact_email": "kurse(at)example.org"},
    ],
)
def test_the_import_refuses_a_run_for_the_reasons_the_service_gives(provider, change):
    course = CourseFactory(organisation=provider)
    run = CourseRun(course=course, provider=provider, **{**RUN, **change})
    expected = {
        columns.COLUMN_OF_FIELD[columns.RUN].get(name, name): messages[0]
        for name, messages in services.check_run(run, course).items()
    }
    found = {}

    importing.Checker(provider=provider)._run_rules(
        run, provider, lambda key, reason: found.setdefault(key, reason)
    )

    assert found == expected
