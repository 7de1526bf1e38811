"""The continuing-education database in the demo: the Bildungsnetzwerk Elbe-Ostsee at the scale of
seed 004 (eight providers signed the participation declaration, a ninth has not), with
certifications, the cluster's quality standard and self-assessments in every state, about fifty
courses with their runs, imports in the history, and a public search that shows what it should.

The demo is loaded once for the module, as in ``test_load_demo``."""

import datetime
import io
from collections import Counter
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import certifications, index, quality
from netzwerkstatt.courses.models import (
    Certification,
    Course,
    CourseRun,
    Declaration,
    DeclarationText,
    ImportJob,
    QualityStandard,
    SelfAssessment,
)
from netzwerkstatt.demo.data_courses import CLUSTER, NEW_PROVIDER
from netzwerkstatt.demo.data_mecklenburg import ELBE_OSTSEE
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.models import Programme

PROVIDER_NAMES = sorted(
    org.name for org in ELBE_OSTSEE.organisations if org.key in ELBE_OSTSEE.participants
)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo data, loaded once for this module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        mail.outbox = []
        out = io.StringIO()
        call_command("load_demo", allow_without_debug=True, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def output(loaded, db) -> str:
    return loaded


@pytest.fixture
def cluster(output) -> Programme:
    return Programme.objects.get(name=CLUSTER)


def provider(name_start: str) -> Organisation:
    return Organisation.objects.get(name__startswith=name_start)


def test_the_eight_providers_are_listed_and_the_ninth_is_not(output):
    assert sorted(index.listed_providers().values_list("name", flat=True)) == PROVIDER_NAMES
    assert len(PROVIDER_NAMES) == 8
    crivitz = provider("Bildungsforum Crivitz")
    assert crivitz.kind == Organisation.Kind.TRAINING_PROVIDER
    assert not crivitz.declarations.exists()
    assert not crivitz.participations.exists()
    # Its courses are published, yet no run of them is public.
    assert set(crivitz.courses.values_list("status", flat=True)) == {Course.Status.PUBLISHED}
    assert crivitz.courses.count() == 2
    assert not CourseRun.objects.filter(course__organisation=crivitz, listed=True).exists()
    assert not index.public_courses().filter(organisation=crivitz).exists()


def test_the_declaration_has_two_versions_in_three_languages(cluster):
    texts = list(DeclarationText.objects.filter(programme=cluster).order_by("version"))
    assert [(t.version, t.requires_resigning) for t in texts] == [(1, False), (2, False)]
    assert [t.published_at.date() for t in texts] == [
        datetime.date(2024, 11, 18),
        datetime.date(2025, 10, 6),
    ]
    for text in texts:
        assert set(text.text.data) == {"de", "en", "it"}
        assert set(text.title.data) == {"de", "en", "it"}
        assert text.published_by.name == "Peter Kaminski"
    assert "## 6. Laufzeit und Widerruf" in texts[0].text.data["de"]
    assert "Weiterbildungsdatenbank Mecklenburg-Vorpommern" not in texts[0].text.data["de"]
    assert "Weiterbildungsdatenbank Mecklenburg-Vorpommern" in texts[1].text.data["de"]
    assert "Le firme esistenti restano valide" in texts[1].text.data["it"]


def test_all_eight_signed_version_one_and_one_signed_again(cluster):
    declarations = Declaration.objects.filter(programme=cluster).select_related("text")
    assert declarations.count() == 9
    assert Counter(d.text.version for d in declarations) == {1: 8, 2: 1}
    assert index.valid_declarations().filter(programme=cluster).count() == 8
    again = declarations.get(text__version=2)
    replaced = declarations.get(replaced_by=again)
    assert again.organisation == replaced.organisation == provider("Schweriner Akademie")
    assert replaced.revoked_at == again.signed_at
    assert again.signed_on == datetime.date(2025, 10, 20)
    for declaration in declarations:
        assert declaration.signer_name and declaration.signer_position
        assert declaration.signed_at.date() == declaration.signed_on
        # Recorded by an admin of the provider.
        assert declaration.organisation.memberships.filter(
            user=declaration.signed_by, role="admin"
        ).exists()
    assert min(d.signed_on for d in declarations).year == 2024


def test_the_signatures_are_in_the_audit_log_on_their_days(cluster):
    entries = AuditEntry.objects.filter(action="courses.declaration_signed", programme=cluster)
    assert entries.count() == 9
    signed = {str(d.pk): d for d in Declaration.objects.filter(programme=cluster)}
    for entry in entries:
        declaration = signed[entry.object_id]
        assert entry.created == declaration.signed_at
        assert entry.organisation == declaration.organisation
        assert entry.actor == declaration.signed_by
    published = AuditEntry.objects.filter(action="courses.declaration_text_published")
    assert sorted(e.created.date() for e in published) == [
        datetime.date(2024, 11, 18),
        datetime.date(2025, 10, 6),
    ]


def test_certifications_one_expired_and_one_expiring(output):
    today = timezone.localdate()
    statuses = Counter(c.status(today) for c in Certification.objects.all())
    assert statuses == {"valid": 14, "expiring": 1, "expired": 1}
    expired = Certification.objects.get(kind=Certification.Kind.ISO_29990)
    assert expired.organisation == provider("Agrarbildungszentrum Gadebusch")
    assert not expired.is_valid
    assert expired not in certifications.valid_for_public(expired.organisation)
    assert Certification.objects.get(kind=Certification.Kind.ISO_21001).is_valid
    expiring = Certification.objects.get(valid_until__lte=today + datetime.timedelta(days=60),
                                         valid_until__gte=today)  # fmt: skip
    assert expiring.organisation == provider("Elbe-Bildungsdienste")
    assert list(certifications.needing_attention([expiring.organisation], today)) == [expiring]
    assert set(Certification.objects.values_list("kind", flat=True)) >= {
        "azav", "iso9001", "iso21001", "iso29990", "lqw", "regional_seal", "other",
    }  # fmt: skip
    seal = Certification.objects.get(kind=Certification.Kind.REGIONAL_SEAL)
    assert seal.display_name == "Gütesiegel Gute Weiterbildung MV"


def test_the_evidence_files_are_pdfs_in_the_private_storage(output):
    with_evidence = Certification.objects.exclude(evidence="")
    assert with_evidence.count() == 15
    for certification in with_evidence:
        content = Path(certification.evidence.path).read_bytes()
        assert content.startswith(b"%PDF-1.4")
        assert certification.reference.encode() in content
        assert certification.evidence_name.endswith(".pdf")


def test_the_quality_standard_and_self_assessments_in_every_state(cluster):
    standard = QualityStandard.objects.get(programme=cluster)
    assert standard.is_published and standard.version == 1
    assert standard.label_name.data["de"] == "Qualitätsgeprüft im Bildungsnetzwerk Elbe-Ostsee"
    criteria = list(standard.criteria.all())
    assert len(criteria) == 8
    assert all(set(c.title.data) == {"de", "en", "it"} for c in criteria)
    assessments = SelfAssessment.objects.filter(standard=standard)
    assert Counter(assessments.values_list("status", flat=True)) == {
        "confirmed": 5,
        "submitted": 1,
        "returned": 1,
        "draft": 1,
    }
    returned = assessments.get(status="returned")
    assert "Kriterium 5" in returned.review_note
    assert returned.reviewer.name == "Volker Reimers"
    draft = assessments.get(status="draft")
    assert draft.answers.exclude(fulfilment="").count() == 3
    for assessment in assessments.exclude(status="draft"):
        assert not assessment.answers.filter(fulfilment="").exists()
        assert assessment.submitted_at > standard.published_at
    for assessment in assessments.filter(status="confirmed"):
        assert assessment.carries_label()
        assert assessment.reviewer.name in {"Dr. Birgit Thiele", "Volker Reimers"}
        assert assessment.label_valid_until == assessment.reviewed_at.date() + datetime.timedelta(
            days=730
        )


def test_five_providers_carry_the_label_and_their_runs_say_so(cluster):
    labelled = quality.providers_with_label(cluster)
    assert labelled.count() == 5
    assert provider("Lernwerkstatt Hagenow") not in labelled
    for organisation in labelled:
        label = quality.label_for(organisation, programme=cluster)
        runs = CourseRun.objects.filter(course__organisation=organisation)
        assert set(runs.values_list("label_until", flat=True)) == {label.label_valid_until}
    unlabelled = CourseRun.objects.exclude(course__organisation__in=labelled)
    assert set(unlabelled.values_list("label_until", flat=True)) == {None}


def test_about_fifty_courses_with_their_runs(output):
    assert Course.objects.count() == 50
    assert CourseRun.objects.count() == 130
    assert Counter(Course.objects.values_list("status", flat=True)) == {
        "published": 46,
        "draft": 3,
        "unpublished": 1,
    }
    per_provider = Counter(Course.objects.values_list("organisation__name", flat=True))
    assert all(per_provider[name] == 6 for name in PROVIDER_NAMES)
    assert set(Course.objects.values_list("language", flat=True)) == {"de", "en", "it"}
    assert set(Course.objects.values_list("format", flat=True)) == {
        "in_person",
        "online",
        "blended",
    }
    assert set(CourseRun.objects.values_list("schedule", flat=True)) == {
        "full_time",
        "part_time",
        "evenings",
        "weekends",
    }
    assert set(Course.objects.values_list("certificate", flat=True)) == {
        "none", "attendance", "provider", "chamber", "state", "vendor",
    }  # fmt: skip
    for name in CourseRun.FUNDING_FIELDS:
        assert CourseRun.objects.filter(**{name: True}).exists(), name
    assert CourseRun.objects.filter(price__isnull=True).exists()  # on request
    assert CourseRun.objects.filter(price=0).exists()  # free or funded
    assert CourseRun.objects.filter(online=True, city="").exists()
    assert not CourseRun.objects.filter(online=False, region="").exists()
    assert not CourseRun.objects.filter(registration_url="", contact_email="").exists()
    for run in CourseRun.objects.select_related("course"):
        assert run.provider_id == run.course.organisation_id
        assert run.external_id.startswith(run.course.external_id)


def test_each_provider_records_its_fields_of_competence(output):
    providers = Organisation.objects.filter(
        kind=Organisation.Kind.TRAINING_PROVIDER, region="DE-MV"
    )
    assert providers.count() == 9
    for organisation in providers:
        fields = organisation.provider_profile.competency_fields.all()
        assert {f.level for f in fields} == {2}  # narrow fields, as the hub's form offers them
        assert {f.code for f in fields} == {
            code[:3] for code in organisation.courses.values_list("field__code", flat=True)
        }


def test_runs_start_on_the_day_their_times_name(output):
    def weekdays(**filters) -> set[int]:
        return {run.start_date.weekday() for run in CourseRun.objects.filter(**filters)}

    assert weekdays(schedule_note__startswith="Mo–Fr") == {0}
    assert weekdays(schedule_note__startswith="Samstag") == {5}
    assert weekdays(schedule_note__startswith="Sa und So") == {5}
    assert weekdays(schedule_note__startswith="Di ") == {1}
    for run in CourseRun.objects.all():
        assert run.end_date >= run.start_date


def test_past_runs_drop_out_of_the_public_search(output):
    today = timezone.localdate()
    past = CourseRun.objects.filter(start_date__lt=today)
    assert past.exists()
    assert past.filter(listed=True).exists()
    public = index.public_runs()
    assert not public.filter(pk__in=past).exists()
    assert public.count() == CourseRun.objects.filter(listed=True, start_date__gte=today).count()
    assert 90 <= public.count() <= 120
    assert max(public.values_list("start_date", flat=True)) <= today + datetime.timedelta(days=430)
    # Drafts, the unpublished course and the undeclared provider stay out.
    assert set(public.values_list("course__status", flat=True)) == {"published"}
    assert not public.filter(course__organisation__slug__contains="crivitz").exists()


def test_the_imports_are_in_the_history_with_the_refused_first_try(cluster):
    jobs = ImportJob.objects.order_by("created", "pk")
    assert Counter(jobs.values_list("status", flat=True)) == {"done": 5, "invalid": 1}
    refused = jobs.get(status=ImportJob.Status.INVALID)
    assert refused.organisation == provider("Elbe-Bildungsdienste")
    assert refused.created_courses == refused.created_runs == 0
    assert [(e["row"], e["column"], e["value"]) for e in refused.errors] == [
        (8, "preis", "auf Anfrage")
    ]
    fixed = jobs.filter(organisation=refused.organisation, status="done").get()
    assert fixed.created > refused.created
    assert (fixed.created_courses, fixed.created_runs) == (6, 18)
    by_cluster = jobs.get(programme=cluster)
    assert by_cluster.created_by.name == "Peter Kaminski"
    assert by_cluster.created_courses == 11
    assert {j.original_name.rsplit(".", 1)[1] for j in jobs} == {"csv", "xlsx"}
    assert AuditEntry.objects.filter(action="courses.imported").count() == 5


def test_courses_entered_by_hand_went_through_the_forms(output):
    by_hand = Course.objects.filter(organisation__name__startswith="Weiterbildung Klützer")
    created = AuditEntry.objects.filter(action="courses.course_created")
    assert set(by_hand.values_list("pk", flat=True)) <= {int(e.object_id) for e in created}
    assert AuditEntry.objects.filter(action="courses.run_duplicated").exists()
    unpublished = Course.objects.get(status=Course.Status.UNPUBLISHED)
    assert AuditEntry.objects.filter(
        action="courses.course_unpublished", object_id=str(unpublished.pk)
    ).exists()


def test_everything_is_dated_in_the_past(output):
    now = timezone.now()
    yesterday = now - datetime.timedelta(days=1)
    courses = AuditEntry.objects.filter(action__startswith="courses.")
    assert not courses.filter(created__gt=yesterday).exists()
    assert not Course.objects.filter(created__gt=yesterday).exists()
    assert not CourseRun.objects.filter(created__gt=yesterday).exists()
    assert not Certification.objects.filter(created__gt=yesterday).exists()
    for course in Course.objects.exclude(published_at=None):
        assert course.created <= course.published_at <= course.updated


def test_the_printed_counts_name_the_database(output):
    for count in (
        "9 participation declarations",
        "16 certifications",
        "5 quality labels",
        "50 courses",
        "46 published courses",
        "130 course runs",
    ):
        assert count in output


def test_a_visitor_finds_the_courses_by_other_word_forms(client, output):
    response = client.get(reverse("courses:search"), {"q": "Umschulungen"})
    content = response.content.decode()
    assert "Umschulung Kaufmann/Kauffrau für Büromanagement (IHK)" in content
    assert "Umschulung Fachinformatiker/in für Systemintegration (IHK)" in content
    assert "Gabelstaplerschein" not in content
    response = client.get(reverse("courses:search"), {"q": "Schweißkursen"})
    content = response.content.decode()
    assert "Schweißkurs MAG (135) nach DIN EN ISO 9606-1" in content
    assert "Hanse-Bildungszentrum Wismar GmbH" in content


def test_the_search_page_shows_the_public_runs_and_not_the_others(client, output):
    response = client.get(reverse("courses:search"), {"sort": "start"})
    content = response.content.decode()
    assert response.status_code == 200
    first = index.public_runs().order_by("start_date", "pk").select_related("course").first()
    assert first.course.title in content
    assert "Verwaltungsfachangestellte" not in content  # the undeclared provider
    assert "Projektmanagement kompakt" not in content  # a draft
    assert "Anpassungsqualifizierung Schiffbau" not in content  # unpublished


def test_a_course_page_of_a_listed_provider_opens(client, output):
    course = Course.objects.get(external_id="WKW-ITA")
    response = client.get(course.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "Italienisch für Gastronomie und Tourismus (A1/A2)" in content
    assert "Benvenuti al Klützer Winkel!" in content
    hidden = Course.objects.get(external_id="BFC-VW")
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_the_provider_admin_of_the_schweriner_akademie_can_log_in(client, output):
    organisation = provider("Schweriner Akademie")
    email = "kristin.behrens@schweriner-akademie.example.org"
    admin = organisation.memberships.get(role="admin").user
    assert admin.email == email
    assert client.login(email=email, password="netzwerkstatt-demo")
    response = client.get(reverse("courses:provider_hub", kwargs={"slug": organisation.slug}))
    assert response.status_code == 200
    assert organisation.name in response.content.decode()


def test_the_new_provider_is_listed_nowhere_public(client, output):
    crivitz = Organisation.objects.get(slug__contains="crivitz")
    assert crivitz.name == "Bildungsforum Crivitz GmbH"
    assert NEW_PROVIDER == "bildungsforum-crivitz"
    response = client.get(reverse("courses:provider", kwargs={"slug": crivitz.slug}))
    assert response.status_code == 404
