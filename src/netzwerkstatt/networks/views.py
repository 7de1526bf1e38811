"""The networks of a programme: their public cards, listed and one by one."""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netzwerkstatt.organisations.models import Membership
from netzwerkstatt.programmes.rules import get_programme_for

from . import activity, queries
from .models import Network, NetworkMember
from .rules import get_network_for

ACTIVITY_ON_PAGE = 15


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


RESULTS_ON_CARD = 10


def detail(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_network")
    members = list(
        network.members.select_related("organisation").order_by(
            "role", "organisation__country", "organisation__name"
        )
    )
    workspace = request.user.has_perm("networks.view_workspace", network)
    people: dict[int, list] = {}
    if workspace:
        # The people of the member organisations, for those who work in the network.
        for membership in (
            Membership.objects.filter(
                organisation__in=[m.organisation_id for m in members],
                user__is_active=True,
                user__erased_at__isnull=True,
            )
            .select_related("user")
            .order_by("user__name", "user__email")
        ):
            people.setdefault(membership.organisation_id, []).append(membership.user)
    return render(
        request,
        "networks/detail.html",
        {
            "programme": network.programme,
            "network": network,
            "members": members,
            "themes": list(network.themes.all()),
            # Its published results: the good practice it documented, for everyone.
            "results": list(
                network.practices.filter(status="published")
                .select_related("programme")
                .order_by("-published_at", "pk")[:RESULTS_ON_CARD]
            ),
            "countries": sorted({m.organisation.country_name for m in members}),
            "workspace": workspace,
            "people": [(m.organisation, people.get(m.organisation_id, [])) for m in members]
            if workspace
            else None,
            # What needs attention, for the people who see the workspace.
            "attention": queries.overview(network) if workspace else None,
            "can_manage": request.user.has_perm("networks.manage_network", network),
            # The latest of the activity stream, for the same people.
            "activity": activity.stream([network], limit=ACTIVITY_ON_PAGE) if workspace else None,
        },
    )
