"""factory_boy factories for the domain models. Relations default to fresh objects."""

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from netzwerkstatt.accounts.models import User
from netzwerkstatt.organisations.models import ContactPerson, Membership, Organisation
from netzwerkstatt.programmes.models import Participation, Programme, ProgrammeRole

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Every factory person has a verified primary address unless verified=False."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Berufsschule Beispiel {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.VOCATIONAL_SCHOOL
    sector = Organisation.Sector.PUBLIC
    country = "DE"
    region = "DE-HE"
    city = "Kassel"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Faker("name")
    function = "Koordination"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    consent_date = factory.LazyFunction(timezone.localdate)
    is_public = False


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    funder = "Bundesministerium für Bildung und Forschung"
    countries = ["DE", "IT"]
    working_languages = ["de", "it"]
    is_public = True


class ProgrammeRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeRole

    programme = factory.SubFactory(ProgrammeFactory)
    user = factory.SubFactory(UserFactory)
    role = ProgrammeRole.Role.COORDINATOR


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
