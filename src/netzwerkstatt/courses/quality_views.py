"""The quality pages: the cluster's standard (versions, the draft, publishing), a provider's
self-assessment, and the reviewers' list and decision."""

from __future__ import annotations

from collections import Counter

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.organisations.rules import get_organisation_for
from netzwerkstatt.programmes.models import Programme
from netzwerkstatt.programmes.rules import get_programme_for

from . import quality
from .models import Certification, Declaration, QualityStandard, SelfAssessment
from .quality import Fulfilment
from .quality_forms import (
    AnswerForm,
    AnswersVersionForm,
    ReviewForm,
    StandardForm,
    criterion_formset,
)

PAGE_SIZE = 50


def _standard_url(programme) -> str:
    return reverse("courses:standard", kwargs={"programme": programme.slug})


def _draft_url(programme) -> str:
    return reverse("courses:standard_draft", kwargs={"programme": programme.slug})


def _error_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# The standard ----------------------------------------------------------------------------------


@login_required
def standard(request: HttpRequest, programme: str) -> HttpResponse:
    """The published version with its criteria, the draft waiting to be published, earlier
    versions. POST ``action``: ``start`` a new version, ``publish`` or ``discard`` the draft."""
    programme_ = get_programme_for(request.user, programme, "courses.manage_cluster")
    if request.method == "POST":
        action = request.POST.get("action", "")
        draft = quality.draft_standard(programme_)
        try:
            if action == "start":
                started = quality.start_version(actor=request.user, programme=programme_)
                messages.success(
                    request,
                    _("Version %(number)s was started as a draft.") % {"number": started.version},
                )
                return redirect(_draft_url(programme_))
            if action in ("publish", "discard") and draft is None:
                messages.error(request, _("There is no draft version."))
            elif action == "publish":
                quality.publish_standard(actor=request.user, standard=draft)
                messages.success(
                    request,
                    _(
                        "Version %(number)s is published. Providers now assess themselves "
                        "against it."
                    )
                    % {"number": draft.version},
                )
            elif action == "discard":
                quality.discard_draft(actor=request.user, standard=draft)
                messages.success(request, _("The draft version was discarded."))
        except ValidationError as error:
            _error_messages(request, error)
        return redirect(_standard_url(programme_))
    versions = list(
        QualityStandard.objects.filter(programme=programme_)
        .annotate(
            assessments=Count("self_assessments"),
            confirmed=Count(
                "self_assessments",
                filter=Q(self_assessments__status=SelfAssessment.Status.CONFIRMED),
            ),
        )
        .order_by("-version")
    )
    draft = next((v for v in versions if not v.is_published), None)
    published = [v for v in versions if v.is_published]
    current = published[0] if published else None
    return render(
        request,
        "courses/quality/standard.html",
        {
            "programme": programme_,
            "current": current,
            "current_criteria": list(current.criteria.all()) if current else [],
            "draft": draft,
            "draft_criteria": list(draft.criteria.all()) if draft else [],
            "earlier": published[1:],
        },
    )


@login_required
def standard_version(request: HttpRequest, programme: str, number: int) -> HttpResponse:
    """One version of the standard as it was published (read only)."""
    programme_ = get_programme_for(request.user, programme, "courses.manage_cluster")
    version = get_object_or_404(QualityStandard, programme=programme_, version=number)
    if not version.is_published:
        return redirect(_draft_url(programme_))
    return render(
        request,
        "courses/quality/standard_version.html",
        {
            "programme": programme_,
            "version": version,
            "criteria": list(version.criteria.all()),
            "is_current": quality.current_standard(programme_) == version,
        },
    )


