"""The committee's review of joint applications and the decision: one function per transition.

Each runs in one transaction, locks the row it changes, writes the audit log and queues its
e-mails after commit.

Rules decided here:

- Only submitted applications are reviewed. Reviewers are committee members of the call's
  programme. Nobody reviews an application from one of their own organisations, one they
  declared a conflict of interest for, or, when the call's review settings say so, one whose
  consortium includes their country. ``reviewer_obstacles`` says why someone cannot review.
- Assigning the first reviewer moves the application from submitted to in review.
- Automatic assignment fills every application up to the configured number of reviewers. It
  takes the applications with the fewest possible reviewers first and gives each to the possible
  reviewers with the lightest load in the call, then to those who share the fewest applications
  with the reviewers already on it (so the committee mixes), then by name; what cannot be filled
  is reported, not forced.
- A reviewer saves scores as a draft (with the review's version, so two tabs do not overwrite
  each other) and submits once every criterion has a score on the call's scale. A submitted
  review no longer changes; an assignment whose review was submitted cannot be removed.
- Decisions (selected, waitlisted, rejected) are held until the coordinators release all held
  decisions of the call together; each consortium is told in each person's language, with the
  feedback. A selected application becomes a network of the programme. A waitlisted application
  can later get another decision.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.calls import queries as call_queries
from netzwerkstatt.calls.models import Call, GroupMember, RubricCriterion
from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.networks import services as network_services
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.models import ProgrammeRole
from netzwerkstatt.vocabularies import regions

from .models import Application, ApplicationRound, ConflictOfInterest, Review, Score
from .services import workspace_url

User = get_user_model()
Status = Application.Status
Decision = Application.Decision
REVIEWABLE = (Status.SUBMITTED, Status.IN_REVIEW)


# Who can review what -------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ReviewContext:
    """What deciding who may review the call's applications needs, read once."""

    per_application: int
    other_countries_only: bool
    committee: list  # users, by name
    organisations_of: dict[int, set[int]]  # user id -> organisation ids
    countries_of: dict[int, set[str]]  # user id -> countries of their organisations
    application_organisations: dict[int, set[int]]  # application id -> organisation ids
    application_countries: dict[int, set[str]]
    conflicts: set[tuple[int, int]]  # (application id, user id)


def review_context(call: Call) -> ReviewContext:
    round_ = ApplicationRound.objects.filter(call=call).first()
    committee = list(
        User.objects.filter(
            programme_roles__programme_id=call.programme_id,
            programme_roles__role=ProgrammeRole.Role.COMMITTEE_MEMBER,
            is_active=True,
        )
        .distinct()
        .order_by("name", "email")
    )
    organisations_of: dict[int, set[int]] = {u.pk: set() for u in committee}
    countries_of: dict[int, set[str]] = {u.pk: set() for u in committee}
    for user_id, organisation_id, country in Membership.objects.filter(
        user__in=committee
    ).values_list("user_id", "organisation_id", "organisation__country"):
        organisations_of[user_id].add(organisation_id)
        countries_of[user_id].add(country)
    application_organisations: dict[int, set[int]] = {}
    application_countries: dict[int, set[str]] = {}
    applications = Application.objects.filter(call=call).values_list(
        "pk", "consortium__left_id", "consortium__right_id"
    )
    group_to_application = {}
    for pk, left, right in applications:
        group_to_application[left] = pk
        group_to_application[right] = pk
        application_organisations[pk] = set()
        application_countries[pk] = set()
    for group_id, organisation_id, country in GroupMember.objects.filter(
        group_id__in=list(group_to_application), status=GroupMember.Status.CONFIRMED
    ).values_list("group_id", "organisation_id", "group__country"):
        application_organisations[group_to_application[group_id]].add(organisation_id)
        application_countries[group_to_application[group_id]].add(country)
    conflicts = set(
        ConflictOfInterest.objects.filter(application__call=call).values_list(
            "application_id", "person_id"
        )
    )
    return ReviewContext(
        per_application=round_.reviewers_per_application if round_ else 2,
        other_countries_only=round_.reviewers_from_other_countries if round_ else False,
        committee=committee,
        organisations_of=organisations_of,
        countries_of=countries_of,
        application_organisations=application_organisations,
        application_countries=application_countries,
        conflicts=conflicts,
    )


