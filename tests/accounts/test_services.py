"""Invitations, API tokens, profile changes, personal-data export and account erasure."""

import datetime
import json
import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone, translation

import netzwerkstatt
from netzwerkstatt.accounts import services
from netzwerkstatt.accounts.models import ApiToken, Invitation, User
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.models import ProgrammeRole
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

needs_catalogues = pytest.mark.skipif(
    not (Path(netzwerkstatt.__file__).parent / "locale/de/LC_MESSAGES/django.mo").exists(),
    reason="the interface catalogues are not compiled (make messages)",
)


def _invite(inviter, email="neu@example.org", role="organisation_member", **target):
    if not target:
        target = {"organisation": OrganisationFactory(name="Berufskolleg Köln")}
    return services.invite(inviter=inviter, email=email, role=role, **target)


def _link(message) -> str:
    return re.search(r"http://testserver(/accounts/invitation/[^/\s]+/)", message.body).group(1)


def test_invite_sends_a_link_that_opens_the_invitation(client, django_capture_on_commit_callbacks):
    inviter = UserFactory(name="Ines Inviter")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(inviter, email=" Neu@Example.org ")

    assert invitation.email == "neu@example.org"
    assert invitation.status == Invitation.Status.PENDING
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["neu@example.org"]
    assert message.subject == "Invitation to Berufskolleg Köln on Netzwerkstatt"
    assert "Ines Inviter invites you to Netzwerkstatt as Organisation member" in message.body
    page = client.get(_link(message))
    assert page.status_code == 200
    assert page.context["invitation"] == invitation
    entry = AuditEntry.objects.get(action="invitation.sent")
    assert entry.organisation == invitation.organisation
    assert entry.changes["email"] == {"old": None, "new": "neu@example.org"}


