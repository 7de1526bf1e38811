"""Pieces every service of the outreach app uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit

from ..models import StepStatus


def check_version(current: models.Model, expected_version: int | None) -> None:
    """Refuse a change made to an older version of ``current`` (someone saved in between)."""
    if current.version != expected_version:
        raise ConcurrentEdit()


def raise_errors(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _related_names(objs: Iterable[models.Model]) -> list[str]:
    return sorted(str(getattr(o, "code", o)) for o in objs)


def save_versioned(
    *,
    actor,
    model: type[models.Model],
    item: models.Model | None,
    new: Callable[[], models.Model],
    fields: tuple[str, ...],
    many: tuple[str, ...] = (),
    data: dict[str, Any],
    expected_version: int | None,
    validate: Callable[[models.Model, dict[str, Any]], None],
    action: str,
    programme,
    organisation=None,
) -> models.Model:
    """Create (``item`` None, made by ``new``) or change an object with a version: lock it, refuse
    an old version, set ``fields`` and the many-to-many ``many`` from ``data``, validate, save
    when something changed and audit-log the changes as ``<action>_added`` / ``_changed``."""
    if item is None:
        current = new()
        before: dict[str, Any] = {}
    else:
        current = model.objects.select_for_update().get(pk=item.pk)
        check_version(current, expected_version)
        before = audit.snapshot(current, (*fields, *many))
    for field in fields:
        if field in data:
            setattr(current, field, data[field])
    validate(current, data)
    after = audit.snapshot(current, fields)
    for name in many:
        after[name] = _related_names(data[name]) if name in data else before.get(name, [])
    changes = audit.changes_between(before, after)
    if item is not None and not changes:
        return current
    if item is not None:
        current.version += 1
    current.save()
    for name in many:
        if name in data:
            getattr(current, name).set(list(data[name]))
    audit.record(
        actor=actor,
        action=f"{action}_added" if item is None else f"{action}_changed",
        obj=current,
        programme=programme,
        organisation=organisation,
        changes=changes,
    )
    return current


def delete_versioned(
    *, actor, item: models.Model, fields, expected_version: int | None, action: str, programme
) -> None:
    current = type(item).objects.select_for_update().get(pk=item.pk)
    check_version(current, expected_version)
    changes = audit.changes_between(audit.snapshot(current, fields), {})
    audit.record(
        actor=actor, action=f"{action}_deleted", obj=current, programme=programme, changes=changes
    )
    current.delete()


def settle_step_dates(step) -> None:
    """A done step remembers when (today unless given); a step not done has no such date."""
    if step.status == StepStatus.DONE:
        step.done_on = step.done_on or timezone.localdate()
    else:
        step.done_on = None
