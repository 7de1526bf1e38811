"""Capacity building: a network's plans (a tab of its workspace), one plan with its steps, and
the coordinators' overview of all plans of the programme."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.networks.rules import get_network_for
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.rules import get_programme_for

from . import queries
from .forms import CapacityPlanForm, CapacityStepForm
from .models import CapacityPlan, CapacityStep
from .rules import get_plan_for, member_organisation_ids
from .services import capacity as services
from .transfer_views import _version


def _my_member_organisations(user, network):
    return list(
        Organisation.objects.filter(pk__in=member_organisation_ids(user, network)).order_by("name")
    )


@login_required
def network_plans(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    plans = queries.network_plans(network)
    mine = member_organisation_ids(request.user, network)
    return render(
        request,
        "outreach/capacity/network.html",
        {
            "programme": network.programme,
            "network": network,
            "workspace": True,
            "plans": plans,
            "my_organisations": mine,
            "can_add": request.user.has_perm("outreach.add_capacity_plan", network),
        },
    )


@login_required
def plan_create(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    if not request.user.has_perm("outreach.add_capacity_plan", network):
        raise PermissionDenied
    form = CapacityPlanForm(
        request.POST or None, organisations=_my_member_organisations(request.user, network)
    )
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        try:
            plan = services.create_capacity_plan(
                actor=request.user,
                network=network,
                organisation=data.pop("organisation"),
                data=data,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The plan was created. Add its steps."))
            return redirect(plan)
    return render(
        request,
        "outreach/capacity/plan_form.html",
        {
            "programme": network.programme,
            "network": network,
            "workspace": True,
            "form": form,
            "plan": None,
            "here": _("New capacity-building plan"),
        },
    )


@login_required
def plan(request: HttpRequest, programme: str, pk: int, plan_id: int) -> HttpResponse:
    """One plan: its steps with their links, and for the organisation's people the forms to
    change it and add steps."""
    item = get_plan_for(request.user, programme, pk, plan_id)
    can_edit = request.user.has_perm("outreach.change_capacity_plan", item)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    action = request.POST.get("action", "") if request.method == "POST" else ""
    form = CapacityPlanForm(request.POST if action == "save" else None, instance=item)
    step_form = CapacityStepForm(
        request.POST if action == "step" else None, plan=item, prefix="step"
    )
    conflict, stored = False, None
    try:
        if action == "save" and form.is_valid():
            services.update_capacity_plan(
                actor=request.user,
                plan=item,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("The plan was saved."))
            return redirect(item)
        if action == "step" and step_form.is_valid():
            services.save_capacity_step(
                actor=request.user, plan=item, data=step_form.data_for_service()
            )
            messages.success(request, _("The step was added."))
            return redirect(item)
    except ConcurrentEdit:
        conflict, stored = True, CapacityPlan.objects.get(pk=item.pk)
    except ValidationError as error:
        (form if action == "save" else step_form).add_service_errors(error)
    steps = list(item.steps.select_related("who_person").prefetch_related("practices", "events"))
    return render(
        request,
        "outreach/capacity/plan.html",
        {
            "programme": item.network.programme,
            "network": item.network,
            "workspace": True,
            "plan": item,
            "steps": steps,
            "done": sum(1 for s in steps if s.status == "done"),
            "counted": sum(1 for s in steps if s.status != "dropped"),
            "can_edit": can_edit,
            "form": form,
            "step_form": step_form,
            "conflict": conflict,
            "stored": stored,
            "here": item.title,
        },
    )


@login_required
def plan_step(
    request: HttpRequest, programme: str, pk: int, plan_id: int, step_id: int
) -> HttpResponse:
    item = get_plan_for(request.user, programme, pk, plan_id)
    if not request.user.has_perm("outreach.change_capacity_plan", item):
        raise PermissionDenied
    step = get_object_or_404(CapacityStep, plan=item, pk=step_id)
    deleting = request.method == "POST" and "delete" in request.POST
    form = CapacityStepForm(
        request.POST if request.method == "POST" and not deleting else None,
        instance=step,
        plan=item,
    )
    conflict, stored = False, None
    try:
        if deleting:
            services.delete_capacity_step(
                actor=request.user, plan=item, step=step, expected_version=_version(request)
            )
            messages.success(request, _("The step was deleted."))
            return redirect(item)
        if request.method == "POST" and form.is_valid():
            services.save_capacity_step(
                actor=request.user,
                plan=item,
                step=step,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
            messages.success(request, _("The step was saved."))
            return redirect(item)
    except ConcurrentEdit:
        conflict, stored = True, CapacityStep.objects.get(pk=step.pk)
    except ValidationError as error:
        form.add_service_errors(error)
    return render(
        request,
        "outreach/step_form.html",
        {
            "programme": item.network.programme,
            "network": item.network,
            "form": form,
            "step": step,
            "back_url": item.get_absolute_url(),
            "back_label": _("Back to the plan"),
            "context_title": item.title,
            "draft_key": f"capacity-step-{step.pk}",
            "conflict": conflict,
            "stored": stored,
        },
    )


@login_required
def overview(request: HttpRequest, programme: str) -> HttpResponse:
    """Every capacity-building plan of the programme with its progress, for the coordinators."""
    programme_ = get_programme_for(request.user, programme, "outreach.view_capacity_overview")
    plans = queries.programme_plans(programme_)
    return render(
        request,
        "outreach/capacity/overview.html",
        {
            "programme": programme_,
            "plans": plans,
            "total": sum(p.steps_total for p in plans),
            "done": sum(p.steps_done for p in plans),
            "overdue": sum(p.steps_overdue for p in plans),
        },
    )
