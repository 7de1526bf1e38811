"""The continuing-education database: providers in clusters, their quality, and their courses.

A *cluster* is a programme whose coordinators publish a participation declaration (seed 004:
"Beteiligungserklärung"); any programme can become one. Owns:

- ``DeclarationText``: the cluster's declaration, versioned. A new version may require everyone to
  sign again (``requires_resigning``); otherwise earlier signatures stay valid.
- ``Declaration``: a training provider's signature under one version, by an organisation admin
  with name, position and date; revocable. Valid = not revoked and not older than the latest
  version that requires re-signing. Only providers with a valid declaration in some public
  cluster appear in the public database.
- ``ProviderProfile``: core competencies from the vocabulary (ISCED-F fields); the free-text
  competencies stay on ``Organisation.core_competencies``.
- ``Certification``: AZAV, ISO 9001 ... with issuer, validity and an evidence file (private).
- ``QualityStandard`` / ``QualityCriterion``: the cluster's own standard, versioned; a version is
  frozen once published. ``SelfAssessment`` / ``SelfAssessmentAnswer``: a provider assesses itself
  against one version (``draft -> submitted -> confirmed | returned``; ``returned -> submitted``);
  a cluster reviewer confirms, which grants the cluster's quality label until ``label_valid_until``.
- ``Course`` (EN 15982 "learning opportunity", schema.org Course) and ``CourseRun`` (EN 15982
  "learning opportunity instance", schema.org CourseInstance). A course is ``draft``,
  ``published`` or ``unpublished``. Runs carry copies of the course's and provider's facet values
  (``listed``, ``provider``, ``field_broad``, ``eqf``, ``format``, ``language``, ``certificate``,
  ``label_until``) so the public search filters and counts one table; ``index.py`` keeps them
  in step and every service that changes a course, a declaration or a label calls it.
- ``ImportJob``: one uploaded CSV/XLSX file of courses and runs, validated row by row, then
  written all at once (or only its valid rows, when the person chose so) by a background task.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField

from netzwerkstatt.calls.models import private_storage
from netzwerkstatt.vocabularies import regions

# Certifications count as "expiring" this many days before their end, with reminders then.
EXPIRY_WARNING_DAYS = 60
# A confirmed self-assessment carries the cluster's quality label this long.
LABEL_VALIDITY_DAYS = 730


# Declarations ---------------------------------------------------------------------------------


class DeclarationText(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="declaration_texts"
    )
    version = models.PositiveIntegerField(_("version"))
    title = I18nCharField(_("title"))
    text = I18nTextField(_("text (Markdown)"))
    requires_resigning = models.BooleanField(
        _("everyone signs again"),
        default=False,
        help_text=_("Signatures under earlier versions stop being valid."),
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["programme", "-version"]
        verbose_name = _("participation declaration text")
        verbose_name_plural = _("participation declaration texts")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "version"], name="one_declaration_text_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} – v{self.version}"


class Declaration(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="declarations"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="declarations"
    )
    text = models.ForeignKey(DeclarationText, on_delete=models.PROTECT, related_name="declarations")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField(_("name of the signatory"), max_length=200)
    signer_position = models.CharField(_("position"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), default=timezone.localdate)
    signed_at = models.DateTimeField(_("recorded"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revocation_reason = models.TextField(_("reason for revoking"), blank=True)
    # Signing a newer version closes the open signature: revoked_at is set (one open signature
    # per cluster) and this points at the signature that took its place.
    replaced_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["programme", "organisation__name", "-signed_at"]
        verbose_name = _("participation declaration")
        verbose_name_plural = _("participation declarations")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"],
                condition=Q(revoked_at__isnull=True),
                name="one_open_declaration_per_cluster",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.programme}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


# Providers ------------------------------------------------------------------------------------


class ProviderProfile(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="provider_profile"
    )
    competency_fields = models.ManyToManyField(
        "vocabularies.IscedField",
        verbose_name=_("core competencies (fields of education and training)"),
        blank=True,
        related_name="+",
    )
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("provider profile")
        verbose_name_plural = _("provider profiles")

    def __str__(self) -> str:
        return str(self.organisation)


def _evidence_path(instance, filename: str) -> str:
    return f"certifications/{instance.organisation_id}/{filename}"


class Certification(models.Model):
    class Kind(models.TextChoices):
        AZAV = "azav", _("AZAV (approval for funded training)")
        ISO_9001 = "iso9001", "ISO 9001"
        ISO_21001 = "iso21001", "ISO 21001"
        ISO_29990 = "iso29990", "ISO 29990"
        LQW = "lqw", _("LQW (learner-oriented quality)")
        EFQM = "efqm", "EFQM"
        REGIONAL_SEAL = "regional_seal", _("Regional quality seal")
        CLUSTER_STANDARD = "cluster_standard", _("The cluster's own quality standard")
        OTHER = "other", _("Other")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="certifications"
    )
    kind = models.CharField(_("certification"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("For a regional seal or another certification: its name."),
    )
    issuer = models.CharField(_("issued by"), max_length=200)
    reference = models.CharField(_("certificate number"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"))
    evidence = models.FileField(
        _("evidence"), upload_to=_evidence_path, storage=private_storage, blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=200, blank=True)
    reminded_for = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The valid_until date the last expiry reminder was sent for.",
    )
    final_reminded_for = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The valid_until date the final reminder was sent for.",
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["organisation__name", "kind", "-valid_until"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.kind in (self.Kind.REGIONAL_SEAL, self.Kind.OTHER) and self.name:
            return self.name
        return str(self.get_kind_display())

    def status(self, today: datetime.date | None = None) -> str:
        """ "valid", "expiring" (within EXPIRY_WARNING_DAYS) or "expired"."""
        today = today or timezone.localdate()
        if self.valid_until < today:
            return "expired"
        if self.valid_until <= today + datetime.timedelta(days=EXPIRY_WARNING_DAYS):
            return "expiring"
        return "valid"

    @property
    def is_valid(self) -> bool:
        return self.status() != "expired"


# The cluster's quality standard ---------------------------------------------------------------


class QualityStandard(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="quality_standards"
    )
    version = models.PositiveIntegerField(_("version"))
    label_name = I18nCharField(
        _("name of the quality label"), help_text=_("Shown on confirmed providers and courses.")
    )
    introduction = I18nTextField(_("introduction (Markdown)"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["programme", "-version"]
        verbose_name = _("quality standard")
        verbose_name_plural = _("quality standards")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "version"], name="one_quality_standard_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label_name} v{self.version}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class QualityCriterion(models.Model):
    standard = models.ForeignKey(QualityStandard, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = I18nCharField(_("criterion"))
    description = I18nTextField(_("what it means"), blank=True)
    evidence_hint = I18nTextField(_("evidence expected"), blank=True)

    class Meta:
        ordering = ["standard", "position", "pk"]
        verbose_name = _("quality criterion")
        verbose_name_plural = _("quality criteria")

    def __str__(self) -> str:
        return str(self.title)


class SelfAssessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CONFIRMED = "confirmed", _("Confirmed")
        RETURNED = "returned", _("Returned for changes")

    standard = models.ForeignKey(
        QualityStandard, on_delete=models.PROTECT, related_name="self_assessments"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="self_assessments"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("reviewer's note"), blank=True)
    label_valid_until = models.DateField(_("quality label valid until"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["standard", "organisation"], name="one_self_assessment_per_standard"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.standard}"

    def carries_label(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status == self.Status.CONFIRMED
            and self.label_valid_until is not None
            and self.label_valid_until >= today
        )


class SelfAssessmentAnswer(models.Model):
    class Fulfilment(models.TextChoices):
        MET = "met", _("Met")
        PARTLY = "partly", _("Partly met")
        NOT_MET = "not_met", _("Not met")

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        QualityCriterion, on_delete=models.CASCADE, related_name="answers"
    )
    fulfilment = models.CharField(
        _("fulfilment"), max_length=10, choices=Fulfilment.choices, blank=True
    )
    evidence = models.TextField(_("how we meet it (evidence)"), blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion__pk"]
        verbose_name = _("self-assessment answer")
        verbose_name_plural = _("self-assessment answers")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="one_answer_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment} – {self.criterion}"


# Courses --------------------------------------------------------------------------------------


class Course(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")

    class Certificate(models.TextChoices):
        NONE = "none", _("No certificate")
        ATTENDANCE = "attendance", _("Certificate of attendance")
        PROVIDER = "provider", _("Provider's certificate with assessment")
        CHAMBER = "chamber", _("Chamber examination (IHK, HWK)")
        STATE = "state", _("State-recognised qualification")
        VENDOR = "vendor", _("Vendor or industry certification")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="courses",
        verbose_name=_("provider"),
    )
    slug = models.SlugField(_("address in the platform"), max_length=80)
    external_id = models.CharField(
        _("your course number"),
        max_length=80,
        blank=True,
        help_text=_("Imports and the API update the course with this number."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"))
    learning_outcomes = models.TextField(
        _("learning outcomes"), blank=True, help_text=_("One outcome per line.")
    )
    field = models.ForeignKey(
        "vocabularies.IscedField",
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("field of education and training (ISCED-F 2013)"),
    )
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(8)],
    )
    target_group = models.TextField(_("target group"), blank=True)
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    certificate = models.CharField(
        _("certificate"), max_length=12, choices=Certificate.choices, default=Certificate.NONE
    )
    certificate_name = models.CharField(
        _("certificate or qualification awarded"), max_length=200, blank=True
    )
    language = models.CharField(_("language of instruction"), max_length=8)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    updated = models.DateTimeField(_("last changed"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="course_slug_per_provider"
            ),
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                condition=~Q(external_id=""),
                name="course_number_per_provider",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "courses:course", kwargs={"provider": self.organisation.slug, "slug": self.slug}
        )

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    @property
    def language_name(self) -> str:
        return regions.language_name(self.language)


class CourseRun(models.Model):
    class Schedule(models.TextChoices):
        FULL_TIME = "full_time", _("Full-time")
        PART_TIME = "part_time", _("Part-time")
        EVENINGS = "evenings", _("Evenings")
        WEEKENDS = "weekends", _("Weekends")

    # The funding options, one boolean each so the search counts them in one pass.
    FUNDING_FIELDS = (
        "funding_voucher",
        "funding_upgrading_grant",
        "funding_educational_leave",
        "funding_employer",
    )

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="runs")
    external_id = models.CharField(_("your run number"), max_length=80, blank=True)
    start_date = models.DateField(_("starts on"))
    end_date = models.DateField(_("ends on"))
    schedule = models.CharField(_("schedule"), max_length=10, choices=Schedule.choices)
    schedule_note = models.CharField(
        _("times"), max_length=200, blank=True, help_text=_("For example: Mon and Wed 18:00–21:00")
    )
    hours = models.PositiveIntegerField(_("hours of instruction"), null=True, blank=True)
    online = models.BooleanField(_("takes place online"), default=False)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=6, blank=True)
    price = models.DecimalField(
        _("price in euros"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty if the price is on request."),
    )
    price_note = models.CharField(_("about the price"), max_length=200, blank=True)
    seats = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    funding_voucher = models.BooleanField(_("education voucher (AZAV)"), default=False)
    funding_upgrading_grant = models.BooleanField(
        _("upgrading training grant (Aufstiegs-BAföG)"), default=False
    )
    funding_educational_leave = models.BooleanField(
        _("recognised for educational leave"), default=False
    )
    funding_employer = models.BooleanField(_("employer-funded"), default=False)
    registration_url = models.URLField(_("registration link"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    # Copies for the search (index.py): the course is published, its provider has a valid
    # declaration in a public cluster; and the course's and provider's facet values.
    listed = models.BooleanField(default=False, editable=False)
    provider = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+", editable=False
    )
    field_broad = models.CharField(max_length=2, blank=True, editable=False)
    eqf = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    format = models.CharField(max_length=10, blank=True, editable=False)
    language = models.CharField(max_length=8, blank=True, editable=False)
    certificate = models.CharField(max_length=12, blank=True, editable=False)
    # The provider's quality label holds until this day (compared with today at query time).
    label_until = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="run_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["course", "external_id"],
                condition=~Q(external_id=""),
                name="run_number_per_course",
            ),
        ]
        indexes = [
            models.Index(fields=["listed", "start_date"], name="run_listed_start"),
            models.Index(fields=["listed", "price"], name="run_listed_price"),
            models.Index(fields=["listed", "region", "start_date"], name="run_listed_region"),
            models.Index(fields=["listed", "field_broad", "start_date"], name="run_listed_field"),
            models.Index(fields=["course", "start_date"], name="run_course_start"),
            # The search (catalogue.py) finds a matching course's listed runs with every column
            # it counts and sorts by in this index alone, without visiting the table: on
            # PostgreSQL an index-only scan. Other databases get the index without INCLUDE.
            models.Index(
                fields=["course"],
                include=[
                    "id",
                    "start_date",
                    "label_until",
                    "eqf",
                    "online",
                    "funding_voucher",
                    "funding_upgrading_grant",
                    "funding_educational_leave",
                    "funding_employer",
                    "price",
                    "field_broad",
                    "region",
                    "format",
                    "schedule",
                    "certificate",
                    "language",
                ],
                condition=Q(listed=True),
                name="run_search",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} ({self.start_date:%Y-%m-%d})"

    @property
    def region_name(self) -> str:
        return regions.region_name(self.region) if self.region else ""

    @property
    def funding_options(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.FUNDING_FIELDS
            if getattr(self, name)
        ]

    @property
    def is_past(self) -> bool:
        return self.start_date < timezone.localdate()


# Import ---------------------------------------------------------------------------------------


def _import_path(instance, filename: str) -> str:
    return f"course-imports/{instance.organisation_id or 'cluster'}/{filename}"


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        CHECKING = "checking", _("Checking")
        INVALID = "invalid", _("Errors found, nothing written")
        CHECKED = "checked", _("Checked")
        WRITING = "writing", _("Writing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    class Mode(models.TextChoices):
        ALL_OR_NOTHING = "all", _("Only if every row is valid")
        VALID_ROWS = "valid", _("Import the valid rows, skip the others")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="course_imports",
        help_text="The provider; empty for a cluster-wide import with a provider column.",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="course_imports",
    )
    file = models.FileField(_("file"), upload_to=_import_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    mode = models.CharField(
        _("when rows have errors"), max_length=8, choices=Mode.choices, default=Mode.ALL_OR_NOTHING
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_courses = models.PositiveIntegerField(default=0)
    updated_courses = models.PositiveIntegerField(default=0)
    created_runs = models.PositiveIntegerField(default=0)
    updated_runs = models.PositiveIntegerField(default=0)
    skipped_rows = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(_("uploaded"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    # Set on every step of the job: a running job that has not moved for long has lost its
    # worker (importing.give_up_stalled).
    updated = models.DateTimeField(_("last progress"), default=timezone.now)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("course import")
        verbose_name_plural = _("course imports")

    def __str__(self) -> str:
        return self.original_name

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))
