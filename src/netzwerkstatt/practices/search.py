"""What of a practice the catalogue's full-text search finds: the original text in the practice's
language, every translation in its own language, the themes in all their languages and the owning
organisation's name. Only published practices are in the index; the services keep it fresh
(``assessment.publish_practice``, ``services.add_translation`` and ``update_translation``)."""

from __future__ import annotations

from i18nfield.strings import LazyI18nString

from netzwerkstatt.core import search

from .models import LONG_TEXT_FIELDS, Practice


def _translated(field: str):
    """The field of every translation, each in its own language (an i18n string is indexed per
    language)."""

    def value(practice: Practice) -> LazyI18nString:
        return LazyI18nString(
            {t.language: getattr(t, field) for t in practice.translations.all() if t.language}
        )

    value.__name__ = f"translated_{field}"
    return value


def _theme_names(practice: Practice) -> list[LazyI18nString]:
    return [theme.name for theme in practice.themes.all()]


def _indexed(queryset):
    return (
        queryset.filter(status=Practice.Status.PUBLISHED)
        .select_related("organisation")
        .prefetch_related("themes", "translations")
    )


def register() -> None:
    search.register(
        Practice,
        title_fields=["title", _translated("title")],
        fields=[
            *LONG_TEXT_FIELDS,
            *(_translated(field) for field in LONG_TEXT_FIELDS),
            _theme_names,
            "organisation.name",
        ],
        language="language",
        queryset=_indexed,
    )
