"""Writing good practice: create, save (with a version kept), translate, attach documents, submit
for assessment. The assessment's transitions are in ``assessment.py``."""

from __future__ import annotations

from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit, search
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.uploads import check_document
from netzwerkstatt.organisations.models import Organisation

from .models import (
    TEXT_FIELDS,
    Practice,
    PracticeAttachment,
    PracticeTranslation,
    PracticeVersion,
    TargetGroup,
)

ATTACHMENT_TYPES = ["pdf", "docx", "xlsx", "pptx", "odt", "png", "jpg"]
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
LIST_FIELDS = ("media_links", "countries", "organisation_kinds", "target_groups")
EDITABLE_FIELDS = (*TEXT_FIELDS, *LIST_FIELDS, "language", "network")
AUDITED_FIELDS = (*EDITABLE_FIELDS, "themes")


def record(actor, action: str, practice: Practice, changes: dict | None = None) -> None:
    audit.record(
        actor=actor,
        action=action,
        obj=practice,
        programme=practice.programme,
        organisation=practice.organisation,
        changes=changes or {},
    )


def _lock(practice: Practice) -> Practice:
    current = Practice.objects.select_for_update().get(pk=practice.pk)
    current.programme = practice.programme
    current.organisation = practice.organisation
    return current


def _unique_slug(programme, title: str) -> str:
    base = (slugify(title) or "practice")[:70].strip("-") or "practice"
    taken = set(
        Practice.objects.filter(programme=programme, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def is_language(code: str) -> bool:
    return bool(code) and pycountry.languages.get(alpha_2=code) is not None


def validate_media_links(links: list[str]) -> list[str]:
    """The links as a clean list; a ValidationError names the first wrong one."""
    validate = URLValidator(schemes=["http", "https"])
    clean = []
    for link in (item.strip() for item in links):
        if not link:
            continue
        try:
            validate(link)
        except ValidationError:
            raise ValidationError(
                {"media_links": [_("“%(link)s” is not a web address.") % {"link": link[:100]}]}
            ) from None
        clean.append(link)
    return clean


def _validate(practice: Practice) -> None:
    errors: dict[str, list[str]] = {}
    if not practice.title.strip():
        errors["title"] = [_("Give the practice a title.")]
    if not is_language(practice.language):
        errors["language"] = [_("Choose the language the practice is written in.")]
    wrong = [c for c in practice.countries if pycountry.countries.get(alpha_2=c) is None]
    if wrong:
        errors["countries"] = [_("Unknown country code: %(codes)s.") % {"codes": ", ".join(wrong)}]
    if set(practice.organisation_kinds) - set(Organisation.Kind.values):
        errors["organisation_kinds"] = [_("Choose kinds of organisation from the list.")]
    if set(practice.target_groups) - set(TargetGroup.values):
        errors["target_groups"] = [_("Choose target groups from the list.")]
    if practice.network_id and practice.network.programme_id != practice.programme_id:
        errors["network"] = [_("The network must belong to the same programme.")]
    if errors:
        raise ValidationError(errors)


def _apply(practice: Practice, data: dict[str, Any]) -> None:
    for field in EDITABLE_FIELDS:
        if field in data:
            value = data[field]
            if field in TEXT_FIELDS:
                value = (value or "").strip()
            if field == "media_links":
                value = validate_media_links(value or [])
            setattr(practice, field, value if value is not None else getattr(practice, field))


def content_of(practice: Practice) -> dict[str, Any]:
    """The practice's text and facets as a version keeps them."""
    return audit.snapshot(practice, (*TEXT_FIELDS, *LIST_FIELDS, "language", "themes"))


def keep_version(*, actor, practice: Practice, reason: str) -> PracticeVersion:
    return PracticeVersion.objects.create(
        practice=practice,
        number=practice.version,
        reason=reason,
        content=content_of(practice),
        created_by=actor,
    )


@transaction.atomic
def create_practice(
    *, actor, programme, organisation: Organisation, data: dict[str, Any]
) -> Practice:
    """A new draft, owned by ``organisation`` (one of the programme's participants)."""
    if not programme.participations.filter(organisation=organisation).exists():
        raise ValidationError(
            {"organisation": [_("The organisation does not take part in this programme.")]}
        )
    practice = Practice(programme=programme, organisation=organisation, created_by=actor)
    _apply(practice, data)
    _validate(practice)
    practice.slug = _unique_slug(programme, practice.title)
    practice.save()
    if "themes" in data:
        practice.themes.set(data["themes"])
    keep_version(actor=actor, practice=practice, reason=PracticeVersion.Reason.SAVED)
    record(actor, "practice.created", practice, {"status": {"old": None, "new": "draft"}})
    return practice


@transaction.atomic
def update_practice(
    *, actor, practice: Practice, data: dict[str, Any], expected_version: int
) -> Practice:
    """Save the template. Only drafts and practices sent back for revision change; someone
    else's save since ``expected_version`` raises ConcurrentEdit and nothing is written."""
    current = _lock(practice)
    if current.version != expected_version:
        raise ConcurrentEdit()
    if not current.is_editable:
        raise ValidationError(_("A practice in assessment or published cannot be changed."))
    before = audit.snapshot(current, AUDITED_FIELDS)
    _apply(current, data)
    _validate(current)
    if "themes" in data:
        current.themes.set(data["themes"])
    changes = audit.changes_between(before, audit.snapshot(current, AUDITED_FIELDS))
    if changes:
        # A version for every save that changes something: during a revision round the owner
        # and the assessors need to see what changed between the assessed and the revised text.
        current.version += 1
        current.save()
        keep_version(actor=actor, practice=current, reason=PracticeVersion.Reason.SAVED)
        record(actor, "practice.changed", current, changes)
    return current


@transaction.atomic
def submit_practice(*, actor, practice: Practice) -> Practice:
    """``draft | revision_requested -> in_assessment``."""
    from .assessment import ensure_assessment_setup

    current = _lock(practice)
    if current.status not in Practice.SUBMITTABLE:
        raise ValidationError(_("Only a draft or a practice sent back for revision is submitted."))
    missing = [
        str(Practice._meta.get_field(f).verbose_name)
        for f in ("summary", "approach", "results")
        if not getattr(current, f).strip()
    ]
    if missing:
        raise ValidationError(
            _("Fill in before submitting: %(fields)s.") % {"fields": ", ".join(missing)}
        )
    if not current.countries:
        raise ValidationError(_("Name the countries where the practice is used."))
    previous = current.status
    current.status = Practice.Status.IN_ASSESSMENT
    current.submitted_at = timezone.now()
    current.save(update_fields=["status", "submitted_at", "updated"])
    ensure_assessment_setup(programme=current.programme)
    keep_version(actor=actor, practice=current, reason=PracticeVersion.Reason.SUBMITTED)
    record(
        actor,
        "practice.submitted",
        current,
        {"status": {"old": previous, "new": current.status}},
    )
    return current


# Translations -------------------------------------------------------------------------------


def _validate_translation(practice: Practice, translation: PracticeTranslation) -> None:
    errors = {}
    if not translation.title.strip():
        errors["title"] = [_("Give the translation a title.")]
    if not is_language(translation.language):
        errors["language"] = [_("Choose a language.")]
    elif translation.language == practice.language:
        errors["language"] = [_("This is the practice's original language.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_translation(
    *, actor, practice: Practice, language: str, data: dict[str, Any]
) -> PracticeTranslation:
    translation = PracticeTranslation(practice=practice, language=language, translator=actor)
    for field in TEXT_FIELDS:
        setattr(translation, field, (data.get(field) or "").strip())
    _validate_translation(practice, translation)
    if practice.translations.filter(language=language).exists():
        raise ValidationError({"language": [_("There is a translation into this language.")]})
    translation.save()
    # A published practice is found in the catalogue by its translations too (read afresh:
    # the caller's object may hold translations prefetched before this one).
    search.index_objects(Practice.objects.filter(pk=practice.pk))
    record(
        actor,
        "practice.translation_added",
        practice,
        {"translation": {"old": None, "new": language}},
    )
    return translation


@transaction.atomic
def update_translation(
    *, actor, translation: PracticeTranslation, data: dict[str, Any], expected_version: int
) -> PracticeTranslation:
    current = PracticeTranslation.objects.select_for_update().get(pk=translation.pk)
    if current.version != expected_version:
        raise ConcurrentEdit()
    before = audit.snapshot(current, TEXT_FIELDS)
    for field in TEXT_FIELDS:
        if field in data:
            setattr(current, field, (data[field] or "").strip())
    _validate_translation(translation.practice, current)
    changes = audit.changes_between(before, audit.snapshot(current, TEXT_FIELDS))
    if changes:
        current.version += 1
        current.translator = actor
        current.save()
        search.index_objects(Practice.objects.filter(pk=translation.practice_id))
        record(
            actor,
            "practice.translation_changed",
            translation.practice,
            {"language": {"old": current.language, "new": current.language}, **changes},
        )
    return current


# Attachments --------------------------------------------------------------------------------


@transaction.atomic
def add_attachment(*, actor, practice: Practice, upload) -> PracticeAttachment:
    current = _lock(practice)
    if not current.is_editable:
        raise ValidationError(_("A practice in assessment or published cannot be changed."))
    check_document(upload, allowed_types=ATTACHMENT_TYPES, max_bytes=ATTACHMENT_MAX_BYTES)
    attachment = PracticeAttachment(
        practice=current, original_name=upload.name[:200], size=upload.size, uploaded_by=actor
    )
    # Through the storage API, so an object store can replace the file system.
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    record(
        actor,
        "practice.attachment_added",
        current,
        {"attachment": {"old": None, "new": attachment.original_name}},
    )
    return attachment


@transaction.atomic
def remove_attachment(*, actor, practice: Practice, attachment: PracticeAttachment) -> None:
    current = _lock(practice)
    if not current.is_editable:
        raise ValidationError(_("A practice in assessment or published cannot be changed."))
    attachment = current.attachments.get(pk=attachment.pk)
    path, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
    record(
        actor,
        "practice.attachment_removed",
        current,
        {"attachment": {"old": attachment.original_name, "new": None}},
    )
