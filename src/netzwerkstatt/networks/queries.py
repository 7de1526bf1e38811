"""Reads of the workspace: the timeline, the overview on the network's page, the coordinators'
side-by-side view of the tandems' projects, and an item's history. Each runs a fixed number of
queries however many items there are."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from netzwerkstatt.core.models import AuditEntry

from .models import (
    DevelopmentProject,
    Goal,
    LogEntry,
    Milestone,
    Network,
    NetworkMember,
    Step,
    WorkPackage,
)

# Timeline ---------------------------------------------------------------------------------------


@dataclass
class Cell:
    """One month of one row: ``on`` while a work package runs (``start``/``end`` at its first
    and last month), ``marker`` in the month a milestone is due."""

    on: bool = False
    start: bool = False
    end: bool = False
    marker: bool = False


@dataclass
class Row:
    item: WorkPackage | Milestone
    is_milestone: bool
    overdue: bool
    cells: list[Cell]


@dataclass
class Group:
    goal: Goal | None
    rows: list[Row] = field(default_factory=list)


@dataclass
class Timeline:
    months: list[datetime.date]  # the first day of each month shown
    groups: list[Group]
    current: int | None  # the index of today's month among ``months``, if shown

    @property
    def is_empty(self) -> bool:
        return not any(group.rows for group in self.groups)


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], _month(first)
    while month <= last:
        months.append(month)
        month = _next_month(month)
    return months


def timeline(
    goals: list[Goal],
    work_packages: list[WorkPackage],
    milestones: list[Milestone],
    today: datetime.date | None = None,
) -> Timeline:
    """The work programme as a grid of months from the first start (or due date) to the last end,
    one group per goal (in the goals' order, then the items without a goal), each with its work
    packages (by start) and then its milestones (by due date)."""
    today = today or timezone.localdate()
    dates = [d for wp in work_packages for d in (wp.starts_on, wp.ends_on)] + [
        m.due_on for m in milestones
    ]
    if not dates:
        return Timeline(months=[], groups=[], current=None)
    months = month_range(min(dates), max(dates))
    groups = {goal.pk: Group(goal=goal) for goal in goals}
    loose = Group(goal=None)
    for wp in sorted(work_packages, key=lambda w: (w.starts_on, w.ends_on, w.pk)):
        first, last = _month(wp.starts_on), _month(wp.ends_on)
        cells = [Cell(on=first <= m <= last, start=m == first, end=m == last) for m in months]
        groups.get(wp.goal_id, loose).rows.append(
            Row(item=wp, is_milestone=False, overdue=wp.is_overdue(today), cells=cells)
        )
    for milestone in sorted(milestones, key=lambda m: (m.due_on, m.pk)):
        due = _month(milestone.due_on)
        cells = [Cell(marker=m == due) for m in months]
        groups.get(milestone.goal_id, loose).rows.append(
            Row(item=milestone, is_milestone=True, overdue=milestone.is_overdue(today), cells=cells)
        )
    ordered = [*groups.values(), *([loose] if loose.rows else [])]
    this_month = _month(today)
    return Timeline(
        months=months,
        groups=ordered,
        current=months.index(this_month) if this_month in months else None,
    )


@dataclass
class WorkProgramme:
    goals: list[Goal]
    work_packages: list[WorkPackage]
    milestones: list[Milestone]
    timeline: Timeline


def work_programme(network: Network) -> WorkProgramme:
    goals = list(network.goals.all())
    work_packages = list(network.work_packages.select_related("owner"))
    milestones = list(network.milestones.all())
    return WorkProgramme(
        goals=goals,
        work_packages=work_packages,
        milestones=milestones,
        timeline=timeline(goals, work_packages, milestones),
    )


# The network's overview -------------------------------------------------------------------------


@dataclass
class Overview:
    upcoming: list[Milestone]
    overdue_work_packages: list[WorkPackage]
    overdue_milestones: list[Milestone]
    latest_entries: list[LogEntry]


def overview(network: Network, *, limit: int = 5) -> Overview:
    """What needs attention: the next milestones, what is overdue, the latest log entries."""
    today = timezone.localdate()
    latest: list[LogEntry] = []
    if network.is_tandem:
        latest = list(
            LogEntry.objects.filter(project__network=network)
            .select_related("project")
            .order_by("-date", "-id")[:limit]
        )
    return Overview(
        upcoming=list(
            network.milestones.filter(done_on__isnull=True, due_on__gte=today).order_by("due_on")[
                :limit
            ]
        ),
        overdue_work_packages=list(
            network.work_packages.filter(ends_on__lt=today)
            .exclude(status__in=WorkPackage.CLOSED)
            .select_related("owner")
            .order_by("ends_on")[:limit]
        ),
        overdue_milestones=list(
            network.milestones.filter(done_on__isnull=True, due_on__lt=today).order_by("due_on")[
                :limit
            ]
        ),
        latest_entries=latest,
    )


# Development projects ---------------------------------------------------------------------------


def projects_with_progress() -> models.QuerySet[DevelopmentProject]:
    """Projects annotated with their steps done and in total and their latest log entry."""
    latest = LogEntry.objects.filter(project=OuterRef("pk")).order_by("-date", "-id")
    return DevelopmentProject.objects.annotate(
        steps_total=Count("steps", distinct=True),
        steps_done=Count("steps", filter=Q(steps__status=Step.Status.DONE), distinct=True),
        entry_count=Count("log_entries", distinct=True),
        last_date=Subquery(latest.values("date")[:1]),
        last_kind=Subquery(latest.values("kind")[:1]),
    ).order_by("created", "id")


def kind_label(kind: str | None) -> str:
    return LogEntry.Kind(kind).label if kind in LogEntry.Kind.values else ""


def tandems_with_projects(programme) -> list[Network]:
    """Every tandem of the programme with its members and its projects (with progress)."""
    tandems = list(
        Network.objects.filter(programme=programme, kind=Network.Kind.TANDEM)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=NetworkMember.objects.select_related("organisation").order_by(
                    "-organisation__kind", "organisation__name"
                ),
            ),
            Prefetch("development_projects", queryset=projects_with_progress()),
        )
    )
    for tandem in tandems:
        tandem.programme = programme
        for project in tandem.development_projects.all():
            project.last_kind_label = kind_label(project.last_kind)
    return tandems


# History ----------------------------------------------------------------------------------------


def history(obj: models.Model, *, limit: int = 50) -> list[AuditEntry]:
    """The audit entries of one object, newest first: who changed what, when."""
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("actor")
        .order_by("-created", "-id")[:limit]
    )
