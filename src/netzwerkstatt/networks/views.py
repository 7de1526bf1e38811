"""The networks of a programme: their public cards, listed and one by one."""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netzwerkstatt.programmes.rules import get_programme_for

from . import queries
from .models import Network, NetworkMember
from .rules import get_network_for


def network_list(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "programmes.view_programme")
    kind = request.GET.get("kind", "")
    networks = (
        Network.objects.filter(programme=programme_)
        .select_related("programme")  # for each card's link
        .annotate(member_count=Count("members"))
        .order_by("name", "pk")  # Meta.ordering does not apply to a query with an aggregate
        .prefetch_related(
            Prefetch(
                "members",
                queryset=NetworkMember.objects.select_related("organisation").order_by(
                    "role", "organisation__name"
                ),
            ),
            "themes",
        )
    )
    if kind in Network.Kind.values:
        networks = networks.filter(kind=kind)
    else:
        kind = ""
    return render(
        request,
        "networks/list.html",
        {
            "programme": programme_,
            "networks": networks,
            "kinds": Network.Kind.choices,
            "kind": kind,
        },
    )


def detail(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_network")
    members = network.members.select_related("organisation").order_by(
        "role", "organisation__country", "organisation__name"
    )
    workspace = request.user.has_perm("networks.view_workspace", network)
    return render(
        request,
        "networks/detail.html",
        {
            "programme": network.programme,
            "network": network,
            "members": members,
            "themes": list(network.themes.all()),
            "countries": sorted({m.organisation.country_name for m in members}),
            "workspace": workspace,
            # What needs attention, for the people who see the workspace.
            "attention": queries.overview(network) if workspace else None,
            "can_manage": request.user.has_perm("networks.manage_network", network),
        },
    )
