"""The practice's states, versions, translations and the joint assessment, through the services."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.practices import assessment, services
from netzwerkstatt.practices.models import (
    AssessmentCriterion,
    AssessmentSettings,
    Practice,
    PracticeVersion,
)
from tests.factories import MembershipFactory, OrganisationFactory, ParticipationFactory

from .conftest import make_practice

pytestmark = pytest.mark.django_db


def _submitted(world, practice):
    return services.submit_practice(actor=world.member, practice=practice)


def _score(assessor, item, values: dict[str, int]):
    criteria = {c.code: c for c in item.practice.programme.assessment_criteria.all()}
    scores = {criteria[code].pk: (value, f"{code} ok") for code, value in values.items()}
    saved = assessment.save_assessment(
        actor=assessor, assessment=item, scores=scores, comment="Gut", expected_version=item.version
    )
    saved.practice = item.practice
    return assessment.submit_assessment(actor=assessor, assessment=saved)


ALL_FOURS = {
    "innovation": 4,
    "effectiveness": 4,
    "future_viability": 4,
    "transferability": 4,
    "anchoring": 4,
    "sustainability": 4,
}


# Writing ----------------------------------------------------------------------------------------


def test_a_new_practice_is_a_draft_with_a_readable_address_and_a_first_version(world, practice):
    assert practice.status == Practice.Status.DRAFT
    assert practice.slug == "lernfabrik-40"
    assert list(practice.versions.values_list("number", "reason")) == [(1, "saved")]
    assert practice.versions.get().content["summary"] == practice.summary


def test_two_practices_with_the_same_title_get_different_addresses(world):
    first, second = make_practice(world), make_practice(world)

    assert [first.slug, second.slug] == ["lernfabrik-40", "lernfabrik-40-2"]


def test_only_a_participating_organisation_owns_a_practice(world):
    with pytest.raises(ValidationError) as error:
        services.create_practice(
            actor=world.member,
            programme=world.programme,
            organisation=OrganisationFactory(),
            data={"title": "X", "language": "de"},
        )

    assert "organisation" in error.value.error_dict


def test_media_links_must_be_web_addresses(world):
    with pytest.raises(ValidationError) as error:
        make_practice(world, media_links=["https://example.org/video", "javascript:alert(1)"])

    assert "javascript:alert(1)" in str(error.value.error_dict["media_links"])


def test_wrong_facets_are_refused(world):
    with pytest.raises(ValidationError) as error:
        make_practice(world, language="xx", countries=["ZZ"], target_groups=["astronauts"])

    assert set(error.value.error_dict) == {"language", "countries", "target_groups"}


def test_every_save_that_changes_something_keeps_a_version(world, practice):
    updated = services.update_practice(
        actor=world.member, practice=practice, data={"summary": "Neu"}, expected_version=1
    )
    same = services.update_practice(
        actor=world.member, practice=updated, data={"summary": "Neu"}, expected_version=2
    )

    assert same.version == 2
    assert list(practice.versions.values_list("number", "content__summary")) == [
        (2, "Neu"),
        (1, "Auszubildende lernen an einer **Modellfabrik**."),
    ]
    assert AuditEntry.objects.filter(action="practice.changed").count() == 1


def test_a_save_on_an_older_version_is_refused_and_nothing_is_written(world, practice):
    services.update_practice(
        actor=world.org_admin, practice=practice, data={"title": "Erste"}, expected_version=1
    )

    with pytest.raises(ConcurrentEdit):
        services.update_practice(
            actor=world.member, practice=practice, data={"title": "Zweite"}, expected_version=1
        )

    assert Practice.objects.get(pk=practice.pk).title == "Erste"


def test_a_practice_in_assessment_cannot_be_changed(world, practice):
    _submitted(world, practice)

    with pytest.raises(ValidationError):
        services.update_practice(
            actor=world.member, practice=practice, data={"title": "X"}, expected_version=1
        )


# Translations -----------------------------------------------------------------------------------


def test_a_translation_is_kept_per_language_and_not_in_the_original_language(world, practice):
    item = services.add_translation(
        actor=world.member,
        practice=practice,
        language="it",
        data={"title": "Fabbrica di apprendimento", "summary": "Gli apprendisti imparano."},
    )

    assert (item.language, item.translator) == ("it", world.member)
    with pytest.raises(ValidationError):
        services.add_translation(
            actor=world.member, practice=practice, language="it", data={"title": "X"}
        )
    with pytest.raises(ValidationError):
        services.add_translation(
            actor=world.member, practice=practice, language="de", data={"title": "X"}
        )


def test_a_translation_edited_on_an_older_version_is_refused(world, practice):
    item = services.add_translation(
        actor=world.member, practice=practice, language="it", data={"title": "Uno"}
    )
    services.update_translation(
        actor=world.member, translation=item, data={"title": "Due"}, expected_version=1
    )

    with pytest.raises(ConcurrentEdit):
        services.update_translation(
            actor=world.org_admin, translation=item, data={"title": "Tre"}, expected_version=1
        )
    item.refresh_from_db()
    assert (item.title, item.version) == ("Due", 2)


# States -----------------------------------------------------------------------------------------


def test_submitting_creates_the_default_criteria_in_three_languages(world, practice):
    _submitted(world, practice)

    criteria = list(AssessmentCriterion.objects.filter(programme=world.programme))
    assert [c.code for c in criteria] == [
        "innovation",
        "effectiveness",
        "future_viability",
        "transferability",
        "anchoring",
        "sustainability",
    ]
    assert criteria[3].title.data == {
        "en": "Transferability",
        "de": "Übertragbarkeit",
        "it": "Trasferibilità",
    }
    assert AssessmentSettings.objects.get(programme=world.programme).transfer_threshold == 4
    assert Practice.objects.get(pk=practice.pk).status == "in_assessment"
    assert practice.versions.first().reason == PracticeVersion.Reason.SUBMITTED


def test_an_incomplete_practice_is_not_submitted(world):
    practice = make_practice(world, results="", countries=[])

    with pytest.raises(ValidationError) as error:
        _submitted(world, practice)

    assert "results and evidence" in str(error.value)
    assert Practice.objects.get(pk=practice.pk).status == "draft"


def test_assessors_come_from_other_countries(world, partners, practice):
    _submitted(world, practice)
    german = MembershipFactory(organisation=OrganisationFactory(country="DE")).user
    ParticipationFactory(programme=world.programme, organisation=german.organisations.get())

    with pytest.raises(ValidationError) as error:
        assessment.assign_assessor(actor=world.coordinator, practice=practice, assessor=german)

    assert "Germany, a country of the practice" in str(error.value)
    with pytest.raises(ValidationError) as error:
        assessment.assign_assessor(
            actor=world.coordinator, practice=practice, assessor=world.org_admin
        )
    assert "owns the practice" in str(error.value)


def test_assigning_an_assessor_prepares_their_scores_and_tells_them(
    world, partners, practice, django_capture_on_commit_callbacks
):
    _submitted(world, practice)

    with django_capture_on_commit_callbacks(execute=True):
        item = assessment.assign_assessor(
            actor=world.coordinator, practice=practice, assessor=partners.italian_assessor
        )

    assert item.scores.count() == 6
    assert [m.to for m in mail.outbox] == [[partners.italian_assessor.email]]
    assert "Lernfabrik 4.0" in mail.outbox[0].subject
    assert assessment.assessment_url(item) in mail.outbox[0].body


def test_an_assessment_is_submitted_only_when_every_criterion_is_scored(world, partners, practice):
    _submitted(world, practice)
    item = assessment.assign_assessor(
        actor=world.coordinator, practice=practice, assessor=partners.italian_assessor
    )

    with pytest.raises(ValidationError):
        _score(partners.italian_assessor, item, {"innovation": 5})


def test_a_submitted_assessment_tells_the_author(
    world, partners, practice, django_capture_on_commit_callbacks
):
    _submitted(world, practice)
    item = assessment.assign_assessor(
        actor=world.coordinator, practice=practice, assessor=partners.italian_assessor
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _score(partners.italian_assessor, item, ALL_FOURS)

    assert [m.to for m in mail.outbox] == [[world.member.email]]
    assert "new assessment" in mail.outbox[0].subject


def test_publishing_with_transferability_at_the_threshold_earns_the_label(
    world, partners, practice, django_capture_on_commit_callbacks
):
    _submitted(world, practice)
    for person, transfer in ((partners.italian_assessor, 5), (partners.french_assessor, 3)):
        item = assessment.assign_assessor(
            actor=world.coordinator, practice=practice, assessor=person
        )
        _score(person, item, {**ALL_FOURS, "transferability": transfer})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        published = assessment.publish_practice(
            actor=world.coordinator, practice=practice, note="Konsens"
        )

    assert (published.status, published.ready_for_transfer) == ("published", True)
    assert published.transferability_score == Decimal("4.00")
    assert published.published_at is not None
    assert practice.conclusions.get().outcome == "published"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.member.email, world.org_admin.email]
    )
    assert AuditEntry.objects.filter(action="practice.published").exists()


def test_publishing_below_the_threshold_carries_no_label(world, partners, practice):
    AssessmentSettings.objects.create(programme=world.programme, transfer_threshold=Decimal("4.5"))
    _submitted(world, practice)
    item = assessment.assign_assessor(
        actor=world.coordinator, practice=practice, assessor=partners.french_assessor
    )
    _score(partners.french_assessor, item, ALL_FOURS)

    published = assessment.publish_practice(actor=world.coordinator, practice=practice)

    assert (published.ready_for_transfer, published.transferability_score) == (False, Decimal("4"))


def test_nothing_is_concluded_without_a_submitted_assessment(world, practice):
    _submitted(world, practice)

    with pytest.raises(ValidationError):
        assessment.publish_practice(actor=world.coordinator, practice=practice)


def test_a_revision_round_goes_back_to_the_owner_and_into_assessment_again(
    world, partners, practice
):
    _submitted(world, practice)
    item = assessment.assign_assessor(
        actor=world.coordinator, practice=practice, assessor=partners.italian_assessor
    )
    _score(partners.italian_assessor, item, ALL_FOURS)
    item.practice = practice
    assessment.answer_assessment(actor=world.member, assessment=item, reply="Danke, ergänzt.")

    revised = assessment.request_revision(
        actor=world.coordinator, practice=practice, note="Mehr Belege"
    )
    assert revised.status == "revision_requested"
    services.update_practice(
        actor=world.member, practice=revised, data={"results": "Belegt"}, expected_version=1
    )
    again = services.submit_practice(actor=world.member, practice=revised)

    assert again.status == "in_assessment"
    item.refresh_from_db()
    assert item.owner_reply == "Danke, ergänzt."
    assert [
        a.action for a in AuditEntry.objects.order_by("pk") if a.action.startswith("practice.")
    ][-3:] == ["practice.revision_requested", "practice.changed", "practice.submitted"]


def test_a_revision_request_needs_a_note(world, partners, practice):
    _submitted(world, practice)

    with pytest.raises(ValidationError) as error:
        assessment.request_revision(actor=world.coordinator, practice=practice, note=" ")

    assert "note" in error.value.error_dict
