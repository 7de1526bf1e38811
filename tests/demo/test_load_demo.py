"""``manage.py load_demo``: the demo data a new installation shows first.

The command is called as an operator would call it, twice where it matters, and the tests read
the database to check the programmes are at the scale of the seed texts, every role has a working
login and the audit log tells how the data came about. The calls are checked the same way: the
closed Call to Action at the seed's scale, screened and decided, matched into 14 consortia whose
14 joint applications the steering committee reviewed and selected six model networks from, and
the open call with its screening under way. Then the networks at work: the model networks' work
programmes, kick-off and next meetings, and the ten Hessian tandems with their development
projects, the meeting series and the online seminars; discussions in three model networks and in
the Hessian programme, and document libraries with real files in the private storage.

How long the load takes is not tested here: the benchmarks time it (bench/demo.py)."""

import datetime
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult
from PIL import Image

from netzwerkstatt.accounts.models import User
from netzwerkstatt.calls import queries
from netzwerkstatt.calls.models import ActorGroup, Call, ExpressionOfInterest, GroupMember, Question
from netzwerkstatt.core import search
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.demo import people
from netzwerkstatt.demo.data_calls import CALL_TO_ACTION, PILOT_SITES
from netzwerkstatt.demo.data_ponteduale import ULRICH_BRANDT
from netzwerkstatt.demo.loader import all_organisations
from netzwerkstatt.demo.review import CRITERION_COMMENTS, OVERALL_COMMENTS
from netzwerkstatt.discussions.mentions import mentioned_ids
from netzwerkstatt.discussions.models import Mention, Post, PostRevision, Thread
from netzwerkstatt.events.models import Event, Registration, SeminarTopic, Task, TopicVote
from netzwerkstatt.matching.models import Consortium, MatchingRound, ProposedPair
from netzwerkstatt.networks.models import (
    Document,
    DocumentVersion,
    Folder,
    LogEntry,
    Network,
    NetworkMember,
    Step,
    WorkPackage,
)
from netzwerkstatt.organisations.models import ContactPerson, Membership, Organisation
from netzwerkstatt.outreach.models import (
    CapacityPlan,
    CapacityStep,
    DisseminationActivity,
    StakeholderEngagement,
    StepStatus,
    Transfer,
    TransferStep,
)
from netzwerkstatt.practices import assessment as assessment_services
from netzwerkstatt.practices.models import (
    TEXT_FIELDS,
    Assessment,
    Conclusion,
    Practice,
    PracticeTranslation,
    Score,
)
from netzwerkstatt.programmes.models import Participation, Programme, ProgrammeRole
from netzwerkstatt.selection import review as review_services
from netzwerkstatt.selection.models import (
    Application,
    ApplicationRound,
    ConflictOfInterest,
    Review,
)
from netzwerkstatt.selection.services import consortium_organisations
from netzwerkstatt.vocabularies import regions

ROLE_EMAILS = [person.email for _role, person in people.LOGINS]
Status = ExpressionOfInterest.Status
# What loading left behind besides the rows: e-mail sent and tasks queued (see ``loaded``).
SIDE_EFFECTS: dict[str, int] = {}


