"""The pages a coordinator sets a call up with: the call form, questions, screening checklist,
review rubric, preview and publishing."""

import datetime
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.calls.models import Call, Question
from netzwerkstatt.core.models import AuditEntry
from tests.factories import (
    CallFactory,
    ExpressionFactory,
    QuestionFactory,
    RubricCriterionFactory,
    ScreeningCriterionFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def _url(name, call, **kwargs):
    return reverse(
        f"calls:{name}", kwargs={"programme": call.programme.slug, "slug": call.slug, **kwargs}
    )


def _local(moment: datetime.datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def programme(world):
    """The world's programme, working in German, Italian and English."""
    world.programme.working_languages = ["de", "it", "en"]
    world.programme.countries = ["DE", "IT"]
    world.programme.save()
    return world.programme


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.coordinator)
    return world.coordinator


def call_post(call=None, **overrides):
    opens = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=1)
    data = {
        "title_0": "Aufruf zur Teilnahme",  # de
        "title_1": "Invito a partecipare",  # it
        "title_2": "Call to action",  # en
        "text_0": "Deutsche und italienische Akteursgruppen finden zueinander.",
        "text_1": "Gruppi di attori tedeschi e italiani si incontrano.",
        "text_2": "German and Italian actor groups find each other.",
        "opens_at": _local(opens),
        "closes_at": _local(opens + datetime.timedelta(days=30)),
        "eligible_countries": ["DE", "IT"],
        "eligible_regions": ["IT-25", "DE-HE"],
        "eligible_kinds": ["vocational_school", "training_company"],
        "pairings": ["DE-IT"],
    }
    if call is not None:
        data["version"] = Call.objects.get(pk=call.pk).version
        data["pairings"] = ["-".join(pair) for pair in call.pairings]
    data.update(overrides)
    return data


def question_post(kind, **overrides):
    return {
        "label_0": f"Frage ({kind})",
        "label_1": f"Domanda ({kind})",
        "label_2": f"Question ({kind})",
        "help_text_2": "Answer briefly.",
        "kind": kind,
        "required": "on",
        "choices": "",
        "max_words": "",
        "min_value": "",
        "max_value": "",
        "max_file_mb": "10",
        **overrides,
    }


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# The call form ----------------------------------------------------------------------------------


def test_the_new_call_form_starts_from_the_programme_and_names_the_time_zone(
    client, programme, coordinator
):
    response = client.get(reverse("calls:create", kwargs={"programme": programme.slug}))

    content = response.content.decode()
    form = response.context["form"]
    assert form["eligible_countries"].initial == ["DE", "IT"]
    assert form["pairings"].initial == ["DE-IT"]
    assert "Date and time in the Europe/Berlin time zone." in content
    assert 'type="datetime-local"' in content
    # One labelled box per working language.
    for language in ("German", "Italian", "English"):
        assert f">{language}</label>" in content
    assert 'data-draft="call-new"' in content


def test_a_coordinator_creates_a_call_in_three_languages(client, programme, coordinator):
    data = call_post()

    response = client.post(reverse("calls:create", kwargs={"programme": programme.slug}), data)

    call = Call.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("questions", call)
    assert call.status == Call.Status.DRAFT
    assert call.title.data == {
        "de": "Aufruf zur Teilnahme",
        "it": "Invito a partecipare",
        "en": "Call to action",
    }
    assert call.text.localize("it") == "Gruppi di attori tedeschi e italiani si incontrano."
    # The times typed in are Berlin time.
    assert _local(call.opens_at) == data["opens_at"]
    assert (call.eligible_regions, call.pairings) == (["IT-25", "DE-HE"], [["DE", "IT"]])
    assert AuditEntry.objects.get(action="call.created").actor == coordinator


def test_the_call_form_reports_problems_next_to_their_fields(client, programme, coordinator):
    data = call_post(eligible_countries=["DE"], title_0="", title_1="", title_2="")
    data["closes_at"] = data["opens_at"]

    response = client.post(reverse("calls:create", kwargs={"programme": programme.slug}), data)

    errors = response.context["form"].errors
    assert errors["title"] == ["This field is required."]
    assert errors["closes_at"] == ["The call must close after it opens."]
    assert errors["eligible_regions"] == [
        "These regions lie outside the eligible countries: Lombardia."
    ]
    assert errors["pairings"] == ["Pair only countries that are eligible for this call."]
    assert not Call.objects.exists()


