"""Expressions of interest: an actor group starts one, keeps its profile and answers, invites
partner organisations, submits and withdraws.

One function per transition. Each runs in one transaction, locks the row it changes, writes the
audit log with the previous values and queues its e-mail after commit.

Rules decided here:

- One group per organisation and call: an organisation that leads a group or has confirmed in one
  cannot start or confirm another in the same call.
- The group's country is the lead's; partners come from the same country and, when the call lists
  kinds of organisation, are of one of those kinds.
- Members of the lead organisation invite and remove partners, submit and withdraw; members of
  every confirmed organisation edit the profile and the answers.
- Submission waits until every invited partner has answered: a pending invitation blocks it (the
  lead removes it or the partner answers); a declined one does not.
- A submitted expression can be changed until the call closes; it stays submitted, every change
  must keep the answers complete, and each change is audited. Withdrawal is final.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.organisations.models import Membership, Organisation
from netzwerkstatt.organisations.rules import is_organisation_member
from netzwerkstatt.vocabularies import regions

from ..forms.expressions import stored_answers_form
from ..models import ActorGroup, AnswerFile, Call, ExpressionOfInterest, GroupMember

PROFILE_FIELDS = (
    "name", "themes", "offers", "seeks", "preferred_regions", "working_languages",
)  # fmt: skip


# Helpers --------------------------------------------------------------------------------------


def token_hash(raw: str) -> str:
    """Only this hash of an invitation link is stored; the link in the e-mail is the only copy."""
    return hashlib.sha256(raw.encode()).hexdigest()


def find_partner_invitation(call: Call, raw_token: str) -> GroupMember | None:
    return (
        GroupMember.objects.select_related("group__lead", "group__expression", "organisation")
        .filter(group__call=call, token_hash=token_hash(raw_token))
        .first()
    )


def is_editable(expression: ExpressionOfInterest) -> bool:
    """Answers, profile and partners can change while the call is open and the expression is a
    draft or submitted."""
    return not why_locked(expression)


def leads_the_group(user, group: ActorGroup) -> bool:
    return is_organisation_member(user, group.lead)


def mail_language(user, organisation: Organisation | None = None) -> str:
    """The person's saved language, else the language of their organisation's country."""
    if user is not None and getattr(user, "language", ""):
        return user.language
    country = organisation.country if organisation is not None else ""
    return regions.interface_language(country)


def why_locked(expression: ExpressionOfInterest) -> str:
    """Why the expression cannot change any more; empty while it can."""
    call = expression.call
    if call.phase == Call.Phase.CLOSED:
        return _(
            "The call closed on %(date)s: the expression of interest can no longer be changed."
        ) % {"date": _date(call.closes_at)}
    if not call.is_open:
        return _("The call is not open.")
    if expression.status == ExpressionOfInterest.Status.WITHDRAWN:
        return _("This expression of interest was withdrawn. It can no longer be changed.")
    if expression.status not in ExpressionOfInterest.EDITABLE:
        return _(
            "This expression of interest has been screened (%(status)s). It can no longer be "
            "changed."
        ) % {"status": expression.get_status_display()}
    return ""


def _ensure_editable(expression: ExpressionOfInterest) -> None:
    reason = why_locked(expression)
    if reason:
        raise ValidationError(reason, code="locked")


def _ensure_lead(actor, group: ActorGroup) -> None:
    if not leads_the_group(actor, group):
        raise PermissionDenied(_("Only members of the lead organisation may do this."))


def _date(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def eligibility_problems(call: Call, organisation: Organisation, *, lead: bool) -> list[str]:
    """Why ``organisation`` may not take part in ``call`` (empty when it may). The lead also
    decides the group's country and, when the call names regions, must be from one of them."""
    problems = []
    if call.eligible_countries and organisation.country not in call.eligible_countries:
        problems.append(
            _("%(country)s is not among the countries of this call (%(countries)s).")
            % {
                "country": organisation.country_name,
                "countries": ", ".join(call.eligible_country_names),
            }
        )
    if call.eligible_kinds and organisation.kind not in call.eligible_kinds:
        kinds = dict(Organisation.Kind.choices)
        problems.append(
            _("This call is open to %(kinds)s; %(name)s is registered as %(kind)s.")
            % {
                "kinds": ", ".join(str(kinds.get(k, k)).lower() for k in call.eligible_kinds),
                "name": organisation.name,
                "kind": organisation.get_kind_display().lower(),
            }
        )
    if lead and call.eligible_regions and organisation.region not in call.eligible_regions:
        problems.append(
            _("The lead must be from one of these regions: %(regions)s.")
            % {"regions": ", ".join(regions.region_name(r) for r in call.eligible_regions)}
        )
    return problems


