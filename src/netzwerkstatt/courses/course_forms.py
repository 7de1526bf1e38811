"""The forms providers keep their courses and runs with. The services check what depends on
other rows (the region of the provider's country, a registration path, unique numbers); the
forms parse the input and show every error next to its field."""

from __future__ import annotations

import copy
import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.forms import FastSelect
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import EqfLevel, IscedField

from . import services
from .models import Course, CourseRun


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CheckRadioSelect(forms.RadioSelect):
    """Radio buttons as Bootstrap's form-check: a long label wraps beside its button."""

    option_template_name = "courses/manage/widgets/check_option.html"


class CheckboxList(forms.CheckboxSelectMultiple):
    option_template_name = "courses/manage/widgets/check_option.html"


class _ServiceErrors:
    """Errors the service raises go next to their field; others above the form."""

    def add_service_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)

    def add_check_errors(self, errors: dict[str, list[str]]) -> None:
        """The service's checks, run on the input before saving so that every error shows at
        once; a field that already has an error keeps only that one."""
        for name, messages in errors.items():
            if name in self.fields and name not in self.errors:
                self.add_error(name, messages)

    def _post_clean(self):
        pass  # the service validates the whole object

    def fieldsets(self):
        """(legend, rows of bound fields) for the template; a row's fields stand side by side
        on wide screens."""
        for legend, rows in self.FIELDSETS:
            yield (
                legend,
                [[self[name] for name in row if name in self.fields] for row in rows],
            )


