"""Every URL of the project, tried by every role of the cast.

The walk reads the URL resolver, so a new URL pattern without an entry in ``EXPECTED`` fails
``test_every_url_pattern_has_an_expectation``: whoever adds a page also decides who may open it.
Our own pages are listed one by one with exact answers; django-allauth's pages are listed one by
one with coarse answers; the admin and the API are generated families and follow one coarse rule
each (the API's own tests check its permissions in detail).

Answers: a status code, ``LOGIN`` (a redirect to the sign-in page that returns here afterwards),
or a predicate over the response for the coarse rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver

from netzwerkstatt.accounts import services as account_services
from netzwerkstatt.accounts.models import ApiToken, Invitation
from netzwerkstatt.organisations.models import ContactPerson, Membership
from netzwerkstatt.programmes.models import Participation, ProgrammeRole
from tests.factories import ContactPersonFactory

ROLES = (
    "anonymous",
    "outsider",
    "member",
    "org_admin",
    "coordinator",
    "committee_member",
    "platform_admin",
)
LOGIN = "login"


@dataclass(frozen=True)
class Route:
    key: str  # the URL name with its namespaces, or the pattern for unnamed ones
    pattern: str
    converters: tuple[str, ...]


def _walk(patterns, prefix: str = "", namespace: str | None = None) -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = pattern.name
            key = (f"{namespace}:{name}" if namespace else name) if name else route
            yield Route(key=key, pattern=route, converters=_parameters(route))


def _parameters(route: str) -> tuple[str, ...]:
    """Names of the parameters in a route: ``<int:pk>`` and ``(?P<pk>...)`` alike."""
    return tuple(a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route))


ROUTES = list(_walk(get_resolver().url_patterns))


# The expectations ------------------------------------------------------------------------------


def everyone(answer) -> dict:
    return dict.fromkeys(ROLES, answer)


def signed_in(answer=200) -> dict:
    return {**everyone(answer), "anonymous": LOGIN}


def only(*allowed: str, answer=200) -> dict:
    """Signed-in people named in ``allowed`` get ``answer``, other signed-in people 403."""
    return {
        role: LOGIN if role == "anonymous" else (answer if role in allowed else 403)
        for role in ROLES
    }


def not_a_server_error(response) -> bool:
    return response.status_code < 500


def refused_unless_staff(response) -> bool:
    """The admin sends people who are not staff to its own sign-in page."""
    return response.status_code == 302 and response["Location"].startswith("/admin/login/")


def shown_or_sent_on(response) -> bool:
    return response.status_code in (200, 302)


def admin_rule(route: Route) -> dict:
    if route.key == "admin:login":
        return {**everyone(shown_or_sent_on)}
    if route.key == "admin:logout":
        # Signing out takes a POST; people who are not staff are sent to the admin's index.
        return {**everyone(302), "platform_admin": 405}
    staff = {"platform_admin": not_a_server_error}
    return {**everyone(refused_unless_staff), **staff}


def api_rule(route: Route) -> dict:
    return everyone(not_a_server_error)


ORGANISATION_ADMINS = ("org_admin", "platform_admin")
PROGRAMME_RUNNERS = ("coordinator", "platform_admin")

EXPECTED: dict[str, dict] = {
    # core
    "core:home": everyone(200),
    "core:dashboard": signed_in(),
    "core:page": everyone(200),
    "core:audit_log": only("platform_admin"),
    "core:set_language": everyone(405),
    # accounts
    "accounts:profile": signed_in(),
    "accounts:tokens": signed_in(),
    "accounts:revoke_token": everyone(405),
    "accounts:export": signed_in(),
    "accounts:delete": signed_in(),
    "accounts:invitation": everyone(200),
    # organisations
    "organisations:directory": everyone(200),
    "organisations:create": signed_in(),
    "organisations:detail": everyone(200),
    "organisations:edit": only(*ORGANISATION_ADMINS),
    "organisations:members": only(*ORGANISATION_ADMINS),
    "organisations:change_role": everyone(405),
    "organisations:remove_member": everyone(405),
    "organisations:revoke_invitation": everyone(405),
    "organisations:contact_create": only(*ORGANISATION_ADMINS),
    "organisations:contact_edit": only(*ORGANISATION_ADMINS),
    "organisations:contact_delete": everyone(405),
    # programmes
    "programmes:list": everyone(200),
    "programmes:create": only("platform_admin"),
    "programmes:detail": everyone(200),
    "programmes:edit": only(*PROGRAMME_RUNNERS),
    "programmes:people": only(*PROGRAMME_RUNNERS),
    "programmes:revoke_role": everyone(405),
    "programmes:revoke_invitation": everyone(405),
    "programmes:participants": only(*PROGRAMME_RUNNERS),
    "programmes:remove_participant": everyone(405),
    "programmes:audit_log": only(*PROGRAMME_RUNNERS),
    # uploaded files (logos) are public
    "media": everyone(200),
    # django-allauth: coarse
    "account_login": {**everyone(302), "anonymous": 200},
    "account_logout": {**everyone(200), "anonymous": 302},
    "account_inactive": everyone(200),
    "account_signup": {**everyone(302), "anonymous": 200},
    "account_reauthenticate": signed_in(200),
    "account_email": signed_in(200),
    "account_email_verification_sent": everyone(200),
    "account_change_password": signed_in(200),
    "account_set_password": signed_in(302),
    "account_reset_password": everyone(200),
    "account_confirm_login_code": everyone(302),
    "account_confirm_email": everyone(200),
    "account_reset_password_from_key_done": everyone(200),
    "account_reset_password_from_key": everyone(200),
    "account_reset_password_done": everyone(200),
    "mfa_index": signed_in(200),
    "mfa_authenticate": everyone(302),
    "mfa_reauthenticate": signed_in(302),
    "mfa_activate_totp": signed_in(not_a_server_error),
    "mfa_deactivate_totp": signed_in(not_a_server_error),
    "mfa_view_recovery_codes": signed_in(not_a_server_error),
    "mfa_generate_recovery_codes": signed_in(not_a_server_error),
    "mfa_download_recovery_codes": signed_in(not_a_server_error),
}

FAMILIES: dict[str, Callable[[Route], dict]] = {"admin:": admin_rule, "api:": api_rule}


def expectation(route: Route) -> dict | None:
    if route.key in EXPECTED:
        return EXPECTED[route.key]
    for prefix, rule in FAMILIES.items():
        if route.key.startswith(prefix) or route.pattern.startswith(prefix.rstrip(":") + "/"):
            return rule(route)
    return None


def test_every_url_pattern_has_an_expectation():
    missing = [r.key for r in ROUTES if expectation(r) is None]

    assert missing == [], f"Add these URLs to EXPECTED in {Path(__file__).name}: {missing}"


def test_a_url_of_a_new_app_without_an_entry_is_reported():
    assert expectation(Route(key="calls:list", pattern="calls/", converters=())) is None
    assert expectation(Route(key="account_new", pattern="accounts/new/", converters=())) is None
    # The generated families follow their coarse rule without an entry.
    assert expectation(Route(key="api:list_calls", pattern="api/v1/calls", converters=()))


def test_every_expectation_belongs_to_a_url_pattern():
    keys = {r.key for r in ROUTES}

    assert sorted(set(EXPECTED) - keys) == []


def test_every_expectation_names_every_role():
    incomplete = [r.key for r in ROUTES if set(expectation(r) or ROLES) != set(ROLES)]

    assert incomplete == []


# Filling in the URLs ----------------------------------------------------------------------------


@pytest.fixture
def objects(world, settings):
    """Real objects for every URL parameter, around the shared cast."""
    token, _secret = account_services.create_api_token(user=world.member, name="script")
    org_invitation = account_services.invite(
        inviter=world.org_admin,
        email="neu@example.org",
        role="organisation_member",
        organisation=world.organisation,
    )
    programme_invitation = account_services.invite(
        inviter=world.coordinator,
        email="review@example.org",
        role="committee_member",
        programme=world.programme,
    )
    raw_invitation, token_hash = Invitation.new_token()
    Invitation.objects.filter(pk=org_invitation.pk).update(token_hash=token_hash)
    logo = Path(settings.MEDIA_ROOT) / "logos" / "walk.png"
    logo.parent.mkdir(parents=True, exist_ok=True)
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    return {
        "world": world,
        "token_id": token.pk,
        "token": raw_invitation,
        "membership_id": Membership.objects.get(user=world.member).pk,
        "organisation_invitation_id": org_invitation.pk,
        "programme_invitation_id": programme_invitation.pk,
        "contact_id": ContactPersonFactory(organisation=world.organisation).pk,
        "role_id": ProgrammeRole.objects.get(user=world.committee_member).pk,
        "participation_id": Participation.objects.get(programme=world.programme).pk,
        "kind": "imprint",
        "path": "logos/walk.png",
        "key": "not-a-real-key",
        "uidb36": "1",
        "content_type_id": ContentType.objects.get_for_model(world.organisation).pk,
    }


def _admin_model(route: Route):
    match = re.match(r"admin/(\w+)/(\w+)/", route.pattern)
    if not match:
        return None
    try:
        return apps.get_model(match.group(1), match.group(2))
    except LookupError:
        return None


def fill(route: Route, objects: dict) -> str:
    """The route with every parameter replaced by a real value."""
    world = objects["world"]
    values = {}
    for name in route.converters:
        if name == "slug":
            is_programme = "programme" in route.key or route.pattern.startswith(
                ("programmes/", "api/v1/programmes")
            )
            values[name] = world.programme.slug if is_programme else world.organisation.slug
        elif name == "invitation_id":
            values[name] = objects[
                "programme_invitation_id"
                if "programmes" in route.key
                else "organisation_invitation_id"
            ]
        elif name in ("object_id", "id") and route.pattern.startswith("admin/"):
            model = _admin_model(route) or type(world.organisation)
            if route.key == "admin:view_on_site":
                values[name] = world.organisation.pk
            else:
                first = model._default_manager.order_by("pk").first()
                values[name] = first.pk if first is not None else 1
        elif name == "app_label":
            values[name] = "organisations"
        elif name == "url":
            values[name] = "nothing/here/"
        elif name == "code":
            values[name] = "work-based-learning"
        elif name in objects:
            values[name] = objects[name]
        else:
            values[name] = 1
    path = route.pattern
    for name, value in values.items():
        path = re.sub(rf"<(?:\w+:)?{name}>|\(\?P<{name}>[^)]*\)", str(value), path, count=1)
    path = path.replace("^", "").replace("$", "")
    return "/" + path


def _matches(response, answer, url: str) -> bool:
    if answer == LOGIN:
        if response.status_code != 302:
            return False
        location = urlsplit(response["Location"])
        return location.path == resolve_url(settings.LOGIN_URL) and parse_qs(location.query).get(
            "next"
        ) == [url]
    if callable(answer):
        return answer(response)
    return response.status_code == answer


def _describe(response) -> str:
    location = f" → {response['Location']}" if response.has_header("Location") else ""
    return f"{response.status_code}{location}"


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_the_role_as_expected(client, objects, role):
    """One person walks every URL; the failure lists every URL that answered wrongly."""
    user = None if role == "anonymous" else getattr(objects["world"], role)
    wrong = []
    for route in ROUTES:
        expected = expectation(route)
        if expected is None:
            continue  # reported by test_every_url_pattern_has_an_expectation
        if user is not None and "_auth_user_id" not in client.session:
            client.force_login(user)
        url = fill(route, objects)
        response = client.get(url)
        if not _matches(response, expected[role], url):
            wrong.append(
                f"{route.key}: GET {url} got {_describe(response)}, expected {expected[role]!r}"
            )

    assert wrong == []


# POST-only views: who may do it, and what happens to the object when refused ----------------------


@dataclass(frozen=True)
class PostCase:
    answers: dict  # role → expected answer
    untouched: Callable[[dict], bool]  # is the target still as it was?
    data: dict


POSTS = {
    "accounts:revoke_token": PostCase(
        {**signed_in(404), "member": 302},  # only the owner finds the token
        lambda o: ApiToken.objects.filter(pk=o["token_id"]).exists(),
        {},
    ),
    "organisations:change_role": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: Membership.objects.filter(pk=o["membership_id"], role="member").exists(),
        {"role": "admin"},
    ),
    "organisations:remove_member": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: Membership.objects.filter(pk=o["membership_id"]).exists(),
        {},
    ),
    "organisations:revoke_invitation": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: Invitation.objects.filter(
            pk=o["organisation_invitation_id"], status="pending"
        ).exists(),
        {},
    ),
    "organisations:contact_delete": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: ContactPerson.objects.filter(pk=o["contact_id"]).exists(),
        {},
    ),
    "programmes:revoke_role": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: ProgrammeRole.objects.filter(pk=o["role_id"]).exists(),
        {},
    ),
    "programmes:revoke_invitation": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: Invitation.objects.filter(
            pk=o["programme_invitation_id"], status="pending"
        ).exists(),
        {},
    ),
    "programmes:remove_participant": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: Participation.objects.filter(pk=o["participation_id"]).exists(),
        {},
    ),
}
ROUTES_BY_KEY = {r.key: r for r in ROUTES}


def test_every_post_only_view_has_a_post_expectation():
    post_only = sorted(key for key, answers in EXPECTED.items() if answers == everyone(405))

    assert post_only == sorted([*POSTS, "core:set_language"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(POSTS))
def test_post_only_view_acts_only_for_the_right_people(client, objects, key, role):
    case = POSTS[key]
    url = fill(ROUTES_BY_KEY[key], objects)
    if role != "anonymous":
        client.force_login(getattr(objects["world"], role))

    response = client.post(url, case.data)

    assert _matches(response, case.answers[role], url), _describe(response)
    assert case.untouched(objects) is (case.answers[role] != 302)
