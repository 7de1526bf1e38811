import pytest

from tests.events.factories import EventFactory, NetworkFactory, NetworkMemberFactory


@pytest.fixture
def network(world):
    """A network of the world's programme with the world's organisation as lead."""
    network = NetworkFactory(programme=world.programme, name="Duale Ausbildung DE-IT")
    NetworkMemberFactory(network=network, organisation=world.organisation, role="lead")
    return network


@pytest.fixture
def event(world):
    """A programme-wide event of the world's programme, ten days ahead, with 2 places."""
    return EventFactory(programme=world.programme, title="Kick-off ConnActions", capacity=2)


@pytest.fixture
def network_event(world, network):
    return EventFactory(programme=world.programme, network=network, audience="networks")
