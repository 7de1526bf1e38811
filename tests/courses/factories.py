"""Factories for the continuing-education database. ``listed_provider()`` makes a training
provider that the public database shows (a valid declaration in a public cluster)."""

import datetime

import factory
from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.courses import index
from netzwerkstatt.courses.models import Course, CourseRun, Declaration, DeclarationText
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import IscedField
from tests.factories import OrganisationFactory, ProgrammeFactory


class ProviderFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Bildungszentrum Beispiel {n}")
    slug = factory.Sequence(lambda n: f"provider-{n}")
    kind = Organisation.Kind.TRAINING_PROVIDER
    sector = Organisation.Sector.PRIVATE
    region = "DE-MV"
    city = "Schwerin"


class DeclarationTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeclarationText

    programme = factory.SubFactory(ProgrammeFactory)
    version = 1
    title = LazyI18nString({"de": "Beteiligungserklärung", "en": "Participation declaration"})
    text = LazyI18nString(
        {"de": "Wir arbeiten im Cluster mit.", "en": "We take part in the cluster."}
    )


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    text = factory.SubFactory(DeclarationTextFactory)
    programme = factory.SelfAttribute("text.programme")
    organisation = factory.SubFactory(ProviderFactory)
    signer_name = "Kristin Behrens"
    signer_position = "Geschäftsführerin"


def listed_provider(programme=None, **kwargs) -> Organisation:
    """A training provider with a valid declaration in ``programme`` (a new public one if None)."""
    provider = ProviderFactory(**kwargs)
    text = (
        DeclarationText.objects.filter(programme=programme).order_by("-version").first()
        if programme
        else None
    ) or DeclarationTextFactory(**({"programme": programme} if programme else {}))
    DeclarationFactory(text=text, organisation=provider)
    return provider


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    organisation = factory.SubFactory(ProviderFactory)
    slug = factory.Sequence(lambda n: f"course-{n}")
    title = factory.Sequence(lambda n: f"Geprüfte Fachwirtin {n}")
    description = "Berufsbegleitende Aufstiegsfortbildung mit IHK-Prüfung."
    field = factory.LazyFunction(lambda: IscedField.objects.get(code="0413"))
    eqf_level = 6
    certificate = Course.Certificate.CHAMBER
    language = "de"
    format = Course.Format.BLENDED
    status = Course.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class CourseRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseRun

    course = factory.SubFactory(CourseFactory)
    provider = factory.SelfAttribute("course.organisation")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda run: run.start_date + datetime.timedelta(days=90))
    schedule = CourseRun.Schedule.PART_TIME
    hours = 120
    city = "Schwerin"
    region = "DE-MV"
    price = 1490

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        run = super()._create(model_class, *args, **kwargs)
        index.refresh_runs(CourseRun.objects.filter(pk=run.pk))
        run.refresh_from_db()
        return run
