"""Forms of the application workspace. Each form carries the version of the part it edits."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import Theme

from .models import MAX_MONTHS, Activity, Application

WORD_LIMITS = {"summary": 300, "objectives": 500}


class _Versioned(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SummaryForm(_Versioned):
    title = forms.CharField(label=_("Title of the project"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "data-word-limit": WORD_LIMITS["summary"]}),
        help_text=_("What the consortium will do together, and why, in a few paragraphs."),
    )


class ObjectivesForm(_Versioned):
    objectives = forms.CharField(
        label=_("Objectives"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "data-word-limit": WORD_LIMITS["objectives"]}),
        help_text=_("What will be different at the end of the project? Markdown lists work."),
    )


class FocusForm(_Versioned):
    themes = forms.ModelMultipleChoiceField(
        label=_("Thematic focus"),
        queryset=Theme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


PART_FORMS = {"summary": SummaryForm, "objectives": ObjectivesForm, "focus": FocusForm}
PART_TITLES = {
    "summary": _("Title and summary"),
    "objectives": _("Objectives"),
    "focus": _("Thematic focus"),
}


def part_form(part: str, application: Application, data=None) -> forms.Form:
    initial = {"version": application.version_of(part)}
    for field in Application.PART_FIELDS[part]:
        initial[field] = (
            list(application.themes.all()) if field == "themes" else getattr(application, field)
        )
    return PART_FORMS[part](data, initial=initial)


class ActivityForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Activity
        fields = ["title", "owner", "start_month", "end_month", "description", "outputs"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "outputs": forms.Textarea(attrs={"rows": 3}),
            "start_month": forms.NumberInput(attrs={"min": 1, "max": MAX_MONTHS}),
            "end_month": forms.NumberInput(attrs={"min": 1, "max": MAX_MONTHS}),
        }
        help_texts = {
            "start_month": _("Month 1 is the first month of the project."),
            "end_month": format_lazy(_("At most month {max}."), max=MAX_MONTHS),
            "outputs": _("What the activity produces: events, materials, agreements."),
        }

    def __init__(self, *args, organisations, version: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = version
        # The service checks the owner again: a partner may have left since the form opened.
        self.fields["owner"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        ).order_by("name")

    def _post_clean(self):
        # The service validates the activity against the consortium; skip the model's own
        # full_clean here, which would need the application.
        pass

    def activity_data(self) -> dict:
        return {f: self.cleaned_data.get(f) for f in self.Meta.fields}


class RolesForm(_Versioned):
    """One text per organisation of the consortium."""

    def __init__(self, *args, organisations, roles: dict[int, str], version: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = organisations
        self.fields["version"].initial = version
        for organisation in organisations:
            self.fields[f"role_{organisation.pk}"] = forms.CharField(
                label=organisation.name,
                required=False,
                initial=roles.get(organisation.pk, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=f"{organisation.country_name} · {organisation.get_kind_display()}",
            )

    def roles(self) -> dict[int, str]:
        return {o.pk: self.cleaned_data.get(f"role_{o.pk}", "") for o in self.organisations}


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("PDF, DOCX or XLSX, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx"}),
    )


class DeadlineForm(forms.Form):
    deadline = forms.DateTimeField(
        label=_("Deadline for joint applications"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
