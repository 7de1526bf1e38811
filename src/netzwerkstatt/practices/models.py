"""Good practice: documented practice of the programmes' organisations and its joint assessment.

Owns:

- ``Practice``: one organisation's good practice (optionally of one of its networks) in a
  programme, written with a structured template in one original ``language``, with facets
  (themes, countries, organisation kinds, target groups). States (one service function per
  transition, ``assessment.py`` and ``services.py``): ``draft -> in_assessment -> published |
  revision_requested``; ``revision_requested -> in_assessment`` when the owner resubmits. Only
  drafts and practices sent back for revision can be edited; every save that changes something
  raises ``version`` (a form opened at an older version is refused) and keeps a
  ``PracticeVersion`` snapshot.
- ``PracticeTranslation``: the same text in another language, marked as a translation of the
  original; edited like the original, in any state.
- ``PracticeAttachment``: documents in the private storage, read through a permission-checked view.
- ``AssessmentSettings`` and ``AssessmentCriterion``: per programme, the criteria the assessors
  score (multilingual, weighted, on a scale of 1..``scale_max``) and the threshold on the
  transferability criterion from which a published practice is "ready for transfer". Created with
  defaults when the first practice of a programme is submitted.
- ``Assessment`` and ``Score``: one assessor's scores and comments on one practice, ``draft ->
  submitted``; the owner answers each submitted assessment with ``owner_reply``.
- ``Conclusion``: the outcome of the consensus meeting (published or revision requested, with a
  note); a practice may collect several over revision rounds.

Transfers and the public catalogue build on ``Practice.status == published``, ``published_at``,
``slug`` and ``language``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField

from netzwerkstatt.calls.models import private_storage
from netzwerkstatt.vocabularies import regions

# The fields of the template, in the order of the form and the page. A translation has the same.
TEXT_FIELDS = (
    "title",
    "summary",
    "context",
    "challenge",
    "approach",
    "results",
    "resources",
    "success_factors",
    "lessons_learnt",
    "transfer_conditions",
    "contact",
)
# Long texts are Markdown, rendered sanitised.
LONG_TEXT_FIELDS = TEXT_FIELDS[1:-1]
FACET_FIELDS = ("themes", "countries", "organisation_kinds", "target_groups", "language")


class TargetGroup(models.TextChoices):
    APPRENTICES = "apprentices", _("Apprentices and learners in initial VET")
    VET_TEACHERS = "vet_teachers", _("VET teachers")
    IN_COMPANY_TRAINERS = "in_company_trainers", _("In-company trainers")
    SCHOOL_LEADERS = "school_leaders", _("School leaders")
    COMPANIES = "companies", _("Companies and SMEs")
    CAREER_GUIDANCE = "career_guidance", _("Career guidance")
    ADULT_LEARNERS = "adult_learners", _("Adult learners")
    POLICY_MAKERS = "policy_makers", _("Policy makers and administrations")


class Practice(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_ASSESSMENT = "in_assessment", _("In assessment")
        REVISION_REQUESTED = "revision_requested", _("Revision requested")
        PUBLISHED = "published", _("Published")

    # Named groups of states.
    EDITABLE = (Status.DRAFT, Status.REVISION_REQUESTED)
    SUBMITTABLE = (Status.DRAFT, Status.REVISION_REQUESTED)

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="practices"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owning organisation"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    slug = models.SlugField(_("address in the platform"), max_length=80)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    language = models.CharField(_("original language"), max_length=3)

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    context = models.TextField(_("context and starting situation"), blank=True)
    challenge = models.TextField(_("challenge"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    results = models.TextField(_("results and evidence"), blank=True)
    resources = models.TextField(_("resources and costs"), blank=True)
    success_factors = models.TextField(_("success factors"), blank=True)
    lessons_learnt = models.TextField(_("lessons learnt"), blank=True)
    transfer_conditions = models.TextField(_("conditions for transfer"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    media_links = models.JSONField(_("media links"), default=list, blank=True)

    themes = models.ManyToManyField(
        "vocabularies.Theme", verbose_name=_("themes"), blank=True, related_name="practices"
    )
    countries = models.JSONField(_("countries"), default=list, blank=True)
    organisation_kinds = models.JSONField(
        _("kinds of organisation involved"), default=list, blank=True
    )
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)

    created = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Computed at the conclusion from the submitted assessments and the programme's threshold.
    transferability_score = models.DecimalField(
        _("mean transferability score"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    ready_for_transfer = models.BooleanField(_("ready for transfer"), default=False)
    # Raised by every save of the template; a form opened at an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "slug"], name="practice_slug_unique_in_programme"
            )
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url("detail")

    def url(self, name: str, **kwargs) -> str:
        return reverse(
            f"practices:{name}",
            kwargs={"programme": self.programme.slug, "slug": self.slug, **kwargs},
        )

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def language_name(self) -> str:
        return regions.language_name(self.language)

    @property
    def country_names(self) -> list[str]:
        return [regions.country_name(c) for c in self.countries]

    @property
    def organisation_kind_labels(self) -> list[str]:
        from netzwerkstatt.organisations.models import Organisation

        labels = dict(Organisation.Kind.choices)
        return [str(labels.get(k, k)) for k in self.organisation_kinds]

    @property
    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels.get(k, k)) for k in self.target_groups]


class PracticeTranslation(models.Model):
    """The practice's text in another language; the facets stay the original's."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=3)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    context = models.TextField(_("context and starting situation"), blank=True)
    challenge = models.TextField(_("challenge"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    results = models.TextField(_("results and evidence"), blank=True)
    resources = models.TextField(_("resources and costs"), blank=True)
    success_factors = models.TextField(_("success factors"), blank=True)
    lessons_learnt = models.TextField(_("lessons learnt"), blank=True)
    transfer_conditions = models.TextField(_("conditions for transfer"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    updated = models.DateTimeField(_("last changed"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["practice", "language"]
        verbose_name = _("translation of a practice")
        verbose_name_plural = _("translations of practices")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "language"], name="practice_one_translation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def language_name(self) -> str:
        return regions.language_name(self.language)


class PracticeVersion(models.Model):
    """What the practice said after one save: its text and facets, as JSON."""

    class Reason(models.TextChoices):
        SAVED = "saved", _("Saved")
        SUBMITTED = "submitted", _("Submitted for assessment")
        PUBLISHED = "published", _("Published")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    content = models.JSONField(_("content"), default=dict)
    created = models.DateTimeField(_("saved"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["practice", "-created", "-id"]
        verbose_name = _("version of a practice")
        verbose_name_plural = _("versions of practices")

    def __str__(self) -> str:
        return f"{self.practice} v{self.number}"


def _attachment_path(instance: PracticeAttachment, filename: str) -> str:
    return f"practices/{instance.practice_id}/{filename}"


class PracticeAttachment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=_attachment_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["practice", "uploaded", "id"]
        verbose_name = _("attachment of a practice")
        verbose_name_plural = _("attachments of practices")

    def __str__(self) -> str:
        return self.original_name


class AssessmentSettings(models.Model):
    """A programme's settings for the joint assessment of good practice."""

    programme = models.OneToOneField(
        "programmes.Programme", on_delete=models.CASCADE, related_name="assessment_settings"
    )
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )
    transfer_threshold = models.DecimalField(
        _("threshold for “ready for transfer”"),
        max_digits=4,
        decimal_places=2,
        default=4,
        help_text=_(
            "A published practice whose mean score on transferability reaches this value is "
            "labelled “ready for transfer”."
        ),
    )

    class Meta:
        verbose_name = _("assessment settings")
        verbose_name_plural = _("assessment settings")

    def __str__(self) -> str:
        return str(self.programme)


class AssessmentCriterion(models.Model):
    """One criterion the assessors score, per programme. ``code`` names the default criteria;
    the one with the code ``transferability`` decides the "ready for transfer" label."""

    TRANSFERABILITY = "transferability"

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="assessment_criteria"
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = I18nCharField(_("criterion"))
    description = I18nTextField(_("what assessors look for"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        ordering = ["programme", "position", "id"]
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "code"], name="assessment_criterion_code_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.title)


class Assessment(models.Model):
    """One assessor's assessment of one practice."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("To do")
        SUBMITTED = "submitted", _("Submitted")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="assessments")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessor"),
        on_delete=models.PROTECT,
        related_name="practice_assessments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned = models.DateTimeField(_("assigned"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    comment = models.TextField(_("overall comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    owner_reply = models.TextField(_("answer of the owner"), blank=True)
    replied_at = models.DateTimeField(_("answered"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["practice", "assigned", "id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "assessor"], name="practice_one_assessment_per_assessor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.practice} – {self.assessor}"


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        AssessmentCriterion, on_delete=models.CASCADE, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["assessment", "criterion__position", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="practice_one_score_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Conclusion(models.Model):
    """The outcome of the consensus meeting on a practice."""

    class Outcome(models.TextChoices):
        PUBLISHED = "published", _("Published")
        REVISION_REQUESTED = "revision_requested", _("Revision requested")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="conclusions")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    note = models.TextField(_("note of the consensus meeting"), blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("concluded"), default=timezone.now)

    class Meta:
        ordering = ["practice", "-created", "-id"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return f"{self.practice}: {self.get_outcome_display()}"
