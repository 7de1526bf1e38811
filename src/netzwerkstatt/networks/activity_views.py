"""A network's activity stream, page by page (the latest items are on the network's page)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import activity
from .rules import get_network_for

PAGE_SIZE = 30


@login_required
def network_activity(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.view_workspace")
    page = Paginator(activity.entries_for([network.pk]), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "networks/activity/page.html",
        {
            "programme": network.programme,
            "network": network,
            "page": page,
            "items": activity.present(page.object_list, {network.pk: network}),
        },
    )
