"""The development projects of tandems (see the package's docstring)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.calls.models import private_storage

from .network import Network


class DevelopmentProject(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="development_projects"
    )
    title = models.CharField(_("title"), max_length=200)
    objective = models.TextField(_("objective"))
    starting_situation = models.TextField(_("starting situation"), blank=True)
    created = models.DateTimeField(_("started"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["network", "created", "id"]
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")

    def __str__(self) -> str:
        return self.title


class Step(models.Model):
    """A planned step of a development project."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    project = models.ForeignKey(DevelopmentProject, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("step"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )

    class Meta:
        ordering = ["project", "position", "id"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.title


class LogEntry(models.Model):
    """A dated entry in a project's progress log. Reflections on resistance and change are one
    kind of entry, so they sit in the same chronology as what was done."""

    class Kind(models.TextChoices):
        TOOL_INTRODUCED = "tool_introduced", _("Tool introduced")
        MATERIAL_CREATED = "material_created", _("Material created")
        TRAINING_HELD = "training_held", _("Training held")
        PROCESS_CHANGED = "process_changed", _("Process changed")
        REFLECTION = "reflection", _("Reflection on resistance and change")
        OTHER = "other", _("Other")

    project = models.ForeignKey(
        DevelopmentProject, on_delete=models.CASCADE, related_name="log_entries"
    )
    step = models.ForeignKey(
        Step,
        verbose_name=_("step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="log_entries",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    text = models.TextField(_("text"))
    links = models.JSONField(_("links"), default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["project", "-date", "-id"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        indexes = [models.Index(fields=["project", "-date", "-id"], name="log_entry_latest")]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_kind_display()}"


def _attachment_path(instance: "LogAttachment", filename: str) -> str:
    return f"networks/{instance.entry.project.network_id}/{instance.entry.project_id}/{filename}"


class LogAttachment(models.Model):
    entry = models.ForeignKey(LogEntry, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=_attachment_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["entry", "uploaded", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name
