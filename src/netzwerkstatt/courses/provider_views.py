"""The provider's side of the continuing-education database: its hub, participation declarations,
certifications and core competencies; and the cluster's declaration text. Views parse input,
call a service (``declarations``, ``certifications``, ``competencies``) and render."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.organisations.rules import get_organisation_for
from netzwerkstatt.programmes.rules import get_programme_for

from . import certifications as certification_services
from . import competencies as competency_services
from . import declarations as declaration_services
from . import index
from .models import Certification, Course, DeclarationText, SelfAssessment
from .provider_forms import (
    CertificationForm,
    CompetencyForm,
    DeclarationTextForm,
    RevokeForm,
    SignForm,
)


def _errors_to(form, error: ValidationError) -> None:
    """Put a service's refusal next to the fields it names, or above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _fallback_language(value) -> str:
    """The language a multilingual text is shown in when it is not written in the reader's
    language; empty when it is."""
    data = getattr(value, "data", value)
    if not isinstance(data, dict):
        return ""
    language = translation.get_language() or ""
    if data.get(language) or data.get(language.split("-")[0]):
        return ""
    for code, text in data.items():
        if text and str(value) == text:
            return code
    return ""


# The cluster's declaration text ----------------------------------------------------------------


@login_required
def declaration_text(request: HttpRequest, programme: str) -> HttpResponse:
    """The current version, the versions before it and the form for the next one."""
    programme_ = get_programme_for(request.user, programme, "courses.manage_cluster")
    versions = list(
        DeclarationText.objects.filter(programme=programme_)
        .select_related("published_by")
        .annotate(signatures=Count("declarations"))
        .order_by("-version")
    )
    current = versions[0] if versions else None
    form = DeclarationTextForm(request.POST if request.method == "POST" else None, current=current)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            version = declaration_services.publish_text(
                actor=request.user,
                programme=programme_,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                requires_resigning=form.cleaned_data["requires_resigning"],
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
        except ValidationError as error:
            _errors_to(form, error)
        else:
            messages.success(
                request,
                _("Version %(version)s of the participation declaration is published.")
                % {"version": version.version},
            )
            return redirect(request.path)
    language_names = dict(settings.LANGUAGES)
    return render(
        request,
        "courses/providers/declaration_text.html",
        {
            "programme": programme_,
            "current": current,
            "earlier": versions[1:],
            "counts": declaration_services.signature_counts(programme_) if current else None,
            "shown_language": language_names.get(_fallback_language(current.text), "")
            if current
            else "",
            "form": form,
            "conflict": conflict,
        },
    )


# The provider's declarations -------------------------------------------------------------------


@login_required
def declarations(request: HttpRequest, slug: str) -> HttpResponse:
    """Per cluster: where the provider stands, the current text, signing and revoking."""
    organisation = get_organisation_for(request.user, slug, "courses.manage_provider")
    can_sign = request.user.has_perm("courses.sign_declaration", organisation)
    statuses = declaration_services.statuses_for(organisation)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action and not can_sign:
        raise PermissionDenied
    target = None
    if action:
        target = next(
            (s for s in statuses if str(s.programme.pk) == request.POST.get("programme")), None
        )
        if target is None or action not in ("sign", "revoke"):
            raise Http404
    language_names = dict(settings.LANGUAGES)
    for status in statuses:
        bound = status is target
        status.sign_form = SignForm(
            request.POST if bound and action == "sign" else None,
            user=request.user,
            text=status.text,
            prefix=f"sign-{status.programme.pk}",
        )
        status.revoke_form = RevokeForm(
            request.POST if bound and action == "revoke" else None,
            prefix=f"revoke-{status.programme.pk}",
        )
        status.shown_language = language_names.get(_fallback_language(status.text.text), "")
    if target is not None and action == "sign" and target.sign_form.is_valid():
        data = target.sign_form.cleaned_data
        try:
            declaration_services.sign_declaration(
                actor=request.user,
                organisation=organisation,
                programme=target.programme,
                signer_name=data["signer_name"],
                signer_position=data["signer_position"],
                signed_on=data["signed_on"],
                text_version=data["text_version"],
            )
        except ValidationError as error:
            _errors_to(target.sign_form, error)
        else:
            messages.success(
                request,
                _("The participation declaration for %(cluster)s is signed.")
                % {"cluster": target.programme.name},
            )
            return redirect(request.path)
    if target is not None and action == "revoke" and target.revoke_form.is_valid():
        if target.open_declaration is None:
            raise Http404
        try:
            declaration_services.revoke_declaration(
                actor=request.user,
                declaration=target.open_declaration,
                reason=target.revoke_form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _errors_to(target.revoke_form, error)
        else:
            messages.success(
                request,
                _("The signature for %(cluster)s is revoked.") % {"cluster": target.programme.name},
            )
            return redirect(request.path)
    return render(
        request,
        "courses/providers/declarations.html",
        {
            "organisation": organisation,
            "statuses": statuses,
            "can_sign": can_sign,
            "target": target,
            "action": action,
        },
    )


# Certifications --------------------------------------------------------------------------------


def _certification_for(request: HttpRequest, slug: str, pk: int, perm: str):
    organisation = get_organisation_for(request.user, slug, perm)
    return organisation, get_object_or_404(organisation.certifications, pk=pk)


@login_required
def certifications(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "courses.manage_provider")
    items = list(organisation.certifications.order_by("valid_until", "pk"))
    today = timezone.localdate()
    for item in items:
        item.state = item.status(today)
    return render(
        request,
        "courses/providers/certifications.html",
        {
            "organisation": organisation,
            "certifications": items,
            "warning_days": certification_services.EXPIRY_WARNING_DAYS,
        },
    )


def _certification_form_page(request, organisation, certification=None) -> HttpResponse:
    posted = request.method == "POST"
    form = CertificationForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        certification=certification,
    )
    conflict, stored = False, None
    if posted and form.is_valid():
        data = form.data_for_service()
        evidence = form.cleaned_data.get("evidence")
        try:
            if certification is None:
                saved = certification_services.add_certification(
                    actor=request.user, organisation=organisation, data=data, evidence=evidence
                )
            else:
                saved = certification_services.update_certification(
                    actor=request.user,
                    certification=certification,
                    data=data,
                    expected_version=form.cleaned_data["version"],
                    evidence=evidence,
                    remove_evidence=form.cleaned_data.get("remove_evidence", False),
                )
        except ConcurrentEdit:
            conflict = True
            stored = Certification.objects.get(pk=certification.pk)
        except ValidationError as error:
            _errors_to(form, error)
        else:
            done = (
                _("“%(name)s” was added.") if certification is None else _("“%(name)s” was saved.")
            )
            messages.success(request, done % {"name": saved.display_name})
            return redirect("courses:certifications", slug=organisation.slug)
    return render(
        request,
        "courses/providers/certification_form.html",
        {
            "organisation": organisation,
            "certification": certification,
            "form": form,
            "conflict": conflict,
            "stored": stored,
        },
    )


@login_required
def certification_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, "courses.manage_provider")
    return _certification_form_page(request, organisation)


