"""The networks of a programme: their cards, one network's page, and the networks on the
programme's page. Everyone who may see the programme sees its networks' public cards."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.networks.models import Network
from netzwerkstatt.programmes.models import Programme
from tests.factories import MembershipFactory, OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

Kind = Network.Kind


def list_url(programme, **query) -> str:
    url = reverse("networks:list", kwargs={"programme": programme.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def organisations(world):
    return {
        "kassel": world.organisation,
        "milano": OrganisationFactory(
            name="Istituto Tecnico Milano",
            country="IT",
            region="IT-25",
            kind="training_provider",
        ),
        "chamber": OrganisationFactory(name="IHK Kassel", kind="chamber"),
    }


@pytest.fixture
def networks(make_network, organisations):
    return {
        "alps": make_network(
            "Alpine apprenticeships",
            members=[organisations["milano"], organisations["kassel"]],
            themes=["work-based-learning"],
        ),
        "tandem": make_network(
            "Kassel school and chamber",
            Kind.TANDEM,
            members=[organisations["kassel"], organisations["chamber"]],
        ),
        "green": make_network("Green skills group", Kind.WORKING_GROUP),
    }


# The list ---------------------------------------------------------------------------------------


def test_the_list_shows_every_network_as_a_card_with_members_and_countries(client, world, networks):
    make_other = ProgrammeFactory(name="Elsewhere")
    Network.objects.create(programme=make_other, name="Another programme's network", kind="cluster")

    response = client.get(list_url(world.programme))

    assert response.status_code == 200
    assert [n.name for n in response.context["networks"]] == [
        "Alpine apprenticeships",
        "Green skills group",
        "Kassel school and chamber",
    ]
    content = response.content.decode()
    assert "Another programme&#x27;s network" not in content
    assert networks["alps"].get_absolute_url() in content
    assert "Istituto Tecnico Milano" in content and "Italy" in content
    assert "Berufliche Schulen Kassel" in content and "Germany" in content
    assert "2 organisations" in content
    assert "0 organisations" in content


def test_the_kind_filter_shows_only_networks_of_that_kind(client, world, networks):
    response = client.get(list_url(world.programme, kind="tandem"))

    assert [n.name for n in response.context["networks"]] == ["Kassel school and chamber"]
    assert response.context["kind"] == "tandem"
    content = response.content.decode()
    assert "IHK Kassel" in content
    assert "Berufliche Schulen Kassel" in content
    assert "Alpine apprenticeships" not in content
    assert "Istituto Tecnico Milano" not in content
    assert 'aria-current="page" href="' + list_url(world.programme, kind="tandem") in content


def test_an_unknown_kind_shows_every_network(client, world, networks):
    response = client.get(list_url(world.programme, kind="guild"))

    assert response.context["kind"] == ""
    assert len(response.context["networks"]) == 3


def test_a_kind_without_networks_says_so(client, world, networks):
    response = client.get(list_url(world.programme, kind="cluster"))

    assert list(response.context["networks"]) == []
    assert "No network of this kind yet." in response.content.decode()


def test_the_list_takes_the_same_number_of_queries_for_1_and_3_networks(
    client, world, make_network, organisations
):
    make_network("First", members=[organisations["milano"]], themes=["work-based-learning"])
    url = list_url(world.programme)
    client.get(url)
    one = _query_count(client, url)
    make_network(
        "Second",
        Kind.TANDEM,
        members=[organisations["kassel"], organisations["chamber"]],
        themes=["green-skills", "work-based-learning"],
    )
    make_network("Third", Kind.CLUSTER, members=list(organisations.values()))

    assert _query_count(client, url) == one


# One network ------------------------------------------------------------------------------------


def test_the_detail_shows_the_members_with_country_region_and_kind(client, world, networks):
    response = client.get(networks["alps"].get_absolute_url())

    assert response.status_code == 200
    rows = [(m.organisation.name, m.role) for m in response.context["members"]]  # the lead first
    assert rows == [("Istituto Tecnico Milano", "lead"), ("Berufliche Schulen Kassel", "partner")]
    content = response.content.decode()
    for text in (
        "Istituto Tecnico Milano",
        "Italy",
        "Lombardia",
        "Training provider",
        "Berufliche Schulen Kassel",
        "Germany",
        "Hessen",
        "Vocational school",
        "Lead",
        "Partner",
    ):
        assert text in content, text
    assert response.context["countries"] == ["Germany", "Italy"]


def test_the_people_of_the_members_are_shown_to_the_workspace_only(client, world, networks):
    world.member.name = "Anna Weber"
    world.member.save()
    milano = networks["alps"].members.get(role="lead").organisation
    MembershipFactory(organisation=milano, user__name="Giulia Conti")
    url = networks["alps"].get_absolute_url()

    client.force_login(world.member)
    inside = client.get(url).content.decode()
    client.force_login(world.outsider)
    outside = client.get(url).content.decode()

    assert "People in the network" in inside
    assert "Anna Weber" in inside and "Giulia Conti" in inside
    assert "Istituto Tecnico Milano" in outside
    assert "Giulia Conti" not in outside and "People in the network" not in outside


def test_the_card_lists_the_networks_published_practices_only(client, world, networks):
    from django.utils import timezone

    from netzwerkstatt.practices.models import Practice
    from tests.practices.conftest import make_practice

    published = make_practice(world, title="Lernfabrik 4.0", network=networks["alps"])
    draft = make_practice(world, title="Noch im Entwurf", network=networks["alps"])
    # Published after a joint assessment, which the practices tests play through.
    Practice.objects.filter(pk=published.pk).update(
        status="published", published_at=timezone.now(), ready_for_transfer=True
    )

    client.force_login(world.outsider)
    content = client.get(networks["alps"].get_absolute_url()).content.decode()

    assert "Published results" in content
    assert published.get_absolute_url() in content and "Ready for transfer" in content
    assert draft.title not in content


def test_a_network_of_another_programme_is_not_found_under_this_one(client, world, networks):
    other = ProgrammeFactory()

    response = client.get(
        reverse("networks:detail", kwargs={"programme": other.slug, "pk": networks["alps"].pk})
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    "person, status",
    [
        (None, 404),
        ("outsider", 404),
        ("committee_member", 200),
        ("member", 200),  # of a participating organisation
        ("coordinator", 200),
        ("platform_admin", 200),
    ],
)
def test_a_non_public_programmes_networks_are_hidden_from_outsiders(
    client, world, networks, person, status
):
    Programme.objects.filter(pk=world.programme.pk).update(is_public=False)
    if person:
        client.force_login(getattr(world, person))

    detail = client.get(networks["alps"].get_absolute_url())
    listing = client.get(list_url(world.programme))

    assert (detail.status_code, listing.status_code) == (status, status)
    if status == 404:
        assert "Alpine apprenticeships" not in detail.content.decode()
        assert "Alpine apprenticeships" not in listing.content.decode()


# On the programme's page ----------------------------------------------------------------------


def test_the_programme_page_lists_its_networks_with_a_link_to_all(client, world, networks):
    response = client.get(world.programme.get_absolute_url())

    content = response.content.decode()
    assert response.context["network_count"] == 3
    assert {n.name for n in response.context["networks"]} == {
        "Alpine apprenticeships",
        "Kassel school and chamber",
        "Green skills group",
    }
    assert networks["tandem"].get_absolute_url() in content
    assert "Tandem · 2 organisations" in content
    assert list_url(world.programme) in content
    assert "All networks" in content


def test_the_programme_page_shows_six_networks_the_latest_first(client, world, make_network):
    for n in range(8):
        make_network(f"Network {n}")

    response = client.get(world.programme.get_absolute_url())

    assert response.context["network_count"] == 8
    assert [n.name for n in response.context["networks"]] == [
        f"Network {n}" for n in range(7, 1, -1)
    ]
    assert '<span class="badge text-bg-light border">8</span>' in response.content.decode()


def test_a_programme_without_networks_says_so(client, world):
    response = client.get(world.programme.get_absolute_url())

    content = response.content.decode()
    assert "This programme has no networks yet." in content
    assert "All networks" not in content


def test_the_programme_page_takes_the_same_number_of_queries_for_1_and_3_networks(
    client, world, make_network, organisations
):
    url = world.programme.get_absolute_url()
    make_network("First", members=[organisations["milano"]])
    client.get(url)
    one = _query_count(client, url)
    make_network("Second", Kind.TANDEM, members=[organisations["kassel"]])
    make_network("Third", Kind.CLUSTER, members=list(organisations.values()))

    assert _query_count(client, url) == one


def test_the_programme_page_query_count_holds_for_a_member(
    client, world, make_network, organisations
):
    MembershipFactory(organisation=organisations["milano"], user=world.member)
    client.force_login(world.member)
    url = world.programme.get_absolute_url()
    make_network("First", members=[organisations["milano"]])
    client.get(url)
    one = _query_count(client, url)
    make_network("Second", members=[organisations["milano"], organisations["kassel"]])

    assert _query_count(client, url) == one
