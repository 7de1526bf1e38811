"""Factories and helpers for the provider pages: certifications, and the shared cast's
organisation made a training provider."""

import datetime

import factory
from django.utils import timezone

from netzwerkstatt.courses.models import Certification
from netzwerkstatt.organisations.models import Organisation
from tests.courses.factories import ProviderFactory


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    organisation = factory.SubFactory(ProviderFactory)
    kind = Certification.Kind.ISO_9001
    issuer = "DEKRA Certification GmbH"
    reference = factory.Sequence(lambda n: f"ISO-{n:05d}")
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=300))
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=400))


def provider_world(world):
    """The cast's organisation as a training provider (its member and admin are the provider's
    people; the programme's coordinator and committee member run the cluster)."""
    Organisation.objects.filter(pk=world.organisation.pk).update(
        kind=Organisation.Kind.TRAINING_PROVIDER, region="DE-MV", city="Schwerin"
    )
    world.organisation.refresh_from_db()
    return world


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)
