"""What the API shows of calls and expressions of interest, and what it accepts for answers.

Texts come in the request's language, with every translation beside them. Moments are in the
platform's time zone with their offset (``2026-03-01T12:00:00+01:00``), as the call pages show them.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.utils import timezone
from ninja import Field, Schema

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.schemas import TRANSLATIONS, translations

from .forms.answers import choice_label
from .models import ActorGroup, Call, ExpressionOfInterest, GroupMember, Question
from .queries import RECEIVED_STATUSES

# Choices are inlined as enums of values: TextChoices classes would become OpenAPI components
# named after the class only ("Status", "Kind"), and different classes would overwrite each other.
Phase = Literal[tuple(Call.Phase.values)]
PublishedPhase = Literal["upcoming", "open", "closed"]  # drafts are not listed
ExpressionStatus = Literal[tuple(ExpressionOfInterest.Status.values)]
ReceivedStatus = Literal[tuple(str(status) for status in RECEIVED_STATUSES)]
QuestionKind = Literal[tuple(Question.Kind.values)]
OrganisationKind = Literal[tuple(Organisation.Kind.values)]
MemberRole = Literal[tuple(GroupMember.Role.values)]
MemberStatus = Literal[tuple(GroupMember.Status.values)]
# The length the answer form allows for a short text.
SHORT_TEXT_MAX_LENGTH = 300
OFFSET = "ISO 8601 in the platform's time zone, with its offset."


def local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(moment) if moment is not None else None


# Errors ---------------------------------------------------------------------------------------


class CallsErrorOut(Schema):
    detail: str
    code: str = Field("", description="A machine-readable reason, e.g. concurrent_edit, locked.")


class AnswerErrorsOut(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(
        description="Messages by question id (as a string); empty when only `general` applies."
    )
    general: list[str] = Field(description="Problems that are not about one answer.")


# Calls ----------------------------------------------------------------------------------------


class CallFilters(Schema):
    programme: str = Field("", description="A programme's slug.")
    phase: PublishedPhase | None = Field(None, description="upcoming, open or closed, as of now.")


class CallOut(Schema):
    programme: str = Field(description="The programme's slug.")
    slug: str
    title: str = Field(description="In the request's language.")
    title_translations: dict[str, str] = Field(description=TRANSLATIONS)
    phase: Phase = Field(
        description="draft (only its coordinators see it), upcoming, open or closed."
    )
    opens_at: datetime.datetime = Field(description=OFFSET)
    closes_at: datetime.datetime = Field(description=OFFSET)
    eligible_countries: list[str] = Field(description="ISO 3166-1 alpha-2 codes.")
    eligible_regions: list[str] = Field(
        description="ISO 3166-2 codes the lead organisation must be from; empty: every region."
    )
    eligible_kinds: list[OrganisationKind] = Field(
        description="Kinds of organisation that may take part; empty: every kind."
    )
    themes: list[str] = Field(description="Theme codes.")
    pairings: list[list[str]] = Field(
        description="Pairs of country codes whose groups are matched with each other."
    )
    url: str = Field(description="Path of the call's page.")

    @staticmethod
    def resolve_programme(call: Call) -> str:
        return call.programme.slug

    @staticmethod
    def resolve_title(call: Call) -> str:
        return str(call.title)

    @staticmethod
    def resolve_title_translations(call: Call) -> dict[str, str]:
        return translations(call.title)

    @staticmethod
    def resolve_opens_at(call: Call) -> datetime.datetime:
        return local(call.opens_at)

    @staticmethod
    def resolve_closes_at(call: Call) -> datetime.datetime:
        return local(call.closes_at)

    @staticmethod
    def resolve_themes(call: Call) -> list[str]:
        # .all() so that the prefetched themes are used.
        return [theme.code for theme in call.themes.all()]

    @staticmethod
    def resolve_url(call: Call) -> str:
        return call.get_absolute_url()


class ChoiceOut(Schema):
    value: str = Field(description="What an answer sends and stores.")
    label: str = Field(description="In the request's language.")
    label_translations: dict[str, str] = Field(description=TRANSLATIONS)

    @staticmethod
    def resolve_value(choice: dict) -> str:
        return str(choice.get("value", ""))

    @staticmethod
    def resolve_label(choice: dict) -> str:
        return choice_label(choice)

    @staticmethod
    def resolve_label_translations(choice: dict) -> dict[str, str]:
        return translations(choice.get("label", ""))


class LimitsOut(Schema):
    """The rules an answer must keep; null where they do not apply to the question's kind."""

    max_length: int | None = Field(None, description="Characters of a short text.")
    max_words: int | None = Field(None, description="Words of a long text.")
    min_value: float | None = Field(None, description="Smallest number.")
    max_value: float | None = Field(None, description="Largest number.")
    file_types: list[str] | None = Field(None, description="File extensions; empty: any type.")
    max_file_mb: int | None = Field(None, description="Largest file in MB.")


