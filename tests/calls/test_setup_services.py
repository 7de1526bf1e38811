"""Setting up a call: creating, editing and publishing it, its questions, checklist and rubric, and
the refusals that keep submitted expressions of interest valid."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.calls.models import Call, ExpressionOfInterest, Question
from netzwerkstatt.calls.services import setup as services
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from tests.factories import (
    ActorGroupFactory,
    CallFactory,
    ExpressionFactory,
    GroupMemberFactory,
    ProgrammeFactory,
    QuestionFactory,
    RubricCriterionFactory,
    ScreeningCriterionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _call_data(**overrides):
    return {
        "title": LazyI18nString({"de": "Aufruf", "it": "Invito", "en": "Call to action"}),
        "text": LazyI18nString({"de": "Machen Sie mit.", "it": "", "en": "Join us."}),
        "opens_at": NOW + datetime.timedelta(days=1),
        "closes_at": NOW + datetime.timedelta(days=30),
        **overrides,
    }


def _refusal(excinfo, field=None) -> str:
    error = excinfo.value
    if field is None:
        return " ".join(error.messages)
    return " ".join(error.message_dict[field])


# Creating, editing, publishing -----------------------------------------------------------------


def test_create_call_is_a_draft_with_the_programmes_countries_and_records_every_value():
    programme = ProgrammeFactory(countries=["IT", "DE", "AT"])
    coordinator = UserFactory()

    call = services.create_call(actor=coordinator, programme=programme, data=_call_data())

    assert call.status == Call.Status.DRAFT
    assert call.slug == "aufruf"  # from the title in the programme's first working language
    assert call.eligible_countries == ["IT", "DE", "AT"]
    assert call.pairings == [["IT", "DE"]]
    assert call.text.data == {"de": "Machen Sie mit.", "en": "Join us."}
    entry = AuditEntry.objects.get(action="call.created")
    assert (entry.actor, entry.programme) == (coordinator, programme)
    assert entry.changes["title"]["new"] == {"de": "Aufruf", "it": "Invito", "en": "Call to action"}
    assert entry.changes["status"] == {"old": None, "new": "draft"}


def test_create_call_gives_each_call_of_a_programme_its_own_address():
    programme = ProgrammeFactory()

    first = services.create_call(actor=None, programme=programme, data=_call_data())
    second = services.create_call(actor=None, programme=programme, data=_call_data())
    other = services.create_call(actor=None, programme=ProgrammeFactory(), data=_call_data())

    assert (first.slug, second.slug, other.slug) == ("aufruf", "aufruf-2", "aufruf")


def test_a_call_titled_new_does_not_take_the_address_of_the_create_page():
    call = services.create_call(
        actor=None,
        programme=ProgrammeFactory(),
        data=_call_data(title=LazyI18nString({"en": "New"})),
    )

    assert call.slug != "new"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"closes_at": NOW + datetime.timedelta(hours=1)},
            "closes_at",
            "The call must close after it opens.",
        ),
        ({"eligible_countries": []}, "eligible_countries", "Choose at least one country"),
        (
            {"eligible_countries": ["DE"], "eligible_regions": ["IT-25"]},
            "eligible_regions",
            "These regions lie outside the eligible countries: IT-25.",
        ),
        (
            {"eligible_countries": ["DE"], "pairings": [["DE", "IT"]]},
            "pairings",
            "Each pair must join two different eligible countries.",
        ),
    ],
)
def test_create_call_refuses_inconsistent_settings(overrides, field, message):
    with pytest.raises(ValidationError) as excinfo:
        services.create_call(
            actor=None,
            programme=ProgrammeFactory(),
            data=_call_data(opens_at=NOW + datetime.timedelta(days=2), **overrides),
        )

    assert message in _refusal(excinfo, field)
    assert not Call.objects.exists()


def test_update_call_records_old_and_new_values_and_raises_the_version():
    call = CallFactory(eligible_kinds=[])

    updated = services.update_call(
        actor=None,
        call=call,
        data={"eligible_kinds": ["vocational_school"], "title": {"en": "Call 2027"}},
        expected_version=1,
    )

    assert updated.version == 2
    changes = AuditEntry.objects.get(action="call.updated").changes
    assert changes["eligible_kinds"] == {"old": [], "new": ["vocational_school"]}
    assert changes["title"]["new"] == {"en": "Call 2027"}


def test_update_call_from_an_outdated_form_writes_nothing():
    call = CallFactory()
    Call.objects.filter(pk=call.pk).update(version=3)

    with pytest.raises(ConcurrentEdit):
        services.update_call(
            actor=None, call=call, data={"title": {"en": "Mine"}}, expected_version=2
        )

    assert str(Call.objects.get(pk=call.pk).title) == "Call to action"
    assert not AuditEntry.objects.exists()


def test_publish_call_publishes_a_draft_with_questions():
    call = CallFactory(status=Call.Status.DRAFT)
    QuestionFactory(call=call)

    services.publish_call(actor=None, call=call)

    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED
    assert AuditEntry.objects.get(action="call.published").changes == {
        "status": {"old": "draft", "new": "published"}
    }


def test_publish_call_refuses_a_call_without_questions():
    call = CallFactory(status=Call.Status.DRAFT)

    with pytest.raises(ValidationError) as excinfo:
        services.publish_call(actor=None, call=call)

    assert "at least one question" in _refusal(excinfo)
    assert Call.objects.get(pk=call.pk).status == Call.Status.DRAFT


def test_publish_call_refuses_a_call_that_has_closed():
    call = CallFactory(
        status=Call.Status.DRAFT,
        opens_at=NOW - datetime.timedelta(days=9),
        closes_at=NOW - datetime.timedelta(days=1),
    )
    QuestionFactory(call=call)

    with pytest.raises(ValidationError) as excinfo:
        services.publish_call(actor=None, call=call)

    assert "closing date of this call has passed" in _refusal(excinfo)


def test_publish_call_refuses_a_published_call():
    call = CallFactory()
    QuestionFactory(call=call)

    with pytest.raises(ValidationError, match="already been published"):
        services.publish_call(actor=None, call=call)


# Questions --------------------------------------------------------------------------------------


def test_save_question_adds_at_the_end_and_keeps_only_what_fits_its_kind():
    call = CallFactory()
    QuestionFactory(call=call, position=4)

    question = services.save_question(
        actor=None,
        call=call,
        data={
            "label": {"de": "Anzahl Auszubildende", "it": "", "en": "Number of apprentices"},
            "kind": Question.Kind.NUMBER,
            "required": False,
            "min_value": Decimal(0),
            "max_value": Decimal(500),
            "max_words": 40,
            "choices": [{"value": "x", "label": {"en": "X"}}],
        },
    )

    assert question.position == 5
    assert question.label.data == {"de": "Anzahl Auszubildende", "en": "Number of apprentices"}
    assert (question.max_words, question.choices) == (None, [])
    entry = AuditEntry.objects.get(action="call.question_added")
    assert entry.programme == call.programme
    assert entry.changes["kind"] == {"old": None, "new": "number"}


def test_save_question_refuses_a_choice_question_with_one_choice():
    with pytest.raises(ValidationError) as excinfo:
        services.save_question(
            actor=None,
            call=CallFactory(),
            data={
                "label": {"en": "Kind"},
                "kind": Question.Kind.SINGLE_CHOICE,
                "choices": [{"value": "school", "label": {"en": "School"}}],
            },
        )

    assert "at least two choices" in _refusal(excinfo, "choices")


def test_changing_a_question_from_an_outdated_form_writes_nothing():
    question = QuestionFactory()
    Call.objects.filter(pk=question.call_id).update(version=5)

    with pytest.raises(ConcurrentEdit):
        services.save_question(
            actor=None,
            call=question.call,
            question=question,
            data={"label": {"en": "Changed"}},
            expected_version=4,
        )

    assert str(Question.objects.get(pk=question.pk).label) == "Why this network?"


def test_move_question_swaps_it_with_its_neighbour():
    call = CallFactory()
    first, second, third = (QuestionFactory(call=call, position=n) for n in (3, 7, 9))

    services.move_question(actor=None, question=third, direction="up")
    services.move_question(actor=None, question=first, direction="up")  # already first

    assert list(call.questions.values_list("pk", flat=True)) == [first.pk, third.pk, second.pk]
    assert AuditEntry.objects.filter(action="call.question_moved").count() == 1


def test_delete_question_without_submissions_removes_it_and_records_what_it_was():
    question = QuestionFactory()
    ExpressionFactory(group__call=question.call, status=ExpressionOfInterest.Status.DRAFT)

    services.delete_question(actor=None, question=question)

    assert not Question.objects.exists()
    entry = AuditEntry.objects.get(action="call.question_removed")
    assert entry.changes["label"] == {"old": {"en": "Why this network?"}, "new": None}


# Refusals once groups have submitted ------------------------------------------------------------


@pytest.fixture
def submitted():
    """A published call with one question of each kind and a submitted expression answering
    them; the group is Italian, led by a vocational school in Lombardy."""
    call = CallFactory(eligible_countries=["DE", "IT"], pairings=[["IT", "DE"]])
    questions = {
        "text": QuestionFactory(call=call, kind=Question.Kind.LONG_TEXT, max_words=100),
        "choice": QuestionFactory(
            call=call,
            kind=Question.Kind.MULTIPLE_CHOICE,
            choices=[
                {"value": "school", "label": {"en": "School", "de": "Schule"}},
                {"value": "company", "label": {"en": "Company"}},
                {"value": "chamber", "label": {"en": "Chamber"}},
            ],
        ),
        "number": QuestionFactory(
            call=call, kind=Question.Kind.NUMBER, min_value=0, max_value=1000
        ),
        "optional": QuestionFactory(call=call, kind=Question.Kind.SHORT_TEXT, required=False),
        "file": QuestionFactory(
            call=call, kind=Question.Kind.FILE, file_types=["pdf", "docx"], max_file_mb=10
        ),
    }
    group = ActorGroupFactory(call=call, country="IT", lead__region="IT-25")
    expression = ExpressionFactory(
        group=group,
        answers={
            str(questions["text"].pk): "Wir bilden gemeinsam in zwei Ländern aus",
            str(questions["choice"].pk): ["school", "company"],
            str(questions["number"].pk): "40",
        },
        submitted_at=NOW - datetime.timedelta(hours=2),
    )
    expression.files.create(
        question=questions["file"],
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4"),
        original_name="plan.pdf",
        size=3 * 1024 * 1024,
    )
    return call, questions, expression


def _change(question, **data):
    return services.save_question(
        actor=None,
        call=question.call,
        question=question,
        data=data,
        expected_version=Call.objects.get(pk=question.call_id).version,
    )


def test_a_question_cannot_be_deleted_once_groups_have_submitted(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        services.delete_question(actor=None, question=questions["optional"])

    assert "can no longer be removed" in _refusal(excinfo)
    assert "change a question's wording" in _refusal(excinfo)
    assert Question.objects.filter(pk=questions["optional"].pk).exists()


def test_a_question_cannot_change_its_kind_once_groups_have_submitted(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        _change(questions["text"], kind=Question.Kind.SHORT_TEXT)

    assert "kind of answer cannot change" in _refusal(excinfo, "kind")
    assert "Add a new optional question instead" in _refusal(excinfo, "kind")
    assert Question.objects.get(pk=questions["text"].pk).kind == Question.Kind.LONG_TEXT


def test_an_optional_question_left_unanswered_cannot_become_required(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        _change(questions["optional"], required=True)

    assert "cannot become required" in _refusal(excinfo, "required")


def test_an_optional_question_every_group_answered_may_become_required(submitted):
    _call, questions, expression = submitted
    expression.answers[str(questions["optional"].pk)] = "Kassel"
    expression.save()

    assert _change(questions["optional"], required=True).required is True


def test_a_choice_groups_chose_cannot_be_removed(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        _change(
            questions["choice"],
            choices=[
                {"value": "school", "label": {"en": "School"}},
                {"value": "chamber", "label": {"en": "Chamber"}},
            ],
        )

    assert _refusal(excinfo, "choices") == (
        "Groups chose company in their submitted answers, so these choices must stay. You can "
        "change their labels and add new choices."
    )


def test_an_unused_choice_may_be_removed_and_labels_corrected(submitted):
    _call, questions, _expression = submitted
    choices = [
        {"value": "school", "label": {"en": "Vocational school", "de": "Berufsschule"}},
        {"value": "company", "label": {"en": "Training company"}},
    ]

    assert _change(questions["choice"], choices=choices).choices == choices


def test_a_word_limit_cannot_fall_below_a_submitted_answer(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        _change(questions["text"], max_words=5)

    assert "has 7 words, so the limit cannot be lower" in _refusal(excinfo, "max_words")
    assert _change(questions["text"], max_words=7).max_words == 7


def test_number_bounds_cannot_exclude_a_submitted_answer(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        _change(questions["number"], min_value=Decimal(50), max_value=Decimal(30))

    assert "largest number must not be smaller" in _refusal(excinfo, "max_value")
    with pytest.raises(ValidationError) as excinfo:
        _change(questions["number"], min_value=Decimal(50), max_value=Decimal(30) * 10)
    assert "is 40, so the smallest number cannot be above that" in _refusal(excinfo, "min_value")
    with pytest.raises(ValidationError) as excinfo:
        _change(questions["number"], max_value=Decimal(39))
    assert "is 40, so the largest number cannot be below that" in _refusal(excinfo, "max_value")


def test_accepted_file_types_cannot_be_narrowed_but_may_be_widened(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        _change(questions["file"], file_types=["pdf"])

    assert "cannot be narrowed" in _refusal(excinfo, "file_types")
    assert _change(questions["file"], file_types=["pdf", "docx", "odt"]).file_types == [
        "pdf",
        "docx",
        "odt",
    ]


def test_the_file_size_limit_cannot_fall_below_a_submitted_file(submitted):
    _call, questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        _change(questions["file"], max_file_mb=2)

    assert "larger than 2 MB" in _refusal(excinfo, "max_file_mb")


def test_wording_may_always_be_corrected(submitted):
    _call, questions, _expression = submitted

    question = _change(
        questions["text"],
        label={"en": "Why this network, in short?", "de": "Warum dieses Netzwerk?"},
        help_text={"en": "Two or three sentences."},
    )

    assert str(question.label) == "Why this network, in short?"
    assert AuditEntry.objects.get(action="call.question_changed").changes["label"]["old"] == {
        "en": "Why this network?"
    }


def test_only_optional_questions_may_be_added_once_groups_have_submitted(submitted):
    call, _questions, _expression = submitted
    data = {"label": {"en": "Website"}, "kind": Question.Kind.SHORT_TEXT}

    with pytest.raises(ValidationError) as excinfo:
        services.save_question(actor=None, call=call, data={**data, "required": True})
    added = services.save_question(actor=None, call=call, data={**data, "required": False})

    assert "a new question can only be optional" in _refusal(excinfo, "required")
    assert added.required is False


def test_the_call_cannot_be_closed_in_the_past_once_groups_have_submitted(submitted):
    call, _questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        services.update_call(
            actor=None,
            call=call,
            data={"closes_at": NOW - datetime.timedelta(minutes=5)},
            expected_version=call.version,
        )

    assert "cannot be closed in the past" in _refusal(excinfo, "closes_at")
    assert "Extend the closing date" in _refusal(excinfo, "closes_at")


def test_the_closing_may_be_extended_or_brought_forward_to_a_moment_ahead(submitted):
    call, _questions, _expression = submitted

    later = services.update_call(
        actor=None,
        call=call,
        data={"closes_at": call.closes_at + datetime.timedelta(days=7)},
        expected_version=call.version,
    )
    earlier = services.update_call(
        actor=None,
        call=later,
        data={"closes_at": NOW + datetime.timedelta(days=1)},
        expected_version=later.version,
    )

    assert earlier.closes_at == NOW + datetime.timedelta(days=1)


def test_the_opening_cannot_move_after_the_first_submission(submitted):
    call, _questions, _expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        services.update_call(
            actor=None,
            call=call,
            data={"opens_at": NOW - datetime.timedelta(hours=1)},
            expected_version=call.version,
        )

    assert "must have opened by then" in _refusal(excinfo, "opens_at")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"eligible_countries": ["DE"], "pairings": []}, "eligible_countries"),
        ({"eligible_regions": ["IT-21", "DE-HE"]}, "eligible_regions"),
        ({"eligible_kinds": ["training_company"]}, "eligible_kinds"),
    ],
)
def test_eligibility_cannot_be_narrowed_so_a_submitted_group_falls_out(submitted, data, field):
    call, _questions, expression = submitted

    with pytest.raises(ValidationError) as excinfo:
        services.update_call(actor=None, call=call, data=data, expected_version=call.version)

    assert _refusal(excinfo, field) == (
        f"This change would make a group that has already submitted ineligible: "
        f"{expression.group.name}. You can widen who is eligible, and narrow it only where no "
        f"submitted group is affected."
    )


def test_eligibility_checks_every_confirmed_partner(submitted):
    call, _questions, expression = submitted
    GroupMemberFactory(group=expression.group, organisation__kind="chamber")

    with pytest.raises(ValidationError, match="ineligible"):
        services.update_call(
            actor=None,
            call=call,
            data={"eligible_kinds": ["vocational_school"]},
            expected_version=call.version,
        )


def test_eligibility_may_be_widened_or_narrowed_around_the_submitted_groups(submitted):
    call, _questions, _expression = submitted

    updated = services.update_call(
        actor=None,
        call=call,
        data={
            "eligible_countries": ["DE", "IT", "AT"],
            "eligible_regions": ["IT-25", "DE-HE"],
            "eligible_kinds": ["vocational_school", "training_company"],
        },
        expected_version=call.version,
    )

    assert updated.eligible_regions == ["IT-25", "DE-HE"]


@pytest.mark.parametrize(
    "status", [ExpressionOfInterest.Status.DRAFT, ExpressionOfInterest.Status.WITHDRAWN]
)
def test_drafts_and_withdrawn_expressions_do_not_hold_the_call(submitted, status):
    _call, questions, expression = submitted
    ExpressionOfInterest.objects.filter(pk=expression.pk).update(status=status)

    services.delete_question(actor=None, question=questions["optional"])
    changed = _change(questions["text"], kind=Question.Kind.SHORT_TEXT)

    assert changed.kind == Question.Kind.SHORT_TEXT


# Screening checklist ----------------------------------------------------------------------------


def test_save_screening_criteria_adds_changes_removes_and_orders():
    call = CallFactory()
    keep = ScreeningCriterionFactory(call=call, text={"en": "Public and private partners"})
    drop = ScreeningCriterionFactory(call=call, text={"en": "Old"})

    saved = services.save_screening_criteria(
        actor=None,
        call=call,
        criteria=[
            {"id": None, "text": {"en": "Lead is a vocational school", "de": "Berufsschule"}},
            {"id": keep.pk, "text": {"en": "Public and private partners", "it": "Partner"}},
        ],
        expected_version=call.version,
    )

    assert [str(c) for c in call.screening_criteria.all()] == [
        "Lead is a vocational school",
        "Public and private partners",
    ]
    assert saved[1].pk == keep.pk
    assert not call.screening_criteria.filter(pk=drop.pk).exists()
    changes = AuditEntry.objects.get(action="call.screening_criteria_saved").changes
    assert changes["criteria"]["old"] == [{"en": "Public and private partners"}, {"en": "Old"}]


def test_a_criterion_screening_has_used_cannot_be_removed():
    criterion = ScreeningCriterionFactory()
    ExpressionFactory(group__call=criterion.call, screening_checks={str(criterion.pk): True})

    with pytest.raises(ValidationError) as excinfo:
        services.save_screening_criteria(
            actor=None, call=criterion.call, criteria=[], expected_version=1
        )

    assert "Screening has already recorded these criteria" in _refusal(excinfo)
    assert criterion.call.screening_criteria.count() == 1


def test_rows_of_another_call_are_refused():
    other = ScreeningCriterionFactory()
    call = CallFactory()

    with pytest.raises(ValidationError, match="no longer belong to this call"):
        services.save_screening_criteria(
            actor=None,
            call=call,
            criteria=[{"id": other.pk, "text": {"en": "Taken over"}}],
            expected_version=1,
        )

    assert str(type(other).objects.get(pk=other.pk)) == "Public and private partners"


# Review rubric ----------------------------------------------------------------------------------


def test_save_rubric_saves_criteria_weights_and_the_scale():
    call = CallFactory()
    quality = RubricCriterionFactory(call=call, weight=2)

    services.save_rubric(
        actor=None,
        call=call,
        criteria=[
            {"id": None, "title": {"en": "Transfer"}, "description": {}, "weight": 1},
            {"id": quality.pk, "title": {"en": "Quality"}, "description": {}, "weight": 3},
        ],
        score_min=1,
        score_max=10,
        expected_version=1,
    )

    call.refresh_from_db()
    assert (call.score_min, call.score_max, call.version) == (1, 10, 2)
    assert [(str(c), c.weight) for c in call.rubric_criteria.all()] == [
        ("Transfer", 1),
        ("Quality", 3),
    ]
    changes = AuditEntry.objects.get(action="call.rubric_saved").changes
    assert changes["score_max"] == {"old": 5, "new": 10}


@pytest.mark.parametrize(
    ("weight", "low", "high", "message"),
    [
        (0, 0, 5, "Every weight must be at least 1."),
        (1, 5, 5, "The highest score must be above the lowest"),
        (1, 0, 500, "The highest score must be above the lowest, and at most 100."),
    ],
)
def test_save_rubric_refuses_weights_below_one_and_falling_scales(weight, low, high, message):
    call = CallFactory()

    with pytest.raises(ValidationError) as excinfo:
        services.save_rubric(
            actor=None,
            call=call,
            criteria=[{"id": None, "title": {"en": "Quality"}, "weight": weight}],
            score_min=low,
            score_max=high,
            expected_version=1,
        )

    assert message in " ".join(excinfo.value.messages)
    assert not call.rubric_criteria.exists()
