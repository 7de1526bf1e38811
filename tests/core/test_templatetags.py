"""Template helpers shared by the apps."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from netzwerkstatt.core.templatetags.netzwerkstatt import audit_value


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "—"),
        ("", "—"),
        ([], "—"),
        (True, "yes"),
        (False, "no"),
        (["de", "it"], "de, it"),
        ({"en": "Goals", "de": "Ziele", "it": ""}, "en: Goals; de: Ziele"),
        (3, "3"),
        ("Kassel", "Kassel"),
    ],
)
def test_audit_values_are_shown_for_people(value, shown):
    assert audit_value(value) == shown


def test_country_region_and_language_filters_name_codes_in_the_current_language():
    template = Template(
        "{% load netzwerkstatt %}{{ 'IT'|country_name }} / {{ 'IT-25'|region_name }} / "
        "{{ 'de'|language_name }}"
    )

    with translation.override("de"):
        assert template.render(Context()) == "Italien / Lombardei / Deutsch"


def test_query_with_replaces_one_parameter_and_keeps_the_others():
    request = RequestFactory().get("/organisations/", {"country": "IT", "page": "1"})
    template = Template("{% load netzwerkstatt %}{% query_with page=3 %}")

    # Escaped, as it goes into an href attribute.
    assert template.render(Context({"request": request})) == "country=IT&amp;page=3"
