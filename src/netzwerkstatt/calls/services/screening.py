"""Screening expressions of interest against a call's checklist.

A coordinator ticks the criteria, writes notes and decides eligible or not eligible (with a
reason). The decision is held on the expression (``screening_decision``) and changes nothing the
group sees until ``release_decisions`` turns every held decision of the call into the
expression's status and writes to the groups, each person in their own language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.mail import queue_email
from netzwerkstatt.vocabularies import regions

from .. import queries
from ..models import Call, ExpressionOfInterest

Decision = ExpressionOfInterest.Decision
Status = ExpressionOfInterest.Status

SCREENING_FIELDS = ("screening_checks", "screening_notes", "screening_decision", "screening_reason")
DECISION_FIELDS = ("screening_decision", "screening_reason")
# The language a group's people are written to when they have not chosen one.


def _check_decision(decision: str, reason: str) -> None:
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose eligible or not eligible.")}, code="invalid")
    if decision == Decision.INELIGIBLE and not reason.strip():
        raise ValidationError(
            {"reason": _("Tell the group why it is not eligible: the reason is sent to them.")},
            code="reason_required",
        )


def _lock(expression_ids: Iterable[int]):
    # of=("self",): lock the expressions only, not the groups and calls joined in for the log.
    return (
        ExpressionOfInterest.objects.select_for_update(of=("self",))
        .select_related("group__call__programme")
        .filter(pk__in=list(expression_ids))
        .order_by("pk")
    )


def _ensure_screenable(expression: ExpressionOfInterest) -> None:
    if expression.status not in ExpressionOfInterest.SCREENABLE:
        raise ValidationError(
            _("Only submitted expressions of interest can be screened; this one is “%(status)s”.")
            % {"status": expression.get_status_display()},
            code="not_screenable",
        )


@transaction.atomic
def record_screening(
    *,
    actor,
    expression: ExpressionOfInterest,
    checks: Iterable[int | str],
    notes: str,
    decision: str,
    reason: str,
    expected_version: int,
    expected_screening_version: int,
) -> ExpressionOfInterest:
    """Save the checklist (``checks``: the ids of the ticked criteria), the notes and a held
    decision, unless the group changed its answers (``expected_version``) or another coordinator
    screened it (``expected_screening_version``) since the form was opened."""
    current = _lock([expression.pk]).get()
    _ensure_screenable(current)
    if (current.version, current.screening_version) != (
        expected_version,
        expected_screening_version,
    ):
        raise ConcurrentEdit()
    _check_decision(decision, reason)
    call = current.group.call
    ticked = {str(c) for c in checks}
    criteria = call.screening_criteria.values_list("pk", flat=True)
    before = audit.snapshot(current, SCREENING_FIELDS)
    current.screening_checks = {str(pk): str(pk) in ticked for pk in criteria}
    current.screening_notes = notes.strip()
    current.screening_decision = decision
    current.screening_reason = reason.strip()
    current.screened_by = actor
    current.screening_version = F("screening_version") + 1
    current.save(update_fields=[*SCREENING_FIELDS, "screened_by", "screening_version", "updated"])
    current.refresh_from_db(fields=["screening_version"])
    changes = audit.changes_between(before, audit.snapshot(current, SCREENING_FIELDS))
    if changes:
        audit.record(
            actor=actor,
            action="expression.screened",
            obj=current,
            programme=call.programme,
            changes=changes,
        )
    return current


@dataclass(frozen=True)
class Decided:
    decided: list[ExpressionOfInterest]
    skipped: int  # not submitted (any more): their decision was sent, or they were withdrawn


@transaction.atomic
def decide_many(
    *, actor, expressions: Iterable[ExpressionOfInterest], decision: str, reason: str
) -> Decided:
    """Give many expressions the same held decision and reason (an empty ``decision`` takes a
    held decision back). Expressions that are no longer submitted are skipped, not refused, so
    one released decision among fifty does not block the other forty-nine."""
    _check_decision(decision, reason)
    ids = {e.pk for e in expressions}
    decided = []
    for current in _lock(ids):
        if current.status not in ExpressionOfInterest.SCREENABLE:
            continue
        before = audit.snapshot(current, DECISION_FIELDS)
        current.screening_decision = decision
        current.screening_reason = reason.strip()
        current.screened_by = actor
        current.screening_version = F("screening_version") + 1
        current.save(
            update_fields=[*DECISION_FIELDS, "screened_by", "screening_version", "updated"]
        )
        current.refresh_from_db(fields=["screening_version"])
        changes = audit.changes_between(before, audit.snapshot(current, DECISION_FIELDS))
        if changes:
            audit.record(
                actor=actor,
                action="expression.decided",
                obj=current,
                programme=current.group.call.programme,
                changes=changes,
            )
        decided.append(current)
    return Decided(decided=decided, skipped=len(ids) - len(decided))


def language_for(person, country: str) -> str:
    """The person's own language, or else the usual language of the group's country."""
    return person.language or regions.interface_language(country)


@dataclass(frozen=True)
class Released:
    expressions: list[ExpressionOfInterest]
    emails: int


@transaction.atomic
def release_decisions(*, actor, call: Call) -> Released:
    """Send every held decision of ``call``: each submitted expression with a decision becomes
    eligible or not eligible, and every person of the group's confirmed organisations gets one
    e-mail in their language. Expressions without a decision stay as they are; running this
    again sends nothing new."""
    now = timezone.now()
    held = list(_lock(queries.held_decisions(call).values_list("pk", flat=True)))
    for expression in held:
        # Checked again under the lock: another release may have sent it meanwhile.
        if expression.status != Status.SUBMITTED or not expression.screening_decision:
            continue
        before = audit.snapshot(expression, ("status", "decision_released_at"))
        expression.status = expression.screening_decision
        expression.decision_released_at = now
        expression.screening_version = F("screening_version") + 1
        expression.save(
            update_fields=["status", "decision_released_at", "screening_version", "updated"]
        )
        expression.refresh_from_db(fields=["screening_version"])
        audit.record(
            actor=actor,
            action="expression.decision_released",
            obj=expression,
            programme=call.programme,
            changes=audit.changes_between(
                before, audit.snapshot(expression, ("status", "decision_released_at"))
            ),
        )
    released = [e for e in held if e.decision_released_at == now]
    people = queries.recipients(e.group_id for e in released)
    emails = 0
    for expression in released:
        group = expression.group
        for person in people.get(group.pk, []):
            queue_email(
                template="calls/email/decision",
                to=person.email,
                language=language_for(person, group.country),
                context={
                    "person": person,
                    "expression": expression,
                    "group": group,
                    "call": call,
                    "programme": call.programme,
                    "eligible": expression.status == Status.ELIGIBLE,
                    # Lazy, so it is translated into the recipient's language, not ours.
                    "decision": Decision(expression.status).label,
                    "reason": expression.screening_reason,
                    "released_at": now,
                    "site_url": settings.SITE_URL,
                },
            )
            emails += 1
    if released:
        audit.record(
            actor=actor,
            action="call.decisions_released",
            obj=call,
            programme=call.programme,
            changes={
                "decisions": {"old": None, "new": len(released)},
                "emails": {"old": None, "new": emails},
            },
        )
    return Released(expressions=released, emails=emails)
