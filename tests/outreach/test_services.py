import datetime

import pytest
from django.core.exceptions import ValidationError

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks.models import NetworkMember
from netzwerkstatt.outreach.models import CapacityStep, StakeholderEngagement, Transfer
from netzwerkstatt.outreach.services import capacity, logs, transfers
from tests.factories import OrganisationFactory, ParticipationFactory, ProgrammeFactory

from .conftest import make_practice

pytestmark = pytest.mark.django_db


# Transfers ---------------------------------------------------------------------------------


def test_an_organisation_adopts_a_published_practice_with_an_audit_entry(world, cast):
    transfer = transfers.start_transfer(
        actor=world.member,
        practice=cast.practice,
        organisation=world.organisation,
        data={"adaptation": "Für Kassel"},
    )

    assert (transfer.status, transfer.adaptation) == ("planned", "Für Kassel")
    assert list(cast.practice.transfers.all()) == [transfer]
    entry = AuditEntry.objects.get(action="outreach.transfer_started")
    assert (entry.programme, entry.organisation, entry.actor) == (
        world.programme,
        world.organisation,
        world.member,
    )


def test_only_a_published_practice_can_be_adopted(world, cast):
    with pytest.raises(ValidationError) as error:
        transfers.start_transfer(
            actor=world.member, practice=cast.draft, organisation=world.organisation
        )

    assert "Only a published practice can be adopted." in error.value.messages
    assert not Transfer.objects.exists()


def test_one_transfer_per_organisation_and_practice(world, cast):
    transfers.start_transfer(
        actor=world.member, practice=cast.practice, organisation=world.organisation
    )

    with pytest.raises(ValidationError) as error:
        transfers.start_transfer(
            actor=world.org_admin, practice=cast.practice, organisation=world.organisation
        )

    assert error.value.message_dict["organisation"] == [
        "This organisation has already adopted the practice."
    ]
    assert Transfer.objects.count() == 1


def test_the_owner_does_not_adopt_its_own_practice(world, cast):
    with pytest.raises(ValidationError):
        transfers.start_transfer(
            actor=cast.owner_person, practice=cast.practice, organisation=cast.owner
        )


def test_an_organisation_outside_the_programme_does_not_adopt(world, cast):
    stranger = OrganisationFactory()
    from tests.factories import MembershipFactory

    person = MembershipFactory(organisation=stranger).user

    with pytest.raises(ValidationError):
        transfers.start_transfer(actor=person, practice=cast.practice, organisation=stranger)
    # Nor may a member of the programme adopt for an organisation they do not belong to.
    with pytest.raises(ValidationError):
        transfers.start_transfer(actor=world.member, practice=cast.practice, organisation=stranger)


def test_a_transfer_runs_from_planned_to_completed(world, cast):
    transfer = transfers.start_transfer(
        actor=world.member, practice=cast.practice, organisation=world.organisation
    )
    transfer = transfers.begin_transfer(
        actor=world.member,
        transfer=transfer,
        expected_version=1,
        started_on=datetime.date(2025, 1, 10),
    )
    assert (transfer.status, transfer.started_on) == ("in_progress", datetime.date(2025, 1, 10))

    with pytest.raises(ValidationError):
        transfers.complete_transfer(
            actor=world.member, transfer=transfer, expected_version=2, outcome=" "
        )
    done = transfers.complete_transfer(
        actor=world.member,
        transfer=transfer,
        expected_version=2,
        outcome="Läuft in zwei Klassen",
        lessons="Früher anfangen",
        completed_on=datetime.date(2025, 6, 1),
    )

    stored = Transfer.objects.get(pk=transfer.pk)
    assert (stored.status, stored.outcome, stored.lessons, stored.completed_on) == (
        "completed",
        "Läuft in zwei Klassen",
        "Früher anfangen",
        datetime.date(2025, 6, 1),
    )
    assert done.version == 3
    assert list(
        AuditEntry.objects.filter(action__startswith="outreach.transfer_")
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "outreach.transfer_started",
        "outreach.transfer_in_progress",
        "outreach.transfer_completed",
    ]
    with pytest.raises(ValidationError):
        transfers.abandon_transfer(actor=world.member, transfer=stored, expected_version=3)


def test_a_transfer_changed_meanwhile_is_not_overwritten(world, cast):
    transfer = transfers.start_transfer(
        actor=world.member, practice=cast.practice, organisation=world.organisation
    )
    transfers.update_transfer(
        actor=world.member, transfer=transfer, data={"lessons": "A"}, expected_version=1
    )

    with pytest.raises(ConcurrentEdit):
        transfers.update_transfer(
            actor=world.org_admin, transfer=transfer, data={"lessons": "B"}, expected_version=1
        )
    assert Transfer.objects.get(pk=transfer.pk).lessons == "A"


def test_a_step_names_a_person_of_the_adopting_organisation(world, cast):
    transfer = transfers.start_transfer(
        actor=world.member, practice=cast.practice, organisation=world.organisation
    )
    with pytest.raises(ValidationError) as error:
        transfers.save_transfer_step(
            actor=world.member,
            transfer=transfer,
            data={"what": "Lehrkräfte schulen", "who_person": cast.owner_person, "status": "to_do"},
        )
    assert "who_person" in error.value.message_dict

    step = transfers.save_transfer_step(
        actor=world.member,
        transfer=transfer,
        data={"what": "Lehrkräfte schulen", "who_person": world.org_admin, "status": "done"},
    )
    assert step.done_on is not None
    assert AuditEntry.objects.filter(
        action="outreach.transfer_step_added", programme=world.programme
    ).exists()


