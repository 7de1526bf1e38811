"""The form an actor group fills in: built from the call's questions.

One field per question, named ``q_<question id>``. With ``require=False`` every field is optional:
that is how drafts are saved while people type. ``answers()`` gives the JSON-ready answers keyed by
question id, ``uploads()`` the new files.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, ngettext

from netzwerkstatt.core.markdown import render_markdown
from netzwerkstatt.core.uploads import check_document

from ..models import Question

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def count_words(text: str) -> int:
    return len(WORD.findall(text or ""))


def field_name(question: Question) -> str:
    return f"q_{question.pk}"


def choice_label(choice: dict) -> str:
    label = choice.get("label", "")
    if isinstance(label, dict):
        language = (get_language() or "en")[:2]
        return label.get(language) or label.get("en") or next(iter(label.values()), "")
    return str(label)


class WordLimit:
    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, value: str) -> None:
        words = count_words(value)
        if words > self.limit:
            raise ValidationError(
                ngettext(
                    "At most %(limit)d word, please; this text has %(words)d.",
                    "At most %(limit)d words, please; this text has %(words)d.",
                    self.limit,
                )
                % {"limit": self.limit, "words": words},
                code="too_many_words",
            )


def _field_for(question: Question, *, required: bool, has_file: bool) -> forms.Field:
    common = {
        "label": str(question.label),
        # Coordinators write explanations in Markdown; the field template outputs help texts
        # as HTML, so they are rendered and sanitised here, never passed through raw.
        "help_text": render_markdown(str(question.help_text or "")),
        "required": required,
    }
    kind = question.kind
    if kind == Question.Kind.SHORT_TEXT:
        return forms.CharField(max_length=300, **common)
    if kind == Question.Kind.LONG_TEXT:
        field = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), **common)
        if question.max_words:
            field.validators.append(WordLimit(question.max_words))
            field.widget.attrs["data-word-limit"] = question.max_words
        return field
    if kind in (Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE):
        choices = [(c["value"], choice_label(c)) for c in question.choices]
        if kind == Question.Kind.SINGLE_CHOICE:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == Question.Kind.NUMBER:
        return forms.DecimalField(
            min_value=question.min_value, max_value=question.max_value, **common
        )
    if kind == Question.Kind.FILE:
        # A file uploaded earlier answers a required question; a new upload replaces it.
        common["required"] = required and not has_file
        accept = ",".join(f".{t}" for t in question.file_types)
        return forms.FileField(
            widget=forms.ClearableFileInput(attrs={"accept": accept} if accept else {}), **common
        )
    raise ValueError(f"Unknown question kind {kind!r}")


class AnswerForm(forms.Form):
    def __init__(
        self,
        *args,
        questions,
        require: bool = True,
        files_present: set[int] | frozenset[int] = frozenset(),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[field_name(question)] = _field_for(
                question,
                required=require and question.required,
                has_file=question.pk in files_present,
            )

    def _clean_fields(self):
        super()._clean_fields()
        for question in self.questions:
            name = field_name(question)
            upload = self.cleaned_data.get(name)
            if question.kind == Question.Kind.FILE and upload and hasattr(upload, "size"):
                try:
                    check_document(
                        upload,
                        allowed_types=question.file_types,
                        max_bytes=question.max_file_mb * 1024 * 1024,
                    )
                except ValidationError as error:
                    self.add_error(name, error)

    def answers(self) -> dict[str, object]:
        """Non-file answers, JSON-ready, keyed by the question id as a string."""
        result: dict[str, object] = {}
        for question in self.questions:
            if question.kind == Question.Kind.FILE:
                continue
            value = self.cleaned_data.get(field_name(question))
            if isinstance(value, Decimal):
                value = str(value)
            if value in (None, "", []):
                continue
            result[str(question.pk)] = value
        return result

    def uploads(self) -> dict[int, object]:
        """New files by question id."""
        return {
            question.pk: self.cleaned_data[field_name(question)]
            for question in self.questions
            if question.kind == Question.Kind.FILE
            and hasattr(self.cleaned_data.get(field_name(question)), "size")
        }


def answer_form(call, *, data=None, files=None, expression=None, require: bool = True):
    """The answer form for ``call``, filled with ``expression``'s saved answers when given."""
    questions = call.questions.all()
    initial = {}
    files_present: set[int] = set()
    if expression is not None:
        initial = {f"q_{key}": value for key, value in expression.answers.items()}
        files_present = set(expression.files.values_list("question_id", flat=True))
    return AnswerForm(
        data,
        files,
        questions=questions,
        require=require,
        files_present=files_present,
        initial=initial,
    )
