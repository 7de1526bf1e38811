"""Factories for networks (until the networks app has its own) and events."""

import datetime

import factory
from django.utils import timezone

from netzwerkstatt.events.models import Event
from netzwerkstatt.networks.models import Network, NetworkMember
from tests.factories import OrganisationFactory, ProgrammeFactory


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Netzwerk {n}")
    kind = Network.Kind.MODEL_NETWORK


class NetworkMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMember

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = NetworkMember.Role.PARTNER


def _in_days(days: int, hour: int = 10) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    programme = factory.SubFactory(ProgrammeFactory)
    kind = Event.Kind.NETWORK_MEETING
    title = factory.Sequence(lambda n: f"Netzwerktreffen {n}")
    starts_at = factory.LazyFunction(lambda: _in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=6))
    timezone = "Europe/Berlin"
    location = "Kassel, Berufliche Schulen"
    audience = Event.Audience.PROGRAMME


def in_days(days: int, hour: int = 10) -> datetime.datetime:
    return _in_days(days, hour)
