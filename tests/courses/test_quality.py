"""The cluster's quality standard, self-assessments, their review and the label: the services."""

import datetime

import pytest
import rules
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import quality
from netzwerkstatt.courses.models import (
    LABEL_VALIDITY_DAYS,
    CourseRun,
    QualityCriterion,
    QualityStandard,
    SelfAssessment,
)
from netzwerkstatt.courses.quality import CriterionInput
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    DeclarationFactory,
    DeclarationTextFactory,
    ProviderFactory,
    listed_provider,
)
from tests.courses.factories_quality import assessment, cluster, standard
from tests.factories import MembershipFactory, ProgrammeRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def titles(item) -> list[str]:
    return [c.title.data.get("de") for c in item.criteria.order_by("position")]


def actions() -> list[str]:
    return list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))


# The standard ----------------------------------------------------------------------------------


def test_the_first_version_starts_empty_and_only_one_draft_exists_at_a_time():
    scene = cluster()
    draft = quality.start_version(actor=scene.coordinator, programme=scene.programme)

    assert (draft.version, draft.is_published, list(draft.criteria.all())) == (1, False, [])
    assert quality.draft_standard(scene.programme) == draft
    assert quality.current_standard(scene.programme) is None
    with pytest.raises(ValidationError, match="already being prepared"):
        quality.start_version(actor=scene.coordinator, programme=scene.programme)
    assert actions() == ["courses.standard_version_started"]


def test_saving_the_draft_adds_changes_removes_and_reorders_criteria():
    scene = cluster()
    draft = standard(scene.programme, published=False)
    first, second, third = draft.criteria.order_by("position")

    quality.save_draft(
        actor=scene.coordinator,
        standard=draft,
        label_name={"de": "Qualitätssiegel", "it": "Marchio di qualità"},
        introduction={"de": "Neu"},
        criteria=[
            CriterionInput(pk=first.pk, title={"de": "Transparente Preise"}, position=3),
            CriterionInput(pk=second.pk, title={"de": "Personal"}, delete=True),
            CriterionInput(pk=third.pk, title={"de": "Rückmeldungen"}, position=1),
            CriterionInput(title={"de": "Barrierefreiheit", "it": "Accessibilità"}, position=2),
        ],
        expected_version=quality.draft_version(draft),
    )

    draft.refresh_from_db()
    assert titles(draft) == ["Rückmeldungen", "Barrierefreiheit", "Transparente Preise"]
    assert [c.position for c in draft.criteria.all()] == [1, 2, 3]
    assert draft.label_name.data == {"de": "Qualitätssiegel", "it": "Marchio di qualità"}
    entry = AuditEntry.objects.get(action="courses.standard_changed")
    assert entry.programme == scene.programme
    assert entry.changes["criteria"]["new"] == [
        {"de": "Rückmeldungen"},
        {"de": "Barrierefreiheit", "it": "Accessibilità"},
        {"de": "Transparente Preise"},
    ]
    assert entry.changes["label_name"]["old"] == {
        "de": "Qualitätssiegel Westmecklenburg",
        "en": "Westmecklenburg quality label",
    }


def test_a_stale_draft_form_is_refused_and_nothing_is_written():
    scene = cluster()
    draft = standard(scene.programme, published=False)
    opened_at = quality.draft_version(draft)
    quality.save_draft(
        actor=scene.coordinator,
        standard=draft,
        label_name={"de": "Siegel A"},
        introduction={},
        criteria=[CriterionInput(pk=c.pk, title=c.title.data) for c in draft.criteria.all()],
        expected_version=opened_at,
    )

    with pytest.raises(ConcurrentEdit):
        quality.save_draft(
            actor=scene.coordinator,
            standard=draft,
            label_name={"de": "Siegel B"},
            introduction={},
            criteria=[],
            expected_version=opened_at,
        )

    draft.refresh_from_db()
    assert draft.label_name.data == {"de": "Siegel A"}
    assert draft.criteria.count() == 3


