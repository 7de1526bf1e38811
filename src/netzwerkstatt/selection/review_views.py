"""The committee's review pages.

For the coordinators: the review overview (settings, automatic assignment, who reviews what,
each reviewer's progress, declared conflicts), the reviewers of one application, the ranking
with the decision on each application and its CSV, and sending the held decisions.

For committee members: their reviews in the call, a conflict of interest, and the review
itself. A reviewer sees the others' reviews of the same application only once theirs is
submitted; committee members never see applications they do not review beyond their title and
consortium. Reviewing and declaring conflicts are asked through ``calls.rules.may``, so that
platform admins do not act as reviewers; the coordinators' pages through ``has_perm``, which
lets platform admins in as coordinators.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from netzwerkstatt.calls import queries as call_queries
from netzwerkstatt.calls.models import Call, GroupMember
from netzwerkstatt.calls.rules import get_call_for, may
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.networks.models import Network

from . import queries
from . import review as review_services
from .models import Application, ApplicationRound, ConflictOfInterest, Review
from .review_forms import (
    AssignForm,
    ConflictForm,
    DecisionForm,
    ReviewForm,
    ReviewSettingsForm,
    decision_prefix,
)
from .services import consortium_organisations

MANAGE = "selection.manage_review"
Status = Application.Status


# Fetching and authorising ---------------------------------------------------------------------


def _managed_call(request: HttpRequest, programme: str, call: str) -> Call:
    """A call whose review the person runs (coordinators, platform admins)."""
    return get_call_for(request.user, programme, call, MANAGE)


def _committee_call(request: HttpRequest, programme: str, call: str) -> Call:
    """A call on whose committee the person sits; platform admins get no free pass here."""
    call_ = get_call_for(request.user, programme, call, "calls.view_call")
    if not may(request.user, "selection.take_part_in_review", call_):
        raise PermissionDenied
    return call_


def _application(call: Call, consortium_id: int, statuses) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("consortium__left", "consortium__right"),
        call=call,
        consortium_id=consortium_id,
        status__in=statuses,
    )
    application.call = application.consortium.call = call
    return application


def _own_review(request: HttpRequest, programme: str, call: str, review_id: int) -> Review:
    """The person's own review; anybody else's does not exist for them (404)."""
    call_ = get_call_for(request.user, programme, call, "calls.view_call")
    item = get_object_or_404(
        Review.objects.select_related(
            "reviewer", "application__consortium__left", "application__consortium__right"
        ),
        pk=review_id,
        application__call=call_,
    )
    if not may(request.user, "selection.review", item):
        raise Http404
    item.application.call = item.application.consortium.call = call_
    return item


# Small helpers ----------------------------------------------------------------------------------


def _add_errors(form: Form, error: ValidationError) -> None:
    """A service's errors next to the fields they name, the rest above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _url(name: str, call: Call, **kwargs) -> str:
    return reverse(
        f"selection:{name}", kwargs={"programme": call.programme.slug, "call": call.slug, **kwargs}
    )


def _organisations_of(applications: list[Application]) -> dict[int, list]:
    """The confirmed organisations of each application's consortium (left group first, each
    lead first), in one query."""
    sides: dict[int, tuple[int, int]] = {}
    for application in applications:
        sides[application.consortium.left_id] = (application.pk, 0)
        sides[application.consortium.right_id] = (application.pk, 1)
    members = (
        GroupMember.objects.filter(group_id__in=list(sides), status=GroupMember.Status.CONFIRMED)
        .select_related("organisation")
        .order_by("role", "organisation__name")
    )
    by_side: dict[tuple[int, int], list] = {}
    for member in members:
        by_side.setdefault(sides[member.group_id], []).append(member.organisation)
    return {a.pk: by_side.get((a.pk, 0), []) + by_side.get((a.pk, 1), []) for a in applications}


@dataclass
class ReviewCard:
    """A submitted (or own) review as the pages show it."""

    review: Review
    weighted: float | None
    rows: list  # (criterion, Score or None)
    conflict: bool = False


def _card(item: Review, criteria: list, conflicts: set | None = None) -> ReviewCard:
    scores = {s.criterion_id: s for s in item.scores.all()}
    return ReviewCard(
        review=item,
        weighted=review_services.weighted_score(item, criteria),
        rows=[(c, scores.get(c.pk)) for c in criteria],
        conflict=(item.application_id, item.reviewer_id) in (conflicts or set()),
    )


