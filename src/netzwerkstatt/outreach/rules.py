"""Who may do what with transfers, capacity-building plans and the outreach logs.

- Transfers: the people (members and admins) of an organisation that takes part in the practice's
  programme adopt a published practice of that programme for their organisation, unless their
  organisation owns it or already adopted it. The people of the adopting organisation keep the
  transfer plan; everyone who takes part in the programme, and the people who run it, read it.
  Outside the programme a transfer shows only as a line on the practice and organisation pages.
- Capacity-building plans belong to the workspace of a network: its member organisations' people
  and the programme's coordinators read them; the people of a member organisation write their own
  organisation's plans, nobody else's. The coordinators see every plan of the programme in one
  overview.
- The stakeholder and dissemination logs are the programme's: its participants and the people who
  run it read them; the people of participating organisations record entries for their
  organisation; those people and the coordinators correct them.
"""

from __future__ import annotations

import rules
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin
from netzwerkstatt.networks.models import Network
from netzwerkstatt.networks.rules import get_network_for
from netzwerkstatt.practices.models import Practice
from netzwerkstatt.practices.rules import _organisation_roles
from netzwerkstatt.programmes.rules import (
    get_programme_for,
    is_coordinator,
    is_participant,
    runs_programme,
)

from .models import CapacityPlan, StakeholderEngagement, Transfer


def participating_organisation_ids(user, programme) -> set[int]:
    """The person's organisations that take part in ``programme``: as participants, or as
    members of one of its networks (a network's member takes part even where nobody recorded the
    participation). Cached per request."""
    if not user.is_authenticated or programme is None:
        return set()
    cache = user.__dict__.setdefault("_outreach_orgs", {})
    if programme.pk not in cache:
        from netzwerkstatt.organisations.models import Organisation

        mine = list(_organisation_roles(user))
        cache[programme.pk] = set(
            Organisation.objects.filter(pk__in=mine)
            .filter(
                Q(participations__programme=programme)
                | Q(network_memberships__network__programme=programme)
            )
            .values_list("pk", flat=True)
            .distinct()
        )
    return cache[programme.pk]


# On the programme ---------------------------------------------------------------------------


@rules.predicate
def has_participating_organisation(user, programme) -> bool:
    return bool(participating_organisation_ids(user, programme))


# On a practice ------------------------------------------------------------------------------


def adopting_organisation_ids(user, practice: Practice) -> set[int]:
    """The person's organisations that may still adopt ``practice``."""
    if practice.status != Practice.Status.PUBLISHED:
        return set()
    candidates = participating_organisation_ids(user, practice.programme) - {
        practice.organisation_id
    }
    if not candidates:
        return set()
    taken = set(
        Transfer.objects.filter(practice=practice, organisation_id__in=candidates).values_list(
            "organisation_id", flat=True
        )
    )
    return candidates - taken


@rules.predicate
def may_adopt(user, practice: Practice | None) -> bool:
    return practice is not None and bool(adopting_organisation_ids(user, practice))


# On a transfer ------------------------------------------------------------------------------


@rules.predicate
def belongs_to_the_adopter(user, transfer: Transfer | None) -> bool:
    return transfer is not None and transfer.organisation_id in _organisation_roles(user)


@rules.predicate
def takes_part_in_the_transfers_programme(user, transfer: Transfer | None) -> bool:
    if transfer is None:
        return False
    programme = transfer.practice.programme
    return (
        is_participant(user, programme)
        or is_coordinator(user, programme)
        or bool(participating_organisation_ids(user, programme))
    )


# On a capacity-building plan ----------------------------------------------------------------


@rules.predicate
def belongs_to_the_planning_organisation(user, plan: CapacityPlan | None) -> bool:
    return plan is not None and plan.organisation_id in _organisation_roles(user)


@rules.predicate
def belongs_to_a_member_organisation(user, network: Network | None) -> bool:
    if network is None or not user.is_authenticated:
        return False
    return bool(member_organisation_ids(user, network))


def member_organisation_ids(user, network: Network) -> set[int]:
    """The person's organisations that are members of ``network``."""
    mine = list(_organisation_roles(user))
    if not mine:
        return set()
    cache = network.__dict__.setdefault("_outreach_members", {})
    if user.pk not in cache:
        cache[user.pk] = set(
            network.members.filter(organisation_id__in=mine).values_list(
                "organisation_id", flat=True
            )
        )
    return cache[user.pk]


# On an entry of a log -----------------------------------------------------------------------


@rules.predicate
def recorded_for_my_organisation(user, entry) -> bool:
    return entry is not None and entry.organisation_id in _organisation_roles(user)


@rules.predicate
def runs_the_entrys_programme(user, entry) -> bool:
    return entry is not None and (is_coordinator(user, entry.programme) or is_platform_admin(user))


# On the programme
rules.add_perm(
    "outreach.view_logs", is_participant | has_participating_organisation | runs_programme
)
rules.add_perm("outreach.add_log_entry", has_participating_organisation)
rules.add_perm("outreach.view_capacity_overview", runs_programme)
# On a practice
rules.add_perm("outreach.adopt_practice", may_adopt)
# On a transfer
rules.add_perm(
    "outreach.view_transfer",
    belongs_to_the_adopter | takes_part_in_the_transfers_programme | is_platform_admin,
)
rules.add_perm("outreach.change_transfer", belongs_to_the_adopter)
# On a network
rules.add_perm("outreach.add_capacity_plan", belongs_to_a_member_organisation)
# On a capacity-building plan (read through networks.view_workspace on its network)
rules.add_perm("outreach.change_capacity_plan", belongs_to_the_planning_organisation)
# On an entry of the stakeholder or dissemination log
rules.add_perm(
    "outreach.change_log_entry", recorded_for_my_organisation | runs_the_entrys_programme
)


def get_transfer_for(user, programme_slug: str, pk: int, perm: str) -> Transfer:
    """Fetch a transfer of a practice of the programme. People who may not read it do not find
    it (404); those who read it but may not do ``perm`` are refused (403)."""
    from django.core.exceptions import PermissionDenied

    programme = get_programme_for(user, programme_slug, "programmes.view_programme")
    transfer = get_object_or_404(
        Transfer.objects.select_related("practice", "organisation"),
        practice__programme=programme,
        pk=pk,
    )
    transfer.practice.programme = programme
    if not user.has_perm("outreach.view_transfer", transfer):
        raise Http404
    if perm != "outreach.view_transfer" and not user.has_perm(perm, transfer):
        raise PermissionDenied
    return transfer


def get_plan_for(user, programme_slug: str, pk: int, plan_id: int) -> CapacityPlan:
    """Fetch a capacity-building plan of a network whose workspace the person sees."""
    network = get_network_for(user, programme_slug, pk, "networks.view_workspace")
    plan = get_object_or_404(
        CapacityPlan.objects.select_related("organisation"), network=network, pk=plan_id
    )
    plan.network = network
    return plan


def get_entry_for(user, model, programme_slug: str, pk: int) -> StakeholderEngagement:
    """Fetch an entry of a log of the programme for changing it; people who may not read the
    log do not find it, those who may read it but not change the entry are refused."""
    from django.core.exceptions import PermissionDenied

    programme = get_programme_for(user, programme_slug, "outreach.view_logs")
    entry = get_object_or_404(
        model.objects.select_related("organisation", "network"), programme=programme, pk=pk
    )
    entry.programme = programme
    if not user.has_perm("outreach.change_log_entry", entry):
        raise PermissionDenied
    return entry