def reviewer_obstacles(context: ReviewContext, application_id: int, user) -> list[str]:
    """Why this person cannot review this application; empty when they can."""
    if user.pk not in context.organisations_of:
        return [_("Not a committee member of this programme.")]
    reasons = []
    if context.organisations_of[user.pk] & context.application_organisations.get(
        application_id, set()
    ):
        reasons.append(_("Belongs to an organisation of the consortium."))
    if (application_id, user.pk) in context.conflicts:
        reasons.append(_("Declared a conflict of interest."))
    if context.other_countries_only and context.countries_of[user.pk] & (
        context.application_countries.get(application_id, set())
    ):
        reasons.append(_("Comes from a country of the consortium."))
    return reasons


# Settings ------------------------------------------------------------------------------------


@transaction.atomic
def set_review_settings(
    *, actor, call: Call, reviewers_per_application: int, reviewers_from_other_countries: bool
) -> ApplicationRound:
    """How many committee members review each application, and whether they must come from
    other countries. Needs the application round (its deadline) to exist."""
    round_ = ApplicationRound.objects.select_for_update().filter(call=call).first()
    if round_ is None:
        raise ValidationError(_("Set the deadline for joint applications first."), code="no_round")
    if not 1 <= reviewers_per_application <= 10:
        raise ValidationError(
            {"reviewers_per_application": [_("Choose between 1 and 10 reviewers.")]}
        )
    fields = ("reviewers_per_application", "reviewers_from_other_countries")
    before = audit.snapshot(round_, fields)
    round_.reviewers_per_application = reviewers_per_application
    round_.reviewers_from_other_countries = reviewers_from_other_countries
    round_.save(update_fields=[*fields, "updated"])
    changes = audit.changes_between(before, audit.snapshot(round_, fields))
    if changes:
        audit.record(
            actor=actor,
            action="review.settings_changed",
            obj=round_,
            programme=call.programme,
            changes=changes,
        )
    return round_


# Conflicts of interest -----------------------------------------------------------------------