def load_demo(**options) -> str:
    out = io.StringIO()
    call_command("load_demo", allow_without_debug=True, stdout=out, **options)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    """Rows in every table the project owns, plus allauth's e-mail addresses."""
    models = [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("netzwerkstatt.")
        for model in config.get_models()
    ]
    counts = {model._meta.label: model.objects.count() for model in models}
    counts["account.EmailAddress"] = EmailAddress.objects.count()
    return counts


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo data, loaded once for this module (a load takes about a second) in a transaction
    that is rolled back after the module's last test. Each test still runs in its own savepoint,
    so tests that change data do not affect the others."""
    with django_db_blocker.unblock(), transaction.atomic():
        mail.outbox = []
        output = load_demo()
        SIDE_EFFECTS["mail"] = len(mail.outbox)
        SIDE_EFFECTS["queued tasks"] = DBTaskResult.objects.count()
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def output(loaded, db) -> str:
    """What the first run printed."""
    return loaded


def participants(programme_name: str):
    return Organisation.objects.filter(participations__programme__name=programme_name)


def test_it_loads_the_four_programmes_of_the_seed_texts(output):
    assert sorted(Programme.objects.values_list("name", flat=True)) == [
        "#LernortHessen.digital",
        "Bildungsnetzwerk Elbe-Ostsee",
        "PonteDuale",
        "Practice in Motion",
    ]
    for programme in Programme.objects.all():
        assert programme.funder
        assert programme.funding_scheme
        assert programme.starts_on < programme.ends_on
        assert programme.countries
        assert programme.working_languages
        assert programme.description.data["de"] and programme.description.data["en"]
        assert programme.roles.filter(role=ProgrammeRole.Role.COORDINATOR).exists()


def test_the_german_italian_programme_spans_12_italian_regions_and_7_german_states(output):
    organisations = participants("PonteDuale")
    italian = set(organisations.filter(country="IT").values_list("region", flat=True))
    german = set(organisations.filter(country="DE").values_list("region", flat=True))
    assert organisations.count() >= 40
    assert len(italian) == 12
    assert len(german) == 7
    assert set(organisations.values_list("kind", flat=True)) >= {
        Organisation.Kind.VOCATIONAL_SCHOOL,
        Organisation.Kind.TRAINING_COMPANY,
        Organisation.Kind.CHAMBER,
        Organisation.Kind.ASSOCIATION,
        Organisation.Kind.UNIVERSITY,
        Organisation.Kind.TRAINING_PROVIDER,
        Organisation.Kind.PUBLIC_AUTHORITY,
    }
    programme = Programme.objects.get(name="PonteDuale")
    assert programme.roles.filter(role=ProgrammeRole.Role.COMMITTEE_MEMBER).count() == 9


def test_the_steering_committee_comes_from_both_countries_and_several_kinds(output):
    committee = User.objects.filter(
        programme_roles__programme__name="PonteDuale",
        programme_roles__role=ProgrammeRole.Role.COMMITTEE_MEMBER,
    )
    assert {u.language for u in committee} == {"de", "it", "en"}
    memberships = Membership.objects.filter(user__in=committee).select_related("organisation")
    assert {m.organisation.country for m in memberships} == {"DE", "IT"}
    assert {m.organisation.kind for m in memberships} >= {
        Organisation.Kind.CHAMBER,
        Organisation.Kind.PUBLIC_AUTHORITY,
        Organisation.Kind.UNIVERSITY,
        Organisation.Kind.ASSOCIATION,
    }
    assert all(m.role == Membership.Role.MEMBER for m in memberships)
    # Independent experts without an organisation too, the demo login among them.
    assert committee.filter(memberships__isnull=True, email=people.COMMITTEE_MEMBER.email).exists()
    assert not EmailAddress.objects.filter(user__in=committee, verified=False).exists()


def test_the_tandem_programme_has_ten_schools_and_ten_companies_in_hesse(output):
    organisations = participants("#LernortHessen.digital")
    assert organisations.filter(kind=Organisation.Kind.VOCATIONAL_SCHOOL).count() == 10
    assert organisations.filter(kind=Organisation.Kind.TRAINING_COMPANY).count() == 10
    assert organisations.count() == 20
    assert set(organisations.values_list("region", flat=True)) == {"DE-HE"}


def test_the_cluster_has_eight_providers_in_western_mecklenburg(output):
    organisations = participants("Bildungsnetzwerk Elbe-Ostsee")
    assert organisations.count() == 8
    assert set(organisations.values_list("region", flat=True)) == {"DE-MV"}
    assert organisations.filter(kind=Organisation.Kind.TRAINING_PROVIDER).count() == 8
    assert set(organisations.values_list("city", flat=True)) == {
        "Schwerin", "Wismar", "Hagenow", "Ludwigslust", "Grevesmühlen", "Gadebusch", "Parchim",
        "Boizenburg/Elbe",
    }  # fmt: skip


def test_the_erasmus_partnership_has_one_or_two_partners_in_each_of_seven_countries(output):
    organisations = participants("Practice in Motion")
    countries = list(organisations.values_list("country", flat=True))
    assert set(countries) == {"DE", "IT", "AT", "ES", "PL", "NL", "FI"}
    assert all(1 <= countries.count(country) <= 2 for country in set(countries))


def test_every_organisation_has_a_complete_profile_in_a_real_region(output):
    for organisation in Organisation.objects.prefetch_related("themes", "contact_persons"):
        assert regions.is_region_of(organisation.region, organisation.country), organisation
        assert organisation.description
        assert organisation.street and organisation.postal_code and organisation.city
        assert organisation.website.endswith(".example.org")
        assert organisation.languages
        assert organisation.themes.exists()
        assert organisation.competency_list
        assert 1 <= organisation.contact_persons.count() <= 2
        assert organisation.memberships.filter(role=Membership.Role.ADMIN).exists()
    assert ContactPerson.objects.filter(is_public=True).exists()
    assert ContactPerson.objects.filter(is_public=False).exists()
    assert not ContactPerson.objects.filter(consent_date__isnull=True).exists()


def test_every_organisation_in_the_data_is_loaded_once(output):
    assert Organisation.objects.count() == len(all_organisations())
    assert Organisation.objects.values("name").distinct().count() == Organisation.objects.count()


def test_it_prints_a_login_for_every_role(output):
    for role, person in people.LOGINS:
        assert role in output
        assert person.email in output
    assert people.DEMO_PASSWORD in output
    assert "http://testserver/programmes/ponteduale/calls/call-to-action-2024/overview/" in output
    assert "http://testserver/programmes/practice-in-motion/calls/pilot-sites-2027/" in output
    group = ActorGroup.objects.get(call__slug=CALL_TO_ACTION.slug, lead__slug__startswith="cfp")
    assert f"/calls/call-to-action-2024/groups/{group.pk}/" in output
    # The committee member starts from their reviews, which are all in the record.
    assert (
        "http://testserver/programmes/ponteduale/calls/call-to-action-2024/applications/reviews/"
        in output
    )
    assert Review.objects.filter(reviewer__email=people.COMMITTEE_MEMBER.email).exists()


def test_each_login_has_its_role(output):
    ponteduale = Programme.objects.get(name="PonteDuale")
    admin = User.objects.get(email=people.PLATFORM_ADMIN.email)
    assert admin.is_superuser and admin.is_staff
    assert ponteduale.roles.filter(
        user__email=people.COORDINATOR.email, role=ProgrammeRole.Role.COORDINATOR
    ).exists()
    assert ponteduale.roles.filter(
        user__email=people.COMMITTEE_MEMBER.email, role=ProgrammeRole.Role.COMMITTEE_MEMBER
    ).exists()
    org_admin = Membership.objects.get(user__email=people.ORGANISATION_ADMIN.email)
    member = Membership.objects.get(user__email=people.ORGANISATION_MEMBER.email)
    assert org_admin.role == Membership.Role.ADMIN
    assert member.role == Membership.Role.MEMBER
    # The member sees the organisation admin's organisation as a partner in PonteDuale.
    assert (
        Participation.objects.filter(
            programme=ponteduale, organisation__in=[org_admin.organisation, member.organisation]
        ).count()
        == 2
    )
    outsider = User.objects.get(email=people.OUTSIDER.email)
    assert not outsider.memberships.exists()
    assert not outsider.programme_roles.exists()
    assert {u.language for u in User.objects.filter(email__in=ROLE_EMAILS)} == {"de", "it", "en"}


def stored_files() -> list[Path]:
    return sorted(p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file())


def test_a_second_run_writes_nothing_and_prints_the_logins_again(output):
    before, files = row_counts(), stored_files()
    again = load_demo()
    assert row_counts() == before
    assert stored_files() == files
    assert "already loaded" in again
    for email in ROLE_EMAILS:
        assert email in again


def test_a_half_deleted_load_is_not_loaded_a_second_time(output):
    User.objects.filter(email=people.PLATFORM_ADMIN.email).delete()
    programmes = Programme.objects.count()
    again = load_demo()
    assert "already loaded" in again
    assert Programme.objects.count() == programmes


def test_every_person_has_a_verified_primary_address(output):
    assert EmailAddress.objects.count() == User.objects.count()
    assert not EmailAddress.objects.filter(verified=False).exists()
    assert not EmailAddress.objects.filter(primary=False).exists()


def test_the_demo_admin_can_log_in(client, output):
    assert client.login(email=people.PLATFORM_ADMIN.email, password=people.DEMO_PASSWORD)
    response = client.get(reverse("core:audit_log"))
    assert response.status_code == 200


def test_a_demo_login_passes_mandatory_e_mail_verification(client, output):
    response = client.post(
        reverse("account_login"),
        {"login": people.ORGANISATION_MEMBER.email, "password": people.DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")


def test_the_audit_log_tells_who_did_what(output):
    admin = User.objects.get(email=people.PLATFORM_ADMIN.email)
    coordinator = User.objects.get(email=people.COORDINATOR.email)
    created = AuditEntry.objects.filter(action="programme.created")
    assert set(created.values_list("actor", flat=True)) == {admin.pk}
    assert created.count() == 4
    assert AuditEntry.objects.filter(action="organisation.created").count() == (
        Organisation.objects.count()
    )
    assert AuditEntry.objects.filter(action="contact_person.added").count() == (
        ContactPerson.objects.count()
    )
    assert (
        AuditEntry.objects.filter(
            action="participation.added", programme__name="PonteDuale", actor=coordinator
        ).count()
        == Participation.objects.filter(programme__name="PonteDuale").count()
    )
    assert not AuditEntry.objects.filter(actor__isnull=True).exists()
    # Organisations are registered by their own first admin, not all by the platform admin.
    org_admin = User.objects.get(email=people.ORGANISATION_ADMIN.email)
    assert AuditEntry.objects.filter(action="organisation.created", actor=org_admin).count() == 1


# Calls


def closed_call() -> Call:
    return Call.objects.get(programme__name="PonteDuale", slug=CALL_TO_ACTION.slug)


def open_call() -> Call:
    return Call.objects.get(programme__name="Practice in Motion", slug=PILOT_SITES.slug)


def test_the_closed_call_has_groups_from_12_italian_regions_and_7_german_states(output):
    call = closed_call()
    groups = ActorGroup.objects.filter(call=call).select_related("lead")
    countries = Counter(groups.values_list("country", flat=True))
    assert countries == {"IT": 22, "DE": 17}
    regions_of = {
        country: {g.lead.region for g in groups if g.country == country} for country in countries
    }
    assert len(regions_of["IT"]) == 12
    assert len(regions_of["DE"]) == 7
    # Every group is led by an organisation of its own country, most of them PonteDuale's.
    assert all(g.lead.country == g.country for g in groups)
    assert groups.filter(lead__participations__programme=call.programme).count() >= 35


def test_the_closed_call_is_set_up_and_lies_in_the_past(output):
    call = closed_call()
    now = timezone.now()
    assert call.phase == Call.Phase.CLOSED
    assert call.created < call.opens_at < call.closes_at < now
    assert set(call.title.data) == set(call.text.data) == {"de", "it", "en"}
    questions = list(call.questions.all())
    assert len(questions) == 6
    assert {q.kind for q in questions} == set(Question.Kind.values) - {Question.Kind.SHORT_TEXT}
    assert all(q.max_words for q in questions if q.kind == Question.Kind.LONG_TEXT)
    assert [q.required for q in questions if q.kind == Question.Kind.FILE] == [False]
    for question in questions:
        assert set(question.label.data) == {"de", "it", "en"}
        for choice in question.choices:
            assert set(choice["label"]) == {"de", "it", "en"}
    assert call.screening_criteria.count() == 4
    assert sorted(call.rubric_criteria.values_list("weight", flat=True)) == [2, 2, 3, 3]


def test_the_closed_call_was_screened_and_the_decisions_sent(output):
    call = closed_call()
    expressions = ExpressionOfInterest.objects.filter(group__call=call).select_related("group")
    # 28 of the 35 eligible groups were matched afterwards (see the matching test below).
    assert Counter(expressions.values_list("status", flat=True)) == {
        Status.ELIGIBLE: 7,
        Status.MATCHED: 28,
        Status.INELIGIBLE: 4,
    }
    assert not queries.held_decisions(call).exists()
    for expression in expressions:
        assert call.opens_at < expression.group.created < expression.submitted_at
        assert expression.submitted_at < call.closes_at < expression.decision_released_at
        assert expression.screening_decision == (
            Status.ELIGIBLE if expression.status == Status.MATCHED else expression.status
        )
        assert expression.screened_by is not None
        checks = expression.screening_checks
        assert len(checks) == 4
        if expression.status == Status.INELIGIBLE:
            assert expression.screening_reason
            assert not all(checks.values())
        else:
            assert all(checks.values())
            assert not expression.screening_reason
    # Complete answers: every required question answered, the optional file left out.
    required = call.questions.filter(required=True).count()
    assert all(len(e.answers) == required for e in expressions)


def test_groups_have_profiles_and_partners_from_their_own_country(output):
    call = closed_call()
    groups = ActorGroup.objects.filter(call=call).prefetch_related("themes", "members")
    partnered = 0
    for group in groups:
        assert group.offers and group.seeks and group.working_languages
        assert 1 <= group.themes.count() <= 4
        other = "DE" if group.country == "IT" else "IT"
        assert all(region.startswith(other) for region in group.preferred_regions)
        partners = [m for m in group.members.all() if m.role == GroupMember.Role.PARTNER]
        assert len(partners) <= 2
        assert all(m.status == GroupMember.Status.CONFIRMED for m in partners)
        assert all(m.organisation.country == group.country for m in partners)
        assert all(m.answered_by.memberships.filter(organisation=m.organisation) for m in partners)
        partnered += bool(partners)
    assert partnered >= 5


def test_the_demo_logins_take_part_in_the_closed_call(output):
    call = closed_call()
    org_admin = User.objects.get(email=people.ORGANISATION_ADMIN.email)
    member = User.objects.get(email=people.ORGANISATION_MEMBER.email)
    led = ActorGroup.objects.get(call=call, lead__memberships__user=org_admin)
    assert led.country == "IT"
    assert led.members.filter(role=GroupMember.Role.PARTNER).exists()
    assert org_admin.has_perm("calls.view_group", led)
    joined = ActorGroup.objects.get(call=call, organisations__memberships__user=member)
    assert member.has_perm("calls.view_group", joined)
    assert AuditEntry.objects.filter(action="expression.submitted", actor=member).exists()


def test_the_open_call_has_drafts_and_submissions_with_screening_under_way(output):
    call = open_call()
    now = timezone.now()
    assert call.phase == Call.Phase.OPEN
    assert call.opens_at < now
    assert datetime.timedelta(days=20) < call.closes_at - now < datetime.timedelta(days=24)
    assert all(len(pair) == 2 and pair[0] != pair[1] for pair in call.pairings)
    expressions = ExpressionOfInterest.objects.filter(group__call=call)
    statuses = Counter(expressions.values_list("status", flat=True))
    assert statuses == {Status.DRAFT: 3, Status.SUBMITTED: 4}
    assert queries.held_decisions(call).count() == 2
    assert not expressions.filter(decision_released_at__isnull=False).exists()
    assert expressions.filter(status=Status.SUBMITTED, screening_decision="").count() == 2
    assert GroupMember.objects.filter(group__call=call, status=GroupMember.Status.INVITED).exists()
    assert all(e.submitted_at < now for e in expressions.filter(status=Status.SUBMITTED))
    # The demo logins' organisations are free to start a group live.
    for person in (people.ORGANISATION_ADMIN, people.ORGANISATION_MEMBER):
        user = User.objects.get(email=person.email)
        assert not ActorGroup.objects.filter(call=call, organisations__memberships__user=user)
        assert user.has_perm("calls.apply_to_call", call)


def test_the_coordinator_runs_both_calls(client, output):
    coordinator = User.objects.get(email=people.COORDINATOR.email)
    for call in (closed_call(), open_call()):
        assert coordinator.has_perm("calls.screen_call", call)
    client.force_login(coordinator)
    for call in (closed_call(), open_call()):
        kwargs = {"programme": call.programme.slug, "slug": call.slug}
        assert client.get(reverse("calls:screening", kwargs=kwargs)).status_code == 200
        assert client.get(reverse("calls:overview", kwargs=kwargs)).status_code == 200


def test_the_audit_log_tells_how_the_calls_went(output):
    def count(action, call=None):
        entries = AuditEntry.objects.filter(action=action)
        return entries.filter(programme=call.programme).count() if call else entries.count()

    closed, open_ = closed_call(), open_call()
    assert count("call.published") == 2
    assert count("expression.started") == ActorGroup.objects.count()
    assert count("expression.submitted") == 39 + 4
    assert (
        count("actor_group.partner_confirmed")
        == GroupMember.objects.filter(
            role=GroupMember.Role.PARTNER, status=GroupMember.Status.CONFIRMED
        ).count()
    )
    assert count("expression.decision_released", closed) == 39
    assert count("call.decisions_released", closed) == 1
    assert count("call.decisions_released", open_) == 0
    assert count("expression.decided", open_) == 2


def test_the_closed_call_matched_its_groups_into_14_consortia(output):
    call = closed_call()
    rounds = list(MatchingRound.objects.filter(call=call).order_by("number"))
    assert [r.status for r in rounds] == [MatchingRound.Status.CONFIRMED] * 2
    assert all(call.closes_at < r.created < r.confirmed_at < timezone.now() for r in rounds)
    pairs = ProposedPair.objects.filter(round__call=call)
    assert Counter(pairs.values_list("status", flat=True)) == {
        ProposedPair.Status.ACCEPTED: 14,
        ProposedPair.Status.DECLINED: 3,
    }
    consortia = Consortium.objects.filter(call=call).select_related("left", "right", "pair")
    assert consortia.count() == 14
    for consortium in consortia:
        assert {consortium.left.country, consortium.right.country} == {"IT", "DE"}
        assert consortium.pair.left_answered_at < consortium.created
        assert consortium.created <= max(
            consortium.pair.left_answered_at, consortium.pair.right_answered_at
        )
    # Declined pairs were answered by a member of the group's lead organisation.
    for pair in pairs.filter(status=ProposedPair.Status.DECLINED).select_related("left__lead"):
        assert pair.left_answer == ProposedPair.Answer.DECLINED
        assert pair.left_answered_by.memberships.filter(organisation=pair.left.lead).exists()


def test_the_consortia_applied_jointly_before_the_deadline(output):
    call = closed_call()
    deadline = ApplicationRound.objects.get(call=call).deadline
    assert call.closes_at < deadline < timezone.now()
    applications = Application.objects.filter(call=call).prefetch_related("activities", "roles")
    # All 14 of the seed were submitted (and have been decided since, see below).
    assert applications.count() == 14
    assert set(applications.values_list("status", flat=True)) <= set(Application.SENT)
    for application in applications:
        consortium = application.consortium
        assert consortium.created < application.created < application.submitted_at < deadline
        assert application.summary and application.objectives and application.themes.exists()
        activities = list(application.activities.all())
        assert 3 <= len(activities) <= 5
        assert {a.owner_id for a in activities} == {
            consortium.left.lead_id,
            consortium.right.lead_id,
        }
        assert all(1 <= a.start_month <= a.end_month <= 36 for a in activities)
        organisations = set(
            GroupMember.objects.filter(
                group__in=[consortium.left_id, consortium.right_id],
                status=GroupMember.Status.CONFIRMED,
            ).values_list("organisation", flat=True)
        )
        assert set(application.roles.values_list("organisation", flat=True)) == organisations
    assert AuditEntry.objects.filter(action="application.submitted").count() == 14


# The committee's review and the selection


def committee_of(call: Call):
    return User.objects.filter(
        programme_roles__programme=call.programme,
        programme_roles__role=ProgrammeRole.Role.COMMITTEE_MEMBER,
    )


def test_three_committee_members_reviewed_each_application(output):
    call = closed_call()
    round_ = ApplicationRound.objects.get(call=call)
    assert round_.reviewers_per_application == 3
    assert not round_.reviewers_from_other_countries
    committee = set(committee_of(call))
    conflicts = set(
        ConflictOfInterest.objects.filter(application__call=call).values_list(
            "application_id", "person_id"
        )
    )
    conflict = ConflictOfInterest.objects.get(application__call=call)
    assert conflict.person.email == ULRICH_BRANDT.email
    assert "Beirat" in conflict.reason  # in German
    criteria = set(call.rubric_criteria.values_list("pk", flat=True))
    kept_away = 0
    for application in Application.objects.filter(call=call).select_related("consortium"):
        reviews = list(application.reviews.select_related("reviewer").prefetch_related("scores"))
        assert len(reviews) == 3
        own = set(
            Membership.objects.filter(
                organisation__in=consortium_organisations(application.consortium)
            ).values_list("user_id", flat=True)
        )
        kept_away += len(own & {u.pk for u in committee})
        for review in reviews:
            assert review.reviewer in committee
            assert review.reviewer_id not in own
            assert (application.pk, review.reviewer_id) not in conflicts
            assert review.status == Review.Status.SUBMITTED
            assert review.comment
            scores = list(review.scores.all())
            assert {s.criterion_id for s in scores} == criteria
            assert all(call.score_min <= s.score <= call.score_max and s.comment for s in scores)
    assert kept_away >= 3  # committee members of consortium organisations did not review them
    # The load is shared out evenly.
    load = Counter(Review.objects.filter(application__call=call).values_list("reviewer", flat=True))
    assert set(load) == {u.pk for u in committee}
    assert max(load.values()) - min(load.values()) <= 1


def test_the_reviews_are_in_each_reviewers_language(output):
    reviews = Review.objects.filter(application__call=closed_call()).select_related("reviewer")
    assert {r.reviewer.language for r in reviews} == {"de", "it", "en"}
    for review in reviews.prefetch_related("scores"):
        language = review.reviewer.language
        assert review.comment in {c for level in OVERALL_COMMENTS[language] for c in level}
        said = {c for criterion in CRITERION_COMMENTS[language] for c in criterion}
        assert all(score.comment in said for score in review.scores.all())


def mean_scores(call: Call) -> dict[int, list[float]]:
    criteria = review_services.criteria_of(call)
    scores: dict[int, list[float]] = {}
    for review in Review.objects.filter(application__call=call).prefetch_related("scores"):
        scores.setdefault(review.application_id, []).append(
            review_services.weighted_score(review, criteria)
        )
    return scores


def test_the_scores_rank_the_applications_with_varying_agreement(output):
    scores = mean_scores(closed_call())
    means = sorted((sum(s) / len(s) for s in scores.values()), reverse=True)
    spreads = sorted(max(s) - min(s) for s in scores.values())
    assert means[0] - means[-1] >= 2  # a clear ranking on the scale of 1 to 5
    assert means[5] > means[6] and means[8] > means[9]  # no ties at the cut-offs
    assert spreads[-1] >= 2.5  # the reviewers of one application disagree widely
    assert spreads[-2] < 1.5  # the others agree more or less, some closely
    assert spreads[0] <= 0.5


def test_the_committee_selected_six_model_networks(output):
    call = closed_call()
    applications = Application.objects.filter(call=call).select_related("consortium")
    Decided = Application.Status
    assert Counter(applications.values_list("status", flat=True)) == {
        Decided.SELECTED: 6,
        Decided.WAITLISTED: 3,
        Decided.REJECTED: 5,
    }
    assert not applications.exclude(decision="").exists()  # nothing held back
    scores = mean_scores(call)
    mean = {pk: sum(s) / len(s) for pk, s in scores.items()}
    by_status = {
        status: [mean[a.pk] for a in applications if a.status == status]
        for status in (Decided.SELECTED, Decided.WAITLISTED, Decided.REJECTED)
    }
    assert min(by_status[Decided.SELECTED]) > max(by_status[Decided.WAITLISTED])
    assert min(by_status[Decided.WAITLISTED]) > max(by_status[Decided.REJECTED])
    for application in applications:
        assert application.decided_by.email == people.COORDINATOR.email
        # The feedback is in the language the consortium wrote its application in.
        german = application.summary.startswith("Das Modellnetzwerk")
        assert application.feedback
        assert (
            "Begleitgremium" in application.feedback or "Warteliste" in application.feedback
        ) == german

    networks = Network.objects.filter(application__call=call).prefetch_related("members")
    assert networks.count() == 6
    for network in networks:
        application = network.application
        assert application.status == Decided.SELECTED
        assert network.programme == call.programme
        assert network.kind == Network.Kind.MODEL_NETWORK
        assert network.name == application.title
        members = {m.organisation_id: m.role for m in network.members.all()}
        assert set(members) == {o.pk for o in consortium_organisations(application.consortium)}
        consortium = application.consortium
        leads = {consortium.left.lead_id, consortium.right.lead_id}
        assert {pk for pk, role in members.items() if role == NetworkMember.Role.LEAD} == leads


def test_the_review_and_selection_lie_in_the_summer_of_2025(output):
    call = closed_call()
    deadline = ApplicationRound.objects.get(call=call).deadline
    applications = list(Application.objects.filter(call=call))
    reviews = list(Review.objects.filter(application__call=call))
    conflict = ConflictOfInterest.objects.get(application__call=call)
    summer = datetime.timezone(datetime.timedelta(hours=2))

    def day(moment):
        return moment.astimezone(summer).date()

    assert all(a.submitted_at < deadline for a in applications)
    assert deadline < conflict.declared < min(r.assigned_at for r in reviews)
    assert all(datetime.date(2025, 7, 20) <= day(r.assigned_at) <= datetime.date(2025, 7, 31)
               for r in reviews)  # fmt: skip
    assert all(r.assigned_at < r.submitted_at for r in reviews)
    assert {(day(r.submitted_at).year, day(r.submitted_at).month) for r in reviews} == {(2025, 8)}
    assert all(day(r.submitted_at).weekday() < 5 for r in reviews)
    last_review = max(r.submitted_at for r in reviews)
    released = {a.decision_released_at for a in applications}
    assert len(released) == 1  # all released together
    (released,) = released
    for application in applications:
        assert last_review < application.decided_at < released
        assert application.updated == released
    assert datetime.date(2025, 9, 10) <= day(released) <= datetime.date(2025, 9, 19)
    for network in Network.objects.filter(application__call=call).prefetch_related("members"):
        assert network.created == released
        assert {m.joined_on for m in network.members.all()} == {day(released)}


def test_the_audit_log_tells_how_the_review_went(output):
    programme = closed_call().programme

    def count(action):
        return AuditEntry.objects.filter(action=action, programme=programme).count()

    assert count("review.settings_changed") == 1
    assert count("review.conflict_declared") == 1
    assert count("review.assigned") == 42
    assert count("review.saved") == 42
    assert count("review.submitted") == 42
    assert count("application.decided") == 14
    assert count("application.decision_released") == 14
    assert count("network.created") == 6
    coordinator = User.objects.get(email=people.COORDINATOR.email)
    assert set(
        AuditEntry.objects.filter(action="review.assigned").values_list("actor", flat=True)
    ) == {coordinator.pk}
    # Each reviewer submitted their own review.
    reviewers = set(
        Review.objects.filter(application__call__programme=programme).values_list(
            "reviewer", flat=True
        )
    )
    assert (
        set(AuditEntry.objects.filter(action="review.submitted").values_list("actor", flat=True))
        == reviewers
    )


def test_the_summary_counts_what_the_closed_call_led_to(output):
    summary = re.search(r"loaded in [\d.]+ s: (.*)\.", output).group(1)
    # 6 model networks, 10 tandems and Practice in Motion's working group (``outreach``).
    for part in ("14 consortia", "14 joint applications", "42 reviews", " 17 networks"):
        assert part in summary


def test_the_summary_counts_the_networks_at_work(output):
    summary = re.search(r"loaded in [\d.]+ s: (.*)\.", output).group(1)
    for part in (
        "10 tandems",
        f"{WorkPackage.objects.count()} work packages",
        f"{Event.objects.count()} events",
        "10 development projects",
        f"{LogEntry.objects.count()} log entries",
    ):
        assert part in summary


def test_loading_sent_no_mail_and_left_no_tasks_queued(output):
    # The services did queue e-mails (invitations, registrations, tasks), into the dummy backend.
    assert Registration.objects.exists() and Task.objects.exists() and Mention.objects.exists()
    assert SIDE_EFFECTS == {"mail": 0, "queued tasks": 0}


# The networks at work


def model_networks():
    return Network.objects.filter(
        programme__name="PonteDuale", kind=Network.Kind.MODEL_NETWORK
    ).prefetch_related("goals", "work_packages__owner", "milestones", "members__organisation")


def test_each_model_network_has_a_work_programme(output):
    today = timezone.localdate()
    networks = list(model_networks())
    assert len(networks) == 6
    languages = set()
    for network in networks:
        goals = list(network.goals.all())
        packages = list(network.work_packages.all())
        milestones = list(network.milestones.all())
        assert 2 <= len(goals) <= 3
        assert 4 <= len(packages) <= 6
        assert 3 <= len(milestones) <= 4
        members = {m.organisation_id for m in network.members.all()}
        countries = {m.organisation.country for m in network.members.all()}
        # Owners are members, from both countries where the network has both.
        assert all(p.owner_id in members for p in packages)
        assert {p.owner.country for p in packages} == countries
        assert all(p.goal_id in {g.pk for g in goals} for p in packages)
        Status = WorkPackage.Status
        for package in packages:
            assert datetime.date(2025, 10, 1) <= package.starts_on <= package.ends_on
            assert package.ends_on <= datetime.date(2027, 9, 30)
            if package.status == Status.DONE:
                assert package.progress == 100 and package.ends_on < today
            elif package.status == Status.PLANNED:
                assert package.progress == 0 and package.starts_on > today
            else:
                assert package.status == Status.IN_PROGRESS
                assert package.starts_on <= today and 0 < package.progress < 100
            assert package.updated.date() <= today
        assert 1 <= sum(p.is_overdue(today) for p in packages) <= 2
        assert any(p.status == Status.DONE for p in packages)
        assert any(m.done_on for m in milestones)
        assert all(m.done_on <= today for m in milestones if m.done_on)
        assert not any(m.done_on for m in milestones if m.due_on > today)
        language = "de" if network.description.startswith("Das ") else "it"
        languages.add(language)
        german = {"Ziel", "Lern", "Ausbild", "Kompetenz", "Zusammenarbeit", "Mobilität"}
        assert any(word in goals[0].title for word in german) == (language == "de")
    assert languages == {"de", "it"}
    assert sum(m.is_overdue(today) for n in networks for m in n.milestones.all()) == 1


def past(event: Event) -> bool:
    return event.ends_at < timezone.now()


def test_the_model_networks_met_at_a_joint_kick_off_and_meet_again(output):
    networks = list(model_networks())
    kick_off = Event.objects.get(programme__name="PonteDuale", kind=Event.Kind.KICK_OFF)
    assert past(kick_off)
    assert kick_off.starts_at.date() == datetime.date(2025, 10, 16)
    assert kick_off.audience == Event.Audience.NETWORKS
    assert set(kick_off.invited_networks.all()) == set(networks)
    assert kick_off.agenda.count() >= 4
    registrations = kick_off.registrations.all()
    assert registrations.filter(attended=True).count() >= 10
    assert registrations.filter(attended=False).exists()
    assert "Risultati" in kick_off.minutes and "Ergebnisse" in kick_off.minutes
    assert kick_off.decisions.count() == 3
    tasks = list(kick_off.tasks.all())
    assert len(tasks) >= 2
    done = [t for t in tasks if t.done_at]
    assert done and len(done) < len(tasks)
    assert all(kick_off.ends_at < t.done_at < timezone.now() for t in done)
    for network in networks:
        (meeting,) = Event.objects.filter(network=network)
        assert meeting.kind == Event.Kind.NETWORK_MEETING
        assert not past(meeting)
        assert meeting.registrations.filter(status=Registration.Status.REGISTERED).exists()


def tandems():
    return Network.objects.filter(
        programme__name="#LernortHessen.digital", kind=Network.Kind.TANDEM
    ).prefetch_related("members__organisation", "development_projects")


def test_ten_tandems_each_of_a_school_and_a_company_with_a_development_project(output):
    today = timezone.localdate()
    networks = list(tandems())
    assert len(networks) == 10
    kinds_overall = Counter()
    schools, companies = set(), set()
    for network in networks:
        members = [m.organisation for m in network.members.all()]
        assert sorted(o.kind for o in members) == [
            Organisation.Kind.TRAINING_COMPANY,
            Organisation.Kind.VOCATIONAL_SCHOOL,
        ]
        assert all(o.region == "DE-HE" for o in members)
        schools |= {o.pk for o in members if o.kind == Organisation.Kind.VOCATIONAL_SCHOOL}
        companies |= {o.pk for o in members if o.kind == Organisation.Kind.TRAINING_COMPANY}
        (project,) = network.development_projects.all()
        assert project.objective and project.starting_situation
        steps = list(project.steps.all())
        assert 3 <= len(steps) <= 5
        assert Step.Status.DONE in {s.status for s in steps}
        entries = list(project.log_entries.select_related("step"))
        assert 3 <= len(entries) <= 8
        assert len({e.kind for e in entries}) >= 2
        kinds_overall.update(e.kind for e in entries)
        people = set(
            Membership.objects.filter(organisation__in=members).values_list("user", flat=True)
        )
        for entry in entries:
            assert datetime.date(2025, 10, 1) <= entry.date < today
            assert entry.created.date() == entry.date
            assert entry.author_id in people
            assert entry.step is None or entry.step.project_id == project.pk
            assert "{" not in entry.text
    assert len(schools) == len(companies) == 10  # every organisation in one tandem
    assert set(kinds_overall) >= set(LogEntry.Kind.values) - {LogEntry.Kind.OTHER}


def hesse_events(kind):
    return Event.objects.filter(programme__name="#LernortHessen.digital", kind=kind)


def test_the_network_meets_six_times_four_past_and_two_ahead(output):
    meetings = list(hesse_events(Event.Kind.NETWORK_MEETING).order_by("starts_at"))
    assert [m.series_number for m in meetings] == [1, 2, 3, 4, 5, 6]
    assert {m.series_total for m in meetings} == {6}
    assert [past(m) for m in meetings] == [True] * 4 + [False] * 2
    for meeting in meetings[:4]:
        assert meeting.minutes and meeting.decisions.exists()
        assert meeting.registrations.filter(attended=True).count() >= 10
        assert meeting.registrations.filter(attended=False).exists()
    assert any(t.done_at for m in meetings for t in m.tasks.all())
    for meeting in meetings[4:]:
        assert meeting.registrations.filter(status=Registration.Status.REGISTERED).exists()
        assert not meeting.minutes
    full = [m for m in meetings if m.capacity]
    assert len(full) == 1
    (full,) = full
    registrations = full.registrations.all()
    assert registrations.filter(status=Registration.Status.REGISTERED).count() == full.capacity
    assert registrations.filter(status=Registration.Status.WAITLISTED).count() >= 2
    assert registrations.filter(status=Registration.Status.CANCELLED).count() == 1


def test_five_online_seminars_on_topics_the_members_voted_for(output):
    seminars = list(hesse_events(Event.Kind.ONLINE_SEMINAR).order_by("starts_at"))
    assert len(seminars) == 5
    assert [past(s) for s in seminars] == [True] * 3 + [False] * 2
    assert all(s.online_url.startswith("https://") and not s.location for s in seminars)
    for seminar in seminars:
        topic = seminar.topic
        assert topic.status == SeminarTopic.Status.SCHEDULED
        assert topic.votes.count() >= 2
        assert topic.created < seminar.created
        assert all(vote.created < seminar.created for vote in topic.votes.all())
    open_topics = SeminarTopic.objects.filter(
        programme__name="#LernortHessen.digital", status=SeminarTopic.Status.PROPOSED
    ).annotate(count=Count("votes"))
    assert open_topics.exists()
    assert max(t.count for t in open_topics) >= 4
    participants = set(
        Membership.objects.filter(
            organisation__participations__programme__name="#LernortHessen.digital"
        ).values_list("user", flat=True)
    )
    voters = set(
        TopicVote.objects.filter(topic__programme__name="#LernortHessen.digital").values_list(
            "user", flat=True
        )
    )
    assert voters <= participants


def test_attendance_only_on_past_events_and_dates_in_order(output):
    now = timezone.now()
    for event in Event.objects.prefetch_related("registrations", "tasks", "decisions"):
        registrations = list(event.registrations.all())
        assert registrations
        assert event.created < event.invitations_sent_at < event.starts_at <= event.ends_at
        assert event.created < now
        assert all(r.requested_at < min(event.starts_at, now) for r in registrations)
        assert all(r.requested_at > event.invitations_sent_at for r in registrations)
        if past(event):
            registered = [r for r in registrations if r.status == Registration.Status.REGISTERED]
            assert all(r.attended is not None for r in registered)
            if event.minutes:
                assert event.ends_at < event.minutes_updated_at < now
            assert all(event.ends_at < d.created < now for d in event.decisions.all())
        else:
            assert all(r.attended is None for r in registrations)
            assert not event.minutes and not event.decisions.all() and not event.tasks.all()


# Discussions and documents


def test_three_model_networks_and_the_hessian_programme_discuss(output):
    now = timezone.now()
    threads = list(Thread.objects.select_related("programme", "network").order_by("pk"))
    in_networks = [t for t in threads if t.network_id]
    in_programme = [t for t in threads if t.network_id is None]
    per_network = Counter(t.network_id for t in in_networks)
    assert len(per_network) == 3 and set(per_network.values()) <= {2, 3}
    assert all(t.programme.name == "PonteDuale" for t in in_networks)
    assert {t.network.kind for t in in_networks} == {Network.Kind.MODEL_NETWORK}
    assert [t.programme.name for t in in_programme] == ["#LernortHessen.digital"] * 2
    assert "Erfahrungen mit Lernplattformen" in {t.title for t in in_programme}
    for thread in threads:
        posts = list(thread.posts.order_by("created", "pk"))
        assert 3 <= len(posts) <= 8
        assert posts[0].parent_id is None
        assert any(p.parent_id for p in posts)  # replies
        assert all(p.parent_id is None or p.parent.parent_id is None for p in posts)
        assert thread.created == posts[0].created
        assert thread.last_post_at == posts[-1].created
        assert thread.programme.starts_on < posts[0].created.date()
        assert posts[-1].created < now - datetime.timedelta(days=1)
        assert posts[-1].created - posts[0].created > datetime.timedelta(days=3)
        assert all("{" not in p.body for p in posts)
        # Written by the people the thread is for.
        assert all(p.author.has_perm("discussions.view_thread", thread) for p in posts)
        assert set(thread.subscriptions.values_list("user", flat=True)) >= {
            p.author_id for p in posts
        }
    # German and Italian in the model networks.
    bodies = " ".join(Post.objects.filter(thread__in=in_networks).values_list("body", flat=True))
    assert "Auszubildende" in bodies and "apprendisti" in bodies


def test_mentions_name_people_who_can_see_the_thread(output):
    mentions = list(Mention.objects.select_related("post__thread", "user"))
    assert len(mentions) >= 4
    assert {m.post.thread.network_id is None for m in mentions} == {True, False}
    for mention in mentions:
        assert mention.user.has_perm("discussions.view_thread", mention.post.thread)
        assert mention.user_id in mentioned_ids(mention.post.body)
        assert mention.created >= mention.post.created
    coordinator = User.objects.get(email=people.COORDINATOR.email)
    assert any(m.user == coordinator for m in mentions)
    # Every mention in a text was recorded.
    recorded = {(m.post_id, m.user_id) for m in mentions}
    for post in Post.objects.filter(body__contains="](user:"):
        assert {(post.pk, pk) for pk in mentioned_ids(post.body)} <= recorded


def test_an_edited_post_keeps_its_history(output):
    edited = list(Post.objects.filter(version=2))
    assert edited
    for post in edited:
        first, second = sorted(post.revisions.all(), key=lambda r: r.version)
        assert first.edited_at == post.created < second.edited_at == post.edited_at
        assert second.body == post.body != first.body
        assert first.edited_by_id == second.edited_by_id == post.author_id
    assert PostRevision.objects.count() == Post.objects.count() + len(edited)
    assert not Post.objects.filter(version=1, edited_at__isnull=False).exists()


def test_the_summary_counts_discussions_and_documents(output):
    summary = re.search(r"loaded in [\d.]+ s: (.*)\.", output).group(1)
    for part in (
        f"{Thread.objects.count()} discussion threads",
        f"{Post.objects.count()} posts",
        f"{Mention.objects.count()} mentions",
        f"{Document.objects.count()} documents",
        f"{DocumentVersion.objects.count()} document versions",
    ):
        assert part in summary


def test_six_networks_have_a_document_library(output):
    libraries = Network.objects.filter(documents__isnull=False).distinct()
    assert Counter(libraries.values_list("kind", flat=True)) == {
        Network.Kind.MODEL_NETWORK: 3,
        Network.Kind.TANDEM: 3,
    }
    # The model networks that discuss keep their documents there too.
    assert set(libraries.filter(kind=Network.Kind.MODEL_NETWORK)) == {
        t.network for t in Thread.objects.filter(network__isnull=False).select_related("network")
    }
    for network in libraries:
        folders = list(network.folders.all())
        assert len(folders) == 3
        assert any("Protokolle" in f.name for f in folders)
        for folder in folders:
            assert 2 <= folder.documents.count() <= 5
        assert not network.documents.filter(folder__isnull=True).exists()
        types = set(
            DocumentVersion.objects.filter(document__network=network).values_list(
                "file_type", flat=True
            )
        )
        assert types == {"pdf", "png", "csv"}
    two_versions = Document.objects.annotate(count=Count("versions")).filter(count=2)
    assert two_versions.count() == 3
    for document in two_versions:
        assert document.current_version.number == 2
        assert document.network.kind == Network.Kind.MODEL_NETWORK


def test_the_documents_files_are_valid_and_in_the_private_storage(output):
    now = timezone.now()
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    versions = list(DocumentVersion.objects.select_related("document__network"))
    assert versions
    for version in versions:
        path = Path(version.file.path)
        assert path.is_relative_to(root) and path.is_file()
        content = path.read_bytes()
        assert version.size == len(content) > 0
        if version.file_type == "pdf":
            assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
            assert b"/Type /Page " in content
        elif version.file_type == "png":
            with Image.open(path) as image:
                assert image.format == "PNG" and image.width > 600
            with Image.open(version.preview.path) as preview:
                assert preview.format == "JPEG"
        else:
            assert version.file_type == "csv"
            assert ";" in content.decode("utf-8").splitlines()[0]
            assert not version.preview
        document = version.document
        assert document.network.created < document.created <= version.uploaded < now
    # Folders, documents and versions are dated like the rest of the work.
    assert all(f.created < now - datetime.timedelta(days=1) for f in Folder.objects.all())


# These two do not ask for the loaded data, but may run after it was loaded for the module.


def test_it_refuses_to_run_without_debug_unless_told(db, settings):
    settings.DEBUG = False
    before = row_counts()
    with pytest.raises(CommandError, match="--allow-without-debug"):
        call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == before


def test_it_runs_without_the_flag_when_debug_is_on(db, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert people.PLATFORM_ADMIN.email in out.getvalue()
    assert Programme.objects.count() == 4


def test_the_audit_log_tells_the_story_at_its_dates(output):
    """Written 'now' through the services, the entries are moved to the dates of what they
    tell: a model network's stream reaches back to its start, none lies ahead."""
    from netzwerkstatt.networks import activity

    network = Network.objects.filter(kind=Network.Kind.MODEL_NETWORK).order_by("pk").first()
    items = activity.stream([network], limit=200)
    moments = [item.entry.created for item in items]
    assert len(moments) > 10
    assert max(moments) <= timezone.now()
    assert max(moments) - min(moments) > datetime.timedelta(days=180)
    assert min(moments) >= network.created - datetime.timedelta(days=1)
    # The applications were submitted before the deadline, and their entries say so.
    submitted = AuditEntry.objects.filter(action="application.submitted")
    assert submitted.count() == 14
    assert all(entry.created.year == 2025 for entry in submitted)


