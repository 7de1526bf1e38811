"""/api/v1/programmes: only the programmes the caller may see, as on the pages; a hidden one is
404 rather than 403, so the API does not tell that it exists."""

import datetime

import pytest
from i18nfield.strings import LazyI18nString

from netzwerkstatt.accounts.services import create_api_token
from tests.factories import OrganisationFactory, ParticipationFactory, ProgrammeFactory

LIST = "/api/v1/programmes"


@pytest.fixture
def hidden(world):
    """A programme without a public page, run by the world's coordinator, with the world's
    organisation taking part."""
    world.programme.is_public = False
    world.programme.save()
    return world.programme


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()]


def test_the_list_shows_a_public_programme_with_its_facts(client, world):
    programme = world.programme
    programme.tagline = "Deutsch-italienische Modellnetzwerke"
    programme.funding_scheme = "Berufsbildung international"
    programme.starts_on = datetime.date(2025, 1, 1)
    programme.ends_on = datetime.date(2027, 12, 31)
    programme.save()

    response = client.get(LIST)

    assert response.status_code == 200
    assert response.json() == [
        {
            "slug": programme.slug,
            "name": "ConnActions",
            "tagline": "Deutsch-italienische Modellnetzwerke",
            "funder": "Bundesministerium für Bildung und Forschung",
            "funding_scheme": "Berufsbildung international",
            "starts_on": "2025-01-01",
            "ends_on": "2027-12-31",
            "countries": ["DE", "IT"],
            "working_languages": ["de", "it"],
            "website": "",
            "is_public": True,
            "url": f"/programmes/{programme.slug}/",
        }
    ]


@pytest.mark.parametrize(
    "person, sees_it",
    [
        (None, False),
        ("outsider", False),
        ("member", True),
        ("org_admin", True),
        ("coordinator", True),
        ("committee_member", True),
        ("platform_admin", True),
    ],
)
def test_a_programme_without_public_page_is_listed_only_for_its_people(
    client, world, hidden, person, sees_it
):
    public = ProgrammeFactory(name="Bildungsnetzwerk Westmecklenburg")
    if person:
        client.force_login(getattr(world, person))

    response = client.get(LIST)

    # Ordered by name: "Bildungsnetzwerk …" before "ConnActions".
    expected = [public.slug, hidden.slug] if sees_it else [public.slug]
    assert slugs(response) == expected


@pytest.mark.parametrize(
    "person, status",
    [
        (None, 404),
        ("outsider", 404),
        ("member", 200),
        ("org_admin", 200),
        ("coordinator", 200),
        ("committee_member", 200),
        ("platform_admin", 200),
    ],
)
def test_a_programme_without_public_page_is_404_for_everyone_else(
    client, world, hidden, person, status
):
    if person:
        client.force_login(getattr(world, person))

    response = client.get(f"{LIST}/{hidden.slug}")

    assert response.status_code == status
    if status == 404:
        assert response.json() == {"detail": "Not Found"}
    else:
        assert response.json()["name"] == "ConnActions"


def test_its_coordinators_token_opens_a_hidden_programme(client, world, hidden):
    _token, raw = create_api_token(user=world.coordinator, name="Berichte")
    headers = {"Authorization": f"Bearer {raw}"}

    assert slugs(client.get(LIST, headers=headers)) == [hidden.slug]
    response = client.get(f"{LIST}/{hidden.slug}", headers=headers)
    assert response.status_code == 200
    assert response.json()["is_public"] is False


def test_the_detail_has_the_description_in_every_language_and_the_organisations(client, world):
    programme = world.programme
    programme.description = LazyI18nString(
        {"de": "Duale **Berufsbildung**", "it": "Formazione **duale**", "en": ""}
    )
    programme.save()
    torino = OrganisationFactory(name="Istituto Tecnico Torino", country="IT", region="IT-21")
    ParticipationFactory(programme=programme, organisation=torino)

    data = client.get(f"{LIST}/{programme.slug}").json()

    assert data["description"] == {"de": "Duale **Berufsbildung**", "it": "Formazione **duale**"}
    assert data["organisations"] == [
        {
            "slug": world.organisation.slug,
            "name": "Berufliche Schulen Kassel",
            "country": "DE",
            "url": f"/organisations/{world.organisation.slug}/",
        },
        {
            "slug": torino.slug,
            "name": "Istituto Tecnico Torino",
            "country": "IT",
            "url": f"/organisations/{torino.slug}/",
        },
    ]
    assert data["countries"] == ["DE", "IT"]


def test_a_description_without_languages_counts_for_every_language(client, world):
    world.programme.description = "Ein Text für alle."
    world.programme.save()

    data = client.get(f"{LIST}/{world.programme.slug}").json()

    assert data["description"] == {
        "de": "Ein Text für alle.",
        "it": "Ein Text für alle.",
        "en": "Ein Text für alle.",
    }


def test_an_empty_description_is_an_empty_dict(client, world):
    assert client.get(f"{LIST}/{world.programme.slug}").json()["description"] == {}


def test_an_unknown_programme_is_404(client, db):
    assert client.get(f"{LIST}/no-such-programme").status_code == 404
