"""A selected joint application becomes a model network of the programme."""

import pytest

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks import services
from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import ApplicationFactory, CallFactory, GroupMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(world):
    """A consortium of an Italian group (lead, a confirmed partner, an invited and a declined
    one) and a German group (its lead only), with a thematic focus."""
    application = ApplicationFactory(
        consortium__call=CallFactory(programme=world.programme),
        title="Alpine apprenticeships",
        summary="Apprentices train on both sides of the Alps.",
        status="selected",
    )
    consortium = application.consortium
    consortium.left.lead.name = "Istituto Tecnico Milano"
    consortium.left.lead.save()
    consortium.right.lead.name = "Berufsschule Passau"
    consortium.right.lead.save()
    left = consortium.left
    GroupMemberFactory(group=left, organisation__name="Azienda Partner")
    GroupMemberFactory(group=left, organisation__name="Invited Srl", status="invited")
    GroupMemberFactory(group=left, organisation__name="Declined Spa", status="declined")
    application.themes.set(Theme.objects.filter(code__in=["work-based-learning", "green-skills"]))
    return application


def members_of(network) -> list[tuple[str, str]]:
    return sorted(
        NetworkMember.objects.filter(network=network).values_list("organisation__name", "role")
    )


def test_the_network_takes_name_summary_themes_and_programme_from_the_application(
    world, application
):
    network = services.create_from_application(actor=world.coordinator, application=application)

    network.refresh_from_db()
    assert network.name == "Alpine apprenticeships"
    assert network.description == "Apprentices train on both sides of the Alps."
    assert network.kind == Network.Kind.MODEL_NETWORK
    assert network.programme == world.programme
    assert network.application == application
    assert network.created_by == world.coordinator
    assert sorted(network.themes.values_list("code", flat=True)) == [
        "green-skills",
        "work-based-learning",
    ]


def test_every_confirmed_organisation_is_a_member_and_each_groups_lead_leads(world, application):
    network = services.create_from_application(actor=world.coordinator, application=application)

    assert members_of(network) == [
        ("Azienda Partner", "partner"),
        ("Berufsschule Passau", "lead"),
        ("Istituto Tecnico Milano", "lead"),
    ]


def test_creating_it_again_returns_the_same_network(world, application):
    first = services.create_from_application(actor=world.coordinator, application=application)
    again = services.create_from_application(actor=world.platform_admin, application=application)

    assert again.pk == first.pk
    assert Network.objects.count() == 1
    assert NetworkMember.objects.count() == 3
    assert AuditEntry.objects.filter(action="network.created").count() == 1


def test_the_creation_is_in_the_programmes_audit_log(world, application):
    network = services.create_from_application(actor=world.coordinator, application=application)

    entry = AuditEntry.objects.get(action="network.created")
    assert entry.actor == world.coordinator
    assert entry.programme == world.programme
    assert (entry.object_id, entry.object_repr) == (str(network.pk), "Alpine apprenticeships")
    assert entry.changes["name"] == {"old": None, "new": "Alpine apprenticeships"}
    assert entry.changes["kind"] == {"old": None, "new": "model_network"}
    assert sorted(entry.changes["members"]["new"]) == [
        "Azienda Partner",
        "Berufsschule Passau",
        "Istituto Tecnico Milano",
    ]
