from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.forms import FastSelect, validate_image_upload
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

from .models import ContactPerson, Membership, Organisation


class OrganisationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages worked in"),
        choices=regions.language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Organisation
        fields = [
            "name", "kind", "sector", "country", "region", "street", "postal_code", "city",
            "website", "languages", "description", "themes", "core_competencies", "logo",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "core_competencies": forms.Textarea(attrs={"rows": 4}),
            "logo": forms.ClearableFileInput(
                attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}
            ),
        }
        help_texts = {"description": _("Markdown: **bold**, *italic*, lists and links.")}
        # Django's ImageField reads the file before clean_logo; give its refusal our wording.
        error_messages = {
            "logo": {
                "invalid_image": _(
                    "This file is not an image we can read. Upload a PNG, JPEG, WebP or GIF file."
                )
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"),
            choices=[("", "---------"), *regions.country_choices()],
            widget=FastSelect,
        )
        self.fields["region"] = forms.ChoiceField(
            label=_("Region"),
            choices=[("", "---------"), *regions.all_region_choices()],
            required=False,
            widget=FastSelect,
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self.fields["version"].required = bool(self.instance.pk)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):
            validate_image_upload(logo)
        return logo

    def profile_data(self) -> dict:
        data = {field: self.cleaned_data[field] for field in self.Meta.fields}
        # ClearableFileInput: None keeps the current logo, False removes it.
        if data["logo"] is None:
            del data["logo"]
        elif data["logo"] is False:
            data["logo"] = ""
        return data


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Organisation.Kind.choices], required=False
    )
    country = forms.ChoiceField(label=_("Country"), required=False, widget=FastSelect)
    region = forms.ChoiceField(label=_("Region"), required=False, widget=FastSelect)
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.filter(is_active=True),
        required=False,
        empty_label=_("All themes"),
        to_field_name="code",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *regions.country_choices()]
        self.fields["region"].choices = [("", _("All regions")), *regions.all_region_choices()]


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "function", "email", "phone", "consent_date", "is_public"]
        widgets = {"consent_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
