"""/api/v1/vocabularies/*: codes, names in the request's language and, for the translated lists,
every translation."""

import pytest

from netzwerkstatt.accounts.services import create_api_token

VOCABULARIES = "/api/v1/vocabularies"


def by_code(response) -> dict:
    return {item["code"]: item for item in response.json()}


def test_themes_come_with_all_their_translations(client, db):
    response = client.get(f"{VOCABULARIES}/themes")

    assert response.status_code == 200
    theme = by_code(response)["work-based-learning"]
    assert theme["name"] == "Work-based learning and apprenticeships (dual VET)"
    assert theme["name_translations"] == {
        "en": "Work-based learning and apprenticeships (dual VET)",
        "de": "Arbeitsplatzbasiertes Lernen und duale Berufsausbildung",
        "it": "Apprendimento basato sul lavoro e apprendistato (sistema duale)",
    }
    assert theme["description"].startswith("Training models in which")
    assert set(theme["description_translations"]) == {"de", "it", "en"}
    assert theme["is_active"] is True


@pytest.mark.parametrize(
    "query, headers, expected",
    [
        ("", {"Accept-Language": "de"}, "Arbeitsplatzbasiertes Lernen und duale Berufsausbildung"),
        ("?lang=it", {}, "Apprendimento basato sul lavoro e apprendistato (sistema duale)"),
        ("?lang=it", {"Accept-Language": "de"}, "Apprendimento basato sul lavoro"),
        ("?lang=en", {"Accept-Language": "de"}, "Work-based learning and apprenticeships"),
    ],
)
def test_names_follow_the_request_language_and_lang_overrides_it(
    client, db, query, headers, expected
):
    response = client.get(f"{VOCABULARIES}/themes{query}", headers=headers)

    assert by_code(response)["work-based-learning"]["name"].startswith(expected)
    assert response.headers["Content-Language"] == expected_language(query, headers)


def expected_language(query: str, headers: dict) -> str:
    return query.removeprefix("?lang=") if query else headers["Accept-Language"]


def test_an_unknown_lang_is_a_validation_error(client, db):
    response = client.get(f"{VOCABULARIES}/themes?lang=fr")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "lang"]


def test_a_token_users_saved_language_wins_over_the_browser_as_on_the_pages(client, world):
    world.member.language = "it"
    world.member.save()
    _token, raw = create_api_token(user=world.member, name="Skript")

    response = client.get(
        f"{VOCABULARIES}/countries",
        headers={"Authorization": f"Bearer {raw}", "Accept-Language": "de"},
    )

    assert by_code(response)["DE"]["name"] == "Germania"


def test_isced_fields_can_be_filtered_by_level(client, db):
    broad = client.get(f"{VOCABULARIES}/isced-fields?level=1").json()
    narrow = client.get(f"{VOCABULARIES}/isced-fields?level=2").json()

    assert {field["level"] for field in broad} == {1}
    assert {field["parent"] for field in broad} == {None}
    assert broad[0] == {
        "code": "00",
        "name": "Generic programmes and qualifications",
        "name_translations": {
            "en": "Generic programmes and qualifications",
            "de": "Allgemeine Bildungsgänge und Qualifikationen",
            "it": "Programmi e qualifiche generali",
        },
        "level": 1,
        "parent": None,
    }
    assert {field["level"] for field in narrow} == {2}
    assert next(f for f in narrow if f["code"] == "001")["parent"] == "00"
    everything = client.get(f"{VOCABULARIES}/isced-fields").json()
    assert len(everything) > len(broad) + len(narrow)


def test_an_unknown_isced_level_is_a_validation_error(client, db):
    assert client.get(f"{VOCABULARIES}/isced-fields?level=4").status_code == 422


def test_eqf_levels_are_the_eight_levels_with_translations(client, db):
    levels = client.get(f"{VOCABULARIES}/eqf-levels?lang=de").json()

    assert [level["level"] for level in levels] == list(range(1, 9))
    assert levels[0]["knowledge"] == "Grundlegendes Allgemeinwissen"
    assert levels[0]["knowledge_translations"] == {
        "en": "Basic general knowledge",
        "de": "Grundlegendes Allgemeinwissen",
        "it": "Conoscenze generali di base",
    }
    assert set(levels[0]["skills_translations"]) == {"de", "it", "en"}
    assert set(levels[0]["responsibility_translations"]) == {"de", "it", "en"}


def test_countries_are_the_programme_countries_in_the_request_language(client, db):
    english = by_code(client.get(f"{VOCABULARIES}/countries"))
    german = by_code(client.get(f"{VOCABULARIES}/countries?lang=de"))

    assert english["DE"] == {"code": "DE", "name": "Germany"}
    assert german["DE"] == {"code": "DE", "name": "Deutschland"}
    assert german["IT"]["name"] == "Italien"
    assert "NO" in english and "US" not in english


def test_regions_of_one_country(client, db):
    response = client.get(f"{VOCABULARIES}/regions?country=de&lang=de")

    regions = by_code(response)
    assert len(regions) == 16
    assert regions["DE-BY"] == {"code": "DE-BY", "name": "Bayern", "country": "DE"}
    assert by_code(client.get(f"{VOCABULARIES}/regions?country=DE"))["DE-BY"]["name"] == "Bavaria"


def test_regions_of_all_countries_name_their_country(client, db):
    regions = by_code(client.get(f"{VOCABULARIES}/regions"))

    assert regions["IT-21"] == {"code": "IT-21", "name": "Piemonte", "country": "IT"}
    assert regions["DE-HE"]["country"] == "DE"


def test_an_unknown_country_has_no_regions(client, db):
    response = client.get(f"{VOCABULARIES}/regions?country=XX")
    assert response.status_code == 200
    assert response.json() == []
