"""The shipped vocabularies and the pycountry helpers for countries, regions and languages."""

import pytest
from django.utils import translation

from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import EqfLevel, IscedField, Theme


@pytest.mark.django_db
def test_themes_ship_translated_and_in_order():
    themes = list(Theme.objects.all())

    assert len(themes) == 21
    assert themes[0].code == "work-based-learning"
    assert [t.position for t in themes] == sorted(t.position for t in themes)
    with translation.override("de"):
        assert str(themes[0]) == "Arbeitsplatzbasiertes Lernen und duale Berufsausbildung"
    with translation.override("it"):
        assert str(themes[0]).startswith("Apprendimento basato sul lavoro")


@pytest.mark.django_db
def test_isced_fields_form_a_tree_of_three_levels():
    assert IscedField.objects.count() == 177
    assert IscedField.objects.filter(level=1, parent=None).count() == 11
    detailed = IscedField.objects.filter(level=3).select_related("parent__parent").first()
    assert detailed.parent.level == 2
    assert detailed.parent.parent.level == 1
    assert detailed.code.startswith(detailed.parent.code)
    assert not IscedField.objects.filter(level__gt=1, parent=None).exists()


@pytest.mark.django_db
def test_eqf_has_eight_described_levels():
    levels = list(EqfLevel.objects.all())

    assert [level.level for level in levels] == list(range(1, 9))
    assert all(str(level.knowledge) for level in levels)
    assert str(levels[0]) == "EQF level 1"


def test_country_names_follow_the_interface_language():
    with translation.override("en"):
        assert regions.country_name("DE") == "Germany"
    with translation.override("de"):
        assert regions.country_name("IT") == "Italien"
    with translation.override("it"):
        assert regions.country_name("DE") == "Germania"
    assert regions.country_name("XX") == "XX"


def test_regions_are_top_level_subdivisions():
    german = dict(regions.region_choices("DE"))

    assert len(german) == 16
    assert german["DE-HE"] == "Hessen"
    assert len(regions.region_choices("IT")) == 20
    assert regions.region_name("IT-25") == "Lombardia"
    assert regions.region_name("") == ""
    assert regions.region_name("ZZ-99") == "ZZ-99"


def test_region_belongs_to_its_country_only():
    assert regions.is_region_of("DE-HE", "DE")
    assert not regions.is_region_of("IT-25", "DE")
    assert not regions.is_region_of("IT-MI", "IT")  # a province, not a region


def test_programme_countries_are_the_eu_and_erasmus_plus_countries():
    codes = [code for code, _name in regions.country_choices()]

    assert len(codes) == 33
    assert {"DE", "IT", "NO", "TR"} <= set(codes)
    assert "GB" not in codes


def test_region_choices_are_grouped_by_country():
    groups = dict(regions.all_region_choices())

    with translation.override("en"):
        assert ("DE-BY", "Bavaria") in dict(regions.all_region_choices())["Germany"]
    with translation.override("de"):
        assert ("DE-BY", "Bayern") in dict(regions.all_region_choices())["Deutschland"]
    assert len(groups) == 33


def test_language_names():
    with translation.override("en"):
        assert regions.language_name("de") == "German"
        assert [name for _code, name in regions.language_choices(("it", "de"))] == [
            "German",
            "Italian",
        ]
    with translation.override("de"):
        assert regions.language_name("it") == "Italienisch"
    assert regions.language_name("qq") == "qq"


def test_language_names_drop_iso_qualifiers():
    from django.utils import translation

    from netzwerkstatt.vocabularies.regions import language_name

    with translation.override("en"):
        assert [language_name(c) for c in ("el", "es", "de")] == ["Greek", "Spanish", "German"]
    with translation.override("de"):
        assert language_name("es") == "Spanisch"
