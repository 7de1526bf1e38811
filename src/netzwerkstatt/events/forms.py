"""Forms of the events pages. Times are typed in the event's own time zone."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import TIME_ZONES, Event, SeminarTopic


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[(z, z.replace("_", " ")) for z in TIME_ZONES],
        help_text=_("Start and end are in this time zone."),
    )
    send_invitations = forms.BooleanField(
        label=_("E-mail the invitation to everyone the event is for"),
        required=False,
        initial=True,
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "title",
            "series_number",
            "series_total",
            "starts_at",
            "ends_at",
            "timezone",
            "location",
            "online_url",
            "capacity",
            "audience",
            "invited_networks",
            "description",
        ]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "audience": forms.RadioSelect,
            "invited_networks": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "series_number": _("For example 3 for the 3rd of 6 network meetings."),
            "invited_networks": _("Only when the event is for invited networks."),
        }

    def __init__(self, *args, programme, network=None, creating: bool, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:
            # Show the stored times as the wall-clock times of the event's own zone.
            kwargs.setdefault("initial", {})
            for name in ("starts_at", "ends_at"):
                kwargs["initial"][name] = timezone.make_naive(getattr(instance, name), instance.tz)
        super().__init__(*args, **kwargs)
        self.network = network
        if network is not None or (instance is not None and instance.network_id):
            del self.fields["audience"]
            del self.fields["invited_networks"]
        else:
            self.fields["invited_networks"].queryset = programme.networks.all()
        if not creating:
            del self.fields["send_invitations"]

    def clean(self):
        data = super().clean()
        name = data.get("timezone")
        if name:
            tz = zoneinfo.ZoneInfo(name)
            for field in ("starts_at", "ends_at"):
                value = data.get(field)
                if value is not None:
                    # The field read the typed time in the site's zone; it means the event's.
                    data[field] = timezone.make_aware(timezone.make_naive(value), tz)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        total, number = data.get("series_total"), data.get("series_number")
        if total and number and number > total:
            self.add_error("series_number", _("The number cannot be larger than the series."))
        if data.get("audience") == Event.Audience.NETWORKS and not data.get("invited_networks"):
            self.add_error("invited_networks", _("Choose at least one network."))
        return data

    def event_data(self) -> dict:
        names = [n for n in self.Meta.fields if n in self.fields and n not in ("invited_networks",)]
        return {name: self.cleaned_data[name] for name in names}


class AgendaItemForm(forms.Form):
    starts_at = forms.TimeField(
        label=_("Time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    title = forms.CharField(label=_("Item"), max_length=200, required=False)
    speaker = forms.CharField(label=_("Speaker"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if (data.get("starts_at") or data.get("speaker")) and not data.get("title"):
            self.add_error("title", _("Name the agenda item."))
        return data


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=3, max_num=40)


def agenda_formset(data=None, event: Event | None = None):
    initial = (
        [
            {"starts_at": i.starts_at, "title": i.title, "speaker": i.speaker}
            for i in event.agenda.all()
        ]
        if event is not None
        else []
    )
    return AgendaFormSet(data, initial=initial, prefix="agenda")


def agenda_items(formset) -> list[dict]:
    return [
        {
            "starts_at": form.cleaned_data.get("starts_at"),
            "title": form.cleaned_data.get("title", ""),
            "speaker": form.cleaned_data.get("speaker", ""),
        }
        for form in formset.forms
        if form.cleaned_data.get("title")
    ]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Message to the people registered (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes (Markdown)"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("recorded in minutes", "Decision"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    assignee = forms.ModelChoiceField(label=_("Assigned to"), queryset=None)
    due_on = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = people


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("Slides or documents: PDF, PowerPoint, Word, images.")
    )


class TopicForm(forms.ModelForm):
    class Meta:
        model = SeminarTopic
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
