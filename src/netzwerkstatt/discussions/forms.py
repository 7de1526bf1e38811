"""Forms of the discussions pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import mentions

BODY_HELP = _(
    "Markdown: **bold**, *italic*, lists, links. Mention someone with @[their name] or pick "
    "them from the list; they are told by e-mail."
)


def _body_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=20000,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 6, "data-mention-target": "on"}),
    )


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = _body_field(_("First post"))


class PostForm(forms.Form):
    body = _body_field(_("Your post"))


class EditForm(forms.Form):
    body = _body_field(_("Text"))
    version = forms.IntegerField(widget=forms.HiddenInput)


def picker_choices(people) -> list[tuple[str, str]]:
    """The mention picker's options: the token to insert and the name shown."""
    return [(mentions.token(person), person.display_name) for person in people]
