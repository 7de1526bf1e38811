"""The continuing-education database, as the people involved play it in the browser (issue 6): the
admin of a training provider in the Westmecklenburg cluster signs the cluster's participation
declaration (the coordinator is told by e-mail), records the provider's AZAV certification with
its evidence file, imports a file of courses with one bad row (the report names row, column and
reason, and nothing is written), fixes the row and imports the file; then a visitor finds the
courses by another word form than the titles have, narrows them by a facet, compares two of them
side by side and opens a course page, whose schema.org JSON-LD an independent JSON-LD processor
reads."""

import csv
import datetime
import json
import re
from pathlib import Path

import pytest
from django.core import mail
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation
from playwright.sync_api import BrowserContext, Page, expect

from netzwerkstatt.courses import declarations
from netzwerkstatt.courses.models import (
    Certification,
    Course,
    CourseRun,
    Declaration,
    ImportJob,
)
from tests.courses.factories import ProviderFactory
from tests.courses.test_jsonld import S, expand, value
from tests.e2e.test_calls import PDF, heading, sign_in_as
from tests.factories import MembershipFactory, ProgrammeFactory, ProgrammeRoleFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CLUSTER = "Bildungsnetzwerk Westmecklenburg"
PROVIDER = "Schweißtechnische Lehranstalt Wismar"
MAG = "Schweißlehrgang MAG für Einsteiger"
WIG = "Schweißlehrgang WIG: Edelstahl und Aluminium"
THEORY = "Schweißlehrgang Theorie online"
# Another form of the word the three titles share ("Schweißlehrgang"): the search stems both.
SEARCH = "Schweißlehrgänge"
HEADER = [
    "course_number", "title", "description", "field", "eqf_level", "certificate",
    "certificate_name", "language", "format", "status", "run_number", "start_date", "end_date",
    "schedule", "hours", "city", "region", "price", "funding", "registration_url",
]  # fmt: skip


