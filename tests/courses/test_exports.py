"""Open data: the search's runs and one provider's runs as CSV, XLSX and JSON-LD, read back; text
that looks like a formula stays text in both spreadsheets."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from openpyxl import load_workbook

from netzwerkstatt.courses.models import Course
from tests.courses.factories_public import catalogue, days

pytestmark = pytest.mark.django_db


@pytest.fixture
def known():
    return catalogue()


def csv_rows(response) -> list[dict]:
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_csv_has_every_public_run_in_start_order_with_codes(client, known):
    response = client.get("/courses/export.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="courses.csv"'
    rows = csv_rows(response)
    assert [int(row["run_id"]) for row in rows] == [
        known.r1.pk,
        known.r5.pk,
        known.r3.pk,
        known.r2.pk,
        known.r4.pk,
    ]
    first = rows[0]
    assert first["course_url"] == "http://testserver/courses/alpha-bildung/schweisskurs/"
    assert first["provider_url"] == "http://testserver/courses/providers/alpha-bildung/"
    assert (first["title"], first["provider"], first["field"], first["eqf_level"]) == (
        "Schweißkurs für Einsteiger",
        "Alpha Bildung",
        "0715",
        "3",
    )
    assert (first["certificate"], first["certificate_name"], first["format"]) == (
        "chamber",
        "Schweißerpass",
        "in_person",
    )
    assert (first["start_date"], first["schedule"], first["city"], first["region"]) == (
        days(10).isoformat(),
        "full_time",
        "Schwerin",
        "DE-MV",
    )
    assert (first["price_eur"], first["funding_voucher"], first["funding_employer"]) == (
        "0.00",
        "yes",
        "no",
    )
    assert first["quality_label_until"] == days(100).isoformat()
    on_request = rows[2]
    assert (on_request["price_eur"], on_request["online"], on_request["language"]) == (
        "",
        "yes",
        "it",
    )
    beta = rows[1]
    assert beta["quality_label_until"] == ""  # Beta's label ran out yesterday


def test_the_csv_takes_the_search_filters_and_is_safe_in_spreadsheets(client, known):
    Course.objects.filter(pk=known.management.pk).update(title="=HYPERLINK(1)")
    known.r5.__class__.objects.filter(pk=known.r5.pk).update(schedule_note="+49 Mo–Fr")

    rows = csv_rows(client.get("/courses/export.csv", {"region": "DE-MV", "sort": "price"}))

    assert [int(row["run_id"]) for row in rows] == [known.r1.pk, known.r5.pk, known.r4.pk]
    assert rows[1]["title"] == "'=HYPERLINK(1)"
    assert rows[1]["times"] == "'+49 Mo–Fr"
    words = csv_rows(client.get("/courses/export.csv", {"q": "formazione"}))
    assert [int(row["run_id"]) for row in words] == [known.r3.pk]


def test_the_xlsx_has_typed_cells_and_no_formulas(client, known):
    Course.objects.filter(pk=known.welding.pk).update(title="=HYPERLINK(1)")

    response = client.get("/courses/export.xlsx", {"region": "DE-MV"})

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="courses.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook["courses"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["course_url", "run_id", "run_number", "course_number", "title"]
    rows = [dict(zip(header, [cell.value for cell in row], strict=True)) for row in sheet[2:4]]
    assert [row["run_id"] for row in rows] == [known.r1.pk, known.r5.pk, known.r4.pk]
    title = sheet.cell(row=2, column=header.index("title") + 1)
    assert (title.value, title.data_type) == ("=HYPERLINK(1)", "s")
    assert rows[0]["start_date"] == datetime.datetime.combine(days(10), datetime.time())
    assert rows[2]["price_eur"] == 6000
    assert rows[0]["funding_voucher"] is True and rows[1]["funding_voucher"] is False


def test_one_providers_runs_in_every_format(client, known):
    rows = csv_rows(client.get("/courses/providers/beta-akademie/export.csv"))
    assert [int(row["run_id"]) for row in rows] == [known.r5.pk, known.r4.pk]

    response = client.get("/courses/providers/beta-akademie/export.xlsx")
    assert 'filename="courses-beta-akademie.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["courses"]
    assert sheet.max_row == 3

    data = json.loads(
        b"".join(client.get("/courses/providers/beta-akademie/export.jsonld").streaming_content)
    )
    assert [course["name"] for course in data["@graph"]] == ["Projektmanagement kompakt"]
    assert len(data["@graph"][0]["hasCourseInstance"]) == 2


def test_an_unlisted_provider_and_an_unknown_format_have_no_export(client, known):
    assert client.get("/courses/providers/gamma-kolleg/export.csv").status_code == 404
    assert client.get("/courses/export.pdf").status_code == 404
    assert client.get("/courses/providers/alpha-bildung/export.exe").status_code == 404


def test_an_empty_export_still_has_its_header_and_an_empty_graph(client, db):
    rows = client.get("/courses/export.csv")
    text = b"".join(rows.streaming_content).decode("utf-8")
    assert text.splitlines()[0].startswith("\ufeffcourse_url,run_id,")
    assert len(text.splitlines()) == 1
    data = json.loads(b"".join(client.get("/courses/export.jsonld").streaming_content))
    assert data == {"@context": "https://schema.org", "@graph": []}