# Good practice


def erasmus_practices():
    return Practice.objects.filter(programme__name="Practice in Motion")


def owners_countries(practice: Practice) -> set[str]:
    return set(practice.countries) | {practice.organisation.country}


def test_the_erasmus_partners_documented_practice_in_every_state(output):
    practices = erasmus_practices()
    assert Counter(practices.values_list("status", flat=True)) == {
        Practice.Status.PUBLISHED: 7,
        Practice.Status.IN_ASSESSMENT: 2,
        Practice.Status.REVISION_REQUESTED: 1,
        Practice.Status.DRAFT: 2,
    }
    assert practices.filter(ready_for_transfer=True).count() == 3
    # Each in its organisation's language, from partners in several countries.
    assert set(practices.values_list("language", flat=True)) == {"de", "it", "es", "pl", "en"}
    assert len(set(practices.values_list("organisation__country", flat=True))) == 7
    for practice in practices.prefetch_related("themes"):
        assert practice.language in practice.organisation.languages + ["en"]
        for name in TEXT_FIELDS:
            assert len(getattr(practice, name)) > (10 if name in ("title", "contact") else 60)
        assert "lorem" not in practice.approach.lower()
        assert practice.themes.exists() and practice.countries and practice.target_groups
        assert practice.organisation_kinds
        assert all(".example.org/" in link for link in practice.media_links)
    # In assessment: one with a submitted assessment, one whose assessors are still at work.
    submitted = Count("assessments", filter=Q(assessments__status=Assessment.Status.SUBMITTED))
    in_assessment = practices.filter(status=Practice.Status.IN_ASSESSMENT).annotate(n=submitted)
    assert sorted(in_assessment.values_list("n", flat=True)) == [0, 1]


