"""Forms for actor groups and their expressions of interest: choosing the lead, the group's
profile, inviting a partner, and the answers as stored (for checking a submission)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.forms import FastSelect
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

from ..models import ActorGroup, Call, ExpressionOfInterest, GroupMember, Question
from .answers import AnswerForm, field_name


class StartForm(forms.Form):
    lead = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    name = forms.CharField(
        label=_("Name of the group"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the lead organisation's name. You can change it later."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = organisations
        if len(organisations) == 1:
            self.fields["lead"].initial = organisations[0].pk


def partner_countries(call: Call, country: str) -> list[str]:
    """The countries a group of ``country`` is matched with: its pairings, else the call's other
    countries."""
    paired = {b for a, b in call.pairings if a == country} | {
        a for a, b in call.pairings if b == country
    }
    if paired:
        return sorted(paired)
    return [c for c in call.eligible_countries if c != country] or [country]


class GroupProfileForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    preferred_regions = forms.MultipleChoiceField(
        label=_("Preferred partner regions"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked if any region suits you."),
    )
    working_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=regions.language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ActorGroup
        fields = ["name", "themes", "offers", "seeks", "preferred_regions", "working_languages"]
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 4}),
            "seeks": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "offers": _("Expertise, training places, equipment, contacts: what partners gain."),
            "seeks": _("What a partner group from the other country should bring."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group = self.instance
        self.fields["version"].initial = group.version
        countries = partner_countries(group.call, group.country)
        choices = [(regions.country_name(c), regions.region_choices(c)) for c in countries]
        self.fields["preferred_regions"].choices = choices[0][1] if len(choices) == 1 else choices

    def profile_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PartnerInviteForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        widget=FastSelect,
        empty_label=_("Choose from the directory"),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "The invitation link goes to this address. A member of the organisation confirms; "
            "they need an account on the platform."
        ),
    )

    def __init__(self, *args, group: ActorGroup, search: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partner_candidates(group, search=search)
        # The choices are built once for rendering; the select lists only names.
        self.fields["organisation"].label_from_instance = lambda o: (
            f"{o.name} · {o.city}" if o.city else o.name
        )


def partner_candidates(group: ActorGroup, *, search: str = ""):
    """Organisations of the group's country, of a kind the call accepts, not in the group yet
    (a declined organisation may be invited again)."""
    candidates = Organisation.objects.filter(country=group.country).exclude(
        group_memberships__in=GroupMember.objects.filter(group=group).exclude(
            status=GroupMember.Status.DECLINED
        )
    )
    if group.call.eligible_kinds:
        candidates = candidates.filter(kind__in=group.call.eligible_kinds)
    for word in search.split()[:5]:
        candidates = candidates.filter(Q(name__icontains=word) | Q(city__icontains=word))
    return candidates.order_by("name")


def stored_answers_form(
    expression: ExpressionOfInterest,
    *,
    answers: dict[str, Any] | None = None,
    files_present: set[int] | None = None,
    require: bool = True,
) -> AnswerForm:
    """The answer form bound to stored answers (or to ``answers``), to check them against the
    question rules as if they had just been typed in."""
    questions = expression.group.call.questions.all()
    answers = expression.answers if answers is None else answers
    if files_present is None:
        files_present = set(expression.files.values_list("question_id", flat=True))
    data = QueryDict(mutable=True)
    for question in questions:
        value = answers.get(str(question.pk))
        if value is None or question.kind == Question.Kind.FILE:
            continue
        if isinstance(value, list):
            data.setlist(field_name(question), [str(v) for v in value])
        else:
            data[field_name(question)] = str(value)
    return AnswerForm(data, {}, questions=questions, require=require, files_present=files_present)


TEXT_KINDS = (Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT)


def mark_required(form: AnswerForm) -> AnswerForm:
    """Show the questions a submission needs with their asterisk on a draft form, which does not
    enforce them. Call it after validation: it changes only how the form is drawn (and leaves out
    the browser's own ``required`` check, so a draft can always be saved)."""
    form.use_required_attribute = False
    for question in form.questions:
        if question.required:
            form.fields[field_name(question)].required = True
    return form


def draft_answers(form: AnswerForm, previous: dict[str, Any]) -> dict[str, Any]:
    """What a draft keeps from a posted answer form, valid or not: valid answers as cleaned; text
    that breaks a rule (too many words) as typed, so no work is lost; other invalid answers (a
    number that is not one) keep the value saved before."""
    result = form.answers()
    errors = form.errors
    for question in form.questions:
        name = field_name(question)
        key = str(question.pk)
        if name not in errors or question.kind == Question.Kind.FILE:
            continue
        if question.kind in TEXT_KINDS:
            raw = (form.data.get(name) or "").strip()
            if raw:
                result[key] = raw
        elif key in previous:
            result[key] = previous[key]
    return result
