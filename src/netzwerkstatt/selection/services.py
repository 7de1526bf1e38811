"""Joint applications: the coordinators set the deadline; a consortium starts its application,
writes its parts, keeps the work programme, the partners' roles and attachments, and submits.

One function per transition. Each runs in one transaction, locks the application row, checks the
version of the part it changes (``ConcurrentEdit`` when a colleague saved that part since the form
was opened; nothing is written), raises that part's version only, writes the audit log with the
previous values and queues its e-mail after commit.

Rules decided here:

- Members of every confirmed organisation of both groups write the application, while it is a
  draft and the deadline (if set) has not passed.
- Activities are owned by an organisation of the consortium and run from a start month to an end
  month within 1..36.
- Submission needs a deadline set by the coordinators and still ahead, a summary, objectives, at
  least one activity and a role for every organisation of the consortium. Everyone in both groups
  is told, in their language.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netzwerkstatt.calls import queries as call_queries
from netzwerkstatt.calls.models import Call, GroupMember
from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.core.uploads import check_document
from netzwerkstatt.matching.models import Consortium
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions

from .models import MAX_MONTHS, Activity, Application, ApplicationRound, Attachment, PartnerRole

ATTACHMENT_TYPES = ["pdf", "docx", "xlsx"]
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ACTIVITY_FIELDS = ("title", "description", "owner", "start_month", "end_month", "outputs")


# Reading helpers ------------------------------------------------------------------------------


def consortium_organisations(consortium: Consortium) -> list[Organisation]:
    """The confirmed organisations of both groups: the left group's first, each lead first."""
    members = (
        GroupMember.objects.filter(
            group__in=[consortium.left_id, consortium.right_id],
            status=GroupMember.Status.CONFIRMED,
        )
        .select_related("organisation")
        .order_by("role", "organisation__name")
    )
    by_group: dict[int, list[Organisation]] = {consortium.left_id: [], consortium.right_id: []}
    for member in members:
        by_group[member.group_id].append(member.organisation)
    return by_group[consortium.left_id] + by_group[consortium.right_id]


def deadline_of(call: Call) -> datetime.datetime | None:
    round_ = ApplicationRound.objects.filter(call=call).first()
    return round_.deadline if round_ else None


def _date(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def why_locked(application: Application, deadline: datetime.datetime | None) -> str:
    """Why the application cannot change any more; empty while it can."""
    if application.status not in Application.EDITABLE:
        return _("This application was submitted (%(status)s). It can no longer be changed.") % {
            "status": application.get_status_display()
        }
    if deadline is not None and timezone.now() >= deadline:
        return _("The deadline passed on %(date)s: the application can no longer be changed.") % {
            "date": _date(deadline)
        }
    return ""


def submission_problems(
    application: Application,
    organisations: list[Organisation],
    deadline,
    *,
    has_activities: bool,
    roles: dict[int, str],
) -> list[str]:
    """What stands between the application and its submission; empty when it can be sent."""
    problems = []
    if deadline is None:
        problems.append(_("The coordinators have not set a deadline for joint applications yet."))
    if not application.title.strip():
        problems.append(_("Give the project a title."))
    if not application.summary.strip():
        problems.append(_("Write the summary."))
    if not application.objectives.strip():
        problems.append(_("Write the objectives."))
    if not has_activities:
        problems.append(_("Add at least one activity to the work programme."))
    missing = [o.name for o in organisations if not roles.get(o.pk, "").strip()]
    if missing:
        problems.append(_("Describe the role of %(names)s.") % {"names": ", ".join(missing)})
    return problems


# Internals ------------------------------------------------------------------------------------


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("call__programme", "consortium__left", "consortium__right")
        .get(pk=application.pk)
    )


def _check(current: Application, part: str | None, expected_version: int | None) -> None:
    reason = why_locked(current, deadline_of(current.call))
    if reason:
        raise ValidationError(reason, code="locked")
    if part is not None and current.version_of(part) != expected_version:
        raise ConcurrentEdit()


def _raise_version(current: Application, part: str) -> None:
    current.versions = {**current.versions, part: current.version_of(part) + 1}
    current.save(update_fields=["versions", "updated"])


def _record(actor, action: str, current: Application, changes: dict, obj=None) -> None:
    audit.record(
        actor=actor,
        action=action,
        obj=obj or current,
        programme=current.call.programme,
        changes=changes,
    )


# Transitions ----------------------------------------------------------------------------------


@transaction.atomic
def set_deadline(*, actor, call: Call, deadline: datetime.datetime) -> ApplicationRound:
    """The coordinators set or move the deadline for the call's joint applications."""
    round_ = ApplicationRound.objects.select_for_update().filter(call=call).first()
    previous = round_.deadline if round_ else None
    if round_ is None:
        round_ = ApplicationRound(call=call)
    round_.deadline = deadline
    round_.save()
    if previous != deadline:
        audit.record(
            actor=actor,
            action="selection.deadline_set",
            obj=round_,
            programme=call.programme,
            changes={
                "deadline": {"old": str(previous) if previous else None, "new": str(deadline)}
            },
        )
    return round_


