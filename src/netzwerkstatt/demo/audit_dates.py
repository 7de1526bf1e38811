"""Date the demo's audit log like the story it tells.

Everything in the demo is written "now" through the services and then moved to its real dates
with direct updates (see ``calls``, ``matching``, ``review``, ``meetings`` …). The audit entries
those services wrote would all say "a few minutes ago", and the activity streams, the dashboards'
"last activity" and the audit log would tell a story that happened in one afternoon. So, at the
end of the load, each entry written during it is moved to the date of the thing it is about:
when a post was written, a log entry dated, a document uploaded, an application submitted.
Entries about things without a date of their own (a goal, a work package) take their network's
start; changes to a work package take the time the work in it moved. Entries keep their order
within one object (a second apart), and nothing is moved into the future.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from netzwerkstatt.core.models import AuditEntry

NOON = datetime.time(11, 0)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, NOON))


def _network_start(obj) -> datetime.datetime | None:
    network = getattr(obj, "network", None)
    return network.created + datetime.timedelta(days=21) if network is not None else None


def _work_package(obj, action: str) -> datetime.datetime | None:
    if action.endswith("_changed"):
        moved = obj.ends_on if obj.status == "done" else obj.starts_on
        return _at(moved)
    return _network_start(obj)


def _milestone(obj, action: str) -> datetime.datetime | None:
    if action.endswith("_changed") and obj.done_on:
        return _at(obj.done_on)
    return _network_start(obj)


def _first_of(*names):
    def date_of(obj, action: str) -> datetime.datetime | None:
        for name in names:
            value = getattr(obj, name, None)
            if isinstance(value, datetime.datetime):
                return value
            if isinstance(value, datetime.date):
                return _at(value)
        return None

    return date_of


# What dates an entry, per kind of object; any other kind takes the first of GENERIC it has.
RULES = {
    "networks.goal": lambda obj, action: _network_start(obj),
    "networks.workpackage": _work_package,
    "networks.milestone": _milestone,
    "networks.logentry": _first_of("date"),
    "networks.step": lambda obj, action: obj.project.created,
    "networks.document": lambda obj, action: (
        obj.current_version.uploaded if obj.current_version_id else obj.created
    ),
    "matching.proposedpair": lambda obj, action: max(
        (t for t in (obj.left_answered_at, obj.right_answered_at) if t is not None), default=None
    ),
    "events.event": lambda obj, action: (
        obj.minutes_updated_at
        if action.startswith("event.minutes") or action.startswith("event.decision")
        else obj.invitations_sent_at or obj.created
    ),
}
GENERIC = _first_of("submitted_at", "created", "uploaded", "assigned_at", "declared", "date")
RELATED = {
    "networks.goal": ("network",),
    "networks.workpackage": ("network",),
    "networks.milestone": ("network",),
    "networks.step": ("project",),
    "networks.document": ("current_version",),
}


def move_audit_entries(since: datetime.datetime) -> int:
    """Move the entries written since ``since`` to their story's dates; returns how many moved."""
    now = timezone.now()
    entries = list(
        AuditEntry.objects.filter(created__gte=since, content_type__isnull=False)
        .select_related("content_type")
        .order_by("pk")
    )
    by_type: dict[int, list[AuditEntry]] = defaultdict(list)
    for entry in entries:
        by_type[entry.content_type_id].append(entry)
    moved: list[AuditEntry] = []
    for content_type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        label = model._meta.label_lower
        ids = {entry.object_id for entry in group}
        rows = model._default_manager.filter(pk__in=[i for i in ids if i.isdigit()])
        if label in RELATED:
            rows = rows.select_related(*RELATED[label])
        objects = rows.in_bulk()
        date_of = RULES.get(label, GENERIC)
        seen: dict[str, int] = defaultdict(int)
        for entry in group:
            obj = objects.get(int(entry.object_id)) if entry.object_id.isdigit() else None
            if obj is None:
                continue
            moment = date_of(obj, entry.action)
            if moment is None or moment >= now:
                continue
            # Several entries about one object keep their order, a second apart.
            entry.created = moment + datetime.timedelta(seconds=seen[entry.object_id])
            seen[entry.object_id] += 1
            moved.append(entry)
    AuditEntry.objects.bulk_update(moved, ["created"], batch_size=500)
    return len(moved)
