"""Participation declarations: the cluster publishes versions, a provider's admin signs and
revokes; the public database follows (a run's ``listed`` flips), the audit log records it and the
right people get e-mails in their language."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import declarations
from netzwerkstatt.courses.models import Declaration, DeclarationText
from netzwerkstatt.programmes.models import Participation
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    DeclarationFactory,
    DeclarationTextFactory,
)
from tests.courses.factories_providers import provider_world
from tests.factories import MembershipFactory, ProgrammeFactory, ProgrammeRoleFactory


@pytest.fixture
def cluster(world):
    """The cast's programme is a cluster with version 1 of its declaration; the cast's
    organisation is a training provider with a published course and a run next month."""
    provider_world(world)
    world.text = DeclarationTextFactory(programme=world.programme)
    world.run = CourseRunFactory(course=CourseFactory(organisation=world.organisation))
    return world


def _sign(world, actor=None, **overrides):
    data = {
        "actor": actor or world.org_admin,
        "organisation": world.organisation,
        "programme": world.programme,
        "signer_name": "Kristin Behrens",
        "signer_position": "Geschäftsführerin",
        "signed_on": timezone.localdate(),
        "text_version": declarations.current_text(world.programme).version,
    }
    return declarations.sign_declaration(**{**data, **overrides})


def _listed(run) -> bool:
    run.refresh_from_db()
    return run.listed


def _publish(world, *, resign: bool, expected: int, title="Beteiligungserklärung 2"):
    return declarations.publish_text(
        actor=world.coordinator,
        programme=world.programme,
        title=LazyI18nString({"de": title}),
        text=LazyI18nString({"de": "Wir halten die Qualitätsstandards ein."}),
        requires_resigning=resign,
        expected_version=expected,
    )


# Services: publishing versions ------------------------------------------------------------------


def test_publishing_adds_the_next_version_and_records_it(cluster):
    version = _publish(cluster, resign=False, expected=1)

    assert version.version == 2
    assert version.published_by == cluster.coordinator
    assert DeclarationText.objects.filter(programme=cluster.programme).count() == 2
    cluster.text.refresh_from_db()
    assert cluster.text.title.data == {
        "de": "Beteiligungserklärung",
        "en": "Participation declaration",
    }
    entry = AuditEntry.objects.get(action="courses.declaration_text_published")
    assert entry.programme == cluster.programme
    assert entry.changes["version"] == {"old": 1, "new": 2}


def test_a_stale_form_publishes_nothing(cluster):
    _publish(cluster, resign=False, expected=1)

    with pytest.raises(ConcurrentEdit):
        _publish(cluster, resign=False, expected=1, title="Zu spät")

    assert list(
        DeclarationText.objects.filter(programme=cluster.programme).values_list(
            "version", flat=True
        )
    ) == [2, 1]


def test_publishing_needs_a_title_and_a_text(cluster):
    with pytest.raises(ValidationError) as refused:
        declarations.publish_text(
            actor=cluster.coordinator,
            programme=cluster.programme,
            title=LazyI18nString({"de": ""}),
            text=LazyI18nString({}),
            requires_resigning=False,
            expected_version=1,
        )

    assert set(refused.value.message_dict) == {"title", "text"}


def test_a_version_without_resigning_keeps_signatures_valid_and_sends_nothing(
    cluster, mailoutbox, django_capture_on_commit_callbacks
):
    _sign(cluster)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _publish(cluster, resign=False, expected=1)

    assert _listed(cluster.run)
    assert mailoutbox == []


def test_a_version_that_requires_resigning_unlists_and_tells_the_admins_in_their_language(
    cluster, mailoutbox, django_capture_on_commit_callbacks
):
    cluster.org_admin.language = "it"
    cluster.org_admin.save()
    german_admin = MembershipFactory(
        organisation=cluster.organisation, role="admin", user__language="de"
    ).user
    _sign(cluster)
    assert _listed(cluster.run)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _publish(cluster, resign=True, expected=1)

    assert not _listed(cluster.run)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [cluster.org_admin.email, german_admin.email]
    )
    by_person = {m.to[0]: m for m in mailoutbox}
    assert by_person[cluster.org_admin.email].body.startswith("Gentile ")
    assert by_person[german_admin.email].body.startswith("Guten Tag ")
    assert cluster.member.email not in by_person  # members are not admins
    assert f"/organisations/{cluster.organisation.slug}/declarations/" in mailoutbox[0].body
    status = declarations.statuses_for(cluster.organisation)[0]
    assert status.state == declarations.State.OUTDATED


# Services: signing and revoking ----------------------------------------------------------------


def test_signing_lists_the_provider_records_it_and_tells_the_coordinators(
    cluster, mailoutbox, django_capture_on_commit_callbacks
):
    Participation.objects.filter(organisation=cluster.organisation).delete()
    assert not _listed(cluster.run)

    with django_capture_on_commit_callbacks(execute=True):
        declaration = _sign(cluster)

    assert (declaration.text, declaration.signed_by, declaration.signer_name) == (
        cluster.text,
        cluster.org_admin,
        "Kristin Behrens",
    )
    assert _listed(cluster.run)
    assert Participation.objects.filter(
        programme=cluster.programme, organisation=cluster.organisation
    ).exists()
    entry = AuditEntry.objects.get(action="courses.declaration_signed")
    assert (entry.programme, entry.organisation, entry.actor) == (
        cluster.programme,
        cluster.organisation,
        cluster.org_admin,
    )
    assert [m.to for m in mailoutbox] == [[cluster.coordinator.email]]
    assert cluster.organisation.name in mailoutbox[0].subject
    assert "Kristin Behrens" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"signed_on": timezone.localdate() + datetime.timedelta(days=1)}, "signed_on"),
        ({"signed_on": timezone.localdate() - datetime.timedelta(days=400)}, "signed_on"),
        ({"signer_name": "  "}, "signer_name"),
    ],
)
def test_signing_refuses_bad_input(cluster, overrides, field):
    DeclarationText.objects.filter(pk=cluster.text.pk).update(
        published_at=timezone.now() - datetime.timedelta(days=10)
    )

    with pytest.raises(ValidationError) as refused:
        _sign(cluster, **overrides)

    assert list(refused.value.message_dict) == [field]
    assert not Declaration.objects.exists()


def test_signing_a_version_that_was_replaced_while_reading_is_refused(cluster):
    _publish(cluster, resign=False, expected=1)

    with pytest.raises(ValidationError, match="new version"):
        _sign(cluster, text_version=1)

    assert not Declaration.objects.exists()


def test_signing_the_same_version_twice_is_refused(cluster):
    _sign(cluster)

    with pytest.raises(ValidationError, match="signed already"):
        _sign(cluster)

    assert Declaration.objects.count() == 1


def test_only_training_providers_sign(world):
    DeclarationTextFactory(programme=world.programme)

    with pytest.raises(ValidationError, match="Only training providers"):
        _sign(world)


def test_signing_a_new_version_keeps_the_old_signature_in_the_history(cluster):
    first = _sign(cluster)
    _publish(cluster, resign=True, expected=1)

    second = _sign(cluster, text_version=2)

    first.refresh_from_db()
    assert first.revoked_at is not None
    assert first.replaced_by == second
    assert _listed(cluster.run)
    status = declarations.statuses_for(cluster.organisation)[0]
    assert status.state == declarations.State.VALID
    assert status.history == [second, first]


def test_revoking_unlists_records_and_tells_the_coordinators(
    cluster, mailoutbox, django_capture_on_commit_callbacks
):
    declaration = _sign(cluster)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        declarations.revoke_declaration(
            actor=cluster.org_admin, declaration=declaration, reason="Wir stellen den Betrieb ein."
        )

    declaration.refresh_from_db()
    assert declaration.revoked_by == cluster.org_admin
    assert declaration.revocation_reason == "Wir stellen den Betrieb ein."
    assert not _listed(cluster.run)
    assert AuditEntry.objects.filter(action="courses.declaration_revoked").count() == 1
    assert [m.to for m in mailoutbox] == [[cluster.coordinator.email]]
    assert "Wir stellen den Betrieb ein." in mailoutbox[0].body
    assert declarations.statuses_for(cluster.organisation)[0].state == "revoked"


def test_revoking_needs_a_reason_and_happens_once(cluster):
    declaration = _sign(cluster)

    with pytest.raises(ValidationError) as refused:
        declarations.revoke_declaration(
            actor=cluster.org_admin, declaration=declaration, reason=" "
        )
    assert list(refused.value.message_dict) == ["reason"]
    declarations.revoke_declaration(actor=cluster.org_admin, declaration=declaration, reason="R")
    with pytest.raises(ValidationError, match="revoked already"):
        declarations.revoke_declaration(
            actor=cluster.org_admin, declaration=declaration, reason="R"
        )


def test_signing_again_after_revoking_adds_a_new_row(cluster):
    first = _sign(cluster)
    declarations.revoke_declaration(actor=cluster.org_admin, declaration=first, reason="Pause")

    second = _sign(cluster)

    assert second.pk != first.pk
    assert _listed(cluster.run)
    first.refresh_from_db()
    assert first.replaced_by is None and first.revocation_reason == "Pause"


def test_a_cluster_of_a_private_programme_is_offered_only_to_its_participants(cluster):
    hidden = ProgrammeFactory(is_public=False, name="Geschlossener Kreis")
    DeclarationTextFactory(programme=hidden)
    other = ProgrammeFactory(is_public=True, name="Anderer Cluster")

    names = [s.programme.name for s in declarations.statuses_for(cluster.organisation)]

    assert names == [cluster.programme.name]  # no text in `other`, not taking part in `hidden`
    assert other.name not in names


# The declaration text page ---------------------------------------------------------------------


def _text_url(world):
    return reverse("courses:declaration_text", kwargs={"programme": world.programme.slug})


def _text_post(version: int, **overrides):
    data = {
        "version": version,
        "title_0": "Beteiligungserklärung 2026",
        "title_1": "Dichiarazione di partecipazione 2026",
        "title_2": "",
        "text_0": "Wir **verpflichten** uns.",
        "text_1": "Ci impegniamo.",
        "text_2": "",
        "requires_resigning": "on",
    }
    return {**data, **overrides}


def test_the_coordinator_reads_the_current_version_and_the_history(client, cluster):
    _publish(cluster, resign=False, expected=1)
    _sign(cluster)
    client.force_login(cluster.coordinator)

    content = client.get(_text_url(cluster)).content.decode()

    assert "Current version: 2" in content
    assert "Wir halten die Qualitätsstandards ein." in content
    assert "Version 1 of" in content
    assert "1 provider has a valid signature." in content
    # The form starts from the current version, one box per interface language.
    assert 'name="title_0"' in content and 'name="title_2"' in content
    assert "Beteiligungserklärung 2</textarea>" not in content
    assert 'value="Beteiligungserklärung 2"' in content


def test_the_coordinator_publishes_a_version(client, cluster, django_capture_on_commit_callbacks):
    client.force_login(cluster.coordinator)

    response = client.post(_text_url(cluster), _text_post(1), follow=True)

    assert "Version 2 of the participation declaration is published." in response.content.decode()
    version = declarations.current_text(cluster.programme)
    assert version.version == 2 and version.requires_resigning
    assert version.title.data["it"] == "Dichiarazione di partecipazione 2026"


def test_a_missing_title_is_named_next_to_the_field(client, cluster):
    client.force_login(cluster.coordinator)

    response = client.post(_text_url(cluster), _text_post(1, title_0="", title_1=""))

    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert DeclarationText.objects.filter(programme=cluster.programme).count() == 1


def test_a_stale_form_keeps_the_input_and_says_why(client, cluster):
    _publish(cluster, resign=False, expected=1)
    client.force_login(cluster.coordinator)

    response = client.post(_text_url(cluster), _text_post(1, text_0="Mein Entwurf"))

    content = response.content.decode()
    assert "someone else published a version after you opened this page" in content
    assert "Mein Entwurf" in content
    assert DeclarationText.objects.filter(programme=cluster.programme).count() == 2


@pytest.mark.parametrize("role", ["member", "org_admin", "committee_member", "outsider"])
def test_only_the_clusters_coordinators_keep_the_text(client, cluster, role):
    client.force_login(getattr(cluster, role))

    assert client.get(_text_url(cluster)).status_code == 403
    assert client.post(_text_url(cluster), _text_post(1)).status_code == 403
    assert DeclarationText.objects.count() == 1


def test_the_text_page_queries_do_not_grow_with_versions(client, cluster):
    client.force_login(cluster.coordinator)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_text_url(cluster)).status_code == 200
        return len(queries)

    client.get(_text_url(cluster))
    one = count()
    for expected in (1, 2):
        _publish(cluster, resign=False, expected=expected)
        DeclarationFactory(
            text=declarations.current_text(cluster.programme),
            organisation__name=f"Anbieter {expected}",
        )

    assert count() == one


# The provider's declarations page --------------------------------------------------------------


def _page(world):
    return reverse("courses:declarations", kwargs={"slug": world.organisation.slug})


def _sign_post(world, **overrides):
    prefix = f"sign-{world.programme.pk}"
    data = {
        "action": "sign",
        "programme": world.programme.pk,
        f"{prefix}-text_version": declarations.current_text(world.programme).version,
        f"{prefix}-signer_name": "Kristin Behrens",
        f"{prefix}-signer_position": "Geschäftsführerin",
        f"{prefix}-signed_on": timezone.localdate().isoformat(),
        f"{prefix}-accept": "on",
    }
    return {**data, **overrides}


def test_a_member_reads_the_status_and_text_but_cannot_sign(client, cluster):
    client.force_login(cluster.member)

    response = client.get(_page(cluster))

    content = response.content.decode()
    assert cluster.programme.name in content
    assert "Not signed yet" in content
    assert "We take part in the cluster." in content
    assert "Only the organisation's admins sign or revoke a declaration." in content
    assert "Sign the declaration" not in content
    assert client.post(_page(cluster), _sign_post(cluster)).status_code == 403
    assert not Declaration.objects.exists()
    declaration = _sign(cluster)
    revoke = {
        "action": "revoke",
        "programme": cluster.programme.pk,
        f"revoke-{cluster.programme.pk}-reason": "Nein",
    }
    assert client.post(_page(cluster), revoke).status_code == 403
    declaration.refresh_from_db()
    assert declaration.revoked_at is None


def test_an_admin_signs_and_sees_the_valid_status(client, cluster):
    client.force_login(cluster.org_admin)

    response = client.post(_page(cluster), _sign_post(cluster), follow=True)

    content = response.content.decode()
    assert "The participation declaration for ConnActions is signed." in content
    today = timezone.localdate()
    assert "Valid since" in content and "signed by Kristin Behrens" in content
    assert "Sign the declaration" not in content
    assert "Revoke the signature" in content
    assert Declaration.objects.get().signed_on == today
    assert _listed(cluster.run)


def test_signing_without_accepting_names_the_checkbox(client, cluster):
    client.force_login(cluster.org_admin)
    data = _sign_post(cluster)
    del data[f"sign-{cluster.programme.pk}-accept"]

    response = client.post(_page(cluster), data)

    form = response.context["statuses"][0].sign_form
    assert form.errors == {"accept": ["Tick the box to accept the declaration."]}
    assert "Tick the box to accept the declaration." in response.content.decode()
    assert not Declaration.objects.exists()


def test_a_service_refusal_lands_next_to_its_field(client, cluster):
    client.force_login(cluster.org_admin)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = client.post(
        _page(cluster), _sign_post(cluster, **{f"sign-{cluster.programme.pk}-signed_on": tomorrow})
    )

    form = response.context["statuses"][0].sign_form
    assert form.errors == {"signed_on": ["The date of signing cannot be in the future."]}


def test_an_admin_revokes_with_a_reason(client, cluster):
    _sign(cluster)
    client.force_login(cluster.org_admin)
    prefix = f"revoke-{cluster.programme.pk}"

    empty = client.post(
        _page(cluster),
        {"action": "revoke", "programme": cluster.programme.pk, f"{prefix}-reason": ""},
    )
    assert empty.context["statuses"][0].revoke_form.errors["reason"]
    response = client.post(
        _page(cluster),
        {"action": "revoke", "programme": cluster.programme.pk, f"{prefix}-reason": "Umzug"},
        follow=True,
    )

    content = response.content.decode()
    assert "The signature for ConnActions is revoked." in content
    assert "Revoked on" in content and "Umzug" in content
    assert "Sign the declaration" in content  # signing again is possible
    assert not _listed(cluster.run)


def test_an_outdated_signature_asks_to_sign_again(client, cluster):
    _sign(cluster)
    _publish(cluster, resign=True, expected=1)
    client.force_login(cluster.org_admin)

    content = client.get(_page(cluster)).content.decode()

    assert "Signed version 1, which no longer counts. Please sign version 2." in content
    assert "Sign version 2" in content


def test_the_text_is_shown_in_the_readers_language_with_a_fallback(client, cluster):
    DeclarationText.objects.filter(pk=cluster.text.pk).update(
        text=LazyI18nString({"de": "Deutscher Text", "it": "Testo italiano"})
    )
    cluster.member.language = "it"
    cluster.member.save()
    client.force_login(cluster.member)

    response = client.get(_page(cluster))
    italian = response.content.decode()
    cluster.member.language = "en"
    cluster.member.save()
    english = client.get(_page(cluster)).content.decode()

    assert "Testo italiano" in italian and "Deutscher Text" not in italian
    assert response.context["statuses"][0].shown_language == ""  # no note: it is in Italian
    assert "Deutscher Text" in english and "Testo italiano" not in english
    assert "This text is shown in German: it has not been written in your language." in english


@pytest.mark.parametrize("role", ["outsider", "coordinator", "committee_member"])
def test_people_outside_the_provider_do_not_see_its_declarations(client, cluster, role):
    client.force_login(getattr(cluster, role))

    assert client.get(_page(cluster)).status_code == 403
    assert client.post(_page(cluster), _sign_post(cluster)).status_code == 403


def test_an_organisation_that_is_not_a_provider_has_no_declarations_page(client, world):
    client.force_login(world.org_admin)

    assert client.get(_page(world)).status_code == 403


def test_an_unknown_cluster_in_the_form_is_not_found(client, cluster):
    client.force_login(cluster.org_admin)

    response = client.post(_page(cluster), _sign_post(cluster, programme=ProgrammeFactory().pk))

    assert response.status_code == 404


def test_the_declarations_page_queries_do_not_grow_with_clusters(client, cluster):
    client.force_login(cluster.org_admin)
    _sign(cluster)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_page(cluster)).status_code == 200
        return len(queries)

    client.get(_page(cluster))
    one = count()
    for _ in range(2):
        programme = ProgrammeFactory()
        ProgrammeRoleFactory(programme=programme)
        text = DeclarationTextFactory(programme=programme)
        DeclarationFactory(text=text, organisation=cluster.organisation)

    assert len(declarations.statuses_for(cluster.organisation)) == 3
    assert count() == one
