"""Pages of a transfer: adopting a practice, the transfer's plan with its steps and states."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.practices.rules import get_practice_for

from .forms import AdoptForm, CompleteTransferForm, TransferForm, TransferStepForm
from .models import Transfer, TransferStep
from .rules import adopting_organisation_ids, get_transfer_for
from .services import transfers as services


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@login_required
def adopt(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """Start a transfer of a published practice for one of the person's organisations."""
    practice = get_practice_for(request.user, programme, slug, "outreach.adopt_practice")
    organisations = list(
        Organisation.objects.filter(
            pk__in=adopting_organisation_ids(request.user, practice)
        ).order_by("name")
    )
    form = AdoptForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            transfer = services.start_transfer(
                actor=request.user,
                practice=practice,
                organisation=form.cleaned_data["organisation"],
                data=form.cleaned_data,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The transfer was recorded. Plan its steps here."))
            return redirect(transfer)
    return render(
        request,
        "outreach/adopt.html",
        {"programme": practice.programme, "practice": practice, "form": form},
    )


@login_required
def transfer(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """The transfer plan: its steps, state, outcome and lessons; the adopters change it here."""
    item = get_transfer_for(request.user, programme, pk, "outreach.view_transfer")
    can_edit = request.user.has_perm("outreach.change_transfer", item)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    action = request.POST.get("action", "") if request.method == "POST" else ""
    form = TransferForm(request.POST if action == "save" else None, instance=item)
    step_form = TransferStepForm(
        request.POST if action == "step" else None,
        organisation_id=item.organisation_id,
        prefix="step",
    )
    conflict, stored = False, None
    try:
        if action == "save" and form.is_valid():
            services.update_transfer(
                actor=request.user,
                transfer=item,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("The transfer was saved."))
            return redirect(item)
        if action == "step" and step_form.is_valid():
            services.save_transfer_step(
                actor=request.user, transfer=item, data=step_form.data_for_service()
            )
            messages.success(request, _("The step was added."))
            return redirect(item)
    except ConcurrentEdit:
        conflict, stored = True, Transfer.objects.get(pk=item.pk)
    except ValidationError as error:
        (form if action == "save" else step_form).add_service_errors(error)
    return render(
        request,
        "outreach/transfer.html",
        {
            "programme": item.practice.programme,
            "transfer": item,
            "practice": item.practice,
            "steps": list(item.steps.select_related("who_person")),
            "can_edit": can_edit,
            "form": form,
            "step_form": step_form,
            "complete_form": CompleteTransferForm(
                initial={"version": item.version, "outcome": item.outcome, "lessons": item.lessons}
            ),
            "conflict": conflict,
            "stored": stored,
        },
    )


@require_POST
@login_required
def transfer_status(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """``begin``, ``complete`` (with the outcome) or ``abandon`` the transfer."""
    item = get_transfer_for(request.user, programme, pk, "outreach.change_transfer")
    action = request.POST.get("action")
    version = _version(request)
    try:
        if action == "begin":
            services.begin_transfer(actor=request.user, transfer=item, expected_version=version)
            messages.success(request, _("The transfer is in progress."))
        elif action == "complete":
            form = CompleteTransferForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Check the dates you entered."))
            services.complete_transfer(
                actor=request.user,
                transfer=item,
                expected_version=version,
                outcome=form.cleaned_data["outcome"],
                lessons=form.cleaned_data["lessons"],
                completed_on=form.cleaned_data["completed_on"],
            )
            messages.success(request, _("The transfer is completed."))
        elif action == "abandon":
            services.abandon_transfer(
                actor=request.user,
                transfer=item,
                expected_version=version,
                lessons=request.POST.get("lessons", ""),
            )
            messages.success(request, _("The transfer was abandoned."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(item)


@login_required
def transfer_step(request: HttpRequest, programme: str, pk: int, step_id: int) -> HttpResponse:
    item = get_transfer_for(request.user, programme, pk, "outreach.change_transfer")
    step = get_object_or_404(TransferStep, transfer=item, pk=step_id)
    deleting = request.method == "POST" and "delete" in request.POST
    form = TransferStepForm(
        request.POST if request.method == "POST" and not deleting else None,
        instance=step,
        organisation_id=item.organisation_id,
    )
    conflict, stored = False, None
    try:
        if deleting:
            services.delete_transfer_step(
                actor=request.user, transfer=item, step=step, expected_version=_version(request)
            )
            messages.success(request, _("The step was deleted."))
            return redirect(item)
        if request.method == "POST" and form.is_valid():
            services.save_transfer_step(
                actor=request.user,
                transfer=item,
                step=step,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("The step was saved."))
            return redirect(item)
    except ConcurrentEdit:
        conflict, stored = True, TransferStep.objects.get(pk=step.pk)
    except ValidationError as error:
        form.add_service_errors(error)
    return render(
        request,
        "outreach/step_form.html",
        {
            "programme": item.practice.programme,
            "form": form,
            "step": step,
            "back_url": item.get_absolute_url(),
            "back_label": _("Back to the transfer"),
            "context_title": str(item.practice),
            "draft_key": f"transfer-step-{step.pk}",
            "conflict": conflict,
            "stored": stored,
        },
    )
