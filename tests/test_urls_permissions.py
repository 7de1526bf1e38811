"""Every URL of the project, tried by every role of the cast.

The walk reads the URL resolver, so a new URL pattern without an entry in ``EXPECTED`` fails
``test_every_url_pattern_has_an_expectation``: whoever adds a page also decides who may open it.
Our own pages are listed one by one with exact answers; django-allauth's pages are listed one by
one with coarse answers; the admin and the API are generated families and follow one coarse rule
each (the API's own tests check its permissions in detail).

Answers: a status code, ``LOGIN`` (a redirect to the sign-in page that returns here afterwards),
or a predicate over the response for the coarse rules.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver
from PIL import Image

from netzwerkstatt.accounts import services as account_services
from netzwerkstatt.accounts.models import ApiToken, Invitation
from netzwerkstatt.calls.models import AnswerFile, Call, ExpressionOfInterest, Question
from netzwerkstatt.calls.services import expressions as expression_services
from netzwerkstatt.courses import services as course_services
from netzwerkstatt.courses.models import (
    Certification,
    Course,
    CourseRun,
    Declaration,
    DeclarationText,
    ImportJob,
    QualityCriterion,
    QualityStandard,
    SelfAssessment,
)
from netzwerkstatt.discussions.models import Post, Subscription, Thread
from netzwerkstatt.events import services as event_services
from netzwerkstatt.events.models import EventAttachment, Registration, Task, TopicVote
from netzwerkstatt.matching import services as matching_services
from netzwerkstatt.matching.engine import Rules
from netzwerkstatt.matching.models import MatchingRound, ProposedPair
from netzwerkstatt.networks.models import (
    DevelopmentProject,
    Goal,
    LogAttachment,
    LogEntry,
    Milestone,
    Network,
    NetworkMember,
    WorkPackage,
)
from netzwerkstatt.networks.services import documents as document_services
from netzwerkstatt.organisations.models import ContactPerson, Membership
from netzwerkstatt.outreach.models import Transfer
from netzwerkstatt.outreach.services import capacity as capacity_services
from netzwerkstatt.outreach.services import logs as outreach_logs
from netzwerkstatt.outreach.services import transfers as transfer_services
from netzwerkstatt.practices import services as practice_services
from netzwerkstatt.practices.models import Assessment as PracticeAssessment
from netzwerkstatt.practices.models import Practice, PracticeAttachment
from netzwerkstatt.programmes.models import Participation, ProgrammeRole
from netzwerkstatt.selection import review as review_services
from netzwerkstatt.selection import services as selection_services
from netzwerkstatt.selection.models import Application, ApplicationRound, Attachment, Review
from netzwerkstatt.vocabularies.models import IscedField
from tests.factories import (
    ActivityFactory,
    ActorGroupFactory,
    ApplicationFactory,
    ApplicationRoundFactory,
    CallFactory,
    ConsortiumFactory,
    ContactPersonFactory,
    ExpressionFactory,
    GroupMemberFactory,
    QuestionFactory,
)

ROLES = (
    "anonymous",
    "outsider",
    "member",
    "org_admin",
    "coordinator",
    "committee_member",
    "platform_admin",
)
LOGIN = "login"


@dataclass(frozen=True)
class Route:
    key: str  # the URL name with its namespaces, or the pattern for unnamed ones
    pattern: str
    converters: tuple[str, ...]


def _walk(patterns, prefix: str = "", namespace: str | None = None) -> Iterator[Route]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            name = pattern.name
            key = (f"{namespace}:{name}" if namespace else name) if name else route
            yield Route(key=key, pattern=route, converters=_parameters(route))


def _parameters(route: str) -> tuple[str, ...]:
    """Names of the parameters in a route: ``<int:pk>`` and ``(?P<pk>...)`` alike."""
    return tuple(a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route))


ROUTES = list(_walk(get_resolver().url_patterns))


# The expectations ------------------------------------------------------------------------------


def everyone(answer) -> dict:
    return dict.fromkeys(ROLES, answer)


def signed_in(answer=200) -> dict:
    return {**everyone(answer), "anonymous": LOGIN}


def only(*allowed: str, answer=200) -> dict:
    """Signed-in people named in ``allowed`` get ``answer``, other signed-in people 403."""
    return {
        role: LOGIN if role == "anonymous" else (answer if role in allowed else 403)
        for role in ROLES
    }


def hidden_from_others(answer=200) -> dict:
    """For a draft call: the people who run the programme get ``answer``, other signed-in people
    404 (a draft does not exist for them)."""
    return {
        role: LOGIN if role == "anonymous" else (answer if role in PROGRAMME_RUNNERS else 404)
        for role in ROLES
    }


def group_page(*, runners=200, answer=200) -> dict:
    """An actor group's page: the members of its organisations (member, org_admin) get
    ``answer``, the people who run the call ``runners``, everyone else does not find it."""
    return {
        "anonymous": LOGIN,
        "outsider": 404,
        "committee_member": 404,
        "member": answer,
        "org_admin": answer,
        "coordinator": runners,
        "platform_admin": runners,
    }


def network_page(*, members=200) -> dict:
    """A page of a network's workspace: the people of its member organisations (member,
    org_admin) get ``members``, the people who run the programme 200, everyone else does not
    find it."""
    return {
        "anonymous": LOGIN,
        "outsider": 404,
        "committee_member": 404,
        "member": members,
        "org_admin": members,
        "coordinator": 200,
        "platform_admin": 200,
    }


def not_a_server_error(response) -> bool:
    return response.status_code < 500


def refused_unless_staff(response) -> bool:
    """The admin sends people who are not staff to its own sign-in page."""
    return response.status_code == 302 and response["Location"].startswith("/admin/login/")


def shown_or_sent_on(response) -> bool:
    return response.status_code in (200, 302)


def admin_rule(route: Route) -> dict:
    if route.key == "admin:login":
        return {**everyone(shown_or_sent_on)}
    if route.key == "admin:logout":
        # Signing out takes a POST; people who are not staff are sent to the admin's index.
        return {**everyone(302), "platform_admin": 405}
    staff = {"platform_admin": not_a_server_error}
    return {**everyone(refused_unless_staff), **staff}


def api_rule(route: Route) -> dict:
    return everyone(not_a_server_error)


ORGANISATION_ADMINS = ("org_admin", "platform_admin")
PROGRAMME_RUNNERS = ("coordinator", "platform_admin")

EXPECTED: dict[str, dict] = {
    # core
    "core:home": everyone(200),
    "core:dashboard": signed_in(),
    "core:page": everyone(200),
    "core:audit_log": only("platform_admin"),
    "core:set_language": everyone(405),
    # accounts
    "accounts:profile": signed_in(),
    "accounts:tokens": signed_in(),
    "accounts:revoke_token": everyone(405),
    "accounts:export": signed_in(),
    "accounts:delete": signed_in(),
    "accounts:invitation": everyone(200),
    # organisations
    "organisations:directory": everyone(200),
    "organisations:create": signed_in(),
    "organisations:detail": everyone(200),
    "organisations:edit": only(*ORGANISATION_ADMINS),
    "organisations:members": only(*ORGANISATION_ADMINS),
    "organisations:change_role": everyone(405),
    "organisations:remove_member": everyone(405),
    "organisations:revoke_invitation": everyone(405),
    "organisations:contact_create": only(*ORGANISATION_ADMINS),
    "organisations:contact_edit": only(*ORGANISATION_ADMINS),
    "organisations:contact_delete": everyone(405),
    # programmes
    "programmes:list": everyone(200),
    "programmes:create": only("platform_admin"),
    "programmes:detail": everyone(200),
    "programmes:edit": only(*PROGRAMME_RUNNERS),
    "programmes:people": only(*PROGRAMME_RUNNERS),
    "programmes:revoke_role": everyone(405),
    "programmes:revoke_invitation": everyone(405),
    "programmes:participants": only(*PROGRAMME_RUNNERS),
    "programmes:remove_participant": everyone(405),
    "programmes:audit_log": only(*PROGRAMME_RUNNERS),
    # calls: the public pages, and setting a call up
    "calls:list": everyone(200),
    "calls:create": only(*PROGRAMME_RUNNERS),
    "calls:detail": everyone(200),
    "calls:edit": only(*PROGRAMME_RUNNERS),
    "calls:questions": only(*PROGRAMME_RUNNERS),
    "calls:question_edit": only(*PROGRAMME_RUNNERS),
    "calls:question_delete": everyone(405),
    "calls:criteria": only(*PROGRAMME_RUNNERS),
    "calls:rubric": only(*PROGRAMME_RUNNERS),
    "calls:preview": only(*PROGRAMME_RUNNERS),
    "calls:publish": everyone(405),
    # calls: screening and the funnel, for the people who run the call
    "calls:screening": only(*PROGRAMME_RUNNERS),
    "calls:screening_bulk": everyone(405),
    "calls:screening_release": only(*PROGRAMME_RUNNERS),
    "calls:screening_expression": only(*PROGRAMME_RUNNERS),
    "calls:screening_file": only(*PROGRAMME_RUNNERS),
    "calls:overview": only(*PROGRAMME_RUNNERS),
    "calls:overview_csv": only(*PROGRAMME_RUNNERS),
    "calls:overview_xlsx": only(*PROGRAMME_RUNNERS),
    # calls: expressions of interest; the group's members change it, the call's runners read it
    # (a platform admin passes every permission, as Django's superusers do, but only members of
    # the lead organisation submit, withdraw and invite)
    "calls:start": signed_in(),
    "calls:group": group_page(),
    "calls:group_file": group_page(),
    "calls:group_profile": group_page(runners=403),
    "calls:group_answers": group_page(runners=403),
    "calls:group_partners": group_page(runners=403),
    "calls:group_autosave": everyone(405),
    "calls:group_submit": everyone(405),
    "calls:group_withdraw": everyone(405),
    "calls:partner_answer": everyone(200),  # whoever holds the link reads it; members answer
    "calls:partner_invitation": {**group_page(runners=404), "outsider": 404},
    # matching: the people who run the call propose, confirm and read the explanations; a
    # group's members see its proposed partner and answer (the call's runners may look)
    "matching:home": only(*PROGRAMME_RUNNERS),
    "matching:propose": only(*PROGRAMME_RUNNERS),
    "matching:round": only(*PROGRAMME_RUNNERS),
    "matching:confirm": everyone(405),
    "matching:pair": only(*PROGRAMME_RUNNERS),
    "matching:group": group_page(),
    "matching:answer": everyone(405),
    # selection: a consortium's members write its joint application, the call's runners read it
    # (a platform admin too, but acting for a consortium is for its members only) and keep the
    # list with the deadline
    "selection:list": only(*PROGRAMME_RUNNERS),
    "selection:workspace": group_page(),
    "selection:part": group_page(runners=403),
    "selection:work_programme": group_page(runners=403),
    "selection:roles": group_page(runners=403),
    "selection:attachments": group_page(runners=403),
    "selection:attachment": group_page(),
    "selection:submit": everyone(405),
    "selection:pdf": group_page(),
    # selection: the committee's review. The call's runners assign, rank and decide; the
    # committee member reviews what they are assigned (nobody else finds a review, platform
    # admins included) and declares conflicts of interest.
    "selection:review_overview": only(*PROGRAMME_RUNNERS),
    "selection:review_settings": everyone(405),
    "selection:auto_assign": everyone(405),
    "selection:reviewers": only(*PROGRAMME_RUNNERS),
    "selection:unassign": everyone(405),
    "selection:my_reviews": only("committee_member"),
    "selection:review": {**signed_in(404), "committee_member": 200},
    "selection:submit_review": everyone(405),
    "selection:conflict": only("committee_member"),
    "selection:ranking": only(*PROGRAMME_RUNNERS),
    "selection:ranking_csv": only(*PROGRAMME_RUNNERS),
    "selection:decision": everyone(405),
    "selection:release": only(*PROGRAMME_RUNNERS),
    # networks: their public cards, for everyone who may see the programme
    "networks:list": everyone(200),
    "networks:detail": everyone(200),
    # networks: the coordinators create them and keep their card and members (people who may
    # not manage a network do not find these pages); the workspace is for the people of the
    # member organisations and the coordinators
    "networks:create": only(*PROGRAMME_RUNNERS),
    "networks:edit": network_page(members=404),
    "networks:members": network_page(members=404),
    "networks:projects_overview": only(*PROGRAMME_RUNNERS),
    # networks: the coordinators' dashboard of all networks, as a page and a spreadsheet; a
    # network's activity stream, for the people of its workspace
    "networks:dashboard": only(*PROGRAMME_RUNNERS),
    "networks:dashboard_xlsx": only(*PROGRAMME_RUNNERS),
    "networks:activity": network_page(),
    "networks:work_programme": network_page(),
    "networks:goal_new": network_page(),
    "networks:goal": network_page(),
    "networks:work_package_new": network_page(),
    "networks:work_package": network_page(),
    "networks:milestone_new": network_page(),
    "networks:milestone": network_page(),
    "networks:projects": network_page(),
    "networks:project": network_page(),
    "networks:project_edit": network_page(),
    "networks:log_attachment": network_page(),
    "networks:documents": network_page(),
    "networks:document_folder": network_page(),
    "networks:document_upload": network_page(),
    "networks:document": network_page(),
    "networks:document_download": network_page(),
    "networks:document_inline": network_page(),
    "networks:document_thumbnail": network_page(),
    # events: a programme-wide event is for the programme's people (outsiders do not find it);
    # the coordinators manage it; a network's events are for its workspace, and the lead
    # organisation's admins add its meetings; the feed answers whoever holds its secret address
    "events:list": signed_in(),
    "events:create": only(*PROGRAMME_RUNNERS),
    "events:detail": {**signed_in(), "outsider": 404},
    "events:ics": {**signed_in(), "outsider": 404},
    "events:attachment": {**signed_in(), "outsider": 404},
    "events:edit": {**only(*PROGRAMME_RUNNERS), "outsider": 404},
    "events:cancel": {**only(*PROGRAMME_RUNNERS), "outsider": 404},
    "events:attendance": {**only(*PROGRAMME_RUNNERS), "outsider": 404},
    "events:minutes": {**only(*PROGRAMME_RUNNERS), "outsider": 404},
    "events:register": everyone(405),
    "events:unregister": everyone(405),
    "events:task_done": everyone(405),
    "events:attachment_upload": everyone(405),
    "events:topics": {**signed_in(), "outsider": 403},
    "events:topic_vote": everyone(405),
    "events:topic_seminar": only(*PROGRAMME_RUNNERS),
    "events:network_list": network_page(),
    "events:network_create": {**network_page(), "member": 403},
    "events:feed": everyone(200),
    "events:calendar": signed_in(),
    # discussions: a programme's threads are for its people (outsiders are refused the list and
    # do not find a thread); a network's for its workspace. The member wrote the post.
    "discussions:list": {**signed_in(), "outsider": 403},
    "discussions:create": {**signed_in(), "outsider": 403},
    "discussions:thread": {**signed_in(), "outsider": 404},
    "discussions:reply": {**signed_in(), "outsider": 404},
    "discussions:history": {**signed_in(), "outsider": 404},
    "discussions:edit": {**only("member"), "outsider": 404},
    "discussions:subscription": everyone(405),
    "discussions:close": everyone(405),
    "discussions:moderate": everyone(405),
    "discussions:network_list": network_page(),
    "discussions:network_create": network_page(),
    "discussions:network_thread": network_page(),
    "discussions:network_reply": network_page(),
    "discussions:network_history": network_page(),
    "discussions:network_edit": {
        **network_page(),
        "org_admin": 403,
        "coordinator": 403,
        "platform_admin": 403,
    },
    "discussions:network_subscription": everyone(405),
    "discussions:network_close": everyone(405),
    "discussions:network_moderate": everyone(405),
    # good practice: the programme's people see the list; members of participating organisations
    # document practice. A draft exists for its organisation and the people who run the
    # programme; a practice in assessment also for its assessor (the committee member). The
    # owners edit and translate; the coordinators assign assessors; only the assessor finds an
    # assessment, platform admins included.
    "practices:list": {**signed_in(), "outsider": 403},
    "practices:create": only("member", "org_admin"),
    "practices:criteria": only(*PROGRAMME_RUNNERS),
    "practices:detail": {**network_page(), "committee_member": 200},
    "practices:edit": {**network_page(), "coordinator": 403},
    "practices:submit": everyone(405),
    "practices:attachment": network_page(),
    "practices:translations": {**network_page(), "coordinator": 403},
    "practices:translation_edit": {**network_page(), "coordinator": 403},
    "practices:assessment": {**network_page(members=403), "committee_member": 403},
    "practices:assess": {**signed_in(404), "committee_member": 200},
    "practices:feedback": {**network_page(), "coordinator": 403, "committee_member": 403},
    # the public catalogue of good practice and its open data: no sign-in
    "catalogue:index": everyone(200),
    "catalogue:csv": everyone(200),
    "catalogue:json": everyone(200),
    "catalogue:feed": everyone(200),
    # transfers, capacity building and the outreach logs: the people of a participating
    # organisation adopt and record; the programme's people read; capacity plans are the
    # workspace's, written by member organisations only (platform admins, as superusers, pass
    # every rule)
    "outreach:adopt": only("member", "org_admin", "platform_admin"),
    "outreach:transfer": {**signed_in(), "outsider": 404},
    "outreach:transfer_status": everyone(405),
    "outreach:transfer_step": {**only("member", "org_admin", "platform_admin"), "outsider": 404},
    "outreach:capacity_overview": only(*PROGRAMME_RUNNERS),
    "outreach:network_plans": network_page(),
    "outreach:plan_create": {**network_page(), "coordinator": 403},
    "outreach:plan": network_page(),
    "outreach:plan_step": {**network_page(), "coordinator": 403},
    "outreach:stakeholders": {**signed_in(), "outsider": 403},
    "outreach:stakeholder_create": only("member", "org_admin", "platform_admin"),
    "outreach:stakeholder_edit": {**signed_in(), "outsider": 403, "committee_member": 403},
    "outreach:stakeholders_csv": {**signed_in(), "outsider": 403},
    "outreach:dissemination": {**signed_in(), "outsider": 403},
    "outreach:dissemination_create": only("member", "org_admin", "platform_admin"),
    "outreach:dissemination_edit": {**signed_in(), "outsider": 403, "committee_member": 403},
    "outreach:dissemination_csv": {**signed_in(), "outsider": 403},
    # the funder report: the people who run the programme, and the admins of a network's lead
    # organisation for that network (the world's organisation leads a network)
    "reports:report": only(*PROGRAMME_RUNNERS, "org_admin"),
    "reports:pdf": only(*PROGRAMME_RUNNERS, "org_admin"),
    "reports:xlsx": only(*PROGRAMME_RUNNERS, "org_admin"),
    # a training provider's courses: its people keep them, the coordinators of its cluster read
    # the list and the course pages (the walk provider signed the world programme's declaration)
    "courses:manage_courses": only("member", "org_admin", *PROGRAMME_RUNNERS),
    "courses:course_manage": only("member", "org_admin", *PROGRAMME_RUNNERS),
    "courses:course_create": only("member", "org_admin", "platform_admin"),
    "courses:course_edit": only("member", "org_admin", "platform_admin"),
    "courses:course_publish": everyone(405),
    "courses:course_unpublish": everyone(405),
    "courses:course_delete": everyone(405),
    "courses:run_create": only("member", "org_admin", "platform_admin"),
    "courses:run_edit": only("member", "org_admin", "platform_admin"),
    "courses:run_duplicate": only("member", "org_admin", "platform_admin"),
    "courses:run_delete": everyone(405),
    # a training provider's hub, declarations and certifications: its people (admins sign;
    # checked in tests/courses); the evidence also for the reviewers of its cluster
    "courses:provider_hub": only("member", "org_admin", "platform_admin"),
    "courses:declarations": only("member", "org_admin", "platform_admin"),
    "courses:certifications": only("member", "org_admin", "platform_admin"),
    "courses:certification_create": only("member", "org_admin", "platform_admin"),
    "courses:certification_edit": only("member", "org_admin", "platform_admin"),
    "courses:certification_delete": everyone(405),
    "courses:certification_evidence": {**signed_in(), "outsider": 403},
    # a cluster's declaration text: its coordinators
    "courses:declaration_text": only(*PROGRAMME_RUNNERS),
    # a cluster's page, quality standard and reviews: its coordinators keep the standard; its
    # coordinators and committee members see the providers and review self-assessments; the
    # people of a provider assess it against the standard
    "courses:cluster": only("coordinator", "committee_member", "platform_admin"),
    "courses:standard": only(*PROGRAMME_RUNNERS),
    "courses:standard_draft": only(*PROGRAMME_RUNNERS),
    "courses:standard_version": only(*PROGRAMME_RUNNERS),
    "courses:reviews": only("coordinator", "committee_member", "platform_admin"),
    "courses:review": only("coordinator", "committee_member", "platform_admin"),
    "courses:self_assessment": only("member", "org_admin", "platform_admin"),
    # the public continuing-education database: search, comparison, course and provider pages
    # and open data, no sign-in
    "courses:search": everyone(200),
    "courses:compare": everyone(200),
    "courses:export": everyone(200),
    "courses:provider": everyone(200),
    "courses:provider_export": everyone(200),
    "courses:course": everyone(200),
    # importing courses: a provider's people for the provider, the coordinators for their
    # cluster; the column documentation and the template files are public
    "courses:import_provider": only("member", "org_admin", "platform_admin"),
    "courses:import_job": only("member", "org_admin", "platform_admin"),
    "courses:import_cluster": only(*PROGRAMME_RUNNERS),
    "courses:import_cluster_job": only(*PROGRAMME_RUNNERS),
    "courses:import_help": everyone(200),
    "courses:import_template": everyone(200),
    # uploaded files (logos) are public
    "media": everyone(200),
    # django-allauth: coarse
    "account_login": {**everyone(302), "anonymous": 200},
    "account_logout": {**everyone(200), "anonymous": 302},
    "account_inactive": everyone(200),
    "account_signup": {**everyone(302), "anonymous": 200},
    "account_reauthenticate": signed_in(200),
    "account_email": signed_in(200),
    "account_email_verification_sent": everyone(200),
    "account_change_password": signed_in(200),
    "account_set_password": signed_in(302),
    "account_reset_password": everyone(200),
    "account_confirm_login_code": everyone(302),
    "account_confirm_email": everyone(200),
    "account_reset_password_from_key_done": everyone(200),
    "account_reset_password_from_key": everyone(200),
    "account_reset_password_done": everyone(200),
    "mfa_index": signed_in(200),
    "mfa_authenticate": everyone(302),
    "mfa_reauthenticate": signed_in(302),
    "mfa_activate_totp": signed_in(not_a_server_error),
    "mfa_deactivate_totp": signed_in(not_a_server_error),
    "mfa_view_recovery_codes": signed_in(not_a_server_error),
    "mfa_generate_recovery_codes": signed_in(not_a_server_error),
    "mfa_download_recovery_codes": signed_in(not_a_server_error),
}

FAMILIES: dict[str, Callable[[Route], dict]] = {"admin:": admin_rule, "api:": api_rule}


def expectation(route: Route) -> dict | None:
    if route.key in EXPECTED:
        return EXPECTED[route.key]
    for prefix, rule in FAMILIES.items():
        if route.key.startswith(prefix) or route.pattern.startswith(prefix.rstrip(":") + "/"):
            return rule(route)
    return None


def test_every_url_pattern_has_an_expectation():
    missing = [r.key for r in ROUTES if expectation(r) is None]

    assert missing == [], f"Add these URLs to EXPECTED in {Path(__file__).name}: {missing}"


def test_a_url_of_a_new_app_without_an_entry_is_reported():
    assert expectation(Route(key="newapp:list", pattern="newapp/", converters=())) is None
    assert expectation(Route(key="account_new", pattern="accounts/new/", converters=())) is None
    # The generated families follow their coarse rule without an entry.
    assert expectation(Route(key="api:list_calls", pattern="api/v1/calls", converters=()))


def test_every_expectation_belongs_to_a_url_pattern():
    keys = {r.key for r in ROUTES}

    assert sorted(set(EXPECTED) - keys) == []


def test_every_expectation_names_every_role():
    incomplete = [r.key for r in ROUTES if set(expectation(r) or ROLES) != set(ROLES)]

    assert incomplete == []


# Filling in the URLs ----------------------------------------------------------------------------


@pytest.fixture
def objects(world, settings):
    """Real objects for every URL parameter, around the shared cast."""
    token, _secret = account_services.create_api_token(user=world.member, name="script")
    org_invitation = account_services.invite(
        inviter=world.org_admin,
        email="neu@example.org",
        role="organisation_member",
        organisation=world.organisation,
    )
    programme_invitation = account_services.invite(
        inviter=world.coordinator,
        email="review@example.org",
        role="committee_member",
        programme=world.programme,
    )
    raw_invitation, token_hash = Invitation.new_token()
    Invitation.objects.filter(pk=org_invitation.pk).update(token_hash=token_hash)
    logo = Path(settings.MEDIA_ROOT) / "logos" / "walk.png"
    logo.parent.mkdir(parents=True, exist_ok=True)
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    # A published call of the world's programme, open now, with one submitted expression of
    # interest from a group led by the world's organisation (so member and org_admin belong to
    # it), and a file answering a file question.
    call = CallFactory(programme=world.programme, slug="walk-call")
    group = ActorGroupFactory(
        call=call, country=world.organisation.country, lead=world.organisation
    )
    expression = ExpressionFactory(group=group)
    plan = Path(settings.PRIVATE_MEDIA_ROOT) / "calls" / "walk.pdf"
    plan.parent.mkdir(parents=True, exist_ok=True)
    plan.write_bytes(b"%PDF-1.4")
    answer_file = AnswerFile.objects.create(
        expression=expression,
        question=QuestionFactory(call=call, kind=Question.Kind.FILE, required=False),
        file="calls/walk.pdf",
        original_name="walk.pdf",
        size=8,
    )
    # A draft call with one question, to publish and to remove the question from.
    draft_call = CallFactory(programme=world.programme, slug="walk-draft", status="draft")
    draft_question = QuestionFactory(call=draft_call)
    # The expression pages act on a draft in a second open call, so that saving, submitting and
    # withdrawing change something; there another group has invited the world's organisation.
    apply_call = CallFactory(programme=world.programme, slug="walk-apply")
    apply_question = QuestionFactory(call=apply_call, required=False)
    draft_group = ActorGroupFactory(
        call=apply_call, country=world.organisation.country, lead=world.organisation
    )
    draft = ExpressionFactory(group=draft_group, status="draft", submitted_at=None)
    draft_file = AnswerFile.objects.create(
        expression=draft,
        question=QuestionFactory(call=apply_call, kind=Question.Kind.FILE, required=False),
        file="calls/walk.pdf",
        original_name="walk.pdf",
        size=8,
    )
    inviting = ActorGroupFactory(call=apply_call, country=world.organisation.country)
    ExpressionFactory(group=inviting, status="draft", submitted_at=None)
    invited = GroupMemberFactory(
        group=inviting,
        organisation=world.organisation,
        status="invited",
        token_hash=expression_services.token_hash("walk-partner-link"),
    )
    # Matching, in a fourth call: a confirmed round pairs an eligible German group led by the
    # world's organisation (its page, its answer) with an Italian group; a proposed round pairs
    # two other groups (to confirm).
    match_call = CallFactory(programme=world.programme, slug="walk-match")
    ours = ActorGroupFactory(
        call=match_call, country=world.organisation.country, lead=world.organisation
    )
    ExpressionFactory(group=ours, status="eligible")
    ExpressionFactory(status="eligible", group__call=match_call, group__country="IT")
    confirmed = matching_services.propose_round(
        actor=world.coordinator, call=match_call, rules=Rules()
    )
    matching_services.confirm_round(actor=world.coordinator, round=confirmed)
    for country in ("DE", "IT"):
        ExpressionFactory(status="eligible", group__call=match_call, group__country=country)
    proposed = matching_services.propose_round(
        actor=world.coordinator, call=match_call, rules=Rules()
    )
    # Joint applications, in a fifth call: a consortium whose German side is led by the world's
    # organisation has a complete draft application (so submitting it changes it) with an
    # attachment, before the deadline.
    select_call = CallFactory(programme=world.programme, slug="walk-select")
    ApplicationRoundFactory(call=select_call)
    consortium = ConsortiumFactory(
        call=select_call,
        right__lead=world.organisation,
        right__country=world.organisation.country,
    )
    application = selection_services.start_application(actor=world.member, consortium=consortium)
    Application.objects.filter(pk=application.pk).update(summary="S", objectives="O")
    ActivityFactory(application=application, owner=world.organisation)
    for organisation in (consortium.left.lead, world.organisation):
        application.roles.create(organisation=organisation, role="Partner")
    attachment = Attachment.objects.create(
        application=application, file="calls/walk.pdf", original_name="walk.pdf", size=8
    )
    # In the same call, two submitted applications of other consortia: the world's committee
    # member reviews the first (not submitted yet); the second has no reviewer yet, so that
    # assigning automatically changes something.
    reviewed, unreviewed = (
        ApplicationFactory(
            consortium=ConsortiumFactory(call=select_call),
            status="submitted",
            submitted_at=select_call.opens_at,
        )
        for _ in range(2)
    )
    assignment = review_services.assign_reviewer(
        actor=world.coordinator, application=reviewed, reviewer=world.committee_member
    )
    # A network of the world's programme with the world's organisation as its lead.
    network = Network.objects.create(
        programme=world.programme, name="Walk network", kind=Network.Kind.TANDEM
    )
    NetworkMember.objects.create(
        network=network, organisation=world.organisation, role=NetworkMember.Role.LEAD
    )
    # Its workspace: a goal, a work package, a milestone, a development project whose log entry
    # has an attachment.
    goal = Goal.objects.create(network=network, title="Walk goal")
    work_package = WorkPackage.objects.create(
        network=network,
        goal=goal,
        title="Walk package",
        owner=world.organisation,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    milestone = Milestone.objects.create(
        network=network, title="Walk milestone", due_on=datetime.date(2026, 6, 30)
    )
    project = DevelopmentProject.objects.create(network=network, title="Walk", objective="O")
    log_file = LogAttachment.objects.create(
        entry=LogEntry.objects.create(project=project, kind="other", text="T"),
        file="calls/walk.pdf",
        original_name="walk.pdf",
        size=8,
    )
    # The document library: a folder with a PDF, and an image (which has a preview).
    library_folder = document_services.create_folder(
        actor=world.coordinator, network=network, name="Walk folder"
    )
    pdf_document = document_services.upload_document(
        actor=world.coordinator,
        network=network,
        folder=library_folder,
        upload=SimpleUploadedFile("walk.pdf", b"%PDF-1.4"),
    )
    picture = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(picture, "PNG")
    image_document = document_services.upload_document(
        actor=world.coordinator,
        network=network,
        upload=SimpleUploadedFile("walk.png", picture.getvalue()),
    )
    # Events: a programme-wide event with a task for the member, slides and nobody registered
    # (to register for); a second one everybody of the cast is registered for (to cancel); a
    # seminar topic the member proposed; the member's calendar feed.
    event_data = {
        "kind": "network_meeting",
        "title": "Walk meeting",
        "starts_at": datetime.datetime(2036, 3, 3, 9, tzinfo=datetime.UTC),
        "ends_at": datetime.datetime(2036, 3, 3, 15, tzinfo=datetime.UTC),
        "timezone": "Europe/Berlin",
        "audience": "programme",
    }
    walk_event = event_services.create_event(
        actor=world.coordinator, programme=world.programme, data=event_data
    )
    full_event = event_services.create_event(
        actor=world.coordinator, programme=world.programme, data=event_data
    )
    for role in ROLES[2:]:
        event_services.register(user=getattr(world, role), event=full_event)
    event_pages = {
        "pk": {
            "default": walk_event.pk,
            "events:unregister": full_event.pk,
            "events:network_list": network.pk,
            "events:network_create": network.pk,
        },
        "task_id": event_services.add_task(
            actor=world.coordinator, event=walk_event, title="T", assignee=world.member
        ).pk,
        "attachment_id": EventAttachment.objects.create(
            event=walk_event, file="calls/walk.pdf", original_name="walk.pdf", size=8
        ).pk,
        "topic_id": event_services.propose_topic(
            actor=world.member, programme=world.programme, title="Walk topic"
        ).pk,
        "token": event_services.renew_calendar_feed(user=world.member).token,
    }
    # Discussions: a programme thread and a network thread, each with a post by the member,
    # made directly so that nobody follows them yet.
    discussion_pages = {"pk": network.pk, "thread_id": {}, "post_id": {}}
    for key, owner in (("programme", None), ("network", network)):
        thread = Thread.objects.create(
            programme=world.programme, network=owner, title="Walk", author=world.member
        )
        post = Post.objects.create(thread=thread, author=world.member, body="Walk")
        discussion_pages["thread_id"][key] = thread.pk
        discussion_pages["post_id"][key] = post.pk
    # Good practice of the world's organisation: a draft with an attachment and an Italian
    # translation, and a practice in assessment that the committee member assesses.
    practice_data = {
        "title": "Walk practice",
        "language": "de",
        "summary": "S",
        "approach": "A",
        "results": "R",
        "countries": ["DE"],
    }
    draft_practice = practice_services.create_practice(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data=practice_data,
    )
    practice_services.add_translation(
        actor=world.member, practice=draft_practice, language="it", data={"title": "Pratica"}
    )
    practice_file = PracticeAttachment.objects.create(
        practice=draft_practice, file="calls/walk.pdf", original_name="walk.pdf", size=8
    )
    assessed_practice = practice_services.create_practice(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data=practice_data,
    )
    practice_services.submit_practice(actor=world.member, practice=assessed_practice)
    practice_assessment_item = PracticeAssessment.objects.create(
        practice=assessed_practice, assessor=world.committee_member
    )
    # Transfers and outreach: an Italian organisation of the programme owns two published
    # practices; the world's organisation adopted one (a transfer with a step) and may adopt the
    # other; it has a capacity plan with a step in the network and one entry in each log.
    owner = type(world.organisation).objects.create(
        name="Scuola Walk",
        slug="scuola-walk",
        kind="vocational_school",
        sector="public",
        country="IT",
    )
    published = []
    for title in ("Adopted practice", "Adoptable practice"):
        item = Practice.objects.create(
            programme=world.programme,
            organisation=owner,
            slug=title.lower().replace(" ", "-"),
            title=title,
            language="it",
            status=Practice.Status.PUBLISHED,
        )
        published.append(item)
    transfer = transfer_services.start_transfer(
        actor=world.member, practice=published[0], organisation=world.organisation
    )
    transfer_step = transfer_services.save_transfer_step(
        actor=world.member, transfer=transfer, data={"what": "Walk", "status": "to_do"}
    )
    plan = capacity_services.create_capacity_plan(
        actor=world.member, network=network, organisation=world.organisation, data={"title": "P"}
    )
    plan_step = capacity_services.save_capacity_step(
        actor=world.member, plan=plan, data={"what": "Walk", "status": "to_do"}
    )
    log_entry = {"date": datetime.date(2025, 3, 1), "organisation": world.organisation}
    engagement = outreach_logs.record_engagement(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data={
            "stakeholder": "IHK",
            "group": "chambers",
            "level": "local",
            "topic": "T",
            **log_entry,
        },
    )
    activity = outreach_logs.record_dissemination(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data={"kind": "press", "title": "Walk", "estimated_reach": 1, **log_entry},
    )
    outreach_pages = {
        "slug": published[1].slug,
        "pk": {
            "outreach:transfer": transfer.pk,
            "outreach:transfer_status": transfer.pk,
            "outreach:transfer_step": transfer.pk,
            "outreach:stakeholder_edit": engagement.pk,
            "outreach:dissemination_edit": activity.pk,
            "default": network.pk,
        },
        "step_id": {"outreach:transfer_step": transfer_step.pk, "default": plan_step.pk},
        "plan_id": plan.pk,
    }
    ON_THE_DRAFT_PRACTICE = ("edit", "submit", "attachment", "translations", "translation_edit")
    practice_pages = {
        "slug": {
            f"practices:{name}": (
                draft_practice if name in ON_THE_DRAFT_PRACTICE else assessed_practice
            ).slug
            for name in (*ON_THE_DRAFT_PRACTICE, "detail", "assessment", "assess", "feedback")
        },
        "attachment_id": practice_file.pk,
        "language": "it",
        "assessment_id": practice_assessment_item.pk,
    }
    # A training provider whose people are the world's member and organisation admin, with a
    # declaration in the world's programme (its cluster): a published course with a run, and a
    # draft course (to publish and to delete).
    provider = type(world.organisation).objects.create(
        name="Walk provider", slug="walk-provider", kind="training_provider", sector="private",
        country="DE", region="DE-MV", city="Schwerin",
    )  # fmt: skip
    Membership.objects.create(organisation=provider, user=world.member, role="member")
    Membership.objects.create(organisation=provider, user=world.org_admin, role="admin")
    declaration_text = DeclarationText.objects.create(
        programme=world.programme, version=1, title="Walk", text="Walk"
    )
    Declaration.objects.create(
        programme=world.programme, organisation=provider, text=declaration_text, signer_name="W"
    )
    course_data = {
        "title": "Walk course", "description": "D", "language": "de", "format": "in_person",
        "field": IscedField.objects.get(code="0413"),
    }  # fmt: skip
    walk_course = course_services.create_course(
        actor=world.member, organisation=provider, data=course_data
    )
    walk_run = course_services.add_run(
        actor=world.member,
        course=walk_course,
        data={
            "start_date": datetime.date(2036, 3, 3), "end_date": datetime.date(2036, 6, 3),
            "schedule": "part_time", "online": True, "contact_phone": "0385 1",
        },
    )  # fmt: skip
    course_services.publish_course(actor=world.member, course=walk_course)
    draft_course = course_services.create_course(
        actor=world.member, organisation=provider, data={**course_data, "title": "Walk draft"}
    )
    # A certification of the walk provider with an evidence file.
    walk_certification = Certification.objects.create(
        organisation=provider, kind="iso9001", issuer="DEKRA",
        valid_until=datetime.date(2036, 1, 1), evidence="calls/walk.pdf", evidence_name="walk.pdf",
    )  # fmt: skip
    ON_THE_DRAFT_COURSE = ("courses:course_publish", "courses:course_delete")
    course_pages = {
        "slug": provider.slug,
        "course_slug": {
            "default": walk_course.slug,
            **dict.fromkeys(ON_THE_DRAFT_COURSE, draft_course.slug),
        },
        "run_id": walk_run.pk,
    }
    course_pages["pk"] = walk_certification.pk
    # The public pages show the walk course (courses:course) and its provider; exports as CSV.
    course_pages.update(provider=provider.slug, fmt="csv")
    course_pages["slug"] = {"default": provider.slug, "courses:course": walk_course.slug}
    # The world programme's quality standard: version 1 published, version 2 a draft; the walk
    # provider's self-assessment against version 1 waits for review.
    walk_standard = QualityStandard.objects.create(
        programme=world.programme,
        version=1,
        label_name="Walk",
        published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    )
    QualityCriterion.objects.create(standard=walk_standard, title="Walk criterion")
    QualityStandard.objects.create(programme=world.programme, version=2, label_name="Walk")
    walk_assessment = SelfAssessment.objects.create(
        standard=walk_standard, organisation=provider, status="submitted"
    )
    course_pages["pk"] = {"default": course_pages["pk"], "courses:review": walk_assessment.pk}
    # A finished import of the walk provider's courses, and one of the world programme's cluster.
    for key, owner in (
        ("courses:import_job", {"organisation": provider}),
        ("courses:import_cluster_job", {"programme": world.programme}),
    ):
        course_pages["pk"][key] = ImportJob.objects.create(
            file="calls/walk.pdf", original_name="walk.csv", status="done", **owner
        ).pk
    return {
        "world": world,
        "course_pages": course_pages,
        "walk_certification": walk_certification,
        "walk_course": walk_course,
        "draft_course": draft_course,
        "walk_run": walk_run,
        "practice_pages": practice_pages,
        "outreach_pages": outreach_pages,
        "transfer": transfer,
        "draft_practice": draft_practice,
        "event_pages": event_pages,
        "discussion_pages": discussion_pages,
        "token_id": token.pk,
        "token": raw_invitation,
        "membership_id": Membership.objects.get(
            user=world.member, organisation=world.organisation
        ).pk,
        "organisation_invitation_id": org_invitation.pk,
        "programme_invitation_id": programme_invitation.pk,
        "contact_id": ContactPersonFactory(organisation=world.organisation).pk,
        "role_id": ProgrammeRole.objects.get(user=world.committee_member).pk,
        "participation_id": Participation.objects.get(programme=world.programme).pk,
        "kind": "imprint",
        "path": "logos/walk.png",
        "key": "not-a-real-key",
        "uidb36": "1",
        "content_type_id": ContentType.objects.get_for_model(world.organisation).pk,
        "call": call,
        "group_id": group.pk,
        "expression_id": expression.pk,
        "file_id": answer_file.pk,
        "question_id": answer_file.question_id,
        "draft_call": draft_call,
        "draft_question_id": draft_question.pk,
        "draft_expression_id": draft.pk,
        "apply_question_id": apply_question.pk,
        "expression_pages": {
            "slug": apply_call.slug,
            "group_id": draft_group.pk,
            "file_id": draft_file.pk,
            "member_id": invited.pk,
            "token": "walk-partner-link",
        },
        "matching_pages": {
            "call": match_call.slug,
            "number": confirmed.number,
            "pair_id": confirmed.pairs.get().pk,
            "group_id": ours.pk,
        },
        "proposed_round": proposed,
        "selection_pages": {
            "call": select_call.slug,
            "consortium_id": consortium.pk,
            "part": "summary",
            "attachment_id": attachment.pk,
        },
        "application": application,
        "review_pages": {
            "call": select_call.slug,
            "consortium_id": reviewed.consortium_id,
            "review_id": assignment.pk,
        },
        "reviewed": reviewed,
        "unreviewed": unreviewed,
        "network_pages": {
            "pk": network.pk,
            "item_id": {
                "networks:goal": goal.pk,
                "networks:work_package": work_package.pk,
                "networks:milestone": milestone.pk,
            },
            "project_id": project.pk,
            "attachment_id": log_file.pk,
            "folder_id": library_folder.pk,
            "document_id": {
                "networks:document": pdf_document.pk,
                "networks:document_download": pdf_document.pk,
                "networks:document_inline": pdf_document.pk,
                "networks:document_thumbnail": image_document.pk,
            },
            "number": 1,
        },
    }


def _admin_model(route: Route):
    match = re.match(r"admin/(\w+)/(\w+)/", route.pattern)
    if not match:
        return None
    try:
        return apps.get_model(match.group(1), match.group(2))
    except LookupError:
        return None


# POST-only call pages that act on the draft call rather than the published one.
ON_THE_DRAFT_CALL = {"calls:publish", "calls:question_delete"}
# Expression-of-interest pages, filled from objects["expression_pages"].
EXPRESSION_PAGES = {
    "calls:start", "calls:group", "calls:group_file", "calls:group_profile",
    "calls:group_answers", "calls:group_partners", "calls:group_autosave", "calls:group_submit",
    "calls:group_withdraw", "calls:partner_answer", "calls:partner_invitation",
}  # fmt: skip
# The committee's review pages, filled from objects["review_pages"].
REVIEW_PAGES = {
    "selection:reviewers", "selection:unassign", "selection:review", "selection:submit_review",
    "selection:conflict", "selection:decision",
}  # fmt: skip


def fill(route: Route, objects: dict) -> str:
    """The route with every parameter replaced by a real value."""
    world = objects["world"]
    values = {}
    for name in route.converters:
        if route.key in EXPRESSION_PAGES and name in objects["expression_pages"]:
            values[name] = objects["expression_pages"][name]
        elif route.key == "matching:confirm" and name == "number":
            values[name] = objects["proposed_round"].number
        elif route.key.startswith("matching:") and name in objects["matching_pages"]:
            values[name] = objects["matching_pages"][name]
        elif route.key in REVIEW_PAGES and name in objects["review_pages"]:
            values[name] = objects["review_pages"][name]
        elif route.key.startswith("selection:") and name in objects["selection_pages"]:
            values[name] = objects["selection_pages"][name]
        elif route.key.startswith("networks:") and name in objects["network_pages"]:
            value = objects["network_pages"][name]
            values[name] = value[route.key] if isinstance(value, dict) else value
        elif route.key.startswith("events:") and name in objects["event_pages"]:
            value = objects["event_pages"][name]
            values[name] = (
                value.get(route.key, value["default"]) if isinstance(value, dict) else value
            )
        elif route.key.startswith("discussions:") and name in objects["discussion_pages"]:
            value = objects["discussion_pages"][name]
            where = "network" if route.key.startswith("discussions:network_") else "programme"
            values[name] = value[where] if isinstance(value, dict) else value
        elif route.key.startswith("outreach:") and name in objects["outreach_pages"]:
            value = objects["outreach_pages"][name]
            values[name] = (
                value.get(route.key, value["default"]) if isinstance(value, dict) else value
            )
        elif route.key.startswith("practices:") and name in objects["practice_pages"]:
            value = objects["practice_pages"][name]
            values[name] = value[route.key] if isinstance(value, dict) else value
        elif route.key.startswith("courses:") and name in objects["course_pages"]:
            value = objects["course_pages"][name]
            values[name] = (
                value.get(route.key, value["default"]) if isinstance(value, dict) else value
            )
        elif name == "programme":
            values[name] = world.programme.slug
        elif name == "slug" and route.key.startswith("calls:"):
            values[name] = objects["draft_call" if route.key in ON_THE_DRAFT_CALL else "call"].slug
        elif name == "question_id" and route.key in ON_THE_DRAFT_CALL:
            values[name] = objects["draft_question_id"]
        elif name == "slug":
            is_programme = "programme" in route.key or route.pattern.startswith(
                ("programmes/", "api/v1/programmes")
            )
            values[name] = world.programme.slug if is_programme else world.organisation.slug
        elif name == "invitation_id":
            values[name] = objects[
                "programme_invitation_id"
                if "programmes" in route.key
                else "organisation_invitation_id"
            ]
        elif name in ("object_id", "id") and route.pattern.startswith("admin/"):
            model = _admin_model(route) or type(world.organisation)
            if route.key == "admin:view_on_site":
                values[name] = world.organisation.pk
            else:
                first = model._default_manager.order_by("pk").first()
                values[name] = first.pk if first is not None else 1
        elif name == "app_label":
            values[name] = "organisations"
        elif name == "url":
            values[name] = "nothing/here/"
        elif name == "code":
            values[name] = "work-based-learning"
        elif name in objects:
            values[name] = objects[name]
        else:
            values[name] = 1
    path = route.pattern
    for name, value in values.items():
        path = re.sub(rf"<(?:\w+:)?{name}>|\(\?P<{name}>[^)]*\)", str(value), path, count=1)
    path = path.replace("^", "").replace("$", "")
    return "/" + path


def _matches(response, answer, url: str) -> bool:
    if answer == LOGIN:
        if response.status_code != 302:
            return False
        location = urlsplit(response["Location"])
        return location.path == resolve_url(settings.LOGIN_URL) and parse_qs(location.query).get(
            "next"
        ) == [url]
    if callable(answer):
        return answer(response)
    return response.status_code == answer


def _describe(response) -> str:
    location = f" → {response['Location']}" if response.has_header("Location") else ""
    return f"{response.status_code}{location}"


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_the_role_as_expected(client, objects, role):
    """One person walks every URL; the failure lists every URL that answered wrongly."""
    user = None if role == "anonymous" else getattr(objects["world"], role)
    wrong = []
    for route in ROUTES:
        expected = expectation(route)
        if expected is None:
            continue  # reported by test_every_url_pattern_has_an_expectation
        if user is not None and "_auth_user_id" not in client.session:
            client.force_login(user)
        url = fill(route, objects)
        response = client.get(url)
        if not _matches(response, expected[role], url):
            wrong.append(
                f"{route.key}: GET {url} got {_describe(response)}, expected {expected[role]!r}"
            )

    assert wrong == []


# POST-only views: who may do it, and what happens to the object when refused ----------------------


@dataclass(frozen=True)
class PostCase:
    answers: dict  # role → expected answer
    untouched: Callable[[dict], bool]  # is the target still as it was?
    data: dict | Callable[[dict], dict]  # or made from the objects, for ids


POSTS = {
    # Whoever sees the event registers and cancels their own registration; the assignee and
    # the coordinators tick a task off; the coordinators add slides; participants vote.
    "events:register": PostCase(
        {**signed_in(302), "outsider": 404},
        lambda o: (
            not Registration.objects.filter(event_id=o["event_pages"]["pk"]["default"]).exists()
        ),
        {},
    ),
    "events:unregister": PostCase(
        {**signed_in(302), "outsider": 404},
        lambda o: (
            not Registration.objects.filter(
                event_id=o["event_pages"]["pk"]["events:unregister"], status="cancelled"
            ).exists()
        ),
        {},
    ),
    "events:task_done": PostCase(
        {**only("member", *PROGRAMME_RUNNERS, answer=302), "outsider": 404},
        lambda o: Task.objects.filter(
            pk=o["event_pages"]["task_id"], done_at__isnull=True
        ).exists(),
        {"done": "1"},
    ),
    "events:attachment_upload": PostCase(
        {**only(*PROGRAMME_RUNNERS, answer=302), "outsider": 404},
        lambda o: EventAttachment.objects.count() == 1,
        lambda o: {"file": SimpleUploadedFile("walk.pdf", b"%PDF-1.4", "application/pdf")},
    ),
    "events:topic_vote": PostCase(
        {**signed_in(302), "outsider": 403},
        lambda o: TopicVote.objects.count() == 1,
        {},
    ),
    # Whoever sees a thread follows it; the people who run the programme close threads and
    # hide posts.
    "discussions:subscription": PostCase(
        {**signed_in(302), "outsider": 404},
        lambda o: not Subscription.objects.exists(),
        {"action": "subscribe"},
    ),
    "discussions:network_subscription": PostCase(
        network_page(members=302) | {"coordinator": 302, "platform_admin": 302},
        lambda o: not Subscription.objects.exists(),
        {"action": "subscribe"},
    ),
    "discussions:close": PostCase(
        {**only(*PROGRAMME_RUNNERS, answer=302), "outsider": 404},
        lambda o: not Thread.objects.filter(locked_at__isnull=False).exists(),
        {"action": "close"},
    ),
    "discussions:network_close": PostCase(
        {
            **network_page(),
            "member": 403,
            "org_admin": 403,
            "coordinator": 302,
            "platform_admin": 302,
        },
        lambda o: not Thread.objects.filter(locked_at__isnull=False).exists(),
        {"action": "close"},
    ),
    "discussions:moderate": PostCase(
        {**only(*PROGRAMME_RUNNERS, answer=302), "outsider": 404},
        lambda o: not Post.objects.filter(hidden_at__isnull=False).exists(),
        {"action": "hide"},
    ),
    "discussions:network_moderate": PostCase(
        {
            **network_page(),
            "member": 403,
            "org_admin": 403,
            "coordinator": 302,
            "platform_admin": 302,
        },
        lambda o: not Post.objects.filter(hidden_at__isnull=False).exists(),
        {"action": "hide"},
    ),
    "accounts:revoke_token": PostCase(
        {**signed_in(404), "member": 302},  # only the owner finds the token
        lambda o: ApiToken.objects.filter(pk=o["token_id"]).exists(),
        {},
    ),
    "organisations:change_role": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: Membership.objects.filter(pk=o["membership_id"], role="member").exists(),
        {"role": "admin"},
    ),
    "organisations:remove_member": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: Membership.objects.filter(pk=o["membership_id"]).exists(),
        {},
    ),
    "organisations:revoke_invitation": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: Invitation.objects.filter(
            pk=o["organisation_invitation_id"], status="pending"
        ).exists(),
        {},
    ),
    "organisations:contact_delete": PostCase(
        only(*ORGANISATION_ADMINS, answer=302),
        lambda o: ContactPerson.objects.filter(pk=o["contact_id"]).exists(),
        {},
    ),
    "programmes:revoke_role": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: ProgrammeRole.objects.filter(pk=o["role_id"]).exists(),
        {},
    ),
    "programmes:revoke_invitation": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: Invitation.objects.filter(
            pk=o["programme_invitation_id"], status="pending"
        ).exists(),
        {},
    ),
    "programmes:remove_participant": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: Participation.objects.filter(pk=o["participation_id"]).exists(),
        {},
    ),
    "calls:screening_bulk": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: ExpressionOfInterest.objects.filter(
            pk=o["expression_id"], screening_decision=""
        ).exists(),
        lambda o: {"expressions": [o["expression_id"]], "decision": "eligible", "reason": ""},
    ),
    "calls:publish": PostCase(
        hidden_from_others(302),
        lambda o: Call.objects.filter(pk=o["draft_call"].pk, status="draft").exists(),
        {},
    ),
    "calls:question_delete": PostCase(
        hidden_from_others(302),
        lambda o: Question.objects.filter(pk=o["draft_question_id"]).exists(),
        {},
    ),
    "calls:group_submit": PostCase(
        group_page(runners=403, answer=302),
        lambda o: ExpressionOfInterest.objects.filter(
            pk=o["draft_expression_id"], status="draft"
        ).exists(),
        {},
    ),
    "calls:group_withdraw": PostCase(
        group_page(runners=403, answer=302),
        lambda o: ExpressionOfInterest.objects.filter(
            pk=o["draft_expression_id"], status="draft"
        ).exists(),
        {},
    ),
    # Without htmx, autosave saves like the form's "Save draft" button and goes back.
    "calls:group_autosave": PostCase(
        group_page(runners=403, answer=302),
        lambda o: ExpressionOfInterest.objects.get(pk=o["draft_expression_id"]).answers == {},
        lambda o: {"version": 1, f"q_{o['apply_question_id']}": "Gemeinsam ausbilden"},
    ),
    # Members of either group submit; the call's runners (a platform admin too) may not.
    "selection:submit": PostCase(
        group_page(runners=403, answer=302),
        lambda o: Application.objects.filter(pk=o["application"].pk, status="draft").exists(),
        {},
    ),
    # The committee's review: the call's runners (a platform admin too) change the settings,
    # assign, remove and decide; only the reviewer submits their review.
    "selection:review_settings": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: (
            ApplicationRound.objects.get(call=o["reviewed"].call).reviewers_per_application == 2
        ),
        {"reviewers_per_application": 3},
    ),
    "selection:auto_assign": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: not Review.objects.filter(application=o["unreviewed"]).exists(),
        {},
    ),
    "selection:unassign": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: Review.objects.filter(pk=o["review_pages"]["review_id"]).exists(),
        {},
    ),
    "selection:submit_review": PostCase(
        {**signed_in(404), "committee_member": 302},
        lambda o: Review.objects.filter(
            pk=o["review_pages"]["review_id"], status="assigned"
        ).exists(),
        {"version": 1},
    ),
    "selection:decision": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: Application.objects.get(pk=o["reviewed"].pk).decision == "",
        lambda o: {
            f"decision-{o['reviewed'].pk}-decision": "selected",
            f"decision-{o['reviewed'].pk}-decision_version": 1,
        },
    ),
    # The owners submit their draft for assessment; the coordinators may not.
    "practices:submit": PostCase(
        {**network_page(members=302), "coordinator": 403, "platform_admin": 302},
        lambda o: Practice.objects.filter(pk=o["draft_practice"].pk, status="draft").exists(),
        {},
    ),
    # The people of the adopting organisation change the transfer's state.
    "outreach:transfer_status": PostCase(
        {**only("member", "org_admin", "platform_admin", answer=302), "outsider": 404},
        lambda o: Transfer.objects.filter(pk=o["transfer"].pk, status="planned").exists(),
        {"action": "begin", "version": 1},
    ),
    "matching:confirm": PostCase(
        only(*PROGRAMME_RUNNERS, answer=302),
        lambda o: MatchingRound.objects.filter(
            pk=o["proposed_round"].pk, status="proposed"
        ).exists(),
        {},
    ),
    # Only the members of the group's organisations act for it, platform admins included.
    "matching:answer": PostCase(
        group_page(runners=403, answer=302),
        lambda o: ProposedPair.objects.filter(
            pk=o["matching_pages"]["pair_id"], right_answer="pending"
        ).exists(),
        {"answer": "accept"},
    ),
    # A provider's people publish, unpublish and delete its courses and runs (platform admins,
    # as superusers, too); the coordinators of its cluster only read them.
    "courses:course_publish": PostCase(
        only("member", "org_admin", "platform_admin", answer=302),
        lambda o: Course.objects.filter(pk=o["draft_course"].pk, status="draft").exists(),
        {},
    ),
    "courses:course_unpublish": PostCase(
        only("member", "org_admin", "platform_admin", answer=302),
        lambda o: Course.objects.filter(pk=o["walk_course"].pk, status="published").exists(),
        {},
    ),
    "courses:course_delete": PostCase(
        only("member", "org_admin", "platform_admin", answer=302),
        lambda o: Course.objects.filter(pk=o["draft_course"].pk).exists(),
        {},
    ),
    "courses:certification_delete": PostCase(
        only("member", "org_admin", "platform_admin", answer=302),
        lambda o: Certification.objects.filter(pk=o["walk_certification"].pk).exists(),
        {},
    ),
    "courses:run_delete": PostCase(
        only("member", "org_admin", "platform_admin", answer=302),
        lambda o: CourseRun.objects.filter(pk=o["walk_run"].pk).exists(),
        {},
    ),
}
ROUTES_BY_KEY = {r.key: r for r in ROUTES}


def test_every_post_only_view_has_a_post_expectation():
    post_only = sorted(key for key, answers in EXPECTED.items() if answers == everyone(405))

    assert post_only == sorted([*POSTS, "core:set_language"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(POSTS))
def test_post_only_view_acts_only_for_the_right_people(client, objects, key, role):
    case = POSTS[key]
    url = fill(ROUTES_BY_KEY[key], objects)
    if role != "anonymous":
        client.force_login(getattr(objects["world"], role))

    response = client.post(url, case.data(objects) if callable(case.data) else case.data)

    assert _matches(response, case.answers[role], url), _describe(response)
    assert case.untouched(objects) is (case.answers[role] != 302)