def test_a_draft_needs_a_label_name_and_titles():
    scene = cluster()
    draft = standard(scene.programme, published=False)

    with pytest.raises(ValidationError) as error:
        quality.save_draft(
            actor=scene.coordinator,
            standard=draft,
            label_name={},
            introduction={},
            criteria=[CriterionInput(title={})],
            expected_version=quality.draft_version(draft),
        )

    assert error.value.message_dict == {
        "label_name": ["Give the quality label a name."],
        "criteria": ["Every criterion needs a title."],
    }


def test_publishing_freezes_the_version_and_tells_the_providers_admins(
    django_capture_on_commit_callbacks,
):
    scene = cluster()
    revoked = listed_provider(scene.programme)
    MembershipFactory(organisation=revoked, role="admin")
    revoked.declarations.update(revoked_at=timezone.now())
    draft = standard(scene.programme, published=False)

    with django_capture_on_commit_callbacks(execute=True):
        quality.publish_standard(actor=scene.coordinator, standard=draft)

    draft.refresh_from_db()
    assert draft.is_published
    assert quality.current_standard(scene.programme) == draft
    assert [m.to for m in mail.outbox] == [[scene.provider_admin.email]]
    assert scene.programme.name in mail.outbox[0].subject
    # In the admin's language (German): the label's German name.
    assert "Qualitätssiegel Westmecklenburg" in mail.outbox[0].body
    assert f"/organisations/{scene.provider.slug}/quality/{scene.programme.slug}/" in (
        mail.outbox[0].body
    )
    with pytest.raises(ValidationError, match="published and stays as it is"):
        quality.save_draft(
            actor=scene.coordinator,
            standard=draft,
            label_name={"de": "Anders"},
            introduction={},
            criteria=[],
            expected_version=quality.draft_version(draft),
        )
    with pytest.raises(ValidationError):
        quality.publish_standard(actor=scene.coordinator, standard=draft)
    with pytest.raises(ValidationError):
        quality.discard_draft(actor=scene.coordinator, standard=draft)
    assert "courses.standard_published" in actions()


def test_publishing_needs_a_label_name_and_a_criterion():
    scene = cluster()
    draft = quality.start_version(actor=scene.coordinator, programme=scene.programme)

    with pytest.raises(ValidationError) as error:
        quality.publish_standard(actor=scene.coordinator, standard=draft)

    assert error.value.messages == ["Give the quality label a name.", "Add at least one criterion."]
    assert not QualityStandard.objects.filter(published_at__isnull=False).exists()


def test_a_new_version_copies_the_latest_and_leaves_the_published_one_alone():
    scene = cluster()
    first = standard(scene.programme)

    second = quality.start_version(actor=scene.coordinator, programme=scene.programme)
    assert second.criteria.get(position=1).evidence_hint.data == {"de": "Preisliste"}
    assert second.label_name.data == first.label_name.data
    quality.save_draft(
        actor=scene.coordinator,
        standard=second,
        label_name=second.label_name.data,
        introduction={},
        criteria=[
            CriterionInput(pk=c.pk, title={"de": f"{c.title.data['de']} (neu)"})
            for c in second.criteria.all()
        ],
        expected_version=quality.draft_version(second),
    )

    assert second.version == 2
    assert titles(second) == [
        "Transparente Preise (neu)",
        "Qualifiziertes Personal (neu)",
        "Rückmeldung der Teilnehmenden (neu)",
    ]
    assert titles(first) == [
        "Transparente Preise",
        "Qualifiziertes Personal",
        "Rückmeldung der Teilnehmenden",
    ]
    assert first.criteria.get(position=1).evidence_hint.data == {"de": "Preisliste"}
    assert QualityCriterion.objects.count() == 6


def test_a_draft_is_discarded_with_its_criteria():
    scene = cluster()
    standard(scene.programme)
    draft = quality.start_version(actor=scene.coordinator, programme=scene.programme)

    quality.discard_draft(actor=scene.coordinator, standard=draft)

    assert list(QualityStandard.objects.values_list("version", flat=True)) == [1]
    assert QualityCriterion.objects.count() == 3
    assert actions()[-1] == "courses.standard_draft_discarded"


# Self-assessment -------------------------------------------------------------------------------


