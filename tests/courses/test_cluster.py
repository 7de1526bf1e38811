"""The cluster page: providers with their declaration, certifications, label and courses."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.courses.models import Certification, Course
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    DeclarationFactory,
    DeclarationTextFactory,
    listed_provider,
)
from tests.courses.factories_quality import assessment, cluster, standard
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def url(programme) -> str:
    return reverse("courses:cluster", kwargs={"programme": programme.slug})


def rows(page: str) -> list[str]:
    """The provider table's rows as plain text, whitespace collapsed."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in body.split("</tr>")
        if "<td" in row
    ]


def certify(organisation, *, days: int, kind="iso9001"):
    return Certification.objects.create(
        organisation=organisation,
        kind=kind,
        issuer="DEKRA",
        valid_until=timezone.localdate() + datetime.timedelta(days=days),
    )


@pytest.fixture
def scene():
    """Three providers: one signed the current version (which everyone must sign again), one
    only the earlier version, one revoked its signature."""
    scene = cluster()
    programme = scene.programme
    scene.resigner = listed_provider(programme, name="Akademie Wismar")
    current = DeclarationTextFactory(programme=programme, version=2, requires_resigning=True)
    scene.provider.declarations.update(revoked_at=timezone.now())
    DeclarationFactory(
        text=current, organisation=scene.provider, signed_on=datetime.date(2025, 3, 1)
    )
    scene.revoked = listed_provider(programme, name="Campus Parchim")
    scene.revoked.declarations.update(revoked_at=timezone.now())
    certify(scene.provider, days=400)
    certify(scene.provider, days=30, kind="azav")
    certify(scene.provider, days=-3, kind="lqw")
    certify(scene.resigner, days=-30)
    first = standard(programme)
    assessment(
        first,
        scene.provider,
        status="confirmed",
        label_valid_until=datetime.date(2027, 6, 30),
    )
    scene.waiting = assessment(first, scene.resigner, status="submitted")
    course = CourseFactory(organisation=scene.provider)
    CourseRunFactory(course=course)
    CourseRunFactory(course=course, start_date=timezone.localdate() - datetime.timedelta(days=2))
    CourseFactory(organisation=scene.provider)
    CourseFactory(organisation=scene.provider, status=Course.Status.DRAFT)
    return scene


def test_the_page_lists_each_provider_with_its_declaration_certifications_label_and_courses(
    client, scene
):
    client.force_login(scene.coordinator)

    page = client.get(url(scene.programme)).text

    assert rows(page) == [
        "Akademie Wismar Schwerin Needs re-signing version 1 of "
        f"{timezone.localdate():%m/%d/%Y} 1 expired Submitted for review (version 1) 0 0",
        "Bildungswerk Schwerin Schwerin Valid version 2 of 03/01/2025 1 valid 1 expiring "
        "1 expired until 06/30/2027 2 1",
        f"Campus Parchim Schwerin Revoked since {timezone.localdate():%m/%d/%Y} none "
        "not assessed 0 0",
    ]
    assert reverse("courses:review", args=[scene.programme.slug, scene.waiting.pk]) in page
    figures = re.findall(r'fs-3 fw-semibold">(\d+)<', page)
    assert figures == ["1", "1", "1", "1"]  # valid, labelled, waiting, upcoming runs
    assert reverse("courses:standard", args=[scene.programme.slug]) in page
    assert "Version 1: “Westmecklenburg quality label”" in page


def test_the_providers_are_filtered_by_declaration_and_name(client, scene):
    client.force_login(scene.coordinator)

    def names(query: str) -> list[str]:
        page = client.get(url(scene.programme) + query).text
        return [row.split(" Schwerin ")[0] for row in rows(page)] if "<tbody>" in page else []

    assert names("?state=valid") == ["Bildungswerk"]
    assert names("?state=resign") == ["Akademie Wismar"]
    assert names("?state=revoked") == ["Campus Parchim"]
    assert names("?q=wism") == ["Akademie Wismar"]
    assert names("?q=nothing") == []


def test_committee_members_read_it_without_the_coordinators_links(client, scene):
    client.force_login(scene.committee_member)

    page = client.get(url(scene.programme)).text

    assert "Campus Parchim" in page
    assert reverse("courses:reviews", args=[scene.programme.slug]) in page
    assert reverse("courses:standard", args=[scene.programme.slug]) not in page


def test_providers_members_and_outsiders_are_refused(client, scene):
    for person in (scene.provider_admin, scene.provider_member):
        client.force_login(person)
        assert client.get(url(scene.programme)).status_code == 403


def test_a_programme_that_is_no_cluster_yet_shows_the_steps_to_set_it_up(client, world):
    client.force_login(world.coordinator)

    page = client.get(url(world.programme)).text

    assert "This programme is not a continuing-education cluster yet" in page
    assert "Define the quality standard" in page
    client.force_login(world.committee_member)
    page = client.get(url(world.programme)).text
    assert "Its coordinators have not published a participation declaration." in page
    assert "Define the quality standard" not in page


def test_the_programme_page_links_to_the_cluster(client, world):
    detail = reverse("programmes:detail", args=[world.programme.slug])
    link = url(world.programme)

    client.force_login(world.coordinator)
    page = client.get(detail).text
    assert link in page and "Set up the continuing-education cluster" in page
    client.force_login(world.committee_member)
    assert link not in client.get(detail).text

    DeclarationTextFactory(programme=world.programme)
    for person in (world.coordinator, world.committee_member):
        client.force_login(person)
        page = client.get(detail).text
        assert link in page and "Set up the continuing-education cluster" not in page
    client.force_login(world.member)
    assert link not in client.get(detail).text


def test_the_page_makes_the_same_queries_for_one_or_three_providers(client):
    scene = cluster(ProgrammeFactory(name="Bildungsnetzwerk Westmecklenburg"))
    first = standard(scene.programme)
    client.force_login(scene.coordinator)

    def queries(count: int) -> int:
        for _n in range(count - 1):
            provider = listed_provider(scene.programme)
            certify(provider, days=10)
            assessment(first, provider, status="submitted")
            CourseRunFactory(course=CourseFactory(organisation=provider))
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url(scene.programme)).text
        assert len(rows(page)) == count
        return len(captured)

    assert queries(1) == queries(3)
