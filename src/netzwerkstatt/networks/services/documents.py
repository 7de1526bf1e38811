"""The document library of a network: folders, documents and their versions.

Rules decided here:

- Files are PDF, office documents (DOCX, XLSX, PPTX, ODT, ODS, ODP), images (PNG, JPEG, GIF,
  WEBP) or plain text (TXT, CSV) of at most 20 MB, checked by their content
  (``core.uploads.check_document``). A refused file leaves nothing behind, neither in the
  database nor in the storage.
- A new version gets the next number; the earlier versions stay and can be downloaded.
- Images get a downscaled JPEG preview, made on upload and kept in the private storage next to
  the file. An image Pillow cannot shrink is kept without a preview.
- Nothing is deleted: a document is archived (and can be restored), so a wrong click loses no
  work and the history stays complete. Folders can be renamed, not deleted.
- Folders nest at most ``Folder.MAX_DEPTH`` deep; names are unique among their siblings
  (ignoring case).
"""

from __future__ import annotations

import io
import logging
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from netzwerkstatt.core.uploads import IMAGES, check_document

from .. import document_rules  # noqa: F401  (registers the library's permissions)
from ..models import Document, DocumentVersion, Folder, Network
from ._common import raise_errors, record

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "txt": "text/plain",
    "csv": "text/csv",
}
DOCUMENT_TYPES = list(CONTENT_TYPES)
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
PREVIEW_SIZE = (800, 800)


# Folders --------------------------------------------------------------------------------------


def _validate_folder_name(network: Network, parent: Folder | None, name: str, *, exclude=None):
    name = (name or "").strip()
    if not name:
        raise_errors({"name": [_("Name the folder.")]})
    siblings = Folder.objects.filter(network=network, parent=parent, name__iexact=name)
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    if siblings.exists():
        raise_errors({"name": [_("There is already a folder “%(name)s” here.") % {"name": name}]})
    return name


@transaction.atomic
def create_folder(*, actor, network: Network, name: str, parent: Folder | None = None) -> Folder:
    if parent is not None:
        if parent.network_id != network.pk:
            raise_errors({"parent": [_("Choose a folder of this network.")]})
        if parent.depth >= Folder.MAX_DEPTH:
            raise_errors(
                {
                    "name": [
                        _("Folders nest at most %(depth)s levels deep.")
                        % {"depth": Folder.MAX_DEPTH}
                    ]
                }
            )
    name = _validate_folder_name(network, parent, name)
    folder = Folder.objects.create(network=network, parent=parent, name=name, created_by=actor)
    record(
        actor,
        "network.folder_created",
        folder,
        network,
        {
            "name": {"old": None, "new": name},
            **({"parent": {"old": None, "new": parent.name}} if parent else {}),
        },
    )
    return folder


@transaction.atomic
def rename_folder(*, actor, folder: Folder, name: str) -> Folder:
    current = Folder.objects.select_for_update().get(pk=folder.pk)
    name = _validate_folder_name(folder.network, current.parent, name, exclude=current)
    if name == current.name:
        return current
    previous = current.name
    current.name = name
    current.save(update_fields=["name"])
    record(
        actor,
        "network.folder_renamed",
        current,
        folder.network,
        {"name": {"old": previous, "new": name}},
    )
    return current


# Documents ------------------------------------------------------------------------------------


