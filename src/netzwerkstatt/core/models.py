"""Core: what every domain app leans on.

Owns the audit log (who changed what, when, and what it was before), the editable site pages
(imprint, privacy) and the shared pieces with no domain of their own: Markdown rendering, the base
layout, navigation and small template helpers.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField


class AuditEntry(models.Model):
    """One recorded decision or change. Written only through ``core.audit.record``."""

    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class SitePage(models.Model):
    """A page whose text the platform admins keep (imprint, privacy notice)."""

    class Kind(models.TextChoices):
        IMPRINT = "imprint", _("Imprint")
        PRIVACY = "privacy", _("Privacy notice")

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True)
    title = I18nCharField(_("title"))
    body = I18nTextField(_("text (Markdown)"))
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self) -> str:
        return self.get_kind_display()


class SearchEntry(models.Model):
    """One object's row in the full-text index; written and read only by ``core.search``.

    ``title`` and ``body`` hold the object's words already normalised and stemmed in Python. The
    database-specific index over them is created by migration ``core.0003_search_entry``: an FTS5
    table kept in step by triggers on SQLite, a stored ``tsvector`` column with a GIN index on
    PostgreSQL. A later migration that alters this table must call
    ``core.search.ensure_index_tables`` again (SQLite drops the triggers when it rebuilds a table).
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, db_index=False, related_name="+"
    )
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=8, blank=True)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_search_entry_per_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"