def _save_errors(form, formset, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
def standard_draft(request: HttpRequest, programme: str) -> HttpResponse:
    """Edit the draft version: the label's name, the introduction and the criteria (add,
    change, remove, reorder by position)."""
    programme_ = get_programme_for(request.user, programme, "courses.manage_cluster")
    draft = quality.draft_standard(programme_)
    if draft is None:
        messages.info(request, _("There is no draft version: start a new version first."))
        return redirect(_standard_url(programme_))
    posted = request.POST if request.method == "POST" else None
    form = StandardForm(
        posted,
        programme=programme_,
        standard=draft,
        initial={
            "label_name": draft.label_name,
            "introduction": draft.introduction,
            "version": quality.draft_version(draft),
        },
    )
    formset = criterion_formset(programme=programme_, standard=draft, data=posted)
    conflict = False
    if posted is not None and form.is_valid() and formset.is_valid():
        try:
            quality.save_draft(
                actor=request.user,
                standard=draft,
                label_name=form.cleaned_data["label_name"],
                introduction=form.cleaned_data["introduction"],
                criteria=formset.criteria(),
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
        except ValidationError as error:
            _save_errors(form, formset, error)
        else:
            messages.success(request, _("The draft was saved."))
            if request.POST.get("then") == "overview":
                return redirect(_standard_url(programme_))
            return redirect(_draft_url(programme_))
    return render(
        request,
        "courses/quality/standard_draft.html",
        {
            "programme": programme_,
            "draft": draft,
            "form": form,
            "formset": formset,
            "conflict": conflict,
            "stored_criteria": list(draft.criteria.all()) if conflict else [],
        },
    )


# Self-assessment -------------------------------------------------------------------------------


def _answer_forms(answers, data):
    return [
        (
            answer,
            AnswerForm(
                data,
                prefix=f"c{answer.criterion_id}",
                initial={"fulfilment": answer.fulfilment, "evidence": answer.evidence},
            ),
        )
        for answer in answers
    ]


def _errors_to_answers(pairs, error: ValidationError) -> bool:
    """Put ``c<criterion id>-<field>`` errors next to their criterion; True if all found a
    place."""
    if not hasattr(error, "error_dict"):
        return False
    forms_by_prefix = {form.prefix: form for _answer, form in pairs}
    placed = True
    for key, errors in error.error_dict.items():
        prefix, _sep, name = key.partition("-")
        form = forms_by_prefix.get(prefix)
        if form is None or name not in form.fields:
            placed = False
            continue
        form.add_error(name, errors)
    return placed


@login_required
def self_assessment(request: HttpRequest, slug: str, programme: str) -> HttpResponse:
    """A provider's self-assessment against the cluster's current standard: start, answer,
    save, submit; the status and the reviewer's note; earlier self-assessments."""
    organisation = get_organisation_for(request.user, slug, "courses.manage_provider")
    programme_ = get_object_or_404(Programme, slug=programme)
    if not request.user.has_perm("programmes.view_programme", programme_) and (
        not Declaration.objects.filter(programme=programme_, organisation=organisation).exists()
    ):
        raise Http404
    here = request.path
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action == "start":
        try:
            quality.start_self_assessment(
                actor=request.user, organisation=organisation, programme=programme_
            )
        except ValidationError as error:
            _error_messages(request, error)
        else:
            messages.success(request, _("The self-assessment was started."))
        return redirect(here)
    current = quality.current_standard(programme_)
    assessments = list(quality.assessments_of(organisation, programme_))
    assessment = next(
        (a for a in assessments if current is not None and a.standard_id == current.pk), None
    )
    shown = assessment or (assessments[0] if assessments else None)
    editable = shown is not None and shown.status in quality.EDITABLE
    if action in ("save", "submit") and not editable:
        messages.error(request, _("A submitted or confirmed self-assessment is not changed."))
        return redirect(here)
    answers = list(shown.answers.select_related("criterion")) if shown else []
    posted = request.POST if action in ("save", "submit") else None
    pairs = _answer_forms(answers, posted)
    version_form = AnswersVersionForm(posted, initial={"version": shown.version if shown else 1})
    conflict = False
    # Every form validated (not all(): it stops at the first), so each shows its errors.
    answers_valid = [form.is_valid() for _answer, form in pairs]
    if posted is not None and version_form.is_valid() and all(answers_valid):
        try:
            saved = quality.save_answers(
                actor=request.user,
                assessment=shown,
                answers={answer.criterion_id: form.cleaned_data for answer, form in pairs},
                expected_version=version_form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
            # What someone else saved meanwhile, shown next to the input kept.
            stored = {a.criterion_id: a for a in shown.answers.all()}
            for answer, _form in pairs:
                answer.stored = stored.get(answer.criterion_id)
        except ValidationError as error:
            if not _errors_to_answers(pairs, error):
                _error_messages(request, error)
        else:
            if action == "save":
                messages.success(request, _("Your answers were saved."))
                return redirect(here)
            try:
                quality.submit_self_assessment(actor=request.user, assessment=saved)
            except ValidationError as error:
                # The answers are saved; the form now continues from the saved version.
                version_form = AnswersVersionForm(initial={"version": saved.version})
                if _errors_to_answers(pairs, error):
                    messages.error(
                        request,
                        _(
                            "Your answers were saved but not submitted: complete the criteria "
                            "marked below."
                        ),
                    )
                else:
                    _error_messages(request, error)
            else:
                messages.success(
                    request,
                    _(
                        "The self-assessment was submitted. The cluster's reviewers will look "
                        "at it."
                    ),
                )
                return redirect(here)
    refusal = quality.assessment_refusal(organisation=organisation, programme=programme_)
    can_start = refusal is None and assessment is None
    return render(
        request,
        "courses/quality/self_assessment.html",
        {
            "programme": programme_,
            "organisation": organisation,
            "current": current,
            "shown": shown,
            "editable": editable,
            "pairs": pairs,
            "answers": answers,
            "version_form": version_form,
            "conflict": conflict,
            "refusal": refusal,
            "can_start": can_start,
            "newer_version": can_start and shown is not None,
            "earlier": [a for a in assessments if a != shown],
            "label": quality.label_for(organisation, programme=programme_),
            "has_errors": any(f.errors for _a, f in pairs),
        },
    )


# Review ----------------------------------------------------------------------------------------

FILTERS = {
    "submitted": (SelfAssessment.Status.SUBMITTED,),
    "confirmed": (SelfAssessment.Status.CONFIRMED,),
    "returned": (SelfAssessment.Status.RETURNED,),
    "all": quality.REVIEWABLE,
}


@login_required
def reviews(request: HttpRequest, programme: str) -> HttpResponse:
    """The cluster's self-assessments for review: waiting first, then decided ones."""
    programme_ = get_programme_for(request.user, programme, "courses.review_quality")
    shown = request.GET.get("status", "submitted")
    if shown not in FILTERS:
        shown = "submitted"
    found = SelfAssessment.objects.filter(standard__programme=programme_)
    counts = found.aggregate(
        **{name: Count("pk", filter=Q(status__in=statuses)) for name, statuses in FILTERS.items()}
    )
    rows = (
        found.filter(status__in=FILTERS[shown])
        .select_related("organisation", "standard", "reviewer", "submitted_by")
        .order_by("submitted_at" if shown == "submitted" else "-submitted_at", "pk")
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    own = set(
        Membership.objects.filter(user=request.user).values_list("organisation_id", flat=True)
    )
    for item in page:
        item.own = item.organisation_id in own
    return render(
        request,
        "courses/quality/reviews.html",
        {
            "programme": programme_,
            "page": page,
            "shown": shown,
            "counts": counts,
            "filters": [
                ("submitted", _("Waiting for review")),
                ("confirmed", _("Confirmed")),
                ("returned", _("Returned for changes")),
                ("all", _("All")),
            ],
        },
    )


@login_required
def review(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """One submitted self-assessment: the answers, the provider's certifications, and the
    decision (confirm, or return with a note). Nobody decides on their own organisation's."""
    programme_ = get_programme_for(request.user, programme, "courses.review_quality")
    assessment = get_object_or_404(
        SelfAssessment.objects.select_related(
            "organisation", "standard__programme", "reviewer", "submitted_by"
        ),
        pk=pk,
        standard__programme=programme_,
        status__in=quality.REVIEWABLE,
    )
    # rules.has_perm, not user.has_perm: Django lets superusers pass every permission, but a
    # platform admin does not review their own organisation either.
    may_decide = rules.has_perm("courses.review_self_assessment", request.user, assessment)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action in ("confirm", "return") and form.is_valid():
            decide = (
                quality.confirm_self_assessment
                if action == "confirm"
                else quality.return_self_assessment
            )
            try:
                decide(actor=request.user, assessment=assessment, note=form.cleaned_data["note"])
            except ValidationError as error:
                if hasattr(error, "error_dict") and "note" in error.error_dict:
                    form.add_error("note", error.error_dict["note"])
                else:
                    _error_messages(request, error)
            else:
                if action == "confirm":
                    messages.success(
                        request,
                        _("Confirmed: %(provider)s carries the quality label.")
                        % {"provider": assessment.organisation.name},
                    )
                else:
                    messages.success(
                        request,
                        _("Returned to %(provider)s with your note.")
                        % {"provider": assessment.organisation.name},
                    )
                return redirect(request.path)
    certifications = list(
        Certification.objects.filter(organisation=assessment.organisation).order_by("-valid_until")
    )
    answers = list(assessment.answers.select_related("criterion"))
    given = Counter(answer.fulfilment for answer in answers)
    tally = [(label, given[value], value) for value, label in Fulfilment.choices]
    return render(
        request,
        "courses/quality/review.html",
        {
            "programme": programme_,
            "assessment": assessment,
            "answers": answers,
            "tally": tally,
            "form": form,
            "may_decide": may_decide,
            "refusal": None
            if may_decide
            else quality.review_refusal(reviewer=request.user, assessment=assessment),
            "certifications": certifications,
            "label": quality.label_for(assessment.organisation, programme=programme_),
        },
    )