def test_only_a_provider_with_a_valid_declaration_starts_once_a_standard_is_published():
    scene = cluster()
    undeclared = ProviderFactory()
    school = DeclarationFactory(
        text=scene.programme.declaration_texts.get(),
        organisation=ProviderFactory(kind="vocational_school"),
    ).organisation

    assert "not published" in quality.assessment_refusal(
        organisation=scene.provider, programme=scene.programme
    )
    standard(scene.programme)
    assert quality.assessment_refusal(organisation=scene.provider, programme=scene.programme) is (
        None
    )
    assert "no valid participation declaration" in quality.assessment_refusal(
        organisation=undeclared, programme=scene.programme
    )
    assert "Only training providers" in quality.assessment_refusal(
        organisation=school, programme=scene.programme
    )
    with pytest.raises(ValidationError, match="no valid participation declaration"):
        quality.start_self_assessment(
            actor=scene.coordinator, organisation=undeclared, programme=scene.programme
        )
    # A newer declaration text that everyone must sign again makes the old signature invalid.
    DeclarationTextFactory(programme=scene.programme, version=2, requires_resigning=True)
    with pytest.raises(ValidationError, match="no valid participation declaration"):
        quality.start_self_assessment(
            actor=scene.provider_admin, organisation=scene.provider, programme=scene.programme
        )
    assert not SelfAssessment.objects.exists()


def test_starting_makes_one_empty_answer_per_criterion_once():
    scene = cluster()
    current = standard(scene.programme)

    item = quality.start_self_assessment(
        actor=scene.provider_member, organisation=scene.provider, programme=scene.programme
    )

    assert (item.standard, item.status) == (current, "draft")
    assert [(a.criterion.position, a.fulfilment, a.evidence) for a in item.answers.all()] == [
        (1, "", ""),
        (2, "", ""),
        (3, "", ""),
    ]
    with pytest.raises(ValidationError, match="already started"):
        quality.start_self_assessment(
            actor=scene.provider_member, organisation=scene.provider, programme=scene.programme
        )
    entry = AuditEntry.objects.get(action="courses.self_assessment_started")
    assert (entry.organisation, entry.programme) == (scene.provider, scene.programme)


def answers_of(item, **by_position):
    return {
        a.criterion_id: by_position.get(str(a.criterion.position), {"fulfilment": ""})
        for a in item.answers.select_related("criterion")
    }


def test_submitting_needs_every_criterion_answered_and_evidence_where_met(
    django_capture_on_commit_callbacks,
):
    scene = cluster()
    standard(scene.programme)
    item = quality.start_self_assessment(
        actor=scene.provider_member, organisation=scene.provider, programme=scene.programme
    )
    _first, second, third = item.answers.order_by("criterion__position")
    item = quality.save_answers(
        actor=scene.provider_member,
        assessment=item,
        answers=answers_of(
            item,
            **{
                "1": {"fulfilment": "met", "evidence": "Preisliste online"},
                "2": {"fulfilment": "partly", "evidence": "  "},
            },
        ),
        expected_version=1,
    )

    with pytest.raises(ValidationError) as error:
        quality.submit_self_assessment(actor=scene.provider_member, assessment=item)

    assert error.value.message_dict == {
        f"c{second.criterion_id}-evidence": [
            "Describe how your organisation meets this criterion."
        ],
        f"c{third.criterion_id}-fulfilment": [
            "Say whether your organisation meets this criterion."
        ],
    }
    item.refresh_from_db()
    assert item.status == "draft"

    item = quality.save_answers(
        actor=scene.provider_member,
        assessment=item,
        answers=answers_of(
            item,
            **{
                "1": {"fulfilment": "met", "evidence": "Preisliste online"},
                "2": {"fulfilment": "partly", "evidence": "Zwei von drei Lehrkräften"},
                "3": {"fulfilment": "not_met", "evidence": ""},
            },
        ),
        expected_version=item.version,
    )
    with django_capture_on_commit_callbacks(execute=True):
        quality.submit_self_assessment(actor=scene.provider_member, assessment=item)

    item.refresh_from_db()
    assert (item.status, item.submitted_by) == ("submitted", scene.provider_member)
    assert [m.to for m in mail.outbox] == [[scene.coordinator.email]]
    assert mail.outbox[0].subject == "A self-assessment to review: Bildungswerk Schwerin"
    assert f"/cluster/reviews/{item.pk}/" in mail.outbox[0].body
    assert actions()[-1] == "courses.self_assessment_submitted"
    with pytest.raises(ValidationError, match="not changed"):
        quality.save_answers(
            actor=scene.provider_member, assessment=item, answers={}, expected_version=item.version
        )


