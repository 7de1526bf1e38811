"""Participation declarations: a cluster publishes its declaration text in versions; a training
provider's admin signs the current version and may revoke the signature.

One function owns each change (``publish_text``, ``sign_declaration``, ``revoke_declaration``):
it saves, writes the audit log, recomputes the search copies of the runs concerned
(``index.refresh_runs``) and queues the e-mails, all in one transaction. A published version is
never edited: a change is a new version. Signing again (after a revocation or for a newer version)
adds a new ``Declaration`` row, so the history stays readable.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.organisations.models import Membership, Organisation
from netzwerkstatt.programmes.models import Participation, Programme, ProgrammeRole

from . import index
from .models import CourseRun, Declaration, DeclarationText

# Reading ---------------------------------------------------------------------------------------


class State:
    NOT_SIGNED = "not_signed"
    VALID = "valid"
    OUTDATED = "outdated"  # signed a version that no longer counts: sign again
    REVOKED = "revoked"


@dataclass
class ClusterStatus:
    """Where one provider stands in one cluster."""

    programme: Programme
    text: DeclarationText  # the current version
    state: str
    declaration: Declaration | None  # the latest signature, if any
    history: list[Declaration] = field(default_factory=list)  # newest first

    @property
    def signed_current(self) -> bool:
        """The open signature is under the current version (nothing to sign)."""
        return (
            self.declaration is not None
            and self.declaration.revoked_at is None
            and self.declaration.text_id == self.text.pk
        )

    @property
    def open_declaration(self) -> Declaration | None:
        if self.declaration is not None and self.declaration.revoked_at is None:
            return self.declaration
        return None


def _text_content(value) -> dict[str, str]:
    data = getattr(value, "data", value)
    if isinstance(data, dict):
        return {code: text for code, text in data.items() if text}
    return {settings.LANGUAGE_CODE: data} if data else {}


def current_text(programme: Programme) -> DeclarationText | None:
    return programme.declaration_texts.order_by("-version").first()


def resign_from(texts: list[DeclarationText]) -> int:
    """The lowest version whose signatures still count, from one cluster's versions."""
    return max((t.version for t in texts if t.requires_resigning), default=0)


def clusters_for(organisation: Organisation) -> QuerySet[Programme]:
    """Clusters the provider can join: programmes with a declaration text that are public, that
    the provider takes part in, or where it has signed before."""
    return (
        Programme.objects.filter(declaration_texts__isnull=False)
        .filter(
            Q(is_public=True)
            | Q(participations__organisation=organisation)
            | Q(declarations__organisation=organisation)
        )
        .distinct()
        .order_by("name")
    )


def statuses_for(organisation: Organisation) -> list[ClusterStatus]:
    """The provider's standing in every cluster it can join, in three queries."""
    programmes = list(clusters_for(organisation))
    texts: dict[int, list[DeclarationText]] = {}
    for text in DeclarationText.objects.filter(programme__in=programmes).order_by("-version"):
        texts.setdefault(text.programme_id, []).append(text)
    by_pk = {text.pk: text for versions in texts.values() for text in versions}
    signatures: dict[int, list[Declaration]] = {}
    for declaration in (
        Declaration.objects.filter(organisation=organisation, programme__in=programmes)
        .select_related("signed_by", "revoked_by")
        .order_by("-signed_at", "-pk")
    ):
        declaration.text = by_pk[declaration.text_id]
        signatures.setdefault(declaration.programme_id, []).append(declaration)
    result = []
    for programme in programmes:
        versions = texts[programme.pk]
        history = signatures.get(programme.pk, [])
        latest = history[0] if history else None
        result.append(
            ClusterStatus(
                programme=programme,
                text=versions[0],
                state=_state(latest, resign_from(versions)),
                declaration=latest,
                history=history,
            )
        )
    return result