def field(scope, label: str):
    """The form field labelled exactly ``label`` (a required field's label ends in "*")."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}\s*\*?$"))


def day(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def course_rows(*, wig_ends: datetime.date) -> list[list[str]]:
    """Three courses with four runs; the WIG run ends on ``wig_ends``."""
    url = "https://schweisstechnik-wismar.example.org/anmeldung/"
    course = {
        "mag": [
            "SL-MAG", MAG,
            "Metall-Aktivgas-Schweißen von Baustahl in allen Positionen, mit Prüfung.",
            "0715", "3", "vendor", "Schweißerprüfung nach DIN EN ISO 9606-1", "de",
            "in_person", "published",
        ],
        "wig": [
            "SL-WIG", WIG,
            "Wolfram-Inertgas-Schweißen von Edelstahl und Aluminium für Fachkräfte.",
            "0715", "4", "vendor", "Schweißerprüfung nach DIN EN ISO 9606-1", "de",
            "in_person", "published",
        ],
        "theory": [
            "SL-THEO", THEORY,
            "Werkstoffkunde, Normen und Arbeitssicherheit: die Theorie zum Schweißen.",
            "0715", "", "attendance", "", "de", "online", "published",
        ],
    }  # fmt: skip
    later = ["SL-MAG"] + [""] * 9  # the course's columns may stay empty on its later rows
    return [
        HEADER,
        course["mag"] + ["SL-MAG-1", str(day(40)), str(day(75)), "full_time", "160",
                         "Wismar", "DE-MV", "1890.00", "voucher", url + "mag-1"],
        later + ["SL-MAG-2", str(day(100)), str(day(160)), "evenings", "160",
                 "Schwerin", "DE-MV", "1790.00", "voucher", url + "mag-2"],
        course["wig"] + ["SL-WIG-1", str(day(50)), str(wig_ends), "part_time", "120",
                         "Wismar", "DE-MV", "2150.00", "voucher, educational_leave",
                         url + "wig-1"],
        course["theory"] + ["SL-THEO-1", str(day(30)), str(day(58)), "evenings", "40",
                            "", "", "490.00", "", url + "theorie-1"],
    ]  # fmt: skip


def english_date(value: datetime.date) -> str:
    with translation.override("en"):
        return date_filter(value, "DATE_FORMAT")


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


class Story:
    def __init__(self):
        self.cluster = ProgrammeFactory(
            name=CLUSTER, countries=["DE"], working_languages=["de"], is_public=True
        )
        self.coordinator = ProgrammeRoleFactory(
            programme=self.cluster, user__name="Anke Lorenz", user__language="en"
        ).user
        self.text = declarations.publish_text(
            actor=self.coordinator,
            programme=self.cluster,
            title={"de": "Beteiligungserklärung", "en": "Participation declaration"},
            text={
                "de": "Wir bringen unsere Angebote in die regionale Weiterbildungsdatenbank ein.",
                "en": "We enter our courses in the regional continuing-education database and "
                "**keep the cluster's quality standards**.",
            },
            requires_resigning=False,
            expected_version=0,
        )
        self.provider = ProviderFactory(
            name=PROVIDER, slug="slv-wismar", region="DE-MV", city="Wismar"
        )
        self.admin = MembershipFactory(
            organisation=self.provider,
            role="admin",
            user__name="Kristin Behrens",
            user__language="en",
        ).user


# The provider signs the declaration ---------------------------------------------------------------


def the_provider_signs_the_declaration(page: Page, story: Story) -> None:
    # The live server's first answer loads the URL patterns and compiles the templates: slow
    # on a busy machine.
    page.goto(story.provider.get_absolute_url(), timeout=30_000)
    page.get_by_role("link", name="Continuing education").click()
    expect(heading(page)).to_contain_text("Continuing education")
    expect(page.get_by_role("status")).to_contain_text(
        "Your courses are not in the public database yet"
    )
    page.get_by_role("link", name=CLUSTER).click()

    expect(heading(page)).to_contain_text("Participation declarations")
    cluster = page.get_by_role("region", name=CLUSTER)
    expect(cluster).to_contain_text("Not signed yet")
    # The text is open to read before signing, with its Markdown rendered.
    expect(
        cluster.locator("strong", has_text="keep the cluster's quality standards")
    ).to_be_visible()
    expect(field(cluster, "Name of the signatory")).to_have_value("Kristin Behrens")
    field(cluster, "Position").fill("Geschäftsführerin")
    mail.outbox.clear()
    cluster.get_by_role("button", name="Sign the declaration").click()
    # Without the box ticked nothing is signed.
    expect(page.get_by_text("Tick the box to accept the declaration.")).to_be_visible()
    assert not Declaration.objects.exists()
    cluster = page.get_by_role("region", name=CLUSTER)
    cluster.get_by_label(re.compile("I accept this participation declaration")).check()
    cluster.get_by_role("button", name="Sign the declaration").click()

    expect(page.get_by_role("alert")).to_contain_text(
        f"The participation declaration for {CLUSTER} is signed."
    )
    cluster = page.get_by_role("region", name=CLUSTER)
    expect(cluster).to_contain_text("Valid since")
    expect(cluster).to_contain_text("signed by Kristin Behrens")
    expect(cluster.get_by_role("button", name="Sign the declaration")).to_have_count(0)

    declaration = Declaration.objects.get()
    assert (declaration.programme, declaration.organisation, declaration.text) == (
        story.cluster,
        story.provider,
        story.text,
    )
    assert (declaration.signer_name, declaration.signer_position) == (
        "Kristin Behrens",
        "Geschäftsführerin",
    )
    assert declaration.signed_by == story.admin
    assert declaration.signed_on == timezone.localdate()
    assert declaration.revoked_at is None
    letters = [m for m in mail.outbox if m.to == [story.coordinator.email]]
    assert [m.subject for m in letters] == [
        f"{PROVIDER} signed the participation declaration of {CLUSTER}"
    ]
    assert "Signed by Kristin Behrens" in letters[0].body


# The provider records its certification -----------------------------------------------------------


def the_provider_adds_a_certification(page: Page, story: Story, tmp_path: Path) -> None:
    page.get_by_role("navigation", name="Continuing education").get_by_role(
        "link", name="Certifications"
    ).click()
    expect(page.get_by_text("No certification recorded yet.")).to_be_visible()
    page.get_by_role("link", name="Add a certification").click()
    expect(heading(page)).to_contain_text("Add a certification")
    valid_until = day(365)
    field(page, "Certification").select_option("azav")
    field(page, "Issued by").fill("CERTQUA GmbH")
    field(page, "Certificate number").fill("AZAV-2025-0815")
    field(page, "Valid until").fill(valid_until.isoformat())
    evidence = tmp_path / "azav-zertifikat.pdf"
    evidence.write_bytes(PDF)
    field(page, "Evidence").set_input_files(evidence)
    page.get_by_role("button", name="Add", exact=True).click()

    expect(page.get_by_role("alert")).to_contain_text(
        "“AZAV (approval for funded training)” was added."
    )
    item = page.locator(".certification-list > li")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("AZAV (approval for funded training)")
    expect(item.locator(".badge")).to_have_text("valid")
    expect(item).to_contain_text(f"Valid until {english_date(valid_until)}")
    expect(item).to_contain_text("Issued by CERTQUA GmbH")
    evidence_link = item.get_by_role("link", name="azav-zertifikat.pdf")
    expect(evidence_link).to_be_visible()
    # The evidence comes back from the private storage, to the provider's people only.
    response = page.request.get(evidence_link.get_attribute("href"))
    assert response.status == 200
    assert response.body() == PDF

    certification = Certification.objects.get()
    assert (certification.organisation, certification.kind, certification.issuer) == (
        story.provider,
        "azav",
        "CERTQUA GmbH",
    )
    assert certification.valid_until == valid_until
    assert certification.status() == "valid"
    assert certification.evidence_name == "azav-zertifikat.pdf"
    with certification.evidence.open("rb") as handle:
        assert handle.read() == PDF


# The provider imports its courses -----------------------------------------------------------------


def the_import_with_a_bad_row_writes_nothing(page: Page, tmp_path: Path) -> None:
    page.get_by_role("navigation", name="Continuing education").get_by_role(
        "link", name="Import"
    ).click()
    expect(heading(page)).to_contain_text("Import courses")
    expect(page.get_by_text("Nothing was imported here yet.")).to_be_visible()
    # The run of the WIG course ends before it starts.
    bad = write_csv(tmp_path / "kurse-2026.csv", course_rows(wig_ends=day(45)))
    expect(page.get_by_label("Only if every row is valid")).to_be_checked()
    field(page, "File").set_input_files(bad)
    page.get_by_role("button", name="Check and import").click()

    expect(heading(page)).to_contain_text("Import of kurse-2026.csv")
    report = page.get_by_role("region", name=re.compile("^Status"))
    expect(report).to_contain_text("Errors found, nothing written")
    expect(report).to_contain_text("Nothing was written.")
    expect(report).to_contain_text("One row has errors.")
    problems = page.get_by_role("table").get_by_role("row")
    expect(problems).to_have_count(2)  # the header and the one problem
    expect(problems.nth(1).get_by_role("cell")).to_have_text(
        ["4", "end_date", str(day(45)), "The run cannot end before it starts."]
    )
    assert not Course.objects.exists()
    assert not CourseRun.objects.exists()
    job = ImportJob.objects.get()
    assert (job.status, job.total_rows, job.skipped_rows) == (ImportJob.Status.INVALID, 4, 1)


def the_fixed_file_is_imported(page: Page, story: Story, tmp_path: Path) -> None:
    page.get_by_role("link", name="Fix the file and upload it again").click()
    expect(heading(page)).to_contain_text("Import courses")
    earlier = page.get_by_role("region", name="Earlier imports")
    expect(earlier).to_contain_text("kurse-2026.csv")
    expect(earlier).to_contain_text("1 row with errors")
    fixed = write_csv(tmp_path / "kurse-2026.csv", course_rows(wig_ends=day(110)))
    field(page, "File").set_input_files(fixed)
    page.get_by_role("button", name="Check and import").click()

    expect(heading(page)).to_contain_text("Import of kurse-2026.csv")
    report = page.get_by_role("region", name=re.compile("^Status"))
    # The report polls itself while the job runs (htmx); a small file is done at once.
    expect(report).not_to_have_attribute("aria-busy", "true", timeout=15_000)
    expect(report).to_contain_text("Imported")
    expect(report).to_contain_text("The file was imported: 4 rows read.")
    counts = page.locator("dl.import-counts")
    expect(counts.locator("dt")).to_have_text(
        ["Courses created", "Courses changed", "Runs created", "Runs changed", "Rows skipped"]
    )
    expect(counts.locator("dd")).to_have_text(["3", "0", "4", "0", "0"])

    courses = {c.external_id: c for c in Course.objects.all()}
    assert sorted(courses) == ["SL-MAG", "SL-THEO", "SL-WIG"]
    assert {c.title for c in courses.values()} == {MAG, WIG, THEORY}
    assert {c.organisation for c in courses.values()} == {story.provider}
    assert {c.status for c in courses.values()} == {Course.Status.PUBLISHED}
    runs = {r.external_id: r for r in CourseRun.objects.select_related("course")}
    assert sorted(runs) == ["SL-MAG-1", "SL-MAG-2", "SL-THEO-1", "SL-WIG-1"]
    assert all(run.listed for run in runs.values()), "the published runs are in the search"
    assert {r.provider for r in runs.values()} == {story.provider}
    assert (runs["SL-WIG-1"].start_date, runs["SL-WIG-1"].end_date) == (day(50), day(110))
    assert runs["SL-WIG-1"].funding_voucher and runs["SL-WIG-1"].funding_educational_leave
    assert runs["SL-THEO-1"].online and runs["SL-THEO-1"].format == "online"
    assert ImportJob.objects.filter(status=ImportJob.Status.DONE).count() == 1


# A visitor finds and compares the courses ---------------------------------------------------------


def a_visitor_finds_and_compares_the_courses(page: Page, context: BrowserContext) -> None:
    context.clear_cookies()
    page.goto("/courses/")
    expect(heading(page)).to_have_text("Continuing education")
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    page.get_by_label("Search courses").fill(SEARCH)
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(r"^4 course dates"))).to_be_visible()
    results = page.locator("ol.course-results > li")
    expect(results).to_have_count(4)

    # The format facet counts the dates of this search: three in person, one online.
    formats = page.get_by_role("group", name="Format")
    expect(formats.locator(".form-check")).to_have_text(
        [re.compile(r"In person\s*3"), re.compile(r"Online\s*1")]
    )
    formats.get_by_label("In person").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"format=in_person"))
    expect(page.get_by_role("heading", name=re.compile(r"^3 course dates"))).to_be_visible()
    expect(results).to_have_count(3)
    expect(page.locator("ol.course-results")).not_to_contain_text(THEORY)
    page.get_by_role("navigation", name="Sort").get_by_role("link", name="Start date").click()
    expect(page).to_have_url(re.compile(r"sort=start"))
    expect(results.locator("h3")).to_have_text([MAG, WIG, MAG])

    mag = results.filter(has_text="Full-time").filter(has=page.get_by_role("link", name=MAG))
    wig = results.filter(has=page.get_by_role("link", name=WIG))
    expect(mag).to_have_count(1)
    expect(mag).to_contain_text("€1,890")
    mag.get_by_label(re.compile("^Compare")).check()
    wig.get_by_label(re.compile("^Compare")).check()
    page.get_by_role("button", name="Compare the chosen dates").click()

    expect(heading(page)).to_have_text("Compare courses")
    table = page.get_by_role("table", name="The chosen course dates side by side")
    expect(table.get_by_role("columnheader")).to_have_count(2)
    expect(table.get_by_role("columnheader").nth(0)).to_contain_text(MAG)
    expect(table.get_by_role("columnheader").nth(1)).to_contain_text(WIG)
    price = table.get_by_role("row", name=re.compile("^Price"))
    expect(price.get_by_role("cell")).to_have_text(["€1,890", "€2,150"])
    expect(table.get_by_role("row", name=re.compile("^Schedule")).get_by_role("cell")).to_have_text(
        ["Full-time", "Part-time"]
    )
    expect(
        table.get_by_role("row", name=re.compile("^Certifications")).get_by_role("cell")
    ).to_have_text(["AZAV (approval for funded training)"] * 2)
    # The comparison is a link to keep.
    link = page.get_by_label("Link to this comparison, to keep or send on").input_value()
    mag_run = CourseRun.objects.get(external_id="SL-MAG-1")
    wig_run = CourseRun.objects.get(external_id="SL-WIG-1")
    assert link.endswith(f"/courses/compare/?c={mag_run.pk}&c={wig_run.pk}")

    table.get_by_role("link", name=WIG, exact=True).click()
    expect(heading(page)).to_have_text(WIG)
    expect(page.get_by_role("region", name="Next dates")).to_contain_text("€2,150")
    scripts = page.locator('script[type="application/ld+json"]')
    expect(scripts).to_have_count(1)
    data = json.loads(scripts.text_content())
    assert data["@type"] == "Course"
    assert data["name"] == WIG
    instances = data["hasCourseInstance"]
    instances = instances if isinstance(instances, list) else [instances]
    assert [i["@type"] for i in instances] == ["CourseInstance"]
    assert instances[0]["startDate"] == str(day(50))
    # An independent JSON-LD processor reads the same: a schema.org Course with its instance.
    (course,) = [n for n in expand(data) if S + "Course" in n.get("@type", [])]
    assert value(course, "name") == WIG
    (instance,) = course[S + "hasCourseInstance"]
    assert instance["@type"] == [S + "CourseInstance"]
    assert value(instance, "startDate") == str(day(50))


def test_a_provider_joins_imports_and_a_visitor_compares(
    page: Page, context: BrowserContext, login, tmp_path: Path
):
    page.on("dialog", lambda dialog: dialog.accept())
    story = Story()

    sign_in_as(context, login, story.admin)
    the_provider_signs_the_declaration(page, story)
    the_provider_adds_a_certification(page, story, tmp_path)
    the_import_with_a_bad_row_writes_nothing(page, tmp_path)
    the_fixed_file_is_imported(page, story, tmp_path)
    a_visitor_finds_and_compares_the_courses(page, context)