def test_invite_stores_only_a_hash_of_the_link(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(UserFactory())

    raw = _link(mail.outbox[0]).split("/")[-2]
    assert raw not in invitation.token_hash
    assert Invitation.find(raw) == invitation
    assert Invitation.find(raw + "x") is None


def test_invite_writes_in_the_language_of_an_existing_invitee(django_capture_on_commit_callbacks):
    UserFactory(email="hans@example.org", language="de")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(UserFactory(), email="hans@example.org")

    # The interface catalogues are compiled at install; Django's own German date formats and
    # month names show the language the message was written in.
    with translation.override("de"):
        german_date = formats.date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")
    with translation.override("en"):
        english_date = formats.date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")
    assert german_date != english_date
    assert german_date in mail.outbox[0].body
    assert english_date not in mail.outbox[0].body


@needs_catalogues
def test_invite_writes_subject_body_and_role_in_the_invitees_language(
    django_capture_on_commit_callbacks,
):
    UserFactory(email="hans@example.org", language="de")
    inviter = UserFactory(name="Ines Inviter", language="en")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        _invite(inviter, email="hans@example.org", role="organisation_member")

    message = mail.outbox[0]
    assert message.subject == "Einladung zu Berufskolleg Köln auf Netzwerkstatt"
    assert "Ines Inviter lädt Sie zu Netzwerkstatt ein" in message.body
    assert "Mitglied der Organisation" in message.body
    assert "Organisation member" not in message.body


def test_invite_a_new_address_writes_in_the_current_language(django_capture_on_commit_callbacks):
    with translation.override("it"), django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(UserFactory(), email="nuova@example.org")

    with translation.override("it"):
        italian_date = formats.date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")
    assert italian_date in mail.outbox[0].body


def test_no_mail_leaves_when_the_invitation_is_rolled_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _invite(UserFactory())

    assert len(callbacks) == 1
    assert mail.outbox == []


def test_invite_again_revokes_the_older_link(client, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    inviter = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = _invite(inviter, organisation=organisation)
        second = _invite(inviter, organisation=organisation, role="organisation_admin")

    first.refresh_from_db()
    assert first.status == Invitation.Status.REVOKED
    assert second.status == Invitation.Status.PENDING
    assert list(Invitation.objects.open()) == [second]
    old_page = client.get(_link(mail.outbox[0]))
    assert old_page.status_code == 410
    assert "expired or was withdrawn" in old_page.content.decode()
    replaced = AuditEntry.objects.get(action="invitation.replaced")
    assert (replaced.object_id, replaced.actor) == (str(first.pk), inviter)
    assert replaced.changes == {"status": {"old": "pending", "new": "revoked"}}


def test_invite_to_an_organisation_role_needs_an_organisation():
    with pytest.raises(ValidationError):
        services.invite(inviter=UserFactory(), email="x@example.org", role="organisation_member")

    assert not Invitation.objects.exists()


def test_invite_to_a_programme_role_needs_a_programme():
    with pytest.raises(ValidationError):
        services.invite(inviter=UserFactory(), email="x@example.org", role="coordinator")

    assert not Invitation.objects.exists()


def test_accepting_an_organisation_invitation_creates_the_membership_and_verifies_the_address():
    invitation = _invite(UserFactory(), email="neu@example.org", role="organisation_admin")
    person = UserFactory(email="neu@example.org", verified=False)
    EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)

    services.accept_invitation(invitation=invitation, user=person)

    membership = Membership.objects.get(user=person)
    assert (membership.organisation, membership.role) == (invitation.organisation, "admin")
    assert EmailAddress.objects.get(user=person).verified is True
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.accepted_by == person
    assert invitation.accepted_at is not None
    assert AuditEntry.objects.get(action="invitation.accepted").actor == person
    assert AuditEntry.objects.get(action="membership.added").actor == invitation.invited_by


def test_accepting_a_programme_invitation_grants_the_role():
    programme = ProgrammeFactory()
    invitation = _invite(UserFactory(), role="committee_member", programme=programme)
    person = UserFactory()

    services.accept_invitation(invitation=invitation, user=person)

    assert ProgrammeRole.objects.get(user=person).role == "committee_member"
    assert person.has_perm("programmes.view_programme", programme)


def test_accepting_with_another_address_leaves_the_invited_address_alone():
    invitation = _invite(UserFactory(), email="neu@example.org")
    person = UserFactory(email="other@example.org", verified=False)
    EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)

    services.accept_invitation(invitation=invitation, user=person)

    assert Membership.objects.filter(user=person).exists()
    assert EmailAddress.objects.get(user=person).verified is False


def test_an_expired_invitation_is_refused():
    invitation = _invite(UserFactory())
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    person = UserFactory()

    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, user=person)

    assert not Membership.objects.filter(user=person).exists()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


def test_a_revoked_invitation_is_refused():
    invitation = _invite(UserFactory())
    services.revoke_invitation(actor=invitation.invited_by, invitation=invitation)
    person = UserFactory()

    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, user=person)

    assert not Membership.objects.filter(user=person).exists()
    assert AuditEntry.objects.get(action="invitation.revoked").changes == {
        "status": {"old": "pending", "new": "revoked"}
    }


def test_an_accepted_invitation_cannot_be_used_twice():
    invitation = _invite(UserFactory())
    services.accept_invitation(invitation=invitation, user=UserFactory())
    second = UserFactory()

    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, user=second)

    assert not Membership.objects.filter(user=second).exists()