def group_of_organisation(call: Call, organisation: Organisation) -> GroupMember | None:
    """The organisation's place in a group of ``call``: as lead or confirmed partner."""
    return (
        GroupMember.objects.select_related("group")
        .filter(
            group__call=call,
            organisation=organisation,
            status=GroupMember.Status.CONFIRMED,
        )
        .exclude(group__expression__status=ExpressionOfInterest.Status.WITHDRAWN)
        .first()
    )


def _recipients(group: ActorGroup) -> list[tuple[Any, Organisation]]:
    """Every active person in a confirmed organisation of the group, once, with the organisation
    that decides their fallback language."""
    seen: set[int] = set()
    result = []
    for membership in (
        Membership.objects.filter(
            organisation__group_memberships__group=group,
            organisation__group_memberships__status=GroupMember.Status.CONFIRMED,
            user__is_active=True,
            user__erased_at__isnull=True,
        )
        .select_related("user", "organisation")
        .order_by("user_id", "organisation__name")
    ):
        if membership.user_id not in seen:
            seen.add(membership.user_id)
            result.append((membership.user, membership.organisation))
    return result


def _mail_group(expression: ExpressionOfInterest, template: str, actor) -> None:
    group = expression.group
    url = settings.SITE_URL + reverse(
        "calls:group",
        kwargs={
            "programme": group.call.programme.slug,
            "slug": group.call.slug,
            "group_id": group.pk,
        },
    )
    for user, organisation in _recipients(group):
        queue_email(
            template=template,
            to=user.email,
            language=mail_language(user, organisation),
            context={
                "call": group.call,
                "group": group,
                "expression": expression,
                "actor": actor,
                "person": user,
                "url": url,
            },
        )


def _lock(expression: ExpressionOfInterest) -> ExpressionOfInterest:
    return (
        ExpressionOfInterest.objects.select_for_update()
        .select_related("group__call__programme", "group__lead")
        .get(pk=expression.pk)
    )


# Transitions ------------------------------------------------------------------------------------


@transaction.atomic
def start_expression(
    *, actor, call: Call, lead: Organisation, name: str = ""
) -> ExpressionOfInterest:
    """Create an actor group led by ``lead``, with the lead confirmed, and its draft expression."""
    if not call.is_open:
        raise ValidationError(_("This call is not open for expressions of interest."))
    if not is_organisation_member(actor, lead):
        raise PermissionDenied(_("Only members of an organisation may start a group for it."))
    problems = eligibility_problems(call, lead, lead=True)
    if problems:
        raise ValidationError(problems)
    existing = group_of_organisation(call, lead)
    if existing is not None or ActorGroup.objects.filter(call=call, lead=lead).exists():
        raise ValidationError(
            _("%(name)s already takes part in a group for this call.") % {"name": lead.name},
            code="already_in_a_group",
        )
    now = timezone.now()
    try:
        # Two colleagues starting at the same moment: the database's constraint decides.
        with transaction.atomic():
            group = ActorGroup.objects.create(
                call=call,
                name=(name or "").strip() or lead.name,
                country=lead.country,
                lead=lead,
                working_languages=list(lead.languages),
                created_by=actor,
                created=now,
            )
    except IntegrityError:
        raise ValidationError(
            _("%(name)s already takes part in a group for this call.") % {"name": lead.name},
            code="already_in_a_group",
        ) from None
    group.themes.set(lead.themes.all())
    GroupMember.objects.create(
        group=group,
        organisation=lead,
        role=GroupMember.Role.LEAD,
        status=GroupMember.Status.CONFIRMED,
        invited_at=now,
        answered_by=actor,
        answered_at=now,
    )
    expression = ExpressionOfInterest.objects.create(group=group)
    audit.record(
        actor=actor,
        action="expression.started",
        obj=expression,
        programme=call.programme,
        organisation=lead,
        changes={
            **audit.changes_between({}, audit.snapshot(group, PROFILE_FIELDS)),
            "lead": {"old": None, "new": lead.name},
            "status": {"old": None, "new": expression.status},
        },
    )
    return expression


