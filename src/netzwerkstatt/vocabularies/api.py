"""Read API for the vocabularies. Names come in the request's language (Accept-Language, the
language cookie or the person's saved language); ``?lang=`` picks one explicitly."""

from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router

from . import regions
from .models import EqfLevel, IscedField, Theme
from .schemas import CountryOut, EqfLevelOut, IscedFieldOut, RegionOut, ThemeOut

router = Router(tags=["vocabularies"])

Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]
LANG = Query(None, description="Language of the names; overrides Accept-Language.")


def _use_language(request: HttpRequest, lang: str | None) -> None:
    # Activated like LocaleMiddleware does, so the Content-Language header says the same.
    if lang:
        translation.activate(lang)
        request.LANGUAGE_CODE = lang


@router.get("/themes", response=list[ThemeOut], summary="Themes of VET cooperation")
def theme_list(request: HttpRequest, lang: Language | None = LANG):
    _use_language(request, lang)
    return Theme.objects.all()


@router.get("/isced-fields", response=list[IscedFieldOut], summary="ISCED-F 2013 fields")
def isced_field_list(
    request: HttpRequest, level: IscedField.Level | None = None, lang: Language | None = LANG
):
    _use_language(request, lang)
    fields = IscedField.objects.select_related("parent")
    if level is not None:
        fields = fields.filter(level=level)
    return fields


@router.get("/eqf-levels", response=list[EqfLevelOut], summary="EQF levels 1-8")
def eqf_level_list(request: HttpRequest, lang: Language | None = LANG):
    _use_language(request, lang)
    return EqfLevel.objects.all()


@router.get("/countries", response=list[CountryOut], summary="Erasmus+ programme countries")
def country_list(request: HttpRequest, lang: Language | None = LANG):
    _use_language(request, lang)
    return [{"code": code, "name": name} for code, name in regions.country_choices()]


@router.get("/regions", response=list[RegionOut], summary="Regions (ISO 3166-2)")
def region_list(
    request: HttpRequest,
    country: str = Query("", description="ISO 3166-1 alpha-2 code; all countries if empty."),
    lang: Language | None = LANG,
):
    _use_language(request, lang)
    countries = [country.upper()] if country else [c for c, _ in regions.country_choices()]
    return [
        {"code": code, "name": name, "country": country_code}
        for country_code in countries
        for code, name in regions.region_choices(country_code)
    ]
