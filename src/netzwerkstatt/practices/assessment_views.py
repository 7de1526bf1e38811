"""Pages of the joint assessment: assigning assessors and concluding (coordinators), the
assessor's form, and the owner's answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netzwerkstatt.core.exceptions import ConcurrentEdit

from . import assessment as services
from . import queries
from .forms import AssessmentForm, AssignForm, ConclusionForm, ReplyForm
from .models import Assessment, Conclusion, Practice
from .rules import get_practice_for


@login_required
def assessment_overview(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """Who assesses the practice, their scores side by side with the means, and the
    conclusion of the consensus meeting."""
    practice = get_practice_for(request.user, programme, slug, "practices.assign_assessors")
    can_conclude = request.user.has_perm("practices.conclude", practice)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    in_assessment = practice.status == Practice.Status.IN_ASSESSMENT
    if action and not in_assessment:
        raise PermissionDenied
    if action == "conclude" and not can_conclude:
        raise PermissionDenied
    people = queries.possible_assessors(practice)
    assign_form = AssignForm(
        request.POST if action == "assign" else None,
        people=get_user_model().objects.filter(pk__in=[p.pk for p in people]),
        countries={p.pk: p.countries for p in people},
    )
    conclusion_form = ConclusionForm(request.POST if action == "conclude" else None)
    if action == "assign" and assign_form.is_valid():
        assessor = assign_form.cleaned_data["assessor"]
        try:
            services.assign_assessor(actor=request.user, practice=practice, assessor=assessor)
        except ValidationError as error:
            for message in error.messages:
                assign_form.add_error("assessor", message)
        else:
            messages.success(
                request,
                _("%(name)s was asked to assess the practice.") % {"name": assessor.display_name},
            )
            return redirect(request.path)
    if action == "remove":
        item = get_object_or_404(practice.assessments, pk=request.POST.get("assessment"))
        try:
            services.remove_assessor(actor=request.user, assessment=item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The assessor was removed."))
        return redirect(request.path)
    if action == "conclude" and conclusion_form.is_valid():
        data = conclusion_form.cleaned_data
        try:
            if data["outcome"] == Conclusion.Outcome.PUBLISHED:
                services.publish_practice(actor=request.user, practice=practice, note=data["note"])
                message = _("The practice was published.")
            else:
                services.request_revision(actor=request.user, practice=practice, note=data["note"])
                message = _("The owner was asked to revise the practice.")
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    conclusion_form.add_error(
                        name if name in conclusion_form.fields else None, errors
                    )
            else:
                conclusion_form.add_error(None, error)
        else:
            messages.success(request, message)
            return redirect(request.path)
    setup = services.ensure_assessment_setup(programme=practice.programme)
    return render(
        request,
        "practices/assessment.html",
        {
            "programme": practice.programme,
            "practice": practice,
            "table": services.score_table(practice),
            "setup": setup,
            "assign_form": assign_form if in_assessment else None,
            "conclusion_form": conclusion_form if in_assessment and can_conclude else None,
            "conclusions": list(practice.conclusions.select_related("concluded_by")),
        },
    )


def _own_assessment(request, programme: str, slug: str, assessment_id: int) -> Assessment:
    practice = get_practice_for(request.user, programme, slug, "practices.view_practice")
    item = get_object_or_404(
        Assessment.objects.select_related("assessor"), practice=practice, pk=assessment_id
    )
    item.practice = practice
    # Only the assessor finds an assessment, platform admins included (as for committee reviews).
    if item.assessor_id != request.user.pk:
        raise Http404
    return item


@login_required
def assess(request: HttpRequest, programme: str, slug: str, assessment_id: int) -> HttpResponse:
    """The assessor's scores and comments; saving keeps a draft, submitting sends it."""
    item = _own_assessment(request, programme, slug, assessment_id)
    practice = item.practice
    setup = services.ensure_assessment_setup(programme=practice.programme)
    editable = item.status == Assessment.Status.DRAFT
    if request.method == "POST" and not editable:
        messages.info(request, _("This assessment was submitted and can no longer change."))
        return redirect(request.path)
    scores = item.scores.select_related("criterion")
    item._prefetched_objects_cache = {"scores": list(scores)}
    form = AssessmentForm(request.POST or None, assessment=item, scale_max=setup.scale_max)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_assessment(
                actor=request.user,
                assessment=item,
                scores=form.scores_for_service(),
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data["version"],
            )
            if request.POST.get("action") == "submit":
                saved.practice = practice
                services.submit_assessment(actor=request.user, assessment=saved)
        except ConcurrentEdit:
            conflict = True
        except ValidationError as error:
            form.add_error(None, error)
            if request.POST.get("action") == "submit":
                # The draft was saved; the form continues from the saved version.
                form.data = form.data.copy()
                form.data["version"] = Assessment.objects.get(pk=item.pk).version
        else:
            messages.success(
                request,
                _("Your assessment was submitted.")
                if request.POST.get("action") == "submit"
                else _("Your draft was saved. Submit once every criterion is scored."),
            )
            return redirect(request.path)
    return render(
        request,
        "practices/assess.html",
        {
            "programme": practice.programme,
            "practice": practice,
            "assessment": item,
            "form": form if editable else None,
            "scores": item.scores.all(),
            "setup": setup,
            "conflict": conflict,
            "sections": [
                (f, Practice._meta.get_field(f).verbose_name, getattr(practice, f))
                for f in ("summary", "context", "challenge", "approach", "results")
                if getattr(practice, f)
            ],
        },
    )


@login_required
def feedback(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """For the owner: the submitted assessments, each with an answer, and the conclusions."""
    practice = get_practice_for(request.user, programme, slug, "practices.answer_assessments")
    submitted = list(
        practice.assessments.filter(status=Assessment.Status.SUBMITTED)
        .select_related("assessor")
        .prefetch_related("scores__criterion")
    )
    can_answer = practice.status != Practice.Status.PUBLISHED
    forms = {
        item.pk: ReplyForm(
            request.POST if request.POST.get("assessment") == str(item.pk) else None,
            prefix=f"a{item.pk}",
            initial={"reply": item.owner_reply},
        )
        for item in submitted
    }
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        item = next((a for a in submitted if str(a.pk) == request.POST.get("assessment")), None)
        if item is None:
            raise Http404
        form = forms[item.pk]
        if form.is_valid():
            item.practice = practice
            services.answer_assessment(
                actor=request.user, assessment=item, reply=form.cleaned_data["reply"]
            )
            messages.success(request, _("Your answer was saved."))
            return redirect(request.path)
    for item in submitted:
        item.reply_form = forms[item.pk]
    return render(
        request,
        "practices/feedback.html",
        {
            "programme": practice.programme,
            "practice": practice,
            "assessments": submitted,
            "pending": practice.assessments.filter(status=Assessment.Status.DRAFT).count(),
            "can_answer": can_answer,
            "conclusions": list(practice.conclusions.all()),
        },
    )