@transaction.atomic
def declare_conflict(*, actor, application: Application, reason: str) -> ConflictOfInterest:
    """A committee member declares they cannot review the application. An unsubmitted
    assignment of theirs to it is withdrawn; a submitted review stays and is marked by the
    conflict on the pages."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Say briefly why, for the coordinators.")]})
    application = (
        Application.objects.select_for_update()
        .select_related("call__programme")
        .get(pk=application.pk)
    )
    conflict, created = ConflictOfInterest.objects.get_or_create(
        application=application, person=actor, defaults={"reason": reason}
    )
    if not created:
        return conflict
    withdrawn = Review.objects.filter(
        application=application, reviewer=actor, status=Review.Status.ASSIGNED
    ).delete()[0]
    audit.record(
        actor=actor,
        action="review.conflict_declared",
        obj=application,
        programme=application.call.programme,
        changes={
            "conflict": {"old": None, "new": reason},
            **({"assignment": {"old": str(actor), "new": None}} if withdrawn else {}),
        },
    )
    return conflict


# Assignments ---------------------------------------------------------------------------------


def _lock_application(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("call__programme", "consortium__left", "consortium__right")
        .get(pk=application.pk)
    )


def _assign(actor, application: Application, reviewer) -> Review:
    review = Review.objects.create(application=application, reviewer=reviewer, assigned_by=actor)
    changes: dict[str, Any] = {"reviewer": {"old": None, "new": str(reviewer)}}
    if application.status == Status.SUBMITTED:
        application.status = Status.IN_REVIEW
        application.save(update_fields=["status", "updated"])
        changes["status"] = {"old": Status.SUBMITTED, "new": Status.IN_REVIEW}
    audit.record(
        actor=actor,
        action="review.assigned",
        obj=application,
        programme=application.call.programme,
        changes=changes,
    )
    queue_email(
        template="selection/email/review_assigned",
        to=reviewer.email,
        language=reviewer.language or None,
        context={
            "application": application,
            "call": application.call,
            "reviewer": reviewer,
            "url": settings.SITE_URL + review_url(review),
        },
    )
    return review


@transaction.atomic
def assign_reviewer(*, actor, application: Application, reviewer) -> Review:
    """The coordinators assign one committee member by hand."""
    application = _lock_application(application)
    if application.status not in REVIEWABLE:
        raise ValidationError(_("Only submitted applications can be reviewed."), code="status")
    if Review.objects.filter(application=application, reviewer=reviewer).exists():
        raise ValidationError(
            {"reviewer": [_("%(name)s already reviews this application.") % {"name": reviewer}]}
        )
    obstacles = reviewer_obstacles(review_context(application.call), application.pk, reviewer)
    if obstacles:
        raise ValidationError({"reviewer": obstacles})
    return _assign(actor, application, reviewer)


@transaction.atomic
def unassign_reviewer(*, actor, review: Review) -> None:
    review = (
        Review.objects.select_for_update()
        .select_related("application__call__programme", "reviewer")
        .get(pk=review.pk)
    )
    if review.status == Review.Status.SUBMITTED:
        raise ValidationError(
            _("This review was submitted; it stays part of the record."), code="submitted"
        )
    review.delete()
    audit.record(
        actor=actor,
        action="review.unassigned",
        obj=review.application,
        programme=review.application.call.programme,
        changes={"reviewer": {"old": str(review.reviewer), "new": None}},
    )


@dataclasses.dataclass
class AutoAssignResult:
    created: list[Review]
    short: list[tuple[Application, int]]  # applications still missing reviewers, and how many


@transaction.atomic
def auto_assign(*, actor, call: Call) -> AutoAssignResult:
    """Fill every application in review up to the configured number of reviewers, keeping the
    committee's load balanced (see the module's rules)."""
    applications = list(
        Application.objects.select_for_update()
        .filter(call=call, status__in=REVIEWABLE)
        .select_related("call__programme")
        .order_by("title", "pk")
    )
    context = review_context(call)
    existing: dict[int, set[int]] = {a.pk: set() for a in applications}
    load = {u.pk: 0 for u in context.committee}
    for application_id, reviewer_id in Review.objects.filter(application__call=call).values_list(
        "application_id", "reviewer_id"
    ):
        existing.setdefault(application_id, set()).add(reviewer_id)
        if reviewer_id in load:
            load[reviewer_id] += 1
    possible = {
        a.pk: [
            u
            for u in context.committee
            if u.pk not in existing[a.pk] and not reviewer_obstacles(context, a.pk, u)
        ]
        for a in applications
    }
    # How often two reviewers already share an application: among reviewers with the same load,
    # the one who shares the fewest with those already chosen goes first, so that the committee
    # mixes instead of forming fixed trios.
    together: dict[tuple[int, int], int] = {}

    def note_together(reviewer_ids) -> None:
        for a in reviewer_ids:
            for b in reviewer_ids:
                if a != b:
                    together[a, b] = together.get((a, b), 0) + 1

    for reviewer_ids in existing.values():
        note_together(reviewer_ids)
    created: list[Review] = []
    short: list[tuple[Application, int]] = []
    for application in sorted(applications, key=lambda a: len(possible[a.pk])):
        needed = context.per_application - len(existing[application.pk])
        if needed <= 0:
            continue
        team = set(existing[application.pk])
        candidates = list(possible[application.pk])
        chosen = []
        while candidates and len(chosen) < needed:
            best = min(
                candidates,
                key=lambda u: (
                    load[u.pk],
                    sum(together.get((u.pk, other), 0) for other in team),
                    u.name,
                    u.pk,
                ),
            )
            candidates.remove(best)
            chosen.append(best)
            team.add(best.pk)
            load[best.pk] += 1
        for reviewer in chosen:
            created.append(_assign(actor, application, reviewer))
        note_together([u.pk for u in chosen] + list(existing[application.pk]))
        if len(chosen) < needed:
            short.append((application, needed - len(chosen)))
    short.sort(key=lambda item: item[0].title)
    return AutoAssignResult(created=created, short=short)


# Reviewing -----------------------------------------------------------------------------------


def criteria_of(call: Call) -> list[RubricCriterion]:
    return list(RubricCriterion.objects.filter(call=call).order_by("position", "pk"))


def _lock_review(review: Review) -> Review:
    return (
        Review.objects.select_for_update()
        .select_related("application__call__programme", "reviewer")
        .get(pk=review.pk)
    )


@transaction.atomic
def save_review(
    *,
    actor,
    review: Review,
    scores: dict[int, tuple[int | None, str]],
    comment: str,
    expected_version: int,
) -> Review:
    """Save the reviewer's scores (criterion id -> (score or None, comment)) and overall comment
    as a draft, unless the review was saved elsewhere since ``expected_version``. Scores outside
    the call's scale are refused, each next to its criterion."""
    current = _lock_review(review)
    if current.status == Review.Status.SUBMITTED:
        raise ValidationError(_("This review was submitted and can no longer change."))
    if current.version != expected_version:
        raise ConcurrentEdit()
    call = current.application.call
    criteria = {c.pk: c for c in criteria_of(call)}
    errors: dict[str, list[str]] = {}
    for criterion_id, (score, _comment) in scores.items():
        if criterion_id not in criteria:
            raise ValueError(criterion_id)
        if score is not None and not call.score_min <= score <= call.score_max:
            errors[f"score_{criterion_id}"] = [
                _("Give a score from %(min)s to %(max)s.")
                % {"min": call.score_min, "max": call.score_max}
            ]
    if errors:
        raise ValidationError(errors)
    stored = {s.criterion_id: s for s in current.scores.all()}
    before = {
        str(criteria[pk].title): [s.score, s.comment] for pk, s in stored.items() if pk in criteria
    }
    before["comment"] = current.comment
    for criterion_id, (score, text) in scores.items():
        row = stored.get(criterion_id)
        if row is None:
            Score.objects.create(
                review=current, criterion_id=criterion_id, score=score, comment=text.strip()
            )
        else:
            row.score, row.comment = score, text.strip()
            row.save(update_fields=["score", "comment"])
    current.comment = comment.strip()
    after = {
        str(criteria[pk].title): [s.score, s.comment]
        for pk, s in {s.criterion_id: s for s in current.scores.all()}.items()
        if pk in criteria
    }
    after["comment"] = current.comment
    changes = audit.changes_between(before, after)
    if changes:
        current.version += 1
        current.save(update_fields=["comment", "version"])
        audit.record(
            actor=actor,
            action="review.saved",
            obj=current,
            programme=call.programme,
            changes=changes,
        )
    return current