def _state(latest: Declaration | None, minimum_version: int) -> str:
    if latest is None:
        return State.NOT_SIGNED
    if latest.revoked_at is not None:
        return State.REVOKED
    if latest.text.version < minimum_version:
        return State.OUTDATED
    return State.VALID


def signature_counts(programme: Programme) -> dict[str, int]:
    """How many providers have a valid signature, and how many must sign again."""
    open_ = Declaration.objects.filter(programme=programme, revoked_at__isnull=True)
    valid = index.valid_declarations().filter(programme=programme).count()
    return {"valid": valid, "outdated": open_.count() - valid}


# Publishing a version --------------------------------------------------------------------------


@transaction.atomic
def publish_text(
    *,
    actor,
    programme: Programme,
    title,
    text,
    requires_resigning: bool,
    expected_version: int,
) -> DeclarationText:
    """Publish the next version of the cluster's declaration. ``expected_version`` is the version
    the form was opened at (0 for none): if someone published since, nothing is written."""
    Programme.objects.select_for_update().get(pk=programme.pk)
    latest = programme.declaration_texts.aggregate(latest=Max("version"))["latest"] or 0
    if latest != expected_version:
        raise ConcurrentEdit()
    title, text = _text_content(title), _text_content(text)
    errors = {}
    if not title:
        errors["title"] = [_("Give the declaration a title.")]
    if not text:
        errors["text"] = [_("Write the text of the declaration.")]
    if errors:
        raise ValidationError(errors)
    # The providers whose signature counts now; with "everyone signs again" it stops counting.
    losing = (
        list(
            index.valid_declarations()
            .filter(programme=programme)
            .select_related("organisation")
            .order_by("organisation__name")
        )
        if requires_resigning
        else []
    )
    version = DeclarationText.objects.create(
        programme=programme,
        version=latest + 1,
        title=LazyI18nString(title),
        text=LazyI18nString(text),
        requires_resigning=requires_resigning,
        published_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit.record(
        actor=actor,
        action="courses.declaration_text_published",
        obj=version,
        programme=programme,
        changes={
            "version": {"old": latest or None, "new": version.version},
            "title": {"old": None, "new": title},
            "requires_resigning": {"old": None, "new": requires_resigning},
        },
    )
    index.refresh_runs(
        CourseRun.objects.filter(
            course__organisation__in=Declaration.objects.filter(programme=programme).values(
                "organisation"
            )
        )
    )
    for declaration in losing:
        for person in _admins(declaration.organisation):
            _mail(
                "courses/email/declaration_resign",
                person,
                programme=programme,
                organisation=declaration.organisation,
                text=version,
                url=settings.SITE_URL
                + reverse("courses:declarations", kwargs={"slug": declaration.organisation.slug}),
            )
    return version


# Signing and revoking --------------------------------------------------------------------------


@transaction.atomic
def sign_declaration(
    *,
    actor,
    organisation: Organisation,
    programme: Programme,
    signer_name: str,
    signer_position: str = "",
    signed_on: datetime.date,
    text_version: int,
) -> Declaration:
    """Sign the cluster's current version (the one the person read: ``text_version``). An open
    signature under an older version is closed and points at the new one."""
    if organisation.kind != Organisation.Kind.TRAINING_PROVIDER:
        raise ValidationError(_("Only training providers sign participation declarations."))
    Programme.objects.select_for_update().get(pk=programme.pk)
    text = current_text(programme)
    if text is None:
        raise ValidationError(_("This cluster has no participation declaration."))
    if text.version != text_version:
        raise ValidationError(
            _(
                "A new version of the declaration was published while you were reading. Read "
                "the current version, then sign again."
            ),
            code="new_version",
        )
    signer_name = signer_name.strip()
    if not signer_name:
        raise ValidationError({"signer_name": [_("Name the person who signs.")]})
    today = timezone.localdate()
    if signed_on > today:
        raise ValidationError({"signed_on": [_("The date of signing cannot be in the future.")]})
    if signed_on < timezone.localdate(text.published_at):
        raise ValidationError(
            {
                "signed_on": [
                    _("This version was published on %(date)s; it cannot be signed earlier.")
                    % {"date": timezone.localdate(text.published_at).isoformat()}
                ]
            }
        )
    previous = (
        Declaration.objects.select_for_update()
        .filter(programme=programme, organisation=organisation, revoked_at__isnull=True)
        .first()
    )
    if previous is not None and previous.text_id == text.pk:
        raise ValidationError(_("This version is signed already."), code="signed")
    now = timezone.now()
    if previous is not None:
        previous.revoked_at = now
        previous.revoked_by = actor
        previous.save(update_fields=["revoked_at", "revoked_by"])
    declaration = Declaration.objects.create(
        programme=programme,
        organisation=organisation,
        text=text,
        signed_by=actor,
        signer_name=signer_name,
        signer_position=signer_position.strip(),
        signed_on=signed_on,
        signed_at=now,
    )
    if previous is not None:
        previous.replaced_by = declaration
        previous.save(update_fields=["replaced_by"])
    Participation.objects.get_or_create(programme=programme, organisation=organisation)
    audit.record(
        actor=actor,
        action="courses.declaration_signed",
        obj=declaration,
        programme=programme,
        organisation=organisation,
        changes={
            "version": {
                "old": None if previous is None else previous.text.version,
                "new": text.version,
            },
            "signer_name": {"old": None, "new": declaration.signer_name},
            "signer_position": {"old": None, "new": declaration.signer_position},
            "signed_on": {"old": None, "new": str(signed_on)},
        },
    )
    index.refresh_runs(index.runs_of_provider(organisation))
    _tell_coordinators("courses/email/declaration_signed", declaration)
    return declaration


@transaction.atomic
def revoke_declaration(*, actor, declaration: Declaration, reason: str) -> Declaration:
    """End a signature. The provider leaves the public database unless it has a valid one in
    another public cluster."""
    current = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if current.revoked_at is not None:
        raise ValidationError(_("This signature was revoked already."), code="revoked")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the signature is revoked.")]})
    current.revoked_at = timezone.now()
    current.revoked_by = actor
    current.revocation_reason = reason
    current.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    audit.record(
        actor=actor,
        action="courses.declaration_revoked",
        obj=current,
        programme=current.programme,
        organisation=current.organisation,
        changes={
            "revoked_at": {"old": None, "new": str(current.revoked_at)},
            "revocation_reason": {"old": None, "new": reason},
        },
    )
    index.refresh_runs(index.runs_of_provider(current.organisation))
    _tell_coordinators("courses/email/declaration_revoked", current)
    return current


# E-mail ----------------------------------------------------------------------------------------


def _active(people):
    return people.filter(is_active=True, erased_at__isnull=True).exclude(email="").order_by("pk")


def _admins(organisation: Organisation):
    return _active(
        get_user_model().objects.filter(
            memberships__organisation=organisation, memberships__role=Membership.Role.ADMIN
        )
    )


def _coordinators(programme: Programme):
    return _active(
        get_user_model().objects.filter(
            programme_roles__programme=programme,
            programme_roles__role=ProgrammeRole.Role.COORDINATOR,
        )
    )


def _mail(template: str, person, **context) -> None:
    queue_email(
        template=template,
        to=person.email,
        language=person.language or settings.LANGUAGE_CODE,
        context={"person": person, **context},
    )


def _tell_coordinators(template: str, declaration: Declaration) -> None:
    url = settings.SITE_URL + reverse(
        "courses:declaration_text", kwargs={"programme": declaration.programme.slug}
    )
    for person in _coordinators(declaration.programme):
        _mail(
            template,
            person,
            declaration=declaration,
            programme=declaration.programme,
            organisation=declaration.organisation,
            url=url,
        )