def test_assessors_come_from_other_countries_and_write_in_their_language(output):
    assessments = Assessment.objects.select_related("practice__organisation", "assessor")
    assert assessments.count() >= 25
    words = {
        "de": {"die", "der", "das", "und", "ist", "für", "mit", "ein", "eine", "aber", "nicht"},
        "it": {"di", "il", "la", "è", "e", "i", "per", "con", "sono", "che", "del", "un", "non"},
        "en": {"the", "and", "is", "of", "for", "with", "a", "to", "are", "we", "our"},
    }
    for assessment in assessments:
        practice = assessment.practice
        assert 2 <= practice.assessments.count() <= 3
        countries = set(
            Membership.objects.filter(user=assessment.assessor).values_list(
                "organisation__country", flat=True
            )
        )
        assert countries and not countries & owners_countries(practice), assessment
        if assessment.comment:
            found = set(re.findall(r"\w+", assessment.comment.lower()))
            language = max(words, key=lambda code: len(found & words[code]))
            assert language == assessment.assessor.language, assessment


def test_scores_are_consistent_with_the_outcome(output):
    published = Practice.objects.filter(status=Practice.Status.PUBLISHED)
    for practice in published.select_related("programme__assessment_settings"):
        threshold = practice.programme.assessment_settings.transfer_threshold
        assert not practice.assessments.filter(status=Assessment.Status.DRAFT).exists()
        assert practice.transferability_score == assessment_services.transferability_of(practice)
        assert practice.ready_for_transfer == (practice.transferability_score >= threshold)
        assert practice.conclusions.get().outcome == Conclusion.Outcome.PUBLISHED
    means = {
        practice.status: practice.mean
        for practice in Practice.objects.annotate(mean=Avg("assessments__scores__value"))
        if practice.status != Practice.Status.PUBLISHED
    }
    lowest_published = min(
        Score.objects.filter(assessment__practice=p).aggregate(m=Avg("value"))["m"]
        for p in published
    )
    assert means[Practice.Status.REVISION_REQUESTED] < 3 < lowest_published


