"""Selection: from a consortium to a joint application (and, next, its review and the decision).

Owns what a consortium (``matching.Consortium``: two matched actor groups of paired countries)
writes together for a call, and the call's application deadline:

- ``ApplicationRound``: the coordinators' settings for the joint applications of one call, for now
  the deadline. Without one, applications can be written but not submitted.
- ``Application``: one per consortium. Its parts are edited separately by members of every
  confirmed organisation of both groups, and each part carries its own version
  (``versions``: ``summary``, ``objectives``, ``focus``, ``roles``, ``work``), so two people
  editing different parts never conflict, while two editing the same part are told instead of
  overwriting each other.
- ``Activity``: a line of the work programme, owned by an organisation of the consortium, from a
  start month to an end month (1..36); the timeline is rendered from these.
- ``PartnerRole``: what each organisation of the consortium does.
- ``Attachment``: a document (PDF, DOCX, XLSX) in the private storage.

The committee's review (``review`` holds its transitions):

- ``ApplicationRound`` also holds how many committee members review each application and whether
  reviewers must come from other countries than the consortium's.
- ``Review``: one committee member's review of one application, one ``Score`` per rubric
  criterion with a comment. ``assigned -> submitted``; reviewers see the others' reviews of the
  same application only once their own is submitted.
- ``ConflictOfInterest``: a committee member declared they cannot review an application.
- The decision (``decision``, ``feedback``) is held on the application until the coordinators
  release all decisions of the call together; releasing sets the status.

States (one service function per transition): ``draft -> submitted`` before the deadline;
``submitted -> in_review`` when the first reviewer is assigned; ``submitted | in_review |
waitlisted -> selected | waitlisted | rejected`` when a decision is released. A selected
application becomes a network of the programme (``networks.Network``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.calls.models import private_storage

MAX_MONTHS = 36


class ApplicationRound(models.Model):
    """The joint applications of one call: until when they can be submitted."""

    call = models.OneToOneField(
        "calls.Call", on_delete=models.CASCADE, related_name="application_round"
    )
    deadline = models.DateTimeField(_("deadline for joint applications"))
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    reviewers_from_other_countries = models.BooleanField(
        _("reviewers only from other countries"),
        default=False,
        help_text=_(
            "Committee members whose organisations are in a country of the consortium do not "
            "review its application."
        ),
    )
    updated = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("application round")
        verbose_name_plural = _("application rounds")

    def __str__(self) -> str:
        return str(self.call)

    @property
    def is_past(self) -> bool:
        return timezone.now() >= self.deadline


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        SELECTED = "selected", _("Selected")
        WAITLISTED = "waitlisted", _("Waiting list")
        REJECTED = "rejected", _("Not selected")

    EDITABLE = (Status.DRAFT,)
    SENT = (Status.SUBMITTED, Status.IN_REVIEW, Status.SELECTED, Status.WAITLISTED,
            Status.REJECTED)  # fmt: skip

    DECIDABLE = (Status.SUBMITTED, Status.IN_REVIEW, Status.WAITLISTED)

    class Decision(models.TextChoices):
        NONE = "", _("Not decided")
        SELECTED = "selected", _("Selected")
        WAITLISTED = "waitlisted", _("Waiting list")
        REJECTED = "rejected", _("Not selected")

    # The parts edited separately, each with its own version, and the fields each one holds.
    PART_FIELDS = {
        "summary": ("title", "summary"),
        "objectives": ("objectives",),
        "focus": ("themes",),
    }
    PARTS = ("summary", "objectives", "focus", "roles", "work")

    consortium = models.OneToOneField(
        "matching.Consortium", on_delete=models.CASCADE, related_name="application"
    )
    call = models.ForeignKey("calls.Call", on_delete=models.CASCADE, related_name="applications")
    title = models.CharField(_("title of the project"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    themes = models.ManyToManyField(
        "vocabularies.Theme",
        verbose_name=_("thematic focus"),
        blank=True,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("started"), default=timezone.now)
    updated = models.DateTimeField(_("last changed"), auto_now=True)
    # The version of each part ({"summary": 3, ...}); a part missing here is at version 1.
    versions = models.JSONField(default=dict, blank=True, editable=False)
    # The committee's decision, held until the coordinators release the call's decisions.
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.NONE, blank=True
    )
    feedback = models.TextField(
        _("feedback to the consortium"),
        blank=True,
        help_text=_("Sent with the decision. Plain text, in the language you choose."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_released_at = models.DateTimeField(_("decision sent"), null=True, blank=True)
    # The feedback as it was sent with the last released decision; ``feedback`` may already hold
    # the next one (a waitlisted application decided again), which the consortium must not see.
    released_feedback = models.TextField(_("feedback sent"), blank=True, editable=False)
    decision_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["call", "title"]
        verbose_name = _("joint application")
        verbose_name_plural = _("joint applications")

    def __str__(self) -> str:
        return self.title

    def version_of(self, part: str) -> int:
        return int(self.versions.get(part, 1))


class Activity(models.Model):
    """A line of the work programme."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="activities"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("activity"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    start_month = models.PositiveSmallIntegerField(
        _("start month"), validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHS)]
    )
    end_month = models.PositiveSmallIntegerField(
        _("end month"), validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHS)]
    )
    outputs = models.TextField(_("expected outputs"), blank=True)

    class Meta:
        ordering = ["application", "position", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_month__gte=1)
                & Q(end_month__lte=MAX_MONTHS)
                & Q(end_month__gte=F("start_month")),
                name="activity_months_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def months(self) -> range:
        return range(self.start_month, self.end_month + 1)


class PartnerRole(models.Model):
    """What one organisation of the consortium does in the project."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    role = models.TextField(_("role in the project"))

    class Meta:
        ordering = ["application", "organisation__name"]
        verbose_name = _("partner's role")
        verbose_name_plural = _("partners' roles")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "organisation"], name="one_role_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.role[:60]}"


def _attachment_path(instance: "Attachment", filename: str) -> str:
    return f"selection/{instance.application.call_id}/{instance.application_id}/{filename}"


class Attachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=_attachment_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["application", "uploaded", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class Review(models.Model):
    """One committee member's review of one application."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("To do")
        SUBMITTED = "submitted", _("Submitted")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ASSIGNED
    )
    comment = models.TextField(
        _("overall comment"),
        blank=True,
        help_text=_("For the committee and the coordinators; not sent to the consortium."),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["application", "reviewer__name"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_review_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} – {self.reviewer}"


class Score(models.Model):
    """A reviewer's score for one rubric criterion, on the call's scale, with a comment."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "calls.RubricCriterion", on_delete=models.PROTECT, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["review", "criterion__position", "criterion_id"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class ConflictOfInterest(models.Model):
    """A committee member cannot review an application, for the reason given."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="conflicts")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts_of_interest"
    )
    reason = models.TextField(_("reason"))
    declared = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        ordering = ["application", "declared"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "person"], name="one_conflict_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.application}"
