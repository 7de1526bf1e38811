"""Programmes: funded cooperation programmes such as "ConnActions".

Owns the programme itself (funder, scheme, period, countries, working languages), the people who run
it (coordinators) and review for it (committee members), and the organisations taking part. Later
apps hang calls, networks and events off a programme; its public home page lists them.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nTextField

from netzwerkstatt.vocabularies import regions


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in the platform"), max_length=80, unique=True)
    tagline = models.CharField(_("one-line summary"), max_length=250, blank=True)
    description = I18nTextField(_("description (Markdown)"), blank=True)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    funding_scheme = models.CharField(_("funding scheme"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    countries = models.JSONField(_("participating countries"), default=list, blank=True)
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_public = models.BooleanField(
        _("public home page"),
        default=True,
        help_text=_("Otherwise only the programme's people can see it."),
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    organisations = models.ManyToManyField(
        "organisations.Organisation",
        through="Participation",
        related_name="programmes",
        verbose_name=_("participating organisations"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    @property
    def country_names(self) -> list[str]:
        return [regions.country_name(c) for c in self.countries]

    @property
    def language_names(self) -> list[str]:
        return [regions.language_name(c) for c in self.working_languages]


class ProgrammeRole(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        COMMITTEE_MEMBER = "committee_member", _("Committee member")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        ordering = ["role", "user__name"]
        verbose_name = _("programme role")
        verbose_name_plural = _("programme roles")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user", "role"], name="one_programme_role_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.programme} ({self.get_role_display()})"


class Participation(models.Model):
    """An organisation taking part in a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="participations"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="participations"
    )
    joined_on = models.DateField(_("taking part since"), default=timezone.localdate)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"], name="one_participation_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.programme}"