@login_required
def certification_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation, certification = _certification_for(request, slug, pk, "courses.manage_provider")
    return _certification_form_page(request, organisation, certification)


@require_POST
@login_required
def certification_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation, certification = _certification_for(request, slug, pk, "courses.manage_provider")
    certification_services.delete_certification(actor=request.user, certification=certification)
    messages.success(request, _("“%(name)s” was removed.") % {"name": certification.display_name})
    return redirect("courses:certifications", slug=organisation.slug)


@login_required
def certification_evidence(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    _organisation, certification = _certification_for(
        request, slug, pk, "courses.view_certification_evidence"
    )
    if not certification.evidence:
        raise Http404
    try:
        handle = certification.evidence.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=certification.evidence_name or certification.evidence.name.rsplit("/", 1)[-1],
    )


# The hub ---------------------------------------------------------------------------------------


def _quality_by_cluster(organisation: Organisation, programme_ids: list[int]) -> dict[int, dict]:
    """Per cluster: the provider's latest self-assessment and whether it carries the label."""
    result: dict[int, dict] = {}
    for assessment in (
        SelfAssessment.objects.filter(
            organisation=organisation, standard__programme_id__in=programme_ids
        )
        .select_related("standard")
        .order_by("-standard__version", "-created")
    ):
        result.setdefault(
            assessment.standard.programme_id,
            {"assessment": assessment, "label": assessment.carries_label()},
        )
    return result


@login_required
def provider_hub(request: HttpRequest, slug: str) -> HttpResponse:
    """Everything a provider keeps in the database, on one page; the core competencies' form."""
    organisation = get_organisation_for(request.user, slug, "courses.manage_provider")
    profile = competency_services.profile_of(organisation)
    selected = (
        [f.code for f in profile.competency_fields.order_by("code")] if profile is not None else []
    )
    form = CompetencyForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        selected=selected,
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            competency_services.update_competencies(
                actor=request.user,
                organisation=organisation,
                fields=form.chosen_fields(),
                free_text=form.cleaned_data["core_competencies"],
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
        else:
            messages.success(request, _("The core competencies were saved."))
            hub = reverse("courses:provider_hub", kwargs={"slug": slug})
            return redirect(f"{hub}#competencies")
    statuses = declaration_services.statuses_for(organisation)
    quality = _quality_by_cluster(organisation, [s.programme.pk for s in statuses])
    for status in statuses:
        status.quality = quality.get(status.programme.pk)
    today = timezone.localdate()
    # Expired certifications stay listed; the warning names those that ended recently.
    window_start = today - datetime.timedelta(days=certification_services.EXPIRY_WARNING_DAYS)
    certificates = list(organisation.certifications.order_by("valid_until", "pk"))
    for item in certificates:
        item.state = item.status(today)
    course_counts = dict(
        Course.objects.filter(organisation=organisation)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return render(
        request,
        "courses/providers/hub.html",
        {
            "organisation": organisation,
            "statuses": statuses,
            "certifications": certificates,
            "attention": [
                c for c in certificates if c.state != "valid" and c.valid_until >= window_start
            ],
            "form": form,
            "conflict": conflict,
            "course_counts": {
                "published": course_counts.get(Course.Status.PUBLISHED, 0),
                "draft": course_counts.get(Course.Status.DRAFT, 0),
                "unpublished": course_counts.get(Course.Status.UNPUBLISHED, 0),
                "total": sum(course_counts.values()),
            },
            "upcoming_runs": index.public_runs().filter(provider=organisation).count(),
            "listed": index.listed_providers().filter(pk=organisation.pk).exists(),
            "can_sign": request.user.has_perm("courses.sign_declaration", organisation),
        },
    )