def _conflicts(call: Call) -> set[tuple[int, int]]:
    return set(
        ConflictOfInterest.objects.filter(application__call=call).values_list(
            "application_id", "person_id"
        )
    )


# The coordinators' overview -------------------------------------------------------------------


@dataclass
class OverviewRow:
    application: Application
    reviews: list
    possible: int  # committee members who could still be assigned
    wanted: int

    @property
    def missing(self) -> int:
        return max(0, self.wanted - len(self.reviews))

    @property
    def reviewable(self) -> bool:
        return self.application.status in review_services.REVIEWABLE


def _render_overview(request, call: Call, round_, form) -> HttpResponse:
    context = review_services.review_context(call)
    reviews = queries.call_reviews(call)
    reviews_of: dict[int, list] = {}
    for item in reviews:
        reviews_of.setdefault(item.application_id, []).append(item)
    applications = list(
        Application.objects.filter(call=call, status__in=Application.SENT)
        .select_related("consortium__left", "consortium__right")
        .order_by("title", "pk")
    )
    rows = []
    for application in applications:
        mine = reviews_of.get(application.pk, [])
        assigned = {r.reviewer_id for r in mine}
        possible = sum(
            1
            for user in context.committee
            if user.pk not in assigned
            and not review_services.reviewer_obstacles(context, application.pk, user)
        )
        rows.append(OverviewRow(application, mine, possible, context.per_application))
    return render(
        request,
        "selection/review/overview.html",
        {
            "call": call,
            "round": round_,
            "form": form,
            "rows": rows,
            "committee": context.committee,
            "per_application": context.per_application,
            "open_rows": [r for r in rows if r.reviewable and r.missing],
            "progress": queries.reviewer_progress(call, reviews),
            "conflicts": ConflictOfInterest.objects.filter(application__call=call)
            .select_related("person", "application")
            .order_by("-declared"),
        },
    )


def _settings_form(round_) -> ReviewSettingsForm | None:
    if round_ is None:
        return None
    return ReviewSettingsForm(
        initial={
            "reviewers_per_application": round_.reviewers_per_application,
            "reviewers_from_other_countries": round_.reviewers_from_other_countries,
        }
    )


