"""The page where a programme's coordinators define the criteria of the joint assessment."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netzwerkstatt.calls.forms.setup import content_languages
from netzwerkstatt.programmes.rules import get_programme_for

from . import criteria as services
from .assessment import ensure_assessment_setup
from .criteria_forms import CriterionForm, ScaleForm


def _errors_to(form, error: ValidationError, default: str | None) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else default, errors)
    else:
        form.add_error(default, error)


def _in(text, code: str) -> str:
    data = getattr(text, "data", text)
    return data.get(code, "") if isinstance(data, dict) else (data or "")


@login_required
def criteria(request: HttpRequest, programme: str) -> HttpResponse:
    """List the criteria and the scale; add, edit (``?edit=<id>``) and remove criteria."""
    programme_ = get_programme_for(request.user, programme, "programmes.change_programme")
    setup = ensure_assessment_setup(programme=programme_)
    items = list(programme_.assessment_criteria.all())
    names = dict(settings.LANGUAGES)
    for number, item in enumerate(items, start=1):
        item.display_position = number
        item.texts = [
            (names[code], _in(item.title, code), _in(item.description, code))
            for code in content_languages(programme_, item.title, item.description)
        ]
    action = request.POST.get("action", "") if request.method == "POST" else ""
    editing = None
    edit_id = request.POST.get("criterion") if action == "edit" else request.GET.get("edit")
    if edit_id and str(edit_id).isdigit():
        editing = next((c for c in items if c.pk == int(edit_id)), None)
    scale_form = ScaleForm(
        request.POST if action == "scale" else None,
        initial={"scale_max": setup.scale_max, "transfer_threshold": setup.transfer_threshold},
    )
    add_form = CriterionForm(
        request.POST if action == "add" else None, programme=programme_, prefix="new"
    )
    edit_form = (
        CriterionForm(
            request.POST if action == "edit" else None,
            programme=programme_,
            criterion=editing,
            count=len(items),
            prefix="edit",
        )
        if editing is not None
        else None
    )
    remove_error = None
    if action == "scale" and scale_form.is_valid():
        try:
            services.update_scale(
                actor=request.user, programme=programme_, **scale_form.cleaned_data
            )
        except ValidationError as error:
            _errors_to(scale_form, error, None)
        else:
            messages.success(request, _("The scale was saved."))
            return redirect(request.path)
    if action == "add" and add_form.is_valid():
        try:
            services.add_criterion(
                actor=request.user, programme=programme_, **add_form.cleaned_data
            )
        except ValidationError as error:
            _errors_to(add_form, error, None)
        else:
            messages.success(request, _("The criterion was added."))
            return redirect(request.path)
    if action == "edit" and edit_form is not None and edit_form.is_valid():
        try:
            services.update_criterion(
                actor=request.user, criterion=editing, **edit_form.cleaned_data
            )
        except ValidationError as error:
            _errors_to(edit_form, error, None)
        else:
            messages.success(request, _("The criterion was saved."))
            return redirect(request.path)
    if action == "edit" and editing is None:
        messages.error(request, _("This criterion no longer exists."))
        return redirect(request.path)
    if action == "remove":
        item = get_object_or_404(programme_.assessment_criteria, pk=request.POST.get("criterion"))
        try:
            services.remove_criterion(actor=request.user, criterion=item)
        except ValidationError as error:
            remove_error = (item.pk, " ".join(error.messages))
        else:
            messages.success(request, _("The criterion was removed."))
            return redirect(request.path)
    return render(
        request,
        "practices/criteria.html",
        {
            "programme": programme_,
            "setup": setup,
            "criteria": items,
            "scale_form": scale_form,
            "add_form": add_form,
            "edit_form": edit_form,
            "editing": editing,
            "remove_error": remove_error,
            "frozen": services.has_submitted_assessments(programme_),
            "frozen_message": services.frozen_message(),
            "transferability": "transferability",
        },
    )
