"""What the API shows of the vocabularies: each entry's code, its name in the request's language
and, for the translated lists, every translation."""

from django.conf import settings
from i18nfield.strings import LazyI18nString
from ninja import Field, Schema

from .models import IscedField


def translations(value: LazyI18nString | None) -> dict[str, str]:
    """Every filled-in translation of a multilingual text, by language code. A text stored without
    languages counts as the same text in every language, as django-i18nfield reads it."""
    data = getattr(value, "data", value)
    if not data:
        return {}
    if isinstance(data, dict):
        return {language: text for language, text in data.items() if text}
    return {language: str(data) for language, _name in settings.LANGUAGES}


TRANSLATIONS = "The same text in every language it exists in, by language code."


class ThemeOut(Schema):
    code: str
    name: str
    name_translations: dict[str, str] = Field(description=TRANSLATIONS)
    description: str
    description_translations: dict[str, str] = Field(description=TRANSLATIONS)
    is_active: bool = Field(description="False: kept only on older records.")

    @staticmethod
    def resolve_name(theme) -> str:
        return str(theme.name)

    @staticmethod
    def resolve_name_translations(theme) -> dict[str, str]:
        return translations(theme.name)

    @staticmethod
    def resolve_description(theme) -> str:
        return str(theme.description)

    @staticmethod
    def resolve_description_translations(theme) -> dict[str, str]:
        return translations(theme.description)


class IscedFieldOut(Schema):
    code: str
    name: str
    name_translations: dict[str, str] = Field(description=TRANSLATIONS)
    level: IscedField.Level = Field(description="1 broad, 2 narrow, 3 detailed field.")
    parent: str | None = Field(description="Code of the broader field.")

    @staticmethod
    def resolve_name(field) -> str:
        return str(field.name)

    @staticmethod
    def resolve_name_translations(field) -> dict[str, str]:
        return translations(field.name)

    @staticmethod
    def resolve_parent(field) -> str | None:
        return field.parent.code if field.parent_id else None


class EqfLevelOut(Schema):
    level: int
    knowledge: str
    knowledge_translations: dict[str, str] = Field(description=TRANSLATIONS)
    skills: str
    skills_translations: dict[str, str] = Field(description=TRANSLATIONS)
    responsibility: str = Field(description="Responsibility and autonomy.")
    responsibility_translations: dict[str, str] = Field(description=TRANSLATIONS)

    @staticmethod
    def resolve_knowledge(level) -> str:
        return str(level.knowledge)

    @staticmethod
    def resolve_knowledge_translations(level) -> dict[str, str]:
        return translations(level.knowledge)

    @staticmethod
    def resolve_skills(level) -> str:
        return str(level.skills)

    @staticmethod
    def resolve_skills_translations(level) -> dict[str, str]:
        return translations(level.skills)

    @staticmethod
    def resolve_responsibility(level) -> str:
        return str(level.responsibility)

    @staticmethod
    def resolve_responsibility_translations(level) -> dict[str, str]:
        return translations(level.responsibility)


class CountryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2.")
    name: str


class RegionOut(Schema):
    code: str = Field(description="ISO 3166-2.")
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2.")
