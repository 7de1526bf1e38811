"""The cluster page: where a programme that is a continuing-education cluster shows its
providers (declaration, certifications, quality label, courses) and links to what its
coordinators keep. Committee members see it too, without the coordinators' links."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.rules import get_programme_for

from . import index, quality
from .models import (
    EXPIRY_WARNING_DAYS,
    Certification,
    Course,
    Declaration,
    DeclarationText,
    SelfAssessment,
)

PAGE_SIZE = 50

DECLARATION_STATES = {
    "valid": _("Valid"),
    "resign": _("Needs re-signing"),
    "revoked": _("Revoked"),
}


@dataclass
class ProviderRow:
    organisation: Organisation
    declaration: Declaration
    state: str  # a key of DECLARATION_STATES
    certifications: dict  # valid / expiring / expired → count
    label: SelfAssessment | None  # carries the cluster's label today
    latest: SelfAssessment | None  # the newest self-assessment in the cluster
    courses: int
    upcoming_runs: int

    @property
    def state_label(self) -> str:
        return DECLARATION_STATES[self.state]


def _providers(programme, *, state: str, query: str):
    """The cluster's providers (every organisation that ever signed its declaration), filtered
    by the state of their declaration and by name."""
    signed = Declaration.objects.filter(programme=programme)
    found = Organisation.objects.filter(pk__in=signed.values("organisation"))
    valid = index.valid_declarations().filter(programme=programme).values("organisation")
    open_ = signed.filter(revoked_at__isnull=True).values("organisation")
    if state == "valid":
        found = found.filter(pk__in=valid)
    elif state == "resign":
        found = found.filter(pk__in=open_).exclude(pk__in=valid)
    elif state == "revoked":
        found = found.exclude(pk__in=open_)
    if query:
        found = found.filter(name__icontains=query)
    return found.order_by("name", "pk")


def _rows(programme, organisations: list[Organisation]) -> list[ProviderRow]:
    """One row per provider, in a fixed number of queries whatever the number of providers."""
    today = timezone.localdate()
    ids = [o.pk for o in organisations]
    declarations: dict[int, Declaration] = {}
    for declaration in (
        Declaration.objects.filter(programme=programme, organisation__in=ids)
        .select_related("text")
        .order_by("organisation_id", "-signed_at", "-pk")
    ):
        chosen = declarations.get(declaration.organisation_id)
        # The open signature counts; otherwise the latest one (revoked).
        if chosen is None or (chosen.revoked_at and not declaration.revoked_at):
            declarations[declaration.organisation_id] = declaration
    valid = set(
        index.valid_declarations()
        .filter(programme=programme, organisation__in=ids)
        .values_list("pk", flat=True)
    )
    warn = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    certifications = {
        row["organisation"]: row
        for row in Certification.objects.filter(organisation__in=ids)
        .values("organisation")
        .annotate(
            valid=Count("pk", filter=Q(valid_until__gt=warn)),
            expiring=Count("pk", filter=Q(valid_until__gte=today, valid_until__lte=warn)),
            expired=Count("pk", filter=Q(valid_until__lt=today)),
        )
        .order_by()
    }
    courses = dict(
        Course.objects.filter(organisation__in=ids, status=Course.Status.PUBLISHED)
        .values("organisation")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("organisation", "n")
    )
    runs = dict(
        index.public_runs(today)
        .filter(provider__in=ids)
        .values("provider")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("provider", "n")
    )
    labels: dict[int, SelfAssessment] = {}
    latest: dict[int, SelfAssessment] = {}
    for assessment in (
        SelfAssessment.objects.filter(standard__programme=programme, organisation__in=ids)
        .select_related("standard")
        .order_by("organisation_id", "-standard__version")
    ):
        latest.setdefault(assessment.organisation_id, assessment)
        if assessment.carries_label(today):
            known = labels.get(assessment.organisation_id)
            if known is None or known.label_valid_until < assessment.label_valid_until:
                labels[assessment.organisation_id] = assessment
    none = {"valid": 0, "expiring": 0, "expired": 0}
    rows = []
    for organisation in organisations:
        declaration = declarations[organisation.pk]
        if declaration.revoked_at is not None:
            state = "revoked"
        elif declaration.pk in valid:
            state = "valid"
        else:
            state = "resign"
        rows.append(
            ProviderRow(
                organisation=organisation,
                declaration=declaration,
                state=state,
                certifications=certifications.get(organisation.pk, none),
                label=labels.get(organisation.pk),
                latest=latest.get(organisation.pk),
                courses=courses.get(organisation.pk, 0),
                upcoming_runs=runs.get(organisation.pk, 0),
            )
        )
    return rows


def _summary(programme) -> dict[str, int]:
    signed = Declaration.objects.filter(programme=programme)
    providers = signed.values("organisation").distinct().count()
    open_ = signed.filter(revoked_at__isnull=True).count()
    valid = index.valid_declarations().filter(programme=programme).count()
    return {
        "providers": providers,
        "valid": valid,
        "resign": open_ - valid,
        "revoked": providers - open_,
        "waiting": SelfAssessment.objects.filter(
            standard__programme=programme, status=SelfAssessment.Status.SUBMITTED
        ).count(),
        "labelled": quality.providers_with_label(programme).count(),
        "upcoming_runs": index.public_runs()
        .filter(
            provider__in=index.valid_declarations()
            .filter(programme=programme)
            .values("organisation")
        )
        .count(),
    }


@login_required
def cluster(request: HttpRequest, programme: str) -> HttpResponse:
    """The cluster's overview for its coordinators and committee members."""
    programme_ = get_programme_for(request.user, programme, "courses.review_quality")
    runs_it = request.user.has_perm("courses.manage_cluster", programme_)
    declaration_text = (
        DeclarationText.objects.filter(programme=programme_).order_by("-version").first()
    )
    state = request.GET.get("state", "")
    if state not in DECLARATION_STATES:
        state = ""
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(_providers(programme_, state=state, query=query), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "courses/cluster/cluster.html",
        {
            "programme": programme_,
            "runs_it": runs_it,
            "declaration_text": declaration_text,
            "standard": quality.current_standard(programme_),
            "draft": quality.draft_standard(programme_) if runs_it else None,
            "summary": _summary(programme_) if declaration_text else None,
            "page": page,
            "rows": _rows(programme_, list(page)),
            "state": state,
            "query": query,
            "states": DECLARATION_STATES,
        },
    )
