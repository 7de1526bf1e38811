"""Organisations: the vocational schools, training companies, chambers, associations, universities,
training providers and authorities that make up a network.

Owns the organisation profile, its members (with the roles member and admin) and its contact
persons. A contact person is shown to logged-in participants of a programme the organisation takes
part in, or to everyone once made public, and only with a recorded consent date.
"""

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.vocabularies import regions


class Organisation(models.Model):
    class Kind(models.TextChoices):
        VOCATIONAL_SCHOOL = "vocational_school", _("Vocational school")
        TRAINING_COMPANY = "training_company", _("Training company")
        CHAMBER = "chamber", _("Chamber or guild")
        ASSOCIATION = "association", _("Association or social partner")
        UNIVERSITY = "university", _("University")
        TRAINING_PROVIDER = "training_provider", _("Training provider")
        PUBLIC_AUTHORITY = "public_authority", _("Public authority")
        OTHER = "other", _("Other")

    class Sector(models.TextChoices):
        PUBLIC = "public", _("Public")
        PRIVATE = "private", _("Private")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in the platform"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    sector = models.CharField(_("public or private"), max_length=10, choices=Sector.choices)
    country = models.CharField(_("country"), max_length=2)
    region = models.CharField(_("region"), max_length=6, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    languages = models.JSONField(_("languages worked in"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        "vocabularies.Theme", verbose_name=_("themes"), blank=True, related_name="organisations"
    )
    core_competencies = models.TextField(
        _("core competencies"), blank=True, help_text=_("One competency per line.")
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    updated = models.DateTimeField(_("last changed"), auto_now=True)
    # Raised by every profile save; a form that was opened at an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        """The region must be one of the country's; checked here so every path (form, service,
        import, API) obeys it."""
        if self.country and not pycountry.countries.get(alpha_2=self.country):
            raise ValidationError({"country": _("Unknown country code.")})
        if self.country and self.region and not regions.is_region_of(self.region, self.country):
            raise ValidationError(
                {
                    "region": _("%(region)s is not a region of %(country)s.")
                    % {"region": self.region_name, "country": self.country_name}
                }
            )

    @property
    def country_name(self) -> str:
        return regions.country_name(self.country)

    @property
    def region_name(self) -> str:
        return regions.region_name(self.region)

    @property
    def language_names(self) -> list[str]:
        return [regions.language_name(code) for code in self.languages]

    @property
    def competency_list(self) -> list[str]:
        return [line.strip() for line in self.core_competencies.splitlines() if line.strip()]


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        ADMIN = "admin", _("Admin")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created = models.DateTimeField(_("member since"), default=timezone.now)

    class Meta:
        ordering = ["organisation__name", "user__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="one_membership_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class ContactPerson(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contact_persons"
    )
    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    consent_date = models.DateField(
        _("consent given on"),
        help_text=_("The date this person agreed to be listed as a contact."),
    )
    is_public = models.BooleanField(
        _("visible to everyone"),
        default=False,
        help_text=_(
            "Otherwise only logged-in participants of a shared programme see this contact."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self) -> str:
        return self.name
