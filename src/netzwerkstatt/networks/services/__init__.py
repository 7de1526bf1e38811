"""Changes to networks: one function per transition, each in one transaction and audit-logged.

This module holds the network itself and its members; ``workplan`` the work programme and
``projects`` the tandems' development projects.

Rules decided here:

- Coordinators (and platform admins) create networks, change their card and keep the members.
- Members are organisations that take part in the programme, each once, as lead or partner.
- A tandem is one vocational school and one training company: a tandem takes no other kind of
  organisation and no second one of a kind, and a network with other members cannot become one.
- An organisation that is responsible for work packages stays until they are handed over.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.core import audit
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.models import Participation

from ..models import Network, NetworkMember, WorkPackage
from ._common import check_version, raise_errors, record

NETWORK_FIELDS = ("name", "kind", "description", "themes")
TANDEM_KINDS = (Organisation.Kind.VOCATIONAL_SCHOOL, Organisation.Kind.TRAINING_COMPANY)


def tandem_problem(kinds: list[str]) -> str:
    """Why organisations of these kinds cannot form a tandem; empty when they can (a tandem
    still being put together, with one of the two, is fine)."""
    if any(kind not in TANDEM_KINDS for kind in kinds):
        return _(
            "A tandem is one vocational school and one training company; other kinds of "
            "organisation cannot be members."
        )
    if kinds.count(Organisation.Kind.VOCATIONAL_SCHOOL) > 1:
        return _("A tandem has exactly one vocational school, and this one already has one.")
    if kinds.count(Organisation.Kind.TRAINING_COMPANY) > 1:
        return _("A tandem has exactly one training company, and this one already has one.")
    return ""


def tandem_missing(network: Network, members: list[NetworkMember]) -> list[str]:
    """What a tandem still lacks, as the names of the organisation kinds."""
    if not network.is_tandem:
        return []
    kinds = {m.organisation.kind for m in members}
    return [Organisation.Kind(kind).label for kind in TANDEM_KINDS if kind not in kinds]


def eligible_organisations(network: Network):
    """Organisations that may join: taking part in the programme, not yet members."""
    return (
        Organisation.objects.filter(
            pk__in=Participation.objects.filter(programme=network.programme_id).values(
                "organisation_id"
            )
        )
        .exclude(network_memberships__network=network)
        .order_by("name")
    )


def _validate_network(network: Network) -> None:
    errors: dict[str, list[str]] = {}
    if not (network.name or "").strip():
        errors["name"] = [_("Name the network.")]
    if network.kind not in Network.Kind.values:
        errors["kind"] = [_("Choose a kind of network.")]
    elif network.pk and network.kind == Network.Kind.TANDEM:
        problem = tandem_problem(list(network.members.values_list("organisation__kind", flat=True)))
        if problem:
            errors["kind"] = [
                _("The members do not make a tandem: %(problem)s") % {"problem": problem}
            ]
    raise_errors(errors)


@transaction.atomic
def create_network(
    *, actor, programme, name: str, kind: str, description: str = "", themes=()
) -> Network:
    """A network the coordinators create themselves (not from a selection), without members."""
    network = Network(
        programme=programme, name=name, kind=kind, description=description, created_by=actor
    )
    _validate_network(network)
    network.save()
    network.themes.set(themes)
    record(
        actor,
        "network.created",
        network,
        network,
        audit.changes_between({}, audit.snapshot(network, NETWORK_FIELDS)),
    )
    return network


@transaction.atomic
def update_network(
    *, actor, network: Network, data: dict[str, Any], expected_version: int
) -> Network:
    """Change the card: name, kind, description, themes."""
    current = Network.objects.select_for_update().select_related("programme").get(pk=network.pk)
    check_version(current, expected_version)
    before = audit.snapshot(current, NETWORK_FIELDS)
    for field in ("name", "kind", "description"):
        if field in data:
            setattr(current, field, data[field])
    _validate_network(current)
    if "themes" in data:
        current.themes.set(data["themes"])
    changes = audit.changes_between(before, audit.snapshot(current, NETWORK_FIELDS))
    if changes:
        current.version += 1
        current.save()
        record(actor, "network.changed", current, current, changes)
    return current


@transaction.atomic
def add_member(*, actor, network: Network, organisation: Organisation, role: str) -> NetworkMember:
    """Add an organisation of the programme as lead or partner. Problems are reported on the
    ``organisation`` or ``role`` field."""
    # Locking the network serialises two coordinators adding the tandem's second school.
    current = Network.objects.select_for_update().select_related("programme").get(pk=network.pk)
    errors: dict[str, list[str]] = {}
    if role not in NetworkMember.Role.values:
        errors["role"] = [_("Choose lead or partner.")]
    if not Participation.objects.filter(
        programme=current.programme_id, organisation=organisation
    ).exists():
        errors["organisation"] = [_("Only organisations that take part in the programme can join.")]
    elif current.members.filter(organisation=organisation).exists():
        errors["organisation"] = [_("%(name)s is already a member.") % {"name": organisation}]
    elif current.is_tandem:
        kinds = list(current.members.values_list("organisation__kind", flat=True))
        problem = tandem_problem([*kinds, organisation.kind])
        if problem:
            errors["organisation"] = [problem]
    raise_errors(errors)
    member = NetworkMember.objects.create(network=current, organisation=organisation, role=role)
    record(
        actor,
        "network.member_added",
        current,
        current,
        {"member": {"old": None, "new": f"{organisation.name} ({member.get_role_display()})"}},
    )
    return member


@transaction.atomic
def remove_member(*, actor, network: Network, member: NetworkMember) -> None:
    current = Network.objects.select_for_update().select_related("programme").get(pk=network.pk)
    member = current.members.select_related("organisation").get(pk=member.pk)
    owned = list(
        WorkPackage.objects.filter(network=current, owner=member.organisation_id).values_list(
            "title", flat=True
        )
    )
    if owned:
        raise ValidationError(
            _(
                "%(name)s is responsible for these work packages: %(titles)s. Give them to "
                "another member first."
            )
            % {"name": member.organisation.name, "titles": ", ".join(owned)},
            code="owns_work",
        )
    member.delete()
    record(
        actor,
        "network.member_removed",
        current,
        current,
        {
            "member": {
                "old": f"{member.organisation.name} ({member.get_role_display()})",
                "new": None,
            }
        },
    )


@transaction.atomic
def create_from_application(*, actor, application) -> Network:
    """The model network that a selected joint application becomes: named after the project,
    described by its summary, focused on its themes, with every confirmed organisation of the
    consortium as a member (each country group's lead as lead). Creating it again returns the
    same network."""
    from netzwerkstatt.selection.services import consortium_organisations

    existing = Network.objects.filter(application=application).first()
    if existing is not None:
        return existing
    consortium = application.consortium
    network = Network.objects.create(
        programme=application.call.programme,
        name=application.title,
        kind=Network.Kind.MODEL_NETWORK,
        description=application.summary,
        application=application,
        created_by=actor,
    )
    network.themes.set(application.themes.all())
    leads = {consortium.left.lead_id, consortium.right.lead_id}
    organisations = consortium_organisations(consortium)
    NetworkMember.objects.bulk_create(
        NetworkMember(
            network=network,
            organisation=organisation,
            role=NetworkMember.Role.LEAD
            if organisation.pk in leads
            else NetworkMember.Role.PARTNER,
        )
        for organisation in organisations
    )
    audit.record(
        actor=actor,
        action="network.created",
        obj=network,
        programme=network.programme,
        changes={
            "name": {"old": None, "new": network.name},
            "kind": {"old": None, "new": network.kind},
            "application": {"old": None, "new": str(application)},
            "members": {"old": None, "new": [o.name for o in organisations]},
        },
    )
    return network
