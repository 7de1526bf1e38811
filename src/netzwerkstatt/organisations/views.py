from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.accounts import services as account_services
from netzwerkstatt.accounts.forms import InviteForm
from netzwerkstatt.accounts.models import Invitation
from netzwerkstatt.outreach.queries import adopted_by

from . import queries, services
from .forms import ContactPersonForm, DirectoryFilterForm, MemberRoleForm, OrganisationForm
from .models import ContactPerson, Membership
from .rules import get_organisation_for

PAGE_SIZE = 24


def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    # A filter that no longer fits (an old theme link, say) is reported next to its field and
    # dropped; the others still apply.
    form.is_valid()
    filters = getattr(form, "cleaned_data", {})
    organisations = queries.directory(
        q=filters.get("q", ""),
        kind=filters.get("kind", ""),
        country=filters.get("country", ""),
        region=filters.get("region", ""),
        theme=filters.get("theme"),
    )
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    # htmx swaps in the results only; restoring a page from history needs the whole page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "organisations/_results.html" if partial else "organisations/directory.html"
    response = render(request, template, {"form": form, "page": page})
    # One URL, two bodies: caches (and the back button) must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.view_organisation")
    contacts = organisation.contact_persons.all()
    if not request.user.has_perm("organisations.view_private_contacts", organisation):
        contacts = contacts.filter(is_public=True)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "contacts": contacts,
            "themes": organisation.themes.all(),
            "programmes": organisation.programmes.filter(is_public=True),
            "can_edit": request.user.has_perm("organisations.change_organisation", organisation),
            "hidden_contacts": organisation.contact_persons.count() - len(contacts),
            "adopted": adopted_by(organisation, request.user),
        },
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(actor=request.user, data=form.profile_data())
        messages.success(request, _("The organisation was created. You are its admin."))
        return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": None})


@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.change_organisation")
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organisation(
                actor=request.user,
                organisation=organisation,
                data=form.profile_data(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(organisation)
    return render(request, "organisations/form.html", {"form": form, "organisation": organisation})


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.manage_members")
    form = InviteForm(request.POST or None, roles=Invitation.ORGANISATION_ROLES)
    if request.method == "POST" and form.is_valid():
        account_services.invite(
            inviter=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            organisation=organisation,
        )
        messages.success(
            request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect("organisations:members", slug=organisation.slug)
    return render(
        request,
        "organisations/members.html",
        {
            "organisation": organisation,
            "memberships": organisation.memberships.select_related("user"),
            "invitations": organisation.invitations.open(),
            "form": form,
            "role_choices": Membership.Role.choices,
        },
    )


@require_POST
@login_required
def change_role(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.manage_members")
    membership = get_object_or_404(organisation.memberships, pk=membership_id)
    form = MemberRoleForm(request.POST)
    if form.is_valid():
        try:
            services.change_member_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            )
            messages.success(request, _("The role was changed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("organisations:members", slug=organisation.slug)


@require_POST
@login_required
def remove_member(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.manage_members")
    membership = get_object_or_404(organisation.memberships, pk=membership_id)
    try:
        services.remove_member(actor=request.user, membership=membership)
        messages.success(request, _("%(person)s was removed.") % {"person": membership.user})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisations:members", slug=organisation.slug)


@require_POST
@login_required
def revoke_invitation(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.manage_members")
    invitation = get_object_or_404(organisation.invitations, pk=invitation_id)
    try:
        account_services.revoke_invitation(actor=request.user, invitation=invitation)
        messages.success(request, _("The invitation was withdrawn."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisations:members", slug=organisation.slug)


@login_required
def contact_form(request: HttpRequest, slug: str, contact_id: int | None = None) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.change_organisation")
    contact = get_object_or_404(organisation.contact_persons, pk=contact_id) if contact_id else None
    form = ContactPersonForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        services.save_contact_person(
            actor=request.user, organisation=organisation, contact=contact, data=form.cleaned_data
        )
        messages.success(request, _("The contact person was saved."))
        return redirect(organisation)
    return render(
        request,
        "organisations/contact_form.html",
        {"form": form, "organisation": organisation, "contact": contact},
    )


@require_POST
@login_required
def contact_delete(request: HttpRequest, slug: str, contact_id: int) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "organisations.change_organisation")
    contact: ContactPerson = get_object_or_404(organisation.contact_persons, pk=contact_id)
    services.delete_contact_person(actor=request.user, contact=contact)
    messages.success(request, _("The contact person was removed."))
    return redirect(organisation)
