"""A cluster with a quality standard and a provider whose people assess it against it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.courses.models import (
    QualityCriterion,
    QualityStandard,
    SelfAssessment,
    SelfAssessmentAnswer,
)
from netzwerkstatt.organisations.models import Organisation
from tests.courses.factories import DeclarationTextFactory, listed_provider
from tests.factories import MembershipFactory, ProgrammeRoleFactory, UserFactory

CRITERIA = (
    ({"de": "Transparente Preise", "it": "Prezzi trasparenti"}, "Alle Kosten stehen im Angebot."),
    ({"de": "Qualifiziertes Personal", "it": "Personale qualificato"}, ""),
    ({"de": "Rückmeldung der Teilnehmenden", "it": "Feedback dei partecipanti"}, ""),
)


def standard(programme, *, version: int = 1, published: bool = True, criteria=CRITERIA):
    item = QualityStandard.objects.create(
        programme=programme,
        version=version,
        label_name=LazyI18nString(
            {"de": "Qualitätssiegel Westmecklenburg", "en": "Westmecklenburg quality label"}
        ),
        introduction=LazyI18nString({"de": "Unser gemeinsamer Standard."}),
        published_at=timezone.now() if published else None,
    )
    for position, (title, description) in enumerate(criteria, start=1):
        QualityCriterion.objects.create(
            standard=item,
            position=position,
            title=LazyI18nString(title),
            description=LazyI18nString({"de": description} if description else {}),
            evidence_hint=LazyI18nString({"de": "Preisliste"} if position == 1 else {}),
        )
    return item


@dataclass
class Cluster:
    programme: object
    provider: Organisation
    provider_admin: object
    provider_member: object
    coordinator: object
    committee_member: object


def cluster(programme=None) -> Cluster:
    """A cluster (a public programme with a declaration text) with a coordinator, a committee
    member, and a listed provider with an admin (who reads German) and a member."""
    text = DeclarationTextFactory(**({"programme": programme} if programme else {}))
    programme = text.programme
    provider = listed_provider(programme, name="Bildungswerk Schwerin")
    return Cluster(
        programme=programme,
        provider=provider,
        provider_admin=MembershipFactory(
            organisation=provider, role="admin", user=UserFactory(language="de")
        ).user,
        provider_member=MembershipFactory(organisation=provider, user=UserFactory()).user,
        coordinator=ProgrammeRoleFactory(
            programme=programme, role="coordinator", user=UserFactory(language="en")
        ).user,
        committee_member=ProgrammeRoleFactory(
            programme=programme, role="committee_member", user=UserFactory()
        ).user,
    )


def assessment(standard_, organisation, *, status="draft", answered=True, **fields):
    """A self-assessment with an answer per criterion (met, with evidence) unless not
    ``answered``."""
    item = SelfAssessment.objects.create(
        standard=standard_, organisation=organisation, status=status, **fields
    )
    SelfAssessmentAnswer.objects.bulk_create(
        SelfAssessmentAnswer(
            assessment=item,
            criterion=criterion,
            fulfilment="met" if answered else "",
            evidence=f"Nachweis zu {criterion.title}" if answered else "",
        )
        for criterion in standard_.criteria.all()
    )
    return item
