"""The answer form built from a call's questions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from netzwerkstatt.calls.forms.answers import answer_form, count_words
from netzwerkstatt.calls.models import Question
from tests.factories import CallFactory, ExpressionFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def call():
    call = CallFactory()
    QuestionFactory(call=call, kind=Question.Kind.LONG_TEXT, max_words=5, position=1)
    QuestionFactory(
        call=call,
        kind=Question.Kind.SINGLE_CHOICE,
        position=2,
        choices=[
            {"value": "school", "label": {"en": "School", "de": "Schule"}},
            {"value": "company", "label": {"en": "Company", "de": "Betrieb"}},
        ],
    )
    QuestionFactory(call=call, kind=Question.Kind.NUMBER, min_value=1, max_value=10, position=3)
    QuestionFactory(
        call=call, kind=Question.Kind.FILE, file_types=["pdf"], max_file_mb=1, position=4
    )
    QuestionFactory(call=call, kind=Question.Kind.SHORT_TEXT, required=False, position=5)
    return call


def _names(call):
    return [f"q_{q.pk}" for q in call.questions.all()]


def test_words_are_counted_across_languages():
    assert count_words("Duale Ausbildung – formazione duale, l'apprendistato!") == 5


def test_a_complete_answer_is_accepted_and_returned_ready_for_json(call):
    text, choice, number, upload, _short = _names(call)
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 tiny", content_type="application/pdf")

    form = answer_form(
        call,
        data={text: "Wir bilden gemeinsam aus", choice: "school", number: "4.5"},
        files={upload: pdf},
    )

    assert form.is_valid(), form.errors
    ids = [str(q.pk) for q in call.questions.all()]
    assert form.answers() == {ids[0]: "Wir bilden gemeinsam aus", ids[1]: "school", ids[2]: "4.5"}
    assert list(form.uploads()) == [int(ids[3])]


def test_each_rule_is_reported_next_to_its_question(call):
    text, choice, number, upload, _short = _names(call)
    fake_pdf = SimpleUploadedFile("plan.pdf", _png(), content_type="application/pdf")

    form = answer_form(
        call,
        data={text: "one two three four five six", choice: "chamber", number: "11"},
        files={upload: fake_pdf},
    )

    assert not form.is_valid()
    assert form.errors[text] == ["At most 5 words, please; this text has 6."]
    assert "Select a valid choice" in form.errors[choice][0]
    assert "less than or equal to 10" in form.errors[number][0]
    assert form.errors[upload] == ["The content of this file is not a PDF file."]


def test_a_draft_may_leave_required_questions_open(call):
    text, *_rest = _names(call)

    form = answer_form(call, data={text: "Erste Gedanken"}, require=False)

    assert form.is_valid(), form.errors
    assert form.answers() == {str(call.questions.first().pk): "Erste Gedanken"}


def test_a_file_uploaded_before_answers_a_required_file_question(call):
    expression = ExpressionFactory(group__call=call)
    file_question = call.questions.get(kind=Question.Kind.FILE)
    expression.files.create(
        question=file_question,
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4"),
        original_name="plan.pdf",
        size=8,
    )
    expression.answers = {str(call.questions.get(kind="long_text").pk): "Kurz"}
    expression.save()
    text, choice, number, _upload, _short = _names(call)

    form = answer_form(
        call, data={text: "Kurz", choice: "company", number: "2"}, expression=expression
    )

    assert form.is_valid(), form.errors
    assert form.initial[text] == "Kurz"


def test_oversized_and_wrong_type_files_are_refused(call):
    *_first, upload, _short = _names(call)
    big = SimpleUploadedFile("plan.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 1))
    word = SimpleUploadedFile("plan.docx", b"PK\x03\x04rest")

    too_big = answer_form(call, data={}, files={upload: big}, require=False)
    wrong = answer_form(call, data={}, files={upload: word}, require=False)

    assert not too_big.is_valid() and "largest accepted is 1.0" in too_big.errors[upload][0]
    assert wrong.errors[upload] == ["Upload one of these file types: pdf."]


def test_a_coordinators_explanation_reaches_applicants_sanitised():
    call = CallFactory()
    question = QuestionFactory(
        call=call,
        help_text='See **the guide**. <img src=x onerror="alert(1)"><a href="javascript:x">x</a>',
    )

    form = answer_form(call)
    html = str(form[f"q_{question.pk}"].as_field_group())

    assert "<strong>the guide</strong>" in html
    assert "<img" not in html and "<a " not in html  # shown as text, never as markup
    assert "&lt;img" in html
