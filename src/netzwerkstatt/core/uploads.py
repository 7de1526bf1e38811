"""Checks for uploaded documents: size first, then the real type read from the content, never only
the file name."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

ZIP_BASED = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}
IMAGES = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}
TEXT = {"txt", "csv"}
KNOWN_TYPES = {"pdf", *ZIP_BASED, *IMAGES, *TEXT}


def _content_matches(upload, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ZIP_BASED:
        return head.startswith(b"PK\x03\x04")
    if extension in IMAGES:
        try:
            with Image.open(upload) as image:
                kind = image.format
                image.verify()
        except Exception:
            return False
        finally:
            upload.seek(0)
        return kind == IMAGES[extension]
    if extension in TEXT:
        try:
            upload.read().decode("utf-8")
        except UnicodeDecodeError:
            return False
        finally:
            upload.seek(0)
        return True
    return False


def check_document(upload, *, allowed_types: list[str], max_bytes: int) -> None:
    """Raise a translated ValidationError unless ``upload`` is one of ``allowed_types``
    (lowercase extensions; empty means any known type) and at most ``max_bytes``."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    allowed = [t.lower().lstrip(".") for t in allowed_types] or sorted(KNOWN_TYPES)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in allowed:
        raise ValidationError(
            _("Upload one of these file types: %(types)s.") % {"types": ", ".join(allowed)},
            code="wrong_type",
        )
    if not _content_matches(upload, extension):
        raise ValidationError(
            _("The content of this file is not a %(type)s file.") % {"type": extension.upper()},
            code="content_mismatch",
        )
