"""The work programme of a network: goals, work packages and milestones (see the package's
docstring)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .network import Network


class Goal(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["network", "position", "id"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title


class WorkPackage(models.Model):
    """An activity of the work programme, led by one member organisation."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    # Finished one way or the other: never overdue.
    CLOSED = (Status.DONE, Status.CANCELLED)

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="work_packages")
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="work_packages",
    )
    title = models.CharField(_("work package"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress in per cent"), default=0, validators=[MaxValueValidator(100)]
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["network", "starts_on", "ends_on", "id"]
        verbose_name = _("work package")
        verbose_name_plural = _("work packages")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="work_package_dates_in_order"
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today=None) -> bool:
        return self.status not in self.CLOSED and self.ends_on < (today or timezone.localdate())


class Milestone(models.Model):
    """A point in time the network commits to: a milestone reached or a deliverable handed in."""

    class Kind(models.TextChoices):
        MILESTONE = "milestone", _("Milestone")
        DELIVERABLE = "deliverable", _("Deliverable")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="milestones")
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="milestones",
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MILESTONE)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["network", "due_on", "id"]
        verbose_name = _("milestone or deliverable")
        verbose_name_plural = _("milestones and deliverables")

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today=None) -> bool:
        return self.done_on is None and self.due_on < (today or timezone.localdate())
