"""The rules the expression services keep, whoever calls them (pages or, later, the API)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils import timezone

from netzwerkstatt.calls.models import ExpressionOfInterest, GroupMember
from netzwerkstatt.calls.services import expressions as services
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from tests.factories import (
    CallFactory,
    GroupMemberFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def expression(world):
    call = CallFactory(programme=world.programme)
    return services.start_expression(actor=world.member, call=call, lead=world.organisation)


def test_starting_needs_an_open_call_and_membership_of_the_lead(world):
    upcoming = CallFactory(
        programme=world.programme,
        opens_at=timezone.now() + datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=9),
    )
    open_call = CallFactory(programme=world.programme)

    with pytest.raises(ValidationError, match="not open"):
        services.start_expression(actor=world.member, call=upcoming, lead=world.organisation)
    with pytest.raises(PermissionDenied):
        services.start_expression(actor=world.outsider, call=open_call, lead=world.organisation)


def test_the_lead_must_be_from_an_eligible_region_when_the_call_names_regions(world):
    call = CallFactory(programme=world.programme, eligible_regions=["DE-BY"])

    with pytest.raises(ValidationError) as refused:
        services.start_expression(actor=world.member, call=call, lead=world.organisation)

    assert refused.value.messages == ["The lead must be from one of these regions: Bavaria."]


def test_partners_must_be_of_a_kind_the_call_accepts(world):
    call = CallFactory(programme=world.programme, eligible_kinds=["vocational_school", "chamber"])
    expression = services.start_expression(actor=world.member, call=call, lead=world.organisation)
    company = OrganisationFactory(country="DE", kind="training_company", name="Bosch")

    with pytest.raises(ValidationError, match="This call is open to vocational school, chamber"):
        services.invite_partner(
            actor=world.member, group=expression.group, organisation=company, email="a@b.org"
        )


def test_only_members_of_the_lead_invite_remove_submit_and_withdraw(world, expression):
    partner = GroupMemberFactory(group=expression.group)
    colleague = MembershipFactory(organisation=partner.organisation).user
    other = OrganisationFactory(country="DE")

    with pytest.raises(PermissionDenied):
        services.invite_partner(
            actor=colleague, group=expression.group, organisation=other, email="x@y.org"
        )
    with pytest.raises(PermissionDenied):
        services.remove_partner(actor=colleague, member=partner)
    with pytest.raises(PermissionDenied):
        services.submit_expression(actor=colleague, expression=expression)
    with pytest.raises(PermissionDenied):
        services.withdraw_expression(actor=colleague, expression=expression)


def test_a_declined_organisation_can_be_invited_again(
    world, expression, django_capture_on_commit_callbacks
):
    partner = GroupMemberFactory(group=expression.group, status="declined")

    with django_capture_on_commit_callbacks(execute=True):
        again = services.invite_partner(
            actor=world.member,
            group=expression.group,
            organisation=partner.organisation,
            email="neu@example.org",
        )

    assert (again.pk, again.status, again.answered_at) == (partner.pk, "invited", None)
    assert mail.outbox[0].to == ["neu@example.org"]
    assert AuditEntry.objects.get(action="actor_group.partner_invited").changes["status"] == {
        "old": "declined",
        "new": "invited",
    }


def test_invitation_mail_is_in_the_invitees_language_or_their_countrys(
    world, django_capture_on_commit_callbacks
):
    call = CallFactory(programme=world.programme)
    lead = OrganisationFactory(country="IT", region="IT-25")
    lead_person = MembershipFactory(organisation=lead).user
    expression = services.start_expression(actor=lead_person, call=call, lead=lead)
    partner = OrganisationFactory(country="IT", region="IT-25", name="Camera di Commercio")
    UserFactory(email="known@example.org", language="en")

    with django_capture_on_commit_callbacks(execute=True):
        services.invite_partner(
            actor=lead_person, group=expression.group, organisation=partner, email="new@example.org"
        )
        services.remove_partner(
            actor=lead_person, member=GroupMember.objects.get(organisation=partner)
        )
        services.invite_partner(
            actor=lead_person,
            group=expression.group,
            organisation=partner,
            email="known@example.org",
        )

    italian, english = mail.outbox
    assert "Invito a partecipare" in italian.subject
    assert "Call to action" in english.subject


def test_submission_checks_every_confirmed_organisations_kind(world, expression):
    GroupMemberFactory(group=expression.group, organisation__kind="university")
    expression.group.call.eligible_kinds = ["vocational_school", "training_company"]
    expression.group.call.save()

    with pytest.raises(ValidationError) as refused:
        services.submit_expression(actor=world.member, expression=expression)

    (message,) = refused.value.error_dict[NON_FIELD_ERRORS][0].messages
    assert message.startswith("This call is open to vocational school, training company;")
    assert ExpressionOfInterest.objects.get(pk=expression.pk).status == "draft"


def test_saving_over_a_newer_version_is_refused(world, expression):
    key = str(QuestionFactory(call=expression.group.call).pk)
    services.save_draft_answers(
        actor=world.member, expression=expression, answers={key: "a"}, expected_version=1
    )

    with pytest.raises(ConcurrentEdit):
        services.save_draft_answers(
            actor=world.org_admin, expression=expression, answers={key: "b"}, expected_version=1
        )

    assert ExpressionOfInterest.objects.get(pk=expression.pk).answers == {key: "a"}


def test_answers_to_questions_of_other_calls_are_not_kept(world, expression):
    stranger = QuestionFactory()

    saved = services.save_draft_answers(
        actor=world.member,
        expression=expression,
        answers={str(stranger.pk): "x", "version": "y"},
        expected_version=1,
    )

    assert (saved.answers, saved.version) == ({}, 1)


def test_a_withdrawn_groups_partner_may_join_another_group(world, expression):
    chamber = OrganisationFactory(country="DE", kind="chamber")
    person = MembershipFactory(organisation=chamber).user
    GroupMemberFactory(group=expression.group, organisation=chamber)
    services.withdraw_expression(actor=world.member, expression=expression)
    other_lead = OrganisationFactory(country="DE")
    other = services.start_expression(
        actor=MembershipFactory(organisation=other_lead).user,
        call=expression.group.call,
        lead=other_lead,
    )
    invitation = GroupMemberFactory(group=other.group, organisation=chamber, status="invited")

    confirmed = services.answer_partner_invitation(actor=person, member=invitation, confirm=True)

    assert confirmed.status == "confirmed"