@transaction.atomic
def start_application(*, actor, consortium: Consortium) -> Application:
    """The consortium's application, started on first use: a draft titled after both groups,
    focused on the themes they share. Starting again returns the same application."""
    # Lock the consortium so two partners starting at the same moment make one application.
    consortium = (
        Consortium.objects.select_for_update()
        .select_related("call__programme", "left", "right")
        .get(pk=consortium.pk)
    )
    existing = Application.objects.filter(consortium=consortium).first()
    if existing is not None:
        return existing
    application = Application.objects.create(
        consortium=consortium,
        call=consortium.call,
        title=f"{consortium.left.name} – {consortium.right.name}"[:200],
    )
    shared = set(consortium.left.themes.values_list("pk", flat=True)) & set(
        consortium.right.themes.values_list("pk", flat=True)
    )
    application.themes.set(shared)
    _record(
        actor,
        "application.started",
        application,
        {
            **audit.changes_between({}, audit.snapshot(application, ("title", "themes"))),
            "status": {"old": None, "new": application.status},
        },
    )
    return application


@transaction.atomic
def save_part(
    *, actor, application: Application, part: str, data: dict[str, Any], expected_version: int
) -> Application:
    """Save one text part (``summary``: title and summary, ``objectives``, ``focus``: themes),
    unless a colleague saved the same part since ``expected_version``."""
    if part not in Application.PART_FIELDS:
        raise ValueError(part)
    current = _lock(application)
    _check(current, part, expected_version)
    fields = Application.PART_FIELDS[part]
    before = audit.snapshot(current, fields)
    for field in fields:
        if field in data and field != "themes":
            setattr(current, field, data[field])
    current.full_clean(exclude=["themes", "consortium", "call", "submitted_by"])
    if "themes" in fields and "themes" in data:
        current.themes.set(data["themes"])
    changes = audit.changes_between(before, audit.snapshot(current, fields))
    if not changes:
        return current
    current.versions = {**current.versions, part: current.version_of(part) + 1}
    current.save(update_fields=[*(f for f in fields if f != "themes"), "versions", "updated"])
    _record(actor, f"application.{part}_saved", current, changes)
    return current