def test_a_closed_invitation_cannot_be_revoked():
    invitation = _invite(UserFactory())
    services.accept_invitation(invitation=invitation, user=UserFactory())

    with pytest.raises(ValidationError):
        services.revoke_invitation(actor=None, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED


def test_create_account_from_invitation_makes_a_verified_member():
    invitation = _invite(UserFactory(), email="neu@example.org")

    user = services.create_account_from_invitation(
        invitation=invitation, name="Nadia Neu", password="a long passphrase 42", language="de"
    )

    assert (user.email, user.name, user.language) == ("neu@example.org", "Nadia Neu", "de")
    assert user.check_password("a long passphrase 42")
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("neu@example.org", True, True)
    assert Membership.objects.get(user=user).organisation == invitation.organisation
    assert AuditEntry.objects.filter(actor=user, action="person.joined_by_invitation").exists()


def test_create_account_from_invitation_refuses_an_existing_address():
    invitation = _invite(UserFactory(), email="neu@example.org")
    UserFactory(email="neu@example.org")

    with pytest.raises(ValidationError):
        services.create_account_from_invitation(
            invitation=invitation, name="Zweite", password="a long passphrase 42"
        )

    assert User.objects.filter(email="neu@example.org").count() == 1
    assert not Membership.objects.exists()


def test_create_account_from_a_closed_invitation_creates_no_account():
    invitation = _invite(UserFactory(), email="neu@example.org")
    services.revoke_invitation(actor=None, invitation=invitation)

    with pytest.raises(ValidationError):
        services.create_account_from_invitation(
            invitation=invitation, name="Zu spät", password="a long passphrase 42"
        )

    assert not User.objects.filter(email="neu@example.org").exists()


def test_api_token_authenticates_its_owner_until_revoked():
    user = UserFactory()

    token, raw = services.create_api_token(user=user, name="reporting script")

    assert raw.startswith("nws_")
    assert token.hint == raw[:10]
    assert raw not in token.key_hash
    assert ApiToken.authenticate(raw) == user
    token.refresh_from_db()
    assert token.last_used is not None
    assert ApiToken.authenticate(raw + "x") is None
    services.revoke_api_token(user=user, token=token)
    assert ApiToken.authenticate(raw) is None
    assert [e.action for e in AuditEntry.objects.order_by("id")] == [
        "api_token.created",
        "api_token.revoked",
    ]


def test_api_token_of_a_deactivated_person_is_refused():
    user = UserFactory()
    _token, raw = services.create_api_token(user=user, name="script")
    User.objects.filter(pk=user.pk).update(is_active=False)

    assert ApiToken.authenticate(raw) is None


def test_update_profile_records_the_change():
    user = UserFactory(name="Anna", language="en")

    services.update_profile(user=user, name="Anna Schmidt", language="de")

    user.refresh_from_db()
    assert (user.name, user.language) == ("Anna Schmidt", "de")
    assert AuditEntry.objects.get(action="person.profile_updated").changes == {
        "name": {"old": "Anna", "new": "Anna Schmidt"},
        "language": {"old": "en", "new": "de"},
    }


def test_export_contains_account_memberships_roles_tokens_and_activity():
    user = UserFactory(email="anna@example.org", name="Anna", language="it")
    membership = MembershipFactory(user=user, role="admin", organisation__name="ITS Lombardia")
    ProgrammeRoleFactory(user=user, role="coordinator", programme__name="ConnActions")
    services.create_api_token(user=user, name="script")
    services.update_profile(user=user, name="Anna Rossi", language="it")
    _invite(UserFactory(), email="anna@example.org", organisation=OrganisationFactory(name="X"))

    data = services.export_personal_data(user=user)

    json.dumps(data, cls=DjangoJSONEncoder)  # the export is one JSON document
    assert data["account"]["email"] == "anna@example.org"
    assert data["account"]["name"] == "Anna Rossi"
    assert data["email_addresses"] == [
        {"email": "anna@example.org", "verified": True, "primary": True}
    ]
    assert data["organisations"] == [
        {
            "organisation": "ITS Lombardia",
            "role": "admin",
            "since": membership.created.isoformat(),
        }
    ]
    assert [(r["programme"], r["role"]) for r in data["programme_roles"]] == [
        ("ConnActions", "coordinator")
    ]
    assert [(i["target"], i["status"]) for i in data["invitations_received"]] == [("X", "pending")]
    assert [t["name"] for t in data["api_tokens"]] == ["script"]
    assert [a["action"] for a in data["activity"]] == [
        "api_token.created",
        "person.profile_updated",
    ]
    assert data["activity"][1]["changes"] == {"name": {"old": "Anna", "new": "Anna Rossi"}}


def test_erase_account_keeps_the_row_as_former_member_and_removes_personal_data():
    user = UserFactory(email="anna@example.org", name="Anna Schmidt", language="de")
    membership = MembershipFactory(user=user, role="member")
    ProgrammeRoleFactory(user=user, role="committee_member")
    services.create_api_token(user=user, name="script")
    invitation = _invite(UserFactory(), email="anna@example.org")
    user_id = user.pk

    services.erase_account(user=user)

    user = User.objects.get(pk=user_id)
    assert str(user) == "Former member"
    assert user.name == ""
    assert user.email == f"erased-{user_id}@invalid"
    assert user.is_active is False
    assert user.erased_at is not None
    assert not user.has_usable_password()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not ProgrammeRole.objects.filter(user=user).exists()
    assert not ApiToken.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    invitation.refresh_from_db()
    assert (invitation.email, invitation.status) == ("erased@invalid", Invitation.Status.REVOKED)
    # What the person did stays attributed to the row, now shown as a former member.
    token_entry = AuditEntry.objects.get(action="api_token.created")
    assert token_entry.actor == user
    assert str(token_entry.actor) == "Former member"
    assert AuditEntry.objects.filter(action="person.erased", object_id=str(user_id)).exists()


def test_erase_account_refuses_the_only_admin_of_an_organisation():
    membership = MembershipFactory(role="admin", organisation__name="ITS Lombardia")
    user = membership.user

    with pytest.raises(ValidationError) as error:
        services.erase_account(user=user)

    assert "ITS Lombardia" in error.value.messages[0]
    user.refresh_from_db()
    assert user.is_active is True
    assert user.erased_at is None
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_erase_account_of_one_of_two_admins_is_allowed():
    membership = MembershipFactory(role="admin")
    MembershipFactory(organisation=membership.organisation, role="admin")

    services.erase_account(user=membership.user)

    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert Membership.objects.filter(organisation=membership.organisation).count() == 1


def test_people_are_created_with_a_lower_case_address_and_superusers_with_all_rights():
    person = User.objects.create_user(email="Anna.Schmidt@Example.ORG", password=None)
    admin = User.objects.create_superuser(email="root@example.org", password="x" * 20)

    assert person.email == "anna.schmidt@example.org"
    assert not person.has_usable_password()
    assert (person.is_staff, person.is_superuser) == (False, False)
    assert (admin.is_staff, admin.is_superuser) == (True, True)
    assert admin.get_short_name() == admin.get_full_name() == "root@example.org"
    with pytest.raises(ValueError):
        User.objects.create_user(email="")


def test_erase_account_refuses_the_only_coordinator_of_a_programme():
    role = ProgrammeRoleFactory(role=ProgrammeRole.Role.COORDINATOR)

    with pytest.raises(ValidationError, match="only coordinator"):
        services.erase_account(user=role.user)

    role.user.refresh_from_db()
    assert role.user.erased_at is None
    assert ProgrammeRole.objects.filter(pk=role.pk).exists()


def test_erase_account_records_each_departure_without_the_name():
    membership = MembershipFactory(user__name="Paula Rossi")
    ProgrammeRoleFactory(user=membership.user, role=ProgrammeRole.Role.COMMITTEE_MEMBER)

    services.erase_account(user=membership.user)

    removed = AuditEntry.objects.get(action="membership.removed")
    revoked = AuditEntry.objects.get(action="programme_role.revoked")
    assert removed.organisation == membership.organisation
    assert removed.changes["person"] == {"old": "Former member", "new": None}
    assert revoked.changes["role"] == {"old": "committee_member", "new": None}
    assert "Paula" not in removed.object_repr + revoked.object_repr
