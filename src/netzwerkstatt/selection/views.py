"""Joint applications: the consortium's workspace (overview, parts, work programme with its
timeline, partners' roles, attachments, submission), the PDF, and the coordinators' list with the
deadline."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.calls.rules import get_call_for, may
from netzwerkstatt.core.exceptions import ConcurrentEdit

from . import queries, services
from .forms import (
    PART_TITLES,
    ActivityForm,
    AttachmentForm,
    DeadlineForm,
    RolesForm,
    part_form,
)
from .models import Application, ApplicationRound
from .pdf import render_pdf
from .rules import get_consortium_for

# Helpers ----------------------------------------------------------------------------------------


def _application(request, programme: str, call: str, consortium_id: int, perm: str):
    call_, consortium = get_consortium_for(request.user, programme, call, consortium_id, perm)
    application = get_object_or_404(Application, consortium=consortium)
    application.consortium = consortium
    application.call = call_
    return call_, consortium, application


def _editable(request, programme, call, consortium_id):
    """The application for a page that changes it; once nothing can change, None and the
    overview says why."""
    call_, consortium, application = _application(
        request, programme, call, consortium_id, "selection.edit_application"
    )
    locked = services.why_locked(application, services.deadline_of(call_))
    if locked:
        messages.info(request, locked)
        return call_, consortium, None
    return call_, consortium, application


def _context(call, consortium, application, **extra) -> dict:
    return {"call": call, "consortium": consortium, "application": application, **extra}


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


# The coordinators' list -----------------------------------------------------------------------


@login_required
def application_list(request: HttpRequest, programme: str, call: str) -> HttpResponse:
    """Every consortium of the call with its application's status; the deadline is set here."""
    call_ = get_call_for(request.user, programme, call, "selection.list_applications")
    round_ = ApplicationRound.objects.filter(call=call_).first()
    initial = {"deadline": timezone.localtime(round_.deadline)} if round_ else {}
    form = DeadlineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_deadline(
            actor=request.user, call=call_, deadline=form.cleaned_data["deadline"]
        )
        messages.success(request, _("The deadline was saved."))
        return redirect(request.path)
    return render(
        request,
        "selection/list.html",
        {
            "call": call_,
            "round": round_,
            "form": form,
            "consortia": queries.consortia_with_applications(call_),
        },
    )


# The workspace --------------------------------------------------------------------------------


@login_required
def workspace(request: HttpRequest, programme: str, call: str, consortium_id: int) -> HttpResponse:
    """The overview. Before the application exists, its members start it here (POST)."""
    call_, consortium = get_consortium_for(
        request.user, programme, call, consortium_id, "selection.view_application"
    )
    can_edit = may(request.user, "selection.edit_application", consortium)
    application = Application.objects.filter(consortium=consortium).first()
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        application = services.start_application(actor=request.user, consortium=consortium)
        return redirect(services.workspace_url(application.consortium))
    if application is None:
        return render(
            request,
            "selection/start.html",
            _context(call_, consortium, None, can_edit=can_edit),
        )
    application.call = call_
    data = queries.workspace(application, consortium)
    return render(
        request,
        "selection/workspace.html",
        _context(
            call_,
            consortium,
            application,
            ws=data,
            can_edit=can_edit and not data.locked,
            is_member=can_edit,
        ),
    )


@login_required
def part(
    request: HttpRequest, programme: str, call: str, consortium_id: int, part: str
) -> HttpResponse:
    """One text part: title and summary, objectives, or thematic focus."""
    if part not in Application.PART_FIELDS:
        raise Http404
    call_, consortium, application = _editable(request, programme, call, consortium_id)
    if application is None:
        return redirect(services.workspace_url(consortium))
    form = part_form(part, application, request.POST or None)
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.save_part(
                actor=request.user,
                application=application,
                part=part,
                data=data,
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
            application.refresh_from_db()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(part)s saved.") % {"part": PART_TITLES[part]})
            return redirect(services.workspace_url(consortium))
    return render(
        request,
        "selection/part.html",
        _context(
            call_,
            consortium,
            application,
            form=form,
            part=part,
            here=PART_TITLES[part],
            conflict=conflict,
            stored=[
                (application._meta.get_field(f).verbose_name, getattr(application, f))
                for f in Application.PART_FIELDS[part]
                if f != "themes"
            ]
            if conflict
            else [],
            stored_themes=list(application.themes.all()) if conflict and part == "focus" else [],
        ),
    )


@login_required
def work_programme(
    request: HttpRequest, programme: str, call: str, consortium_id: int
) -> HttpResponse:
    """The activities as a table, a form to add one (or change the one in ``?activity=``),
    and buttons to move or delete them."""
    call_, consortium, application = _editable(request, programme, call, consortium_id)
    if application is None:
        return redirect(services.workspace_url(consortium))
    activities = list(application.activities.select_related("owner"))
    organisations = services.consortium_organisations(consortium)
    editing = None
    chosen = request.GET.get("activity") or request.POST.get("activity") or ""
    if chosen:
        editing = next((a for a in activities if str(a.pk) == chosen), None)
        if editing is None:
            raise Http404
    version = application.version_of("work")
    conflict = False
    form = ActivityForm(
        request.POST if request.method == "POST" and "title" in request.POST else None,
        instance=editing,
        organisations=organisations,
        version=version,
    )
    if request.method == "POST":
        expected = _version(request)
        try:
            if "delete" in request.POST or "move" in request.POST:
                target_id = request.POST.get("delete") or request.POST.get("move")
                target = next((a for a in activities if str(a.pk) == target_id), None)
                if target is None:
                    raise Http404
                if "delete" in request.POST:
                    services.delete_activity(
                        actor=request.user,
                        application=application,
                        activity=target,
                        expected_version=expected,
                    )
                    messages.success(
                        request, _("The activity “%(title)s” was deleted.") % {"title": target}
                    )
                else:
                    services.move_activity(
                        actor=request.user,
                        application=application,
                        activity=target,
                        up=request.POST.get("direction") == "up",
                        expected_version=expected,
                    )
                return redirect(request.path)
            if form.is_valid():
                services.save_activity(
                    actor=request.user,
                    application=application,
                    activity=editing,
                    data=form.activity_data(),
                    expected_version=form.cleaned_data["version"],
                )
                messages.success(request, _("The work programme was saved."))
                return redirect(request.path)
        except ConcurrentEdit:
            conflict = True
            application.refresh_from_db()
            activities = list(application.activities.select_related("owner"))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error)
    return render(
        request,
        "selection/work_programme.html",
        _context(
            call_,
            consortium,
            application,
            form=form,
            activities=activities,
            editing=editing,
            version=version,
            conflict=conflict,
            timeline=queries.timeline(activities),
        ),
    )


