"""Reads about calls that several views (and later the API) share: the screening table with its
filters and sorting, one expression with everything a coordinator reads before deciding, and the
funnel overview of a call."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.accounts.models import User
from netzwerkstatt.vocabularies import regions

from .models import AnswerFile, Call, ExpressionOfInterest, GroupMember, Question

Status = ExpressionOfInterest.Status
Decision = ExpressionOfInterest.Decision

# Statuses an expression can have once it reached the coordinators, in the order of the workflow.
RECEIVED_STATUSES = (Status.SUBMITTED, Status.ELIGIBLE, Status.INELIGIBLE, Status.MATCHED,
                     Status.WITHDRAWN)  # fmt: skip
# Eligible groups stay eligible once matched.
COUNTS_AS_ELIGIBLE = (Status.ELIGIBLE, Status.MATCHED)

# Sort keys of the screening table; a leading "-" reverses the first column only, the group name
# always breaks ties so the order is stable from one page to the next.
SORTS = {
    "name": "group__name",
    "country": "group__country",
    "region": "group__lead__region",
    "status": "status",
    "submitted": "submitted_at",
}
DEFAULT_SORT = "name"


def received_expressions(call: Call) -> QuerySet[ExpressionOfInterest]:
    """Expressions that reached the coordinators: not drafts, and not drafts withdrawn before
    they were ever submitted. Coordinators never read a group's unfinished work."""
    return (
        ExpressionOfInterest.objects.filter(group__call=call)
        .exclude(status=Status.DRAFT)
        .exclude(status=Status.WITHDRAWN, submitted_at__isnull=True)
    )


def _confirmed_member_where(**organisation_filter) -> Exists:
    return Exists(
        GroupMember.objects.filter(
            group=OuterRef("group"),
            status=GroupMember.Status.CONFIRMED,
            **{f"organisation__{key}": value for key, value in organisation_filter.items()},
        )
    )


def screening_table(
    call: Call,
    *,
    country: str = "",
    region: str = "",
    kind: str = "",
    theme=None,
    status: str = "",
    decision: str = "",
    sort: str = DEFAULT_SORT,
) -> QuerySet[ExpressionOfInterest]:
    """The received expressions of ``call``, filtered and sorted, with everything a row shows.

    ``region`` and ``kind`` match when any confirmed organisation of the group has them;
    ``decision`` is ``"none"``, ``"eligible"`` or ``"ineligible"`` and looks at the screening
    decision whether or not it has been released."""
    expressions = received_expressions(call).select_related("group__lead", "screened_by")
    if country:
        expressions = expressions.filter(group__country=country)
    if region:
        expressions = expressions.filter(_confirmed_member_where(region=region))
    if kind:
        expressions = expressions.filter(_confirmed_member_where(kind=kind))
    if theme is not None:
        expressions = expressions.filter(Exists(theme.actor_groups.filter(pk=OuterRef("group"))))
    if status:
        expressions = expressions.filter(status=status)
    if decision == "none":
        expressions = expressions.filter(screening_decision=Decision.NONE)
    elif decision:
        expressions = expressions.filter(screening_decision=decision)
    return expressions.prefetch_related(
        Prefetch(
            "group__members",
            queryset=GroupMember.objects.filter(status=GroupMember.Status.CONFIRMED)
            .select_related("organisation")
            .order_by("role", "organisation__name"),
            to_attr="confirmed_members",
        ),
        "group__themes",
    ).order_by(*ordering(sort))


def ordering(sort: str) -> list:
    descending = sort.startswith("-")
    column = SORTS.get(sort.lstrip("-"), SORTS[DEFAULT_SORT])
    first = F(column).desc(nulls_last=True) if descending else F(column).asc(nulls_last=True)
    return [first, "group__name", "pk"]