# Capacity building --------------------------------------------------------------------------


def test_a_capacity_plan_is_only_for_a_member_organisation(world, cast):
    outsider_org = OrganisationFactory()
    ParticipationFactory(programme=world.programme, organisation=outsider_org)

    with pytest.raises(ValidationError) as error:
        capacity.create_capacity_plan(
            actor=world.member,
            network=cast.network,
            organisation=outsider_org,
            data={"title": "Plan"},
        )
    assert "organisation" in error.value.message_dict


def test_capacity_steps_only_while_the_organisation_is_a_member(world, cast):
    plan = capacity.create_capacity_plan(
        actor=world.member,
        network=cast.network,
        organisation=world.organisation,
        data={"title": "Digitale Lernorte"},
    )
    step = capacity.save_capacity_step(
        actor=world.member,
        plan=plan,
        data={"what": "Fortbildung", "status": "to_do", "practices": [cast.practice]},
    )
    assert list(step.practices.all()) == [cast.practice]
    assert AuditEntry.objects.get(action="outreach.capacity_step_added").programme == (
        world.programme
    )

    NetworkMember.objects.filter(organisation=world.organisation).delete()
    with pytest.raises(ValidationError):
        capacity.save_capacity_step(
            actor=world.member, plan=plan, data={"what": "Noch einer", "status": "to_do"}
        )
    assert CapacityStep.objects.count() == 1


def test_a_capacity_step_links_only_practices_of_the_programme(world, cast):
    plan = capacity.create_capacity_plan(
        actor=world.member,
        network=cast.network,
        organisation=world.organisation,
        data={"title": "Plan"},
    )
    elsewhere = make_practice(ProgrammeFactory(), cast.owner, title="Anderswo")

    with pytest.raises(ValidationError) as error:
        capacity.save_capacity_step(
            actor=world.member,
            plan=plan,
            data={"what": "X", "status": "to_do", "practices": [elsewhere]},
        )
    assert "practices" in error.value.message_dict


def test_a_plan_changed_meanwhile_is_not_overwritten(world, cast):
    plan = capacity.create_capacity_plan(
        actor=world.member,
        network=cast.network,
        organisation=world.organisation,
        data={"title": "Plan"},
    )
    capacity.update_capacity_plan(
        actor=world.member, plan=plan, data={"title": "Plan 2"}, expected_version=1
    )
    with pytest.raises(ConcurrentEdit):
        capacity.update_capacity_plan(
            actor=world.org_admin, plan=plan, data={"title": "Plan 3"}, expected_version=1
        )


# The logs -------------------------------------------------------------------------------------


ENGAGEMENT = {
    "stakeholder": "IHK Kassel",
    "group": "chambers",
    "level": "regional",
    "date": datetime.date(2025, 3, 1),
    "topic": "Ausbildung 4.0",
}


def test_an_engagement_is_recorded_with_an_audit_entry(world, cast):
    entry = logs.record_engagement(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data={**ENGAGEMENT, "network": cast.network},
    )

    assert StakeholderEngagement.objects.get().stakeholder == "IHK Kassel"
    audit = AuditEntry.objects.get(action="outreach.engagement_added")
    assert (audit.programme, audit.object_id) == (world.programme, str(entry.pk))


def test_an_engagement_needs_a_network_the_organisation_belongs_to(world, cast):
    NetworkMember.objects.filter(organisation=world.organisation).delete()
    with pytest.raises(ValidationError) as error:
        logs.record_engagement(
            actor=world.member,
            programme=world.programme,
            organisation=world.organisation,
            data={**ENGAGEMENT, "network": cast.network},
        )
    assert "network" in error.value.message_dict


def test_an_engagement_changed_meanwhile_is_not_overwritten(world):
    entry = logs.record_engagement(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data=ENGAGEMENT,
    )
    logs.update_engagement(
        actor=world.member, engagement=entry, data={"topic": "Neu"}, expected_version=1
    )
    with pytest.raises(ConcurrentEdit):
        logs.update_engagement(
            actor=world.coordinator, engagement=entry, data={"topic": "Alt"}, expected_version=1
        )
    assert StakeholderEngagement.objects.get().topic == "Neu"


def test_dissemination_checks_links_and_reach(world, cast):
    data = {
        "kind": "conference",
        "title": "Fachtag",
        "date": datetime.date(2025, 5, 2),
        "estimated_reach": 120,
        "links": "https://example.org/fachtag\n\n http://example.org/b ",
        "practices": [cast.practice],
    }
    activity = logs.record_dissemination(
        actor=world.member, programme=world.programme, organisation=world.organisation, data=data
    )
    assert activity.links == ["https://example.org/fachtag", "http://example.org/b"]
    assert list(activity.practices.all()) == [cast.practice]

    with pytest.raises(ValidationError) as error:
        logs.record_dissemination(
            actor=world.member,
            programme=world.programme,
            organisation=world.organisation,
            data={**data, "links": "javascript:alert(1)", "estimated_reach": -1},
        )
    assert set(error.value.message_dict) >= {"estimated_reach"}
    with pytest.raises(ValidationError) as error:
        logs.record_dissemination(
            actor=world.member,
            programme=world.programme,
            organisation=world.organisation,
            data={**data, "links": "javascript:alert(1)"},
        )
    assert "links" in error.value.message_dict
