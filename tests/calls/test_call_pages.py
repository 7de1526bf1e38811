"""The public call pages: a programme's calls, one call in the visitor's language with its dates,
eligibility and questions, and the calls on the programme's page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.calls.models import Call, Question
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import CallFactory, ProgrammeFactory, QuestionFactory

pytestmark = pytest.mark.django_db

CLOSED = "This call is closed; expressions of interest are no longer accepted."


def _start_url(call) -> str:
    return reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug})


def _list_url(programme) -> str:
    return reverse("calls:list", kwargs={"programme": programme.slug})


@pytest.fixture
def call(world):
    call = CallFactory(
        programme=world.programme,
        eligible_countries=["DE", "IT"],
        eligible_regions=["IT-25", "DE-HE"],
        eligible_kinds=["vocational_school"],
    )
    call.themes.set(Theme.objects.filter(code="work-based-learning"))
    QuestionFactory(
        call=call,
        label={"en": "Why this network?", "de": "Warum dieses Netzwerk?"},
        help_text={"en": "Two or three sentences."},
        max_words=300,
    )
    QuestionFactory(
        call=call,
        kind=Question.Kind.SINGLE_CHOICE,
        label={"en": "Kind of lead"},
        required=False,
        choices=[
            {"value": "school", "label": {"en": "School", "de": "Schule"}},
            {"value": "company", "label": {"en": "Company", "de": "Betrieb"}},
        ],
    )
    return call


def test_an_open_call_shows_dates_eligibility_and_questions(client, call):
    response = client.get(call.get_absolute_url())

    content = response.content.decode()
    assert response.context["phase"] == Call.Phase.OPEN
    assert content.count("<h1") == 1
    assert '<h1 class="h2">Call to action</h1>' in content
    assert "Join us." in content
    assert "Europe/Berlin" in content
    assert timezone.localtime(call.closes_at).strftime("%H:%M") in content
    assert "Germany, Italy" in content
    assert "Lombardia, Hessen" in content
    assert "Vocational school" in content
    assert "Work-based learning" in content
    assert "Why this network?" in content and "at most 300 words" in content
    assert "Two or three sentences." in content
    assert "<li>School</li>" in content and "optional" in content
    assert "Germany ↔ Italy" not in content and "Italy ↔ Germany" in content


def test_the_call_page_is_in_the_visitors_language(client, call):
    client.cookies["netzwerkstatt_language"] = "de"

    content = client.get(call.get_absolute_url()).content.decode()

    assert '<h1 class="h2">Aufruf zur Teilnahme</h1>' in content
    assert "Machen Sie mit." in content
    assert "Warum dieses Netzwerk?" in content
    assert "<li>Schule</li>" in content


def test_the_browsers_language_is_followed_too(client, call):
    content = client.get(call.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="it").content.decode()

    assert "Invito a partecipare" in content


def test_an_open_call_offers_to_start_an_expression_of_interest(client, world, call):
    client.force_login(world.member)

    content = client.get(call.get_absolute_url()).content.decode()

    assert f'href="{_start_url(call)}"' in content
    assert "Start your expression of interest" in content


def test_a_visitor_is_asked_to_sign_in_first(client, call):
    content = client.get(call.get_absolute_url()).content.decode()

    assert "Sign in to start your expression of interest" in content
    assert f'href="{_start_url(call)}"' not in content


def test_a_closed_call_says_so_and_accepts_nothing(client, world, call):
    Call.objects.filter(pk=call.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    client.force_login(world.member)

    content = client.get(call.get_absolute_url()).content.decode()

    assert CLOSED in content
    assert _start_url(call) not in content
    assert "Start your expression of interest" not in content


def test_an_upcoming_call_says_when_it_opens(client, call):
    opens = timezone.now() + datetime.timedelta(days=3)
    Call.objects.filter(pk=call.pk).update(opens_at=opens)

    content = client.get(call.get_absolute_url()).content.decode()

    assert "This call opens on" in content
    assert "(Europe/Berlin)" in content
    assert _start_url(call) not in content


def test_a_draft_is_shown_to_its_coordinators_with_their_links(client, world, call):
    Call.objects.filter(pk=call.pk).update(status=Call.Status.DRAFT)
    client.force_login(world.coordinator)

    content = client.get(call.get_absolute_url()).content.decode()

    assert "This call is a draft" in content
    assert _start_url(call) not in content
    for page in ("edit", "questions", "criteria", "rubric", "preview", "publish"):
        assert (
            reverse(f"calls:{page}", kwargs={"programme": world.programme.slug, "slug": call.slug})
            in content
        )


def test_a_draft_is_hidden_from_visitors(client, call):
    Call.objects.filter(pk=call.pk).update(status=Call.Status.DRAFT)

    assert client.get(call.get_absolute_url()).status_code == 404


def test_a_call_of_a_private_programme_is_hidden_from_outsiders(client, world, call):
    type(world.programme).objects.filter(pk=world.programme.pk).update(is_public=False)
    client.force_login(world.outsider)

    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get(_list_url(world.programme)).status_code == 404


# The programme's calls --------------------------------------------------------------------------


def test_the_list_shows_published_calls_to_everyone(client, world, call):
    CallFactory(programme=world.programme, status=Call.Status.DRAFT, title={"en": "Next year"})
    CallFactory(title={"en": "Another programme's call"})

    response = client.get(_list_url(world.programme))

    assert list(response.context["calls"]) == [call]
    content = response.content.decode()
    assert "Next year" not in content and "New call" not in content


def test_the_list_shows_drafts_and_the_new_call_button_to_coordinators(client, world, call):
    draft = CallFactory(programme=world.programme, status=Call.Status.DRAFT)
    client.force_login(world.coordinator)

    response = client.get(_list_url(world.programme))

    assert set(response.context["calls"]) == {call, draft}
    assert reverse("calls:create", kwargs={"programme": world.programme.slug}) in (
        response.content.decode()
    )


def test_the_list_says_so_when_there_is_no_call(client, world):
    content = client.get(_list_url(world.programme)).content.decode()

    assert "This programme has not published a call yet." in content


@pytest.mark.parametrize("role", [None, "coordinator"])
def test_the_list_query_count_does_not_grow_with_calls(client, world, role):
    if role:
        client.force_login(getattr(world, role))
    url = _list_url(world.programme)
    CallFactory(programme=world.programme)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    CallFactory(programme=world.programme)
    CallFactory(programme=world.programme, status=Call.Status.DRAFT)
    with CaptureQueriesContext(connection) as three:
        response = client.get(url)

    assert len(response.context["calls"]) == (3 if role else 2)
    assert len(three) == len(one)


def test_the_programme_page_lists_its_published_calls(client, world, call):
    CallFactory(programme=world.programme, status=Call.Status.DRAFT, title={"en": "Next year"})

    content = client.get(world.programme.get_absolute_url()).content.decode()

    assert "Call to action" in content and call.get_absolute_url() in content
    assert "Next year" not in content


def test_the_programme_page_shows_drafts_to_its_coordinators(client, world, call):
    CallFactory(programme=world.programme, status=Call.Status.DRAFT, title={"en": "Next year"})
    client.force_login(world.coordinator)

    content = client.get(world.programme.get_absolute_url()).content.decode()

    assert "Next year" in content
    assert reverse("calls:create", kwargs={"programme": world.programme.slug}) in content


def test_the_programme_page_without_calls_says_so(client, db):
    programme = ProgrammeFactory()

    content = client.get(programme.get_absolute_url()).content.decode()

    assert "No call has been published yet." in content