def test_a_stale_answer_form_is_refused_and_nothing_is_written():
    scene = cluster()
    item = assessment(standard(scene.programme), scene.provider, answered=False)
    criterion = item.answers.first().criterion_id
    quality.save_answers(
        actor=scene.provider_member,
        assessment=item,
        answers={criterion: {"fulfilment": "met", "evidence": "A"}},
        expected_version=1,
    )

    with pytest.raises(ConcurrentEdit):
        quality.save_answers(
            actor=scene.provider_admin,
            assessment=item,
            answers={criterion: {"fulfilment": "not_met", "evidence": "B"}},
            expected_version=1,
        )

    assert (item.answers.first().fulfilment, item.answers.first().evidence) == ("met", "A")


def test_confirming_gives_the_label_to_the_search_and_tells_the_admins_in_their_language(
    django_capture_on_commit_callbacks,
):
    scene = cluster()
    run = CourseRunFactory(course=CourseFactory(organisation=scene.provider))
    item = assessment(standard(scene.programme), scene.provider, status="submitted")
    assert run.label_until is None

    with django_capture_on_commit_callbacks(execute=True):
        quality.confirm_self_assessment(
            actor=scene.committee_member, assessment=item, note="Vorbildlich."
        )

    item.refresh_from_db()
    until = timezone.localdate() + datetime.timedelta(days=LABEL_VALIDITY_DAYS)
    assert (item.status, item.reviewer, item.label_valid_until) == (
        "confirmed",
        scene.committee_member,
        until,
    )
    assert CourseRun.objects.get(pk=run.pk).label_until == until
    assert [m.to for m in mail.outbox] == [[scene.provider_admin.email]]
    # In the admin's language (German): the label's German name, the date in German.
    assert mail.outbox[0].subject.endswith(": Qualitätssiegel Westmecklenburg")
    assert f"{until.day}. " in mail.outbox[0].body and str(until.year) in mail.outbox[0].body
    assert "Vorbildlich." in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="courses.self_assessment_confirmed")
    assert entry.changes["status"] == {"old": "submitted", "new": "confirmed"}
    assert entry.changes["label_valid_until"] == {"old": None, "new": str(until)}
    assert entry.actor == scene.committee_member
    assert quality.label_for(scene.provider) == item


def test_returning_needs_a_note_and_the_provider_submits_again(
    django_capture_on_commit_callbacks,
):
    scene = cluster()
    item = assessment(standard(scene.programme), scene.provider, status="submitted")

    with pytest.raises(ValidationError) as error:
        quality.return_self_assessment(actor=scene.coordinator, assessment=item, note=" ")
    assert error.value.message_dict == {"note": ["Say what the provider should change."]}

    with django_capture_on_commit_callbacks(execute=True):
        quality.return_self_assessment(
            actor=scene.coordinator, assessment=item, note="Bitte Preisliste beilegen."
        )
    item.refresh_from_db()
    assert (item.status, item.review_note, item.label_valid_until) == (
        "returned",
        "Bitte Preisliste beilegen.",
        None,
    )
    assert [m.to for m in mail.outbox] == [[scene.provider_admin.email]]
    assert scene.programme.name in mail.outbox[0].subject
    assert "Bitte Preisliste beilegen." in mail.outbox[0].body
    assert quality.label_for(scene.provider) is None

    quality.submit_self_assessment(actor=scene.provider_admin, assessment=item)
    item.refresh_from_db()
    assert item.status == "submitted"
    with pytest.raises(ValidationError, match="Only a submitted"):
        quality.return_self_assessment(
            actor=scene.coordinator,
            assessment=assessment(standard(scene.programme, version=2), scene.provider),
            note="x",
        )


