"""/api/v1/me and how the API recognises a caller: personal token, session, or nobody."""

import pytest
from django.test import RequestFactory
from ninja.errors import HttpError

from netzwerkstatt.accounts.services import create_api_token, revoke_api_token
from netzwerkstatt.core.api_auth import OptionalTokenOrSession
from tests.factories import UserFactory

ME = "/api/v1/me"


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


def test_it_refuses_anonymous_visitors(client, db):
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_personal_token_shows_the_person_and_their_organisations(client, world):
    world.member.language = "de"
    world.member.save()
    _token, raw = create_api_token(user=world.member, name="Skript")

    response = client.get(ME, headers=bearer(raw))

    assert response.status_code == 200
    assert response.json() == {
        "email": world.member.email,
        "name": world.member.name,
        "language": "de",
        "organisations": [
            {
                "slug": world.organisation.slug,
                "name": "Berufliche Schulen Kassel",
                "role": "member",
            }
        ],
        "programme_roles": [],
    }


def test_it_lists_programme_roles(client, world):
    _token, raw = create_api_token(user=world.coordinator, name="Skript")

    data = client.get(ME, headers=bearer(raw)).json()

    assert data["organisations"] == []
    assert data["programme_roles"] == [
        {"slug": world.programme.slug, "name": "ConnActions", "role": "coordinator"}
    ]


def test_it_shows_an_organisation_admin_as_admin(client, world):
    client.force_login(world.org_admin)

    data = client.get(ME).json()

    assert data["email"] == world.org_admin.email
    assert [(o["slug"], o["role"]) for o in data["organisations"]] == [
        (world.organisation.slug, "admin")
    ]


def test_the_browser_session_is_enough(client, world):
    client.force_login(world.committee_member)

    response = client.get(ME)

    assert response.status_code == 200
    assert response.json()["programme_roles"] == [
        {"slug": world.programme.slug, "name": "ConnActions", "role": "committee_member"}
    ]


def test_using_a_token_records_when(client, world):
    token, raw = create_api_token(user=world.member, name="Skript")
    assert token.last_used is None

    client.get(ME, headers=bearer(raw))

    token.refresh_from_db()
    assert token.last_used is not None


@pytest.mark.parametrize(
    "header",
    [
        "Bearer nws_not-a-real-token",
        "Bearer ",
        "Token nws_not-a-real-token",
        "nws_not-a-real-token",
    ],
)
@pytest.mark.parametrize("path", [ME, "/api/v1/organisations", "/api/v1/vocabularies/themes"])
def test_a_wrong_token_is_refused_everywhere_not_treated_as_a_visitor(client, db, header, path):
    response = client.get(path, headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_wrong_token_is_refused_even_with_a_session(client, world):
    client.force_login(world.member)
    response = client.get(ME, headers=bearer("nws_not-a-real-token"))
    assert response.status_code == 401


def test_a_revoked_token_is_refused(client, world):
    token, raw = create_api_token(user=world.member, name="Skript")
    assert client.get(ME, headers=bearer(raw)).status_code == 200

    revoke_api_token(user=world.member, token=token)

    response = client.get(ME, headers=bearer(raw))
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_a_deactivated_persons_token_is_refused(client, world):
    _token, raw = create_api_token(user=world.member, name="Skript")
    world.member.is_active = False
    world.member.save()

    assert client.get(ME, headers=bearer(raw)).status_code == 401


def test_a_token_acts_as_its_owner_not_as_the_signed_in_person(client, world):
    client.force_login(world.coordinator)
    _token, raw = create_api_token(user=world.member, name="Skript")

    assert client.get(ME, headers=bearer(raw)).json()["email"] == world.member.email


class TestSessionWritesNeedCsrf:
    """No endpoint writes yet; the guard is in the authentication so the first one cannot
    forget it. A cross-site form would carry the session cookie but not the CSRF token."""

    def test_a_session_post_without_csrf_token_is_refused(self, db):
        request = RequestFactory().post("/api/v1/anything")
        request.user = UserFactory()
        with pytest.raises(HttpError) as error:
            OptionalTokenOrSession()(request)
        assert error.value.status_code == 403

    def test_a_session_get_needs_no_csrf_token(self, db):
        user = UserFactory()
        request = RequestFactory().get("/api/v1/anything")
        request.user = user
        assert OptionalTokenOrSession()(request) == user

    def test_a_token_post_needs_no_csrf_token(self, db):
        user = UserFactory()
        _token, raw = create_api_token(user=user, name="Skript")
        request = RequestFactory().post("/api/v1/anything", headers=bearer(raw))
        request.user = user
        assert OptionalTokenOrSession()(request) == user
