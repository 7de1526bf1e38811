"""The committee's review and the decision, through the service functions."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.selection import queries, review
from netzwerkstatt.selection.models import Application, ConflictOfInterest, Review
from tests.factories import UserFactory
from tests.selection.panel import Panel

pytestmark = pytest.mark.django_db

Status = Application.Status


@pytest.fixture
def panel(world):
    return Panel(world)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service and what it queued for after the commit (its e-mails)."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def scored(panel, reviewer, application, quality, fit, submit=True) -> Review:
    item = Review.objects.get(application=application, reviewer=reviewer)
    item = review.save_review(
        actor=reviewer,
        review=item,
        scores={panel.quality.pk: (quality, "q"), panel.fit.pk: (fit, "f")},
        comment="",
        expected_version=item.version,
    )
    if submit:
        item = review.submit_review(actor=reviewer, review=item)
    return item


# Assigning ------------------------------------------------------------------------------------


def test_assigning_by_hand_moves_the_application_into_review_and_tells_the_reviewer(
    panel, committed
):
    created = committed(
        review.assign_reviewer,
        actor=panel.world.coordinator,
        application=panel.first,
        reviewer=panel.german,
    )
    panel.first.refresh_from_db()
    assert panel.first.status == Status.IN_REVIEW
    assert created.status == Review.Status.ASSIGNED
    assert [m.to for m in mail.outbox] == [[panel.german.email]]
    assert "Project A" in mail.outbox[0].body
    assert f"/reviews/{created.pk}/" in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="review.assigned")
    assert entry.changes["status"] == {"old": "submitted", "new": "in_review"}


def test_nobody_reviews_an_application_of_their_own_organisation(panel):
    with pytest.raises(ValidationError) as error:
        review.assign_reviewer(
            actor=panel.world.coordinator, application=panel.first, reviewer=panel.insider
        )
    assert "Belongs to an organisation of the consortium." in str(error.value)
    assert not Review.objects.exists()


def test_only_committee_members_of_the_programme_review(panel):
    with pytest.raises(ValidationError, match="Not a committee member"):
        review.assign_reviewer(
            actor=panel.world.coordinator, application=panel.first, reviewer=UserFactory()
        )


def test_country_rule_applies_only_when_configured(panel):
    review.assign_reviewer(
        actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
    )
    review.set_review_settings(
        actor=panel.world.coordinator,
        call=panel.call,
        reviewers_per_application=2,
        reviewers_from_other_countries=True,
    )
    with pytest.raises(ValidationError, match="Comes from a country of the consortium"):
        review.assign_reviewer(
            actor=panel.world.coordinator, application=panel.first, reviewer=panel.italian
        )
    assert AuditEntry.objects.filter(action="review.settings_changed").count() == 1


def test_declaring_a_conflict_withdraws_an_open_assignment_and_blocks_new_ones(panel):
    review.assign_reviewer(
        actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
    )
    review.declare_conflict(actor=panel.german, application=panel.first, reason="My cousin")
    assert not Review.objects.filter(reviewer=panel.german).exists()
    assert ConflictOfInterest.objects.get().reason == "My cousin"
    with pytest.raises(ValidationError, match="conflict of interest"):
        review.assign_reviewer(
            actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
        )


def test_a_conflict_needs_a_reason(panel):
    with pytest.raises(ValidationError) as error:
        review.declare_conflict(actor=panel.german, application=panel.first, reason="  ")
    assert "reason" in error.value.message_dict


def test_drafts_cannot_be_reviewed(panel):
    Application.objects.filter(pk=panel.first.pk).update(status=Status.DRAFT)
    with pytest.raises(ValidationError, match="Only submitted applications"):
        review.assign_reviewer(
            actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
        )


def test_automatic_assignment_balances_the_load_and_respects_every_rule(panel, committed):
    review.declare_conflict(actor=panel.chair, application=panel.applications[1], reason="Former")
    result = committed(review.auto_assign, actor=panel.world.coordinator, call=panel.call)
    assigned = {
        (r.application_id, r.reviewer_id)
        for r in Review.objects.filter(application__call=panel.call)
    }
    assert len(result.created) == 6 == len(assigned)
    assert result.short == []
    for application in panel.applications:
        reviewers = {r for a, r in assigned if a == application.pk}
        assert len(reviewers) == 2
    assert (panel.first.pk, panel.insider.pk) not in assigned
    assert (panel.applications[1].pk, panel.chair.pk) not in assigned
    loads = [
        Review.objects.filter(reviewer=u).count()
        for u in (panel.chair, panel.german, panel.italian, panel.insider)
    ]
    assert max(loads) - min(loads) <= 1
    assert len(mail.outbox) == 6


def test_automatic_assignment_keeps_existing_ones_and_reports_what_it_cannot_fill(panel):
    review.set_review_settings(
        actor=panel.world.coordinator,
        call=panel.call,
        reviewers_per_application=4,
        reviewers_from_other_countries=False,
    )
    review.assign_reviewer(
        actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
    )
    result = review.auto_assign(actor=panel.world.coordinator, call=panel.call)
    # Four committee members: the insider cannot review the first application.
    assert [(a.title, missing) for a, missing in result.short] == [("Project A", 1)]
    assert Review.objects.filter(application=panel.first).count() == 3
    assert Review.objects.filter(application=panel.applications[1]).count() == 4
    again = review.auto_assign(actor=panel.world.coordinator, call=panel.call)
    assert again.created == []


def test_a_submitted_review_cannot_be_unassigned(panel):
    review.auto_assign(actor=panel.world.coordinator, call=panel.call)
    item = scored(
        panel, panel.german, Review.objects.filter(reviewer=panel.german)[0].application, 4, 3
    )
    with pytest.raises(ValidationError, match="stays part of the record"):
        review.unassign_reviewer(actor=panel.world.coordinator, review=item)
    other = Review.objects.filter(status=Review.Status.ASSIGNED).first()
    review.unassign_reviewer(actor=panel.world.coordinator, review=other)
    assert not Review.objects.filter(pk=other.pk).exists()
    assert AuditEntry.objects.filter(action="review.unassigned").count() == 1


# Reviewing ------------------------------------------------------------------------------------


def test_scores_outside_the_scale_are_refused_next_to_their_criterion(panel):
    item = review.assign_reviewer(
        actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
    )
    with pytest.raises(ValidationError) as error:
        review.save_review(
            actor=panel.german,
            review=item,
            scores={panel.quality.pk: (6, ""), panel.fit.pk: (3, "")},
            comment="",
            expected_version=item.version,
        )
    assert error.value.message_dict == {f"score_{panel.quality.pk}": ["Give a score from 0 to 5."]}
    assert not item.scores.exists()


def test_two_tabs_saving_the_same_review_are_told_not_overwritten(panel):
    item = review.assign_reviewer(
        actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
    )
    opened = item.version
    review.save_review(
        actor=panel.german,
        review=item,
        scores={panel.quality.pk: (4, "first tab")},
        comment="",
        expected_version=opened,
    )
    with pytest.raises(ConcurrentEdit):
        review.save_review(
            actor=panel.german,
            review=item,
            scores={panel.quality.pk: (1, "second tab")},
            comment="",
            expected_version=opened,
        )
    assert item.scores.get().comment == "first tab"


def test_submitting_needs_every_criterion_scored_then_nothing_changes(panel):
    item = review.assign_reviewer(
        actor=panel.world.coordinator, application=panel.first, reviewer=panel.german
    )
    item = review.save_review(
        actor=panel.german,
        review=item,
        scores={panel.quality.pk: (4, "")},
        comment="",
        expected_version=item.version,
    )
    with pytest.raises(ValidationError) as error:
        review.submit_review(actor=panel.german, review=item)
    assert list(error.value.message_dict) == [f"score_{panel.fit.pk}"]
    item = scored(panel, panel.german, panel.first, 4, 2)
    assert item.status == Review.Status.SUBMITTED
    with pytest.raises(ValidationError, match="can no longer change"):
        review.save_review(
            actor=panel.german,
            review=item,
            scores={panel.quality.pk: (0, "")},
            comment="",
            expected_version=item.version,
        )


def test_the_ranking_weights_criteria_and_shows_the_spread(panel):
    review.auto_assign(actor=panel.world.coordinator, call=panel.call)
    for item in Review.objects.select_related("application"):
        if item.application == panel.first:
            # Quality x2, fit x1: (2*5 + 1*2) / 3 = 4 and (2*2 + 1*5) / 3 = 3.
            quality, fit = (
                (5, 2) if item.reviewer == item.application.reviews.first().reviewer else (2, 5)
            )
            scored(panel, item.reviewer, item.application, quality, fit)
        elif item.application == panel.applications[1]:
            scored(panel, item.reviewer, item.application, 5, 5)
        else:
            scored(panel, item.reviewer, item.application, 1, 1, submit=False)
    ranking = queries.ranking(panel.call)
    assert [r.application.title for r in ranking] == ["Project B", "Project A", "Project C"]
    b, a, c = ranking
    assert (b.mean, b.spread) == (5, 0)
    assert (a.mean, a.low, a.high, a.spread) == (3.5, 3, 4, 1)
    assert a.stdev == 0.5
    assert a.criteria_means == [3.5, 3.5]
    assert (c.mean, c.submitted, len(c.reviews)) == (None, 0, 2)
    progress = {
        p.reviewer: (p.assigned, p.submitted) for p in queries.reviewer_progress(panel.call)
    }
    assert sum(a for a, _ in progress.values()) == 6
    assert sum(s for _, s in progress.values()) == 4


# Deciding -------------------------------------------------------------------------------------


def decide(panel, application, decision, feedback=""):
    application.refresh_from_db()
    return review.decide(
        actor=panel.world.coordinator,
        application=application,
        decision=decision,
        feedback=feedback,
        expected_version=application.decision_version,
    )


def test_decisions_are_held_until_released_then_sent_with_feedback(panel, committed):
    a, b, c = panel.applications
    committed(
        decide,
        panel=panel,
        application=a,
        decision="selected",
        feedback="A convincing work programme.",
    )
    committed(
        decide,
        panel=panel,
        application=b,
        decision="waitlisted",
        feedback="Strong, but fewer places than good projects.",
    )
    committed(
        decide,
        panel=panel,
        application=c,
        decision="rejected",
        feedback="The partners' roles stay vague.",
    )
    a.refresh_from_db()
    assert a.status == Status.SUBMITTED and a.decision == "selected"
    assert mail.outbox == []
    assert not Network.objects.exists()

    released = committed(review.release_decisions, actor=panel.world.coordinator, call=panel.call)

    assert {x.title for x in released} == {"Project A", "Project B", "Project C"}
    statuses = dict(Application.objects.values_list("title", "status"))
    assert statuses == {"Project A": "selected", "Project B": "waitlisted", "Project C": "rejected"}
    assert Application.objects.exclude(decision="").count() == 0
    # Each consortium's two writers are told, in their language, with the feedback.
    italian, german = panel.writers[0]
    to_italian = next(m for m in mail.outbox if m.to == [italian.email])
    to_german = next(m for m in mail.outbox if m.to == [german.email])
    assert "selezionat" in to_italian.subject
    assert "ausgewählt" in to_german.subject
    assert "A convincing work programme." in to_german.body
    rejected = next(m for m in mail.outbox if m.to == [panel.writers[2][1].email])
    assert "The partners' roles stay vague." in rejected.body
    # Two writers per consortium, and Ines Insider of the first consortium's German lead.
    assert len(mail.outbox) == 7
    # The selected application is a network now, with both leads as leads.
    network = Network.objects.get()
    assert network.application_id == a.pk
    assert network.name == "Project A" and network.kind == "model_network"
    assert network.get_absolute_url() in to_german.body
    leads = set(
        NetworkMember.objects.filter(network=network, role="lead").values_list(
            "organisation_id", flat=True
        )
    )
    assert leads == {a.consortium.left.lead_id, a.consortium.right.lead_id}
    assert AuditEntry.objects.filter(action="application.decision_released").count() == 3
    assert AuditEntry.objects.filter(action="network.created").count() == 1
    # Nothing is held any more: releasing again sends nothing.
    mail.outbox.clear()
    assert committed(review.release_decisions, actor=panel.world.coordinator, call=panel.call) == []
    assert mail.outbox == []


def test_a_waitlisted_application_can_be_selected_later(panel):
    b = panel.applications[1]
    decide(panel, b, "waitlisted")
    review.release_decisions(actor=panel.world.coordinator, call=panel.call)
    with pytest.raises(ValidationError, match="waiting list already"):
        decide(panel, b, "waitlisted")
    decide(panel, b, "selected", "A place became free.")
    review.release_decisions(actor=panel.world.coordinator, call=panel.call)
    b.refresh_from_db()
    assert b.status == Status.SELECTED
    assert Network.objects.get().application_id == b.pk


def test_a_sent_selection_or_rejection_is_final(panel):
    a = panel.applications[0]
    decide(panel, a, "rejected")
    review.release_decisions(actor=panel.world.coordinator, call=panel.call)
    with pytest.raises(ValidationError, match="already sent"):
        decide(panel, a, "selected")


def test_a_stale_decision_form_is_detected(panel):
    a = panel.applications[0]
    opened = a.decision_version
    decide(panel, a, "selected")
    with pytest.raises(ConcurrentEdit):
        review.decide(
            actor=panel.world.coordinator,
            application=a,
            decision="rejected",
            feedback="",
            expected_version=opened,
        )
    a.refresh_from_db()
    assert a.decision == "selected"
