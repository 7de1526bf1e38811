"""Who may see what of a network.

A network's public card (name, kind, members, themes, short description) is seen by everyone who
may see its programme; its workspace is for the people of its member organisations and the
programme's coordinators, who may also change it (work programme, development projects). The
coordinators (and platform admins) create networks and keep their members."""

import rules
from django.http import Http404
from django.shortcuts import get_object_or_404

from netzwerkstatt.core.rules import is_platform_admin
from netzwerkstatt.programmes.rules import get_programme_for, is_coordinator, runs_programme

from .models import Network


@rules.predicate
def sees_the_programme(user, network: Network | None) -> bool:
    return network is not None and user.has_perm("programmes.view_programme", network.programme)


@rules.predicate
def belongs_to_the_network(user, network: Network | None) -> bool:
    if network is None or not user.is_authenticated:
        return False
    # Asked several times per page (may I see it, may I change it): once per network and person.
    cache = network.__dict__.setdefault("_belongs", {})
    if user.pk not in cache:
        cache[user.pk] = network.members.filter(organisation__memberships__user=user).exists()
    return cache[user.pk]


@rules.predicate
def runs_the_networks_programme(user, network: Network | None) -> bool:
    return network is not None and (
        is_coordinator(user, network.programme) or is_platform_admin(user)
    )


rules.add_perm("networks.view_network", sees_the_programme)
rules.add_perm("networks.view_workspace", belongs_to_the_network | runs_the_networks_programme)
rules.add_perm("networks.edit_workspace", belongs_to_the_network | runs_the_networks_programme)
rules.add_perm("networks.manage_network", runs_the_networks_programme)
# On the programme: creating networks, and the side-by-side view of all tandems' projects.
rules.add_perm("networks.add_network", runs_programme)
rules.add_perm("networks.view_projects_overview", runs_programme)


def get_network_for(user, programme_slug: str, pk: int, perm: str) -> Network:
    """Fetch a network of the programme; people who may not see it do not find it (404)."""
    programme = get_programme_for(user, programme_slug, "programmes.view_programme")
    network = get_object_or_404(Network, programme=programme, pk=pk)
    network.programme = programme
    if not user.has_perm(perm, network):
        raise Http404
    return network