def missing_scores(review: Review, criteria: list[RubricCriterion]) -> list[RubricCriterion]:
    scored = {s.criterion_id for s in review.scores.all() if s.score is not None}
    return [c for c in criteria if c.pk not in scored]


@transaction.atomic
def submit_review(*, actor, review: Review) -> Review:
    """Submit the review once every criterion has a score. It no longer changes afterwards."""
    current = _lock_review(review)
    if current.status == Review.Status.SUBMITTED:
        return current
    missing = missing_scores(current, criteria_of(current.application.call))
    if missing:
        raise ValidationError(
            {
                f"score_{c.pk}": [_("Give a score for this criterion before submitting.")]
                for c in missing
            }
        )
    current.status = Review.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.version += 1
    current.save(update_fields=["status", "submitted_at", "version"])
    audit.record(
        actor=actor,
        action="review.submitted",
        obj=current,
        programme=current.application.call.programme,
        changes={"status": {"old": Review.Status.ASSIGNED, "new": Review.Status.SUBMITTED}},
    )
    return current


def weighted_score(review: Review, criteria: list[RubricCriterion]) -> float | None:
    """The review's score on the call's scale: each criterion's score times its weight, divided
    by the total weight. None until every criterion is scored."""
    by_criterion = {s.criterion_id: s.score for s in review.scores.all()}
    total_weight = sum(c.weight for c in criteria)
    if not criteria or total_weight == 0:
        return None
    if any(by_criterion.get(c.pk) is None for c in criteria):
        return None
    return sum(c.weight * by_criterion[c.pk] for c in criteria) / total_weight


