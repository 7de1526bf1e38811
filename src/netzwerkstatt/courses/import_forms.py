"""The upload form of the course import."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .import_files import check_upload
from .models import ImportJob


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A CSV or XLSX file of at most 20 MB, one row per course run."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    mode = forms.ChoiceField(
        label=_("When rows have errors"),
        choices=ImportJob.Mode.choices,
        initial=ImportJob.Mode.ALL_OR_NOTHING,
        widget=forms.RadioSelect,
        help_text=_(
            "By default nothing is written unless every row is valid. Choose the second option "
            "to import the valid rows now and fix the others later."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload)
        except ValidationError as error:
            raise ValidationError(error.messages, code=getattr(error, "code", None)) from None
        return upload
