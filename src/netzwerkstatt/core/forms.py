"""Form pieces shared by the apps."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

ACCEPTED_IMAGE_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


def validate_image_upload(upload) -> None:
    """Size first (cheap), then the real format as Pillow reads it, never the file name."""
    if upload is None or not hasattr(upload, "size"):
        return
    if upload.size > settings.LOGO_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the largest accepted is %(max)s."),
            params={
                "size": filesizeformat(upload.size),
                "max": filesizeformat(settings.LOGO_MAX_BYTES),
            },
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except Exception:
        raise ValidationError(
            _("This file is not an image we can read. Upload a PNG, JPEG, WebP or GIF file."),
            code="not_an_image",
        ) from None
    finally:
        upload.seek(0)
    if kind not in ACCEPTED_IMAGE_FORMATS:
        raise ValidationError(
            _("Upload a PNG, JPEG, WebP or GIF file."),
            code="wrong_format",
        )


class VersionedForm(forms.Form):
    """Carries the version of the object the form was opened at, to detect concurrent edits."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class BootstrapBoundField(forms.BoundField):
    """Gives every widget its Bootstrap class, on our forms and on django-allauth's alike."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if isinstance(widget, forms.HiddenInput):
            return attrs
        if isinstance(
            widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect
        ):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        if self.errors:
            css += " is-invalid"
            describedby = attrs.get("aria-describedby", "")
            attrs["aria-describedby"] = f"{describedby} {self.auto_id}_error".strip()
        attrs["class"] = f"{attrs.get('class', '')} {css}".strip()
        return attrs


class FormRenderer(TemplatesSetting):
    bound_field_class = BootstrapBoundField
    field_template_name = "includes/field.html"
