"""Networks and their member organisations (see the package's docstring)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Network(models.Model):
    class Kind(models.TextChoices):
        MODEL_NETWORK = "model_network", _("Model network")
        TANDEM = "tandem", _("Tandem")
        WORKING_GROUP = "working_group", _("Thematic working group")
        CLUSTER = "cluster", _("Cluster")

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="networks"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("short description"), blank=True)
    themes = models.ManyToManyField(
        "vocabularies.Theme", verbose_name=_("themes"), blank=True, related_name="networks"
    )
    application = models.OneToOneField(
        "selection.Application",
        verbose_name=_("selected from the application"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network",
    )
    created = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Raised by every change of the card or the members; a form opened at an older version is
    # refused (ConcurrentEdit).
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["programme", "name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"programme": self.programme.slug, "pk": self.pk})

    def url(self, name: str, **kwargs) -> str:
        """The address of one of the network's pages (``networks:<name>``)."""
        return reverse(
            f"networks:{name}",
            kwargs={"programme": self.programme.slug, "pk": self.pk, **kwargs},
        )

    @property
    def is_tandem(self) -> bool:
        return self.kind == self.Kind.TANDEM


class NetworkMember(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="network_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    joined_on = models.DateField(_("member since"), default=timezone.localdate)

    class Meta:
        ordering = ["network", "role", "organisation__name"]
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"], name="one_membership_per_network"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.network}"
