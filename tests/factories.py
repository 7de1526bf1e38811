"""factory_boy factories for the domain models. Relations default to fresh objects."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.accounts.models import User
from netzwerkstatt.calls.models import (
    ActorGroup,
    Call,
    ExpressionOfInterest,
    GroupMember,
    Question,
    RubricCriterion,
    ScreeningCriterion,
)
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


# Calls ------------------------------------------------------------------------------------------


class CallFactory(factory.django.DjangoModelFactory):
    """A published call of a German-Italian programme, open now for two weeks."""

    class Meta:
        model = Call

    programme = factory.SubFactory(ProgrammeFactory)
    slug = factory.Sequence(lambda n: f"call-{n}")
    title = factory.LazyFunction(
        lambda: LazyI18nString(
            {"en": "Call to action", "de": "Aufruf zur Teilnahme", "it": "Invito a partecipare"}
        )
    )
    text = factory.LazyFunction(lambda: LazyI18nString({"en": "Join us.", "de": "Machen Sie mit."}))
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    eligible_countries = ["DE", "IT"]
    pairings = [["IT", "DE"]]
    status = Call.Status.PUBLISHED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n)
    label = factory.LazyFunction(lambda: LazyI18nString({"en": "Why this network?"}))
    kind = Question.Kind.LONG_TEXT
    required = True


class ScreeningCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScreeningCriterion

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n)
    text = factory.LazyFunction(lambda: LazyI18nString({"en": "Public and private partners"}))


class RubricCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RubricCriterion

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.LazyFunction(lambda: LazyI18nString({"en": "Quality of the work programme"}))
    weight = 2


class ActorGroupFactory(factory.django.DjangoModelFactory):
    """A group led by a fresh organisation of the group's country; the lead is a confirmed
    member. Add partners with GroupMemberFactory."""

    class Meta:
        model = ActorGroup
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Gruppo Duale {n}")
    country = "IT"
    lead = factory.SubFactory(
        OrganisationFactory, country=factory.SelfAttribute("..country"), region=""
    )
    offers = "Workshops, company placements"
    seeks = "A partner school with dual training experience"
    working_languages = ["it", "de"]

    @factory.post_generation
    def lead_member(self, create, extracted, **kwargs):
        if create:
            GroupMember.objects.create(
                group=self,
                organisation=self.lead,
                role=GroupMember.Role.LEAD,
                status=GroupMember.Status.CONFIRMED,
            )


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(ActorGroupFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, country=factory.SelfAttribute("..group.country"), region=""
    )
    role = GroupMember.Role.PARTNER
    status = GroupMember.Status.CONFIRMED
    invited_email = factory.Sequence(lambda n: f"partner{n}@example.org")


class ExpressionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpressionOfInterest

    group = factory.SubFactory(ActorGroupFactory)
    status = ExpressionOfInterest.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)


# Selection --------------------------------------------------------------------------------------


class ConsortiumFactory(factory.django.DjangoModelFactory):
    """Two groups of a call (Italian left, German right) that accepted each other in a confirmed
    round, without going through the engine."""

    class Meta:
        model = "matching.Consortium"

    call = factory.SubFactory(CallFactory)
    left = factory.SubFactory(ActorGroupFactory, call=factory.SelfAttribute("..call"), country="IT")
    right = factory.SubFactory(
        ActorGroupFactory, call=factory.SelfAttribute("..call"), country="DE"
    )

    @factory.lazy_attribute
    def pair(self):
        from netzwerkstatt.matching.models import MatchingRound, ProposedPair

        round_ = MatchingRound.objects.create(
            call=self.call,
            number=MatchingRound.objects.filter(call=self.call).count() + 1,
            status=MatchingRound.Status.CONFIRMED,
        )
        return ProposedPair.objects.create(
            round=round_,
            left=self.left,
            right=self.right,
            score=80,
            status="accepted",
            left_answer="accepted",
            right_answer="accepted",
        )


class ApplicationRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "selection.ApplicationRound"

    call = factory.SubFactory(CallFactory)
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "selection.Application"

    consortium = factory.SubFactory(ConsortiumFactory)
    call = factory.SelfAttribute("consortium.call")
    title = "Dual training across the Alps"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "selection.Activity"

    application = factory.SubFactory(ApplicationFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Activity {n}")
    owner = factory.SelfAttribute("application.consortium.left.lead")
    start_month = 1
    end_month = 6