class QuestionOut(Schema):
    id: int = Field(description="Answers are keyed by this id.")
    position: int
    label: str = Field(description="In the request's language.")
    label_translations: dict[str, str] = Field(description=TRANSLATIONS)
    help: str = Field(description="Markdown, in the request's language.")
    help_translations: dict[str, str] = Field(description=TRANSLATIONS)
    kind: QuestionKind
    required: bool = Field(description="Needed before the expression can be submitted.")
    choices: list[ChoiceOut] = Field(description="For single_choice and multiple_choice.")
    limits: LimitsOut

    @staticmethod
    def resolve_label(question: Question) -> str:
        return str(question.label)

    @staticmethod
    def resolve_label_translations(question: Question) -> dict[str, str]:
        return translations(question.label)

    @staticmethod
    def resolve_help(question: Question) -> str:
        return str(question.help_text or "")

    @staticmethod
    def resolve_help_translations(question: Question) -> dict[str, str]:
        return translations(question.help_text)

    @staticmethod
    def resolve_choices(question: Question) -> list[dict]:
        choosing = (Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE)
        return list(question.choices) if question.kind in choosing else []

    @staticmethod
    def resolve_limits(question: Question) -> dict[str, Any]:
        kind = question.kind
        if kind == Question.Kind.SHORT_TEXT:
            return {"max_length": SHORT_TEXT_MAX_LENGTH}
        if kind == Question.Kind.LONG_TEXT:
            return {"max_words": question.max_words}
        if kind == Question.Kind.NUMBER:
            return {"min_value": question.min_value, "max_value": question.max_value}
        if kind == Question.Kind.FILE:
            return {"file_types": list(question.file_types), "max_file_mb": question.max_file_mb}
        return {}


class CallDetailOut(CallOut):
    text: str = Field(description="Markdown, in the request's language.")
    text_translations: dict[str, str] = Field(description=TRANSLATIONS)
    questions: list[QuestionOut] = Field(description="The answer form, in order.")

    @staticmethod
    def resolve_text(call: Call) -> str:
        return str(call.text or "")

    @staticmethod
    def resolve_text_translations(call: Call) -> dict[str, str]:
        return translations(call.text)

    @staticmethod
    def resolve_questions(call: Call) -> list[Question]:
        return list(call.questions.all())


# Expressions of interest ----------------------------------------------------------------------


class ExpressionFilters(Schema):
    status: ReceivedStatus | None = Field(None, description="Drafts never reach coordinators.")
    country: str = Field("", description="The group's country, ISO 3166-1 alpha-2.")


class OrganisationLinkOut(Schema):
    slug: str
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")


class GroupOrganisationOut(OrganisationLinkOut):
    role: MemberRole
    status: MemberStatus = Field(description="Partners confirm an invitation; leads are.")

    @staticmethod
    def resolve_slug(member: GroupMember) -> str:
        return member.organisation.slug

    @staticmethod
    def resolve_name(member: GroupMember) -> str:
        return member.organisation.name

    @staticmethod
    def resolve_country(member: GroupMember) -> str:
        return member.organisation.country


class ScreeningOut(Schema):
    decision: Literal["eligible", "ineligible"] | None = Field(
        description="The coordinators' decision; null while undecided."
    )
    released: bool = Field(
        description="False: the decision is held and the group does not know it yet."
    )
    released_at: datetime.datetime | None = Field(description=OFFSET)

    @staticmethod
    def resolve_decision(expression: ExpressionOfInterest) -> str | None:
        return expression.screening_decision or None

    @staticmethod
    def resolve_released(expression: ExpressionOfInterest) -> bool:
        return expression.decision_released_at is not None

    @staticmethod
    def resolve_released_at(expression: ExpressionOfInterest) -> datetime.datetime | None:
        return local(expression.decision_released_at)


class ExpressionOut(Schema):
    id: int
    group_id: int
    name: str = Field(description="The actor group's name.")
    country: str = Field(description="The group's country, ISO 3166-1 alpha-2.")
    lead: OrganisationLinkOut
    organisations: list[GroupOrganisationOut] = Field(
        description="Confirmed organisations, the lead first."
    )
    themes: list[str] = Field(description="Theme codes of the group's profile.")
    status: ReceivedStatus
    submitted_at: datetime.datetime | None = Field(description=OFFSET)
    screening: ScreeningOut

    @staticmethod
    def resolve_name(expression: ExpressionOfInterest) -> str:
        return expression.group.name

    @staticmethod
    def resolve_country(expression: ExpressionOfInterest) -> str:
        return expression.group.country

    @staticmethod
    def resolve_lead(expression: ExpressionOfInterest) -> Organisation:
        return expression.group.lead

    @staticmethod
    def resolve_organisations(expression: ExpressionOfInterest) -> list[GroupMember]:
        # Prefetched by queries.screening_table.
        return expression.group.confirmed_members

    @staticmethod
    def resolve_themes(expression: ExpressionOfInterest) -> list[str]:
        return [theme.code for theme in expression.group.themes.all()]

    @staticmethod
    def resolve_submitted_at(expression: ExpressionOfInterest) -> datetime.datetime | None:
        return local(expression.submitted_at)

    @staticmethod
    def resolve_screening(expression: ExpressionOfInterest) -> ExpressionOfInterest:
        return expression


