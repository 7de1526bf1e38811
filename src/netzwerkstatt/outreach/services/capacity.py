"""Capacity-building plans of a network's partner organisations.

Rules decided here: a plan belongs to an organisation that is a member of the network, and so
does every step added or changed (a plan of an organisation that left the network is kept but
no longer changes); a plan ends on or after its start; a step's person belongs to the
organisation; linked practices and events are of the network's programme.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.networks.models import Network
from netzwerkstatt.organisations.models import Organisation

from ..models import CapacityPlan, CapacityStep
from ._common import delete_versioned, raise_errors, save_versioned
from .transfers import validate_step

PLAN_FIELDS = ("title", "starts_on", "ends_on", "goal")
STEP_FIELDS = ("what", "who_person", "who_text", "due_on", "status", "done_on")
STEP_LINKS = ("practices", "events")


def _require_member(network: Network, organisation_id: int) -> None:
    if not network.members.filter(organisation_id=organisation_id).exists():
        raise_errors({"organisation": [_("Only a member organisation of the network plans here.")]})


def _validate_plan(plan: CapacityPlan, data) -> None:
    errors: dict[str, list[str]] = {}
    if not (plan.title or "").strip():
        errors["title"] = [_("Give the plan a title.")]
    if plan.starts_on and plan.ends_on and plan.ends_on < plan.starts_on:
        errors["ends_on"] = [_("The plan cannot end before it starts.")]
    raise_errors(errors)


@transaction.atomic
def create_capacity_plan(
    *, actor, network: Network, organisation: Organisation, data: dict[str, Any]
) -> CapacityPlan:
    """A new plan of a member organisation of ``network``."""
    _require_member(network, organisation.pk)
    return save_versioned(
        actor=actor,
        model=CapacityPlan,
        item=None,
        new=lambda: CapacityPlan(network=network, organisation=organisation, created_by=actor),
        fields=PLAN_FIELDS,
        data=data,
        expected_version=None,
        validate=_validate_plan,
        action="outreach.capacity_plan",
        programme=network.programme,
        organisation=organisation,
    )


@transaction.atomic
def update_capacity_plan(
    *, actor, plan: CapacityPlan, data: dict[str, Any], expected_version: int | None
) -> CapacityPlan:
    _require_member(plan.network, plan.organisation_id)
    current = save_versioned(
        actor=actor,
        model=CapacityPlan,
        item=plan,
        new=lambda: None,
        fields=PLAN_FIELDS,
        data=data,
        expected_version=expected_version,
        validate=_validate_plan,
        action="outreach.capacity_plan",
        programme=plan.network.programme,
        organisation=plan.organisation,
    )
    current.network = plan.network
    return current


def _validate_step(plan: CapacityPlan, step: CapacityStep, data) -> None:
    errors: dict[str, list[str]] = {}
    programme_id = plan.network.programme_id
    if any(p.programme_id != programme_id for p in data.get("practices") or []):
        errors["practices"] = [_("Choose practices of this programme.")]
    if any(e.programme_id != programme_id for e in data.get("events") or []):
        errors["events"] = [_("Choose events of this programme.")]
    raise_errors(errors)
    validate_step(step, data, organisation_id=plan.organisation_id)


@transaction.atomic
def save_capacity_step(
    *,
    actor,
    plan: CapacityPlan,
    data: dict[str, Any],
    step: CapacityStep | None = None,
    expected_version: int | None = None,
) -> CapacityStep:
    """Add a step to a plan or change one; only while the organisation is a network member."""
    _require_member(plan.network, plan.organisation_id)
    return save_versioned(
        actor=actor,
        model=CapacityStep,
        item=step,
        new=lambda: CapacityStep(plan=plan),
        fields=STEP_FIELDS,
        many=STEP_LINKS,
        data=data,
        expected_version=expected_version,
        validate=lambda s, d: _validate_step(plan, s, d),
        action="outreach.capacity_step",
        programme=plan.network.programme,
        organisation=plan.organisation,
    )


@transaction.atomic
def delete_capacity_step(
    *, actor, plan: CapacityPlan, step: CapacityStep, expected_version: int | None
) -> None:
    delete_versioned(
        actor=actor,
        item=step,
        fields=(*STEP_FIELDS, *STEP_LINKS),
        expected_version=expected_version,
        action="outreach.capacity_step",
        programme=plan.network.programme,
    )