def _checked_type(upload) -> str:
    """The file's type (its extension, checked against the content), or a ValidationError on
    the ``file`` field."""
    if upload is None:
        raise_errors({"file": [_("Choose a file.")]})
    try:
        check_document(upload, allowed_types=DOCUMENT_TYPES, max_bytes=DOCUMENT_MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    return upload.name.rsplit(".", 1)[-1].lower()


def _preview(upload) -> ContentFile | None:
    """A downscaled JPEG of an image, or None when Pillow cannot read it."""
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.seek(0)
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail(PREVIEW_SIZE)
            if picture.mode in ("RGBA", "LA", "P"):
                picture = picture.convert("RGBA")
                flat = Image.new("RGB", picture.size, "white")
                flat.paste(picture, mask=picture.getchannel("A"))
                picture = flat
            elif picture.mode != "RGB":
                picture = picture.convert("RGB")
            buffer = io.BytesIO()
            picture.save(buffer, "JPEG", quality=85)
    except Exception:
        logger.warning("No preview for %s", upload.name, exc_info=True)
        return None
    finally:
        upload.seek(0)
    return ContentFile(buffer.getvalue())


def _store_version(
    *, actor, document: Document, upload, file_type: str, note: str, number: int, stored: list
) -> DocumentVersion:
    """Store the file (and an image's preview) and point the document at the new version. The
    stored files are added to ``stored``, so the caller can remove them when it fails later."""
    version = DocumentVersion(
        document=document,
        number=number,
        original_name=PurePath(upload.name).name[:200],
        size=upload.size,
        file_type=file_type,
        content_type=CONTENT_TYPES[file_type],
        uploaded_by=actor if actor is not None and actor.is_authenticated else None,
        note=(note or "").strip()[:500],
    )
    # Through the storage API, so an object store can replace the file system.
    version.file.save(version.original_name, upload, save=False)
    stored.append(version.file.name)
    if file_type in IMAGES:
        preview = _preview(upload)
        if preview is not None:
            version.preview.save("preview.jpg", preview, save=False)
            stored.append(version.preview.name)
    version.save()
    document.current_version = version
    document.save(update_fields=["current_version"])
    return version


def _remove(stored: list[str]) -> None:
    """Remove files stored by a change that failed (its database rows are rolled back)."""
    storage = DocumentVersion._meta.get_field("file").storage
    for name in stored:
        storage.delete(name)


@transaction.atomic
def upload_document(
    *, actor, network: Network, upload, title: str = "", folder: Folder | None = None, note=""
) -> Document:
    """A new document with its first version. Problems are reported on the ``file``, ``title``
    or ``folder`` field; nothing is stored then."""
    errors: dict[str, list[str]] = {}
    file_type = None
    try:
        file_type = _checked_type(upload)
    except ValidationError as error:
        errors.update(error.message_dict)
    if folder is not None and folder.network_id != network.pk:
        errors["folder"] = [_("Choose a folder of this network.")]
    raise_errors(errors)
    title = (title or "").strip() or PurePath(upload.name).stem[:200] or upload.name[:200]
    document = Document.objects.create(
        network=network, folder=folder, title=title[:200], created_by=actor
    )
    stored: list[str] = []
    try:
        version = _store_version(
            actor=actor,
            document=document,
            upload=upload,
            file_type=file_type,
            note=note,
            number=1,
            stored=stored,
        )
        record(
            actor,
            "network.document_uploaded",
            document,
            network,
            {
                "title": {"old": None, "new": document.title},
                "file": {"old": None, "new": version.original_name},
                **({"folder": {"old": None, "new": folder.name}} if folder else {}),
            },
        )
    except Exception:
        _remove(stored)
        raise
    return document


@transaction.atomic
def upload_version(*, actor, document: Document, upload, note: str = "") -> DocumentVersion:
    """The next version of a document; the earlier ones stay."""
    current = Document.objects.select_for_update().get(pk=document.pk)
    if current.archived is not None:
        raise ValidationError(
            _("This document is archived. Restore it before you upload a new version."),
            code="archived",
        )
    file_type = _checked_type(upload)
    last = current.versions.order_by("-number").values_list("number", flat=True).first() or 0
    stored: list[str] = []
    try:
        version = _store_version(
            actor=actor,
            document=current,
            upload=upload,
            file_type=file_type,
            note=note,
            number=last + 1,
            stored=stored,
        )
        record(
            actor,
            "network.document_version_uploaded",
            current,
            document.network,
            {
                "version": {"old": last, "new": version.number},
                "file": {"old": None, "new": version.original_name},
            },
        )
    except Exception:
        _remove(stored)
        raise
    document.current_version = version
    return version


@transaction.atomic
def move_document(*, actor, document: Document, folder: Folder | None) -> Document:
    if folder is not None and folder.network_id != document.network_id:
        raise_errors({"folder": [_("Choose a folder of this network.")]})
    current = (
        Document.objects.select_for_update(of=("self",))
        .select_related("folder")
        .get(pk=document.pk)
    )
    if current.folder_id == (folder.pk if folder else None):
        return current
    previous = current.folder
    current.folder = folder
    current.save(update_fields=["folder"])
    record(
        actor,
        "network.document_moved",
        current,
        document.network,
        {
            "folder": {
                "old": previous.name if previous else None,
                "new": folder.name if folder else None,
            }
        },
    )
    return current


@transaction.atomic
def archive_document(*, actor, document: Document) -> Document:
    current = Document.objects.select_for_update().get(pk=document.pk)
    if current.archived is None:
        current.archived = timezone.now()
        current.save(update_fields=["archived"])
        record(
            actor,
            "network.document_archived",
            current,
            document.network,
            {"archived": {"old": None, "new": str(current.archived)}},
        )
    return current


@transaction.atomic
def restore_document(*, actor, document: Document) -> Document:
    current = Document.objects.select_for_update().get(pk=document.pk)
    if current.archived is not None:
        previous = current.archived
        current.archived = None
        current.save(update_fields=["archived"])
        record(
            actor,
            "network.document_restored",
            current,
            document.network,
            {"archived": {"old": str(previous), "new": None}},
        )
    return current
