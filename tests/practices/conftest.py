"""Around the shared world: an Italian and a French organisation of the programme, each with a
person who may assess the German organisation's practice."""

from dataclasses import dataclass

import pytest

from netzwerkstatt.practices import services
from tests.factories import MembershipFactory, OrganisationFactory, ParticipationFactory

TEMPLATE = {
    "title": "Lernfabrik 4.0",
    "language": "de",
    "summary": "Auszubildende lernen an einer **Modellfabrik**.",
    "context": "Kassel, 2022",
    "challenge": "Digitalisierung",
    "approach": "Schritt für Schritt",
    "results": "Mehr Bewerbungen",
    "countries": ["DE"],
    "target_groups": ["apprentices"],
    "organisation_kinds": ["vocational_school"],
}


@dataclass
class Partners:
    italian: object
    french: object
    italian_assessor: object
    french_assessor: object


@pytest.fixture
def partners(world) -> Partners:
    italian = OrganisationFactory(name="Istituto Tecnico Bolzano", country="IT", region="IT-32")
    french = OrganisationFactory(name="Lycée Lyon", country="FR", region="FR-ARA")
    for organisation in (italian, french):
        ParticipationFactory(programme=world.programme, organisation=organisation)
    return Partners(
        italian=italian,
        french=french,
        italian_assessor=MembershipFactory(organisation=italian, user__language="it").user,
        french_assessor=MembershipFactory(organisation=french).user,
    )


def make_practice(world, **data):
    return services.create_practice(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data={**TEMPLATE, **data},
    )


@pytest.fixture
def practice(world):
    return make_practice(world)
