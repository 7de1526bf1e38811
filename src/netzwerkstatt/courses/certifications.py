"""A provider's quality certifications (AZAV, ISO 9001 ...): adding, changing and removing them,
their evidence files, what the public may see, and the reminders before they expire.

An expired certification is kept (the provider sees it, marked expired) but never shown as
valid: public pages read ``valid_for_public``. Reminders go to the provider's admins when a
certification enters the warning window (``EXPIRY_WARNING_DAYS``) and once more
``FINAL_REMINDER_DAYS`` before its end; the two marker dates on the certification make each
reminder go out once per end date, however often the daily command runs.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.core.uploads import check_document
from netzwerkstatt.organisations.models import Membership, Organisation

from .models import EXPIRY_WARNING_DAYS, Certification

FINAL_REMINDER_DAYS = 14
EVIDENCE_TYPES = ["pdf", "jpg", "jpeg", "png"]
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
AUDITED_FIELDS = (
    "kind",
    "name",
    "issuer",
    "reference",
    "valid_from",
    "valid_until",
    "evidence_name",
)
NAMED_KINDS = (Certification.Kind.REGIONAL_SEAL, Certification.Kind.OTHER)


# Reading ---------------------------------------------------------------------------------------


def valid_for_public(
    organisation: Organisation | None = None, today: datetime.date | None = None
) -> QuerySet[Certification]:
    """Certifications a public page may show: valid today, i.e. started and not expired (of one
    provider, or of all)."""
    today = today or timezone.localdate()
    certifications = Certification.objects.filter(valid_until__gte=today).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today)
    )
    if organisation is not None:
        certifications = certifications.filter(organisation=organisation)
    return certifications


def needing_attention(
    organisations: Iterable[Organisation] | QuerySet[Organisation],
    today: datetime.date | None = None,
) -> QuerySet[Certification]:
    """Certifications that expire within the warning window or expired in the last as many days:
    the warnings on the provider hub and the dashboard."""
    today = today or timezone.localdate()
    window = datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    return (
        Certification.objects.filter(
            organisation__in=organisations,
            valid_until__gte=today - window,
            valid_until__lte=today + window,
        )
        .select_related("organisation")
        .order_by("valid_until", "pk")
    )


# Changing --------------------------------------------------------------------------------------


def _validate(data: dict[str, Any]) -> None:
    errors: dict[str, list[str]] = {}
    if data.get("kind") in NAMED_KINDS and not (data.get("name") or "").strip():
        errors["name"] = [_("Name the seal or certification.")]
    valid_from, valid_until = data.get("valid_from"), data.get("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        errors["valid_until"] = [_("The end of validity comes after its start.")]
    if errors:
        raise ValidationError(errors)


def _store_evidence(certification: Certification, upload) -> None:
    try:
        check_document(upload, allowed_types=EVIDENCE_TYPES, max_bytes=EVIDENCE_MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"evidence": error.messages}) from None
    # Through the storage API, so an object store can replace the file system.
    certification.evidence.save(upload.name, upload, save=False)
    certification.evidence_name = upload.name[:200]


def _delete_file_after_commit(name: str) -> None:
    if name:
        storage = Certification._meta.get_field("evidence").storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def add_certification(
    *, actor, organisation: Organisation, data: dict[str, Any], evidence=None
) -> Certification:
    _validate(data)
    certification = Certification(organisation=organisation, created_by=actor)
    for name in ("kind", "name", "issuer", "reference", "valid_from", "valid_until"):
        setattr(certification, name, data.get(name) or ("" if name != "valid_from" else None))
    if evidence is not None:
        _store_evidence(certification, evidence)
    certification.save()
    audit.record(
        actor=actor,
        action="courses.certification_added",
        obj=certification,
        organisation=organisation,
        changes=audit.changes_between({}, audit.snapshot(certification, AUDITED_FIELDS)),
    )
    return certification


@transaction.atomic
def update_certification(
    *,
    actor,
    certification: Certification,
    data: dict[str, Any],
    expected_version: int,
    evidence=None,
    remove_evidence: bool = False,
) -> Certification:
    """Save changes unless someone else saved since ``expected_version``. A new evidence file
    replaces the old one; ``remove_evidence`` drops it."""
    current = Certification.objects.select_for_update().get(pk=certification.pk)
    if current.version != expected_version:
        raise ConcurrentEdit()
    _validate(data)
    before = audit.snapshot(current, AUDITED_FIELDS)
    old_file = current.evidence.name
    for name in ("kind", "name", "issuer", "reference", "valid_from", "valid_until"):
        setattr(current, name, data.get(name) or ("" if name != "valid_from" else None))
    if evidence is not None:
        _store_evidence(current, evidence)
    elif remove_evidence:
        current.evidence = ""
        current.evidence_name = ""
    changes = audit.changes_between(before, audit.snapshot(current, AUDITED_FIELDS))
    if evidence is not None and "evidence_name" not in changes:
        changes["evidence_name"] = {"old": before["evidence_name"], "new": current.evidence_name}
    if changes:
        current.version += 1
        current.save()
        if old_file and old_file != current.evidence.name:
            _delete_file_after_commit(old_file)
        audit.record(
            actor=actor,
            action="courses.certification_changed",
            obj=current,
            organisation=current.organisation,
            changes=changes,
        )
    return current


@transaction.atomic
def delete_certification(*, actor, certification: Certification) -> None:
    current = Certification.objects.select_for_update().get(pk=certification.pk)
    before = audit.snapshot(current, AUDITED_FIELDS)
    organisation, file_name = current.organisation, current.evidence.name
    audit.record(
        actor=actor,
        action="courses.certification_removed",
        obj=current,
        organisation=organisation,
        changes=audit.changes_between(before, {}),
    )
    current.delete()
    _delete_file_after_commit(file_name)


# Reminders -------------------------------------------------------------------------------------


def send_reminders(*, today: datetime.date | None = None) -> int:
    """E-mail the provider's admins about certifications that expire soon: once when one enters
    the warning window, once more shortly before its end; never for expired ones. Run daily
    (``manage.py send_certification_reminders``). Returns the number of certifications reminded
    of."""
    today = today or timezone.localdate()
    final_day = today + datetime.timedelta(days=FINAL_REMINDER_DAYS)
    first_day = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    reminded = 0
    due = Certification.objects.filter(
        valid_until__gte=today,
        valid_until__lte=first_day,
        organisation__kind=Organisation.Kind.TRAINING_PROVIDER,
    ).select_related("organisation")
    for certification in due:
        final = certification.valid_until <= final_day
        if final and certification.final_reminded_for == certification.valid_until:
            continue
        if not final and certification.reminded_for == certification.valid_until:
            continue
        with transaction.atomic():
            # Claim the reminder first, so two overlapping runs cannot both send it.
            claim = Certification.objects.filter(
                pk=certification.pk, valid_until=certification.valid_until
            )
            if final:
                claimed = claim.exclude(final_reminded_for=certification.valid_until).update(
                    final_reminded_for=certification.valid_until,
                    reminded_for=certification.valid_until,
                )
            else:
                claimed = claim.exclude(reminded_for=certification.valid_until).update(
                    reminded_for=certification.valid_until
                )
            if not claimed:
                continue
            _remind(certification, days=(certification.valid_until - today).days)
            reminded += 1
    return reminded


def _remind(certification: Certification, *, days: int) -> None:
    organisation = certification.organisation
    people = (
        get_user_model()
        .objects.filter(
            memberships__organisation=organisation,
            memberships__role=Membership.Role.ADMIN,
            is_active=True,
            erased_at__isnull=True,
        )
        .exclude(email="")
        .order_by("pk")
    )
    url = settings.SITE_URL + reverse(
        "courses:certification_edit", kwargs={"slug": organisation.slug, "pk": certification.pk}
    )
    for person in people:
        queue_email(
            template="courses/email/certification_expiring",
            to=person.email,
            language=person.language or settings.LANGUAGE_CODE,
            context={
                "person": person,
                "certification": certification,
                "organisation": organisation,
                "days": days,
                "url": url,
            },
        )
