"""Networks of the world's programme, made directly (without a call behind them)."""

import pytest

from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.vocabularies.models import Theme


@pytest.fixture
def make_network(world):
    def make(name, kind=Network.Kind.MODEL_NETWORK, *, members=(), themes=(), programme=None):
        """``members``: organisations, the first one as lead."""
        network = Network.objects.create(
            programme=programme or world.programme, name=name, kind=kind
        )
        network.themes.set(Theme.objects.filter(code__in=themes))
        for position, organisation in enumerate(members):
            NetworkMember.objects.create(
                network=network,
                organisation=organisation,
                role=NetworkMember.Role.LEAD if position == 0 else NetworkMember.Role.PARTNER,
            )
        return network

    return make
