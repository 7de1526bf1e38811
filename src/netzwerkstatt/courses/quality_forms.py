"""Forms of the quality pages: the draft of the standard (its texts and a formset of criteria),
the answers of a self-assessment (one small form per criterion) and the reviewer's decision.
Multilingual texts get one box per working language of the cluster (see calls' setup forms)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.calls.forms.setup import content_languages, i18n_field

from .models import SelfAssessmentAnswer
from .quality import CriterionInput


class StandardForm(forms.Form):
    """The draft's label name and introduction; ``version`` is the draft's fingerprint."""

    version = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, programme, standard, **kwargs):
        locales = content_languages(programme, standard.label_name, standard.introduction)
        kwargs.setdefault(
            "initial", {"label_name": standard.label_name, "introduction": standard.introduction}
        )
        super().__init__(*args, **kwargs)
        self.fields["label_name"] = i18n_field(
            _("Name of the quality label"),
            locales,
            max_length=200,
            help_text=_("Shown on confirmed providers and their courses."),
        )
        self.fields["introduction"] = i18n_field(
            _("Introduction (Markdown)"),
            locales,
            required=False,
            textarea=True,
            rows=4,
            help_text=_("What the standard is for and how the self-assessment works."),
        )


class CriterionForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        required=False,
        help_text=_("Change the numbers to reorder; empty: at the end."),
    )

    def __init__(self, *args, locales: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"] = i18n_field(_("Criterion"), locales, max_length=200)
        self.fields["description"] = i18n_field(
            _("What it means"), locales, required=False, textarea=True, rows=2
        )
        self.fields["evidence_hint"] = i18n_field(
            _("Evidence expected"), locales, required=False, textarea=True, rows=2
        )
        self.order_fields(["pk", "title", "description", "evidence_hint", "position"])

    def has_changed(self) -> bool:
        """An empty row for a new criterion is left alone unless something was typed in it
        (django-i18nfield counts its empty boxes as a change)."""
        start = f"{self.prefix}-"
        # The posted id, not the initial one: the formset hands initial values out by position,
        # which no longer match when someone else added a criterion meanwhile.
        if not self.is_bound or self.data.get(f"{start}pk"):
            return super().has_changed()
        return any(
            str(value).strip()
            for key, value in self.data.items()
            if key.startswith(start) and key[len(start) :] not in ("pk", "DELETE")
        )


class BaseCriterionFormSet(forms.BaseFormSet):
    def criteria(self) -> list[CriterionInput]:
        """The rows for ``quality.save_draft``; untouched empty rows are left out."""
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or (not data.get("pk") and not form.has_changed()):
                continue
            if not data.get("pk") and self.can_delete and self._should_delete_form(form):
                continue
            rows.append(
                CriterionInput(
                    pk=data.get("pk"),
                    title=data.get("title"),
                    description=data.get("description"),
                    evidence_hint=data.get("evidence_hint"),
                    position=data.get("position"),
                    delete=bool(self.can_delete and self._should_delete_form(form)),
                )
            )
        return rows

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this criterion")


def criterion_formset(*, programme, standard, data=None, extra: int | None = None):
    criteria = list(standard.criteria.order_by("position", "pk"))
    locales = content_languages(
        programme,
        *[text for c in criteria for text in (c.title, c.description, c.evidence_hint)],
    )
    if extra is None:
        extra = 1 if criteria else 3
    formset_class = forms.formset_factory(
        CriterionForm, formset=BaseCriterionFormSet, extra=extra, can_delete=True
    )
    initial = [
        {
            "pk": c.pk,
            "title": c.title,
            "description": c.description,
            "evidence_hint": c.evidence_hint,
            "position": number,
        }
        for number, c in enumerate(criteria, start=1)
    ]
    return formset_class(data, initial=initial, prefix="criteria", form_kwargs={"locales": locales})


class AnswerForm(forms.Form):
    """One criterion's answer; the prefix is ``c<criterion id>``."""

    fulfilment = forms.ChoiceField(
        label=_("Does your organisation meet it?"),
        choices=SelfAssessmentAnswer.Fulfilment.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    evidence = forms.CharField(
        label=_("How your organisation meets it (evidence)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )


class AnswersVersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the provider"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        help_text=_("Required when you return the self-assessment: say what should change."),
    )
