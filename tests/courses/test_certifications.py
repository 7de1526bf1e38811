"""Certifications: the provider's people keep them with an evidence file; the status is said in
words and never "valid" after the end date; reminders go out at 60 and 14 days, once each."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from PIL import Image

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import certifications
from netzwerkstatt.courses.models import Certification
from tests.courses.factories import DeclarationFactory, DeclarationTextFactory, ProviderFactory
from tests.courses.factories_providers import CertificationFactory, in_days, provider_world
from tests.factories import MembershipFactory, ProgrammeRoleFactory


@pytest.fixture
def provider(world):
    return provider_world(world)


def pdf(name="zertifikat.pdf", size=None) -> SimpleUploadedFile:
    content = b"%PDF-1.4\n" + (b"0" * (size - 9) if size else b"% evidence\n")
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png(name="siegel.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _url(world, name="certifications", **kwargs):
    return reverse(f"courses:{name}", kwargs={"slug": world.organisation.slug, **kwargs})


def _form(**overrides):
    data = {
        "kind": "iso9001",
        "name": "",
        "issuer": "DEKRA Certification GmbH",
        "reference": "DE-12345",
        "valid_from": "2024-03-01",
        "valid_until": in_days(500).isoformat(),
    }
    return {**data, **overrides}


def _stored(certification) -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT) / certification.evidence.name


# Adding, changing, removing --------------------------------------------------------------------


def test_a_member_adds_a_certification_with_evidence(client, provider):
    client.force_login(provider.member)

    response = client.post(_url(provider, "certification_create"), {**_form(), "evidence": pdf()})

    assert response.status_code == 302
    certification = Certification.objects.get()
    assert (certification.kind, certification.issuer, certification.created_by) == (
        "iso9001",
        "DEKRA Certification GmbH",
        provider.member,
    )
    assert certification.evidence_name == "zertifikat.pdf"
    assert _stored(certification).read_bytes().startswith(b"%PDF-1.4")
    entry = AuditEntry.objects.get(action="courses.certification_added")
    assert entry.organisation == provider.organisation
    assert entry.changes["issuer"] == {"old": None, "new": "DEKRA Certification GmbH"}
    listing = client.get(_url(provider)).content.decode()
    assert "ISO 9001" in listing and "Valid until" in listing and "zertifikat.pdf" in listing


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notes.txt", b"hello"), "Upload one of these file types: pdf, jpg"),
        (SimpleUploadedFile("fake.pdf", b"not a pdf"), "The content of this file is not a PDF"),
        (pdf(size=10 * 1024 * 1024 + 1), "the largest accepted is 10.0"),
    ],
)
def test_evidence_of_the_wrong_type_or_size_is_refused_next_to_the_field(
    client, provider, upload, message
):
    client.force_login(provider.member)

    response = client.post(_url(provider, "certification_create"), {**_form(), "evidence": upload})

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["evidence"])
    assert not Certification.objects.exists()


def test_a_jpeg_or_png_is_accepted_as_evidence(client, provider):
    client.force_login(provider.member)

    client.post(_url(provider, "certification_create"), {**_form(), "evidence": png()})

    assert Certification.objects.get().evidence_name == "siegel.png"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kind": "regional_seal"}, "name", "Name the seal or certification."),
        (
            {"valid_until": "2024-01-01"},
            "valid_until",
            "The end of validity comes after its start.",
        ),
        ({"issuer": ""}, "issuer", "This field is required."),
        ({"valid_until": ""}, "valid_until", "This field is required."),
    ],
)
def test_bad_input_is_named_next_to_its_field(client, provider, overrides, field, message):
    client.force_login(provider.member)

    response = client.post(_url(provider, "certification_create"), _form(**overrides))

    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert not Certification.objects.exists()


def test_editing_saves_records_the_changes_and_replaces_the_evidence(
    client, provider, django_capture_on_commit_callbacks
):
    certification = certifications.add_certification(
        actor=provider.member,
        organisation=provider.organisation,
        data=_form(valid_from=datetime.date(2024, 3, 1), valid_until=in_days(500)),
        evidence=pdf("alt.pdf"),
    )
    old_file = _stored(certification)
    client.force_login(provider.org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(provider, "certification_edit", pk=certification.pk),
            {**_form(issuer="TÜV Nord CERT"), "version": 1, "evidence": pdf("neu.pdf")},
        )

    assert response.status_code == 302
    certification.refresh_from_db()
    assert (certification.issuer, certification.version, certification.evidence_name) == (
        "TÜV Nord CERT",
        2,
        "neu.pdf",
    )
    assert not old_file.exists()
    assert _stored(certification).exists()
    entry = AuditEntry.objects.get(action="courses.certification_changed")
    assert entry.changes["issuer"] == {"old": "DEKRA Certification GmbH", "new": "TÜV Nord CERT"}
    assert entry.changes["evidence_name"] == {"old": "alt.pdf", "new": "neu.pdf"}


def test_the_evidence_can_be_removed(client, provider, django_capture_on_commit_callbacks):
    certification = certifications.add_certification(
        actor=provider.member,
        organisation=provider.organisation,
        data=_form(valid_from=datetime.date(2024, 3, 1), valid_until=in_days(500)),
        evidence=pdf(),
    )
    path = _stored(certification)
    client.force_login(provider.member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url(provider, "certification_edit", pk=certification.pk),
            {**_form(), "version": 1, "remove_evidence": "on"},
        )

    certification.refresh_from_db()
    assert not certification.evidence and certification.evidence_name == ""
    assert not path.exists()


def test_a_stale_form_saves_nothing_and_keeps_the_input(client, provider):
    certification = CertificationFactory(organisation=provider.organisation, issuer="DEKRA")
    Certification.objects.filter(pk=certification.pk).update(version=2, issuer="TÜV")
    client.force_login(provider.member)

    response = client.post(
        _url(provider, "certification_edit", pk=certification.pk),
        {**_form(issuer="Mein Stand"), "version": 1},
    )

    content = response.content.decode()
    assert "Not saved: someone else changed this after you opened it." in content
    assert 'value="Mein Stand"' in content
    assert "The saved version" in content and "TÜV" in content
    certification.refresh_from_db()
    assert certification.issuer == "TÜV"


def test_removing_deletes_the_row_and_the_file(
    client, provider, django_capture_on_commit_callbacks
):
    certification = certifications.add_certification(
        actor=provider.member,
        organisation=provider.organisation,
        data=_form(valid_from=datetime.date(2024, 3, 1), valid_until=in_days(500)),
        evidence=pdf(),
    )
    path = _stored(certification)
    client.force_login(provider.member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(provider, "certification_delete", pk=certification.pk))

    assert response.status_code == 302
    assert not Certification.objects.exists()
    assert not path.exists()
    entry = AuditEntry.objects.get(action="courses.certification_removed")
    assert entry.changes["issuer"] == {"old": "DEKRA Certification GmbH", "new": None}
    assert (
        client.get(_url(provider, "certification_delete", pk=certification.pk)).status_code == 405
    )


def test_another_providers_certification_is_not_found(client, provider):
    other = CertificationFactory()
    client.force_login(provider.member)

    assert client.get(_url(provider, "certification_edit", pk=other.pk)).status_code == 404
    assert client.post(_url(provider, "certification_delete", pk=other.pk)).status_code == 404
    assert client.get(_url(provider, "certification_evidence", pk=other.pk)).status_code == 404
    assert Certification.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("role", ["outsider", "coordinator", "committee_member"])
def test_people_outside_the_provider_keep_nothing(client, provider, role):
    certification = CertificationFactory(organisation=provider.organisation)
    client.force_login(getattr(provider, role))

    assert client.get(_url(provider)).status_code == 403
    assert client.post(_url(provider, "certification_create"), _form()).status_code == 403
    assert client.post(_url(provider, "certification_delete", pk=certification.pk)).status_code == (
        403
    )
    assert Certification.objects.count() == 1


def test_an_organisation_that_is_not_a_provider_has_no_certifications(client, world):
    client.force_login(world.member)

    assert client.get(_url(world)).status_code == 403


# Evidence --------------------------------------------------------------------------------------


@pytest.fixture
def evidence(provider):
    return certifications.add_certification(
        actor=provider.member,
        organisation=provider.organisation,
        data=_form(valid_from=datetime.date(2024, 3, 1), valid_until=in_days(500)),
        evidence=pdf(),
    )


def test_the_providers_people_download_the_evidence(client, provider, evidence):
    client.force_login(provider.member)

    response = client.get(_url(provider, "certification_evidence", pk=evidence.pk))

    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert 'filename="zertifikat.pdf"' in response["Content-Disposition"]


def test_reviewers_of_a_cluster_the_provider_signed_in_see_the_evidence(client, provider, evidence):
    url = _url(provider, "certification_evidence", pk=evidence.pk)
    client.force_login(provider.committee_member)
    assert client.get(url).status_code == 403

    DeclarationFactory(
        text=DeclarationTextFactory(programme=provider.programme),
        organisation=provider.organisation,
    )

    assert client.get(url).status_code == 200
    client.force_login(provider.coordinator)
    assert client.get(url).status_code == 200
    client.force_login(ProgrammeRoleFactory().user)  # coordinator of another programme
    assert client.get(url).status_code == 403


def test_a_certification_without_evidence_has_no_download(client, provider):
    certification = CertificationFactory(organisation=provider.organisation)
    client.force_login(provider.member)

    assert client.get(
        _url(provider, "certification_evidence", pk=certification.pk)
    ).status_code == (404)


# Status ----------------------------------------------------------------------------------------


def test_the_status_is_said_in_words_and_expired_is_never_valid(client, provider):
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(400))
    CertificationFactory(organisation=provider.organisation, kind="azav", valid_until=in_days(30))
    CertificationFactory(
        organisation=provider.organisation,
        kind="regional_seal",
        name="Qualitätssiegel MV",
        valid_until=in_days(-1),
    )
    client.force_login(provider.member)

    content = client.get(_url(provider)).content.decode()

    assert "Qualitätssiegel MV" in content
    for state, date in (("Valid until", 400), ("Expires on", 30), ("Expired on", -1)):
        formatted = date_format(in_days(date), "DATE_FORMAT")
        assert f"{state} {formatted}" in content
    assert [c.kind for c in certifications.valid_for_public(provider.organisation)] == [
        "azav",
        "iso9001",
    ]
    assert {c.status() for c in Certification.objects.all()} == {"valid", "expiring", "expired"}


def test_public_certifications_leave_out_other_providers_and_expired_ones(db):
    mine = ProviderFactory()
    kept = CertificationFactory(organisation=mine, valid_until=timezone.localdate())
    CertificationFactory(organisation=mine, valid_until=in_days(-1))
    other = CertificationFactory()

    assert list(certifications.valid_for_public(mine)) == [kept]
    assert set(certifications.valid_for_public()) == {kept, other}


def test_a_certification_that_has_not_started_is_not_shown_yet(db):
    mine = ProviderFactory()
    later = CertificationFactory(
        organisation=mine, valid_from=in_days(10), valid_until=in_days(400)
    )

    assert list(certifications.valid_for_public(mine)) == []
    assert list(certifications.valid_for_public(mine, today=in_days(10))) == [later]


def test_the_list_queries_do_not_grow_with_certifications(client, provider):
    client.force_login(provider.member)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(provider)).status_code == 200
        return len(queries)

    CertificationFactory(organisation=provider.organisation)
    client.get(_url(provider))
    one = count()
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(10))
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(-10))

    assert count() == one


# Reminders -------------------------------------------------------------------------------------


def _remind(today, callbacks):
    with callbacks(execute=True):
        return certifications.send_reminders(today=today)


def test_reminders_go_out_at_60_and_at_14_days_once_each(
    provider, mailoutbox, django_capture_on_commit_callbacks
):
    provider.org_admin.language = "de"
    provider.org_admin.save()
    today = timezone.localdate()
    certification = CertificationFactory(
        organisation=provider.organisation, valid_until=today + datetime.timedelta(days=60)
    )

    assert _remind(today - datetime.timedelta(days=1), django_capture_on_commit_callbacks) == 0
    assert _remind(today, django_capture_on_commit_callbacks) == 1
    assert _remind(today, django_capture_on_commit_callbacks) == 0
    assert _remind(today + datetime.timedelta(days=30), django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == 1
    first = mailoutbox[0]
    assert first.to == [provider.org_admin.email]  # admins only, not members
    assert first.body.startswith("Guten Tag ")
    assert f"/certifications/{certification.pk}/" in first.body

    assert _remind(today + datetime.timedelta(days=46), django_capture_on_commit_callbacks) == 1
    assert _remind(today + datetime.timedelta(days=47), django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == 2
    certification.refresh_from_db()
    assert (
        certification.reminded_for
        == certification.final_reminded_for
        == (certification.valid_until)
    )


def test_no_reminder_for_expired_or_distant_certifications(
    provider, mailoutbox, django_capture_on_commit_callbacks
):
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(-1))
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(61))

    assert _remind(timezone.localdate(), django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_a_certification_added_within_14_days_gets_only_the_last_reminder(
    provider, mailoutbox, django_capture_on_commit_callbacks
):
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(10))

    assert _remind(timezone.localdate(), django_capture_on_commit_callbacks) == 1
    assert _remind(timezone.localdate(), django_capture_on_commit_callbacks) == 0
    assert "expires in 10 days" in mailoutbox[0].body


def test_a_renewed_certification_is_reminded_again_for_its_new_end(
    provider, mailoutbox, django_capture_on_commit_callbacks
):
    certification = CertificationFactory(
        organisation=provider.organisation, valid_until=in_days(50)
    )
    _remind(timezone.localdate(), django_capture_on_commit_callbacks)
    certifications.update_certification(
        actor=provider.member,
        certification=certification,
        data={"kind": "iso9001", "issuer": "DEKRA", "valid_until": in_days(40)},
        expected_version=1,
    )

    assert _remind(timezone.localdate(), django_capture_on_commit_callbacks) == 1
    assert len(mailoutbox) == 2


def test_every_admin_is_reminded_in_their_own_language(
    provider, mailoutbox, django_capture_on_commit_callbacks
):
    provider.org_admin.language = "it"
    provider.org_admin.save()
    english = MembershipFactory(
        organisation=provider.organisation, role="admin", user__language="en"
    ).user
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(20))

    _remind(timezone.localdate(), django_capture_on_commit_callbacks)

    bodies = {m.to[0]: m.body for m in mailoutbox}
    assert bodies[provider.org_admin.email].startswith("Gentile ")
    assert bodies[english.email].startswith("Hello ")


def test_the_command_reports_what_it_queued(provider, django_capture_on_commit_callbacks):
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(20))
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_certification_reminders", stdout=out)

    assert out.getvalue().strip() == "1 certification reminder(s) queued."