def _validate_activity(activity: Activity, organisations: list[Organisation]) -> None:
    errors: dict[str, list[str]] = {}
    if activity.owner_id not in {o.pk for o in organisations}:
        errors["owner"] = [_("Choose an organisation of the consortium.")]
    for field in ("start_month", "end_month"):
        value = getattr(activity, field)
        if value is None or not 1 <= value <= MAX_MONTHS:
            errors[field] = [
                _("Give a month from 1 to %(max)s.") % {"max": MAX_MONTHS},
            ]
    if (
        not errors.keys() & {"start_month", "end_month"}
        and activity.end_month < activity.start_month
    ):
        errors["end_month"] = [_("The activity cannot end before it starts.")]
    if not (activity.title or "").strip():
        errors["title"] = [_("Name the activity.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_activity(
    *,
    actor,
    application: Application,
    data: dict[str, Any],
    expected_version: int,
    activity: Activity | None = None,
) -> Activity:
    """Add an activity to the work programme (at the end) or change one, unless the work
    programme changed since ``expected_version``."""
    current = _lock(application)
    _check(current, "work", expected_version)
    if activity is None:
        last = current.activities.order_by("-position").first()
        activity = Activity(application=current, position=(last.position + 1) if last else 0)
        before: dict[str, Any] = {}
    else:
        activity = current.activities.select_for_update().get(pk=activity.pk)
        before = audit.snapshot(activity, ACTIVITY_FIELDS)
    for field in ACTIVITY_FIELDS:
        if field in data:
            setattr(activity, field, data[field])
    _validate_activity(activity, consortium_organisations(current.consortium))
    activity.save()
    changes = audit.changes_between(before, audit.snapshot(activity, ACTIVITY_FIELDS))
    if changes:
        _raise_version(current, "work")
        _record(
            actor,
            "application.activity_added" if not before else "application.activity_changed",
            current,
            changes,
        )
    return activity


@transaction.atomic
def delete_activity(
    *, actor, application: Application, activity: Activity, expected_version: int
) -> None:
    current = _lock(application)
    _check(current, "work", expected_version)
    activity = current.activities.get(pk=activity.pk)
    changes = audit.changes_between(audit.snapshot(activity, ACTIVITY_FIELDS), {})
    activity.delete()
    _raise_version(current, "work")
    _record(actor, "application.activity_deleted", current, changes)


@transaction.atomic
def move_activity(
    *, actor, application: Application, activity: Activity, up: bool, expected_version: int
) -> None:
    """Swap the activity with its neighbour above (``up``) or below; at either end nothing
    changes."""
    current = _lock(application)
    _check(current, "work", expected_version)
    order = list(current.activities.order_by("position", "id"))
    index = next(i for i, a in enumerate(order) if a.pk == activity.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(order):
        return
    before = [a.title for a in order]
    order[index], order[other] = order[other], order[index]
    for position, item in enumerate(order):
        item.position = position
    Activity.objects.bulk_update(order, ["position"])
    _raise_version(current, "work")
    _record(
        actor,
        "application.activity_moved",
        current,
        {"order": {"old": before, "new": [a.title for a in order]}},
    )


@transaction.atomic
def save_roles(
    *, actor, application: Application, roles: dict[int, str], expected_version: int
) -> Application:
    """Store each organisation's role (by organisation id); an empty text removes it. Only
    organisations of the consortium are kept."""
    current = _lock(application)
    _check(current, "roles", expected_version)
    names = {o.pk: o.name for o in consortium_organisations(current.consortium)}
    stored = {r.organisation_id: r for r in current.roles.all()}
    before = {names.get(pk, str(pk)): r.role for pk, r in stored.items()}
    for pk in names:
        text = (roles.get(pk) or "").strip()
        row = stored.get(pk)
        if text and row is None:
            PartnerRole.objects.create(application=current, organisation_id=pk, role=text)
        elif text and row.role != text:
            row.role = text
            row.save(update_fields=["role"])
        elif not text and row is not None:
            row.delete()
    after = {
        names[pk]: (roles.get(pk) or "").strip() for pk in names if (roles.get(pk) or "").strip()
    }
    changes = audit.changes_between(before, after)
    if changes:
        _raise_version(current, "roles")
        _record(actor, "application.roles_saved", current, changes)
    return current


@transaction.atomic
def add_attachment(*, actor, application: Application, upload) -> Attachment:
    """Store a PDF, DOCX or XLSX document of at most 10 MB, checked by its content."""
    current = _lock(application)
    _check(current, None, None)
    check_document(upload, allowed_types=ATTACHMENT_TYPES, max_bytes=ATTACHMENT_MAX_BYTES)
    attachment = Attachment(
        application=current,
        original_name=upload.name[:200],
        size=upload.size,
        uploaded_by=actor,
    )
    # Through the storage API, so an object store can replace the file system.
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    _record(
        actor,
        "application.attachment_added",
        current,
        {"attachment": {"old": None, "new": attachment.original_name}},
    )
    return attachment


@transaction.atomic
def remove_attachment(*, actor, application: Application, attachment: Attachment) -> None:
    current = _lock(application)
    _check(current, None, None)
    attachment = current.attachments.get(pk=attachment.pk)
    path, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(path))
    _record(
        actor,
        "application.attachment_removed",
        current,
        {"attachment": {"old": attachment.original_name, "new": None}},
    )


@transaction.atomic
def submit_application(*, actor, application: Application) -> Application:
    """Submit the draft before the deadline once every required part is complete. Everyone in
    both groups is told in their language."""
    current = _lock(application)
    _check(current, None, None)
    organisations = consortium_organisations(current.consortium)
    problems = submission_problems(
        current,
        organisations,
        deadline_of(current.call),
        has_activities=current.activities.exists(),
        roles=dict(current.roles.values_list("organisation_id", "role")),
    )
    if problems:
        raise ValidationError(problems, code="incomplete")
    previous = current.status
    current.status = Application.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.submitted_by = actor
    current.save(update_fields=["status", "submitted_at", "submitted_by", "updated"])
    _record(
        actor,
        "application.submitted",
        current,
        {
            "status": {"old": previous, "new": current.status},
            "submitted_at": {"old": None, "new": str(current.submitted_at)},
        },
    )
    _mail_consortium(current, actor)
    return current


def workspace_url(application_or_consortium) -> str:
    consortium = getattr(application_or_consortium, "consortium", application_or_consortium)
    call = consortium.call
    return reverse(
        "selection:workspace",
        kwargs={
            "programme": call.programme.slug,
            "call": call.slug,
            "consortium_id": consortium.pk,
        },
    )


def _mail_consortium(application: Application, actor) -> None:
    consortium = application.consortium
    groups = {consortium.left_id: consortium.left, consortium.right_id: consortium.right}
    url = settings.SITE_URL + workspace_url(application)
    seen: set[int] = set()
    for group_id, people in call_queries.recipients(groups).items():
        for person in people:
            if person.pk in seen:
                continue
            seen.add(person.pk)
            queue_email(
                template="selection/email/submitted",
                to=person.email,
                language=person.language or regions.interface_language(groups[group_id].country),
                context={
                    "application": application,
                    "call": application.call,
                    "consortium": consortium,
                    "actor": actor,
                    "person": person,
                    "url": url,
                },
            )
