"""A call with submitted joint applications and a steering committee, for the review tests."""

from __future__ import annotations

from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.selection.models import Application
from tests.factories import (
    ApplicationFactory,
    ApplicationRoundFactory,
    CallFactory,
    ConsortiumFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeRoleFactory,
    RubricCriterionFactory,
    UserFactory,
)


class Panel:
    """Three submitted applications (Italian and German groups) of one call, a rubric of two
    criteria (weights 2 and 1, scale 0..5), and four committee members: ``world`` 's committee
    member (no organisation), ``german`` (of a German organisation outside the consortia),
    ``italian`` (of an Italian one) and ``insider`` (of the first consortium's German lead).
    Each consortium's lead organisations have a member who gets the e-mails."""

    def __init__(self, world, *, applications: int = 3):
        self.world = world
        self.programme = world.programme
        self.call = CallFactory(
            programme=world.programme,
            slug="model-networks",
            title=LazyI18nString(
                {"en": "Call to action", "de": "Aufruf zur Teilnahme", "it": "Invito a partecipare"}
            ),
            score_min=0,
            score_max=5,
        )
        self.quality = RubricCriterionFactory(
            call=self.call,
            position=0,
            weight=2,
            title=LazyI18nString({"en": "Quality of the work programme", "de": "Qualität"}),
        )
        self.fit = RubricCriterionFactory(
            call=self.call,
            position=1,
            weight=1,
            title=LazyI18nString({"en": "Fit of the partners", "de": "Passung"}),
        )
        self.round = ApplicationRoundFactory(call=self.call, reviewers_per_application=2)
        self.applications: list[Application] = []
        self.writers = []
        for n in range(applications):
            consortium = ConsortiumFactory(call=self.call)
            application = ApplicationFactory(
                consortium=consortium,
                title=f"Project {chr(65 + n)}",
                summary=f"Summary of project {chr(65 + n)}",
                objectives="Objectives",
                status=Application.Status.SUBMITTED,
                submitted_at=timezone.now(),
            )
            self.applications.append(application)
            self.writers.append(
                (
                    MembershipFactory(
                        organisation=consortium.left.lead, user=UserFactory(language="it")
                    ).user,
                    MembershipFactory(
                        organisation=consortium.right.lead, user=UserFactory(language="de")
                    ).user,
                )
            )
        self.chair = world.committee_member
        self.german = self._committee("Greta German", OrganisationFactory(country="DE"))
        self.italian = self._committee("Ivo Italiano", OrganisationFactory(country="IT"))
        self.insider = self._committee("Ines Insider", self.applications[0].consortium.right.lead)

    def _committee(self, name, organisation):
        user = UserFactory(name=name)
        MembershipFactory(organisation=organisation, user=user)
        ProgrammeRoleFactory(programme=self.programme, user=user, role="committee_member")
        return user

    @property
    def first(self) -> Application:
        return self.applications[0]
