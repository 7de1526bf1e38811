from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from netzwerkstatt.accounts import services as account_services
from netzwerkstatt.accounts.models import Invitation
from netzwerkstatt.calls.models import ActorGroup, Call, ExpressionOfInterest, GroupMember
from netzwerkstatt.courses import certifications as course_certifications
from netzwerkstatt.events import queries as event_queries
from netzwerkstatt.networks import activity
from netzwerkstatt.networks.models import Network
from netzwerkstatt.organisations.models import Membership, Organisation
from netzwerkstatt.programmes.models import Programme, ProgrammeRole

from .models import AuditEntry, SitePage

AUDIT_PAGE_SIZE = 50
DASHBOARD_ACTIVITY = 10


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/home.html",
        {
            "programmes": Programme.objects.filter(is_public=True)[:6],
            "organisation_count": Organisation.objects.count(),
            "programme_count": Programme.objects.filter(is_public=True).count(),
            "country_count": len(set(Organisation.objects.values_list("country", flat=True))),
        },
    )


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    memberships = Membership.objects.filter(user=user).select_related("organisation")
    roles = ProgrammeRole.objects.filter(user=user).select_related("programme")
    programmes: dict[int, dict] = {}
    for role in roles:
        entry = programmes.setdefault(role.programme_id, {"programme": role.programme, "roles": []})
        entry["roles"].append(role.get_role_display())
    for programme in Programme.objects.filter(
        participations__organisation__memberships__user=user
    ).distinct():
        programmes.setdefault(programme.pk, {"programme": programme, "roles": []})
    tasks = []
    for invitation in (
        Invitation.objects.open()
        .filter(email__iexact=user.email)
        .select_related("organisation", "programme")
    ):
        tasks.append({"kind": "invitation", "invitation": invitation})
    for membership in memberships:
        organisation = membership.organisation
        if membership.role == Membership.Role.ADMIN and not (
            organisation.description and organisation.region
        ):
            tasks.append({"kind": "profile", "organisation": organisation})
    # Certifications of the person's training providers that expire soon or expired lately.
    providers = [
        m.organisation
        for m in memberships
        if m.organisation.kind == Organisation.Kind.TRAINING_PROVIDER
    ]
    for certification in course_certifications.needing_attention(providers):
        tasks.append({"kind": "certification", "certification": certification})
    # Actor groups the person works in (their organisation leads or has confirmed), and
    # invitations for their organisations to join a group while its call is open.
    now = timezone.now()
    groups = list(
        ActorGroup.objects.filter(
            members__organisation__memberships__user=user,
            members__status=GroupMember.Status.CONFIRMED,
            expression__isnull=False,
        )
        .select_related("call__programme", "expression")
        .distinct()
        .order_by("-call__closes_at", "name")
    )
    for invitation in GroupMember.objects.filter(
        organisation__memberships__user=user,
        status=GroupMember.Status.INVITED,
        group__call__status=Call.Status.PUBLISHED,
        group__call__opens_at__lte=now,
        group__call__closes_at__gt=now,
        group__expression__status__in=ExpressionOfInterest.EDITABLE,
    ).select_related("group__call__programme", "group__lead", "organisation"):
        tasks.append({"kind": "partner_invitation", "member": invitation})
    for group in groups:
        if group.expression.status == ExpressionOfInterest.Status.DRAFT and group.call.is_open:
            tasks.append({"kind": "expression_draft", "group": group})
    # Follow-up tasks from events' minutes, assigned to the person.
    for task in event_queries.open_tasks_of(user):
        tasks.append({"kind": "event_task", "task": task})
    if not user.authenticator_set.exists():
        tasks.append({"kind": "mfa"})
    # What happened lately in the networks of the person's organisations and programmes.
    networks = Network.objects.filter(
        pk__in=activity.network_ids_for_dashboard(user)
    ).select_related("programme")
    return render(
        request,
        "core/dashboard.html",
        {
            "memberships": memberships,
            "programmes": list(programmes.values()),
            "groups": groups,
            "tasks": tasks,
            "next_events": event_queries.next_events_of(user),
            "recent_activity": activity.stream(networks, limit=DASHBOARD_ACTIVITY),
        },
    )


def site_page(request: HttpRequest, kind: str) -> HttpResponse:
    page = get_object_or_404(SitePage, kind=kind)
    return render(request, "core/site_page.html", {"page": page})


@login_required
@permission_required("core.view_audit_log", raise_exception=True)
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = AuditEntry.objects.select_related("actor", "programme", "organisation")
    return render_audit_log(request, entries, title=None)


def render_audit_log(request: HttpRequest, entries, *, title, programme=None) -> HttpResponse:
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__startswith=action)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_log.html",
        {"page": page, "programme": programme, "title": title, "action": action},
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered in a cookie and, when signed in, on the account."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            account_services.set_language(user=request.user, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    return response