# Decisions -----------------------------------------------------------------------------------


@transaction.atomic
def decide(
    *,
    actor,
    application: Application,
    decision: str,
    feedback: str,
    expected_version: int,
) -> Application:
    """Record the committee's decision and the feedback, held until released. An empty
    decision takes a held one back."""
    current = _lock_application(application)
    if current.decision_version != expected_version:
        raise ConcurrentEdit()
    if current.status not in Application.DECIDABLE:
        raise ValidationError(
            _("A decision was already sent for this application (%(status)s).")
            % {"status": current.get_status_display()},
            code="status",
        )
    if decision not in Decision.values:
        raise ValidationError({"decision": [_("Choose a decision.")]})
    if decision == Decision.WAITLISTED and current.status == Status.WAITLISTED:
        raise ValidationError({"decision": [_("The application is on the waiting list already.")]})
    fields = ("decision", "feedback")
    before = audit.snapshot(current, fields)
    current.decision = decision
    current.feedback = feedback.strip()
    changes = audit.changes_between(before, audit.snapshot(current, fields))
    if not changes:
        return current
    current.decided_by = actor if decision else None
    current.decided_at = timezone.now() if decision else None
    current.decision_version += 1
    current.save(update_fields=[*fields, "decided_by", "decided_at", "decision_version", "updated"])
    audit.record(
        actor=actor,
        action="application.decided",
        obj=current,
        programme=current.call.programme,
        changes=changes,
    )
    return current


def held_decisions(call: Call):
    return (
        Application.objects.filter(call=call, status__in=Application.DECIDABLE)
        .exclude(decision=Decision.NONE)
        .select_related("consortium__left", "consortium__right", "call__programme")
        .order_by("title")
    )


@transaction.atomic
def release_decisions(*, actor, call: Call) -> list[Application]:
    """Send every held decision of the call: set each application's status, tell everyone in
    both groups in their language with the feedback, and turn each selected application into a
    network of the programme."""
    held = list(held_decisions(call).select_for_update(of=("self",)))
    now = timezone.now()
    for application in held:
        previous = application.status
        application.status = application.decision
        application.decision = Decision.NONE
        application.decision_released_at = now
        application.released_feedback = application.feedback
        application.decision_version += 1
        application.save(
            update_fields=[
                "status",
                "decision",
                "decision_released_at",
                "released_feedback",
                "decision_version",
                "updated",
            ]
        )
        audit.record(
            actor=actor,
            action="application.decision_released",
            obj=application,
            programme=call.programme,
            changes={
                "status": {"old": previous, "new": application.status},
                "feedback": {"old": None, "new": application.released_feedback},
            },
        )
        network = None
        if application.status == Status.SELECTED:
            network = network_services.create_from_application(actor=actor, application=application)
        _mail_decision(application, network)
    return held


def _mail_decision(application: Application, network) -> None:
    consortium = application.consortium
    groups = {consortium.left_id: consortium.left, consortium.right_id: consortium.right}
    url = settings.SITE_URL + (
        network.get_absolute_url() if network is not None else workspace_url(application)
    )
    seen: set[int] = set()
    for group_id, people in call_queries.recipients(groups).items():
        for person in people:
            if person.pk in seen:
                continue
            seen.add(person.pk)
            queue_email(
                template="selection/email/decision",
                to=person.email,
                language=person.language or regions.interface_language(groups[group_id].country),
                context={
                    "application": application,
                    "call": application.call,
                    "person": person,
                    "network": network,
                    "url": url,
                },
            )


def review_url(review: Review) -> str:
    from django.urls import reverse

    call = review.application.call
    return reverse(
        "selection:review",
        kwargs={
            "programme": call.programme.slug,
            "call": call.slug,
            "review_id": review.pk,
        },
    )
