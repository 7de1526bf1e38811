"""Countries, regions (ISO 3166-2) and languages (ISO 639-1) from pycountry, with translated names.

pycountry ships gettext catalogues for its standards; names are translated into the active language.
Regions are a country's top-level subdivisions: the German states, the Italian regions, the French
regions, the Belgian regions and so on.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

import pycountry
from django.utils.translation import get_language

# EU member states and the other Erasmus+ programme countries.
EU_COUNTRIES = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
PROGRAMME_COUNTRIES = (*EU_COUNTRIES, "IS", "LI", "NO", "MK", "RS", "TR")
# Languages people in these networks work in; any ISO 639-1 code is accepted in data.
WORKING_LANGUAGES = (
    "de it en fr es pt nl pl cs sk sl hr hu ro bg el sv da fi et lv lt mt ga lb tr".split()
)


@cache
def _translator(domain: str, language: str):
    return gettext.translation(
        domain, pycountry.LOCALES_DIR, languages=[language], fallback=True
    ).gettext


def _tr(domain: str, text: str) -> str:
    return _translator(domain, (get_language() or "en")[:2])(text)


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return _tr("iso3166-1", getattr(country, "common_name", None) or country.name)


def country_choices(codes=PROGRAMME_COUNTRIES) -> list[tuple[str, str]]:
    return sorted(((c, country_name(c)) for c in codes), key=lambda item: item[1])


@cache
def _top_level_regions(country_code: str) -> tuple[tuple[str, str], ...]:
    subdivisions = pycountry.subdivisions.get(country_code=country_code) or []
    return tuple((s.code, s.name) for s in subdivisions if s.parent_code is None)


def region_choices(country_code: str) -> list[tuple[str, str]]:
    return list(_region_choices(country_code, (get_language() or "en")[:2]))


@cache
def _region_choices(country_code: str, language: str) -> tuple[tuple[str, str], ...]:
    translate = _translator("iso3166-2", language)
    return tuple(
        sorted(
            ((code, translate(name)) for code, name in _top_level_regions(country_code)),
            key=lambda item: item[1],
        )
    )


def all_region_choices(codes=PROGRAMME_COUNTRIES) -> list[tuple[str, list[tuple[str, str]]]]:
    """Regions grouped by country, for a <select> with <optgroup>s (cached per language)."""
    return [(name, region_choices(code)) for code, name in country_choices(codes)]


def region_name(code: str) -> str:
    if not code:
        return ""
    subdivision = pycountry.subdivisions.get(code=code)
    return _tr("iso3166-2", subdivision.name) if subdivision else code


def is_region_of(region_code: str, country_code: str) -> bool:
    return any(code == region_code for code, _name in _top_level_regions(country_code))


def language_name(code: str) -> str:
    """The language's everyday name: ISO 639's qualifiers ("Modern Greek (1453-)",
    "Spanish; Castilian") are dropped, in every language."""
    language = pycountry.languages.get(alpha_2=code)
    if language is None:
        return code
    name = _tr("iso639-3", language.name).split(";")[0]
    return re.sub(r"\s*\(.*\)$", "", name).removeprefix("Modern ")


def language_choices(codes=WORKING_LANGUAGES) -> list[tuple[str, str]]:
    return sorted(((c, language_name(c)) for c in codes), key=lambda item: item[1])


# The interface language people of a country most likely read, for mail to someone who has not
# chosen one; Netzwerkstatt speaks German, Italian and English.
COUNTRY_LANGUAGES = {"DE": "de", "AT": "de", "LI": "de", "IT": "it"}


def interface_language(country: str) -> str:
    return COUNTRY_LANGUAGES.get(country, "en")
