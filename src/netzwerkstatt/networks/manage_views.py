"""The coordinators' pages: create a network, change its card, keep its members."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.programmes.rules import get_programme_for

from . import services
from .forms import MemberForm, NetworkForm
from .models import Network
from .rules import get_network_for


@login_required
def network_create(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "networks.add_network")
    form = NetworkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.data_for_service()
        try:
            network = services.create_network(
                actor=request.user,
                programme=programme_,
                name=data["name"],
                kind=data["kind"],
                description=data["description"] or "",
                themes=data["themes"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("The network “%(name)s” was created. Now add its members.")
                % {"name": network.name},
            )
            return redirect(network.url("members"))
    return render(
        request,
        "networks/manage/network_form.html",
        {"programme": programme_, "network": None, "form": form},
    )


@login_required
def network_edit(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    network = get_network_for(request.user, programme, pk, "networks.manage_network")
    form = NetworkForm(request.POST or None, instance=network)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.update_network(
                actor=request.user,
                network=network,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
            network = Network.objects.select_related("programme").get(pk=network.pk)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The network was saved."))
            return redirect(network.get_absolute_url())
    return render(
        request,
        "networks/manage/network_form.html",
        {
            "programme": network.programme,
            "network": network,
            "form": form,
            "conflict": conflict,
            "workspace": True,
        },
    )


@login_required
def members(request: HttpRequest, programme: str, pk: int) -> HttpResponse:
    """The members with their role, country, region and kind; a form adds one, a button removes
    one."""
    network = get_network_for(request.user, programme, pk, "networks.manage_network")
    adding = request.method == "POST" and "remove" not in request.POST
    form = MemberForm(
        request.POST if adding else None,
        organisations=services.eligible_organisations(network),
    )
    if request.method == "POST" and "remove" in request.POST:
        target = get_object_or_404(
            network.members.select_related("organisation"),
            pk=request.POST["remove"] if request.POST["remove"].isdigit() else 0,
        )
        try:
            services.remove_member(actor=request.user, network=network, member=target)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("%(name)s is no longer a member.") % {"name": target.organisation.name},
            )
        return redirect(request.path)
    if adding and form.is_valid():
        try:
            member = services.add_member(
                actor=request.user,
                network=network,
                organisation=form.cleaned_data["organisation"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, _("%(name)s is now a member.") % {"name": member.organisation.name}
            )
            return redirect(request.path)
    current = list(
        network.members.select_related("organisation").order_by("role", "organisation__name")
    )
    return render(
        request,
        "networks/manage/members.html",
        {
            "programme": network.programme,
            "network": network,
            "members": current,
            "form": form,
            "missing": services.tandem_missing(network, current),
            "workspace": True,
        },
    )
