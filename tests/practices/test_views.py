"""The pages of good practice: who sees what, the content in its languages, the forms."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netzwerkstatt.practices import assessment, services
from netzwerkstatt.practices.models import Practice
from tests.factories import ProgrammeFactory

from .conftest import make_practice

pytestmark = pytest.mark.django_db


def _list_url(world) -> str:
    return f"/programmes/{world.programme.slug}/practices/"


def test_the_owner_sees_the_draft_in_the_list_and_others_do_not(client, world, partners, practice):
    client.force_login(world.member)
    mine = client.get(_list_url(world) + "?mine=1").content.decode()
    client.force_login(partners.italian_assessor)
    theirs = client.get(_list_url(world)).content.decode()

    assert "Lernfabrik 4.0" in mine
    assert "Lernfabrik 4.0" not in theirs


def test_a_draft_does_not_exist_for_other_participants(client, world, partners, practice):
    client.force_login(partners.italian_assessor)

    assert client.get(practice.get_absolute_url()).status_code == 404


def test_a_practice_is_not_found_under_another_programme(client, world, practice):
    other = ProgrammeFactory()
    client.force_login(world.member)

    response = client.get(f"/programmes/{other.slug}/practices/{practice.slug}/")

    assert response.status_code == 404


def test_the_status_filter_narrows_the_list(client, world):
    make_practice(world, title="Entwurf eins")
    submitted = make_practice(world, title="Eingereicht zwei")
    services.submit_practice(actor=world.member, practice=submitted)
    client.force_login(world.coordinator)

    page = client.get(_list_url(world) + "?status=in_assessment").content.decode()

    assert "Eingereicht zwei" in page
    assert "Entwurf eins" not in page


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_takes_the_same_number_of_queries_for_one_or_three(client, world, count):
    for number in range(count):
        make_practice(world, title=f"Praxis {number}")
    client.force_login(world.member)
    client.get(_list_url(world))  # warm the session and caches

    with CaptureQueriesContext(connection) as queries:
        response = client.get(_list_url(world))

    assert response.content.decode().count("/practices/praxis-") == count
    assert len(queries) == 7


def test_long_texts_are_rendered_as_sanitised_markdown(client, world):
    practice = make_practice(world, approach="**Werkstatt** <script>alert('x')</script>")
    client.force_login(world.member)

    page = client.get(practice.get_absolute_url()).content.decode()

    assert "<strong>Werkstatt</strong>" in page
    assert "<script>alert" not in page


def test_the_page_shows_a_translation_marked_with_the_original_language(client, world, practice):
    services.add_translation(
        actor=world.org_admin,
        practice=practice,
        language="it",
        data={"title": "Fabbrica di apprendimento", "summary": "Gli apprendisti imparano."},
    )
    client.force_login(world.member)

    italian = client.get(practice.get_absolute_url() + "?lang=it").content.decode()
    original = client.get(practice.get_absolute_url() + "?lang=de").content.decode()

    assert "Fabbrica di apprendimento" in italian
    assert "Gli apprendisti imparano." in italian
    assert "Translated from German." in italian
    assert "Lernfabrik 4.0" in original
    assert "Translated from" not in original


def test_creating_a_practice_saves_a_draft_and_opens_the_editor(client, world):
    client.force_login(world.member)

    response = client.post(
        _list_url(world) + "new/",
        {
            "organisation": world.organisation.pk,
            "title": "Azubi-Botschafter",
            "language": "de",
            "summary": "Auszubildende werben an Schulen.",
            "countries": ["DE"],
            "target_groups": ["apprentices", "career_guidance"],
            "media_links_text": "https://example.org/film\n\nhttps://example.org/artikel",
        },
    )

    practice = Practice.objects.get(title="Azubi-Botschafter")
    assert response["Location"] == practice.url("edit")
    assert (practice.organisation, practice.status) == (world.organisation, "draft")
    assert practice.media_links == ["https://example.org/film", "https://example.org/artikel"]
    assert practice.target_groups == ["apprentices", "career_guidance"]


def _edit_data(practice, **changes):
    return {
        "action": "save",
        "version": practice.version,
        "title": practice.title,
        "language": practice.language,
        "summary": practice.summary,
        "countries": practice.countries,
        **changes,
    }


def test_a_concurrent_edit_is_reported_and_the_input_kept(client, world, practice):
    services.update_practice(
        actor=world.org_admin, practice=practice, data={"title": "Von Anja"}, expected_version=1
    )
    client.force_login(world.member)

    response = client.post(practice.url("edit"), _edit_data(practice, title="Von Max", version=1))

    page = response.content.decode()
    assert "Not saved: someone else changed this after you opened it." in page
    assert 'value="Von Max"' in page
    assert Practice.objects.get(pk=practice.pk).title == "Von Anja"


def test_the_editor_keeps_drafts_of_a_closed_tab(client, world, practice):
    client.force_login(world.member)

    page = client.get(practice.url("edit")).content.decode()

    assert f'data-draft="practice-{practice.pk}"' in page


def test_others_may_not_edit_the_practice(client, world, practice):
    client.force_login(world.coordinator)

    assert client.get(practice.url("edit")).status_code == 403


def test_the_joint_assessment_through_the_pages(client, world, partners, practice):
    services.submit_practice(actor=world.member, practice=practice)
    client.force_login(world.coordinator)
    refused = client.post(
        practice.url("assessment"), {"action": "assign", "assessor": world.member.pk}
    )
    client.post(
        practice.url("assessment"),
        {"action": "assign", "assessor": partners.italian_assessor.pk},
    )
    item = practice.assessments.get()
    client.force_login(partners.italian_assessor)
    data = {"version": 1, "action": "submit", "comment": "Ottimo"}
    for criterion in world.programme.assessment_criteria.all():
        data[f"score_{criterion.pk}"] = 5
    client.post(assessment.assessment_url(item), data)
    client.force_login(world.member)
    client.post(practice.url("feedback"), {"assessment": item.pk, f"a{item.pk}-reply": "Grazie"})
    feedback = client.get(practice.url("feedback")).content.decode()
    client.force_login(world.coordinator)
    client.post(practice.url("assessment"), {"action": "conclude", "outcome": "published"})

    assert "Select a valid choice" in refused.content.decode()
    item.refresh_from_db()
    assert (item.status, item.owner_reply) == ("submitted", "Grazie")
    assert "Ottimo" in feedback
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Ready for transfer" in page
    assert Practice.objects.get(pk=practice.pk).status == "published"


def test_a_published_practice_is_seen_by_the_programmes_people(client, world, partners, practice):
    Practice.objects.filter(pk=practice.pk).update(status="published")
    client.force_login(partners.french_assessor)

    page = client.get(practice.get_absolute_url()).content.decode()

    assert "Lernfabrik 4.0" in page
    assert "Edit the practice" not in page


def test_the_programme_page_links_to_good_practice_for_its_people(client, world):
    client.force_login(world.member)

    page = client.get(world.programme.get_absolute_url()).content.decode()

    assert _list_url(world) in page
