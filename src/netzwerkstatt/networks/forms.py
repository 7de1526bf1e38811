"""Forms of the networks app. Forms that change an existing object carry its version."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import Theme

from .models import (
    DevelopmentProject,
    Goal,
    LogEntry,
    Milestone,
    Network,
    NetworkMember,
    Step,
    WorkPackage,
)


class _ServiceValidated(forms.ModelForm):
    """The service validates against the network; the model's own full_clean is skipped."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def _post_clean(self):
        pass

    def data_for_service(self) -> dict:
        return {f: self.cleaned_data.get(f) for f in self.Meta.fields}

    def add_service_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


class NetworkForm(_ServiceValidated):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Network
        fields = ["name", "kind", "description", "themes"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "description": _(
                "Shown on the public card of the network. Markdown works: **bold**, lists, links."
            ),
            "kind": _("A tandem is one vocational school and one training company."),
        }


class MemberForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Organisations that take part in the programme and are not members yet."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=NetworkMember.Role.choices, initial=NetworkMember.Role.PARTNER
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def add_service_errors(self, error) -> None:
        _ServiceValidated.add_service_errors(self, error)


class GoalForm(_ServiceValidated):
    class Meta:
        model = Goal
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WorkPackageForm(_ServiceValidated):
    class Meta:
        model = WorkPackage
        fields = [
            "title", "goal", "owner", "starts_on", "ends_on", "status", "progress", "description",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": _date_widget(),
            "ends_on": _date_widget(),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        }
        help_texts = {"owner": _("A member organisation of the network.")}

    def __init__(self, *args, network: Network, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(pk__in=[g.pk for g in goals])
        self.fields["goal"].empty_label = _("(no goal)")
        # The service checks the owner again: a member may have left since the form opened.
        self.fields["owner"].queryset = Organisation.objects.filter(
            network_memberships__network=network
        ).order_by("name")


class MilestoneForm(_ServiceValidated):
    class Meta:
        model = Milestone
        fields = ["title", "kind", "goal", "due_on", "done_on"]
        widgets = {"due_on": _date_widget(), "done_on": _date_widget()}
        help_texts = {"done_on": _("Leave empty until it is reached or handed in.")}

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(pk__in=[g.pk for g in goals])
        self.fields["goal"].empty_label = _("(no goal)")


class ProjectForm(_ServiceValidated):
    class Meta:
        model = DevelopmentProject
        fields = ["title", "objective", "starting_situation"]
        widgets = {
            "objective": forms.Textarea(attrs={"rows": 4}),
            "starting_situation": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "objective": _("What will be different at the end? Markdown works."),
            "starting_situation": _("Where the school and the company stand today."),
        }


class StepForm(forms.Form):
    title = forms.CharField(label=_("New step"), max_length=200)


class StepStatusForm(forms.Form):
    step = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=Step.Status.choices)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class LogEntryForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=_date_widget(), initial=timezone.localdate)
    kind = forms.ChoiceField(label=_("Type"), choices=LogEntry.Kind.choices)
    step = forms.ModelChoiceField(
        label=_("Step"), queryset=Step.objects.none(), required=False, empty_label=_("(no step)")
    )
    text = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example: “Introduced a learning platform with the apprentices.” A reflection "
            "can describe resistance met and how things changed."
        ),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One web address per line."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, DOCX, XLSX or images (PNG, JPEG, GIF, WebP), at most 10 MB each."),
    )

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = Step.objects.filter(pk__in=[s.pk for s in steps])
        self.fields["attachments"].widget.attrs["accept"] = (
            ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp"
        )

    def add_service_errors(self, error) -> None:
        _ServiceValidated.add_service_errors(self, error)