def test_nobody_reviews_their_own_organisations_self_assessment():
    scene = cluster()
    item = assessment(standard(scene.programme), scene.provider, status="submitted")
    MembershipFactory(organisation=scene.provider, user=scene.committee_member)
    admin_of_provider = UserFactory(is_superuser=True, is_staff=True)
    MembershipFactory(organisation=scene.provider, user=admin_of_provider)

    for person in (scene.committee_member, admin_of_provider):
        assert not rules.has_perm("courses.review_self_assessment", person, item)
        with pytest.raises(PermissionDenied):
            quality.confirm_self_assessment(actor=person, assessment=item)

    assert rules.has_perm("courses.review_self_assessment", scene.coordinator, item)
    assert rules.has_perm(
        "courses.review_self_assessment", UserFactory(is_superuser=True, is_staff=True), item
    )
    assert not rules.has_perm("courses.review_self_assessment", scene.provider_admin, item)
    other_cluster = ProgrammeRoleFactory(role="coordinator").user
    assert not rules.has_perm("courses.review_self_assessment", other_cluster, item)
    item.refresh_from_db()
    assert item.status == "submitted"


# The label -------------------------------------------------------------------------------------


def test_a_newer_version_lets_the_provider_start_again_and_the_old_label_holds():
    scene = cluster()
    first = standard(scene.programme)
    until = timezone.localdate() + datetime.timedelta(days=100)
    old = assessment(first, scene.provider, status="confirmed", label_valid_until=until)
    old.answers.filter(criterion__position=2).update(fulfilment="partly", evidence="Zwei Drittel")
    second = standard(
        scene.programme,
        version=2,
        criteria=(
            ({"de": "Qualifiziertes Personal", "it": "Personale qualificato"}, ""),
            ({"de": "Barrierefreiheit"}, ""),
        ),
    )

    new = quality.start_self_assessment(
        actor=scene.provider_admin, organisation=scene.provider, programme=scene.programme
    )

    assert new.standard == second
    assert [(a.fulfilment, a.evidence) for a in new.answers.all()] == [
        ("partly", "Zwei Drittel"),
        ("", ""),
    ]
    assert quality.label_for(scene.provider) == old
    assert list(quality.providers_with_label(scene.programme)) == [scene.provider]
    later = until + datetime.timedelta(days=1)
    assert quality.label_for(scene.provider, today=later) is None
    assert list(quality.providers_with_label(today=later)) == []


def test_label_for_picks_the_longest_label_and_filters_by_cluster():
    scene = cluster()
    other = cluster()
    MembershipFactory(organisation=scene.provider, user=other.provider_admin)
    DeclarationFactory(text=other.programme.declaration_texts.get(), organisation=scene.provider)
    soon = timezone.localdate() + datetime.timedelta(days=10)
    later = timezone.localdate() + datetime.timedelta(days=300)
    here = assessment(
        standard(scene.programme), scene.provider, status="confirmed", label_valid_until=soon
    )
    there = assessment(
        standard(other.programme), scene.provider, status="confirmed", label_valid_until=later
    )
    assessment(standard(scene.programme, version=2), other.provider, status="submitted")

    assert quality.label_for(scene.provider) == there
    assert quality.label_for(scene.provider, programme=scene.programme) == here
    assert list(quality.providers_with_label()) == [scene.provider]
    assert list(quality.providers_with_label(other.programme)) == [scene.provider]


def test_the_label_include_names_the_label_and_its_date_without_queries_once_attached():
    scene = cluster()
    until = datetime.date(2031, 5, 31)
    assessment(
        standard(scene.programme), scene.provider, status="confirmed", label_valid_until=until
    )
    bare = ProviderFactory()

    html = render_to_string("courses/quality/_label.html", {"provider": scene.provider})
    assert "Westmecklenburg quality label" in html
    assert "confirmed until May 31, 2031" in html
    assert render_to_string("courses/quality/_label.html", {"provider": bare}).strip() == ""

    providers = quality.attach_labels([scene.provider, bare])
    with CaptureQueriesContext(connection) as captured:
        rendered = [
            render_to_string("courses/quality/_label.html", {"provider": p}) for p in providers
        ]
    assert len(captured) == 0
    assert "confirmed until May 31, 2031" in rendered[0]
    assert rendered[1].strip() == ""