@transaction.atomic
def update_profile(
    *, actor, group: ActorGroup, data: dict[str, Any], expected_version: int
) -> ActorGroup:
    """Save the group's profile for matching: name, themes, offers, seeks, preferred partner
    regions and working languages, unless a colleague saved it since ``expected_version``."""
    group = (
        ActorGroup.objects.select_for_update().select_related("call__programme").get(pk=group.pk)
    )
    _ensure_editable(group.expression)
    if group.version != expected_version:
        raise ConcurrentEdit()
    before = audit.snapshot(group, PROFILE_FIELDS)
    for field in PROFILE_FIELDS:
        if field in data and field != "themes":
            setattr(group, field, data[field])
    group.full_clean(exclude=["themes", "call", "lead", "created_by"])
    group.version = F("version") + 1
    group.save()
    group.refresh_from_db(fields=["version"])
    if "themes" in data:
        group.themes.set(data["themes"])
    changes = audit.changes_between(before, audit.snapshot(group, PROFILE_FIELDS))
    if changes:
        audit.record(
            actor=actor,
            action="actor_group.profile_updated",
            obj=group,
            programme=group.call.programme,
            organisation=group.lead,
            changes=changes,
        )
    return group


def _store_file(expression, question_id: int, upload, actor, changes: dict) -> None:
    current = AnswerFile.objects.filter(expression=expression, question_id=question_id).first()
    old_name = current.original_name if current else None
    old_path = current.file.name if current else None
    answer_file = current or AnswerFile(expression=expression, question_id=question_id)
    answer_file.original_name = upload.name[:200]
    answer_file.size = upload.size
    answer_file.uploaded_by = actor
    answer_file.uploaded = timezone.now()
    # Through the storage API, so an object store can replace the file system.
    answer_file.file.save(upload.name, upload, save=False)
    answer_file.save()
    if old_path and old_path != answer_file.file.name:
        storage = answer_file.file.storage
        transaction.on_commit(lambda: storage.delete(old_path))
    changes[f"file {question_id}"] = {"old": old_name, "new": answer_file.original_name}


@transaction.atomic
def save_draft_answers(
    *,
    actor,
    expression: ExpressionOfInterest,
    answers: dict[str, Any],
    files: dict[int, Any] | None = None,
    expected_version: int,
) -> ExpressionOfInterest:
    """Store the answers (keyed by question id) and new files (replacing the earlier file of that
    question), unless someone saved since ``expected_version`` was read.

    A draft may be incomplete. A submitted expression stays submitted, so its answers must stay
    complete: a change that would leave a required answer empty or invalid is refused.
    Saving what is already stored changes nothing and records nothing.
    """
    current = _lock(expression)
    if current.version != expected_version:
        raise ConcurrentEdit()
    _ensure_editable(current)
    # Only answers to this call's questions are kept.
    question_ids = set(current.group.call.questions.values_list("pk", flat=True))
    answers = {
        key: value for key, value in answers.items() if key.isdigit() and int(key) in question_ids
    }
    files = {pk: upload for pk, upload in (files or {}).items() if pk in question_ids}
    if current.status == ExpressionOfInterest.Status.SUBMITTED:
        present = set(current.files.values_list("question_id", flat=True)) | set(files)
        form = stored_answers_form(current, answers=answers, files_present=present, require=True)
        if not form.is_valid():
            raise ValidationError(form.errors.as_data())
    before = dict(current.answers)
    changes = {
        f"answer {key}": change
        for key, change in audit.changes_between(before, dict(answers)).items()
    }
    for question_id, upload in files.items():
        _store_file(current, question_id, upload, actor, changes)
    if not changes:
        return current
    current.answers = dict(answers)
    current.version = F("version") + 1
    current.save(update_fields=["answers", "version", "updated"])
    current.refresh_from_db(fields=["version", "updated"])
    draft = current.status == ExpressionOfInterest.Status.DRAFT
    audit.record(
        actor=actor,
        action="expression.draft_saved" if draft else "expression.changed",
        obj=current,
        programme=current.group.call.programme,
        organisation=current.group.lead,
        changes=changes,
    )
    return current


