"""Coordinators create networks, change their card and keep their members; a tandem is one
vocational school and one training company."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.networks import services
from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.networks.services import workplan
from tests.factories import (
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
)

pytestmark = pytest.mark.django_db

Kind = Network.Kind


def participant(world, **kwargs):
    organisation = OrganisationFactory(**kwargs)
    ParticipationFactory(programme=world.programme, organisation=organisation)
    return organisation


@pytest.fixture
def company(world):
    return participant(world, name="Kasseler Maschinenbau GmbH", kind="training_company")


# Services -------------------------------------------------------------------------------------


def test_creating_a_network_records_it_in_the_audit_log(world):
    network = services.create_network(
        actor=world.coordinator,
        programme=world.programme,
        name="Digitale Lernorte",
        kind=Kind.WORKING_GROUP,
        description="Gemeinsam **digital** ausbilden.",
    )

    entry = AuditEntry.objects.get(action="network.created", object_id=str(network.pk))
    assert entry.actor == world.coordinator
    assert entry.programme == world.programme
    assert entry.changes["name"] == {"old": None, "new": "Digitale Lernorte"}
    assert network.members.count() == 0


def test_a_network_needs_a_name(world):
    with pytest.raises(ValidationError) as error:
        services.create_network(
            actor=world.coordinator, programme=world.programme, name=" ", kind=Kind.CLUSTER
        )

    assert error.value.message_dict == {"name": ["Name the network."]}


def test_changing_the_card_raises_the_version_and_keeps_the_old_values(world, make_network):
    network = make_network("Alt")

    services.update_network(
        actor=world.coordinator,
        network=network,
        data={"name": "Neu", "description": "Text"},
        expected_version=1,
    )

    network.refresh_from_db()
    assert (network.name, network.version) == ("Neu", 2)
    entry = AuditEntry.objects.get(action="network.changed")
    assert entry.changes["name"] == {"old": "Alt", "new": "Neu"}


def test_a_change_to_an_older_version_is_refused_and_nothing_is_written(world, make_network):
    network = make_network("Alt")
    services.update_network(
        actor=world.coordinator, network=network, data={"name": "Erste"}, expected_version=1
    )

    with pytest.raises(ConcurrentEdit):
        services.update_network(
            actor=world.platform_admin, network=network, data={"name": "Zweite"}, expected_version=1
        )

    network.refresh_from_db()
    assert network.name == "Erste"


def test_only_organisations_of_the_programme_can_join(world, make_network):
    network = make_network("Netz")
    stranger = OrganisationFactory(name="Fremde Schule")

    with pytest.raises(ValidationError) as error:
        services.add_member(
            actor=world.coordinator, network=network, organisation=stranger, role="partner"
        )

    assert error.value.message_dict == {
        "organisation": ["Only organisations that take part in the programme can join."]
    }


def test_adding_a_member_is_audited(world, make_network):
    network = make_network("Netz")

    services.add_member(
        actor=world.coordinator, network=network, organisation=world.organisation, role="lead"
    )

    assert network.members.get().role == "lead"
    entry = AuditEntry.objects.get(action="network.member_added")
    assert entry.changes == {"member": {"old": None, "new": "Berufliche Schulen Kassel (Lead)"}}


def test_a_tandem_takes_one_school_and_one_company(world, make_network, company):
    tandem = make_network("Tandem Kassel", Kind.TANDEM, members=[world.organisation])

    services.add_member(
        actor=world.coordinator, network=tandem, organisation=company, role="partner"
    )

    assert sorted(tandem.members.values_list("organisation__kind", flat=True)) == [
        "training_company",
        "vocational_school",
    ]


SECOND_SCHOOL = "A tandem has exactly one vocational school, and this one already has one."
OTHER_KIND = (
    "A tandem is one vocational school and one training company; other kinds of organisation "
    "cannot be members."
)


@pytest.mark.parametrize(
    ("kind", "message"), [("vocational_school", SECOND_SCHOOL), ("chamber", OTHER_KIND)]
)
def test_a_tandem_refuses_a_second_school_or_another_kind(world, make_network, kind, message):
    tandem = make_network("Tandem Kassel", Kind.TANDEM, members=[world.organisation])
    other = participant(world, name="Zweite", kind=kind)

    with pytest.raises(ValidationError) as error:
        services.add_member(
            actor=world.coordinator, network=tandem, organisation=other, role="partner"
        )

    assert error.value.message_dict == {"organisation": [message]}
    assert tandem.members.count() == 1


def test_a_network_with_other_members_cannot_become_a_tandem(world, make_network):
    chamber = participant(world, name="IHK", kind="chamber")
    network = make_network("Netz", members=[world.organisation, chamber])

    with pytest.raises(ValidationError) as error:
        services.update_network(
            actor=world.coordinator, network=network, data={"kind": "tandem"}, expected_version=1
        )

    assert list(error.value.message_dict) == ["kind"]


def test_an_organisation_responsible_for_work_stays_until_it_is_handed_over(world, make_network):
    network = make_network("Netz", members=[world.organisation])
    workplan.save_work_package(
        actor=world.member,
        network=network,
        data={
            "title": "Lernvideos",
            "owner": world.organisation,
            "starts_on": "2026-01-01",
            "ends_on": "2026-03-31",
        },
    )

    with pytest.raises(ValidationError) as error:
        services.remove_member(
            actor=world.coordinator, network=network, member=network.members.get()
        )

    assert "Lernvideos" in error.value.messages[0]
    assert network.members.count() == 1


def test_tandem_missing_names_what_a_tandem_still_needs(world, make_network):
    tandem = make_network("Tandem", Kind.TANDEM, members=[world.organisation])

    assert services.tandem_missing(tandem, list(tandem.members.all())) == ["Training company"]


# Pages ----------------------------------------------------------------------------------------


def test_a_coordinator_creates_a_network_and_goes_on_to_its_members(client, world):
    client.force_login(world.coordinator)

    response = client.post(
        reverse("networks:create", kwargs={"programme": world.programme.slug}),
        {"name": "Tandem Kassel", "kind": "tandem", "description": ""},
    )

    network = Network.objects.get(name="Tandem Kassel")
    assert response.status_code == 302
    assert response["Location"] == network.url("members")


def test_the_members_page_lists_members_and_explains_a_refusal_next_to_the_field(
    client, world, make_network
):
    tandem = make_network("Tandem Kassel", Kind.TANDEM, members=[world.organisation])
    school = participant(world, name="Zweite Berufsschule", kind="vocational_school")
    client.force_login(world.coordinator)

    response = client.post(tandem.url("members"), {"organisation": school.pk, "role": "partner"})

    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_organisation_error"' in content
    assert "A tandem has exactly one vocational school" in content
    assert "Berufliche Schulen Kassel" in content
    assert "This tandem is not complete yet" in content


def test_the_members_page_removes_a_member(client, world, make_network, company):
    network = make_network("Netz", members=[world.organisation, company])
    client.force_login(world.coordinator)
    member = network.members.get(organisation=company)

    response = client.post(network.url("members"), {"remove": member.pk})

    assert response.status_code == 302
    assert list(network.members.values_list("organisation__name", flat=True)) == [
        "Berufliche Schulen Kassel"
    ]


def test_the_edit_page_keeps_the_input_when_someone_saved_in_between(client, world, make_network):
    network = make_network("Alt")
    Network.objects.filter(pk=network.pk).update(version=2)
    client.force_login(world.coordinator)

    response = client.post(
        network.url("edit"),
        {"name": "Mein neuer Name", "kind": "cluster", "description": "", "version": 1},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Not saved: someone else changed this after you opened it." in content
    assert 'value="Mein neuer Name"' in content
    assert Network.objects.get(pk=network.pk).name == "Alt"


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 404), ("outsider", 404), ("committee_member", 404), ("coordinator", 200)],
)
def test_only_the_coordinators_manage_members(client, world, make_network, role, status):
    network = make_network("Netz", members=[world.organisation])
    client.force_login(getattr(world, role))

    assert client.get(network.url("members")).status_code == status
    assert client.post(
        network.url("members"), {"remove": network.members.get().pk}
    ).status_code in (status if status != 200 else 302,)
    assert NetworkMember.objects.filter(network=network).exists() is (role != "coordinator")


def test_a_coordinator_of_another_programme_does_not_find_the_network(client, world, make_network):
    network = make_network("Netz")
    other = ProgrammeFactory()
    client.force_login(ProgrammeRoleFactory(programme=other, role="coordinator").user)

    assert client.get(network.url("edit")).status_code == 404


def test_the_list_offers_the_coordinators_a_new_network(client, world):
    path = reverse("networks:list", kwargs={"programme": world.programme.slug})
    new = reverse("networks:create", kwargs={"programme": world.programme.slug})
    client.force_login(world.member)
    assert new not in client.get(path).content.decode()

    client.force_login(world.coordinator)

    assert new in client.get(path).content.decode()