def test_the_revision_request_has_a_note_and_the_owners_answers(output):
    practice = Practice.objects.get(status=Practice.Status.REVISION_REQUESTED)
    conclusion = practice.conclusions.get()
    assert conclusion.outcome == Conclusion.Outcome.REVISION_REQUESTED
    assert conclusion.note.count("\n- ") >= 2
    for assessment in practice.assessments.all():
        assert assessment.status == Assessment.Status.SUBMITTED
        assert assessment.owner_reply and assessment.replied_at > assessment.submitted_at
        assert assessment.replied_at < conclusion.created


def test_most_published_practices_are_translated_and_marked(client, output):
    published = erasmus_practices().filter(status=Practice.Status.PUBLISHED)
    translations = PracticeTranslation.objects.filter(practice__in=published)
    assert translations.count() >= 5
    assert not PracticeTranslation.objects.exclude(practice__status="published").exists()
    for translation in translations.select_related("practice__organisation", "translator"):
        practice = translation.practice
        assert translation.language in {"en", "de", "it"} - {practice.language}
        assert practice.organisation.memberships.filter(user=translation.translator).exists()
        assert all(getattr(translation, name) for name in TEXT_FIELDS)
        assert translation.title != practice.title
    translation = translations.filter(language="de").select_related("practice").first()
    client.force_login(User.objects.get(email=people.OUTSIDER.email))
    page = client.get(translation.practice.get_absolute_url() + "?lang=de").content.decode()
    assert translation.title in page
    assert "Translated from Italian" in page


