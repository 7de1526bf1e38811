"""Forms of good practice. Forms that change an existing object carry its version."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

from .models import TEXT_FIELDS, Conclusion, Practice, PracticeTranslation, TargetGroup

HELP = {
    "summary": _("Two or three sentences: what the practice is and why it matters."),
    "context": _("Where it started: the organisation, the region, the situation before."),
    "challenge": _("Which problem or need the practice answers."),
    "approach": _("What was done, step by step, and by whom. Markdown works."),
    "results": _("What changed, with figures, evaluations or feedback where there are some."),
    "resources": _("People, time, money and material it took."),
    "success_factors": _("What made it work."),
    "lessons_learnt": _("What you would do differently, what did not work."),
    "transfer_conditions": _("What another organisation needs to adopt it."),
    "contact": _("Who to ask, with function and e-mail address."),
}


class ServiceErrors:
    def add_service_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


class PracticeForm(ServiceErrors, forms.ModelForm):
    """The whole template, in fieldsets. The service validates against the programme."""

    FIELDSETS = (
        (_("The practice"), ("organisation", "network", "title", "language", "summary")),
        (_("Where it started"), ("context", "challenge")),
        (_("What was done"), ("approach", "results", "resources")),
        (_("What others can learn"), ("success_factors", "lessons_learnt", "transfer_conditions")),
        (_("Contact and media"), ("contact", "media_links_text")),
        (_("Classification"), ("themes", "countries", "organisation_kinds", "target_groups")),
    )

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Owning organisation"), queryset=Organisation.objects.none()
    )
    media_links_text = forms.CharField(
        label=_("Media links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Videos, articles, websites: one web address per line."),
    )
    language = forms.ChoiceField(label=_("Original language"))
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries where it is used"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Assessors come from other countries than these."),
    )
    organisation_kinds = forms.MultipleChoiceField(
        label=_("Kinds of organisation involved"),
        choices=Organisation.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Practice
        fields = [*TEXT_FIELDS, "network"]
        widgets = {
            field: forms.Textarea(attrs={"rows": 5 if field in ("approach", "results") else 3})
            for field in TEXT_FIELDS[1:]
        }
        help_texts = HELP

    def __init__(self, *args, programme, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", "—"), *regions.language_choices()]
        self.fields["countries"].choices = regions.country_choices()
        self.fields["network"].queryset = programme.networks.all()
        self.fields["network"].required = False
        self.fields["network"].help_text = _("If the practice comes from one of the networks.")
        if self.instance.pk:
            del self.fields["organisation"]
            self.fields["version"].initial = self.instance.version
            self.fields["media_links_text"].initial = "\n".join(self.instance.media_links)
            self.fields["language"].initial = self.instance.language
            self.fields["countries"].initial = self.instance.countries
            self.fields["organisation_kinds"].initial = self.instance.organisation_kinds
            self.fields["target_groups"].initial = self.instance.target_groups
            self.fields["themes"].initial = list(self.instance.themes.all())
        else:
            self.fields["organisation"].queryset = organisations
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0]
                self.fields["countries"].initial = [organisations[0].country]

    def _post_clean(self):
        pass  # the service validates

    def fieldsets(self):
        for legend, names in self.FIELDSETS:
            yield legend, [self[name] for name in names if name in self.fields]

    def data_for_service(self) -> dict:
        data = {f: self.cleaned_data.get(f) for f in TEXT_FIELDS}
        data.update(
            network=self.cleaned_data.get("network"),
            language=self.cleaned_data["language"],
            media_links=self.cleaned_data["media_links_text"].splitlines(),
            themes=list(self.cleaned_data["themes"]),
            countries=self.cleaned_data["countries"],
            organisation_kinds=self.cleaned_data["organisation_kinds"],
            target_groups=self.cleaned_data["target_groups"],
        )
        return data


class TranslationForm(ServiceErrors, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    language = forms.ChoiceField(label=_("Language of the translation"))

    class Meta:
        model = PracticeTranslation
        fields = ["language", *TEXT_FIELDS]
        widgets = {field: forms.Textarea(attrs={"rows": 3}) for field in TEXT_FIELDS[1:]}

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(c, regions.language_name(c)) for c in languages] or [
            ("", "—")
        ]
        if self.instance.pk:
            del self.fields["language"]
            self.fields["version"].initial = self.instance.version

    def _post_clean(self):
        pass

    def data_for_service(self) -> dict:
        return {f: self.cleaned_data.get(f) for f in TEXT_FIELDS}


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Document"), help_text=_("PDF, Office document or image, up to 10 MB.")
    )


class AssignForm(forms.Form):
    assessor = forms.ModelChoiceField(label=_("Assessor"), queryset=get_user_model().objects.none())

    def __init__(self, *args, people, countries: dict[int, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = people
        self.fields["assessor"].label_from_instance = lambda user: (
            f"{user.display_name} ({', '.join(countries.get(user.pk, []))})"
        )


class AssessmentForm(forms.Form):
    """One score and comment per criterion, and an overall comment."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    comment = forms.CharField(
        label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, assessment, scale_max: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.scores = list(assessment.scores.all())
        self.fields["version"].initial = assessment.version
        self.fields["comment"].initial = assessment.comment
        choices = [("", "—"), *((str(i), str(i)) for i in range(1, scale_max + 1))]
        self.criteria_fields = []
        for score in self.scores:
            value = f"score_{score.criterion_id}"
            text = f"comment_{score.criterion_id}"
            self.fields[value] = forms.TypedChoiceField(
                label=_("Score"),
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=score.value,
                help_text=str(score.criterion.description),
            )
            self.fields[text] = forms.CharField(
                label=_("Comment"),
                required=False,
                initial=score.comment,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.criteria_fields.append((score.criterion, self[value], self[text]))

    def scores_for_service(self) -> dict[int, tuple[int | None, str]]:
        return {
            s.criterion_id: (
                self.cleaned_data.get(f"score_{s.criterion_id}"),
                self.cleaned_data.get(f"comment_{s.criterion_id}", ""),
            )
            for s in self.scores
        }


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class ConclusionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome of the consensus meeting"),
        choices=Conclusion.Outcome.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the meeting agreed; required when a revision is requested."),
    )
