"""Queue an e-mail rendered from templates, in the recipient's language, after the transaction
commits (so a rolled-back change never sends mail)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def queue_email(
    *, template: str, to: str, context: dict[str, Any], language: str | None = None
) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_message.txt`` and queue the message."""
    with translation.override(language or translation.get_language()):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context)
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[to]))
