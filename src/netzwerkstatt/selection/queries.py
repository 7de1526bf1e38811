"""Reads shared by the workspace, the PDF and the coordinators' list."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from netzwerkstatt.calls.models import Call
from netzwerkstatt.matching.models import Consortium
from netzwerkstatt.organisations.models import Organisation

from .models import MAX_MONTHS, Activity, Application
from .services import consortium_organisations, deadline_of, submission_problems, why_locked


@dataclass
class TimelineRow:
    activity: Activity
    cells: list[bool]


@dataclass
class Timeline:
    months: list[int]
    rows: list[TimelineRow] = field(default_factory=list)


def timeline(activities: list[Activity]) -> Timeline:
    """A grid of months (at least a year, in whole half-years, at most 36) with one row per
    activity marking the months it runs."""
    last = max((a.end_month for a in activities), default=12)
    span = min(MAX_MONTHS, max(12, -(-last // 6) * 6))
    months = list(range(1, span + 1))
    return Timeline(
        months=months,
        rows=[
            TimelineRow(activity=a, cells=[a.start_month <= m <= a.end_month for m in months])
            for a in activities
        ],
    )


@dataclass
class Workspace:
    application: Application
    organisations: list[Organisation]
    activities: list[Activity]
    roles: dict[int, str]
    role_rows: list[tuple[Organisation, str]]
    themes: list
    attachments: list
    deadline: object
    locked: str
    problems: list[str]
    timeline: Timeline


def workspace(application: Application, consortium: Consortium) -> Workspace:
    """Everything the overview and the PDF show, in a fixed number of queries."""
    application.consortium = consortium
    organisations = consortium_organisations(consortium)
    activities = list(application.activities.select_related("owner"))
    roles = {r.organisation_id: r.role for r in application.roles.all()}
    deadline = deadline_of(application.call)
    problems = submission_problems(
        application, organisations, deadline, has_activities=bool(activities), roles=roles
    )
    return Workspace(
        application=application,
        organisations=organisations,
        activities=activities,
        roles=roles,
        role_rows=[(o, roles.get(o.pk, "")) for o in organisations],
        themes=list(application.themes.all()),
        attachments=list(application.attachments.all()),
        deadline=deadline,
        locked=why_locked(application, deadline),
        problems=problems,
        timeline=timeline(activities),
    )


def consortia_with_applications(call: Call) -> list[Consortium]:
    """The call's consortia, each with ``app`` (its application or None) and, on the
    application, ``activity_count``."""
    applications = {
        a.consortium_id: a
        for a in Application.objects.filter(call=call).annotate(activity_count=Count("activities"))
    }
    consortia = list(
        Consortium.objects.filter(call=call)
        .select_related("left__lead", "right__lead")
        .order_by("created", "pk")
    )
    for consortium in consortia:
        consortium.app = applications.get(consortium.pk)
    return consortia
