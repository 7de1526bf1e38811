"""Reads about calls that several views (and later the API) share: the screening table with its
filters and sorting, one expression with everything a coordinator reads before deciding, and the
funnel overview of a call."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import get_language, npgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.accounts.models import User
from netzwerkstatt.matching.models import Consortium
from netzwerkstatt.selection.models import Application
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

# What a stage counts. Every group writes one expression of interest; two matched groups form a
# consortium, and a consortium writes one joint application. Stages in different units are never
# summed, and the page names the unit under every figure.
UNIT_EXPRESSIONS = "expressions"
UNIT_GROUPS = "groups"
UNIT_CONSORTIA = "consortia"
UNIT_APPLICATIONS = "applications"
# The context keeps these apart from the models' names (a plural form needs its own entry).
_UNIT_LABELS = {
    UNIT_EXPRESSIONS: lambda n: npgettext(
        "unit of a count", "expression of interest", "expressions of interest", n
    ),
    UNIT_GROUPS: lambda n: npgettext("unit of a count", "group", "groups", n),
    UNIT_CONSORTIA: lambda n: npgettext("unit of a count", "consortium", "consortia", n),
    UNIT_APPLICATIONS: lambda n: npgettext(
        "unit of a count", "joint application", "joint applications", n
    ),
}
# Units that count single groups (one expression each), and units that count pairs of groups.
GROUP_UNITS = (UNIT_EXPRESSIONS, UNIT_GROUPS)


@dataclass(frozen=True)
class Stage:
    code: str
    label: str
    count: int
    unit: str = UNIT_EXPRESSIONS

    @property
    def unit_label(self) -> str:
        """The unit in the active language, agreeing with the count."""
        return _UNIT_LABELS[self.unit](self.count)

    @property
    def tone(self) -> str:
        """``"groups"`` or ``"pairs"``: what the stage counts, for its colour on the page."""
        return "groups" if self.unit in GROUP_UNITS else "pairs"


@dataclass(frozen=True)
class PlaceRow:
    """Groups from one country or region (by their received expressions), and how far they got:
    screened, matched into a consortium, in a submitted joint application, selected. Counts
    groups: a consortium joins two groups, often from two countries, so each counts in its own
    place."""

    code: str
    name: str
    received: int
    eligible: int
    ineligible: int
    matched: int
    applied: int
    selected: int
    country: str = ""


@dataclass(frozen=True)
class Funnel:
    stages: list[Stage]
    by_status: list[Stage]
    by_country: list[PlaceRow]
    by_region: list[PlaceRow]
    held: int  # decisions taken but not released yet


def _in_consortium(**application) -> Q:
    """A group in a consortium (on either side), optionally with its application matching."""
    if not application:
        return Q(group__consortium_as_left__isnull=False) | Q(
            group__consortium_as_right__isnull=False
        )
    left = {f"group__consortium_as_left__application__{k}": v for k, v in application.items()}
    right = {f"group__consortium_as_right__application__{k}": v for k, v in application.items()}
    return Q(**left) | Q(**right)


def _place_counts() -> dict[str, Count]:
    # The joins are one-to-one (group, its consortium on one side, its application), so counting
    # expressions never counts a group twice.
    return {
        "received": Count("pk"),
        "eligible": Count("pk", filter=Q(status__in=COUNTS_AS_ELIGIBLE)),
        "ineligible": Count("pk", filter=Q(status=Status.INELIGIBLE)),
        "matched": Count("pk", filter=_in_consortium()),
        "applied": Count("pk", filter=_in_consortium(status__in=Application.SENT)),
        "selected": Count("pk", filter=_in_consortium(status=Application.Status.SELECTED)),
    }


def _place_numbers(counts: dict) -> tuple[int, ...]:
    return tuple(counts[key] for key in _place_counts())


def funnel(call: Call) -> Funnel:
    """How far the call has come, from the first expression of interest to the selected joint
    applications: the stages, the statuses of the expressions, and the received groups by country
    and by the region of the group's lead organisation. Released decisions only: held screening
    decisions are counted apart; an application counts as selected once that decision has been
    released (its status). Six queries, however many groups the call has."""
    statuses = dict(
        ExpressionOfInterest.objects.filter(group__call=call)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    received = received_expressions(call)
    received_count = received.count()
    pairs = Consortium.objects.filter(call=call).aggregate(
        consortia=Count("pk"),
        applied=Count("pk", filter=Q(application__status__in=Application.SENT)),
        selected=Count("pk", filter=Q(application__status=Application.Status.SELECTED)),
    )
    by_status = [Stage(code, str(label), statuses.get(code, 0)) for code, label in Status.choices]
    screened = sum(statuses.get(s, 0) for s in ExpressionOfInterest.SCREENED)
    eligible = sum(statuses.get(s, 0) for s in COUNTS_AS_ELIGIBLE)
    stages = [
        Stage("started", str(_("Started")), sum(statuses.values())),
        Stage("received", str(_("Received")), received_count),
        Stage("screened", str(_("Decision sent")), screened),
        Stage("eligible", str(_("Eligible")), eligible),
        Stage("matched", str(_("Matched")), statuses.get(Status.MATCHED, 0), UNIT_GROUPS),
        Stage("pairs", str(_("Matched pairs")), pairs["consortia"], UNIT_CONSORTIA),
        Stage("applied", str(_("Applications submitted")), pairs["applied"], UNIT_APPLICATIONS),
        Stage("selected", str(_("Selected")), pairs["selected"], UNIT_APPLICATIONS),
    ]
    countries = received.order_by().values("group__country").annotate(**_place_counts())
    by_country = sorted(
        (
            PlaceRow(
                c["group__country"],
                regions.country_name(c["group__country"]),
                *_place_numbers(c),
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
                *_place_numbers(p),
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


def _place_header() -> list[str]:
    return [
        str(_("Received")),
        str(_("Eligible")),
        str(_("Not eligible")),
        str(_("Matched")),
        str(_("In an application")),
        str(_("Selected")),
    ]


def _place_values(row: PlaceRow) -> list[int]:
    return [row.received, row.eligible, row.ineligible, row.matched, row.applied, row.selected]


def funnel_sheets(result: Funnel) -> list[tuple[str, list[str], list[list]]]:
    """The funnel as tables for a spreadsheet: (title, header, rows) each, in the active
    language. Only codes, names of places and numbers: no text the groups wrote. The places
    count groups."""
    return [
        (
            str(_("Funnel")),
            [str(_("Stage")), str(_("Name")), str(_("Count")), str(_("Unit"))],
            [[s.code, s.label, s.count, s.unit_label] for s in result.stages],
        ),
        (
            str(_("Status")),
            [str(_("Code")), str(_("Status")), str(_("Expressions"))],
            [[s.code, s.label, s.count] for s in result.by_status],
        ),
        (
            str(_("Countries")),
            [str(_("Code")), str(_("Country")), *_place_header()],
            [[r.code, r.name, *_place_values(r)] for r in result.by_country],
        ),
        (
            str(_("Regions")),
            [str(_("Code")), str(_("Region")), str(_("Country")), *_place_header()],
            [[r.code, r.name, r.country, *_place_values(r)] for r in result.by_region],
        ),
    ]


def funnel_rows(result: Funnel) -> tuple[list[str], list[list]]:
    """The funnel as one flat table (for CSV): a section column, then the same columns for
    every section, blank where a section has no such value. Stages and statuses fill Count and
    Unit; countries and regions count groups in the columns from Received to Selected."""
    header = [
        str(_("Section")),
        str(_("Code")),
        str(_("Name")),
        str(_("Country")),
        str(_("Count")),
        str(_("Unit")),
        *_place_header(),
    ]
    blank = [""] * len(_place_header())
    rows: list[list] = []
    for section, stages in ((_("Funnel"), result.stages), (_("Status"), result.by_status)):
        rows += [[str(section), s.code, s.label, "", s.count, s.unit_label, *blank] for s in stages]
    for section, places in ((_("Countries"), result.by_country), (_("Regions"), result.by_region)):
        rows += [
            [
                str(section),
                r.code,
                r.name,
                r.country or r.name,
                "",
                str(pgettext_lazy("unit of a count", "groups")),
                *_place_values(r),
            ]
            for r in places
        ]
    return header, rows


# The funnel as bar charts: the geometry is computed here, the SVG drawn by the template
# calls/screening/_bar_chart.html. Lengths are percentages of the chart's width (the SVG is as wide
# as its column) and heights are pixels, so the text keeps its size on a phone.

CHART_ROW = 44  # a bar's label line, then the bar
CHART_LABEL_BASELINE = 15
CHART_BAR_TOP = 22
CHART_BAR_HEIGHT = 16
CHART_SECTION_HEAD = 30  # a section's title above its bars
CHART_SECTION_GAP = 10
# From this length on, a bar holds its number (in white); shorter bars have it just after them.
CHART_VALUE_INSIDE_FROM = 30.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    width: float  # percent of the chart's width; the largest value of the chart takes 100
    top: int  # pixels from the top of the chart to the bar's label line
    tone: str  # "groups" or "pairs": what the bar counts, for its colour
    unit: str = ""  # shown after the label, when the bars of a chart count different things

    @property
    def label_y(self) -> int:
        return self.top + CHART_LABEL_BASELINE

    @property
    def bar_y(self) -> int:
        return self.top + CHART_BAR_TOP

    @property
    def bar_height(self) -> int:
        return CHART_BAR_HEIGHT

    @property
    def value_y(self) -> int:
        # Vertically centred on the bar for a 0.8rem font.
        return self.top + CHART_BAR_TOP + CHART_BAR_HEIGHT - 4

    @property
    def value_inside(self) -> bool:
        return self.width >= CHART_VALUE_INSIDE_FROM

    @property
    def width_attr(self) -> str:
        # Formatted here, with a decimal point in every language.
        return f"{self.width:.2f}%"


@dataclass(frozen=True)
class ChartSection:
    title: str
    title_y: int  # baseline of the title; 0 when the section has no title
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str  # every number of the chart, for screen readers
    sections: list[ChartSection]
    height: int


def bar_chart(
    chart_id: str,
    title: str,
    sections: list[tuple[str, list[tuple[str, int, str, str]]]],
    *,
    largest: int | None = None,
) -> BarChart:
    """Lay out a horizontal bar chart of ``sections``: (title, bars) each, a bar being (label,
    value, tone, unit). One scale for the whole chart, so bars compare across sections: the
    ``largest`` value (by default the chart's own) spans the width, a zero has no bar at all."""
    if largest is None:
        largest = max((v for _title, bars in sections for _l, v, _t, _u in bars), default=0)
    top = 0
    laid_out = []
    for section_title, bars in sections:
        title_y = 0
        if section_title:
            title_y = top + CHART_SECTION_HEAD - 10
            top += CHART_SECTION_HEAD
        section_bars = []
        for label, value, tone, unit in bars:
            width = min(round(100 * value / largest, 2), 100.0) if largest else 0.0
            section_bars.append(Bar(label, value, width, top, tone, unit))
            top += CHART_ROW
        laid_out.append(ChartSection(section_title, title_y, section_bars))
        top += CHART_SECTION_GAP
    description = "; ".join(
        " – ".join(
            filter(
                None,
                [
                    section.title,
                    ", ".join(
                        f"{bar.label}: {bar.value}" + (f" {bar.unit}" if bar.unit else "")
                        for bar in section.bars
                    ),
                ],
            )
        )
        for section in laid_out
    )
    return BarChart(chart_id, title, description, laid_out, max(top - CHART_SECTION_GAP, 0))


def funnel_chart(result: Funnel) -> BarChart:
    """The stages as bars: first those counting groups (their expressions), then those counting
    consortia and their joint applications."""

    def bars(stages):
        return [(s.label, s.count, s.tone, s.unit_label) for s in stages]

    return bar_chart(
        "funnel-chart",
        str(_("The funnel as a bar chart")),
        [
            (
                str(_("Counted in groups")),
                bars(s for s in result.stages if s.unit in GROUP_UNITS),
            ),
            (
                str(_("Counted in consortia")),
                bars(s for s in result.stages if s.unit not in GROUP_UNITS),
            ),
        ],
    )


def country_charts(result: Funnel) -> list[tuple[PlaceRow, BarChart]]:
    """Small multiples: for each country, how many of its groups got how far, all countries on
    one scale."""
    largest = max((row.received for row in result.by_country), default=0)
    return [
        (
            row,
            bar_chart(
                f"country-chart-{row.code.lower()}",
                _("%(country)s: groups as a bar chart") % {"country": row.name},
                [
                    (
                        "",
                        [
                            (str(_("Received")), row.received, "groups", ""),
                            (str(_("Eligible")), row.eligible, "groups", ""),
                            (str(_("Matched")), row.matched, "groups", ""),
                            (str(_("In an application")), row.applied, "groups", ""),
                            (str(_("Selected")), row.selected, "groups", ""),
                        ],
                    )
                ],
                largest=largest,
            ),
        )
        for row in result.by_country
    ]


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