class ProfileOut(Schema):
    """What matching compares."""

    themes: list[str] = Field(description="Theme codes.")
    offers: str
    seeks: str
    preferred_regions: list[str] = Field(description="ISO 3166-2 codes; empty: any region.")
    working_languages: list[str] = Field(description="ISO 639-1 codes.")

    @staticmethod
    def resolve_themes(group: ActorGroup) -> list[str]:
        return [theme.code for theme in group.themes.all()]


class AnswerFileOut(Schema):
    question_id: int
    name: str = Field(description="The name it was uploaded with.")
    size: int = Field(description="Bytes.")
    uploaded: datetime.datetime = Field(description=OFFSET)

    @staticmethod
    def resolve_name(answer_file) -> str:
        return answer_file.original_name

    @staticmethod
    def resolve_uploaded(answer_file) -> datetime.datetime:
        return local(answer_file.uploaded)


class ExpressionDetailOut(Schema):
    id: int
    group_id: int
    name: str = Field(description="The actor group's name.")
    country: str = Field(description="The group's country, ISO 3166-1 alpha-2.")
    lead: OrganisationLinkOut
    organisations: list[GroupOrganisationOut] = Field(
        description="The lead, and partners that confirmed or have not answered yet."
    )
    status: ExpressionStatus
    submitted_at: datetime.datetime | None = Field(description=OFFSET)
    version: int = Field(description="Send it back when saving answers.")
    answers: dict[str, Any] = Field(
        description=(
            "By question id (as a string): text, a number as text, a choice value, or a list of "
            "choice values. File questions are under `files`."
        )
    )
    files: list[AnswerFileOut] = Field(description="Names and sizes; the contents stay private.")
    profile: ProfileOut
    screening: ScreeningOut | None = Field(
        description="For the people who run the call only; null for the group."
    )

    @classmethod
    def of(cls, expression: ExpressionOfInterest, *, screening: bool) -> ExpressionDetailOut:
        return cls.model_validate(expression, context={"screening": screening})

    @staticmethod
    def resolve_name(expression: ExpressionOfInterest) -> str:
        return expression.group.name

    @staticmethod
    def resolve_country(expression: ExpressionOfInterest) -> str:
        return expression.group.country

    @staticmethod
    def resolve_lead(expression: ExpressionOfInterest) -> Organisation:
        return expression.group.lead

    @staticmethod
    def resolve_organisations(expression: ExpressionOfInterest) -> list[GroupMember]:
        return list(expression.group.members.all())

    @staticmethod
    def resolve_submitted_at(expression: ExpressionOfInterest) -> datetime.datetime | None:
        return local(expression.submitted_at)

    @staticmethod
    def resolve_files(expression: ExpressionOfInterest) -> list:
        return list(expression.files.all())

    @staticmethod
    def resolve_profile(expression: ExpressionOfInterest) -> ActorGroup:
        return expression.group

    @staticmethod
    def resolve_screening(expression: ExpressionOfInterest, context) -> ExpressionOfInterest | None:
        return expression if context["screening"] else None


# Writing answers ------------------------------------------------------------------------------


class AnswersIn(Schema):
    version: int = Field(ge=1, description="The expression's `version` the answers are based on.")
    answers: dict[str, Any] = Field(
        description=(
            "By question id (as a string): text for text questions, a number (or a number as "
            "text), a choice value for single_choice, a list of choice values for "
            "multiple_choice. Only the questions sent change; null, an empty text or an empty "
            "list clears an answer. Files are uploaded on the group's page."
        )
    )


class AnswersOut(Schema):
    version: int = Field(description="The new version; send it with the next change.")
    status: ExpressionStatus
    answers: dict[str, Any] = Field(description="Everything stored now, by question id.")


class SubmittedOut(Schema):
    status: ExpressionStatus
    submitted_at: datetime.datetime = Field(description=OFFSET)
    version: int

    @staticmethod
    def resolve_submitted_at(expression: ExpressionOfInterest) -> datetime.datetime:
        return local(expression.submitted_at)
