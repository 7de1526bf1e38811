"""The audit log's one writer. Every service that changes state calls ``record``."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


def _plain(value: Any) -> Any:
    """Turn a field value into something JSON can hold and a person can read."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.date | datetime.datetime | decimal.Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if isinstance(value, list | tuple | set):
        return (
            sorted(_plain(v) for v in value)
            if isinstance(value, set)
            else [_plain(v) for v in value]
        )
    if hasattr(value, "data") and value.__class__.__name__ == "LazyI18nString":
        return value.data
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of ``fields`` on ``obj``; many-to-many fields become sorted name lists."""
    result: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            # Vocabulary entries are recorded by their code, which does not change with the
            # language of the person making the change.
            related = getattr(obj, name).all() if obj.pk else []
            result[name] = sorted(str(getattr(o, "code", o)) for o in related)
        else:
            result[name] = _plain(getattr(obj, name))
    return result


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Fields whose value differs, as ``{field: {"old": ..., "new": ...}}``. A field missing on
    one side counts as None, so a deletion (``after`` empty) records every old value."""
    keys = [*after, *(key for key in before if key not in after)]
    return {
        key: {"old": before.get(key), "new": after.get(key)}
        for key in keys
        if before.get(key) != after.get(key)
    }


def record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    programme=None,
    organisation=None,
) -> AuditEntry:
    """Write one audit entry. ``actor`` may be None for the system itself."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        programme=programme,
        organisation=organisation,
        changes=changes or {},
    )
