from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.forms import LabelledI18nTextarea
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions

from .models import Programme


class ProgrammeForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    countries = forms.MultipleChoiceField(
        label=_("Participating countries"),
        choices=regions.country_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    working_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=regions.language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Programme
        fields = [
            "name", "tagline", "description", "funder", "funding_scheme", "starts_on", "ends_on",
            "countries", "working_languages", "website", "is_public",
        ]  # fmt: skip
        widgets = {
            "description": LabelledI18nTextarea,
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self.fields["version"].required = bool(self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date must not be before the start date."))
        return cleaned

    def programme_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


class ParticipantForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            participations__programme=programme
        ).order_by("name")
