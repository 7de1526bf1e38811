"""Forms of transfers, capacity-building plans and the outreach logs. The services validate
against the programme and the network; the forms parse the input and offer the right choices."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.events.models import Event
from netzwerkstatt.practices.models import Practice

from .models import (
    CapacityPlan,
    CapacityStep,
    DisseminationActivity,
    Level,
    StakeholderEngagement,
    StepStatus,
    Transfer,
    TransferStep,
)


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _ServiceValidated(forms.ModelForm):
    """The service validates; the model's own full_clean is skipped."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget = _date_widget()

    def _post_clean(self) -> None:
        pass

    def data_for_service(self) -> dict:
        return {f: self.cleaned_data.get(f) for f in self.Meta.fields if f in self.cleaned_data}

    def add_service_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


def organisation_people(organisation_id: int):
    return (
        get_user_model()
        .objects.filter(memberships__organisation_id=organisation_id, is_active=True)
        .order_by("name", "email")
    )


def _as_queryset(organisations):
    from netzwerkstatt.organisations.models import Organisation

    return Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("name")


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.display_name


# Transfers -----------------------------------------------------------------------------------


class AdoptForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Adopting organisation"), queryset=None)
    adaptation = forms.CharField(
        label=_("How you adapt the practice"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you take over, what you change for your context, and why."),
    )
    started_on = forms.DateField(
        label=_("Start"),
        required=False,
        widget=_date_widget(),
        help_text=_("Leave empty if not decided yet."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _as_queryset(organisations)
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk

    add_service_errors = _ServiceValidated.add_service_errors


class TransferForm(_ServiceValidated):
    class Meta:
        model = Transfer
        fields = ["adaptation", "started_on", "outcome", "lessons"]
        widgets = {
            "adaptation": forms.Textarea(attrs={"rows": 4}),
            "started_on": _date_widget(),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 3}),
        }


class CompleteTransferForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    outcome = forms.CharField(
        label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    lessons = forms.CharField(
        label=_("Lessons learnt"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    completed_on = forms.DateField(label=_("Completed on"), required=False, widget=_date_widget())

    add_service_errors = _ServiceValidated.add_service_errors


class _StepForm(_ServiceValidated):
    who_person = _PersonChoice(
        label=_("Who (a person on the platform)"), queryset=None, required=False
    )

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["who_person"].queryset = organisation_people(organisation_id)
        self.fields["status"].choices = StepStatus.choices


STEP_FIELDS = ["what", "who_person", "who_text", "due_on", "status", "done_on"]
STEP_WIDGETS = {"due_on": _date_widget(), "done_on": _date_widget()}
STEP_HELP = {"done_on": _("Filled in with today when the step is set to done.")}


class TransferStepForm(_StepForm):
    class Meta:
        model = TransferStep
        fields = STEP_FIELDS
        widgets = STEP_WIDGETS
        help_texts = STEP_HELP


# Capacity building ---------------------------------------------------------------------------


class CapacityPlanForm(_ServiceValidated):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)

    class Meta:
        model = CapacityPlan
        fields = ["organisation", "title", "starts_on", "ends_on", "goal"]
        widgets = {
            "starts_on": _date_widget(),
            "ends_on": _date_widget(),
            "goal": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:  # changing a plan: the organisation stays
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = _as_queryset(organisations)
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0].pk


class CapacityStepForm(_StepForm):
    practices = forms.ModelMultipleChoiceField(
        label=_("Linked practices"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    events = forms.ModelMultipleChoiceField(
        label=_("Linked events"), queryset=None, required=False, widget=forms.SelectMultiple
    )

    class Meta:
        model = CapacityStep
        fields = [*STEP_FIELDS, "practices", "events"]
        widgets = STEP_WIDGETS
        help_texts = STEP_HELP

    def __init__(self, *args, plan: CapacityPlan, **kwargs):
        super().__init__(*args, organisation_id=plan.organisation_id, **kwargs)
        network = plan.network
        self.fields["practices"].queryset = Practice.objects.filter(
            programme_id=network.programme_id, status=Practice.Status.PUBLISHED
        ).order_by("title")
        self.fields["events"].queryset = Event.objects.filter(
            programme_id=network.programme_id
        ).order_by("-starts_at")


# The logs ------------------------------------------------------------------------------------


class _EntryForm(_ServiceValidated):
    organisation = forms.ModelChoiceField(label=_("Recorded for"), queryset=None)

    def __init__(self, *args, programme, organisations=None, networks, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = _as_queryset(organisations)
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0].pk
        self.fields["network"].queryset = networks
        self.fields["network"].required = False
        if not self.instance.pk:
            self.fields["date"].initial = datetime.date.today


class EngagementForm(_EntryForm):
    class Meta:
        model = StakeholderEngagement
        fields = [
            "organisation", "network", "stakeholder", "group", "level", "date", "topic",
            "outcome", "follow_up", "follow_up_due",
        ]  # fmt: skip
        widgets = {
            "date": _date_widget(),
            "follow_up_due": _date_widget(),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "stakeholder": _("The organisation or person you talked to."),
        }


class LinksField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def clean(self, value):
        from .services.logs import clean_links

        return clean_links(super().clean(value))


class DisseminationForm(_EntryForm):
    links = LinksField(label=_("Links"), required=False, help_text=_("One web address per line."))
    practices = forms.ModelMultipleChoiceField(
        label=_("Linked practices"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = DisseminationActivity
        fields = [
            "organisation", "network", "kind", "title", "date", "audience",
            "estimated_reach", "links", "practices",
        ]  # fmt: skip
        widgets = {"date": _date_widget()}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, programme=programme, **kwargs)
        self.fields["practices"].queryset = Practice.objects.filter(
            programme=programme, status=Practice.Status.PUBLISHED
        ).order_by("title")
        self.fields["estimated_reach"].min_value = 0
        self.fields["estimated_reach"].widget.attrs["min"] = 0


class LogFilter(forms.Form):
    """The filters of both logs; unknown values are ignored."""

    network = forms.ModelChoiceField(label=_("Network"), queryset=None, required=False)
    group = forms.ChoiceField(
        label=_("Stakeholder group"),
        choices=[("", _("All")), *StakeholderEngagement.Group.choices],
        required=False,
    )
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", _("All")), *Level.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("All")), *DisseminationActivity.Kind.choices],
        required=False,
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, networks, years, log: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        self.fields["network"].empty_label = _("All")
        self.fields["year"].choices = [("", _("All")), *((y, y) for y in years)]
        for name in ("kind",) if log == "stakeholders" else ("group", "level"):
            del self.fields[name]

    def values(self) -> dict:
        """The valid, non-empty filters (an invalid one is ignored, not an error)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
