"""The outreach tests' cast around the shared ``world``: an Italian organisation of the programme
owning a published practice and a draft, and a network of the world's organisation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.practices.models import Practice
from tests.factories import MembershipFactory, OrganisationFactory, ParticipationFactory


def make_practice(programme, organisation, *, status="published", title="Lernfabrik"):
    return Practice.objects.create(
        programme=programme,
        organisation=organisation,
        slug=title.lower().replace(" ", "-"),
        title=title,
        language="it",
        status=status,
        published_at=timezone.now() if status == "published" else None,
    )


@dataclass
class Cast:
    owner: object  # the organisation owning the practices
    owner_person: object
    practice: Practice
    draft: Practice
    network: Network


@pytest.fixture
def cast(world) -> Cast:
    owner = OrganisationFactory(name="Scuola Roma", slug="scuola-roma", country="IT", region="")
    ParticipationFactory(programme=world.programme, organisation=owner)
    owner_person = MembershipFactory(organisation=owner).user
    network = Network.objects.create(programme=world.programme, name="Tandem Kassel", kind="tandem")
    NetworkMember.objects.create(network=network, organisation=world.organisation, role="lead")
    NetworkMember.objects.create(network=network, organisation=owner)
    return Cast(
        owner=owner,
        owner_person=owner_person,
        practice=make_practice(world.programme, owner),
        draft=make_practice(world.programme, owner, status="draft", title="Bozza"),
        network=network,
    )


TODAY = datetime.date(2025, 3, 14)
