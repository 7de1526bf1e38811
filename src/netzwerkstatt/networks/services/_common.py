"""Pieces every service of the networks app uses."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit

from ..models import Network


def check_version(current: models.Model, expected_version: int | None) -> None:
    """Refuse a change made to an older version of ``current`` (someone saved in between)."""
    if current.version != expected_version:
        raise ConcurrentEdit()


def record(actor, action: str, obj: models.Model, network: Network, changes: dict) -> None:
    audit.record(actor=actor, action=action, obj=obj, programme=network.programme, changes=changes)


def raise_errors(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)