@login_required
def roles(request: HttpRequest, programme: str, call: str, consortium_id: int) -> HttpResponse:
    call_, consortium, application = _editable(request, programme, call, consortium_id)
    if application is None:
        return redirect(services.workspace_url(consortium))
    organisations = services.consortium_organisations(consortium)
    stored = dict(application.roles.values_list("organisation_id", "role"))
    form = RolesForm(
        request.POST or None,
        organisations=organisations,
        roles=stored,
        version=application.version_of("roles"),
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.save_roles(
                actor=request.user,
                application=application,
                roles=form.roles(),
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The partners' roles were saved."))
            return redirect(services.workspace_url(consortium))
    return render(
        request,
        "selection/roles.html",
        _context(
            call_,
            consortium,
            application,
            form=form,
            conflict=conflict,
            stored=[(o, stored.get(o.pk, "")) for o in organisations] if conflict else [],
        ),
    )


@login_required
def attachments(
    request: HttpRequest, programme: str, call: str, consortium_id: int
) -> HttpResponse:
    call_, consortium, application = _editable(request, programme, call, consortium_id)
    if application is None:
        return redirect(services.workspace_url(consortium))
    uploading = request.method == "POST" and "remove" not in request.POST
    form = AttachmentForm(request.POST if uploading else None, request.FILES if uploading else None)
    if request.method == "POST" and "remove" in request.POST:
        target = get_object_or_404(
            application.attachments,
            pk=request.POST["remove"] if request.POST["remove"].isdigit() else 0,
        )
        services.remove_attachment(actor=request.user, application=application, attachment=target)
        messages.success(request, _("“%(name)s” was removed.") % {"name": target.original_name})
        return redirect(request.path)
    if uploading and form.is_valid():
        try:
            attachment = services.add_attachment(
                actor=request.user, application=application, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request, _("“%(name)s” was added.") % {"name": attachment.original_name}
            )
            return redirect(request.path)
    return render(
        request,
        "selection/attachments.html",
        _context(
            call_,
            consortium,
            application,
            form=form,
            attachments=application.attachments.select_related("uploaded_by"),
        ),
    )


@login_required
def attachment(
    request: HttpRequest, programme: str, call: str, consortium_id: int, attachment_id: int
) -> FileResponse:
    *_, application = _application(
        request, programme, call, consortium_id, "selection.view_application"
    )
    item = get_object_or_404(application.attachments, pk=attachment_id)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=item.original_name)


@require_POST
@login_required
def submit(request: HttpRequest, programme: str, call: str, consortium_id: int) -> HttpResponse:
    _call, consortium, application = _editable(request, programme, call, consortium_id)
    if application is None:
        return redirect(services.workspace_url(consortium))
    try:
        services.submit_application(actor=request.user, application=application)
    except ValidationError as error:
        messages.error(request, _("The application was not submitted."))
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The application was submitted. Everyone in both groups has been told."),
        )
    return redirect(services.workspace_url(consortium))


@login_required
def pdf(request: HttpRequest, programme: str, call: str, consortium_id: int) -> HttpResponse:
    """The application as a PDF; a draft is marked as such on every page."""
    call_, consortium, application = _application(
        request, programme, call, consortium_id, "selection.view_application"
    )
    data = queries.workspace(application, consortium)
    content = render_pdf(request, _context(call_, consortium, application, ws=data))
    name = slugify(application.title)[:80] or "application"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
