"""Transfer and outreach: what the programmes' organisations do with good practice and who they
tell about it.

Owns:

- ``Transfer``: one organisation adopting one published practice of its programme (one transfer
  per organisation and practice), with its plan of ``TransferStep``s (what, who, by when,
  status), its outcome and its lessons. States (one service function per transition,
  ``services.py``): ``planned -> in_progress -> completed``; ``planned | in_progress ->
  abandoned``. Practices list their transfers (``practice.transfers``), organisations what they
  adopted (``organisation.transfers``).
- ``CapacityPlan`` and ``CapacityStep``: a partner organisation's own capacity-building steps in
  one of its networks (what, who, by when, status, linked practices and events), seen by the
  network's workspace and by the programme's coordinators.
- ``StakeholderEngagement``: the programme's stakeholder dialogue log (group, level, date, topic,
  outcome, follow-up), recorded by an organisation, optionally for one of its networks.
- ``DisseminationActivity``: the programme's dissemination log (type, date, audience, estimated
  reach, links, linked practices).

Plans, steps, engagements and activities carry a ``version`` raised by every save; a form opened
at an older version is refused (``ConcurrentEdit``). The funder reports count from these models.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StepStatus(models.TextChoices):
    """The status of a step of a transfer plan or a capacity-building plan."""

    TO_DO = "to_do", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STEP_STATES = (StepStatus.TO_DO, StepStatus.IN_PROGRESS)


class _Step(models.Model):
    """What both kinds of plan step share: what, who (a person or free text), by when, status."""

    what = models.CharField(_("what"), max_length=300)
    who_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who (a person on the platform)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    who_text = models.CharField(
        _("who (name or role)"),
        max_length=200,
        blank=True,
        help_text=_("For people who are not on the platform, or a role such as “all trainers”."),
    )
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.TO_DO
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.what

    @property
    def who(self) -> str:
        parts = [self.who_person.display_name if self.who_person else "", self.who_text]
        return " · ".join(p for p in parts if p)

    @property
    def is_overdue(self) -> bool:
        return (
            self.status in OPEN_STEP_STATES
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )


class Transfer(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        ABANDONED = "abandoned", _("Abandoned")

    # Named groups of states.
    OPEN = (Status.PLANNED, Status.IN_PROGRESS)
    CLOSED = (Status.COMPLETED, Status.ABANDONED)

    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="transfers",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("adopting organisation"),
        on_delete=models.PROTECT,
        related_name="transfers",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    adaptation = models.TextField(
        _("how the practice is adapted"),
        blank=True,
        help_text=_("What you take over, what you change for your context, and why."),
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "organisation"], name="one_transfer_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practice} → {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse(
            "outreach:transfer",
            kwargs={"programme": self.practice.programme.slug, "pk": self.pk},
        )

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class TransferStep(_Step):
    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="steps")

    class Meta:
        ordering = ["transfer", models.F("due_on").asc(nulls_last=True), "id"]
        verbose_name = _("step of a transfer")
        verbose_name_plural = _("steps of transfers")


class CapacityPlan(models.Model):
    """A partner organisation's capacity-building plan in one of its networks."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="capacity_plans",
    )
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        on_delete=models.CASCADE,
        related_name="capacity_plans",
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    goal = models.TextField(_("what the organisation wants to be able to do"), blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["network", "organisation__name", "title", "id"]
        verbose_name = _("capacity-building plan")
        verbose_name_plural = _("capacity-building plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="capacity_plan_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "outreach:plan",
            kwargs={
                "programme": self.network.programme.slug,
                "pk": self.network_id,
                "plan_id": self.pk,
            },
        )


class CapacityStep(_Step):
    plan = models.ForeignKey(CapacityPlan, on_delete=models.CASCADE, related_name="steps")
    practices = models.ManyToManyField(
        "practices.Practice",
        verbose_name=_("linked practices"),
        blank=True,
        related_name="capacity_steps",
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("linked events"), blank=True, related_name="capacity_steps"
    )

    class Meta:
        ordering = ["plan", models.F("due_on").asc(nulls_last=True), "id"]
        verbose_name = _("capacity-building step")
        verbose_name_plural = _("capacity-building steps")


class Level(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    EU = "eu", _("European")


class _LogEntry(models.Model):
    """What an entry of the stakeholder log and of the dissemination log share."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("recorded for"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("date"))
    created = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class StakeholderEngagement(_LogEntry):
    class Group(models.TextChoices):
        COMPANIES = "companies", _("Companies")
        CHAMBERS = "chambers", _("Chambers and guilds")
        TRADE_ASSOCIATIONS = "trade_associations", _("Trade associations")
        SOCIAL_PARTNERS = "social_partners", _("Social partners")
        VOCATIONAL_SCHOOLS = "vocational_schools", _("Vocational schools")
        UNIVERSITIES = "universities", _("Universities and research")
        AUTHORITIES = "authorities", _("Authorities and regulators")

    stakeholder = models.CharField(_("stakeholder"), max_length=200)
    group = models.CharField(_("stakeholder group"), max_length=30, choices=Group.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    topic = models.CharField(_("topic"), max_length=300)
    outcome = models.TextField(_("outcome"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_due = models.DateField(_("follow-up due"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("stakeholder engagement")
        verbose_name_plural = _("stakeholder engagements")
        indexes = [models.Index(fields=["programme", "-date"])]

    def __str__(self) -> str:
        return f"{self.stakeholder}: {self.topic}"

    @property
    def follow_up_overdue(self) -> bool:
        return self.follow_up_due is not None and self.follow_up_due < timezone.localdate()


class DisseminationActivity(_LogEntry):
    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("Own publication")
        PRESS = "press", _("Press or media")
        CONFERENCE = "conference", _("Conference")
        TRADE_FAIR = "trade_fair", _("Trade fair")
        SOCIAL_MEDIA = "social_media", _("Social media")
        NEWSLETTER = "newsletter", _("Newsletter")
        OTHER = "other", _("Other")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    estimated_reach = models.PositiveIntegerField(
        _("estimated reach"),
        default=0,
        help_text=_("How many people it reached, as well as you can tell (readers, visitors)."),
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    practices = models.ManyToManyField(
        "practices.Practice",
        verbose_name=_("linked practices"),
        blank=True,
        related_name="dissemination_activities",
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("dissemination activity")
        verbose_name_plural = _("dissemination activities")
        indexes = [models.Index(fields=["programme", "-date"])]

    def __str__(self) -> str:
        return self.title
