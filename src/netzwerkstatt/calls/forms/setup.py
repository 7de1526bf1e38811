"""Forms for setting up a call: the call itself, its questions, its screening checklist and its
review rubric.

Multilingual texts get one box per language: the programme's working languages among the
interface languages (all three when it names none), plus any language a text already has, so
that editing never drops a translation. Field names follow django-i18nfield: ``title_0``,
``title_1``, ... in the order of ``settings.LANGUAGES``.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from i18nfield.forms import I18nFormField, I18nTextInput

from netzwerkstatt.core.forms import LabelledI18nTextarea
from netzwerkstatt.core.uploads import KNOWN_TYPES
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

from ..models import Call, Question
from ..services.setup import MAX_FILE_MB, MAX_SCORE

CHOICE_VALUE = re.compile(r"^[\w-]{1,60}$")


class LabelledI18nTextInput(I18nTextInput):
    """One-line boxes per language, each with a visible label (see LabelledI18nTextarea)."""

    format_output = LabelledI18nTextarea.format_output


def content_languages(programme, *texts) -> list[str]:
    """The languages to edit texts in, in the order of ``settings.LANGUAGES``."""
    codes = [code for code, _name in settings.LANGUAGES]
    wanted = {code for code in programme.working_languages if code in codes} or set(codes)
    for text in texts:
        data = getattr(text, "data", text)
        if isinstance(data, dict):
            wanted.update(code for code, value in data.items() if value and code in codes)
    return [code for code in codes if code in wanted]


def i18n_field(
    label, locales: list[str], *, required: bool = True, textarea: bool = False, rows: int = 5, **kw
) -> I18nFormField:
    field = I18nFormField(
        label=label,
        locales=locales,
        required=required,
        widget=LabelledI18nTextarea if textarea else LabelledI18nTextInput,
        **kw,
    )
    if textarea:
        for widget in field.widget.widgets:
            widget.attrs["rows"] = rows
    return field


def _time_zone_note() -> str:
    return _("Date and time in the %(zone)s time zone.") % {
        "zone": timezone.get_current_timezone_name()
    }


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def _pair_value(pair) -> str:
    return "-".join(pair)


class CallForm(forms.Form):
    """Create or edit a call. ``call_data()`` gives the service's input."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    opens_at = forms.DateTimeField(label=_("Opens at"), widget=DateTimeLocalInput)
    closes_at = forms.DateTimeField(label=_("Closes at"), widget=DateTimeLocalInput)
    eligible_countries = forms.MultipleChoiceField(
        label=_("Eligible countries"),
        choices=regions.country_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Organisations from these countries may express their interest."),
    )
    eligible_regions = forms.MultipleChoiceField(
        label=_("Eligible regions"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "None ticked: every region. Once regions are ticked, a group's lead organisation "
            "must be based in one of them, so tick regions in every eligible country."
        ),
    )
    eligible_kinds = forms.MultipleChoiceField(
        label=_("Eligible kinds of organisation"),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every kind."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    pairings = forms.MultipleChoiceField(
        label=_("Countries matched with each other"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Groups from one country of a pair are matched with groups from the other."),
    )

    field_order = [
        "version", "title", "text", "opens_at", "closes_at", "eligible_countries",
        "eligible_regions", "eligible_kinds", "themes", "pairings",
    ]  # fmt: skip

    def __init__(self, *args, programme, call: Call | None = None, **kwargs):
        self.programme, self.call = programme, call
        initial = kwargs.pop("initial", {}) or {}
        if call is not None:
            initial = {
                "version": call.version,
                "title": call.title,
                "text": call.text,
                "opens_at": call.opens_at,
                "closes_at": call.closes_at,
                "eligible_countries": call.eligible_countries,
                "eligible_regions": call.eligible_regions,
                "eligible_kinds": call.eligible_kinds,
                "themes": list(call.themes.all()),
                "pairings": [_pair_value(pair) for pair in call.pairings],
                **initial,
            }
        else:
            countries = list(programme.countries)
            initial = {
                "eligible_countries": countries,
                "pairings": [_pair_value(countries[:2])] if len(countries) >= 2 else [],
                **initial,
            }
        super().__init__(*args, initial=initial, **kwargs)
        locales = content_languages(
            programme, *((call.title, call.text) if call is not None else ())
        )
        self.fields["title"] = i18n_field(_("Title"), locales, max_length=200)
        self.fields["text"] = i18n_field(
            _("Text of the call"),
            locales,
            required=False,
            textarea=True,
            rows=6,
            help_text=_(
                "What the call is about, who it is for and how selection works. Markdown: "
                "**bold**, *italic*, lists and links."
            ),
        )
        self.order_fields(self.field_order)
        self.fields["version"].required = call is not None
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _time_zone_note()
        known = list(
            dict.fromkeys(
                [
                    *programme.countries,
                    *(call.eligible_countries if call else []),
                    *(r.split("-")[0] for r in (call.eligible_regions if call else [])),
                    *(c for pair in (call.pairings if call else []) for c in pair),
                ]
            )
        )
        self.fields["eligible_regions"].choices = [
            (regions.country_name(code), regions.region_choices(code)) for code in known
        ]
        # A pair the call has keeps its order ("IT-DE" stays "IT-DE"); new ones follow the list.
        stored = {frozenset(pair): pair for pair in (call.pairings if call else [])}
        pairs = [stored.get(frozenset(pair), pair) for pair in itertools.combinations(known, 2)]
        self.fields["pairings"].choices = [
            (
                _pair_value(pair),
                f"{regions.country_name(pair[0])} ↔ {regions.country_name(pair[1])}",
            )
            for pair in pairs
        ]
        chosen = call.themes.values_list("pk", flat=True) if call is not None else []
        # Active themes, plus the ones the call already has: an inactive theme stays on old calls.
        self.fields["themes"].queryset = Theme.objects.filter(
            Q(is_active=True) | Q(pk__in=list(chosen))
        ).order_by("position", "code")
        if not known:
            del self.fields["eligible_regions"]
            del self.fields["pairings"]

    def _unchanged_moment(self, name: str):
        """The input shows minutes only: a moment left as it was keeps its seconds, so that an
        untouched closing date is not taken for one brought forward."""
        value = self.cleaned_data.get(name)
        if self.call is not None and value is not None:
            current = getattr(self.call, name)
            if value == current.replace(second=0, microsecond=0):
                return current
        return value

    def clean_opens_at(self):
        return self._unchanged_moment("opens_at")

    def clean_closes_at(self):
        return self._unchanged_moment("closes_at")

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The call must close after it opens."))
        countries = set(cleaned.get("eligible_countries") or [])
        if countries and "eligible_regions" in self.fields:
            outside = [r for r in cleaned.get("eligible_regions", []) if r[:2] not in countries]
            if outside:
                self.add_error(
                    "eligible_regions",
                    _("These regions lie outside the eligible countries: %(regions)s.")
                    % {"regions": ", ".join(regions.region_name(r) for r in outside)},
                )
        if countries and "pairings" in self.fields:
            for value in cleaned.get("pairings", []):
                if not set(value.split("-")) <= countries:
                    self.add_error(
                        "pairings", _("Pair only countries that are eligible for this call.")
                    )
                    break
        return cleaned

    def call_data(self) -> dict[str, Any]:
        data = {
            field: self.cleaned_data[field]
            for field in (
                "title", "text", "opens_at", "closes_at", "eligible_countries", "eligible_kinds",
            )
        }  # fmt: skip
        data["themes"] = list(self.cleaned_data["themes"])
        data["eligible_regions"] = self.cleaned_data.get("eligible_regions", [])
        data["pairings"] = [value.split("-") for value in self.cleaned_data.get("pairings", [])]
        return data


# Questions --------------------------------------------------------------------------------------


def choices_as_lines(choices: list[dict], locales: list[str]) -> str:
    lines = []
    for choice in choices:
        label = choice.get("label", {})
        if not isinstance(label, dict):
            label = dict.fromkeys(locales, str(label))
        lines.append(" | ".join([choice["value"], *(label.get(code, "") for code in locales)]))
    return "\n".join(lines)


def parse_choice_lines(text: str, locales: list[str]) -> list[dict]:
    """``value | label in the first language | label in the second ...`` per line; a line with
    only a label gets a value made from it."""
    choices, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 1:
            value, labels = slugify(parts[0]).replace("-", "_")[:60], [parts[0]]
        else:
            value, labels = parts[0], parts[1:]
        if len(labels) > len(locales):
            errors.append(
                _("Line %(line)d has more labels than languages (%(count)d).")
                % {"line": number, "count": len(locales)}
            )
            continue
        if not CHOICE_VALUE.match(value):
            errors.append(
                _(
                    "Line %(line)d: the value “%(value)s” may hold letters, digits, hyphens and "
                    "underscores only."
                )
                % {"line": number, "value": value}
            )
            continue
        label = {code: text for code, text in zip(locales, labels, strict=False) if text}
        choices.append({"value": value, "label": label or {locales[0]: value}})
    if errors:
        raise forms.ValidationError(errors)
    values = [choice["value"] for choice in choices]
    duplicates = sorted({v for v in values if values.count(v) > 1})
    if duplicates:
        raise forms.ValidationError(
            _("Each value may appear once; repeated: %(values)s.")
            % {"values": ", ".join(duplicates)}
        )
    return choices


class QuestionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Question.Kind.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)
    choices = forms.CharField(
        label=_("Choices (for single and multiple choice)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    max_words = forms.IntegerField(
        label=_("Word limit (for long text)"),
        min_value=1,
        required=False,
        help_text=_("Empty: no limit."),
    )
    min_value = forms.DecimalField(
        label=_("Smallest number (for numbers)"), max_digits=12, decimal_places=2, required=False
    )
    max_value = forms.DecimalField(
        label=_("Largest number (for numbers)"), max_digits=12, decimal_places=2, required=False
    )
    file_types = forms.MultipleChoiceField(
        label=_("Accepted file types (for file uploads)"),
        choices=[(t, t.upper()) for t in sorted(KNOWN_TYPES)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every type listed here."),
    )
    max_file_mb = forms.IntegerField(
        label=_("Largest file in MB (for file uploads)"),
        min_value=1,
        max_value=MAX_FILE_MB,
        initial=10,
        required=False,
        help_text=_("Empty: 10 MB."),
    )

    field_order = [
        "version", "label", "help_text", "kind", "required", "choices", "max_words", "min_value",
        "max_value", "file_types", "max_file_mb",
    ]  # fmt: skip

    def __init__(self, *args, programme, question: Question | None = None, **kwargs):
        self.question = question
        self.locales = content_languages(
            programme, *((question.label, question.help_text) if question else ())
        )
        initial = kwargs.pop("initial", {}) or {}
        if question is not None:
            initial = {
                "version": question.call.version,
                "label": question.label,
                "help_text": question.help_text,
                "kind": question.kind,
                "required": question.required,
                "choices": choices_as_lines(question.choices, self.locales),
                "max_words": question.max_words,
                "min_value": question.min_value,
                "max_value": question.max_value,
                "file_types": question.file_types,
                "max_file_mb": question.max_file_mb,
                **initial,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["label"] = i18n_field(_("Question"), self.locales, max_length=300)
        self.fields["help_text"] = i18n_field(
            _("Explanation for applicants"), self.locales, required=False, textarea=True, rows=2
        )
        names = dict(settings.LANGUAGES)
        self.fields["choices"].help_text = _(
            "One choice per line: value | %(languages)s. The value is stored with the answers: "
            "keep it when you correct a label. A line with only a label gets a value made from "
            "it."
        ) % {"languages": " | ".join(str(names[code]) for code in self.locales)}
        self.fields["version"].required = question is not None
        self.order_fields(self.field_order)

    def clean_choices(self):
        return parse_choice_lines(self.cleaned_data.get("choices", ""), self.locales)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        choice_kinds = (Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE)
        if kind in choice_kinds and "choices" in cleaned and len(cleaned["choices"]) < 2:
            self.add_error("choices", _("A choice question needs at least two choices."))
        low, high = cleaned.get("min_value"), cleaned.get("max_value")
        if low is not None and high is not None and low > high:
            self.add_error(
                "max_value", _("The largest number must not be smaller than the smallest.")
            )
        return cleaned

    def question_data(self) -> dict[str, Any]:
        data = {
            field: self.cleaned_data[field]
            for field in self.field_order
            if field != "version" and field in self.cleaned_data
        }
        if data.get("max_file_mb") is None:
            data["max_file_mb"] = 10
        return data


# Screening checklist and rubric -----------------------------------------------------------------


class RowForm(forms.Form):
    """One row of a list edited as a whole: its id (empty for a new row)."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def row_data(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("ORDER", "DELETE")
        }


class ScreeningCriterionForm(RowForm):
    def __init__(self, *args, locales: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"] = i18n_field(_("What to check"), locales, max_length=300)


class RubricCriterionForm(RowForm):
    weight = forms.IntegerField(
        label=_("Weight"),
        min_value=1,
        max_value=100,
        initial=1,
        help_text=_("How much this criterion counts compared to the others."),
    )

    def __init__(self, *args, locales: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"] = i18n_field(_("Title"), locales, max_length=300)
        self.fields["description"] = i18n_field(
            _("What reviewers look for"), locales, required=False, textarea=True, rows=2
        )
        self.order_fields(["id", "title", "description", "weight"])


class BaseRowFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"].label = _("Position")
        form.fields["ORDER"].widget.attrs.update({"min": 1, "class": "position-input"})
        form.fields["DELETE"].label = _("Remove this criterion")

    def rows(self) -> list[dict[str, Any]]:
        """The rows to keep, in the order asked for."""
        return [form.row_data() for form in self.ordered_forms]


def _row_formset(form, rows: list[dict], *, data, locales: list[str], prefix: str):
    formset_class = forms.formset_factory(
        form,
        formset=BaseRowFormSet,
        extra=3 if not rows else 2,
        can_delete=True,
        can_order=True,
    )
    initial = [{**row, "ORDER": position} for position, row in enumerate(rows, start=1)]
    return formset_class(data, initial=initial, prefix=prefix, form_kwargs={"locales": locales})


def screening_criteria_formset(call: Call, data=None):
    criteria = list(call.screening_criteria.all())
    locales = content_languages(call.programme, *(c.text for c in criteria))
    rows = [{"id": c.pk, "text": c.text} for c in criteria]
    return _row_formset(ScreeningCriterionForm, rows, data=data, locales=locales, prefix="criteria")


def rubric_formset(call: Call, data=None):
    criteria = list(call.rubric_criteria.all())
    locales = content_languages(
        call.programme, *(t for c in criteria for t in (c.title, c.description))
    )
    rows = [
        {"id": c.pk, "title": c.title, "description": c.description, "weight": c.weight}
        for c in criteria
    ]
    return _row_formset(RubricCriterionForm, rows, data=data, locales=locales, prefix="rubric")


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ScaleForm(VersionForm):
    score_min = forms.IntegerField(label=_("Lowest score"), min_value=0, max_value=MAX_SCORE - 1)
    score_max = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=MAX_SCORE)

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("score_min"), cleaned.get("score_max")
        if low is not None and high is not None and high <= low:
            self.add_error("score_max", _("The highest score must be above the lowest."))
        return cleaned
