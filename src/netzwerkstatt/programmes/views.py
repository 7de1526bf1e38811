from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.accounts import services as account_services
from netzwerkstatt.accounts.forms import InviteForm
from netzwerkstatt.accounts.models import Invitation
from netzwerkstatt.calls.models import Call
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.core.views import render_audit_log
from netzwerkstatt.networks.models import Network

from . import services
from .forms import ParticipantForm, ProgrammeForm
from .models import ProgrammeRole
from .queries import visible_programmes
from .rules import get_programme_for

# Networks shown on a programme's page; the rest are on the networks page.
NETWORKS_SHOWN = 6


def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "programmes/list.html", {"programmes": visible_programmes(request.user)})


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.view_programme")
    roles = programme.roles.select_related("user")
    can_manage = request.user.has_perm("programmes.change_programme", programme)
    # Everyone sees the published calls; the people who run the programme see drafts too.
    calls = Call.objects.filter(programme=programme).select_related("programme")
    if not can_manage:
        calls = calls.filter(status=Call.Status.PUBLISHED)
    # A network's card is seen by everyone who sees its programme (``networks.view_network``).
    networks = Network.objects.filter(programme=programme)
    return render(
        request,
        "programmes/detail.html",
        {
            "programme": programme,
            "calls": calls,
            "coordinators": [r.user for r in roles if r.role == ProgrammeRole.Role.COORDINATOR],
            "committee_size": sum(
                1 for r in roles if r.role == ProgrammeRole.Role.COMMITTEE_MEMBER
            ),
            "participants": programme.participations.select_related("organisation"),
            "networks": networks.annotate(member_count=Count("members")).order_by(
                "-created", "name", "pk"
            )[:NETWORKS_SHOWN],
            "network_count": networks.count(),
            "can_manage": can_manage,
            "can_discuss": request.user.has_perm(
                "discussions.view_programme_discussions", programme
            ),
        },
    )


@login_required
@permission_required("programmes.add_programme", raise_exception=True)
def create(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        programme = services.create_programme(actor=request.user, data=form.programme_data())
        messages.success(request, _("The programme was created. Now invite its coordinators."))
        return redirect("programmes:people", slug=programme.slug)
    return render(request, "programmes/form.html", {"form": form, "programme": None})


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.change_programme")
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_programme(
                actor=request.user,
                programme=programme,
                data=form.programme_data(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(programme)
    return render(request, "programmes/form.html", {"form": form, "programme": programme})


@login_required
def people(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.manage_people")
    form = InviteForm(request.POST or None, roles=Invitation.PROGRAMME_ROLES)
    if request.method == "POST" and form.is_valid():
        account_services.invite(
            inviter=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            programme=programme,
        )
        messages.success(
            request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect("programmes:people", slug=programme.slug)
    return render(
        request,
        "programmes/people.html",
        {
            "programme": programme,
            "roles": programme.roles.select_related("user"),
            "invitations": programme.invitations.open(),
            "form": form,
        },
    )


@require_POST
@login_required
def revoke_role(request: HttpRequest, slug: str, role_id: int) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.manage_people")
    programme_role = get_object_or_404(programme.roles, pk=role_id)
    try:
        services.revoke_role(actor=request.user, programme_role=programme_role)
        messages.success(
            request, _("%(person)s no longer has this role.") % {"person": programme_role.user}
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("programmes:people", slug=programme.slug)


@require_POST
@login_required
def revoke_invitation(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.manage_people")
    invitation = get_object_or_404(programme.invitations, pk=invitation_id)
    try:
        account_services.revoke_invitation(actor=request.user, invitation=invitation)
        messages.success(request, _("The invitation was withdrawn."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("programmes:people", slug=programme.slug)


@login_required
def participants(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.change_programme")
    form = ParticipantForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        services.add_participant(
            actor=request.user, programme=programme, organisation=form.cleaned_data["organisation"]
        )
        messages.success(
            request,
            _("%(organisation)s now takes part.")
            % {"organisation": form.cleaned_data["organisation"]},
        )
        return redirect("programmes:participants", slug=programme.slug)
    return render(
        request,
        "programmes/participants.html",
        {
            "programme": programme,
            "participations": programme.participations.select_related("organisation"),
            "form": form,
        },
    )


@require_POST
@login_required
def remove_participant(request: HttpRequest, slug: str, participation_id: int) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.change_programme")
    participation = get_object_or_404(programme.participations, pk=participation_id)
    services.remove_participant(actor=request.user, participation=participation)
    messages.success(
        request, _("%(organisation)s was removed.") % {"organisation": participation.organisation}
    )
    return redirect("programmes:participants", slug=programme.slug)


@login_required
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_programme_for(request.user, slug, "programmes.view_audit_log")
    entries = AuditEntry.objects.filter(programme=programme).select_related(
        "actor", "programme", "organisation"
    )
    return render_audit_log(request, entries, title=programme.name, programme=programme)
