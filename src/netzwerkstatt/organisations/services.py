"""Every change to organisations, memberships and contact persons. Each function is atomic and
writes the audit log with the previous values."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit, forget_cached_roles

from .models import ContactPerson, Membership, Organisation

PROFILE_FIELDS = (
    "name", "kind", "sector", "country", "region", "street", "postal_code", "city", "website",
    "languages", "description", "themes", "core_competencies", "logo",
)  # fmt: skip
CONTACT_FIELDS = ("name", "function", "email", "phone", "consent_date", "is_public")


def unique_slug(name: str, model=Organisation) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(organisation: Organisation, data: dict[str, Any]) -> None:
    for field, value in data.items():
        if field != "themes":
            setattr(organisation, field, value)


@transaction.atomic
def create_organisation(*, actor, data: dict[str, Any]) -> Organisation:
    """Create an organisation; the person creating it becomes its first admin."""
    organisation = Organisation(slug=unique_slug(data["name"]))
    _apply(organisation, data)
    organisation.full_clean(exclude=["themes"])
    organisation.save()
    if "themes" in data:
        organisation.themes.set(data["themes"])
    audit.record(
        actor=actor,
        action="organisation.created",
        obj=organisation,
        organisation=organisation,
        changes=audit.changes_between({}, audit.snapshot(organisation, PROFILE_FIELDS)),
    )
    if actor is not None and actor.is_authenticated:
        add_member(actor=actor, organisation=organisation, user=actor, role=Membership.Role.ADMIN)
    return organisation


@transaction.atomic
def update_organisation(
    *, actor, organisation: Organisation, data: dict[str, Any], expected_version: int
) -> Organisation:
    """Save profile changes unless someone else saved since ``expected_version`` was read."""
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if current.version != expected_version:
        raise ConcurrentEdit()
    before = audit.snapshot(current, PROFILE_FIELDS)
    _apply(current, data)
    current.full_clean(exclude=["themes"])
    current.version = F("version") + 1
    current.save()
    if "themes" in data:
        current.themes.set(data["themes"])
    current.refresh_from_db()
    changes = audit.changes_between(before, audit.snapshot(current, PROFILE_FIELDS))
    if changes:
        audit.record(
            actor=actor,
            action="organisation.updated",
            obj=current,
            organisation=current,
            changes=changes,
        )
    return current


@transaction.atomic
def add_member(*, actor, organisation: Organisation, user, role: str) -> Membership:
    """Add a person, or raise their role if they are already a member (never lowers it)."""
    membership, created = Membership.objects.select_for_update().get_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    if not created:
        if membership.role == role or role == Membership.Role.MEMBER:
            return membership
        return change_member_role(actor=actor, membership=membership, role=role)
    forget_cached_roles(user)
    audit.record(
        actor=actor,
        action="membership.added",
        obj=membership,
        organisation=organisation,
        changes={"role": {"old": None, "new": role}, "person": {"old": None, "new": str(user)}},
    )
    return membership


def _ensure_an_admin_remains(membership: Membership) -> None:
    others = (
        Membership.objects.filter(organisation=membership.organisation, role=Membership.Role.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )
    if not others:
        raise ValidationError(
            _("An organisation needs at least one admin. Make someone else admin first."),
            code="last_admin",
        )


@transaction.atomic
def change_member_role(*, actor, membership: Membership, role: str) -> Membership:
    if role not in Membership.Role.values:
        raise ValidationError(_("Unknown role."), code="invalid_role")
    previous = membership.role
    if previous == role:
        return membership
    if previous == Membership.Role.ADMIN:
        _ensure_an_admin_remains(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    forget_cached_roles(membership.user)
    audit.record(
        actor=actor,
        action="membership.role_changed",
        obj=membership,
        organisation=membership.organisation,
        changes={"role": {"old": previous, "new": role}},
    )
    return membership


@transaction.atomic
def remove_member(*, actor, membership: Membership) -> None:
    if membership.role == Membership.Role.ADMIN:
        _ensure_an_admin_remains(membership)
    audit.record(
        actor=actor,
        action="membership.removed",
        obj=membership,
        organisation=membership.organisation,
        changes={
            "role": {"old": membership.role, "new": None},
            "person": {"old": str(membership.user), "new": None},
        },
    )
    membership.delete()
    forget_cached_roles(membership.user)


@transaction.atomic
def save_contact_person(
    *, actor, organisation: Organisation, contact: ContactPerson | None, data: dict[str, Any]
) -> ContactPerson:
    """Create a contact person (``contact`` None) or change one."""
    # The previous values come from the database: a validated ModelForm has already written
    # the new values onto the caller's instance.
    stored = ContactPerson.objects.filter(pk=contact.pk).first() if contact else None
    before = audit.snapshot(stored, CONTACT_FIELDS) if stored else {}
    contact = contact or ContactPerson(organisation=organisation)
    for field, value in data.items():
        setattr(contact, field, value)
    contact.full_clean()
    contact.save()
    audit.record(
        actor=actor,
        action="contact_person.saved" if before else "contact_person.added",
        obj=contact,
        organisation=organisation,
        changes=audit.changes_between(before, audit.snapshot(contact, CONTACT_FIELDS)),
    )
    return contact


@transaction.atomic
def delete_contact_person(*, actor, contact: ContactPerson) -> None:
    audit.record(
        actor=actor,
        action="contact_person.deleted",
        obj=contact,
        organisation=contact.organisation,
        changes=audit.changes_between(audit.snapshot(contact, CONTACT_FIELDS), {}),
    )
    contact.delete()
