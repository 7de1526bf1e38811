"""Programmes, their coordinators and committee, and the organisations taking part."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.programmes import services
from netzwerkstatt.programmes.models import Participation, Programme, ProgrammeRole
from tests.factories import (
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_create_programme_records_every_value():
    admin = UserFactory(is_superuser=True)

    programme = services.create_programme(
        actor=admin,
        data={
            "name": "Good Practice on the Move",
            "description": LazyI18nString({"en": "Sharing practice", "de": "Praxis teilen"}),
            "countries": ["DE", "IT", "AT"],
            "starts_on": datetime.date(2025, 1, 1),
            "ends_on": datetime.date(2027, 12, 31),
        },
    )

    assert programme.slug == "good-practice-on-the-move"
    entry = AuditEntry.objects.get(action="programme.created")
    assert entry.programme == programme
    assert entry.actor == admin
    assert entry.changes["name"] == {"old": None, "new": "Good Practice on the Move"}
    assert entry.changes["countries"] == {"old": None, "new": ["DE", "IT", "AT"]}
    assert entry.changes["starts_on"] == {"old": None, "new": "2025-01-01"}
    assert entry.changes["description"]["new"] == {"en": "Sharing practice", "de": "Praxis teilen"}


def test_create_programme_refuses_an_end_before_the_start():
    with pytest.raises(ValidationError):
        services.create_programme(
            actor=None,
            data={
                "name": "Backwards",
                "starts_on": datetime.date(2026, 1, 1),
                "ends_on": datetime.date(2025, 1, 1),
            },
        )

    assert not Programme.objects.exists()
    assert not AuditEntry.objects.exists()


def test_update_programme_records_changes_and_raises_the_version():
    programme = ProgrammeFactory(funder="BMBF", tagline="")

    updated = services.update_programme(
        actor=None,
        programme=programme,
        data={"funder": "Erasmus+", "tagline": "Dual VET"},
        expected_version=1,
    )

    assert (updated.funder, updated.tagline, updated.version) == ("Erasmus+", "Dual VET", 2)
    assert AuditEntry.objects.get(action="programme.updated").changes == {
        "funder": {"old": "BMBF", "new": "Erasmus+"},
        "tagline": {"old": "", "new": "Dual VET"},
    }


def test_update_programme_from_an_outdated_version_writes_nothing():
    programme = ProgrammeFactory(funder="BMBF")
    services.update_programme(
        actor=None, programme=programme, data={"funder": "ESF Plus"}, expected_version=1
    )

    with pytest.raises(ConcurrentEdit):
        services.update_programme(
            actor=None, programme=programme, data={"funder": "Erasmus+"}, expected_version=1
        )

    programme.refresh_from_db()
    assert (programme.funder, programme.version) == ("ESF Plus", 2)
    assert AuditEntry.objects.filter(action="programme.updated").count() == 1


def test_grant_role_records_it_once():
    programme = ProgrammeFactory()
    person = UserFactory(name="Carla Bianchi")

    first = services.grant_role(actor=None, programme=programme, user=person, role="coordinator")
    again = services.grant_role(actor=None, programme=programme, user=person, role="coordinator")

    assert first == again
    entry = AuditEntry.objects.get(action="programme_role.granted")
    assert entry.programme == programme
    assert entry.changes == {
        "role": {"old": None, "new": "coordinator"},
        "person": {"old": None, "new": "Carla Bianchi"},
    }


def test_grant_role_takes_effect_in_permissions_at_once():
    programme = ProgrammeFactory()
    person = UserFactory()
    assert not person.has_perm("programmes.change_programme", programme)

    services.grant_role(actor=None, programme=programme, user=person, role="coordinator")

    assert person.has_perm("programmes.change_programme", programme)


def test_grant_role_refuses_an_unknown_role():
    with pytest.raises(ValidationError) as error:
        services.grant_role(
            actor=None, programme=ProgrammeFactory(), user=UserFactory(), role="boss"
        )

    assert error.value.code == "invalid_role"
    assert not ProgrammeRole.objects.exists()


def test_the_last_coordinator_cannot_be_revoked():
    coordinator = ProgrammeRoleFactory(role="coordinator")

    with pytest.raises(ValidationError) as error:
        services.revoke_role(actor=None, programme_role=coordinator)

    assert error.value.code == "last_coordinator"
    assert ProgrammeRole.objects.filter(pk=coordinator.pk).exists()
    assert not AuditEntry.objects.exists()


def test_a_coordinator_can_be_revoked_when_another_remains():
    coordinator = ProgrammeRoleFactory(role="coordinator", user__name="Carla Bianchi")
    ProgrammeRoleFactory(programme=coordinator.programme, role="coordinator")

    services.revoke_role(actor=None, programme_role=coordinator)

    assert not ProgrammeRole.objects.filter(pk=coordinator.pk).exists()
    assert AuditEntry.objects.get(action="programme_role.revoked").changes == {
        "role": {"old": "coordinator", "new": None},
        "person": {"old": "Carla Bianchi", "new": None},
    }


def test_a_committee_member_can_always_be_revoked():
    committee = ProgrammeRoleFactory(role="committee_member")

    services.revoke_role(actor=None, programme_role=committee)

    assert not ProgrammeRole.objects.exists()
    assert AuditEntry.objects.get().action == "programme_role.revoked"


def test_add_participant_records_it_once():
    programme = ProgrammeFactory()
    organisation = OrganisationFactory(name="Camera di Commercio")

    services.add_participant(actor=None, programme=programme, organisation=organisation)
    services.add_participant(actor=None, programme=programme, organisation=organisation)

    assert list(programme.organisations.all()) == [organisation]
    entry = AuditEntry.objects.get(action="participation.added")
    assert (entry.programme, entry.organisation) == (programme, organisation)
    assert entry.changes == {"organisation": {"old": None, "new": "Camera di Commercio"}}


def test_remove_participant_records_the_organisation():
    participation = ParticipationFactory(organisation__name="Camera di Commercio")

    services.remove_participant(actor=None, participation=participation)

    assert not Participation.objects.exists()
    entry = AuditEntry.objects.get(action="participation.removed")
    assert entry.changes == {"organisation": {"old": "Camera di Commercio", "new": None}}
    assert entry.programme == participation.programme
