"""Screening services: the checklist and a held decision per expression, decisions for many at
once, and releasing the held decisions with one e-mail per person in their language.

``make_screening`` builds the call the screening tests share: an Italian group from Lombardy
(a chamber and a training company) and a German group led by the world's organisation."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from i18nfield.strings import LazyI18nString

from netzwerkstatt.calls.models import ExpressionOfInterest, GroupMember, Question
from netzwerkstatt.calls.services import screening as services
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    ActorGroupFactory,
    CallFactory,
    ExpressionFactory,
    GroupMemberFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    ScreeningCriterionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Status = ExpressionOfInterest.Status
Decision = ExpressionOfInterest.Decision


@dataclass
class Screening:
    call: object
    criteria: list
    questions: dict
    italian: ExpressionOfInterest
    german: ExpressionOfInterest
    italian_person: object  # writes Italian by choice
    italian_colleague: object  # has chosen no language: written to in the group's language
    german_person: object  # world.member, who has chosen German
    themes: list


def make_screening(world) -> Screening:
    call = CallFactory(programme=world.programme, slug="connactions-2025")
    criteria = [
        ScreeningCriterionFactory(
            call=call, text=LazyI18nString({"en": "Public and private partners"})
        ),
        ScreeningCriterionFactory(
            call=call, text=LazyI18nString({"en": "At least two organisations"})
        ),
    ]
    questions = {
        "why": QuestionFactory(
            call=call, label=LazyI18nString({"en": "Why this network?"}), position=1
        ),
        "sectors": QuestionFactory(
            call=call,
            label=LazyI18nString({"en": "Sectors"}),
            kind=Question.Kind.MULTIPLE_CHOICE,
            choices=[
                {"value": "mechatronics", "label": {"en": "Mechatronics", "it": "Meccatronica"}},
                {"value": "tourism", "label": {"en": "Tourism", "it": "Turismo"}},
            ],
            position=2,
        ),
        "plan": QuestionFactory(
            call=call,
            label=LazyI18nString({"en": "Work plan"}),
            kind=Question.Kind.FILE,
            required=False,
            position=3,
        ),
    }
    digital, green = list(Theme.objects.all()[:2])
    chamber = OrganisationFactory(
        name="Camera di Commercio Milano",
        country="IT",
        region="IT-25",
        kind=Organisation.Kind.CHAMBER,
        sector=Organisation.Sector.PUBLIC,
    )
    company = OrganisationFactory(
        name="Meccanica Rossi",
        country="IT",
        region="IT-25",
        kind=Organisation.Kind.TRAINING_COMPANY,
        sector=Organisation.Sector.PRIVATE,
    )
    italian_group = ActorGroupFactory(
        call=call, name="Rete Duale Lombardia", country="IT", lead=chamber
    )
    GroupMemberFactory(group=italian_group, organisation=company)
    italian_group.themes.set([digital])
    german_group = ActorGroupFactory(
        call=call, name="Duales Netz Hessen", country="DE", lead=world.organisation
    )
    german_group.themes.set([green])
    italian = ExpressionFactory(
        group=italian_group,
        answers={
            str(questions["why"].pk): "Vogliamo imparare dal sistema duale.",
            str(questions["sectors"].pk): ["mechatronics", "tourism"],
        },
    )
    german = ExpressionFactory(
        group=german_group,
        answers={str(questions["why"].pk): "Wir möchten Betriebe in Italien kennenlernen."},
    )
    italian_person = MembershipFactory(organisation=chamber, user__language="it").user
    italian_colleague = MembershipFactory(organisation=company, user__language="").user
    world.member.language = "de"
    world.member.save(update_fields=["language"])
    return Screening(
        call=call,
        criteria=criteria,
        questions=questions,
        italian=italian,
        german=german,
        italian_person=italian_person,
        italian_colleague=italian_colleague,
        german_person=world.member,
        themes=[digital, green],
    )


@pytest.fixture
def screening(world) -> Screening:
    return make_screening(world)


def _screen(actor, expression, *, decision=Decision.ELIGIBLE, reason="", checks=(), notes=""):
    return services.record_screening(
        actor=actor,
        expression=expression,
        checks=checks,
        notes=notes,
        decision=decision,
        reason=reason,
        expected_version=ExpressionOfInterest.objects.get(pk=expression.pk).version,
        expected_screening_version=ExpressionOfInterest.objects.get(
            pk=expression.pk
        ).screening_version,
    )


# One expression ------------------------------------------------------------------------------


def test_record_screening_holds_the_decision_and_logs_the_previous_values(
    world, screening, django_capture_on_commit_callbacks
):
    first, second = screening.criteria
    with django_capture_on_commit_callbacks(execute=True):
        saved = services.record_screening(
            actor=world.coordinator,
            expression=screening.italian,
            checks=[first.pk],
            notes="  Strong company partner.  ",
            decision=Decision.ELIGIBLE,
            reason="A good mix of public and private partners.",
            expected_version=1,
            expected_screening_version=1,
        )

    saved.refresh_from_db()
    assert saved.status == Status.SUBMITTED
    assert saved.screening_decision == Decision.ELIGIBLE
    assert saved.screening_checks == {str(first.pk): True, str(second.pk): False}
    assert saved.screening_notes == "Strong company partner."
    assert saved.screening_reason == "A good mix of public and private partners."
    assert saved.screened_by == world.coordinator
    assert (saved.version, saved.screening_version) == (1, 2)
    assert saved.decision_released_at is None
    assert mail.outbox == []
    entry = AuditEntry.objects.get(action="expression.screened")
    assert entry.programme == world.programme
    assert entry.actor == world.coordinator
    assert entry.object_id == str(saved.pk)
    assert entry.changes["screening_decision"] == {"old": "", "new": "eligible"}
    assert entry.changes["screening_checks"] == {
        "old": {},
        "new": {str(first.pk): True, str(second.pk): False},
    }


def test_record_screening_logs_the_decision_it_replaces(world, screening):
    _screen(world.coordinator, screening.italian, decision=Decision.ELIGIBLE)

    _screen(world.coordinator, screening.italian, decision=Decision.INELIGIBLE, reason="Late.")

    entry = AuditEntry.objects.filter(action="expression.screened").latest("pk")
    assert entry.changes["screening_decision"] == {"old": "eligible", "new": "ineligible"}
    assert entry.changes["screening_reason"] == {"old": "", "new": "Late."}


def test_record_screening_refuses_a_concurrent_edit(world, screening):
    _screen(world.platform_admin, screening.italian, notes="Seen first.")

    with pytest.raises(ConcurrentEdit):
        services.record_screening(
            actor=world.coordinator,
            expression=screening.italian,
            checks=[],
            notes="Opened before the other save.",
            decision=Decision.INELIGIBLE,
            reason="Too late.",
            expected_version=1,
            expected_screening_version=1,
        )

    screening.italian.refresh_from_db()
    assert screening.italian.screening_notes == "Seen first."
    assert screening.italian.screening_decision == Decision.ELIGIBLE
    assert AuditEntry.objects.filter(action="expression.screened").count() == 1


def test_not_eligible_needs_a_reason(world, screening):
    with pytest.raises(ValidationError) as refused:
        _screen(world.coordinator, screening.italian, decision=Decision.INELIGIBLE, reason="  ")

    assert list(refused.value.error_dict) == ["reason"]
    screening.italian.refresh_from_db()
    assert screening.italian.screening_decision == Decision.NONE
    assert screening.italian.screening_version == 1
    assert not AuditEntry.objects.filter(action="expression.screened").exists()


@pytest.mark.parametrize("status", [Status.ELIGIBLE, Status.WITHDRAWN, Status.DRAFT])
def test_only_submitted_expressions_are_screened(world, screening, status):
    ExpressionOfInterest.objects.filter(pk=screening.italian.pk).update(status=status)

    with pytest.raises(ValidationError) as refused:
        _screen(world.coordinator, screening.italian)

    assert refused.value.code == "not_screenable"
    screening.italian.refresh_from_db()
    assert screening.italian.screening_decision == Decision.NONE


def test_ticks_for_criteria_of_another_call_are_not_kept(world, screening):
    stranger = ScreeningCriterionFactory()
    first, second = screening.criteria

    saved = _screen(world.coordinator, screening.italian, checks=[stranger.pk, second.pk])

    assert saved.screening_checks == {str(first.pk): False, str(second.pk): True}


# Many at once --------------------------------------------------------------------------------


def test_decide_many_holds_one_decision_for_all_and_skips_sent_ones(world, screening):
    released = ExpressionFactory(
        group=ActorGroupFactory(call=screening.call), status=Status.ELIGIBLE
    )

    result = services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian, screening.german, released],
        decision=Decision.INELIGIBLE,
        reason="The call asks for at least three organisations.",
    )

    assert sorted(e.pk for e in result.decided) == sorted(
        [screening.italian.pk, screening.german.pk]
    )
    assert result.skipped == 1
    for expression in (screening.italian, screening.german):
        expression.refresh_from_db()
        assert expression.status == Status.SUBMITTED
        assert expression.screening_decision == Decision.INELIGIBLE
        assert expression.screening_reason == "The call asks for at least three organisations."
        assert (expression.version, expression.screening_version) == (1, 2)
    released.refresh_from_db()
    assert released.screening_decision == Decision.NONE
    entries = AuditEntry.objects.filter(action="expression.decided")
    assert sorted(e.object_id for e in entries) == sorted(
        [str(screening.italian.pk), str(screening.german.pk)]
    )
    assert all(e.changes["screening_decision"] == {"old": "", "new": "ineligible"} for e in entries)


def test_decide_many_needs_a_reason_for_not_eligible(world, screening):
    with pytest.raises(ValidationError) as refused:
        services.decide_many(
            actor=world.coordinator,
            expressions=[screening.italian],
            decision=Decision.INELIGIBLE,
            reason="",
        )

    assert list(refused.value.error_dict) == ["reason"]
    screening.italian.refresh_from_db()
    assert screening.italian.screening_decision == Decision.NONE


def test_decide_many_can_take_held_decisions_back(world, screening):
    _screen(world.coordinator, screening.italian, decision=Decision.ELIGIBLE)

    services.decide_many(
        actor=world.coordinator, expressions=[screening.italian], decision="", reason=""
    )

    screening.italian.refresh_from_db()
    assert screening.italian.screening_decision == Decision.NONE


# Releasing -----------------------------------------------------------------------------------


def _messages_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_release_sends_each_person_one_e_mail_in_their_language(
    world, screening, django_capture_on_commit_callbacks
):
    _screen(world.coordinator, screening.italian, decision=Decision.ELIGIBLE)
    _screen(
        world.coordinator,
        screening.german,
        decision=Decision.INELIGIBLE,
        reason="Es fehlt ein Ausbildungsbetrieb.",
    )

    with django_capture_on_commit_callbacks(execute=True):
        result = services.release_decisions(actor=world.coordinator, call=screening.call)

    assert {e.pk for e in result.expressions} == {screening.italian.pk, screening.german.pk}
    screening.italian.refresh_from_db()
    screening.german.refresh_from_db()
    assert screening.italian.status == Status.ELIGIBLE
    assert screening.german.status == Status.INELIGIBLE
    assert screening.italian.decision_released_at is not None
    # Italian group: a person who chose Italian, and one who chose nothing (the group is Italian).
    # German group: world.member chose German, world.org_admin chose nothing (the group is German).
    recipients = {
        screening.italian_person.email,
        screening.italian_colleague.email,
        world.member.email,
        world.org_admin.email,
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(recipients)
    assert result.emails == 4
    for person in (screening.italian_person, screening.italian_colleague):
        (message,) = _messages_to(person.email)
        assert message.subject.startswith("Invito a partecipare")
        assert "Rete Duale Lombardia" in message.body
        assert "Duales Netz Hessen" not in message.body
    for person in (world.member, world.org_admin):
        (message,) = _messages_to(person.email)
        assert message.subject.startswith("Aufruf zur Teilnahme")
        assert "Es fehlt ein Ausbildungsbetrieb." in message.body
        assert "Rete Duale Lombardia" not in message.body
    released = AuditEntry.objects.filter(action="expression.decision_released")
    assert {e.object_id: e.changes["status"] for e in released} == {
        str(screening.italian.pk): {"old": "submitted", "new": "eligible"},
        str(screening.german.pk): {"old": "submitted", "new": "ineligible"},
    }
    summary = AuditEntry.objects.get(action="call.decisions_released")
    assert summary.programme == world.programme
    assert summary.changes["decisions"] == {"old": None, "new": 2}


def test_release_writes_english_to_people_who_chose_it_and_to_other_countries(
    world, screening, django_capture_on_commit_callbacks
):
    screening.italian_person.language = "en"
    screening.italian_person.save(update_fields=["language"])
    french = ExpressionFactory(group=ActorGroupFactory(call=screening.call, country="FR"))
    french_person = MembershipFactory(organisation=french.group.lead, user__language="").user
    services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian, french],
        decision=Decision.ELIGIBLE,
        reason="",
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.release_decisions(actor=world.coordinator, call=screening.call)

    assert _messages_to(screening.italian_person.email)[0].subject.startswith("Call to action")
    assert _messages_to(screening.italian_colleague.email)[0].subject.startswith("Invito")
    assert _messages_to(french_person.email)[0].subject.startswith("Call to action")


def test_release_leaves_expressions_without_a_decision_alone(
    world, screening, django_capture_on_commit_callbacks
):
    _screen(world.coordinator, screening.italian, decision=Decision.ELIGIBLE)

    with django_capture_on_commit_callbacks(execute=True):
        result = services.release_decisions(actor=world.coordinator, call=screening.call)

    assert [e.pk for e in result.expressions] == [screening.italian.pk]
    screening.german.refresh_from_db()
    assert screening.german.status == Status.SUBMITTED
    assert screening.german.decision_released_at is None
    assert not _messages_to(world.member.email)
    assert not _messages_to(world.org_admin.email)


def test_release_twice_sends_nothing_new(world, screening, django_capture_on_commit_callbacks):
    _screen(world.coordinator, screening.italian, decision=Decision.ELIGIBLE)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_decisions(actor=world.coordinator, call=screening.call)
    sent = len(mail.outbox)
    released_at = ExpressionOfInterest.objects.get(pk=screening.italian.pk).decision_released_at

    with django_capture_on_commit_callbacks(execute=True):
        again = services.release_decisions(actor=world.coordinator, call=screening.call)

    assert sent == 2
    assert len(mail.outbox) == sent
    assert again.expressions == []
    assert again.emails == 0
    assert (
        ExpressionOfInterest.objects.get(pk=screening.italian.pk).decision_released_at
        == released_at
    )
    assert AuditEntry.objects.filter(action="call.decisions_released").count() == 1


def test_release_writes_only_to_confirmed_organisations_and_once_per_person(
    world, screening, django_capture_on_commit_callbacks
):
    invited = GroupMemberFactory(
        group=screening.italian.group, status=GroupMember.Status.INVITED
    ).organisation
    not_yet = MembershipFactory(organisation=invited).user
    # Member of both confirmed organisations of the group: still one e-mail.
    MembershipFactory(organisation=screening.italian.group.lead, user=screening.italian_colleague)
    gone = MembershipFactory(organisation=screening.italian.group.lead, user__is_active=False).user
    _screen(world.coordinator, screening.italian, decision=Decision.ELIGIBLE)

    with django_capture_on_commit_callbacks(execute=True):
        result = services.release_decisions(actor=world.coordinator, call=screening.call)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [screening.italian_person.email, screening.italian_colleague.email]
    )
    assert result.emails == 2
    assert not _messages_to(not_yet.email)
    assert not _messages_to(gone.email)


def test_released_decisions_can_no_longer_be_changed(world, screening):
    _screen(world.coordinator, screening.italian, decision=Decision.ELIGIBLE)
    services.release_decisions(actor=world.coordinator, call=screening.call)

    with pytest.raises(ValidationError):
        _screen(world.coordinator, screening.italian, decision=Decision.INELIGIBLE, reason="No.")

    result = services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian],
        decision=Decision.INELIGIBLE,
        reason="No.",
    )
    assert result.decided == []
    screening.italian.refresh_from_db()
    assert screening.italian.status == Status.ELIGIBLE


def test_release_touches_only_its_own_call(world, screening, django_capture_on_commit_callbacks):
    other = ExpressionFactory(group=ActorGroupFactory(call=CallFactory(programme=world.programme)))
    services.decide_many(
        actor=world.coordinator, expressions=[other], decision=Decision.ELIGIBLE, reason=""
    )

    with django_capture_on_commit_callbacks(execute=True):
        result = services.release_decisions(actor=world.coordinator, call=screening.call)

    assert result.expressions == []
    other.refresh_from_db()
    assert other.status == Status.SUBMITTED


def test_language_for_falls_back_to_the_groups_country():
    person = UserFactory.build(language="")

    assert services.language_for(person, "IT") == "it"
    assert services.language_for(person, "DE") == "de"
    assert services.language_for(person, "FR") == "en"
    assert services.language_for(UserFactory.build(language="de"), "IT") == "de"


def test_screening_notices_changed_answers_but_never_blocks_the_group(world, screening):
    ExpressionOfInterest.objects.filter(pk=screening.italian.pk).update(version=2)

    with pytest.raises(ConcurrentEdit):
        services.record_screening(
            actor=world.coordinator,
            expression=screening.italian,
            checks=[],
            notes="Read before the group changed its answers.",
            decision=Decision.ELIGIBLE,
            reason="",
            expected_version=1,
            expected_screening_version=1,
        )
    saved = _screen(world.coordinator, screening.italian)

    assert (saved.version, saved.screening_version) == (2, 2)
