"""Adopting a practice: the transfer, its plan of steps and its states.

Rules decided here: only a published practice is adopted; the adopting organisation takes part
in the practice's programme, is not the practice's owner, and the person adopting belongs to it;
one transfer per organisation and practice. ``planned -> in_progress -> completed``, ``planned |
in_progress -> abandoned``; completing needs the outcome. A step's person belongs to the
adopting organisation.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.organisations.models import Membership, Organisation
from netzwerkstatt.practices.models import Practice

from ..models import StepStatus, Transfer, TransferStep
from ..rules import participating_organisation_ids
from ._common import (
    check_version,
    delete_versioned,
    raise_errors,
    save_versioned,
    settle_step_dates,
)

TRANSFER_FIELDS = ("adaptation", "started_on", "outcome", "lessons")
STEP_FIELDS = ("what", "who_person", "who_text", "due_on", "status", "done_on")


def _record(actor, action: str, transfer: Transfer, changes: dict) -> None:
    audit.record(
        actor=actor,
        action=f"outreach.transfer_{action}",
        obj=transfer,
        programme=transfer.practice.programme,
        organisation=transfer.organisation,
        changes=changes,
    )


@transaction.atomic
def start_transfer(
    *, actor, practice: Practice, organisation: Organisation, data: dict[str, Any] | None = None
) -> Transfer:
    """Record that ``organisation`` adopts ``practice``: a planned transfer."""
    data = data or {}
    if practice.status != Practice.Status.PUBLISHED:
        raise_errors({"__all__": [_("Only a published practice can be adopted.")]})
    if organisation.pk == practice.organisation_id:
        raise_errors({"organisation": [_("An organisation does not adopt its own practice.")]})
    if organisation.pk not in participating_organisation_ids(actor, practice.programme):
        raise_errors(
            {
                "organisation": [
                    _("Choose one of your organisations that takes part in the programme.")
                ]
            }
        )
    if Transfer.objects.filter(practice=practice, organisation=organisation).exists():
        raise_errors({"organisation": [_("This organisation has already adopted the practice.")]})
    transfer = Transfer(
        practice=practice,
        organisation=organisation,
        adaptation=data.get("adaptation") or "",
        started_on=data.get("started_on"),
        created_by=actor,
    )
    try:
        with transaction.atomic():
            transfer.save()
    except IntegrityError:
        # Two people of the organisation adopted at the same moment.
        raise_errors({"organisation": [_("This organisation has already adopted the practice.")]})
    _record(actor, "started", transfer, audit.snapshot(transfer, ("status", *TRANSFER_FIELDS)))
    return transfer


@transaction.atomic
def update_transfer(
    *, actor, transfer: Transfer, data: dict[str, Any], expected_version: int | None
) -> Transfer:
    """Change the plan's texts (adaptation, start, outcome, lessons), not its state."""

    def validate(current, data):
        if current.status == Transfer.Status.COMPLETED and not (current.outcome or "").strip():
            raise_errors({"outcome": [_("A completed transfer keeps its outcome.")]})

    current = save_versioned(
        actor=actor,
        model=Transfer,
        item=transfer,
        new=lambda: None,
        fields=TRANSFER_FIELDS,
        data=data,
        expected_version=expected_version,
        validate=validate,
        action="outreach.transfer",
        programme=transfer.practice.programme,
        organisation=transfer.organisation,
    )
    current.practice = transfer.practice
    return current


def _transition(
    *, actor, transfer: Transfer, allowed, to: str, expected_version, fields: dict[str, Any]
) -> Transfer:
    current = Transfer.objects.select_for_update().get(pk=transfer.pk)
    check_version(current, expected_version)
    if current.status not in allowed:
        raise_errors({"__all__": [_("The transfer is no longer in a state that allows this.")]})
    before = audit.snapshot(current, ("status", *fields))
    current.status = to
    for name, value in fields.items():
        setattr(current, name, value)
    current.version += 1
    current.save(update_fields=["status", "version", *fields])
    current.practice = transfer.practice
    current.organisation = transfer.organisation
    _record(
        actor,
        to,
        current,
        audit.changes_between(before, audit.snapshot(current, ("status", *fields))),
    )
    return current