def expression_for_screening(call: Call, expression_id: int) -> ExpressionOfInterest:
    """One received expression of ``call`` with its group, organisations, themes and files.
    Raises ``ExpressionOfInterest.DoesNotExist`` for anything else."""
    return (
        received_expressions(call)
        .select_related("group__lead", "group__call__programme", "screened_by")
        .prefetch_related(
            Prefetch(
                "group__members",
                queryset=GroupMember.objects.exclude(status=GroupMember.Status.DECLINED)
                .select_related("organisation")
                .order_by("role", "organisation__name"),
            ),
            "group__themes",
            Prefetch("files", queryset=AnswerFile.objects.order_by("question_id")),
        )
        .get(pk=expression_id)
    )


def _choice_label(question: Question, value: Any) -> str:
    language = (get_language() or "en")[:2]
    for choice in question.choices:
        if choice.get("value") == value:
            label = choice.get("label", "")
            if isinstance(label, dict):
                return label.get(language) or label.get("en") or next(iter(label.values()), "")
            return str(label)
    return str(value)


@dataclass
class Answer:
    question: Question
    text: str = ""
    choices: list[str] = field(default_factory=list)
    file: AnswerFile | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.choices or self.file)


def answers_of(expression: ExpressionOfInterest) -> list[Answer]:
    """Every question of the call with this expression's answer, ready to show."""
    files = {f.question_id: f for f in expression.files.all()}
    result = []
    for question in expression.group.call.questions.all():
        value = expression.answers.get(str(question.pk))
        answer = Answer(question=question)
        if question.kind == Question.Kind.FILE:
            answer.file = files.get(question.pk)
        elif question.kind == Question.Kind.MULTIPLE_CHOICE:
            values = value if isinstance(value, list) else ([value] if value else [])
            answer.choices = [_choice_label(question, v) for v in values]
        elif question.kind == Question.Kind.SINGLE_CHOICE:
            answer.text = _choice_label(question, value) if value not in (None, "") else ""
        else:
            answer.text = "" if value is None else str(value)
        result.append(answer)
    return result


# The funnel -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    count: int


@dataclass(frozen=True)
class PlaceRow:
    """Expressions received from one country or region, and how screening went for them."""

    code: str
    name: str
    received: int
    eligible: int
    ineligible: int
    country: str = ""


@dataclass(frozen=True)
class Funnel:
    stages: list[Stage]
    by_status: list[Stage]
    by_country: list[PlaceRow]
    by_region: list[PlaceRow]
    held: int  # decisions taken but not released yet


def _place_counts() -> dict[str, Count]:
    return {
        "received": Count("pk"),
        "eligible": Count("pk", filter=Q(status__in=COUNTS_AS_ELIGIBLE)),
        "ineligible": Count("pk", filter=Q(status=Status.INELIGIBLE)),
    }