@login_required
def review_overview(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    call_ = _managed_call(request, programme, call)
    round_ = ApplicationRound.objects.filter(call=call_).first()
    return _render_overview(request, call_, round_, _settings_form(round_))


@require_POST
@login_required
def review_settings(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    call_ = _managed_call(request, programme, call)
    round_ = ApplicationRound.objects.filter(call=call_).first()
    form = ReviewSettingsForm(request.POST)
    if form.is_valid():
        try:
            review_services.set_review_settings(actor=request.user, call=call_, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):  # no application round yet
                messages.error(request, " ".join(error.messages))
                return redirect(_url("review_overview", call_))
            _add_errors(form, error)
        else:
            messages.success(request, _("The review settings were saved."))
            return redirect(_url("review_overview", call_))
    return _render_overview(request, call_, round_, form if round_ else None)


@require_POST
@login_required
def auto_assign(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    call_ = _managed_call(request, programme, call)
    result = review_services.auto_assign(actor=request.user, call=call_)
    if result.created:
        messages.success(
            request,
            ngettext(
                "%(count)d assignment was made; the reviewer got an e-mail.",
                "%(count)d assignments were made; each reviewer got an e-mail.",
                len(result.created),
            )
            % {"count": len(result.created)},
        )
    elif not result.short:
        messages.info(request, _("Nothing to assign: every application has its reviewers."))
    for application, missing in result.short:
        messages.warning(
            request,
            ngettext(
                "“%(title)s” still needs %(count)d reviewer: not enough committee members can "
                "review it. Its reviewers page says who cannot, and why.",
                "“%(title)s” still needs %(count)d reviewers: not enough committee members can "
                "review it. Its reviewers page says who cannot, and why.",
                missing,
            )
            % {"title": application.title, "count": missing},
        )
    return redirect(_url("review_overview", call_))


# One application's reviewers ------------------------------------------------------------------


@login_required
def reviewers(request: HttpRequest, programme: str, call: str, consortium_id: int) -> HttpResponse:
    """The application's reviewers, and a committee member to add: everyone on the committee
    is listed, those who cannot review it with the reasons."""
    call_ = _managed_call(request, programme, call)
    application = _application(call_, consortium_id, Application.SENT)
    reviews = list(application.reviews.select_related("reviewer").order_by("reviewer__name"))
    context = review_services.review_context(call_)
    assigned = {r.reviewer_id for r in reviews}
    candidates = [
        (user, review_services.reviewer_obstacles(context, application.pk, user))
        for user in context.committee
        if user.pk not in assigned
    ]
    can_assign = application.status in review_services.REVIEWABLE
    form = AssignForm(request.POST or None, candidates=candidates)
    if request.method == "POST":
        if not can_assign:
            messages.error(request, _("Only submitted applications can be reviewed."))
            return redirect(request.path)
        if form.is_valid():
            reviewer = form.cleaned_data["reviewer"]
            try:
                review_services.assign_reviewer(
                    actor=request.user, application=application, reviewer=reviewer
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s now reviews “%(title)s” and got an e-mail.")
                    % {"name": reviewer.display_name, "title": application.title},
                )
                return redirect(request.path)
    return render(
        request,
        "selection/review/reviewers.html",
        {
            "call": call_,
            "application": application,
            "organisations": consortium_organisations(application.consortium),
            "reviews": reviews,
            "form": form,
            "can_assign": can_assign,
            "impossible": [(user, reasons) for user, reasons in candidates if reasons],
            "has_possible": any(not reasons for _user, reasons in candidates),
            "committee": context.committee,
            "per_application": context.per_application,
            "conflicts": application.conflicts.select_related("person"),
            "conflicted": {c for a, c in context.conflicts if a == application.pk},
        },
    )


@require_POST
@login_required
def unassign(request: HttpRequest, programme: str, call: str, review_id: int) -> HttpResponse:
    call_ = _managed_call(request, programme, call)
    item = get_object_or_404(
        Review.objects.select_related("reviewer", "application"),
        pk=review_id,
        application__call=call_,
    )
    try:
        review_services.unassign_reviewer(actor=request.user, review=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s no longer reviews “%(title)s”.")
            % {"name": item.reviewer.display_name, "title": item.application.title},
        )
    return redirect(_url("reviewers", call_, consortium_id=item.application.consortium_id))


# Committee members ----------------------------------------------------------------------------


@login_required
def my_reviews(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    """The person's assignments in the call, and the call's other applications in review by
    title and consortium only, each with a way to declare a conflict of interest."""
    call_ = _committee_call(request, programme, call)
    mine = list(
        Review.objects.filter(application__call=call_, reviewer=request.user)
        .select_related("application__consortium__left", "application__consortium__right")
        .order_by("status", "application__title")
    )
    others = list(
        Application.objects.filter(call=call_, status__in=Application.DECIDABLE)
        .exclude(pk__in=[r.application_id for r in mine])
        .select_related("consortium__left", "consortium__right")
        .order_by("title", "pk")
    )
    organisations = _organisations_of([r.application for r in mine] + others)
    declared = set(
        ConflictOfInterest.objects.filter(application__call=call_, person=request.user).values_list(
            "application_id", flat=True
        )
    )
    return render(
        request,
        "selection/review/my_reviews.html",
        {
            "call": call_,
            "todo": [
                (r, organisations[r.application_id])
                for r in mine
                if r.status == Review.Status.ASSIGNED
            ],
            "done": [
                (r, organisations[r.application_id])
                for r in mine
                if r.status == Review.Status.SUBMITTED
            ],
            "others": [(a, organisations[a.pk], a.pk in declared) for a in others],
        },
    )


@login_required
def conflict(request: HttpRequest, programme: str, call: str, consortium_id: int) -> HttpResponse:
    call_ = _committee_call(request, programme, call)
    application = _application(call_, consortium_id, Application.DECIDABLE)
    existing = ConflictOfInterest.objects.filter(
        application=application, person=request.user
    ).first()
    assignment = Review.objects.filter(application=application, reviewer=request.user).first()
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            review_services.declare_conflict(
                actor=request.user, application=application, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if assignment is not None and assignment.status == Review.Status.ASSIGNED:
                text = _(
                    "Your conflict of interest with “%(title)s” was recorded and your "
                    "assignment withdrawn. The coordinators will find another reviewer."
                )
            else:
                text = _("Your conflict of interest with “%(title)s” was recorded.")
            messages.success(request, text % {"title": application.title})
            return redirect(_url("my_reviews", call_))
    return render(
        request,
        "selection/review/conflict.html",
        {
            "call": call_,
            "application": application,
            "organisations": consortium_organisations(application.consortium),
            "existing": existing,
            "assignment": assignment,
            "form": form,
        },
    )


# The review itself ----------------------------------------------------------------------------


def _render_review(
    request, item: Review, criteria: list, form: ReviewForm | None, conflict=None
) -> HttpResponse:
    application = item.application
    call = application.call
    context = {
        "call": call,
        "application": application,
        "consortium": application.consortium,
        "review": item,
        "criteria": criteria,
        "form": form,
        "conflict": conflict,
        "ws": queries.workspace(application, application.consortium),
        "can_declare": application.status in Application.DECIDABLE,
    }
    if item.status == Review.Status.SUBMITTED:
        # Only now the others' submitted reviews of the same application are shown.
        everyone = list(
            application.reviews.select_related("reviewer")
            .prefetch_related("scores")
            .order_by("reviewer__name", "pk")
        )
        conflicts = {
            (application.pk, person)
            for person in application.conflicts.values_list("person_id", flat=True)
        }
        own = next(r for r in everyone if r.pk == item.pk)
        submitted = [r for r in everyone if r.status == Review.Status.SUBMITTED]
        weighted = [
            s
            for s in (review_services.weighted_score(r, criteria) for r in submitted)
            if s is not None
        ]
        context.update(
            own=_card(own, criteria, conflicts),
            others=[_card(r, criteria, conflicts) for r in submitted if r.pk != item.pk],
            pending=sum(1 for r in everyone if r.status != Review.Status.SUBMITTED),
            mean=sum(weighted) / len(weighted) if weighted else None,
        )
    return render(request, "selection/review/review.html", context)


def _stored_version(item: Review, criteria: list) -> ReviewCard:
    """The review as saved meanwhile in another window."""
    stored = Review.objects.select_related("reviewer").prefetch_related("scores").get(pk=item.pk)
    return _card(stored, criteria)


def _rebound(form: ReviewForm, item: Review, criteria: list, version: int) -> ReviewForm:
    """The person's input again, at the version now stored, so that saving once more keeps
    what they see (they were shown the other version first)."""
    data = form.data.copy()
    data["version"] = str(version)
    rebound = ReviewForm(data, review=item, criteria=criteria, call=item.application.call)
    rebound.is_valid()
    return rebound


@login_required
def review(request: HttpRequest, programme: str, call: str, review_id: int) -> HttpResponse:
    """The application, read-only, next to the rubric; saving keeps a draft."""
    item = _own_review(request, programme, call, review_id)
    criteria = review_services.criteria_of(item.application.call)
    if item.status == Review.Status.SUBMITTED:
        if request.method == "POST":
            messages.info(request, _("This review was submitted and can no longer change."))
            return redirect(request.path)
        return _render_review(request, item, criteria, None)
    form = ReviewForm(
        request.POST or None, review=item, criteria=criteria, call=item.application.call
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            review_services.save_review(
                actor=request.user,
                review=item,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = _stored_version(item, criteria)
            form = _rebound(form, item, criteria, conflict.review.version)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("Your draft was saved. Submit the review once every score is given.")
            )
            return redirect(request.path)
    return _render_review(request, item, criteria, form, conflict)


@require_POST
@login_required
def submit_review(request: HttpRequest, programme: str, call: str, review_id: int) -> HttpResponse:
    """Save what the form holds, then submit. When a score is missing, the draft is kept and
    the form says which."""
    item = _own_review(request, programme, call, review_id)
    review_url = _url("review", item.application.call, review_id=item.pk)
    if item.status == Review.Status.SUBMITTED:
        messages.info(request, _("This review was submitted already."))
        return redirect(review_url)
    criteria = review_services.criteria_of(item.application.call)
    form = ReviewForm(request.POST, review=item, criteria=criteria, call=item.application.call)
    conflict = None
    message = _("The review was not submitted; see the marked fields.")
    if form.is_valid():
        try:
            saved = review_services.save_review(
                actor=request.user,
                review=item,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = _stored_version(item, criteria)
            form = _rebound(form, item, criteria, conflict.review.version)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            try:
                review_services.submit_review(actor=request.user, review=saved)
            except ValidationError as error:
                form = _rebound(form, item, criteria, saved.version)
                _add_errors(form, error)
                message = _("Not submitted yet: your draft was saved, but a score is missing.")
            else:
                messages.success(
                    request,
                    _(
                        "Your review was submitted. The other submitted reviews of this "
                        "application are shown below."
                    ),
                )
                return redirect(review_url)
    if conflict is None:
        messages.error(request, message)
    return _render_review(request, item, criteria, form, conflict)


# The ranking and the decisions ----------------------------------------------------------------


@dataclass
class RangeBar:
    """The reviews' weighted scores on the call's scale, as an SVG: a line from the lowest to
    the highest and a dot at the mean. Coordinates in SVG units."""

    width: int
    low_x: float
    high_x: float
    mean_x: float
    start_x: float
    end_x: float
    title: str


BAR_WIDTH, BAR_PAD = 160, 8


def _range_bar(ranked: queries.Ranked, call: Call) -> RangeBar | None:
    if ranked.mean is None:
        return None
    span = (call.score_max - call.score_min) or 1

    def x(value: float) -> float:
        return round(BAR_PAD + (value - call.score_min) / span * (BAR_WIDTH - 2 * BAR_PAD), 1)

    return RangeBar(
        width=BAR_WIDTH,
        low_x=x(ranked.low),
        high_x=x(ranked.high),
        mean_x=x(ranked.mean),
        start_x=x(call.score_min),
        end_x=x(call.score_max),
        title=_("Mean %(mean)s, from %(low)s to %(high)s, on the scale from %(min)s to %(max)s")
        % {
            "mean": number_format(ranked.mean, 2),
            "low": number_format(ranked.low, 2),
            "high": number_format(ranked.high, 2),
            "min": call.score_min,
            "max": call.score_max,
        },
    )


@dataclass
class RankingRow:
    rank: int | None
    ranked: queries.Ranked
    organisations: list
    bar: RangeBar | None
    cards: list
    form: DecisionForm | None
    network: Network | None
    stored: Application | None = None  # the decision saved meanwhile by someone else
    open: bool = False

    @property
    def application(self) -> Application:
        return self.ranked.application

    @property
    def held(self) -> bool:
        return bool(self.application.decision) and self.application.status in (
            Application.DECIDABLE
        )


def _ranking_rows(call: Call) -> tuple[list, list[RankingRow]]:
    criteria = review_services.criteria_of(call)
    ranked = queries.ranking(call)
    organisations = _organisations_of([r.application for r in ranked])
    conflicts = _conflicts(call)
    networks = {
        n.application_id: n
        for n in Network.objects.filter(application__call=call).select_related("programme")
    }
    rows = []
    for position, item in enumerate(ranked, start=1):
        application = item.application
        application.call = call
        rows.append(
            RankingRow(
                rank=position if item.mean is not None else None,
                ranked=item,
                organisations=organisations[application.pk],
                bar=_range_bar(item, call),
                cards=[
                    _card(r, criteria, conflicts)
                    for r in item.reviews
                    if r.status == Review.Status.SUBMITTED
                ],
                form=DecisionForm(application=application)
                if application.status in Application.DECIDABLE
                else None,
                network=networks.get(application.pk),
            )
        )
    return criteria, rows


def _render_ranking(
    request, call: Call, failed: tuple[int, DecisionForm, Application | None] | None = None
) -> HttpResponse:
    """The ranking; ``failed`` is a decision that was not saved: the application's id, the
    form with the person's input, and the decision stored meanwhile if someone else saved one."""
    criteria, rows = _ranking_rows(call)
    if failed is not None:
        for row in rows:
            if row.application.pk == failed[0]:
                row.form, row.stored, row.open = failed[1], failed[2], True
    return render(
        request,
        "selection/review/ranking.html",
        {
            "call": call,
            "criteria": criteria,
            "rows": rows,
            "held": sum(1 for r in rows if r.held),
            "bar_width": BAR_WIDTH,
        },
    )


@login_required
def ranking(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    call_ = _managed_call(request, programme, call)
    return _render_ranking(request, call_)


@require_POST
@login_required
def decision(request: HttpRequest, programme: str, call: str, consortium_id: int) -> HttpResponse:
    """Record (or take back) the decision on one application, held until released."""
    call_ = _managed_call(request, programme, call)
    application = _application(call_, consortium_id, Application.SENT)
    form = DecisionForm(request.POST, application=application)
    stored = None
    if form.is_valid():
        try:
            decided = review_services.decide(
                actor=request.user,
                application=application,
                decision=form.cleaned_data["decision"],
                feedback=form.cleaned_data["feedback"],
                expected_version=form.cleaned_data["decision_version"],
            )
        except ConcurrentEdit:
            application.refresh_from_db()
            stored = application
            data = form.data.copy()
            data[f"{decision_prefix(application)}-decision_version"] = str(
                application.decision_version
            )
            form = DecisionForm(data, application=application)
            form.is_valid()
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if decided.decision:
                text = _("Decision on “%(title)s”: %(decision)s. Held – not sent yet.") % {
                    "title": decided.title,
                    "decision": decided.get_decision_display(),
                }
            else:
                text = _("“%(title)s” has no decision now.") % {"title": decided.title}
            messages.success(request, text)
            return redirect(_url("ranking", call_) + f"#application-{application.pk}")
    return _render_ranking(request, call_, failed=(application.pk, form, stored))


def _cell(value) -> str:
    """Text for a spreadsheet cell: a leading =, +, -, @ (or tab, return) would start a
    formula in spreadsheet programs, so such text gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@login_required
def ranking_csv(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    call_ = _managed_call(request, programme, call)
    criteria, rows = _ranking_rows(call_)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{call_.programme.slug}-{call_.slug}-ranking.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (ü, à, ß).
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Rank"),
            _("Title"),
            _("Organisations"),
            _("Mean"),
            _("Lowest"),
            _("Highest"),
            _("Spread"),
            _("Standard deviation"),
            _("Reviews submitted"),
            _("Reviews assigned"),
            *[_cell(_("Mean: %(criterion)s") % {"criterion": c.title}) for c in criteria],
            _("Held decision"),
            _("Status"),
        ]
    )
    for row in rows:
        item, application = row.ranked, row.application
        writer.writerow(
            [
                row.rank or "",
                _cell(application.title),
                _cell("; ".join(f"{o.name} ({o.country})" for o in row.organisations)),
                _number(item.mean),
                _number(item.low),
                _number(item.high),
                _number(item.spread),
                _number(item.stdev),
                item.submitted,
                len(item.reviews),
                *[_number(m) for m in item.criteria_means],
                application.get_decision_display() if row.held else "",
                application.get_status_display(),
            ]
        )
    return response


@login_required
def release(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    """The held decisions and who gets an e-mail; sending them all at once (POST)."""
    call_ = _managed_call(request, programme, call)
    held = list(review_services.held_decisions(call_))
    people = call_queries.recipients(
        g for a in held for g in (a.consortium.left_id, a.consortium.right_id)
    )
    emails = {
        a.pk: len(
            {p.pk for g in (a.consortium.left_id, a.consortium.right_id) for p in people.get(g, [])}
        )
        for a in held
    }
    if request.method == "POST":
        released = review_services.release_decisions(actor=request.user, call=call_)
        if released:
            messages.success(
                request,
                ngettext(
                    "%(count)d decision was sent (%(emails)d e-mails).",
                    "%(count)d decisions were sent (%(emails)d e-mails).",
                    len(released),
                )
                % {"count": len(released), "emails": sum(emails.get(a.pk, 0) for a in released)},
            )
            selected = sum(1 for a in released if a.status == Status.SELECTED)
            if selected:
                messages.info(
                    request,
                    ngettext(
                        "%(count)d selected application is now a network of the programme.",
                        "%(count)d selected applications are now networks of the programme.",
                        selected,
                    )
                    % {"count": selected},
                )
        else:
            messages.info(request, _("There was no held decision to send."))
        return redirect(request.path)
    sent = list(
        Application.objects.filter(call=call_, decision_released_at__isnull=False).order_by(
            "-decision_released_at", "title"
        )
    )
    networks = {
        n.application_id: n
        for n in Network.objects.filter(application__in=sent).select_related("programme")
    }
    return render(
        request,
        "selection/review/release.html",
        {
            "call": call_,
            "held": [(a, emails[a.pk]) for a in held],
            "counts": [
                (label, count)
                for value, label in Application.Decision.choices
                if value and (count := sum(1 for a in held if a.decision == value))
            ],
            "emails": sum(emails.values()),
            "unreachable": sum(1 for a in held if not emails[a.pk]),
            "sent": [(a, networks.get(a.pk)) for a in sent],
        },
    )
