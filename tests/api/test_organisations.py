"""/api/v1/organisations: the directory with filters and pages, and each profile with the contact
persons the caller may see, decided by the same permission as the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netzwerkstatt.accounts.services import create_api_token
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    ContactPersonFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
)

LIST = "/api/v1/organisations"


def detail_path(organisation) -> str:
    return f"{LIST}/{organisation.slug}"


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


@pytest.fixture
def themes(db) -> dict[str, Theme]:
    return {t.code: t for t in Theme.objects.all()}


@pytest.fixture
def directory(db, themes):
    """Three organisations that differ in every filterable way."""
    kassel = OrganisationFactory(
        name="Berufliche Schulen Kassel",
        kind="vocational_school",
        country="DE",
        region="DE-HE",
        city="Kassel",
        description="Duale Ausbildung in der Metalltechnik.",
        languages=["de", "en"],
        website="https://bs-kassel.example.org",
    )
    kassel.themes.set([themes["work-based-learning"]])
    schwerin = OrganisationFactory(
        name="Handwerkskammer Schwerin",
        kind="chamber",
        country="DE",
        region="DE-MV",
        city="Schwerin",
        core_competencies="Meisterkurse\nSchweißtechnik",
    )
    torino = OrganisationFactory(
        name="Istituto Tecnico Torino",
        kind="vocational_school",
        country="IT",
        region="IT-21",
        city="Torino",
    )
    return kassel, schwerin, torino


def test_the_directory_lists_organisations_with_their_facts(client, directory, themes):
    kassel, _schwerin, _torino = directory

    response = client.get(LIST)

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3
    assert [item["name"] for item in data["items"]] == [
        "Berufliche Schulen Kassel",
        "Handwerkskammer Schwerin",
        "Istituto Tecnico Torino",
    ]
    assert data["items"][0] == {
        "slug": kassel.slug,
        "name": "Berufliche Schulen Kassel",
        "kind": "vocational_school",
        "sector": "public",
        "country": "DE",
        "region": "DE-HE",
        "city": "Kassel",
        "website": "https://bs-kassel.example.org",
        "languages": ["de", "en"],
        "themes": ["work-based-learning"],
        "url": f"/organisations/{kassel.slug}/",
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=metalltechnik", ["Berufliche Schulen Kassel"]),
        ("q=schweiß", ["Handwerkskammer Schwerin"]),
        ("q=torino istituto", ["Istituto Tecnico Torino"]),
        ("kind=chamber", ["Handwerkskammer Schwerin"]),
        ("country=IT", ["Istituto Tecnico Torino"]),
        ("country=de", ["Berufliche Schulen Kassel", "Handwerkskammer Schwerin"]),
        ("region=DE-MV", ["Handwerkskammer Schwerin"]),
        ("theme=work-based-learning", ["Berufliche Schulen Kassel"]),
        ("theme=no-such-theme", []),
        ("kind=vocational_school&country=DE", ["Berufliche Schulen Kassel"]),
        ("q=nirgendwo", []),
    ],
)
def test_filters_narrow_the_directory(client, directory, query, expected):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    assert response.json()["count"] == len(expected)


def test_an_unknown_kind_is_a_validation_error(client, directory):
    response = client.get(f"{LIST}?kind=castle")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "kind"]


def test_the_directory_is_paginated_by_limit_and_offset(client, directory):
    response = client.get(f"{LIST}?limit=2&offset=1")
    assert response.json()["count"] == 3
    assert names(response) == ["Handwerkskammer Schwerin", "Istituto Tecnico Torino"]


def test_a_page_holds_50_organisations_unless_asked_otherwise(client, db):
    OrganisationFactory.create_batch(51)
    data = client.get(LIST).json()
    assert data["count"] == 51
    assert len(data["items"]) == 50


@pytest.mark.parametrize("limit", [0, 201])
def test_a_page_holds_1_to_200_organisations(client, db, limit):
    assert client.get(f"{LIST}?limit={limit}").status_code == 422


def test_200_per_page_are_allowed(client, db):
    assert client.get(f"{LIST}?limit=200").status_code == 200


def _count_list_queries(client, headers=None) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, headers=headers or {})
    assert response.status_code == 200
    return len(queries), len(response.json()["items"])


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_directory_needs_the_same_number_of_queries_for_1_and_3_organisations(
    client, world, themes, signed_in
):
    headers = {}
    if signed_in:
        _token, raw = create_api_token(user=world.member, name="Skript")
        headers = {"Authorization": f"Bearer {raw}"}
        # The first use writes the token's last_used; that is not what is measured here.
        client.get(LIST, headers=headers)
    all_themes = list(themes.values())
    world.organisation.themes.set(all_themes[:2])
    one = _count_list_queries(client, headers)

    for organisation in OrganisationFactory.create_batch(2):
        organisation.themes.set(all_themes[2:5])
        ContactPersonFactory(organisation=organisation, is_public=True)
    three = _count_list_queries(client, headers)

    assert one[1] == 1
    assert three[1] == 3
    assert one[0] == three[0]


# The profile --------------------------------------------------------------------------------


@pytest.fixture
def contacts(world):
    ContactPersonFactory(organisation=world.organisation, name="Anna Öffentlich", is_public=True)
    ContactPersonFactory(organisation=world.organisation, name="Bernd Intern", is_public=False)


PUBLIC_ONLY = ["Anna Öffentlich"]
ALL_CONTACTS = ["Anna Öffentlich", "Bernd Intern"]


@pytest.mark.parametrize(
    "person, expected",
    [
        (None, PUBLIC_ONLY),
        ("outsider", PUBLIC_ONLY),
        ("member", ALL_CONTACTS),
        ("org_admin", ALL_CONTACTS),
        ("coordinator", ALL_CONTACTS),
        ("committee_member", ALL_CONTACTS),
        ("platform_admin", ALL_CONTACTS),
    ],
)
def test_private_contacts_are_shown_only_to_participants_of_a_shared_programme(
    client, world, contacts, person, expected
):
    if person:
        client.force_login(getattr(world, person))

    response = client.get(detail_path(world.organisation))

    assert response.status_code == 200
    assert [c["name"] for c in response.json()["contact_persons"]] == expected


def test_a_token_sees_what_its_owner_sees(client, world, contacts):
    _token, raw = create_api_token(user=world.member, name="Skript")

    response = client.get(
        detail_path(world.organisation), headers={"Authorization": f"Bearer {raw}"}
    )

    assert [c["name"] for c in response.json()["contact_persons"]] == ALL_CONTACTS


def test_a_member_of_another_organisation_in_the_same_programme_sees_private_contacts(
    client, world, contacts
):
    partner = OrganisationFactory(name="Istituto Tecnico Torino")
    ParticipationFactory(programme=world.programme, organisation=partner)
    colleague = MembershipFactory(organisation=partner).user
    client.force_login(colleague)

    data = client.get(detail_path(world.organisation)).json()

    assert [c["name"] for c in data["contact_persons"]] == ALL_CONTACTS


def test_a_coordinator_of_another_programme_sees_only_public_contacts(client, world, contacts):
    other = ProgrammeRoleFactory(role="coordinator").user
    client.force_login(other)

    data = client.get(detail_path(world.organisation)).json()

    assert [c["name"] for c in data["contact_persons"]] == PUBLIC_ONLY


def test_the_profile_shows_the_raw_description_competencies_and_public_programmes(
    client, world, themes, contacts
):
    organisation = world.organisation
    organisation.description = "Wir bilden **dual** aus.\n\n- Metall\n- Elektro"
    organisation.core_competencies = "Metalltechnik\n\n  Elektrotechnik  \n"
    organisation.street = "Weserstraße 7"
    organisation.postal_code = "34125"
    organisation.save()
    organisation.themes.set([themes["work-based-learning"]])
    hidden = ProgrammeFactory(name="Geheimes Pilotprojekt", is_public=False)
    ParticipationFactory(programme=hidden, organisation=organisation)

    data = client.get(detail_path(organisation)).json()

    assert data["description"] == "Wir bilden **dual** aus.\n\n- Metall\n- Elektro"
    assert data["core_competencies"] == ["Metalltechnik", "Elektrotechnik"]
    assert data["themes"] == ["work-based-learning"]
    assert data["street"] == "Weserstraße 7"
    assert data["postal_code"] == "34125"
    assert data["url"] == f"/organisations/{organisation.slug}/"
    assert data["programmes"] == [{"slug": world.programme.slug, "name": "ConnActions"}]
    assert data["contact_persons"][0] == {
        "name": "Anna Öffentlich",
        "function": "Koordination",
        "email": organisation.contact_persons.get(name="Anna Öffentlich").email,
        "phone": "",
        "is_public": True,
    }


def test_an_unknown_organisation_is_404(client, db):
    response = client.get(f"{LIST}/no-such-organisation")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
