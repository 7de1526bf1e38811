"""The page where coordinators define the criteria of the joint assessment."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.practices import criteria as services
from netzwerkstatt.practices.assessment import ensure_assessment_setup
from netzwerkstatt.practices.models import Assessment, AssessmentCriterion, Score
from tests.factories import ProgrammeFactory, ProgrammeRoleFactory, UserFactory

from .conftest import make_practice

pytestmark = pytest.mark.django_db


def url(programme) -> str:
    return reverse("practices:criteria", kwargs={"programme": programme.slug})


def codes(programme) -> list[str]:
    return list(programme.assessment_criteria.values_list("code", flat=True))


def submitted_assessment(world, partners, status=Assessment.Status.SUBMITTED):
    practice = make_practice(world)
    ensure_assessment_setup(programme=world.programme)
    assessment = Assessment.objects.create(
        practice=practice, assessor=partners.italian_assessor, status=status
    )
    Score.objects.bulk_create(
        Score(assessment=assessment, criterion=c, value=3 if status == "submitted" else None)
        for c in world.programme.assessment_criteria.all()
    )
    return assessment


def test_the_page_creates_the_defaults_and_lists_them_in_the_working_languages(client, world):
    client.force_login(world.coordinator)
    response = client.get(url(world.programme))
    assert codes(world.programme) == [
        "innovation",
        "effectiveness",
        "future_viability",
        "transferability",
        "anchoring",
        "sustainability",
    ]
    page = response.content.decode()
    assert "Nachweis der Wirksamkeit" in page and "Evidenza di efficacia" in page
    assert "Zukunftsfähigkeit" in page and "Sostenibilità futura" in page
    assert 'name="scale_max" value="5"' in page


def test_the_practice_list_links_coordinators_to_the_page(client, world):
    link = url(world.programme)
    client.force_login(world.coordinator)
    assert link in client.get(reverse("practices:list", args=[world.programme.slug])).text
    client.force_login(world.member)
    assert link not in client.get(reverse("practices:list", args=[world.programme.slug])).text


def test_a_coordinator_adds_a_criterion(client, world, partners):
    draft = submitted_assessment(world, partners, status=Assessment.Status.DRAFT)
    client.force_login(world.coordinator)
    response = client.post(
        url(world.programme),
        {
            "action": "add",
            "new-title_0": "Inklusion",
            "new-title_1": "Inclusione",
            "new-description_0": "Wer wird erreicht?",
            "new-weight": "2",
        },
    )
    assert response.status_code == 302
    added = world.programme.assessment_criteria.last()
    assert added.title.data["it"] == "Inclusione" and added.weight == 2
    assert added.code == "inklusion" and added.position == 6
    # the draft assessment gets an empty score for it, so it cannot be submitted without one
    assert draft.scores.filter(criterion=added, value__isnull=True).exists()
    entry = AuditEntry.objects.get(action="practice.criterion_added")
    assert entry.programme == world.programme
    assert entry.changes["title"]["new"]["de"] == "Inklusion"
    assert "Inclusione" in client.get(url(world.programme)).text


def test_a_coordinator_edits_and_moves_a_criterion(client, world):
    ensure_assessment_setup(programme=world.programme)
    criterion = world.programme.assessment_criteria.get(code="sustainability")
    client.force_login(world.coordinator)
    page = client.get(url(world.programme), {"edit": criterion.pk}).text
    assert 'name="edit-title_0" value="Nachhaltigkeit"' in page
    response = client.post(
        url(world.programme),
        {
            "action": "edit",
            "criterion": criterion.pk,
            "edit-title_0": "Nachhaltigkeit und Verstetigung",
            "edit-title_1": "Durabilità",
            "edit-description_0": "",
            "edit-weight": "3",
            "edit-position": "1",
        },
    )
    assert response.status_code == 302
    assert codes(world.programme)[0] == "sustainability"
    criterion.refresh_from_db()
    assert criterion.weight == 3 and criterion.title.data["de"] == "Nachhaltigkeit und Verstetigung"
    entry = AuditEntry.objects.get(action="practice.criterion_changed")
    assert entry.programme == world.programme
    assert entry.changes["weight"] == {"old": 1, "new": 3}
    assert entry.changes["position"] == {"old": 6, "new": 1}


def test_a_coordinator_removes_a_criterion(client, world):
    ensure_assessment_setup(programme=world.programme)
    criterion = world.programme.assessment_criteria.get(code="anchoring")
    client.force_login(world.coordinator)
    response = client.post(url(world.programme), {"action": "remove", "criterion": criterion.pk})
    assert response.status_code == 302
    assert "anchoring" not in codes(world.programme)
    entry = AuditEntry.objects.get(action="practice.criterion_removed")
    assert entry.programme == world.programme
    assert entry.changes["title"]["old"]["en"] == "Potential for institutional anchoring"


def test_a_coordinator_sets_the_scale(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        url(world.programme), {"action": "scale", "scale_max": "7", "transfer_threshold": "5.5"}
    )
    assert response.status_code == 302
    setup = ensure_assessment_setup(programme=world.programme)
    assert setup.scale_max == 7 and setup.transfer_threshold == Decimal("5.5")
    entry = AuditEntry.objects.get(action="practice.assessment_scale_changed")
    assert entry.programme == world.programme
    assert entry.changes["scale_max"] == {"old": 5, "new": 7}


def test_the_threshold_stays_within_the_scale(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        url(world.programme), {"action": "scale", "scale_max": "4", "transfer_threshold": "4.5"}
    )
    assert "The threshold is between 1 and the highest score (4)." in response.text
    assert ensure_assessment_setup(programme=world.programme).scale_max == 5
    with pytest.raises(ValidationError) as error:
        services.update_scale(
            actor=world.coordinator,
            programme=world.programme,
            scale_max=4,
            transfer_threshold=Decimal("4.5"),
        )
    assert "transfer_threshold" in error.value.message_dict


def test_the_transferability_criterion_stays(client, world):
    ensure_assessment_setup(programme=world.programme)
    criterion = world.programme.assessment_criteria.get(code=AssessmentCriterion.TRANSFERABILITY)
    client.force_login(world.coordinator)
    page = client.post(url(world.programme), {"action": "remove", "criterion": criterion.pk}).text
    assert "The transferability criterion stays" in page
    assert AssessmentCriterion.TRANSFERABILITY in codes(world.programme)
    assert not AuditEntry.objects.filter(action="practice.criterion_removed").exists()


def test_after_a_submitted_assessment_scale_and_list_are_fixed(client, world, partners):
    submitted_assessment(world, partners)
    innovation = world.programme.assessment_criteria.get(code="innovation")
    client.force_login(world.coordinator)
    page = client.get(url(world.programme)).text
    assert "Assessments have been submitted: the scale and the list of criteria are fixed." in page
    frozen = "so that all scores remain comparable"
    response = client.post(
        url(world.programme), {"action": "scale", "scale_max": "7", "transfer_threshold": "4"}
    )
    assert frozen in response.text
    assert ensure_assessment_setup(programme=world.programme).scale_max == 5
    response = client.post(url(world.programme), {"action": "remove", "criterion": innovation.pk})
    assert frozen in response.text and "innovation" in codes(world.programme)
    response = client.post(
        url(world.programme), {"action": "add", "new-title_0": "Neu", "new-weight": "1"}
    )
    assert frozen in response.text and len(codes(world.programme)) == 6
    # the threshold and the texts may still change
    response = client.post(
        url(world.programme), {"action": "scale", "scale_max": "5", "transfer_threshold": "3.5"}
    )
    assert response.status_code == 302
    assert ensure_assessment_setup(programme=world.programme).transfer_threshold == Decimal("3.5")
    assert not AuditEntry.objects.filter(
        action__in=["practice.criterion_removed", "practice.criterion_added"]
    ).exists()


def test_a_lower_scale_is_refused_while_draft_scores_exceed_it(world, partners):
    assessment = submitted_assessment(world, partners, status=Assessment.Status.DRAFT)
    assessment.scores.filter(criterion__code="innovation").update(value=5)
    with pytest.raises(ValidationError) as error:
        services.update_scale(
            actor=world.coordinator,
            programme=world.programme,
            scale_max=4,
            transfer_threshold=Decimal(3),
        )
    assert "above 4" in error.value.message_dict["scale_max"][0]


@pytest.mark.parametrize("who", ["member", "org_admin", "outsider", "committee_member"])
def test_only_the_programme_runners_open_the_page(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(url(world.programme)).status_code == 403
    assert (
        client.post(
            url(world.programme), {"action": "scale", "scale_max": "7", "transfer_threshold": "4"}
        ).status_code
        == 403
    )
    assert ensure_assessment_setup(programme=world.programme).scale_max == 5


def test_a_coordinator_of_another_programme_is_refused(client, world):
    other = ProgrammeRoleFactory(programme=ProgrammeFactory(), role="coordinator").user
    client.force_login(other)
    assert client.get(url(world.programme)).status_code == 403
    ensure_assessment_setup(programme=world.programme)
    criterion = world.programme.assessment_criteria.get(code="innovation")
    client.force_login(UserFactory())
    response = client.post(url(world.programme), {"action": "remove", "criterion": criterion.pk})
    assert response.status_code == 403
    assert "innovation" in codes(world.programme)


def test_a_criterion_of_another_programme_is_not_found(client, world):
    other = ProgrammeFactory()
    ensure_assessment_setup(programme=other)
    foreign = other.assessment_criteria.get(code="innovation")
    client.force_login(world.coordinator)
    response = client.post(url(world.programme), {"action": "remove", "criterion": foreign.pk})
    assert response.status_code == 404
    assert "innovation" in codes(other)


def test_the_page_needs_the_same_queries_for_one_and_three_criteria(client, world):
    ensure_assessment_setup(programme=world.programme)
    client.force_login(world.coordinator)

    def keep(count):
        ids = list(
            world.programme.assessment_criteria.order_by("-position").values_list("pk", flat=True)
        )[count:]
        world.programme.assessment_criteria.filter(pk__in=ids).delete()

    keep(3)
    client.get(url(world.programme))  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as three:
        page = client.get(url(world.programme)).text
    assert page.count('class="card mb-3"') == 3
    keep(1)
    with CaptureQueriesContext(connection) as one:
        page = client.get(url(world.programme)).text
    assert page.count('class="card mb-3"') == 1
    assert len(one) == len(three)
