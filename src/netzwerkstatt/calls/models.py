"""Calls: from a call for expressions of interest to screened actor groups.

Owns the call (its texts, dates, eligibility, the countries it pairs, its custom question form, its
screening checklist and its review rubric), the actor groups that answer it (one or more
organisations of one country, with their profile for matching) and their expressions of interest
with the answers, files and the screening decision. Matching, joint applications and reviews build
on these in ``matching`` and ``selection``.

States (one service function per transition, see ``services``):

- Call: ``draft -> published``; whether a published call is upcoming, open or closed follows from
  its dates (``Call.phase``).
- Expression of interest: ``draft -> submitted -> eligible | ineligible -> matched``, and
  ``draft | submitted -> withdrawn`` while the call is open. A screening decision is first held
  (``screening_decision``) and becomes the status only when the coordinator releases it.
- Group member: ``invited -> confirmed | declined``; the lead is confirmed from the start.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField

from netzwerkstatt.vocabularies import regions


class Call(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Phase(models.TextChoices):
        DRAFT = "draft", _("Draft")
        UPCOMING = "upcoming", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="calls"
    )
    slug = models.SlugField(_("address in the platform"), max_length=80)
    title = I18nCharField(_("title"))
    text = I18nTextField(_("text (Markdown)"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    eligible_countries = models.JSONField(_("eligible countries"), default=list, blank=True)
    eligible_regions = models.JSONField(
        _("eligible regions"), default=list, blank=True, help_text=_("Empty: every region.")
    )
    eligible_kinds = models.JSONField(
        _("eligible kinds of organisation"),
        default=list,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    themes = models.ManyToManyField(
        "vocabularies.Theme", verbose_name=_("themes"), blank=True, related_name="calls"
    )
    # Pairs of ISO country codes whose groups are matched with each other, e.g. [["IT", "DE"]].
    pairings = models.JSONField(_("countries matched with each other"), default=list, blank=True)
    score_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    score_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.UniqueConstraint(fields=["programme", "slug"], name="call_slug_per_programme"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(score_max__gt=models.F("score_min")),
                name="call_score_scale_rises",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", kwargs={"programme": self.programme.slug, "slug": self.slug})

    def phase_at(self, moment) -> str:
        if self.status == self.Status.DRAFT:
            return self.Phase.DRAFT
        if moment < self.opens_at:
            return self.Phase.UPCOMING
        if moment < self.closes_at:
            return self.Phase.OPEN
        return self.Phase.CLOSED

    @property
    def phase(self) -> str:
        return self.phase_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.phase == self.Phase.OPEN

    @property
    def eligible_country_names(self) -> list[str]:
        return [regions.country_name(c) for c in self.eligible_countries]


class Question(models.Model):
    """One question of a call's form, in the order of ``position``."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        NUMBER = "number", _("Number")
        FILE = "file", _("File upload")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = I18nCharField(_("question"))
    help_text = I18nTextField(_("explanation"), blank=True)
    kind = models.CharField(_("kind of answer"), max_length=20, choices=Kind.choices)
    required = models.BooleanField(_("required"), default=True)
    # Choice questions: [{"value": "slug", "label": {"de": ..., "it": ..., "en": ...}}, ...]
    choices = models.JSONField(_("choices"), default=list, blank=True)
    max_words = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    min_value = models.DecimalField(
        _("smallest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest number"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    # File questions: lowercase extensions, e.g. ["pdf", "docx"], checked against the real type.
    file_types = models.JSONField(_("accepted file types"), default=list, blank=True)
    max_file_mb = models.PositiveSmallIntegerField(_("largest file (MB)"), default=10)

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return str(self.label)


class ScreeningCriterion(models.Model):
    """One item of a call's screening checklist."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="screening_criteria")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = I18nCharField(_("criterion"))

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = _("screening criterion")
        verbose_name_plural = _("screening criteria")

    def __str__(self) -> str:
        return str(self.text)


class RubricCriterion(models.Model):
    """One criterion of a call's review rubric, scored on the call's scale and weighted."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rubric_criteria")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = I18nCharField(_("criterion"))
    description = I18nTextField(_("what reviewers look for"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        ordering = ["call", "position", "id"]
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")

    def __str__(self) -> str:
        return str(self.title)


class ActorGroup(models.Model):
    """Organisations of one country answering a call together: a lead and its partners, with the
    profile that matching compares."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="actor_groups")
    name = models.CharField(_("name of the group"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    lead = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_actor_groups",
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation", through="GroupMember", related_name="actor_groups"
    )
    # Profile for matching.
    themes = models.ManyToManyField(
        "vocabularies.Theme", verbose_name=_("themes"), blank=True, related_name="actor_groups"
    )
    offers = models.TextField(_("what the group offers"), blank=True)
    seeks = models.TextField(_("what the group seeks in a partner"), blank=True)
    preferred_regions = models.JSONField(_("preferred partner regions"), default=list, blank=True)
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    # Raised by every profile save; a profile form opened at an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor group")
        verbose_name_plural = _("actor groups")
        constraints = [
            models.UniqueConstraint(fields=["call", "lead"], name="one_group_per_lead_and_call")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def country_name(self) -> str:
        return regions.country_name(self.country)


class GroupMember(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    group = models.ForeignKey(ActorGroup, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="group_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    invited_email = models.EmailField(_("invitation sent to"), blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["group", "role", "organisation__name"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "organisation"], name="organisation_once_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()}, {self.get_status_display()})"


class ExpressionOfInterest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ELIGIBLE = "eligible", _("Eligible")
        INELIGIBLE = "ineligible", _("Not eligible")
        MATCHED = "matched", _("Matched")

    class Decision(models.TextChoices):
        NONE = "", _("Not decided")
        ELIGIBLE = "eligible", _("Eligible")
        INELIGIBLE = "ineligible", _("Not eligible")

    EDITABLE = (Status.DRAFT, Status.SUBMITTED)
    SCREENABLE = (Status.SUBMITTED,)
    SCREENED = (Status.ELIGIBLE, Status.INELIGIBLE, Status.MATCHED)

    group = models.OneToOneField(ActorGroup, on_delete=models.CASCADE, related_name="expression")
    # Answers by question id (as a string): text, a number, a choice value or a list of values.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated = models.DateTimeField(_("last changed"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    # Screening: checklist ticks by criterion id, notes, and a decision held until released.
    screening_checks = models.JSONField(_("screening checklist"), default=dict, blank=True)
    screening_notes = models.TextField(_("screening notes"), blank=True)
    screening_decision = models.CharField(
        _("screening decision"), max_length=20, choices=Decision.choices, blank=True, default=""
    )
    screening_reason = models.TextField(_("reason"), blank=True)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_released_at = models.DateTimeField(_("decision sent"), null=True, blank=True)
    # Raised by screening saves only, so a coordinator's screening never blocks the group's own
    # edits (``version``), while a screening form still notices both kinds of change.
    screening_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["group__name"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    def __str__(self) -> str:
        return str(self.group)

    @property
    def call(self) -> Call:
        return self.group.call


def private_storage():
    """Answers are read through permission-checked views only, never under MEDIA_URL."""
    return storages["private"]


def _answer_file_path(instance: "AnswerFile", filename: str) -> str:
    return f"calls/{instance.expression.group.call_id}/{instance.expression_id}/{filename}"


class AnswerFile(models.Model):
    """A file uploaded as the answer to a file question."""

    expression = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="files"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=_answer_file_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["question", "-uploaded"]
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")
        constraints = [
            models.UniqueConstraint(fields=["expression", "question"], name="one_file_per_question")
        ]

    def __str__(self) -> str:
        return self.original_name
