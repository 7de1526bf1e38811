"""The work programme of a network: the timeline, and one page per goal, work package and
milestone (its form and its history)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy

from netzwerkstatt.core.exceptions import ConcurrentEdit

from . import queries
from .forms import GoalForm, MilestoneForm, WorkPackageForm
from .models import Goal, Milestone, WorkPackage
from .rules import get_network_for
from .services import workplan as services


@login_required
def work_programme(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    return render(
        request,
        "networks/work/programme.html",
        {
            "programme": network.programme,
            "network": network,
            "work": queries.work_programme(network),
            "can_edit": request.user.has_perm("networks.edit_workspace", network),
            "workspace": True,
        },
    )


# What differs between the three kinds of item.
KINDS = {
    "goal": {
        "model": Goal,
        "form": GoalForm,
        "save": services.save_goal,
        "delete": services.delete_goal,
        "new_title": gettext_lazy("New goal"),
        "saved": gettext_lazy("The goal was saved."),
        "deleted": gettext_lazy("The goal “%(title)s” was deleted."),
    },
    "work_package": {
        "model": WorkPackage,
        "form": WorkPackageForm,
        "save": services.save_work_package,
        "delete": services.delete_work_package,
        "new_title": gettext_lazy("New work package"),
        "saved": gettext_lazy("The work package was saved."),
        "deleted": gettext_lazy("The work package “%(title)s” was deleted."),
    },
    "milestone": {
        "model": Milestone,
        "form": MilestoneForm,
        "save": services.save_milestone,
        "delete": services.delete_milestone,
        "new_title": gettext_lazy("New milestone or deliverable"),
        "saved": gettext_lazy("The milestone was saved."),
        "deleted": gettext_lazy("The milestone “%(title)s” was deleted."),
    },
}


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


def _item(request, programme: str, pk: int, kind: str, item_id: int | None) -> HttpResponse:
    """Add an item (no ``item_id``) or show one with its form, its history and a delete
    button."""
    spec = KINDS[kind]
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    can_edit = request.user.has_perm("networks.edit_workspace", network)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    item = (
        get_object_or_404(spec["model"], network=network, pk=item_id)
        if item_id is not None
        else None
    )
    goals = list(network.goals.all()) if kind != "goal" else []
    extra = {"goals": goals} if kind != "goal" else {}
    if kind == "work_package":
        extra["network"] = network
    saving = request.method == "POST" and "delete" not in request.POST
    form = spec["form"](request.POST if saving else None, instance=item, **extra)
    conflict = False
    stored = None
    work_url = network.url("work_programme")
    try:
        if request.method == "POST" and "delete" in request.POST and item is not None:
            spec["delete"](
                actor=request.user,
                network=network,
                expected_version=_version(request),
                **{kind: item},
            )
            messages.success(request, spec["deleted"] % {"title": item})
            return redirect(work_url)
        if saving and form.is_valid():
            spec["save"](
                actor=request.user,
                network=network,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
                **{kind: item},
            )
            messages.success(request, spec["saved"])
            return redirect(work_url if item is None else request.path)
    except ConcurrentEdit:
        conflict = True
        stored = spec["model"].objects.get(pk=item.pk)
    except ValidationError as error:
        form.add_service_errors(error)
    return render(
        request,
        "networks/work/item.html",
        {
            "programme": network.programme,
            "network": network,
            "workspace": True,
            "kind": kind,
            "item": item,
            "form": form,
            "can_edit": can_edit,
            "conflict": conflict,
            "stored": stored,
            "here": str(item) if item else spec["new_title"],
            "history": queries.history(item) if item else [],
        },
    )


@login_required
def goal(request: HttpRequest, programme: str, pk: int, item_id: int | None = None):
    return _item(request, programme, pk, "goal", item_id)


@login_required
def work_package(request: HttpRequest, programme: str, pk: int, item_id: int | None = None):
    return _item(request, programme, pk, "work_package", item_id)


@login_required
def milestone(request: HttpRequest, programme: str, pk: int, item_id: int | None = None):
    return _item(request, programme, pk, "milestone", item_id)
