"""The document library of a network: the library and its folders, uploading, one document
with its versions and preview, and the permission-checked downloads.

Files are only ever served here, from the private storage, after the workspace check. A PDF is
also served inline for the preview frame on the document's page: that one response may be
framed by our own pages (``frame-ancestors 'self'``, ``X-Frame-Options: SAMEORIGIN``); every
other response keeps the site-wide ``DENY``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.csp import CSP
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override

from .document_forms import FolderForm, MoveForm, RenameFolderForm, UploadForm, VersionForm
from .models import Document, DocumentVersion, Folder, Network
from .rules import get_network_for
from .services import documents as services


def _network(request: HttpRequest, programme: str, pk: int) -> Network:
    return get_network_for(request.user, programme, pk, "networks.view_workspace")


def _document(network: Network, document_id: int) -> Document:
    document = get_object_or_404(
        Document.objects.select_related("folder", "created_by"), network=network, pk=document_id
    )
    document.network = network
    return document


def _version(request, programme: str, pk: int, document_id: int, number: int) -> DocumentVersion:
    network = _network(request, programme, pk)
    return get_object_or_404(
        DocumentVersion, document__network=network, document=document_id, number=number
    )


def _context(network: Network, **extra) -> dict:
    return {"programme": network.programme, "network": network, "workspace": True, **extra}


def _documents(network: Network):
    return (
        Document.objects.filter(network=network)
        .select_related("current_version__uploaded_by")
        .annotate(version_count=Count("versions"))
        .order_by("title", "id")
    )


def _listing(request: HttpRequest, network: Network, folder: Folder | None) -> HttpResponse:
    """The folders and documents at one place of the library; forms make a folder here and
    rename this one."""
    can_edit = request.user.has_perm("networks.edit_workspace", network)
    can_rename = folder is not None and request.user.has_perm("networks.manage_folder", folder)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if (action == "folder" and not can_edit) or (action == "rename" and not can_rename):
        raise PermissionDenied
    ancestors = folder.ancestors() if folder is not None else []
    depth = len(ancestors) + 1 if folder is not None else 0
    may_nest = depth < Folder.MAX_DEPTH
    folder_form = FolderForm(request.POST if action == "folder" else None, prefix="folder")
    rename_form = RenameFolderForm(
        request.POST if action == "rename" else None,
        prefix="rename",
        initial={"name": folder.name if folder else ""},
    )
    if action == "folder" and folder_form.is_valid():
        try:
            created = services.create_folder(
                actor=request.user,
                network=network,
                name=folder_form.cleaned_data["name"],
                parent=folder,
            )
        except ValidationError as error:
            folder_form.add_service_errors(error)
        else:
            messages.success(request, _("The folder “%(name)s” was made.") % {"name": created})
            return redirect(network.url("document_folder", folder_id=created.pk))
    if action == "rename" and rename_form.is_valid():
        try:
            services.rename_folder(
                actor=request.user, folder=folder, name=rename_form.cleaned_data["name"]
            )
        except ValidationError as error:
            rename_form.add_service_errors(error)
        else:
            messages.success(request, _("The folder was renamed."))
            return redirect(request.path)
    archived = folder is None and request.GET.get("archived") == "1"
    if archived:
        folders = []
        documents = _documents(network).filter(archived__isnull=False).select_related("folder")
    else:
        folders = (
            Folder.objects.filter(network=network, parent=folder)
            .annotate(
                document_count=Count("documents", filter=Q(documents__archived__isnull=True)),
                folder_count=Count("children", distinct=True),
            )
            .order_by("name", "id")
        )
        documents = _documents(network).filter(folder=folder, archived__isnull=True)
    return render(
        request,
        "networks/documents/library.html",
        _context(
            network,
            folder=folder,
            ancestors=ancestors,
            folders=list(folders),
            documents=list(documents),
            archived=archived,
            archived_count=(
                Document.objects.filter(network=network, archived__isnull=False).count()
                if folder is None and not archived
                else 0
            ),
            can_edit=can_edit,
            can_rename=can_rename,
            may_nest=may_nest,
            folder_form=folder_form,
            rename_form=rename_form,
            here=(
                folder.name if folder else (_("Archived documents") if archived else _("Documents"))
            ),
        ),
    )


@login_required
def library(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """The top of the library (with ``?archived=1``: the archived documents)."""
    return _listing(request, _network(request, programme, pk), None)


@login_required
def folder(request: HttpRequest, programme: str, pk: int, folder_id: int) -> HttpResponse:
    network = _network(request, programme, pk)
    folder_ = get_object_or_404(
        Folder.objects.select_related("parent"), network=network, pk=folder_id
    )
    folder_.network = network
    return _listing(request, network, folder_)


@login_required
def upload(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """A new document; ``?folder=<id>`` chooses the folder in advance."""
    network = _network(request, programme, pk)
    if not request.user.has_perm("networks.edit_workspace", network):
        raise PermissionDenied
    initial = {}
    if request.GET.get("folder", "").isdigit():
        initial["folder"] = int(request.GET["folder"])
    form = UploadForm(request.POST or None, request.FILES or None, network=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.upload_document(
                actor=request.user,
                network=network,
                upload=data["file"],
                title=data["title"],
                folder=data["folder"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The document was uploaded."))
            return redirect(network.url("document", document_id=document.pk))
    return render(
        request,
        "networks/documents/upload.html",
        _context(network, form=form, here=_("Upload a document")),
    )


@login_required
def document(request: HttpRequest, programme: str, pk: int, document_id: int) -> HttpResponse:
    """One document: its preview, its versions, and forms for a new version, moving it and
    archiving or restoring it."""
    network = _network(request, programme, pk)
    document_ = _document(network, document_id)
    can_edit = request.user.has_perm("networks.edit_workspace", network)
    can_manage = request.user.has_perm("networks.manage_document", document_)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if (action == "version" and not can_edit) or (
        action in ("move", "archive", "restore") and not can_manage
    ):
        raise PermissionDenied
    version_form = VersionForm(
        request.POST if action == "version" else None,
        request.FILES if action == "version" else None,
        prefix="version",
    )
    move_form = MoveForm(
        request.POST if action == "move" else None,
        network=network,
        prefix="move",
        initial={"folder": document_.folder_id},
    )
    if action == "version" and version_form.is_valid():
        try:
            version = services.upload_version(
                actor=request.user,
                document=document_,
                upload=version_form.cleaned_data["file"],
                note=version_form.cleaned_data["note"],
            )
        except ValidationError as error:
            version_form.add_service_errors(error)
        else:
            messages.success(
                request, _("Version %(number)s was uploaded.") % {"number": version.number}
            )
            return redirect(request.path)
    if action == "move" and move_form.is_valid():
        services.move_document(
            actor=request.user, document=document_, folder=move_form.cleaned_data["folder"]
        )
        messages.success(request, _("The document was moved."))
        return redirect(request.path)
    if action == "archive":
        services.archive_document(actor=request.user, document=document_)
        messages.success(
            request, _("The document was archived. Its versions are kept; you can restore it.")
        )
        return redirect(request.path)
    if action == "restore":
        services.restore_document(actor=request.user, document=document_)
        messages.success(request, _("The document is back in the library."))
        return redirect(request.path)
    versions = list(document_.versions.select_related("uploaded_by"))
    current = next((v for v in versions if v.pk == document_.current_version_id), None)
    return render(
        request,
        "networks/documents/document.html",
        _context(
            network,
            document=document_,
            ancestors=[*document_.folder.ancestors(), document_.folder] if document_.folder else [],
            versions=versions,
            current=current,
            version_form=version_form,
            move_form=move_form,
            can_edit=can_edit and document_.archived is None,
            can_manage=can_manage,
            here=document_.title,
        ),
    )


def _open(file) -> object:
    try:
        return file.open("rb")
    except FileNotFoundError:
        raise Http404 from None


@login_required
def download(
    request: HttpRequest, programme: str, pk: int, document_id: int, number: int
) -> FileResponse:
    version = _version(request, programme, pk, document_id, number)
    return FileResponse(
        _open(version.file),
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )


# The PDF preview frame on the document's page: framed by our own pages only.
@login_required
@xframe_options_sameorigin
@csp_override({**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]})
def inline_pdf(
    request: HttpRequest, programme: str, pk: int, document_id: int, number: int
) -> FileResponse:
    version = _version(request, programme, pk, document_id, number)
    if not version.is_pdf:
        raise Http404
    return FileResponse(
        _open(version.file),
        as_attachment=False,
        filename=version.original_name,
        content_type="application/pdf",
    )


@login_required
def thumbnail(
    request: HttpRequest, programme: str, pk: int, document_id: int, number: int
) -> FileResponse:
    """The downscaled preview of an image."""
    version = _version(request, programme, pk, document_id, number)
    if not version.preview:
        raise Http404
    return FileResponse(_open(version.preview), content_type="image/jpeg")