def test_two_model_networks_show_their_published_practice_on_the_card(client, output):
    practices = Practice.objects.filter(network__isnull=False).select_related("network")
    assert practices.count() == 2
    client.force_login(User.objects.get(email=people.OUTSIDER.email))
    for practice in practices:
        network = practice.network
        assert network.kind == Network.Kind.MODEL_NETWORK
        assert practice.status == Practice.Status.PUBLISHED
        assert network.members.filter(organisation=practice.organisation, role="lead").exists()
        assert set(practice.countries) == {"DE", "IT"}
        page = client.get(
            reverse("networks:detail", kwargs={"programme": "ponteduale", "pk": network.pk})
        ).content.decode()
        assert "Published results" in page
        assert escape(practice.title) in page


def test_practice_dates_lie_in_the_past_and_in_order(output):
    now = timezone.now()
    for practice in Practice.objects.prefetch_related("assessments", "translations", "versions"):
        assert practice.created.year == 2026 and practice.updated < now
        assert practice.created < practice.updated
        versions = [v.created for v in practice.versions.order_by("number", "pk")]
        assert versions[0] == practice.created and versions == sorted(versions)
        assert versions[-1] <= practice.updated
        if practice.status == Practice.Status.DRAFT:
            assert practice.submitted_at is None and not practice.assessments.exists()
            continue
        assert practice.created < practice.submitted_at
        for assessment in practice.assessments.all():
            assert practice.submitted_at < assessment.assigned
            if assessment.submitted_at:
                assert assessment.assigned < assessment.submitted_at < now
        for conclusion in practice.conclusions.all():
            assert max(a.submitted_at for a in practice.assessments.all()) < conclusion.created
            if practice.status == Practice.Status.PUBLISHED:
                assert practice.published_at == conclusion.created
        for translation in practice.translations.all():
            assert practice.published_at < translation.created <= practice.updated
        # The audit log tells the same story, in the order it happened.
        entries = list(
            AuditEntry.objects.filter(
                content_type__model="practice", object_id=str(practice.pk)
            ).order_by("pk")
        )
        moments = [entry.created for entry in entries]
        assert moments == sorted(moments) and moments[0] == practice.created
        assert moments[-1] == practice.updated


