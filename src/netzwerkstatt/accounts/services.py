"""Invitations, personal API tokens, profile changes, personal-data export and account erasure."""

from __future__ import annotations

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.mail import queue_email

from .models import ApiToken, Invitation, User

INVITATION_VALID_FOR = datetime.timedelta(days=14)


@transaction.atomic
def update_profile(*, user: User, name: str, language: str) -> User:
    # The previous values come from the database: a validated ModelForm has already written
    # the new values onto the caller's instance.
    before = audit.snapshot(User.objects.get(pk=user.pk), ("name", "language"))
    user.name = name
    user.language = language
    user.save(update_fields=["name", "language"])
    changes = audit.changes_between(before, audit.snapshot(user, ("name", "language")))
    if changes:
        audit.record(actor=user, action="person.profile_updated", obj=user, changes=changes)
    return user


def set_language(*, user: User, language: str) -> None:
    """Remember a signed-in person's interface language on their account."""
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def invite(
    *, inviter: User, email: str, role: str, organisation=None, programme=None
) -> Invitation:
    """Create an invitation and e-mail its link. One open invitation per address and target:
    inviting again replaces the earlier link."""
    email = email.strip().lower()
    if role in Invitation.ORGANISATION_ROLES and organisation is None:
        raise ValidationError(_("Choose the organisation to invite to."))
    if role in Invitation.PROGRAMME_ROLES and programme is None:
        raise ValidationError(_("Choose the programme to invite to."))
    for earlier in Invitation.objects.open().filter(
        email=email, organisation=organisation, programme=programme
    ):
        earlier.status = Invitation.Status.REVOKED
        earlier.save(update_fields=["status"])
        audit.record(
            actor=inviter,
            action="invitation.replaced",
            obj=earlier,
            organisation=organisation,
            programme=programme,
            changes={"status": {"old": Invitation.Status.PENDING, "new": earlier.status}},
        )
    raw, token_hash = Invitation.new_token()
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        organisation=organisation if role in Invitation.ORGANISATION_ROLES else None,
        programme=programme if role in Invitation.PROGRAMME_ROLES else None,
        token_hash=token_hash,
        invited_by=inviter,
        expires_at=timezone.now() + INVITATION_VALID_FOR,
    )
    audit.record(
        actor=inviter,
        action="invitation.sent",
        obj=invitation,
        organisation=invitation.organisation,
        programme=invitation.programme,
        changes={"email": {"old": None, "new": email}, "role": {"old": None, "new": role}},
    )
    existing = User.objects.filter(email__iexact=email).first()
    queue_email(
        template="accounts/email/invitation",
        to=email,
        language=existing.language if existing and existing.language else None,
        context={
            "invitation": invitation,
            "inviter": inviter,
            "target": str(invitation.target),
            # The label stays lazy so it is translated into the invitee's language, not ours.
            "role": Invitation.Role(invitation.role).label,
            "url": settings.SITE_URL + reverse("accounts:invitation", kwargs={"token": raw}),
            "expires_at": invitation.expires_at,
        },
    )
    return invitation