def funnel(call: Call) -> Funnel:
    """How far the call's expressions have come: the stages, the statuses, and the received
    expressions by country and by the region of the group's lead organisation. Released
    decisions only: held decisions are counted apart."""
    statuses = dict(
        ExpressionOfInterest.objects.filter(group__call=call)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    received = received_expressions(call)
    received_count = received.count()
    by_status = [Stage(code, str(label), statuses.get(code, 0)) for code, label in Status.choices]
    screened = sum(statuses.get(s, 0) for s in ExpressionOfInterest.SCREENED)
    eligible = sum(statuses.get(s, 0) for s in COUNTS_AS_ELIGIBLE)
    stages = [
        Stage("started", str(_("Started")), sum(statuses.values())),
        Stage("received", str(_("Received")), received_count),
        Stage("screened", str(_("Decision sent")), screened),
        Stage("eligible", str(_("Eligible")), eligible),
        Stage("matched", str(_("Matched")), statuses.get(Status.MATCHED, 0)),
    ]
    countries = received.order_by().values("group__country").annotate(**_place_counts())
    by_country = sorted(
        (
            PlaceRow(
                c["group__country"],
                regions.country_name(c["group__country"]),
                c["received"],
                c["eligible"],
                c["ineligible"],
            )
            for c in countries
        ),
        key=lambda row: row.name,
    )
    places = (
        received.order_by()
        .values("group__country", "group__lead__region")
        .annotate(**_place_counts())
    )
    by_region = sorted(
        (
            PlaceRow(
                p["group__lead__region"],
                regions.region_name(p["group__lead__region"]) or str(_("No region given")),
                p["received"],
                p["eligible"],
                p["ineligible"],
                country=regions.country_name(p["group__country"]),
            )
            for p in places
        ),
        # By country, then by region; the groups without a region last within their country.
        key=lambda row: (row.country, not row.code, row.name),
    )
    held = received.filter(status=Status.SUBMITTED).exclude(screening_decision="").count()
    return Funnel(
        stages=stages, by_status=by_status, by_country=by_country, by_region=by_region, held=held
    )


def funnel_sheets(result: Funnel) -> list[tuple[str, list[str], list[list]]]:
    """The funnel as tables for a spreadsheet: (title, header, rows) each, in the active
    language. Only codes, names of places and numbers: no text the groups wrote."""
    counts_header = [str(_("Received")), str(_("Eligible")), str(_("Not eligible"))]
    return [
        (
            str(_("Funnel")),
            [str(_("Stage")), str(_("Name")), str(_("Expressions"))],
            [[s.code, s.label, s.count] for s in result.stages],
        ),
        (
            str(_("Status")),
            [str(_("Code")), str(_("Status")), str(_("Expressions"))],
            [[s.code, s.label, s.count] for s in result.by_status],
        ),
        (
            str(_("Countries")),
            [str(_("Code")), str(_("Country")), *counts_header],
            [[r.code, r.name, r.received, r.eligible, r.ineligible] for r in result.by_country],
        ),
        (
            str(_("Regions")),
            [str(_("Code")), str(_("Region")), str(_("Country")), *counts_header],
            [
                [r.code, r.name, r.country, r.received, r.eligible, r.ineligible]
                for r in result.by_region
            ],
        ),
    ]


def funnel_rows(result: Funnel) -> tuple[list[str], list[list]]:
    """The funnel as one flat table (for CSV): a section column, then the same columns for
    every section, blank where a section has no such value."""
    header = [
        str(_("Section")),
        str(_("Code")),
        str(_("Name")),
        str(_("Country")),
        str(_("Expressions")),
        str(_("Eligible")),
        str(_("Not eligible")),
    ]
    rows: list[list] = []
    rows += [[str(_("Funnel")), s.code, s.label, "", s.count, "", ""] for s in result.stages]
    rows += [[str(_("Status")), s.code, s.label, "", s.count, "", ""] for s in result.by_status]
    rows += [
        [str(_("Countries")), r.code, r.name, r.name, r.received, r.eligible, r.ineligible]
        for r in result.by_country
    ]
    rows += [
        [str(_("Regions")), r.code, r.name, r.country, r.received, r.eligible, r.ineligible]
        for r in result.by_region
    ]
    return header, rows


# Releasing decisions --------------------------------------------------------------------------


def held_decisions(call: Call) -> QuerySet[ExpressionOfInterest]:
    """Submitted expressions with a screening decision that has not been sent yet."""
    return (
        received_expressions(call)
        .filter(status=Status.SUBMITTED)
        .exclude(screening_decision=Decision.NONE)
    )


def recipients(group_ids) -> dict[int, list]:
    """The people to tell about each group's decision: every active member of the group's
    confirmed organisations, once per group even when they belong to two of them."""
    pairs = set(
        GroupMember.objects.filter(
            group_id__in=list(group_ids),
            status=GroupMember.Status.CONFIRMED,
            organisation__memberships__isnull=False,
        ).values_list("group_id", "organisation__memberships__user_id")
    )
    people = User.objects.filter(
        pk__in={user_id for _group, user_id in pairs}, is_active=True, erased_at__isnull=True
    ).in_bulk()
    result: dict[int, list] = {}
    for group_id, user_id in sorted(pairs):
        if user_id in people:
            result.setdefault(group_id, []).append(people[user_id])
    return result