def test_editing_a_call_keeps_a_translation_outside_the_working_languages(
    client, world, coordinator
):
    call = CallFactory(programme=world.programme)  # working languages: de, it; title also in en
    response = client.get(_url("edit", call))
    assert response.context["form"].fields["title"].locales == ["de", "it", "en"]
    assert response.context["form"]["pairings"].value() == ["IT-DE"]
    pair_box = re.search(
        r'<input[^>]*name="pairings" value="IT-DE"[^>]*>', response.content.decode()
    )
    assert "checked" in pair_box.group(0)

    response = client.post(
        _url("edit", call), call_post(call, title_0="Aufruf 2027", eligible_regions=[])
    )

    assert response.status_code == 302
    call.refresh_from_db()
    assert call.pairings == [["IT", "DE"]]  # kept, in its order
    assert call.title.data == {
        "de": "Aufruf 2027",
        "it": "Invito a partecipare",
        "en": "Call to action",
    }


def test_a_call_edited_meanwhile_is_not_overwritten(client, programme, coordinator):
    call = CallFactory(programme=programme)
    data = call_post(call)
    Call.objects.filter(pk=call.pk).update(version=9)

    response = client.post(_url("edit", call), data)

    assert "Someone else changed this in the meantime" in response.content.decode()
    assert str(Call.objects.get(pk=call.pk).title) == "Call to action"


def test_a_refused_date_change_is_explained_next_to_the_field(client, programme, coordinator):
    call = CallFactory(programme=programme)
    ExpressionFactory(group__call=call)
    data = call_post(
        call,
        opens_at=_local(call.opens_at),
        closes_at=_local(timezone.now() - datetime.timedelta(hours=1)),
        eligible_regions=[],
    )

    response = client.post(_url("edit", call), data)

    assert response.status_code == 200
    assert "cannot be closed in the past" in response.context["form"].errors["closes_at"][0]
    assert "Groups have already submitted expressions of interest." in response.content.decode()


# Questions --------------------------------------------------------------------------------------


def test_a_coordinator_adds_a_question_of_each_kind(client, programme, coordinator):
    call = CallFactory(programme=programme, status=Call.Status.DRAFT)
    url = _url("questions", call)
    posts = [
        question_post("short_text"),
        question_post("long_text", max_words="250"),
        question_post(
            "single_choice",
            choices="school | Berufsschule | Scuola professionale | Vocational school\n"
            "company | Betrieb | Azienda | Company",
        ),
        question_post("multiple_choice", choices="Metall\nElektro\nPflege", required=""),
        question_post("number", min_value="1", max_value="200"),
        question_post("file", file_types=["pdf", "docx"], max_file_mb="5"),
    ]

    for data in posts:
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors

    questions = list(call.questions.all())
    assert [q.kind for q in questions] == [
        "short_text", "long_text", "single_choice", "multiple_choice", "number", "file",
    ]  # fmt: skip
    short, long, single, multiple, number, upload = questions
    assert short.label.data == {
        "de": "Frage (short_text)",
        "it": "Domanda (short_text)",
        "en": "Question (short_text)",
    }
    assert str(short.help_text) == "Answer briefly."
    assert long.max_words == 250
    assert single.choices[0] == {
        "value": "school",
        "label": {"de": "Berufsschule", "it": "Scuola professionale", "en": "Vocational school"},
    }
    assert [c["value"] for c in multiple.choices] == ["metall", "elektro", "pflege"]
    assert multiple.required is False
    assert (number.min_value, number.max_value) == (1, 200)
    assert (upload.file_types, upload.max_file_mb) == (["pdf", "docx"], 5)
    content = client.get(url).content.decode()
    assert "at most 250 words" in content
    assert "PDF, DOCX, up to 5 MB" in content


def test_choice_lines_that_cannot_be_read_are_reported(client, programme, coordinator):
    call = CallFactory(programme=programme)
    data = question_post(
        "single_choice", choices="a b | A | A | A\nx | X | X | X | X\nsame | 1\nsame | 2"
    )

    response = client.post(_url("questions", call), data)

    assert response.context["form"].errors["choices"] == [
        "Line 1: the value “a b” may hold letters, digits, hyphens and underscores only.",
        "Line 2 has more labels than languages (3).",
    ]
    assert not call.questions.exists()


def test_a_question_is_edited_with_its_choices_as_lines(client, programme, coordinator):
    question = QuestionFactory(
        call__programme=programme,
        kind=Question.Kind.SINGLE_CHOICE,
        choices=[
            {"value": "school", "label": {"de": "Schule", "en": "School"}},
            {"value": "company", "label": {"en": "Company"}},
        ],
    )
    url = _url("question_edit", question.call, question_id=question.pk)

    form = client.get(url).context["form"]
    assert form["choices"].initial == "school | Schule |  | School\ncompany |  |  | Company"

    data = question_post(
        "single_choice",
        choices="school | Berufsschule | Scuola | School\ncompany | Betrieb | Azienda | Company",
        version=question.call.version,
    )
    response = client.post(url, data)

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.choices[0]["label"] == {"de": "Berufsschule", "it": "Scuola", "en": "School"}


