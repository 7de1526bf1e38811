"""The development projects of tandems: the list, one project with its steps and progress log,
the project's text with its history, attachments, and the coordinators' side-by-side view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.programmes.rules import get_programme_for

from . import queries
from .forms import LogEntryForm, ProjectForm, StepForm, StepStatusForm
from .models import DevelopmentProject, LogAttachment, Network, Step
from .rules import get_network_for
from .services import projects as services


def _tandem(request, programme: str, pk: int) -> Network:
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    if not network.is_tandem:
        raise Http404
    return network


def _project(network: Network, project_id: int) -> DevelopmentProject:
    project = get_object_or_404(DevelopmentProject, network=network, pk=project_id)
    project.network = network
    return project


def _context(network: Network, **extra) -> dict:
    return {"programme": network.programme, "network": network, "workspace": True, **extra}


@login_required
def projects(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """The tandem's projects with their progress; a form starts a new one."""
    network = _tandem(request, programme, pk)
    can_edit = request.user.has_perm("networks.edit_workspace", network)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        try:
            project = services.create_project(
                actor=request.user,
                network=network,
                title=data["title"],
                objective=data["objective"],
                starting_situation=data["starting_situation"] or "",
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The development project was started."))
            return redirect(network.url("project", project_id=project.pk))
    items = list(queries.projects_with_progress().filter(network=network))
    for item in items:
        item.last_kind_label = queries.kind_label(item.last_kind)
    return render(
        request,
        "networks/projects/list.html",
        _context(network, projects=items, form=form, can_edit=can_edit),
    )


@login_required
def project(request: HttpRequest, programme: str, pk: int, project_id: int) -> HttpResponse:
    """One project: objective, starting situation, steps with their status, the progress log.
    Its forms add a step, set a step's status and write a log entry."""
    network = _tandem(request, programme, pk)
    project_ = _project(network, project_id)
    can_edit = request.user.has_perm("networks.edit_workspace", network)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action and not can_edit:
        raise PermissionDenied
    steps = list(project_.steps.all())
    step_form = StepForm(request.POST if action == "step" else None)
    entry_form = LogEntryForm(
        request.POST if action == "entry" else None,
        request.FILES if action == "entry" else None,
        steps=steps,
    )
    if action == "step" and step_form.is_valid():
        services.add_step(
            actor=request.user, project=project_, title=step_form.cleaned_data["title"]
        )
        messages.success(request, _("The step was added."))
        return redirect(request.path)
    if action == "status":
        status_form = StepStatusForm(request.POST)
        if status_form.is_valid():
            step = next((s for s in steps if s.pk == status_form.cleaned_data["step"]), None)
            if step is None:
                raise Http404
            services.set_step_status(
                actor=request.user, step=step, status=status_form.cleaned_data["status"]
            )
            messages.success(request, _("The status of “%(title)s” was saved.") % {"title": step})
        return redirect(request.path)
    if action == "entry" and entry_form.is_valid():
        data = entry_form.cleaned_data
        try:
            services.add_log_entry(
                actor=request.user,
                project=project_,
                date=data["date"],
                kind=data["kind"],
                text=data["text"],
                links=data["links"],
                step=data["step"],
                uploads=data["attachments"],
            )
        except ValidationError as error:
            entry_form.add_service_errors(error)
        else:
            messages.success(request, _("The entry was added to the progress log."))
            return redirect(request.path)
    entries = list(
        project_.log_entries.select_related("step", "author").prefetch_related("attachments")
    )
    return render(
        request,
        "networks/projects/detail.html",
        _context(
            network,
            project=project_,
            steps=steps,
            steps_done=sum(1 for s in steps if s.status == Step.Status.DONE),
            statuses=Step.Status.choices,
            entries=entries,
            step_form=step_form,
            entry_form=entry_form,
            can_edit=can_edit,
            here=project_.title,
        ),
    )


@login_required
def project_edit(request: HttpRequest, programme: str, pk: int, project_id: int) -> HttpResponse:
    """The project's title, objective and starting situation, with the project's history."""
    network = _tandem(request, programme, pk)
    project_ = _project(network, project_id)
    can_edit = request.user.has_perm("networks.edit_workspace", network)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = ProjectForm(request.POST or None, instance=project_)
    conflict, stored = False, None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_project(
                actor=request.user,
                project=project_,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
            stored = DevelopmentProject.objects.get(pk=project_.pk)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The development project was saved."))
            return redirect(network.url("project", project_id=project_.pk))
    return render(
        request,
        "networks/projects/edit.html",
        _context(
            network,
            project=project_,
            form=form,
            conflict=conflict,
            stored=stored,
            can_edit=can_edit,
            history=queries.history(project_),
            here=project_.title,
        ),
    )


@login_required
def log_attachment(
    request: HttpRequest, programme: str, pk: int, project_id: int, attachment_id: int
) -> FileResponse:
    network = _tandem(request, programme, pk)
    item = get_object_or_404(
        LogAttachment, entry__project__network=network, entry__project=project_id, pk=attachment_id
    )
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=item.original_name)


@login_required
def projects_overview(request: HttpRequest, programme: str) -> HttpResponse:
    """For the coordinators: every tandem's projects side by side, with their progress and
    latest activity."""
    programme_ = get_programme_for(request.user, programme, "networks.view_projects_overview")
    return render(
        request,
        "networks/projects/overview.html",
        {"programme": programme_, "tandems": queries.tandems_with_projects(programme_)},
    )
