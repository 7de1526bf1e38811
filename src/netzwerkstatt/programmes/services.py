"""Every change to programmes, their people and their participating organisations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit, forget_cached_roles
from netzwerkstatt.organisations.services import unique_slug

from .models import Participation, Programme, ProgrammeRole

PROGRAMME_FIELDS = (
    "name", "tagline", "description", "funder", "funding_scheme", "starts_on", "ends_on",
    "countries", "working_languages", "website", "is_public",
)  # fmt: skip


@transaction.atomic
def create_programme(*, actor, data: dict[str, Any]) -> Programme:
    programme = Programme(slug=unique_slug(data["name"], model=Programme))
    for field, value in data.items():
        setattr(programme, field, value)
    programme.full_clean()
    programme.save()
    audit.record(
        actor=actor,
        action="programme.created",
        obj=programme,
        programme=programme,
        changes=audit.changes_between({}, audit.snapshot(programme, PROGRAMME_FIELDS)),
    )
    return programme


@transaction.atomic
def update_programme(
    *, actor, programme: Programme, data: dict[str, Any], expected_version: int
) -> Programme:
    current = Programme.objects.select_for_update().get(pk=programme.pk)
    if current.version != expected_version:
        raise ConcurrentEdit()
    before = audit.snapshot(current, PROGRAMME_FIELDS)
    for field, value in data.items():
        setattr(current, field, value)
    current.full_clean(exclude=["version"])
    current.version = F("version") + 1
    current.save()
    current.refresh_from_db()
    changes = audit.changes_between(before, audit.snapshot(current, PROGRAMME_FIELDS))
    if changes:
        audit.record(
            actor=actor, action="programme.updated", obj=current, programme=current, changes=changes
        )
    return current


@transaction.atomic
def grant_role(*, actor, programme: Programme, user, role: str) -> ProgrammeRole:
    if role not in ProgrammeRole.Role.values:
        raise ValidationError(_("Unknown role."), code="invalid_role")
    programme_role, created = ProgrammeRole.objects.get_or_create(
        programme=programme, user=user, role=role
    )
    if created:
        forget_cached_roles(user)
        audit.record(
            actor=actor,
            action="programme_role.granted",
            obj=programme_role,
            programme=programme,
            changes={"role": {"old": None, "new": role}, "person": {"old": None, "new": str(user)}},
        )
    return programme_role


@transaction.atomic
def revoke_role(*, actor, programme_role: ProgrammeRole) -> None:
    if (
        programme_role.role == ProgrammeRole.Role.COORDINATOR
        and not ProgrammeRole.objects.filter(
            programme=programme_role.programme, role=ProgrammeRole.Role.COORDINATOR
        )
        .exclude(pk=programme_role.pk)
        .exists()
    ):
        raise ValidationError(
            _("A programme needs at least one coordinator. Add another coordinator first."),
            code="last_coordinator",
        )
    audit.record(
        actor=actor,
        action="programme_role.revoked",
        obj=programme_role,
        programme=programme_role.programme,
        changes={
            "role": {"old": programme_role.role, "new": None},
            "person": {"old": str(programme_role.user), "new": None},
        },
    )
    programme_role.delete()
    forget_cached_roles(programme_role.user)


@transaction.atomic
def add_participant(*, actor, programme: Programme, organisation) -> Participation:
    participation, created = Participation.objects.get_or_create(
        programme=programme, organisation=organisation
    )
    if created:
        audit.record(
            actor=actor,
            action="participation.added",
            obj=participation,
            programme=programme,
            organisation=organisation,
            changes={"organisation": {"old": None, "new": str(organisation)}},
        )
    return participation


@transaction.atomic
def remove_participant(*, actor, participation: Participation) -> None:
    audit.record(
        actor=actor,
        action="participation.removed",
        obj=participation,
        programme=participation.programme,
        organisation=participation.organisation,
        changes={"organisation": {"old": str(participation.organisation), "new": None}},
    )
    participation.delete()
