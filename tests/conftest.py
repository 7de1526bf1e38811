"""Shared fixtures. The cast of people follows the roles in the design: a visitor (anonymous), an
outsider (signed in, no role), an organisation member and admin, a programme coordinator, a
committee member and a platform admin, around one programme and one
participating organisation."""

from dataclasses import dataclass

import pytest

from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
    UserFactory,
)


@dataclass
class World:
    programme: object
    organisation: object
    outsider: object
    member: object
    org_admin: object
    coordinator: object
    committee_member: object
    platform_admin: object


@pytest.fixture
def world(db) -> World:
    programme = ProgrammeFactory(name="ConnActions")
    organisation = OrganisationFactory(name="Berufliche Schulen Kassel")
    ParticipationFactory(programme=programme, organisation=organisation)
    member = MembershipFactory(organisation=organisation).user
    org_admin = MembershipFactory(organisation=organisation, role="admin").user
    coordinator = ProgrammeRoleFactory(programme=programme, role="coordinator").user
    committee_member = ProgrammeRoleFactory(programme=programme, role="committee_member").user
    return World(
        programme=programme,
        organisation=organisation,
        outsider=UserFactory(),
        member=member,
        org_admin=org_admin,
        coordinator=coordinator,
        committee_member=committee_member,
        platform_admin=UserFactory(is_superuser=True, is_staff=True),
    )


@pytest.fixture(autouse=True)
def _english(settings):
    """Tests read English text unless they switch language themselves."""
    settings.LANGUAGE_CODE = "en"