def test_the_published_practices_are_found_in_the_catalogue(output):
    if not any(item.model is Practice for item in search.registered()):
        pytest.skip("Practice is not registered with the search module.")
    published = Practice.objects.filter(status=Practice.Status.PUBLISHED)
    assert list(search.search(Practice.objects.all(), "Lehrlingsportfolio")) == [
        published.get(language="de", organisation__country="AT")
    ]
    # Found by its translation too; drafts are not in the index.
    assert search.search(published, "apprentice portfolio").exists()
    assert not search.search(Practice.objects.all(), "Incubadora").exists()


def test_the_summary_counts_good_practice(output):
    summary = re.search(r"loaded in [\d.]+ s: (.*)\.", output).group(1)
    for part in (
        "14 good practices",
        "9 published practices",
        "4 practices ready for transfer",
        f"{Assessment.objects.filter(status='submitted').count()} practice assessments",
        f"{PracticeTranslation.objects.count()} practice translations",
    ):
        assert part in summary


# Transfer and outreach


def practice_in_motion() -> Programme:
    return Programme.objects.get(name="Practice in Motion")


def test_partners_adopt_published_practices_of_other_partners(output):
    transfers = Transfer.objects.filter(practice__programme=practice_in_motion())
    assert Counter(transfers.values_list("status", flat=True)) == {
        Transfer.Status.COMPLETED: 1,
        Transfer.Status.IN_PROGRESS: 2,
        Transfer.Status.PLANNED: 1,
    }
    for transfer in transfers.select_related("practice"):
        assert transfer.practice.status == Practice.Status.PUBLISHED
        assert transfer.organisation_id != transfer.practice.organisation_id
        assert transfer.created > transfer.practice.published_at
    completed = transfers.get(status=Transfer.Status.COMPLETED)
    assert completed.outcome and completed.lessons
    assert completed.started_on < completed.completed_on < timezone.localdate()
    assert not transfers.get(status=Transfer.Status.PLANNED).steps.exists()
    for transfer in transfers.filter(status=Transfer.Status.IN_PROGRESS):
        steps = list(transfer.steps.all())
        assert len(steps) >= 3
        assert {s.status for s in steps} >= {StepStatus.DONE}
        assert all(s.done_on for s in steps if s.status == StepStatus.DONE)
        assert transfer.started_on < timezone.localdate()


