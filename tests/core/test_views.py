"""Home, dashboard, site pages, the platform audit log and the language switch."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.accounts import services as account_services
from netzwerkstatt.accounts.models import Invitation
from netzwerkstatt.core import audit
from netzwerkstatt.core.models import AuditEntry, SitePage
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# Home and site pages --------------------------------------------------------------------------


def test_home_counts_public_programmes_organisations_and_countries(client, world):
    ProgrammeFactory(name="Hidden", is_public=False)
    OrganisationFactory(country="IT")

    response = client.get(reverse("core:home"))

    assert response.context["programme_count"] == 1
    assert response.context["organisation_count"] == 2
    assert response.context["country_count"] == 2
    assert "Hidden" not in response.content.decode()


def test_site_pages_ship_with_the_installation(client, db):
    response = client.get(reverse("core:page", kwargs={"kind": "privacy"}))

    content = response.content.decode()
    assert '<h1 class="h3">Privacy notice</h1>' in content
    assert "<strong>Account:</strong>" in content


def test_site_page_follows_the_interface_language(client, db):
    client.cookies["netzwerkstatt_language"] = "de"

    response = client.get(reverse("core:page", kwargs={"kind": "imprint"}))

    assert "Impressum" in response.content.decode()


def test_unknown_site_page_is_404(client, db):
    SitePage.objects.filter(kind="imprint").delete()

    assert client.get(reverse("core:page", kwargs={"kind": "imprint"})).status_code == 404
    assert client.get(reverse("core:page", kwargs={"kind": "nothing"})).status_code == 404


# Dashboard ------------------------------------------------------------------------------------


def test_dashboard_requires_sign_in(client, db):
    response = client.get(reverse("core:dashboard"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/dashboard/"


def test_dashboard_shows_memberships_programmes_and_open_invitations(client, world):
    other = OrganisationFactory(name="Camera di Commercio")
    account_services.invite(
        inviter=world.platform_admin,
        email=world.member.email.upper(),
        role="organisation_admin",
        organisation=other,
    )
    client.force_login(world.member)

    response = client.get(reverse("core:dashboard"))

    content = response.content.decode()
    assert [m.organisation for m in response.context["memberships"]] == [world.organisation]
    assert [(e["programme"], e["roles"]) for e in response.context["programmes"]] == [
        (world.programme, [])
    ]
    assert "Participant" in content
    assert "You are invited as Organisation admin of Camera di Commercio." in content
    assert "Protect your account with two-factor authentication" in content


def test_dashboard_shows_programme_roles(client, world):
    client.force_login(world.coordinator)

    response = client.get(reverse("core:dashboard"))

    assert [(e["programme"], e["roles"]) for e in response.context["programmes"]] == [
        (world.programme, ["Coordinator"])
    ]
    assert "You do not belong to an organisation yet." in response.content.decode()


def test_dashboard_asks_admins_to_complete_the_profile(client, world):
    client.force_login(world.org_admin)

    content = client.get(reverse("core:dashboard")).content.decode()

    assert f"Complete the profile of {world.organisation.name}" in content
    assert reverse("organisations:edit", kwargs={"slug": world.organisation.slug}) in content


def test_dashboard_leaves_out_closed_invitations(client, world):
    invitation = account_services.invite(
        inviter=world.platform_admin,
        email=world.outsider.email,
        role="organisation_member",
        organisation=world.organisation,
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(world.outsider)

    response = client.get(reverse("core:dashboard"))

    assert [t for t in response.context["tasks"] if t["kind"] == "invitation"] == []


def test_dashboard_empty_states_for_a_new_person(client, world):
    client.force_login(world.outsider)

    content = client.get(reverse("core:dashboard")).content.decode()

    assert f"Hello, {world.outsider.display_name}" in content
    assert "You do not belong to an organisation yet." in content
    assert "You take part in no programme yet." in content
    assert reverse("organisations:create") in content


def test_dashboard_query_count_does_not_grow_with_memberships_roles_and_invitations(client, db):
    user = UserFactory()
    inviter = UserFactory()

    def add_one():
        membership = MembershipFactory(user=user, role="admin", organisation__description="")
        ProgrammeRoleFactory(user=user, role="coordinator")
        ParticipationFactory(organisation=membership.organisation)
        account_services.invite(
            inviter=inviter,
            email=user.email,
            role="coordinator",
            programme=ProgrammeFactory(),
        )

    client.force_login(user)
    add_one()
    client.get(reverse("core:dashboard"))
    one = _query_count(client, reverse("core:dashboard"))
    add_one()
    add_one()

    assert _query_count(client, reverse("core:dashboard")) == one


# Platform audit log ---------------------------------------------------------------------------


def test_platform_admin_sees_every_audit_entry(client, world):
    audit.record(actor=world.coordinator, action="programme.updated", programme=world.programme)
    audit.record(
        actor=world.org_admin,
        action="organisation.updated",
        obj=world.organisation,
        organisation=world.organisation,
        changes={
            "city": {"old": "Kassel", "new": "Fulda"},
            "languages": {"old": [], "new": ["de"]},
        },
    )
    client.force_login(world.platform_admin)

    response = client.get(reverse("core:audit_log"))

    assert [e.action for e in response.context["page"].object_list] == [
        "organisation.updated",
        "programme.updated",
    ]
    content = response.content.decode()
    assert '<span class="old">Kassel</span> → <span class="new">Fulda</span>' in content
    assert '<span class="old">—</span> → <span class="new">de</span>' in content


def test_platform_audit_log_paginates(client, world):
    for n in range(51):
        audit.record(actor=None, action=f"test.{n}")
    client.force_login(world.platform_admin)

    first = client.get(reverse("core:audit_log"))
    second = client.get(reverse("core:audit_log"), {"page": 2})

    assert len(first.context["page"].object_list) == 50
    assert [e.action for e in second.context["page"].object_list] == ["test.0"]
    assert "Page 2 of 2" in second.content.decode()


@pytest.mark.parametrize("role", ["coordinator", "org_admin", "member", "outsider"])
def test_platform_audit_log_is_for_platform_admins_only(client, world, role):
    audit.record(actor=None, action="secret.thing")
    client.force_login(getattr(world, role))

    response = client.get(reverse("core:audit_log"))

    assert response.status_code == 403
    assert "secret.thing" not in response.content.decode()


def test_platform_audit_log_sends_visitors_to_sign_in(client, db):
    response = client.get(reverse("core:audit_log"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_platform_audit_log_query_count_does_not_grow_with_entries(client, world):
    client.force_login(world.platform_admin)

    def entry():
        audit.record(
            actor=world.coordinator,
            action="membership.added",
            obj=world.organisation,
            programme=world.programme,
            organisation=world.organisation,
        )

    entry()
    client.get(reverse("core:audit_log"))
    one = _query_count(client, reverse("core:audit_log"))
    entry()
    entry()

    assert _query_count(client, reverse("core:audit_log")) == one


# Language -------------------------------------------------------------------------------------


def test_set_language_for_a_visitor_sets_the_cookie_and_returns(client, db):
    response = client.post(
        reverse("core:set_language"), {"language": "it", "next": "/organisations/?q=x"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/organisations/?q=x"
    assert response.cookies["netzwerkstatt_language"].value == "it"
    page = client.get(reverse("core:home"))
    assert '<html lang="it"' in page.content.decode()


def test_set_language_when_signed_in_is_saved_on_the_account(client, world):
    client.force_login(world.member)

    response = client.post(reverse("core:set_language"), {"language": "de", "next": "/"})

    world.member.refresh_from_db()
    assert world.member.language == "de"
    assert response.cookies["netzwerkstatt_language"].value == "de"


def test_saved_language_wins_over_the_cookie(client, world):
    world.member.language = "it"
    world.member.save()
    client.force_login(world.member)
    client.cookies["netzwerkstatt_language"] = "de"

    page = client.get(reverse("core:home"))

    assert '<html lang="it"' in page.content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)"]
)
def test_set_language_does_not_redirect_off_site(client, db, next_url):
    response = client.post(reverse("core:set_language"), {"language": "de", "next": next_url})

    assert response["Location"] == "/"


def test_set_language_ignores_an_unknown_language(client, world):
    client.force_login(world.member)

    response = client.post(reverse("core:set_language"), {"language": "xx", "next": "/"})

    assert "netzwerkstatt_language" not in response.cookies
    world.member.refresh_from_db()
    assert world.member.language == ""


def test_set_language_answers_get_with_405(client, db):
    response = client.get(reverse("core:set_language"), {"language": "de"})

    assert response.status_code == 405
    assert "netzwerkstatt_language" not in response.cookies


# Audit helpers --------------------------------------------------------------------------------


def test_audit_record_ignores_anonymous_actors_and_keeps_the_object(world):
    from django.contrib.auth.models import AnonymousUser

    entry = audit.record(actor=AnonymousUser(), action="x.y", obj=world.organisation)

    assert entry.actor is None
    assert entry.object_id == str(world.organisation.pk)
    assert entry.object_repr == "Berufliche Schulen Kassel"


def test_audit_entries_survive_the_deletion_of_their_organisation(world):
    audit.record(actor=None, action="x.y", organisation=world.organisation)

    world.organisation.delete()

    assert AuditEntry.objects.get(action="x.y").organisation is None


def test_unknown_pages_use_the_site_layout(client, db):
    response = client.get("/organisations/no-such-organisation/")

    content = response.content.decode()
    assert response.status_code == 404
    assert "<h1" in content and "Page not found" in content
    assert 'id="main"' in content


def test_a_refused_page_explains_how_to_get_the_role(client, world):
    client.force_login(world.outsider)

    response = client.get(f"/organisations/{world.organisation.slug}/edit/")

    assert response.status_code == 403
    assert "ask the organisation's admin" in response.content.decode()