@transaction.atomic
def revoke_invitation(*, actor: User, invitation: Invitation) -> Invitation:
    # Read the status under a lock: the caller's copy may predate an acceptance.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationError(_("This invitation is no longer open."))
    invitation.status = Invitation.Status.REVOKED
    invitation.save(update_fields=["status"])
    audit.record(
        actor=actor,
        action="invitation.revoked",
        obj=invitation,
        organisation=invitation.organisation,
        programme=invitation.programme,
        changes={"status": {"old": Invitation.Status.PENDING, "new": Invitation.Status.REVOKED}},
    )
    return invitation


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> Invitation:
    """Give ``user`` the invited role. The link proves access to the invited address, so that
    address is marked verified when it is the account's own."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or was withdrawn."))
    if invitation.role in Invitation.ORGANISATION_ROLES:
        from netzwerkstatt.organisations.models import Membership
        from netzwerkstatt.organisations.services import add_member

        role = (
            Membership.Role.ADMIN
            if invitation.role == Invitation.Role.ORGANISATION_ADMIN
            else Membership.Role.MEMBER
        )
        add_member(
            actor=invitation.invited_by, organisation=invitation.organisation, user=user, role=role
        )
    else:
        from netzwerkstatt.programmes.services import grant_role

        grant_role(
            actor=invitation.invited_by,
            programme=invitation.programme,
            user=user,
            role=invitation.role,
        )
    if user.email.lower() == invitation.email:
        EmailAddress.objects.filter(user=user, email__iexact=invitation.email).update(verified=True)
    invitation.status = Invitation.Status.ACCEPTED
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_by", "accepted_at"])
    audit.record(
        actor=user,
        action="invitation.accepted",
        obj=invitation,
        organisation=invitation.organisation,
        programme=invitation.programme,
        changes={"status": {"old": Invitation.Status.PENDING, "new": Invitation.Status.ACCEPTED}},
    )
    return invitation


@transaction.atomic
def create_account_from_invitation(
    *, invitation: Invitation, name: str, password: str, language: str = ""
) -> User:
    """A new person accepts an invitation: their account is created with the invited address,
    already verified, and the role is given at once."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this address exists already. Please sign in."))
    user = User.objects.create_user(
        email=invitation.email, password=password, name=name, language=language
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    audit.record(actor=user, action="person.joined_by_invitation", obj=user)
    accept_invitation(invitation=invitation, user=user)
    return user


@transaction.atomic
def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Returns the token and its secret, which is shown once and never stored."""
    raw, key_hash = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name, key_hash=key_hash, hint=raw[:10])
    audit.record(actor=user, action="api_token.created", obj=token)
    return token, raw


@transaction.atomic
def revoke_api_token(*, user: User, token: ApiToken) -> None:
    audit.record(actor=user, action="api_token.revoked", obj=token)
    token.delete()


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about a person, as plain JSON-ready data."""
    from netzwerkstatt.core.models import AuditEntry

    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.name,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "two_factor_methods": list(user.authenticator_set.values_list("type", flat=True)),
        "organisations": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "since": m.created.isoformat(),
            }
            for m in user.memberships.select_related("organisation")
        ],
        "programme_roles": [
            {"programme": r.programme.name, "role": r.role, "since": r.created.isoformat()}
            for r in user.programme_roles.select_related("programme")
        ],
        "invitations_received": [
            {
                "email": i.email,
                "role": i.role,
                "target": str(i.target),
                "status": i.status,
                "sent": i.created.isoformat(),
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "organisation", "programme"
            )
        ],
        "api_tokens": [
            {"name": t.name, "created": t.created.isoformat(), "begins_with": t.hint}
            for t in user.api_tokens.all()
        ],
        "activity": [
            {
                "when": e.created.isoformat(),
                "action": e.action,
                "object": e.object_repr,
                "changes": e.changes,
            }
            for e in AuditEntry.objects.filter(actor=user).order_by("created")
        ],
    }


@transaction.atomic
def erase_account(*, user: User) -> None:
    """Delete a person's account. Their personal data is erased; the row stays so that decisions,
    invitations and contributions remain attributed to "former member"."""
    from netzwerkstatt.organisations.models import Membership
    from netzwerkstatt.organisations.services import remove_member
    from netzwerkstatt.programmes.models import ProgrammeRole
    from netzwerkstatt.programmes.services import revoke_role

    for membership in Membership.objects.filter(user=user, role=Membership.Role.ADMIN):
        if (
            not Membership.objects.filter(
                organisation=membership.organisation, role=Membership.Role.ADMIN
            )
            .exclude(user=user)
            .exists()
        ):
            raise ValidationError(
                _(
                    "You are the only admin of %(organisation)s. Make someone else admin, "
                    "then delete your account."
                )
                % {"organisation": membership.organisation}
            )
    for role in ProgrammeRole.objects.filter(user=user, role=ProgrammeRole.Role.COORDINATOR):
        if (
            not ProgrammeRole.objects.filter(
                programme=role.programme, role=ProgrammeRole.Role.COORDINATOR
            )
            .exclude(user=user)
            .exists()
        ):
            raise ValidationError(
                _(
                    "You are the only coordinator of %(programme)s. Invite another coordinator, "
                    "then delete your account."
                )
                % {"programme": role.programme}
            )
    # Open links to the erased address must not create a new account afterwards.
    Invitation.objects.filter(email__iexact=user.email, status=Invitation.Status.PENDING).update(
        status=Invitation.Status.REVOKED
    )
    Invitation.objects.filter(email__iexact=user.email).update(email="erased@invalid")
    user.email = f"erased-{user.pk}@invalid"
    user.name = ""
    user.language = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.erased_at = timezone.now()
    user.set_unusable_password()
    user.save()
    # Through the services, after the name is gone, so each organisation and programme keeps a
    # record that a former member left, without the person's name.
    for membership in user.memberships.select_related("organisation", "user"):
        remove_member(actor=user, membership=membership)
    for programme_role in user.programme_roles.select_related("programme", "user"):
        revoke_role(actor=user, programme_role=programme_role)
    user.api_tokens.all().delete()
    user.authenticator_set.all().delete()
    EmailAddress.objects.filter(user=user).delete()
    audit.record(actor=None, action="person.erased", obj=user)