def test_a_refused_question_change_says_why_next_to_the_field(client, programme, coordinator):
    question = QuestionFactory(call__programme=programme, kind=Question.Kind.LONG_TEXT)
    ExpressionFactory(group__call=question.call)
    url = _url("question_edit", question.call, question_id=question.pk)

    response = client.post(url, question_post("number", version=question.call.version))

    assert response.context["form"].errors["kind"] == [
        "Groups have already answered this question, so its kind of answer cannot change. Add "
        "a new optional question instead."
    ]
    assert Question.objects.get(pk=question.pk).kind == Question.Kind.LONG_TEXT


def test_questions_are_moved_and_removed(client, programme, coordinator):
    call = CallFactory(programme=programme)
    first, second = QuestionFactory(call=call), QuestionFactory(call=call)

    client.post(_url("questions", call), {"question": second.pk, "direction": "up"})
    assert list(call.questions.all()) == [second, first]

    response = client.post(_url("question_delete", call, question_id=first.pk))
    assert response["Location"] == _url("questions", call)
    assert list(call.questions.all()) == [second]


def test_removing_an_answered_question_is_refused_with_a_message(client, programme, coordinator):
    question = QuestionFactory(call__programme=programme)
    ExpressionFactory(group__call=question.call)

    response = client.post(
        _url("question_delete", question.call, question_id=question.pk), follow=True
    )

    assert "can no longer be removed" in response.content.decode()
    assert Question.objects.filter(pk=question.pk).exists()


def test_the_questions_page_query_count_does_not_grow_with_questions(
    client, programme, coordinator
):
    call = CallFactory(programme=programme)
    url = _url("questions", call)
    QuestionFactory(call=call, kind=Question.Kind.SINGLE_CHOICE, choices=[])
    client.get(url)
    one = _query_count(client, url)
    QuestionFactory(call=call, kind=Question.Kind.FILE, file_types=["pdf"])
    QuestionFactory(call=call, kind=Question.Kind.NUMBER, min_value=1)

    assert _query_count(client, url) == one


# Checklist and rubric --------------------------------------------------------------------------


