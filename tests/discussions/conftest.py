import pytest

from netzwerkstatt.discussions import services
from tests.events.factories import NetworkFactory, NetworkMemberFactory


@pytest.fixture
def network(world):
    """A network of the world's programme with the world's organisation as lead."""
    network = NetworkFactory(programme=world.programme, name="Duale Ausbildung DE-IT")
    NetworkMemberFactory(network=network, organisation=world.organisation, role="lead")
    return network


@pytest.fixture
def programme_thread(world):
    return services.start_thread(
        actor=world.member, programme=world.programme, title="Praktika 2026", body="Wer macht mit?"
    )


@pytest.fixture
def network_thread(world, network):
    return services.start_thread(
        actor=world.member,
        programme=world.programme,
        network=network,
        title="Lernortkooperation",
        body="Erster Beitrag",
    )
