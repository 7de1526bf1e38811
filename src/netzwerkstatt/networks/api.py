"""Read API for networks: a programme's public network cards for everyone who may see the
programme; a network's work programme and development projects for the people who see its
workspace (its member organisations' people, the programme's coordinators, platform admins).
Everyone else does not find a workspace (404), as on the pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from ninja import Router

from netzwerkstatt.programmes.rules import get_programme_for

from .models import DevelopmentProject, LogEntry, Network, NetworkMember
from .rules import get_network_for
from .schemas import DevelopmentProjectOut, NetworkOut, WorkProgrammeOut

router = Router(tags=["networks"])


def _members():
    return Prefetch(
        "members",
        queryset=NetworkMember.objects.select_related("organisation").order_by(
            "role", "organisation__name"
        ),
    )


def _workspace(request: HttpRequest, slug: str, network_id: int) -> Network:
    try:
        return get_network_for(request.user, slug, network_id, "networks.view_workspace")
    except PermissionDenied:
        raise Http404 from None


@router.get("/{slug}/networks", response=list[NetworkOut], summary="Networks of a programme")
def network_list(request: HttpRequest, slug: str):
    try:
        programme = get_programme_for(request.user, slug, "programmes.view_programme")
    except PermissionDenied:
        raise Http404 from None
    return (
        Network.objects.filter(programme=programme)
        .order_by("name", "pk")
        .prefetch_related(_members(), "themes")
    )


@router.get(
    "/{slug}/networks/{network_id}/work-programme",
    response=WorkProgrammeOut,
    summary="A network's work programme",
)
def work_programme(request: HttpRequest, slug: str, network_id: int):
    network = _workspace(request, slug, network_id)
    return {
        "network_id": network.pk,
        "goals": list(network.goals.all()),
        "work_packages": list(network.work_packages.select_related("owner")),
        "milestones": list(network.milestones.all()),
    }


@router.get(
    "/{slug}/networks/{network_id}/projects",
    response=list[DevelopmentProjectOut],
    summary="A tandem's development projects with their steps and progress logs",
)
def project_list(request: HttpRequest, slug: str, network_id: int):
    network = _workspace(request, slug, network_id)
    return DevelopmentProject.objects.filter(network=network).prefetch_related(
        "steps",
        Prefetch(
            "log_entries",
            queryset=LogEntry.objects.select_related("author")
            .prefetch_related("attachments")
            .order_by("-date", "-id"),
        ),
    )
