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


# The committee's review -----------------------------------------------------------------------


@dataclass
class Ranked:
    """An application in the ranking: its reviews, the weighted score of each submitted one,
    their mean and spread (lowest to highest, and the standard deviation)."""

    application: Application
    reviews: list
    scores: list[float]
    criteria_means: list[float | None]

    @property
    def submitted(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None

    @property
    def low(self) -> float | None:
        return min(self.scores, default=None)

    @property
    def high(self) -> float | None:
        return max(self.scores, default=None)

    @property
    def spread(self) -> float | None:
        return self.high - self.low if self.scores else None

    @property
    def stdev(self) -> float | None:
        if not self.scores:
            return None
        mean = self.mean
        return (sum((s - mean) ** 2 for s in self.scores) / len(self.scores)) ** 0.5


def call_reviews(call: Call) -> list:
    from .models import Review

    return list(
        Review.objects.filter(application__call=call)
        .select_related("reviewer")
        .prefetch_related("scores")
        .order_by("reviewer__name", "pk")
    )


def ranking(call: Call) -> list[Ranked]:
    """The call's reviewed applications (submitted and after), best mean weighted score first;
    applications without a submitted review last, by title."""
    from .review import criteria_of, weighted_score

    criteria = criteria_of(call)
    reviews_of: dict[int, list] = {}
    for review in call_reviews(call):
        reviews_of.setdefault(review.application_id, []).append(review)
    applications = (
        Application.objects.filter(call=call, status__in=Application.SENT)
        .select_related("consortium__left", "consortium__right")
        .order_by("title", "pk")
    )
    result = []
    for application in applications:
        reviews = reviews_of.get(application.pk, [])
        done = [r for r in reviews if r.status == r.Status.SUBMITTED]
        scores = [s for s in (weighted_score(r, criteria) for r in done) if s is not None]
        means: list[float | None] = []
        for criterion in criteria:
            values = [
                s.score
                for r in done
                for s in r.scores.all()
                if s.criterion_id == criterion.pk and s.score is not None
            ]
            means.append(sum(values) / len(values) if values else None)
        result.append(Ranked(application, reviews, scores, means))
    result.sort(key=lambda r: (r.mean is None, -(r.mean or 0)))
    return result


@dataclass
class ReviewerProgress:
    reviewer: object
    assigned: int
    submitted: int
    last_submitted: object

    @property
    def open(self) -> int:
        return self.assigned - self.submitted


def reviewer_progress(call: Call, reviews: list | None = None) -> list[ReviewerProgress]:
    """Per committee member with assignments in the call: how many, how many submitted."""
    rows: dict[int, ReviewerProgress] = {}
    for review in call_reviews(call) if reviews is None else reviews:
        row = rows.setdefault(review.reviewer_id, ReviewerProgress(review.reviewer, 0, 0, None))
        row.assigned += 1
        if review.status == review.Status.SUBMITTED:
            row.submitted += 1
            if row.last_submitted is None or review.submitted_at > row.last_submitted:
                row.last_submitted = review.submitted_at
    return sorted(rows.values(), key=lambda r: (r.reviewer.name, r.reviewer.pk))
