"""Read API for the public catalogue of good practice: the published practices of the programmes
the caller may see (without a token: the public programmes), with the catalogue page's search,
filters and sorting, paginated."""

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from netzwerkstatt.organisations.schemas import Pagination

from .catalogue import CatalogueQuery, filtered, with_display
from .models import Practice

router = Router(tags=["practices"])


class CatalogueFilters(Schema):
    q: str = Field("", description="Words to find, in German, Italian or English word forms.")
    theme: list[str] = Field([], description="Theme codes from /vocabularies/themes (any of).")
    country: list[str] = Field([], description="ISO 3166-1 alpha-2 codes (any of).")
    kind: list[str] = Field([], description="Kinds of organisation involved (any of).")
    target_group: list[str] = Field([], description="Target groups (any of).")
    language: list[str] = Field([], description="Original languages, ISO 639-1 (any of).")
    label: list[str] = Field([], description="`ready-for-transfer` for labelled practices only.")
    programme: list[str] = Field([], description="Programme slugs (any of).")
    sort: str = Field("", description="`relevance` (with q), `newest` (default) or `title`.")


class TranslationOut(Schema):
    language: str
    title: str
    summary: str


class PracticeOut(Schema):
    url: str = Field(description="The practice's public page.")
    programme: str = Field(description="The programme's slug.")
    slug: str
    title: str
    summary: str = Field(description="Markdown.")
    language: str = Field(description="The original language, ISO 639-1.")
    organisation: str = Field(description="The owning organisation's slug.")
    organisation_name: str
    themes: list[str] = Field(description="Theme codes.")
    countries: list[str]
    organisation_kinds: list[str]
    target_groups: list[str]
    ready_for_transfer: bool
    published_at: datetime.datetime | None
    translations: list[TranslationOut]

    @staticmethod
    def resolve_url(practice: Practice, context) -> str:
        return context["request"].build_absolute_uri(practice.get_absolute_url())

    @staticmethod
    def resolve_programme(practice: Practice) -> str:
        return practice.programme.slug

    @staticmethod
    def resolve_organisation(practice: Practice) -> str:
        return practice.organisation.slug

    @staticmethod
    def resolve_organisation_name(practice: Practice) -> str:
        return practice.organisation.name

    @staticmethod
    def resolve_themes(practice: Practice) -> list[str]:
        return [theme.code for theme in practice.themes.all()]

    @staticmethod
    def resolve_translations(practice: Practice) -> list:
        return list(practice.translations.all())


@router.get("", response=list[PracticeOut], summary="The public catalogue of good practice")
@paginate(Pagination)
def practice_list(request: HttpRequest, filters: Query[CatalogueFilters]):
    query = CatalogueQuery.from_params(filters.dict())
    return with_display(filtered(request.user, query)).prefetch_related("translations")