def isced_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Narrow and detailed fields grouped under their broad field, for a <select>."""
    fields = list(IscedField.objects.order_by("code"))
    groups: dict[str, list[tuple[int, str]]] = {}
    names = {f.code: f"{f.code} {f.name}" for f in fields if f.level == IscedField.Level.BROAD}
    for field in fields:
        if field.level == IscedField.Level.BROAD:
            continue
        indent = "\u2003" if field.level == IscedField.Level.DETAILED else ""
        groups.setdefault(field.code[:2], []).append(
            (field.pk, f"{indent}{field.code} {field.name}")
        )
    return [(names.get(code, code), options) for code, options in groups.items()]


def eqf_choices() -> list[tuple[str | int, str]]:
    """The eight levels, each with the knowledge its learners have (the short descriptor)."""
    return [("", _("No EQF level"))] + [
        (
            level.level,
            _("Level %(level)s: %(descriptor)s")
            % {"level": level.level, "descriptor": str(level.knowledge).splitlines()[0]},
        )
        for level in EqfLevel.objects.order_by("level")
    ]


class CourseForm(_ServiceErrors, forms.ModelForm):
    FIELDSETS = (
        (_("The course"), (("title",), ("description",), ("learning_outcomes",))),
        (_("Classification"), (("field",), ("eqf_level",), ("language", "format"))),
        (_("Who it is for"), (("target_group",), ("prerequisites",))),
        (_("Certificate"), (("certificate", "certificate_name"),)),
        (_("For your records"), (("external_id",),)),
    )

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    field = forms.ModelChoiceField(
        label=_("Field of education and training (ISCED-F 2013)"),
        queryset=IscedField.objects.exclude(level=IscedField.Level.BROAD),
        widget=FastSelect,
        help_text=_("Choose the narrow or, better, the detailed field."),
    )
    eqf_level = forms.TypedChoiceField(
        label=_("EQF level"),
        coerce=int,
        empty_value=None,
        required=False,
        widget=CheckRadioSelect,
        help_text=_(
            "The level of the European Qualifications Framework the course leads to, if any."
        ),
    )
    language = forms.ChoiceField(label=_("Language of instruction"))
    format = forms.ChoiceField(
        label=_("Format"), choices=Course.Format.choices, widget=CheckRadioSelect
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "description",
            "learning_outcomes",
            "target_group",
            "prerequisites",
            "certificate",
            "certificate_name",
            "external_id",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "learning_outcomes": forms.Textarea(attrs={"rows": 5}),
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "prerequisites": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "description": _("What the course covers and how it is taught. Markdown works."),
            "learning_outcomes": _("One per line: what participants know and can do at the end."),
            "target_group": _("Who the course is for, for example trained clerks."),
            "prerequisites": _("What participants need to bring: a qualification, experience."),
            "certificate_name": _(
                "For example: Geprüfte/r Wirtschaftsfachwirt/in (IHK). Empty if none."
            ),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["field"].widget.choices = isced_choices()
        self.fields["eqf_level"].choices = eqf_choices()
        self.fields["language"].choices = [("", "—"), *regions.language_choices()]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["field"].initial = self.instance.field_id
            self.fields["eqf_level"].initial = self.instance.eqf_level
            self.fields["language"].initial = self.instance.language
            self.fields["format"].initial = self.instance.format
        else:
            languages = organisation.languages or [regions.interface_language(organisation.country)]
            self.fields["language"].initial = languages[0]

    def clean(self):
        cleaned = super().clean()
        candidate = copy.copy(self.instance)
        candidate.organisation = self.organisation
        for name, value in self.data_for_service().items():
            setattr(candidate, name, value)
        self.add_check_errors(services.check_course(candidate))
        return cleaned

    def data_for_service(self) -> dict:
        return {
            name: self.cleaned_data.get(name)
            for name in services.COURSE_FIELDS
            if name in self.cleaned_data
        }


FUNDING_CHOICES = [
    (name, CourseRun._meta.get_field(name).verbose_name) for name in CourseRun.FUNDING_FIELDS
]


class RunForm(_ServiceErrors, forms.ModelForm):
    FIELDSETS = (
        (
            _("Dates and times"),
            (("start_date", "end_date"), ("schedule",), ("schedule_note", "hours")),
        ),
        (
            _("Place"),
            (
                ("online",),
                ("venue",),
                ("street",),
                ("postal_code", "city"),
                ("region",),
                ("accessibility",),
            ),
        ),
        (_("Price and seats"), (("price", "seats"), ("price_note",), ("funding",))),
        (_("Registration"), (("registration_url",), ("contact_email", "contact_phone"))),
        (_("For your records"), (("external_id",),)),
    )

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    schedule = forms.ChoiceField(
        label=_("Schedule"), choices=CourseRun.Schedule.choices, widget=CheckRadioSelect
    )
    region = forms.ChoiceField(label=_("Region"), required=False, widget=FastSelect)
    funding = forms.MultipleChoiceField(
        label=_("Funding options"),
        choices=FUNDING_CHOICES,
        required=False,
        widget=CheckboxList,
    )

    class Meta:
        model = CourseRun
        fields = [
            "start_date",
            "end_date",
            "schedule_note",
            "hours",
            "online",
            "venue",
            "street",
            "postal_code",
            "city",
            "price",
            "price_note",
            "seats",
            "registration_url",
            "contact_email",
            "contact_phone",
            "accessibility",
            "external_id",
        ]
        widgets = {
            "start_date": _date_input(),
            "end_date": _date_input(),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "price": forms.NumberInput(attrs={"min": 0, "step": "0.01"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "contact_phone": forms.TextInput(attrs={"type": "tel"}),
        }
        labels = {
            "online": _("The run takes place online"),
            "accessibility": _("Notes on accessibility"),
        }
        help_texts = {
            "online": _("Then no venue is needed; for blended courses, give the venue too."),
            "venue": _("For example: Training centre, room 2.14"),
            "price": _("Leave empty if the price is on request, and say so below."),
            "price_note": _("For example: on request; instalments possible; plus exam fee."),
            "registration_url": _(
                "Where people register. Without a link, give an e-mail address or a telephone "
                "number."
            ),
            "accessibility": _(
                "Step-free access, hearing loop, materials in plain language: what people need "
                "to know."
            ),
            "external_id": _("Imports and the API update the run with this number."),
        }

    def __init__(self, *args, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        country = course.organisation.country
        self.fields["region"].choices = [("", "—"), *regions.region_choices(country)]
        self.fields["region"].help_text = _("A region of %(country)s.") % {
            "country": regions.country_name(country)
        }
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["schedule"].initial = self.instance.schedule
            self.fields["region"].initial = self.instance.region
            self.fields["funding"].initial = [
                name for name in CourseRun.FUNDING_FIELDS if getattr(self.instance, name)
            ]

    def clean(self):
        cleaned = super().clean()
        candidate = copy.copy(self.instance)
        candidate.course = self.course
        for name, value in self.data_for_service().items():
            setattr(candidate, name, value)
        self.add_check_errors(services.check_run(candidate, self.course))
        return cleaned

    def data_for_service(self) -> dict:
        data = {
            name: self.cleaned_data.get(name)
            for name in services.RUN_FIELDS
            if name in self.cleaned_data
        }
        funding = self.cleaned_data.get("funding") or []
        data.update({name: name in funding for name in CourseRun.FUNDING_FIELDS})
        return data


def initial_for_new_run(course: Course) -> dict:
    """A new run starts from the course's latest run (place, price, contact), or else from the
    provider's address: most runs of a course differ only in their dates."""
    latest = course.runs.order_by("-start_date", "-pk").first()
    if latest is None:
        organisation = course.organisation
        return {
            "online": course.format == Course.Format.ONLINE,
            "street": organisation.street,
            "postal_code": organisation.postal_code,
            "city": organisation.city,
            "region": organisation.region,
            "registration_url": organisation.website,
        }
    initial = {
        name: getattr(latest, name)
        for name in services.RUN_FIELDS
        if name not in ("start_date", "end_date", "external_id", *CourseRun.FUNDING_FIELDS)
    }
    initial["funding"] = [name for name in CourseRun.FUNDING_FIELDS if getattr(latest, name)]
    return initial


class DuplicateRunForm(forms.Form):
    start_date = forms.DateField(label=_("Starts on"), widget=_date_input())
    end_date = forms.DateField(
        label=_("Ends on"),
        required=False,
        widget=_date_input(),
        help_text=_("Leave empty for a run as long as the original."),
    )
    external_id = forms.CharField(
        label=_("Run number of the copy"),
        max_length=80,
        required=False,
        help_text=_("Optional: your own number for the new run."),
    )

    add_service_errors = _ServiceErrors.add_service_errors

    def __init__(self, *args, run: CourseRun, **kwargs):
        super().__init__(*args, **kwargs)
        # The same weekday a year later is a usual guess for a course that repeats every year.
        today = timezone.localdate()
        proposed = run.start_date + datetime.timedelta(weeks=52)
        while proposed < today:
            proposed += datetime.timedelta(weeks=52)
        self.fields["start_date"].initial = proposed
