"""/api/v1/courses: the public course search with its facets, one run, one provider. Public data
only, no token needed."""

from __future__ import annotations

import pytest

from tests.courses.factories_public import catalogue, days

pytestmark = pytest.mark.django_db

API = "/api/v1/courses"
SEARCH = API


@pytest.fixture
def known():
    return catalogue()


def test_the_search_answers_runs_facets_and_pages(client, known):
    response = client.get(SEARCH, {"region": "DE-MV", "sort": "price"})

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["pages"], body["page_size"]) == (3, 1, 1, 20)
    assert [item["id"] for item in body["items"]] == [known.r1.pk, known.r5.pk, known.r4.pk]
    first = body["items"][0]
    assert first["course"] == {
        "slug": "schweisskurs",
        "title": "Schweißkurs für Einsteiger",
        "url": "http://testserver/courses/alpha-bildung/schweisskurs/",
        "field": "0715",
        "eqf_level": 3,
        "certificate": "chamber",
        "certificate_name": "Schweißerpass",
        "language": "de",
        "format": "in_person",
    }
    assert first["provider"] == {
        "slug": "alpha-bildung",
        "name": "Alpha Bildung",
        "url": "http://testserver/courses/providers/alpha-bildung/",
    }
    assert (first["start_date"], first["schedule"], first["city"]) == (
        days(10).isoformat(),
        "full_time",
        "Schwerin",
    )
    assert (first["price"], first["funding"], first["quality_label"]) == (
        "0.00",
        ["voucher"],
        True,
    )
    assert body["items"][1]["quality_label"] is False
    facets = {facet["name"]: facet for facet in body["facets"]}
    assert list(facets) == [
        "field",
        "region",
        "format",
        "schedule",
        "start",
        "price",
        "funding",
        "cert",
        "eqf",
        "lang",
        "label",
    ]
    regions = {v["value"]: (v["count"], v["selected"]) for v in facets["region"]["values"]}
    assert regions == {"online": (1, False), "DE-HH": (1, False), "DE-MV": (3, True)}
    assert facets["region"]["label"] == "Region"
    assert {v["value"]: v["count"] for v in facets["field"]["values"]} == {"04": 2, "07": 1}


def test_the_search_finds_words_and_ignores_values_it_cannot_use(client, known):
    body = client.get(SEARCH, {"q": "formazioni", "eqf": "99", "page": "7"}).json()

    assert [item["id"] for item in body["items"]] == [known.r3.pk]
    assert body["page"] == 1
    assert body["items"][0]["price"] is None
    assert body["items"][0]["online"] is True
    later = client.get(SEARCH, {"from": days(150).isoformat()}).json()
    assert [item["id"] for item in later["items"]] == [known.r4.pk]


def test_one_public_run_with_its_course_described(client, known):
    body = client.get(f"{API}/runs/{known.r2.pk}").json()

    assert body["id"] == known.r2.pk
    assert body["course"]["learning_outcomes"] == ["Nähte schweißen", "Sicher arbeiten"]
    assert body["course"]["description"].startswith("Grundlagen des Schweißens")
    assert body["funding"] == ["voucher", "employer"]
    assert body["price"] == "800.00"


def test_runs_that_are_not_public_are_not_found(client, known):
    for run in (known.draft_run, known.gamma_run):
        assert client.get(f"{API}/runs/{run.pk}").status_code == 404
    assert client.get(f"{API}/runs/999999").status_code == 404


def test_a_listed_provider_with_its_certifications_label_and_courses(client, known):
    body = client.get(f"{API}/providers/alpha-bildung").json()

    assert (body["name"], body["city"], body["website"]) == (
        "Alpha Bildung",
        "Schwerin",
        "https://alpha.example.org",
    )
    assert body["competencies"] == ["Schweißtechnik", "Pflege"]
    assert [(c["kind"], c["status"]) for c in body["certifications"]] == [
        ("azav", "valid"),
        ("regional_seal", "expiring"),
    ]
    assert body["quality_labels"] == [
        {
            "name": "Qualität WM",
            "cluster": "Bildungsnetzwerk Westmecklenburg",
            "valid_until": days(100).isoformat(),
        }
    ]
    assert [(c["slug"], c["next_start"], c["upcoming_runs"]) for c in body["courses"]] == [
        ("assistenza", days(40).isoformat(), 1),
        ("schweisskurs", days(10).isoformat(), 2),
    ]


def test_an_unlisted_provider_is_not_found(client, known):
    assert client.get(f"{API}/providers/gamma-kolleg").status_code == 404
    assert client.get(f"{API}/providers/nobody").status_code == 404


def test_the_search_is_documented_with_its_parameters(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/courses"]["get"]["parameters"]}

    assert {"q", "field", "region", "from", "to", "price", "funding", "label", "sort"} <= (
        parameters
    )
