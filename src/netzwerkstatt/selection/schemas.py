"""What the API shows of joint applications and of the committee's reviews.

What a caller sees of an application is decided by the endpoint and attached to it: the held
decision (``show_held_decision``) for the people who run the call, the feedback sent with a
released decision (``show_feedback``) for them and the consortium's members. Left unset, neither
is shown. Of a review, the scores and comments are shown once it was submitted, or to its
reviewer (``show_draft``). Moments are in the platform's time zone with their offset.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.urls import reverse
from ninja import Field, Schema

from netzwerkstatt.calls.schemas import OFFSET, local
from netzwerkstatt.vocabularies.schemas import TRANSLATIONS, translations

from .models import Activity, Application, PartnerRole, Review
from .review import weighted_score

# Inlined enums of values, so the OpenAPI components of different "Status" classes do not collide.
ApplicationStatus = Literal[tuple(Application.Status.values)]
HeldDecision = Literal[tuple(value for value in Application.Decision.values if value)]
ReviewStatus = Literal[tuple(Review.Status.values)]


def released_feedback(application: Application) -> str | None:
    """The feedback sent to the consortium with its last released decision; None before a
    release. A decision held again (for a waitlisted application) keeps its new feedback in
    ``feedback`` until it is released, so the consortium never reads it early."""
    if application.decision_released_at is None:
        return None
    return application.released_feedback


# Filters --------------------------------------------------------------------------------------


class ApplicationFilters(Schema):
    status: ApplicationStatus | None = Field(
        None, description="Drafts are the consortium's work in progress."
    )


class ReviewFilters(Schema):
    application_id: int | None = Field(None, description="The reviews of one application.")
    status: ReviewStatus | None = None


# Applications ---------------------------------------------------------------------------------


class OrganisationRefOut(Schema):
    id: int
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")


class ConsortiumGroupOut(Schema):
    id: int
    name: str = Field(description="The actor group's name.")
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    lead: OrganisationRefOut


class ConsortiumOut(Schema):
    id: int
    left: ConsortiumGroupOut
    right: ConsortiumGroupOut


class ActivityOut(Schema):
    id: int
    position: int
    title: str
    description: str
    owner: OrganisationRefOut = Field(description="The organisation responsible for it.")
    start_month: int = Field(description="1-36, counted from the project's start.")
    end_month: int = Field(description="1-36, not before the start month.")
    outputs: str


class PartnerRoleOut(Schema):
    organisation: OrganisationRefOut
    role: str = Field(description="What the organisation does in the project.")

    @staticmethod
    def resolve_organisation(role: PartnerRole):
        return role.organisation


class HeldDecisionOut(Schema):
    decision: HeldDecision | None = Field(
        description="The decision waiting to be released; null when none is held."
    )
    feedback: str = Field(description="Sent to the consortium when the decision is released.")
    decided_at: datetime.datetime | None = Field(description=OFFSET)

    @staticmethod
    def resolve_decision(application: Application) -> str | None:
        return application.decision or None

    @staticmethod
    def resolve_decided_at(application: Application) -> datetime.datetime | None:
        return local(application.decided_at) if application.decision else None


class ApplicationOut(Schema):
    id: int
    consortium: ConsortiumOut
    title: str
    summary: str
    objectives: str
    themes: list[str] = Field(description="Theme codes of the thematic focus.")
    status: ApplicationStatus = Field(
        description=(
            "draft, submitted, in_review, and, once the coordinators released the decision, "
            "selected, waitlisted or rejected."
        )
    )
    submitted_at: datetime.datetime | None = Field(description=OFFSET)
    activities: list[ActivityOut] = Field(description="The work programme, in order.")
    roles: list[PartnerRoleOut] = Field(description="What each organisation does, by name.")
    decision_released_at: datetime.datetime | None = Field(
        description="When the last decision was sent to the consortium. " + OFFSET
    )
    feedback: str | None = Field(
        description=(
            "The feedback sent with the released decision, for the consortium's members and the "
            "people who run the call; null before the release, for reviewers, and while a new "
            "decision is held."
        )
    )
    held_decision: HeldDecisionOut | None = Field(
        description="For the people who run the call only; null for everyone else."
    )
    url: str = Field(description="Path of the application's page.")

    @staticmethod
    def resolve_themes(application: Application) -> list[str]:
        return [theme.code for theme in application.themes.all()]

    @staticmethod
    def resolve_submitted_at(application: Application) -> datetime.datetime | None:
        return local(application.submitted_at)

    @staticmethod
    def resolve_activities(application: Application) -> list[Activity]:
        return list(application.activities.all())

    @staticmethod
    def resolve_roles(application: Application) -> list[PartnerRole]:
        return list(application.roles.all())

    @staticmethod
    def resolve_decision_released_at(application: Application) -> datetime.datetime | None:
        return local(application.decision_released_at)

    @staticmethod
    def resolve_feedback(application: Application) -> str | None:
        if not getattr(application, "show_feedback", False):
            return None
        return released_feedback(application)

    @staticmethod
    def resolve_held_decision(application: Application) -> Application | None:
        return application if getattr(application, "show_held_decision", False) else None

    @staticmethod
    def resolve_url(application: Application) -> str:
        call = application.call
        return reverse(
            "selection:workspace",
            kwargs={
                "programme": call.programme.slug,
                "call": call.slug,
                "consortium_id": application.consortium_id,
            },
        )


class AttachmentOut(Schema):
    id: int
    name: str = Field(description="The name it was uploaded with.")
    size: int = Field(description="Bytes.")
    uploaded: datetime.datetime = Field(description=OFFSET)

    @staticmethod
    def resolve_name(attachment) -> str:
        return attachment.original_name

    @staticmethod
    def resolve_uploaded(attachment) -> datetime.datetime:
        return local(attachment.uploaded)


class ApplicationDetailOut(ApplicationOut):
    attachments: list[AttachmentOut] = Field(
        description="Names and sizes; the files are downloaded on the application's page."
    )

    @staticmethod
    def resolve_attachments(application: Application) -> list:
        return list(application.attachments.all())


# Reviews --------------------------------------------------------------------------------------


class ReviewerOut(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(user) -> str:
        return user.display_name


class ScoreOut(Schema):
    criterion_id: int
    criterion: str = Field(description="The criterion's title in the request's language.")
    criterion_translations: dict[str, str] = Field(description=TRANSLATIONS)
    weight: int
    score: int | None = Field(description="On the call's scale; null while not given.")
    comment: str


def _shows_scores(review: Review) -> bool:
    return review.status == Review.Status.SUBMITTED or getattr(review, "show_draft", False)


class ReviewOut(Schema):
    id: int
    application_id: int
    application_title: str
    reviewer: ReviewerOut
    status: ReviewStatus = Field(description="assigned (to do) or submitted.")
    assigned_at: datetime.datetime = Field(description=OFFSET)
    submitted_at: datetime.datetime | None = Field(description=OFFSET)
    conflict_declared: bool = Field(
        description="The reviewer declared a conflict of interest for the application."
    )
    comment: str | None = Field(
        description=(
            "The overall comment, for the committee and the coordinators; null while the "
            "review is not submitted (its reviewer sees their draft)."
        )
    )
    scores: list[ScoreOut] = Field(
        description=(
            "One per rubric criterion, in the rubric's order; empty while the review is not "
            "submitted (its reviewer sees their draft)."
        )
    )
    weighted_score: float | None = Field(
        description=(
            "Each score times its criterion's weight, divided by the total weight, on the "
            "call's scale; null until every criterion is scored."
        )
    )

    @staticmethod
    def resolve_application_title(review: Review) -> str:
        return review.application.title

    @staticmethod
    def resolve_assigned_at(review: Review) -> datetime.datetime:
        return local(review.assigned_at)

    @staticmethod
    def resolve_submitted_at(review: Review) -> datetime.datetime | None:
        return local(review.submitted_at)

    @staticmethod
    def resolve_conflict_declared(review: Review) -> bool:
        # Annotated by the query.
        return bool(getattr(review, "conflict_declared", False))

    @staticmethod
    def resolve_comment(review: Review) -> str | None:
        return review.comment if _shows_scores(review) else None

    @staticmethod
    def resolve_scores(review: Review) -> list[dict]:
        if not _shows_scores(review):
            return []
        stored = {score.criterion_id: score for score in review.scores.all()}
        rows = []
        # The call's criteria, prefetched once for the page (``rubric``).
        for criterion in review.application.call.rubric:
            score = stored.get(criterion.pk)
            rows.append(
                {
                    "criterion_id": criterion.pk,
                    "criterion": str(criterion.title),
                    "criterion_translations": translations(criterion.title),
                    "weight": criterion.weight,
                    "score": score.score if score else None,
                    "comment": score.comment if score else "",
                }
            )
        return rows

    @staticmethod
    def resolve_weighted_score(review: Review) -> float | None:
        if not _shows_scores(review):
            return None
        return weighted_score(review, review.application.call.rubric)
