import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import ApiTokenForm, DeleteAccountForm, InvitationSignupForm, ProfileForm
from .models import Invitation, User


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(
            user=request.user,
            name=form.cleaned_data["name"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your profile was saved."))
        response = redirect("accounts:profile")
        if request.user.language:
            from django.conf import settings

            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                request.user.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response
    return render(request, "accounts/profile.html", {"form": form})


NEW_TOKEN_SESSION_KEY = "netzwerkstatt_new_api_token"  # noqa: S105 (a session key name)


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, secret = services.create_api_token(
            user=request.user, name=form.cleaned_data["name"]
        )
        # Shown once, on the page after the redirect, so reloading it never creates a second token.
        request.session[NEW_TOKEN_SESSION_KEY] = secret
        return redirect("accounts:tokens")
    new_secret = request.session.pop(NEW_TOKEN_SESSION_KEY, None)
    return render(
        request,
        "accounts/tokens.html",
        {"form": form, "tokens": request.user.api_tokens.all(), "new_secret": new_secret},
    )


@require_POST
@login_required
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    services.revoke_api_token(user=request.user, token=token)
    messages.success(request, _("The token was revoked; clients using it are refused from now on."))
    return redirect("accounts:tokens")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = services.export_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"netzwerkstatt-personal-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_account(user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account was deleted. Thank you for taking part."))
            return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation: signed in, with one click; new to the platform, by choosing a name and
    password; with an existing account, by signing in first."""
    found = Invitation.find(token)
    if found is None or not found.is_open:
        return render(
            request, "accounts/invitation_invalid.html", {"invitation": found}, status=410
        )
    account_exists = User.objects.filter(email__iexact=found.email, is_active=True).exists()
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.accept_invitation(invitation=found, user=request.user)
            except ValidationError as error:  # accepted or withdrawn since the page was read
                messages.error(request, " ".join(error.messages))
                return redirect(request.path)
            messages.success(
                request,
                _("Welcome! You now have the role %(role)s.") % {"role": found.get_role_display()},
            )
            return redirect(found.target.get_absolute_url())
    elif not account_exists:
        form = InvitationSignupForm(request.POST or None, email=found.email)
        if request.method == "POST" and form.is_valid():
            try:
                user = services.create_account_from_invitation(
                    invitation=found,
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password1"],
                    language=(request.LANGUAGE_CODE or "")[:2],
                )
            except ValidationError as error:  # e.g. a deactivated account has this address
                form.add_error(None, error)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Welcome to Netzwerkstatt!"))
                return redirect(found.target.get_absolute_url())
    return render(
        request,
        "accounts/invitation.html",
        {"invitation": found, "form": form, "account_exists": account_exists},
    )