@transaction.atomic
def invite_partner(
    *, actor, group: ActorGroup, organisation: Organisation, email: str
) -> GroupMember:
    """Invite ``organisation`` into the group and e-mail ``email`` a link to answer. Returns the
    member row; the raw link exists only in the e-mail."""
    group = (
        ActorGroup.objects.select_for_update()
        .select_related("call__programme", "lead")
        .get(pk=group.pk)
    )
    _ensure_lead(actor, group)
    _ensure_editable(group.expression)
    email = email.strip().lower()
    if organisation.country != group.country:
        raise ValidationError(
            _("Partners come from the group's country, %(country)s.")
            % {"country": group.country_name},
            code="other_country",
        )
    problems = eligibility_problems(group.call, organisation, lead=False)
    if problems:
        raise ValidationError(problems)
    member = (
        GroupMember.objects.select_for_update()
        .filter(group=group, organisation=organisation)
        .first()
    )
    if member is not None and member.status != GroupMember.Status.DECLINED:
        raise ValidationError(
            _("%(name)s is already in this group.") % {"name": organisation.name},
            code="already_in_group",
        )
    elsewhere = group_of_organisation(group.call, organisation)
    if elsewhere is not None and elsewhere.group_id != group.pk:
        raise ValidationError(
            _("%(name)s already takes part in another group for this call.")
            % {"name": organisation.name},
            code="already_in_a_group",
        )
    previous = member.status if member else None
    raw = secrets.token_urlsafe(32)
    member = member or GroupMember(group=group, organisation=organisation)
    member.role = GroupMember.Role.PARTNER
    member.status = GroupMember.Status.INVITED
    member.invited_email = email
    member.token_hash = token_hash(raw)
    member.invited_at = timezone.now()
    member.answered_by = None
    member.answered_at = None
    member.save()
    audit.record(
        actor=actor,
        action="actor_group.partner_invited",
        obj=group,
        programme=group.call.programme,
        organisation=organisation,
        changes={
            "partner": {"old": None, "new": organisation.name},
            "status": {"old": previous, "new": member.status},
            "email": {"old": None, "new": email},
        },
    )
    from netzwerkstatt.accounts.models import User

    invitee = User.objects.filter(email__iexact=email).first()
    call = group.call
    queue_email(
        template="calls/email/partner_invitation",
        to=email,
        language=mail_language(invitee, organisation),
        context={
            "call": call,
            "group": group,
            "organisation": organisation,
            "inviter": actor,
            "url": settings.SITE_URL
            + reverse(
                "calls:partner_answer",
                kwargs={"programme": call.programme.slug, "slug": call.slug, "token": raw},
            ),
        },
    )
    return member


@transaction.atomic
def remove_partner(*, actor, member: GroupMember) -> None:
    """Take a partner (invited, confirmed or declined) out of the group; its link stops working."""
    member = (
        GroupMember.objects.select_for_update()
        .select_related("group__call__programme", "group__lead", "organisation")
        .get(pk=member.pk)
    )
    group = member.group
    _ensure_lead(actor, group)
    _ensure_editable(group.expression)
    if member.role == GroupMember.Role.LEAD:
        raise ValidationError(_("The lead organisation cannot leave its own group."))
    audit.record(
        actor=actor,
        action="actor_group.partner_removed",
        obj=group,
        programme=group.call.programme,
        organisation=member.organisation,
        changes={
            "partner": {"old": member.organisation.name, "new": None},
            "status": {"old": member.status, "new": None},
        },
    )
    member.delete()


@transaction.atomic
def answer_partner_invitation(*, actor, member: GroupMember, confirm: bool) -> GroupMember:
    """A member of the invited organisation confirms or declines, while the call is open."""
    member = (
        GroupMember.objects.select_for_update()
        .select_related("group__call__programme", "group__lead", "organisation")
        .get(pk=member.pk)
    )
    group = member.group
    if not is_organisation_member(actor, member.organisation):
        raise PermissionDenied(
            _("Only members of %(name)s may answer this invitation.")
            % {"name": member.organisation.name}
        )
    if member.status != GroupMember.Status.INVITED:
        raise ValidationError(_("This invitation was answered already."), code="answered")
    _ensure_editable(group.expression)
    if confirm:
        elsewhere = group_of_organisation(group.call, member.organisation)
        if elsewhere is not None and elsewhere.group_id != group.pk:
            raise ValidationError(
                _(
                    "%(name)s already takes part in the group %(group)s for this call. An "
                    "organisation joins one group per call."
                )
                % {"name": member.organisation.name, "group": elsewhere.group.name},
                code="already_in_a_group",
            )
    previous = member.status
    member.status = GroupMember.Status.CONFIRMED if confirm else GroupMember.Status.DECLINED
    member.answered_by = actor
    member.answered_at = timezone.now()
    member.save(update_fields=["status", "answered_by", "answered_at"])
    audit.record(
        actor=actor,
        action="actor_group.partner_confirmed" if confirm else "actor_group.partner_declined",
        obj=group,
        programme=group.call.programme,
        organisation=member.organisation,
        changes={
            "partner": {"old": member.organisation.name, "new": member.organisation.name},
            "status": {"old": previous, "new": member.status},
        },
    )
    return member