@transaction.atomic
def begin_transfer(
    *,
    actor,
    transfer: Transfer,
    expected_version: int | None,
    started_on: datetime.date | None = None,
) -> Transfer:
    """``planned -> in_progress``; the start date is today unless given or already set."""
    return _transition(
        actor=actor,
        transfer=transfer,
        allowed=(Transfer.Status.PLANNED,),
        to=Transfer.Status.IN_PROGRESS,
        expected_version=expected_version,
        fields={"started_on": started_on or transfer.started_on or timezone.localdate()},
    )


@transaction.atomic
def complete_transfer(
    *,
    actor,
    transfer: Transfer,
    expected_version: int | None,
    outcome: str,
    lessons: str = "",
    completed_on: datetime.date | None = None,
) -> Transfer:
    """``planned | in_progress -> completed``, with the outcome (required) and the lessons."""
    if not (outcome or "").strip():
        raise_errors({"outcome": [_("Describe the outcome of the transfer.")]})
    completed_on = completed_on or timezone.localdate()
    if transfer.started_on and completed_on < transfer.started_on:
        raise_errors({"completed_on": [_("The transfer cannot end before it started.")]})
    return _transition(
        actor=actor,
        transfer=transfer,
        allowed=Transfer.OPEN,
        to=Transfer.Status.COMPLETED,
        expected_version=expected_version,
        fields={
            "outcome": outcome.strip(),
            "lessons": (lessons or transfer.lessons).strip(),
            "completed_on": completed_on,
            "started_on": transfer.started_on or completed_on,
        },
    )


@transaction.atomic
def abandon_transfer(
    *, actor, transfer: Transfer, expected_version: int | None, lessons: str = ""
) -> Transfer:
    """``planned | in_progress -> abandoned``; the lessons say why."""
    return _transition(
        actor=actor,
        transfer=transfer,
        allowed=Transfer.OPEN,
        to=Transfer.Status.ABANDONED,
        expected_version=expected_version,
        fields={"lessons": (lessons or transfer.lessons).strip()},
    )


def validate_step(step, data, *, organisation_id: int) -> None:
    errors: dict[str, list[str]] = {}
    if not (step.what or "").strip():
        errors["what"] = [_("Say what is to be done.")]
    if step.status not in StepStatus.values:
        errors["status"] = [_("Choose a status.")]
    if (
        step.who_person_id is not None
        and not Membership.objects.filter(
            user_id=step.who_person_id, organisation_id=organisation_id
        ).exists()
    ):
        errors["who_person"] = [_("Choose a person of the organisation.")]
    raise_errors(errors)
    settle_step_dates(step)


@transaction.atomic
def save_transfer_step(
    *,
    actor,
    transfer: Transfer,
    data: dict[str, Any],
    step: TransferStep | None = None,
    expected_version: int | None = None,
) -> TransferStep:
    """Add a step to the transfer's plan or change one (unless it changed since
    ``expected_version``)."""
    if not transfer.is_open and step is None:
        raise_errors({"__all__": [_("A closed transfer gets no new steps.")]})
    return save_versioned(
        actor=actor,
        model=TransferStep,
        item=step,
        new=lambda: TransferStep(transfer=transfer),
        fields=STEP_FIELDS,
        data=data,
        expected_version=expected_version,
        validate=lambda s, d: validate_step(s, d, organisation_id=transfer.organisation_id),
        action="outreach.transfer_step",
        programme=transfer.practice.programme,
        organisation=transfer.organisation,
    )


@transaction.atomic
def delete_transfer_step(
    *, actor, transfer: Transfer, step: TransferStep, expected_version: int | None
) -> None:
    delete_versioned(
        actor=actor,
        item=step,
        fields=STEP_FIELDS,
        expected_version=expected_version,
        action="outreach.transfer_step",
        programme=transfer.practice.programme,
    )
