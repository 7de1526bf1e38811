"""The import's pages: a provider's and a cluster's upload page with the earlier imports, the
job's page with its progress and report, the column page and the template files."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from netzwerkstatt.courses import import_columns as columns
from netzwerkstatt.courses.models import Course, CourseRun, ImportJob
from tests.courses.factories import DeclarationTextFactory, listed_provider
from tests.courses.factories_import import csv_bytes, generated_rows, run_file, sample, upload
from tests.factories import MembershipFactory, ProgrammeRoleFactory


@pytest.fixture
def provider(db):
    return listed_provider(name="Bildungswerk Schwerin", slug="bildungswerk-schwerin")


@pytest.fixture
def person(provider):
    return MembershipFactory(organisation=provider).user


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


def import_url(provider) -> str:
    return reverse("courses:import_provider", kwargs={"slug": provider.slug})


def post(client, url: str, name: str, content: bytes | None = None, mode: str = "all"):
    return client.post(url, {"file": upload(name, content), "mode": mode})


# The upload page ------------------------------------------------------------------------------


def test_the_import_page_offers_the_form_the_columns_and_the_templates(signed_in, provider):
    response = signed_in.get(import_url(provider))

    assert response.status_code == 200
    page = response.text
    assert "<h1" in page and "Import courses" in page
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file" name="file"' in page
    assert 'value="valid"' in page and "Import the valid rows, skip the others" in page
    assert reverse("courses:import_help") in page
    assert f"{reverse('courses:import_template')}?format=xlsx" in page
    assert "Nothing was imported here yet." in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_earlier_imports_are_listed_with_a_fixed_number_of_queries(
    signed_in, provider, person, count, django_assert_num_queries
):
    for number in range(count):
        run_file(f"datei-{number}.csv", sample("kurse.csv"), provider=provider, actor=person)
    signed_in.get(import_url(provider))  # warm the session and the caches

    with CaptureQueriesContext(connection) as queries:
        response = signed_in.get(import_url(provider))

    assert [f"datei-{n}.csv" in response.text for n in range(count)] == [True] * count
    assert response.text.count("text-bg-success") == count  # each one imported
    # Session, user, provider, permission, the look for stalled jobs, the count and the page.
    assert len(queries) == 7, [q["sql"] for q in queries]


# Uploading ------------------------------------------------------------------------------------


def test_a_valid_file_is_imported_and_the_job_page_shows_the_counts(signed_in, provider, person):
    response = post(signed_in, import_url(provider), "kurse.csv")

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "courses:import_job", kwargs={"slug": provider.slug, "pk": job.pk}
    )
    assert (job.status, job.organisation, job.created_by) == ("done", provider, person)
    assert (Course.objects.count(), CourseRun.objects.count()) == (3, 4)
    page = signed_in.get(response["Location"]).text
    assert "The file was imported: 4 rows read." in page
    assert 'Courses created</dt><dd class="col-4 col-sm-7">3</dd>' in page
    assert 'Runs created</dt><dd class="col-4 col-sm-7">4</dd>' in page
    assert "hx-trigger" not in page


def test_a_file_with_a_bad_row_shows_row_column_value_and_reason(signed_in, provider):
    response = post(signed_in, import_url(provider), "kurse.csv", sample("kurse_fehler.csv"))

    page = signed_in.get(response["Location"]).text
    assert "Nothing was written." in page
    assert "One row has errors." in page
    assert (
        '<tr><td>4</td><td><code>beginn</code></td><td class="text-break">31.02.2031</td>'
        "<td>Not a date: write 2026-03-01 or 01.03.2026.</td></tr>"
    ) in page
    assert f'href="{import_url(provider)}#upload"' in page
    assert "Fix the file and upload it again" in page
    assert Course.objects.count() == 0


def test_the_valid_rows_are_imported_when_chosen_on_the_form(signed_in, provider):
    response = post(signed_in, import_url(provider), "k.csv", sample("kurse_fehler.csv"), "valid")

    page = signed_in.get(response["Location"]).text
    assert "One row with errors was skipped; it is listed below." in page
    assert "Skipped rows" in page
    assert Course.objects.count() == 2


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("kurse.txt", b"kursnummer", "Upload one of these file types: csv, xlsx."),
        ("kurse.csv", b"%PDF-1.4\x00\x00\x01", "The content of this file is not a CSV file."),
        ("kurse.xlsx", b"kursnummer;titel", "The content of this file is not a XLSX file."),
        (
            "kurse.csv",
            b"kursnummer\n" + b"x" * (20 * 1024 * 1024),
            "The file is 20.0\xa0MB; the largest accepted is 20.0\xa0MB.",
        ),
    ],
)
def test_a_file_of_another_type_or_too_large_is_refused_on_the_form(
    signed_in, provider, name, content, message
):
    response = post(signed_in, import_url(provider), name, content)

    assert response.status_code == 200
    assert message in response.text
    assert not ImportJob.objects.exists()


# The job's page -------------------------------------------------------------------------------


def job_page(provider, job) -> str:
    return reverse("courses:import_job", kwargs={"slug": provider.slug, "pk": job.pk})


def test_a_running_job_is_polled_with_its_progress_and_a_finished_one_is_not(signed_in, provider):
    job = ImportJob.objects.create(
        organisation=provider,
        file=SimpleUploadedFile("g.csv", b"x"),
        original_name="g.csv",
        status=ImportJob.Status.CHECKING,
        total_rows=5000,
        processed_rows=2000,
    )

    running = signed_in.get(job_page(provider, job), headers={"HX-Request": "true"})

    assert '<section id="import-report"' in running.text
    assert "<html" not in running.text
    assert 'hx-trigger="every 1s"' in running.text and 'aria-busy="true"' in running.text
    assert (
        '<progress class="w-100 import-progress" max="5000" value="2000" '
        'aria-labelledby="import-progress-label" aria-valuetext="40 %">'
    ) in running.text
    assert "Checking the rows: 2000 of 5000" in running.text
    assert "HX-Request" in running["Vary"]

    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.WRITING)
    writing = signed_in.get(job_page(provider, job), headers={"HX-Request": "true"})
    assert "Writing 5000 rows at once." in writing.text
    assert '<progress class="w-100 import-progress" aria-labelledby' in writing.text

    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE, created_runs=5000)
    done = signed_in.get(job_page(provider, job), headers={"HX-Request": "true"})
    assert "hx-trigger" not in done.text and "<progress" not in done.text
    assert 'Runs created</dt><dd class="col-4 col-sm-7">5000</dd>' in done.text


def test_a_job_that_lost_its_worker_is_given_up_and_a_slow_one_keeps_running(
    signed_in, provider, person
):
    person.language = "de"
    person.save()
    old = timezone.now() - datetime.timedelta(hours=2)

    def job(name, status, updated):
        return ImportJob.objects.create(
            organisation=provider,
            file=SimpleUploadedFile(name, b"x"),
            original_name=name,
            status=status,
            total_rows=5000,
            created_by=person,
            updated=updated,
        )

    lost = job("verloren.csv", ImportJob.Status.WRITING, old)
    slow = job(
        "langsam.csv", ImportJob.Status.CHECKING, timezone.now() - datetime.timedelta(minutes=20)
    )
    waiting = job("wartend.csv", ImportJob.Status.QUEUED, old)
    done = job("fertig.csv", ImportJob.Status.DONE, old)

    page = signed_in.get(job_page(provider, lost), headers={"HX-Request": "true"})

    assert "hx-trigger" not in page.text and "<progress" not in page.text
    assert "Nothing was written. Please upload the file again." not in page.text  # in German:
    assert "Es wurde nichts gespeichert. Bitte laden Sie die Datei erneut hoch." in page.text
    lost.refresh_from_db()
    assert lost.status == ImportJob.Status.FAILED and lost.finished is not None
    # The upload page gives up the stalled ones among its jobs, and leaves the others alone.
    listing = signed_in.get(import_url(provider))
    assert listing.status_code == 200
    statuses = dict(ImportJob.objects.values_list("original_name", "status"))
    assert statuses == {
        "verloren.csv": ImportJob.Status.FAILED,
        "langsam.csv": ImportJob.Status.CHECKING,
        "wartend.csv": ImportJob.Status.FAILED,
        "fertig.csv": ImportJob.Status.DONE,
    }
    assert 'hx-trigger="every 1s"' in signed_in.get(job_page(provider, slow)).text
    waiting.refresh_from_db()
    assert waiting.errors[0]["reason"].startswith("Der Import wurde nicht zu Ende geführt")
    done.refresh_from_db()
    assert done.errors == []


def test_every_step_of_a_job_records_its_progress_time(provider, person):
    job = run_file("kurse.csv", sample("kurse.csv"), provider=provider)
    ImportJob.objects.filter(pk=job.pk).update(updated=timezone.now() - datetime.timedelta(days=1))

    from netzwerkstatt.courses import importing

    importing.run_job(ImportJob.objects.get(pk=job.pk))

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert timezone.now() - job.updated < datetime.timedelta(minutes=1)


def test_the_job_of_another_provider_is_not_found(signed_in, provider):
    other = listed_provider()
    job = run_file("kurse.csv", sample("kurse.csv"), provider=other)

    response = signed_in.get(job_page(provider, job))

    assert response.status_code == 404


# The cluster's import -------------------------------------------------------------------------


def test_a_coordinator_imports_for_the_cluster_s_providers(client, db):
    cluster = DeclarationTextFactory().programme
    listed_provider(cluster, slug="bildungswerk-schwerin")
    coordinator = ProgrammeRoleFactory(programme=cluster).user
    client.force_login(coordinator)
    rows = generated_rows(2)
    rows = [["anbieter", *rows[0]]] + [["bildungswerk-schwerin", *row] for row in rows[1:]]
    url = reverse("courses:import_cluster", kwargs={"programme": cluster.slug})

    page = client.get(url).text
    response = post(client, url, "cluster.csv", csv_bytes(rows))

    assert "the column “provider” names each row's provider" in page
    assert "format=xlsx&amp;cluster=1" in page
    job = ImportJob.objects.get()
    assert (job.programme, job.organisation, job.status) == (cluster, None, "done")
    assert response["Location"] == reverse(
        "courses:import_cluster_job", kwargs={"programme": cluster.slug, "pk": job.pk}
    )
    assert (
        'Runs created</dt><dd class="col-4 col-sm-7">2</dd>'
        in client.get(response["Location"]).text
    )
    assert cluster.name in client.get(url).text


# The documentation and the templates ----------------------------------------------------------


def test_the_column_page_lists_every_column_in_english_and_german(client, db):
    page = client.get(reverse("courses:import_help")).text

    for column in columns.COLUMNS:
        assert f'<tr id="column-{column.key}">' in page
        assert f"<td><code>{column.german}</code></td>" in page
    assert "Not a date" not in page
    assert "in_person, online or blended." in page


def test_the_csv_template_has_the_header_and_an_example_row_in_the_reader_s_language(client, db):
    english = client.get(reverse("courses:import_template"))
    german = client.get(reverse("courses:import_template"), headers={"Accept-Language": "de"})
    cluster = client.get(reverse("courses:import_template") + "?cluster=1")

    assert english["Content-Disposition"] == 'attachment; filename="courses-template.csv"'
    rows = list(csv.reader(io.StringIO(english.content.decode("utf-8-sig"))))
    assert rows[0] == [c.key for c in columns.COLUMNS if c.key != "provider"]
    assert len(rows) == 2 and rows[1][0] == "WB-2026-014"
    german_rows = list(csv.reader(io.StringIO(german.content.decode("utf-8-sig")), delimiter=";"))
    assert german_rows[0][:3] == ["kursnummer", "titel", "beschreibung"]
    assert german["Content-Disposition"] == 'attachment; filename="kurse-vorlage.csv"'
    assert cluster.content.decode("utf-8-sig").startswith("provider,course_number,")


def test_the_xlsx_template_documents_every_column_and_its_example_imports(client, provider, person):
    response = client.get(reverse("courses:import_template") + "?format=xlsx")

    workbook = load_workbook(io.BytesIO(response.content))
    courses, docs = workbook.worksheets
    header = [cell.value for cell in courses[1]]
    assert header == [c.key for c in columns.COLUMNS if c.key != "provider"]
    documented = [row[0] for row in docs.iter_rows(min_row=2, values_only=True)]
    assert documented == header
    assert docs.cell(row=2, column=2).value == "kursnummer"
    assert "course" in docs.cell(row=2, column=3).value

    job = run_file("vorlage.xlsx", response.content, provider=provider, actor=person)

    assert (job.status, job.created_courses, job.created_runs) == ("done", 1, 1), job.errors
    run = CourseRun.objects.get()
    assert (str(run.start_date), str(run.price), run.course.field.code) == (
        "2027-09-06",
        "1490.00",
        "0413",
    )