def submission_errors(expression: ExpressionOfInterest) -> dict[str, list[str]]:
    """What stands between the expression and its submission: answer errors by field name, the
    rest under NON_FIELD_ERRORS. Empty when it can be submitted."""
    group = expression.group
    call = group.call
    errors: dict[str, list[str]] = {}
    form = stored_answers_form(expression, require=True)
    if not form.is_valid():
        errors.update({name: list(messages) for name, messages in form.errors.items()})
    general: list[str] = []
    members = list(group.members.select_related("organisation"))
    if not any(
        m.role == GroupMember.Role.LEAD and m.status == GroupMember.Status.CONFIRMED
        for m in members
    ):
        general.append(_("The group has no confirmed lead organisation."))
    pending = [m.organisation.name for m in members if m.status == GroupMember.Status.INVITED]
    if pending:
        general.append(
            _(
                "Waiting for %(names)s to answer the invitation. Ask them to confirm, or remove "
                "the invitation, before submitting."
            )
            % {"names": ", ".join(pending)}
        )
    if call.eligible_countries and group.country not in call.eligible_countries:
        general.append(
            _("%(country)s is not among the countries of this call (%(countries)s).")
            % {"country": group.country_name, "countries": ", ".join(call.eligible_country_names)}
        )
    for m in members:
        if m.status != GroupMember.Status.CONFIRMED:
            continue
        if m.organisation.country != group.country:
            general.append(
                _("%(name)s is not from %(country)s.")
                % {"name": m.organisation.name, "country": group.country_name}
            )
        for problem in eligibility_problems(
            call, m.organisation, lead=m.role == GroupMember.Role.LEAD
        ):
            if problem not in general and m.organisation.country == group.country:
                general.append(problem)
    if general:
        errors[NON_FIELD_ERRORS] = general
    return errors


@transaction.atomic
def submit_expression(*, actor, expression: ExpressionOfInterest) -> ExpressionOfInterest:
    """Submit a draft while the call is open, once its answers are complete, every invited
    partner has answered and every organisation is eligible. Everyone in the group is told."""
    current = _lock(expression)
    _ensure_lead(actor, current.group)
    _ensure_editable(current)
    if current.status != ExpressionOfInterest.Status.DRAFT:
        raise ValidationError(_("This expression of interest was submitted already."))
    errors = submission_errors(current)
    if errors:
        raise ValidationError(errors)
    previous = current.status
    current.status = ExpressionOfInterest.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.version = F("version") + 1
    current.save(update_fields=["status", "submitted_at", "version", "updated"])
    current.refresh_from_db(fields=["version", "updated"])
    audit.record(
        actor=actor,
        action="expression.submitted",
        obj=current,
        programme=current.group.call.programme,
        organisation=current.group.lead,
        changes={
            "status": {"old": previous, "new": current.status},
            "submitted_at": {"old": None, "new": str(current.submitted_at)},
        },
    )
    _mail_group(current, "calls/email/submitted", actor)
    return current


@transaction.atomic
def withdraw_expression(*, actor, expression: ExpressionOfInterest) -> ExpressionOfInterest:
    """Withdraw a draft or submitted expression while the call is open. This is final."""
    current = _lock(expression)
    _ensure_lead(actor, current.group)
    _ensure_editable(current)
    previous = current.status
    current.status = ExpressionOfInterest.Status.WITHDRAWN
    current.version = F("version") + 1
    current.save(update_fields=["status", "version", "updated"])
    current.refresh_from_db(fields=["version", "updated"])
    audit.record(
        actor=actor,
        action="expression.withdrawn",
        obj=current,
        programme=current.group.call.programme,
        organisation=current.group.lead,
        changes={"status": {"old": previous, "new": current.status}},
    )
    _mail_group(current, "calls/email/withdrawn", actor)
    return current
