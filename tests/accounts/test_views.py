"""The account pages: profile, API tokens, data export, deletion and accepting invitations."""

import datetime
import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.accounts import services
from netzwerkstatt.accounts.models import ApiToken, Invitation, User
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.models import ProgrammeRole
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


# Profile --------------------------------------------------------------------------------------


def test_profile_change_is_saved_recorded_and_the_language_remembered(client, world):
    user = world.member
    old_name = user.name
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"), {"name": "Renate Neumann", "language": "de"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.name, user.language) == ("Renate Neumann", "de")
    assert response.cookies["netzwerkstatt_language"].value == "de"
    entry = AuditEntry.objects.get(action="person.profile_updated")
    assert entry.changes == {
        "name": {"old": old_name, "new": "Renate Neumann"},
        "language": {"old": "", "new": "de"},
    }
    page = client.get(reverse("accounts:profile"))
    assert '<html lang="de"' in page.content.decode()


def test_profile_requires_a_name_that_fits(client, world):
    client.force_login(world.member)

    response = client.post(reverse("accounts:profile"), {"name": "x" * 151, "language": "it"})

    assert "name" in response.context["form"].errors
    world.member.refresh_from_db()
    assert world.member.language == ""


# API tokens -----------------------------------------------------------------------------------


def test_creating_a_token_shows_the_secret_once(client, world):
    client.force_login(world.member)

    response = client.post(reverse("accounts:tokens"), {"name": "reporting script"}, follow=True)

    assert response.redirect_chain == [(reverse("accounts:tokens"), 302)]
    secret = response.context["new_secret"]
    token = ApiToken.objects.get(user=world.member)
    assert token.name == "reporting script"
    assert ApiToken.authenticate(secret) == world.member
    assert f'value="{secret}"' in response.content.decode()
    again = client.get(reverse("accounts:tokens"))
    assert secret not in again.content.decode()
    assert token.hint in again.content.decode()


def test_revoking_a_token(client, world):
    token, secret = services.create_api_token(user=world.member, name="script")
    client.force_login(world.member)

    response = client.post(
        reverse("accounts:revoke_token", kwargs={"token_id": token.pk}), follow=True
    )

    assert not ApiToken.objects.exists()
    assert ApiToken.authenticate(secret) is None
    assert "The token was revoked" in response.content.decode()


def test_nobody_can_revoke_another_persons_token(client, world):
    token, _secret = services.create_api_token(user=world.member, name="script")
    client.force_login(world.org_admin)

    response = client.post(reverse("accounts:revoke_token", kwargs={"token_id": token.pk}))

    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


# Export and deletion --------------------------------------------------------------------------


def test_export_downloads_the_personal_data_as_json(client, world):
    client.force_login(world.org_admin)

    response = client.get(reverse("accounts:export"))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="netzwerkstatt-personal-data-'
    )
    data = json.loads(response.content)
    assert data["account"]["email"] == world.org_admin.email
    assert data["organisations"] == [
        {
            "organisation": "Berufliche Schulen Kassel",
            "role": "admin",
            "since": Membership.objects.get(user=world.org_admin).created.isoformat(),
        }
    ]


def test_export_requires_sign_in(client, db):
    response = client.get(reverse("accounts:export"))

    assert response.status_code == 302
    assert response["Content-Type"].startswith("text/html")


def test_deleting_the_account_erases_it_and_signs_out(client, world):
    user_id = world.member.pk
    client.force_login(world.member)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("core:home")
    assert "Your account was deleted." in response.content.decode()
    assert not response.context["user"].is_authenticated
    erased = User.objects.get(pk=user_id)
    assert (str(erased), erased.is_active) == ("Former member", False)
    assert not Membership.objects.filter(user_id=user_id).exists()
    assert not client.login(email=world.member.email, password=PASSWORD)


def test_deleting_the_account_needs_the_password(client, world):
    client.force_login(world.member)

    response = client.post(reverse("accounts:delete"), {"password": "wrong"})

    assert response.context["form"].errors["password"] == ["The password is not right."]
    world.member.refresh_from_db()
    assert world.member.is_active is True


def test_the_only_admin_is_told_to_hand_over_first(client, world):
    client.force_login(world.org_admin)

    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})

    assert response.status_code == 200
    assert (
        "You are the only admin of Berufliche Schulen Kassel. Make someone else admin"
        in response.content.decode()
    )
    world.org_admin.refresh_from_db()
    assert world.org_admin.erased_at is None


def test_former_member_is_shown_in_the_audit_log(client, world):
    services.update_profile(user=world.member, name="Paula", language="en")
    services.erase_account(user=world.member)
    client.force_login(world.platform_admin)

    content = client.get(reverse("core:audit_log")).content.decode()

    assert "Former member" in content
    assert "Paula" not in content.split("person.profile_updated")[0]


# Invitations ----------------------------------------------------------------------------------


@pytest.fixture
def invite(world, django_capture_on_commit_callbacks):
    """Invite an address to the world's organisation; returns the invitation and its link."""

    def _invite(email="neu@example.org", role="organisation_member"):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            invitation = services.invite(
                inviter=world.org_admin, email=email, role=role, organisation=world.organisation
            )
        link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
        return invitation, link

    return _invite


