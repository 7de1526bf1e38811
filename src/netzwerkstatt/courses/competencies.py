"""A provider's core competencies: fields of education and training from the ISCED-F vocabulary
(on ``ProviderProfile``) and free text, one competency per line (``Organisation.core_competencies``,
which the organisation's profile shows too)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import IscedField

from .models import ProviderProfile


def profile_of(organisation: Organisation) -> ProviderProfile | None:
    return ProviderProfile.objects.filter(organisation=organisation).first()


@transaction.atomic
def update_competencies(
    *,
    actor,
    organisation: Organisation,
    fields: list[IscedField],
    free_text: str,
    expected_version: int,
) -> Organisation:
    """Save both lists unless the organisation's profile was saved since ``expected_version``
    (the free text is part of the profile form too)."""
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if current.version != expected_version:
        raise ConcurrentEdit()
    profile = profile_of(current)
    free_text = "\n".join(line.strip() for line in free_text.splitlines() if line.strip())
    before = {
        "competency_fields": sorted(f.code for f in profile.competency_fields.all())
        if profile is not None
        else [],
        "core_competencies": current.core_competencies,
    }
    after = {
        "competency_fields": sorted(f.code for f in fields),
        "core_competencies": free_text,
    }
    changes = audit.changes_between(before, after)
    if not changes:
        return current
    if profile is None:
        profile = ProviderProfile.objects.create(organisation=current)
    profile.competency_fields.set(fields)
    profile.save(update_fields=["updated"])
    if "core_competencies" in changes:
        current.core_competencies = free_text
    current.version = F("version") + 1
    current.save(update_fields=["core_competencies", "version", "updated"])
    current.refresh_from_db()
    audit.record(
        actor=actor,
        action="courses.competencies_changed",
        obj=current,
        organisation=current,
        changes=changes,
    )
    return current
