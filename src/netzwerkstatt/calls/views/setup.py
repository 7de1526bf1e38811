"""Pages for setting up a call (coordinators) and the public call pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.rules import get_programme_for
from netzwerkstatt.vocabularies import regions

from ..forms.answers import answer_form, choice_label
from ..forms.setup import (
    CallForm,
    QuestionForm,
    ScaleForm,
    VersionForm,
    rubric_formset,
    screening_criteria_formset,
)
from ..models import Call
from ..rules import get_call_for
from ..services import setup as services
from ..services import setup_guards as guards


def _add_errors(form: Form, error: ValidationError) -> None:
    """A service's refusal next to the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


def _with_choice_labels(questions) -> list:
    """Questions with the labels of their choices in the current language, for the templates."""
    questions = list(questions)
    for question in questions:
        question.choice_labels = [choice_label(choice) for choice in question.choices]
    return questions


def _setup_context(call: Call, active: str, **extra) -> dict:
    return {"call": call, "programme": call.programme, "active": active, **extra}


def call_list(request: HttpRequest, programme: str) -> HttpResponse:
    programme_obj = get_programme_for(request.user, programme, "programmes.view_programme")
    can_manage = request.user.has_perm("programmes.change_programme", programme_obj)
    calls = Call.objects.filter(programme=programme_obj).select_related("programme")
    if not can_manage:
        calls = calls.filter(status=Call.Status.PUBLISHED)
    return render(
        request,
        "calls/list.html",
        {"programme": programme_obj, "calls": calls, "can_manage": can_manage},
    )


@login_required
def create(request: HttpRequest, programme: str) -> HttpResponse:
    programme_obj = get_programme_for(request.user, programme, "programmes.change_programme")
    form = CallForm(request.POST or None, programme=programme_obj)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.create_call(
                actor=request.user, programme=programme_obj, data=form.call_data()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("The call was saved as a draft. Now add the questions groups answer.")
            )
            return redirect("calls:questions", programme=programme_obj.slug, slug=call.slug)
    return render(
        request, "calls/setup/form.html", {"form": form, "programme": programme_obj, "call": None}
    )


def detail(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, "calls.view_call")
    kinds = dict(Organisation.Kind.choices)
    return render(
        request,
        "calls/detail.html",
        {
            "call": call,
            "programme": call.programme,
            "phase": call.phase,
            "questions": _with_choice_labels(call.questions.all()),
            "themes": call.themes.all(),
            "region_names": [regions.region_name(code) for code in call.eligible_regions],
            "kind_names": [kinds.get(code, code) for code in call.eligible_kinds],
            "can_manage": request.user.has_perm("calls.manage_call", call),
            "can_apply": request.user.has_perm("calls.apply_to_call", call),
            "time_zone": timezone.get_current_timezone_name(),
        },
    )


@login_required
def edit(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    form = CallForm(request.POST or None, programme=call.programme, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_call(
                actor=request.user,
                call=call,
                data=form.call_data(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(call)
    return render(
        request,
        "calls/setup/form.html",
        _setup_context(call, "edit", form=form, has_submissions=guards.has_submissions(call)),
    )


@login_required
def questions(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """The call's form: its questions in order, moved up and down, and a form to add one."""
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    if request.method == "POST" and "direction" in request.POST:
        question = get_object_or_404(call.questions, pk=request.POST.get("question") or 0)
        try:
            services.move_question(
                actor=request.user, question=question, direction=request.POST["direction"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("calls:questions", programme=call.programme.slug, slug=call.slug)
    form = QuestionForm(request.POST or None, programme=call.programme)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.save_question(
                actor=request.user, call=call, data=form.question_data()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("The question “%(question)s” was added.") % {"question": question}
            )
            return redirect("calls:questions", programme=call.programme.slug, slug=call.slug)
    return render(
        request,
        "calls/setup/questions.html",
        _setup_context(
            call,
            "questions",
            form=form,
            questions=_with_choice_labels(call.questions.all()),
            has_submissions=guards.has_submissions(call),
        ),
    )


@login_required
def question_edit(request: HttpRequest, programme: str, slug: str, question_id: int):
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    question = get_object_or_404(call.questions, pk=question_id)
    question.call = call
    form = QuestionForm(request.POST or None, programme=call.programme, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_question(
                actor=request.user,
                call=call,
                question=question,
                data=form.question_data(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("calls:questions", programme=call.programme.slug, slug=call.slug)
    return render(
        request,
        "calls/setup/question_form.html",
        _setup_context(
            call,
            "questions",
            form=form,
            question=question,
            has_submissions=guards.has_submissions(call),
        ),
    )


@require_POST
@login_required
def question_delete(request: HttpRequest, programme: str, slug: str, question_id: int):
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    question = get_object_or_404(call.questions, pk=question_id)
    question.call = call
    try:
        services.delete_question(actor=request.user, question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The question “%(question)s” was removed.") % {"question": question}
        )
    return redirect("calls:questions", programme=call.programme.slug, slug=call.slug)


@login_required
def criteria(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    data = request.POST if request.method == "POST" else None
    formset = screening_criteria_formset(call, data)
    version_form = VersionForm(data, initial={"version": call.version})
    if request.method == "POST" and formset.is_valid() and version_form.is_valid():
        try:
            services.save_screening_criteria(
                actor=request.user,
                call=call,
                criteria=formset.rows(),
                expected_version=version_form.cleaned_data["version"],
            )
        except ValidationError as error:
            _add_errors(version_form, error)
        else:
            messages.success(request, _("The screening checklist was saved."))
            return redirect("calls:criteria", programme=call.programme.slug, slug=call.slug)
    return render(
        request,
        "calls/setup/criteria.html",
        _setup_context(call, "criteria", formset=formset, version_form=version_form),
    )


@login_required
def rubric(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    data = request.POST if request.method == "POST" else None
    formset = rubric_formset(call, data)
    scale_form = ScaleForm(
        data,
        initial={"version": call.version, "score_min": call.score_min, "score_max": call.score_max},
    )
    if request.method == "POST" and formset.is_valid() and scale_form.is_valid():
        try:
            services.save_rubric(
                actor=request.user,
                call=call,
                criteria=formset.rows(),
                score_min=scale_form.cleaned_data["score_min"],
                score_max=scale_form.cleaned_data["score_max"],
                expected_version=scale_form.cleaned_data["version"],
            )
        except ValidationError as error:
            _add_errors(scale_form, error)
        else:
            messages.success(request, _("The review rubric was saved."))
            return redirect("calls:rubric", programme=call.programme.slug, slug=call.slug)
    return render(
        request,
        "calls/setup/rubric.html",
        _setup_context(call, "rubric", formset=formset, scale_form=scale_form),
    )


@login_required
def preview(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """The answer form exactly as groups will see it, without a way to submit it, and the
    checklist and rubric the call will be screened and reviewed with."""
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    rubric_criteria = list(call.rubric_criteria.all())
    return render(
        request,
        "calls/setup/preview.html",
        _setup_context(
            call,
            "preview",
            form=answer_form(call, require=True),
            screening_criteria=call.screening_criteria.all(),
            rubric_criteria=rubric_criteria,
            total_weight=sum(c.weight for c in rubric_criteria),
        ),
    )


@require_POST
@login_required
def publish(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    call = get_call_for(request.user, programme, slug, "calls.manage_call")
    try:
        services.publish_call(actor=request.user, call=call)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The call is published."))
    return redirect(call)
