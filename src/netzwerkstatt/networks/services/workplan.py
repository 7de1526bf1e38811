"""The work programme: goals, work packages and milestones.

Each item carries its own version, so two people changing different items never conflict, while
two changing the same item are told instead of overwriting each other (``ConcurrentEdit``;
nothing is written). Every change is audit-logged on the item, which is its history.

Rules decided here: a work package's responsible organisation is a member of the network; it
ends on or after its start; progress is 0..100 per cent. Goals belong to the same network.
Deleting a goal keeps its work packages and milestones, without a goal.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit

from ..models import Goal, Milestone, Network, WorkPackage
from ._common import check_version, raise_errors, record

GOAL_FIELDS = ("title", "description")
WORK_PACKAGE_FIELDS = (
    "goal", "title", "description", "owner", "starts_on", "ends_on", "status", "progress",
)  # fmt: skip
MILESTONE_FIELDS = ("goal", "title", "kind", "due_on", "done_on")

ACTION_NAMES = {Goal: "goal", WorkPackage: "work_package", Milestone: "milestone"}


def _validate_goal(goal: Goal) -> None:
    if not (goal.title or "").strip():
        raise_errors({"title": [_("Name the goal.")]})


def _goal_errors(item, network: Network) -> dict[str, list[str]]:
    if item.goal_id is not None and item.goal.network_id != network.pk:
        return {"goal": [_("Choose a goal of this network.")]}
    return {}


def _validate_work_package(item: WorkPackage, network: Network) -> None:
    errors = _goal_errors(item, network)
    if not (item.title or "").strip():
        errors["title"] = [_("Name the work package.")]
    if item.owner_id is None or not network.members.filter(organisation=item.owner_id).exists():
        errors["owner"] = [_("Choose a member organisation of the network.")]
    if item.starts_on is None:
        errors["starts_on"] = [_("Give the start date.")]
    if item.ends_on is None:
        errors["ends_on"] = [_("Give the end date.")]
    elif item.starts_on is not None and item.ends_on < item.starts_on:
        errors["ends_on"] = [_("The work package cannot end before it starts.")]
    if item.status not in WorkPackage.Status.values:
        errors["status"] = [_("Choose a status.")]
    if item.progress is None or not 0 <= item.progress <= 100:
        errors["progress"] = [_("Give a number from 0 to 100.")]
    raise_errors(errors)


def _validate_milestone(item: Milestone, network: Network) -> None:
    errors = _goal_errors(item, network)
    if not (item.title or "").strip():
        errors["title"] = [_("Name the milestone or deliverable.")]
    if item.kind not in Milestone.Kind.values:
        errors["kind"] = [_("Choose milestone or deliverable.")]
    if item.due_on is None:
        errors["due_on"] = [_("Give the due date.")]
    raise_errors(errors)


def _save(
    *,
    actor,
    network: Network,
    model: type[models.Model],
    item: models.Model | None,
    fields: tuple[str, ...],
    data: dict[str, Any],
    expected_version: int | None,
    validate,
) -> models.Model:
    name = ACTION_NAMES[model]
    if item is None:
        current = model(network=network)
        if model is Goal:
            last = network.goals.order_by("-position").first()
            current.position = last.position + 1 if last else 0
        before: dict[str, Any] = {}
    else:
        current = model.objects.select_for_update().get(pk=item.pk, network=network)
        check_version(current, expected_version)
        before = audit.snapshot(current, fields)
    for field in fields:
        if field in data:
            setattr(current, field, data[field])
    validate(current)
    changes = audit.changes_between(before, audit.snapshot(current, fields))
    if item is not None and not changes:
        return current
    if item is not None:
        current.version += 1
    if hasattr(current, "updated_by"):
        current.updated_by = actor
    current.save()
    action = f"network.{name}_added" if item is None else f"network.{name}_changed"
    record(actor, action, current, network, changes)
    return current


def _delete(*, actor, network: Network, item: models.Model, fields, expected_version: int) -> None:
    model = type(item)
    current = model.objects.select_for_update().get(pk=item.pk, network=network)
    check_version(current, expected_version)
    changes = audit.changes_between(audit.snapshot(current, fields), {})
    record(actor, f"network.{ACTION_NAMES[model]}_deleted", current, network, changes)
    current.delete()


@transaction.atomic
def save_goal(
    *,
    actor,
    network: Network,
    data: dict[str, Any],
    goal: Goal | None = None,
    expected_version: int | None = None,
) -> Goal:
    """Add a goal (at the end) or change one, unless it changed since ``expected_version``."""
    return _save(
        actor=actor,
        network=network,
        model=Goal,
        item=goal,
        fields=GOAL_FIELDS,
        data=data,
        expected_version=expected_version,
        validate=_validate_goal,
    )


@transaction.atomic
def delete_goal(*, actor, network: Network, goal: Goal, expected_version: int) -> None:
    _delete(
        actor=actor,
        network=network,
        item=goal,
        fields=GOAL_FIELDS,
        expected_version=expected_version,
    )


@transaction.atomic
def save_work_package(
    *,
    actor,
    network: Network,
    data: dict[str, Any],
    work_package: WorkPackage | None = None,
    expected_version: int | None = None,
) -> WorkPackage:
    """Add a work package or change one, unless it changed since ``expected_version``."""
    return _save(
        actor=actor,
        network=network,
        model=WorkPackage,
        item=work_package,
        fields=WORK_PACKAGE_FIELDS,
        data=data,
        expected_version=expected_version,
        validate=lambda item: _validate_work_package(item, network),
    )


@transaction.atomic
def delete_work_package(
    *, actor, network: Network, work_package: WorkPackage, expected_version: int
) -> None:
    _delete(
        actor=actor,
        network=network,
        item=work_package,
        fields=WORK_PACKAGE_FIELDS,
        expected_version=expected_version,
    )


@transaction.atomic
def save_milestone(
    *,
    actor,
    network: Network,
    data: dict[str, Any],
    milestone: Milestone | None = None,
    expected_version: int | None = None,
) -> Milestone:
    """Add a milestone or deliverable or change one (``done_on`` marks it reached or handed
    in), unless it changed since ``expected_version``."""
    return _save(
        actor=actor,
        network=network,
        model=Milestone,
        item=milestone,
        fields=MILESTONE_FIELDS,
        data=data,
        expected_version=expected_version,
        validate=lambda item: _validate_milestone(item, network),
    )


@transaction.atomic
def delete_milestone(
    *, actor, network: Network, milestone: Milestone, expected_version: int
) -> None:
    _delete(
        actor=actor,
        network=network,
        item=milestone,
        fields=MILESTONE_FIELDS,
        expected_version=expected_version,
    )