def test_a_signed_in_person_accepts_with_one_click(client, world, invite):
    invitation, link = invite(email=world.outsider.email, role="organisation_admin")
    client.force_login(world.outsider)

    page = client.get(link)
    assert "invites you to join as Organisation admin of Berufliche Schulen Kassel" in (
        page.content.decode()
    )
    response = client.post(link, follow=True)

    assert response.redirect_chain[-1][0] == world.organisation.get_absolute_url()
    assert "Welcome! You now have the role Organisation admin." in response.content.decode()
    assert Membership.objects.get(user=world.outsider).role == "admin"
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED


def test_a_signed_in_person_with_another_address_is_warned(client, world, invite):
    _invitation, link = invite(email="someone-else@example.org")
    client.force_login(world.outsider)

    response = client.get(link)

    assert "you are signed in with another address" in response.content.decode()


def test_a_new_person_creates_an_account_and_is_signed_in(client, world, invite):
    _invitation, link = invite(email="neu@example.org")

    page = client.get(link)
    assert "Create your account for neu@example.org" in page.content.decode()
    response = client.post(
        link,
        {
            "name": "Nadia Neu",
            "password1": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
        follow=True,
    )

    user = User.objects.get(email="neu@example.org")
    assert response.context["user"] == user
    assert response.redirect_chain[-1][0] == world.organisation.get_absolute_url()
    assert "Welcome to Netzwerkstatt!" in response.content.decode()
    assert Membership.objects.get(user=user).organisation == world.organisation
    assert EmailAddress.objects.get(user=user).verified is True
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_a_new_person_needs_matching_good_passwords(client, world, invite):
    _invitation, link = invite(email="neu@example.org")

    differ = client.post(
        link, {"name": "N", "password1": "a long passphrase 42", "password2": "another one 42"}
    )
    weak = client.post(link, {"name": "N", "password1": "12345678", "password2": "12345678"})

    assert differ.context["form"].errors["password2"] == ["The two passwords differ."]
    assert "password1" in weak.context["form"].errors
    assert not User.objects.filter(email="neu@example.org").exists()


def test_an_existing_account_is_asked_to_sign_in_first(client, world, invite):
    _invitation, link = invite(email=world.outsider.email)

    response = client.get(link)

    content = response.content.decode()
    assert f"There is already an account for {world.outsider.email}. Sign in" in content
    assert f"{reverse('account_login')}?next={link}" in content
    assert response.context["form"] is None
    client.post(link, {"name": "x", "password1": "p", "password2": "p"})
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_signing_in_from_the_invitation_returns_to_it(client, world, invite):
    _invitation, link = invite(email=world.outsider.email)

    response = client.post(
        f"{reverse('account_login')}?next={link}",
        {"login": world.outsider.email, "password": PASSWORD, "next": link},
    )

    assert response["Location"] == link


def test_a_withdrawn_invitation_link_is_refused(client, world, invite):
    invitation, link = invite()
    services.revoke_invitation(actor=world.org_admin, invitation=invitation)

    response = client.get(link)

    assert response.status_code == 410
    assert "It has expired or was withdrawn." in response.content.decode()
    assert client.post(link, {"name": "x"}).status_code == 410
    assert not User.objects.filter(email="neu@example.org").exists()


def test_an_expired_invitation_link_is_refused(client, world, invite):
    invitation, link = invite()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    client.force_login(world.outsider)

    response = client.post(link)

    assert response.status_code == 410
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_an_accepted_invitation_link_says_so(client, world, invite):
    invitation, link = invite(email=world.outsider.email)
    services.accept_invitation(invitation=invitation, user=world.outsider)

    response = client.get(link)

    assert response.status_code == 410
    assert "It has been accepted already." in response.content.decode()


def test_an_unknown_invitation_link_is_refused(client, db):
    response = client.get(reverse("accounts:invitation", kwargs={"token": "made-up"}))

    assert response.status_code == 410
    assert "This invitation cannot be used" in response.content.decode()


def test_a_programme_invitation_lands_on_the_programme(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(
            inviter=world.coordinator,
            email=world.outsider.email,
            role="coordinator",
            programme=world.programme,
        )
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    client.force_login(world.outsider)

    response = client.post(link)

    assert response["Location"] == world.programme.get_absolute_url()
    assert ProgrammeRole.objects.filter(user=world.outsider, role="coordinator").exists()


def test_accepting_twice_from_two_tabs_does_not_fail_loudly(client, world, invite):
    invitation, link = invite(email=world.outsider.email)
    client.force_login(world.outsider)
    client.get(link)  # first tab opens the page
    services.accept_invitation(invitation=invitation, user=world.outsider)  # second tab accepts

    response = client.post(link)

    assert response.status_code == 410
    assert Membership.objects.filter(user=world.outsider).count() == 1


def test_an_invitation_to_a_deactivated_account_shows_a_message_instead_of_failing(
    client, world, invite
):
    _invitation, link = invite(email=world.outsider.email)
    User.objects.filter(pk=world.outsider.pk).update(is_active=False)

    response = client.post(
        link,
        {
            "name": "Zweites Konto",
            "password1": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
    )

    assert response.status_code == 200
    assert "An account with this address exists already." in response.content.decode()
    assert User.objects.filter(email__iexact=world.outsider.email).count() == 1


def test_invitations_to_an_erased_account_can_no_longer_be_used(client, world, invite):
    _invitation, link = invite(email=world.member.email)
    services.erase_account(user=world.member)

    response = client.post(
        link,
        {"name": "Wer?", "password1": "a long passphrase 42", "password2": "a long passphrase 42"},
    )

    assert response.status_code == 410
    assert not User.objects.filter(email="erased@invalid").exists()
