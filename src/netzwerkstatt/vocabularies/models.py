"""Vocabularies: the controlled, translated lists that other apps point at.

Themes of VET cooperation (extendable by admins), ISCED-F 2013 fields of education and training and
the eight EQF levels. They ship as data (``data/*.json``, loaded by a migration) so every
installation starts with the same codes; countries, regions and languages come from pycountry
(``regions.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from i18nfield.fields import I18nCharField, I18nTextField


class Theme(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = I18nCharField(_("name"))
    description = I18nTextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive themes stay on old records only.")
    )

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return str(self.name)


class IscedField(models.Model):
    """A field of education and training (ISCED-F 2013): broad, narrow or detailed."""

    class Level(models.IntegerChoices):
        BROAD = 1, _("broad field")
        NARROW = 2, _("narrow field")
        DETAILED = 3, _("detailed field")

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = I18nCharField(_("name"))
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("ISCED-F field")
        verbose_name_plural = _("ISCED-F fields")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class EqfLevel(models.Model):
    """A level of the European Qualifications Framework (1-8)."""

    level = models.PositiveSmallIntegerField(_("level"), unique=True)
    knowledge = I18nTextField(_("knowledge"))
    skills = I18nTextField(_("skills"))
    responsibility = I18nTextField(_("responsibility and autonomy"))

    class Meta:
        ordering = ["level"]
        verbose_name = _("EQF level")
        verbose_name_plural = _("EQF levels")

    def __str__(self) -> str:
        return _("EQF level %(level)s") % {"level": self.level}
