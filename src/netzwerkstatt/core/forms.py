"""Form pieces shared by the apps."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.forms.utils import flatatt
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from i18nfield.forms import I18nTextarea
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


class LabelledI18nTextarea(I18nTextarea):
    """django-i18nfield's textareas, one per language, each with a visible label. The package
    names the language only in a title and a placeholder, which disappears once one types."""

    def __init__(self, locales, field, attrs=None):
        # One box per language stacks up: five rows each instead of Django's ten.
        super().__init__(locales, field, attrs={"rows": 5, **(attrs or {})})

    def format_output(self, rendered_widgets, id_) -> str:
        names = dict(settings.LANGUAGES)
        indexes = [i for i, code in enumerate(self.locales) if code in self.enabled_locales]
        return format_html(
            '<div class="i18n-form-group" id="{}">{}</div>',
            id_,
            format_html_join(
                "",
                '<div class="i18n-language"><label class="form-label small mb-1" for="{}_{}">'
                "{}</label>{}</div>",
                (
                    (id_, index, names.get(self.locales[index], self.locales[index]), html)
                    for index, html in zip(indexes, rendered_widgets, strict=True)
                ),
            ),
        )


class FastSelect(forms.Select):
    """A <select> rendered in Python rather than one template per option. The region list has
    about 950 options, and per-option templates made the directory several times slower."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = set(self.format_value(value))

        def options(choices):
            return format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option, " selected" if str(option) in selected else "", label)
                    for option, label in choices
                ),
            )

        parts = [
            format_html('<optgroup label="{}">{}</optgroup>', group, options(label))
            if isinstance(label, list | tuple)
            else options([(group, label)])
            for group, label in self.choices
        ]
        return format_html("<select{}>{}</select>", flatatt(final_attrs), mark_safe("".join(parts)))
