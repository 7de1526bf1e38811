"""The document library of a network (see the package's docstring).

Folders nest up to ``Folder.MAX_DEPTH`` levels. A ``Document`` is a title with numbered
``DocumentVersion``s; uploading a new version keeps the earlier ones, and ``current_version``
points at the newest. A document is archived rather than deleted: it leaves the library's
lists, its versions stay and can be restored.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.calls.models import private_storage

from .network import Network


class Folder(models.Model):
    # A folder at the top has depth 1; deeper trees are hard to find things in.
    MAX_DEPTH = 3

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="folders")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in folder"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["network", "name", "id"]
        verbose_name = _("folder")
        verbose_name_plural = _("folders")

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Folder"]:
        """The folders above this one, outermost first (one query per level; the depth is
        small)."""
        chain: list[Folder] = []
        parent = self.parent
        while parent is not None:
            chain.insert(0, parent)
            parent = parent.parent
        return chain

    @property
    def depth(self) -> int:
        return len(self.ancestors()) + 1


class Document(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="documents")
    folder = models.ForeignKey(
        Folder,
        verbose_name=_("folder"),
        null=True,
        blank=True,
        # A folder with documents cannot be deleted on its own, only with its network.
        on_delete=models.RESTRICT,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    current_version = models.ForeignKey(
        "DocumentVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    archived = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        ordering = ["network", "title", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["network", "folder"], name="document_in_folder")]

    def __str__(self) -> str:
        return self.title


def _version_path(instance: "DocumentVersion", filename: str) -> str:
    document = instance.document
    return f"networks/{document.network_id}/documents/{document.pk}/{instance.number}/{filename}"


def _preview_path(instance: "DocumentVersion", filename: str) -> str:
    document = instance.document
    return f"networks/{document.network_id}/documents/{document.pk}/{instance.number}/p/{filename}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=_version_path, storage=private_storage)
    # A downscaled copy of an image, made on upload.
    preview = models.FileField(
        _("preview"), upload_to=_preview_path, storage=private_storage, blank=True
    )
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    # The type the content was checked to be (core.uploads), as a file extension.
    file_type = models.CharField(_("type"), max_length=10)
    content_type = models.CharField(_("content type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(_("uploaded"), default=timezone.now)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_number_per_document")
        ]

    def __str__(self) -> str:
        return f"{self.document} (v{self.number})"

    @property
    def is_pdf(self) -> bool:
        return self.file_type == "pdf"