def _management(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_a_coordinator_writes_the_screening_checklist(client, programme, coordinator):
    call = CallFactory(programme=programme)
    old = ScreeningCriterionFactory(call=call)
    assert len(client.get(_url("criteria", call)).context["formset"].forms) == 3

    data = {
        **_management("criteria", 3, 1),
        "version": call.version,
        "criteria-0-id": old.pk,
        "criteria-0-text_2": "Public and private partners",
        "criteria-0-ORDER": "2",
        "criteria-1-text_0": "Die Leitung ist eine Berufsschule",
        "criteria-1-text_2": "The lead is a vocational school",
        "criteria-1-ORDER": "1",
        "criteria-2-text_0": "",
    }
    response = client.post(_url("criteria", call), data)

    assert response.status_code == 302
    assert [str(c) for c in call.screening_criteria.all()] == [
        "The lead is a vocational school",
        "Public and private partners",
    ]


def test_a_coordinator_writes_the_rubric_with_weights_and_a_scale(client, programme, coordinator):
    call = CallFactory(programme=programme)
    old = RubricCriterionFactory(call=call)
    data = {
        **_management("rubric", 3, 1),
        "version": call.version,
        "score_min": "1",
        "score_max": "10",
        "rubric-0-id": old.pk,
        "rubric-0-title_2": "Quality",
        "rubric-0-weight": "3",
        "rubric-0-DELETE": "on",
        "rubric-1-title_2": "Transferability",
        "rubric-1-description_2": "Can others adopt it?",
        "rubric-1-weight": "2",
        "rubric-2-weight": "1",
    }

    response = client.post(_url("rubric", call), data)

    assert response.status_code == 302
    call.refresh_from_db()
    assert (call.score_min, call.score_max) == (1, 10)
    assert [(str(c), c.weight) for c in call.rubric_criteria.all()] == [("Transferability", 2)]


def test_the_rubric_refuses_a_weight_of_zero_next_to_the_field(client, programme, coordinator):
    call = CallFactory(programme=programme)
    data = {
        **_management("rubric", 1, 0),
        "version": call.version,
        "score_min": "0",
        "score_max": "5",
        "rubric-0-title_2": "Quality",
        "rubric-0-weight": "0",
    }

    response = client.post(_url("rubric", call), data)

    assert response.context["formset"].forms[0].errors["weight"] == [
        "Ensure this value is greater than or equal to 1."
    ]
    assert not call.rubric_criteria.exists()


# Preview and publishing -------------------------------------------------------------------------


def test_the_preview_shows_the_form_as_applicants_see_it_without_a_way_to_submit(
    client, programme, coordinator
):
    call = CallFactory(programme=programme, status=Call.Status.DRAFT)
    text = QuestionFactory(call=call, label={"en": "Why this network?"}, max_words=200)
    choice = QuestionFactory(
        call=call,
        kind=Question.Kind.SINGLE_CHOICE,
        label={"en": "Kind of lead"},
        choices=[
            {"value": "school", "label": {"en": "School"}},
            {"value": "company", "label": {"en": "Company"}},
        ],
    )
    ScreeningCriterionFactory(call=call, text={"en": "Public and private partners"})
    RubricCriterionFactory(call=call, title={"en": "Quality"}, weight=3)

    response = client.get(_url("preview", call))

    content = response.content.decode()
    preview_form = re.search(r'<form class="preview-form.*?</form>', content, re.S).group(0)
    assert f'name="q_{text.pk}"' in preview_form
    assert 'data-word-limit="200"' in preview_form
    assert f'name="q_{choice.pk}"' in preview_form and " School</label>" in preview_form
    assert 'type="submit"' not in preview_form
    assert "nothing can be submitted or saved here" in content
    assert "Public and private partners" in content
    assert "Quality" in content and "Each criterion is scored from 0 to 5." in content


def test_publishing_makes_the_call_public(client, programme, coordinator):
    call = CallFactory(programme=programme, status=Call.Status.DRAFT)
    QuestionFactory(call=call)

    response = client.post(_url("publish", call), follow=True)

    assert Call.objects.get(pk=call.pk).status == Call.Status.PUBLISHED
    assert "The call is published." in response.content.decode()


def test_publishing_a_call_without_questions_explains_what_is_missing(
    client, programme, coordinator
):
    call = CallFactory(programme=programme, status=Call.Status.DRAFT)

    response = client.post(_url("publish", call), follow=True)

    assert "A call needs at least one question before it is published" in (
        response.content.decode()
    )
    assert Call.objects.get(pk=call.pk).status == Call.Status.DRAFT


# Who may ---------------------------------------------------------------------------------------

SETUP_PAGES = ("edit", "questions", "criteria", "rubric", "preview")


@pytest.mark.parametrize("role", ["outsider", "member", "committee_member"])
@pytest.mark.parametrize("page", SETUP_PAGES)
def test_only_the_people_who_run_the_programme_set_a_call_up(client, world, role, page):
    call = CallFactory(programme=world.programme)
    client.force_login(getattr(world, role))

    assert client.get(_url(page, call)).status_code == 403
    assert client.post(_url(page, call), {}).status_code == 403


@pytest.mark.parametrize("role", ["outsider", "member", "committee_member"])
def test_a_draft_call_does_not_exist_for_others(client, world, role):
    call = CallFactory(programme=world.programme, status=Call.Status.DRAFT)
    client.force_login(getattr(world, role))

    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get(_url("edit", call)).status_code == 404
    assert client.post(_url("publish", call)).status_code == 404
    assert Call.objects.get(pk=call.pk).status == Call.Status.DRAFT


@pytest.mark.parametrize("role", ["outsider", "committee_member"])
def test_others_cannot_create_calls(client, world, role):
    client.force_login(getattr(world, role))
    url = reverse("calls:create", kwargs={"programme": world.programme.slug})

    assert client.post(url, call_post()).status_code == 403
    assert not Call.objects.exists()


def test_a_call_is_not_reached_through_another_programme(client, world, coordinator):
    call = CallFactory()  # of another programme

    response = client.get(
        reverse("calls:edit", kwargs={"programme": world.programme.slug, "slug": call.slug})
    )

    assert response.status_code == 404


def test_an_untouched_closing_date_of_a_closed_call_does_not_block_a_text_fix(
    client, programme, coordinator
):
    closes = timezone.now() - datetime.timedelta(days=1, seconds=17)
    call = CallFactory(
        programme=programme, opens_at=closes - datetime.timedelta(days=30), closes_at=closes
    )
    ExpressionFactory(group__call=call, submitted_at=closes - datetime.timedelta(days=2))
    data = call_post(
        call,
        title_2="Call to action (corrected)",
        opens_at=_local(call.opens_at),
        closes_at=_local(call.closes_at),
        eligible_regions=[],
        eligible_kinds=[],
    )

    response = client.post(_url("edit", call), data)

    assert response.status_code == 302, response.context["form"].errors
    call.refresh_from_db()
    assert (str(call.title), call.closes_at) == ("Call to action (corrected)", closes)