def test_the_partners_plan_their_capacity_building_in_a_working_group(output):
    network = Network.objects.get(programme=practice_in_motion())
    assert network.kind == Network.Kind.WORKING_GROUP
    assert network.created < timezone.now()
    plans = CapacityPlan.objects.filter(network=network)
    assert plans.count() == 5
    assert plans.values("organisation").distinct().count() == 5
    members = set(network.members.values_list("organisation", flat=True))
    assert set(plans.values_list("organisation", flat=True)) <= members
    for plan in plans:
        assert 3 <= plan.steps.count() <= 5
    steps = CapacityStep.objects.filter(plan__network=network)
    assert steps.filter(status=StepStatus.DONE).count() >= 5
    assert sum(step.is_overdue for step in steps) >= 3
    assert steps.filter(practices__isnull=False).distinct().count() >= 8
    assert (
        not steps.exclude(practices__programme=network.programme)
        .filter(practices__isnull=False)
        .exists()
    )
    # People named in a step belong to the plan's organisation.
    for step in steps.filter(who_person__isnull=False).select_related("plan"):
        assert Membership.objects.filter(
            user=step.who_person_id, organisation=step.plan.organisation_id
        ).exists()


def test_both_programmes_log_stakeholder_dialogue_and_dissemination(output):
    pim, ponteduale = practice_in_motion(), Programme.objects.get(name="PonteDuale")
    engagements = StakeholderEngagement.objects.filter(programme=pim)
    assert 12 <= engagements.count() <= 15
    assert len(set(engagements.values_list("group", flat=True))) >= 5
    assert set(engagements.values_list("level", flat=True)) == {
        "local",
        "regional",
        "national",
        "eu",
    }
    assert {d.year for d in engagements.values_list("date", flat=True)} == {2025, 2026}
    assert engagements.exclude(follow_up="").count() >= 5
    activities = DisseminationActivity.objects.filter(programme=pim)
    assert 8 <= activities.count() <= 10
    assert len(set(activities.values_list("kind", flat=True))) >= 6
    for activity in activities:
        assert activity.estimated_reach > 0
        assert activity.links and all(".example.org/" in link for link in activity.links)
        assert activity.practices.exists()
    assert 5 <= StakeholderEngagement.objects.filter(programme=ponteduale).count() <= 6
    assert 3 <= DisseminationActivity.objects.filter(programme=ponteduale).count() <= 4
    for model in (StakeholderEngagement, DisseminationActivity):
        entries = model.objects.filter(programme=ponteduale)
        assert not entries.filter(network__isnull=True).exists()
        assert not entries.exclude(network__kind=Network.Kind.MODEL_NETWORK).exists()


def test_transfer_and_outreach_happened_in_the_past(output):
    today, now = timezone.localdate(), timezone.now()
    for model in (StakeholderEngagement, DisseminationActivity):
        assert not model.objects.filter(date__gte=today).exists()
        assert not model.objects.filter(created__gte=now - datetime.timedelta(days=1)).exists()
        for entry in model.objects.all():
            assert entry.created.date() >= entry.date
    for model in (Transfer, TransferStep, CapacityPlan, CapacityStep):
        assert model.objects.exists()
        assert not model.objects.filter(created__gte=now - datetime.timedelta(days=1)).exists()
    for model in (TransferStep, CapacityStep):
        assert not model.objects.filter(done_on__gte=today).exists()
    entries = AuditEntry.objects.filter(action__startswith="outreach.")
    assert entries.count() >= 60
    assert not entries.filter(created__gte=now - datetime.timedelta(days=1)).exists()
    completed = Transfer.objects.get(status=Transfer.Status.COMPLETED)
    assert (
        entries.get(action="outreach.transfer_completed").created.date() == completed.completed_on
    )


def test_the_summary_counts_transfer_and_outreach(output):
    summary = re.search(r"loaded in [\d.]+ s: (.*)\.", output).group(1)
    for part in (
        "4 transfers",
        f"{TransferStep.objects.count()} transfer steps",
        "5 capacity-building plans",
        f"{CapacityStep.objects.count()} capacity-building steps",
        f"{StakeholderEngagement.objects.count()} stakeholder engagements",
        f"{DisseminationActivity.objects.count()} dissemination activities",
    ):
        assert part in summary
