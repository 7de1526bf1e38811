"""Forms of the committee's review: the review settings, assigning a reviewer, a reviewer's
scores, a conflict of interest and the decision on an application. The rules live in
``review``; these forms only read and check the input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.forms import VersionedForm

from .models import Application, ApplicationRound, Review


class ReviewSettingsForm(forms.Form):
    reviewers_per_application = forms.IntegerField(
        label=_("Reviewers per application"),
        min_value=1,
        max_value=10,
        widget=forms.NumberInput(attrs={"min": 1, "max": 10}),
    )
    reviewers_from_other_countries = forms.BooleanField(
        label=_("Reviewers only from other countries"),
        required=False,
        help_text=ApplicationRound._meta.get_field("reviewers_from_other_countries").help_text,
    )


class SelectWithReasons(forms.Select):
    """A select whose options in ``disabled`` cannot be chosen: people who cannot review the
    application stay visible in the list, with their reasons in the label."""

    def __init__(self, *args, disabled=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.disabled = {str(value) for value in disabled}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.disabled:
            option["attrs"]["disabled"] = True
        return option


class AssignForm(forms.Form):
    """Choose a committee member. ``candidates`` are (user, reasons) pairs; people with reasons
    appear as disabled options. The service checks again when the form is sent."""

    reviewer = forms.TypedChoiceField(label=_("Committee member"), coerce=int)

    def __init__(self, *args, candidates: list[tuple[object, list[str]]], **kwargs):
        super().__init__(*args, **kwargs)
        possible = [(u.pk, u.display_name) for u, reasons in candidates if not reasons]
        impossible = [
            (u.pk, f"{u.display_name} – {' '.join(reasons)}")
            for u, reasons in candidates
            if reasons
        ]
        choices: list = [("", _("Choose a committee member"))]
        if possible:
            choices.append((_("Can review"), possible))
        if impossible:
            choices.append((_("Cannot review"), impossible))
        field = self.fields["reviewer"]
        field.choices = choices
        field.widget = SelectWithReasons(choices=choices, disabled=[pk for pk, _ in impossible])
        self.users = {u.pk: u for u, _reasons in candidates}

    def clean_reviewer(self):
        return self.users[self.cleaned_data["reviewer"]]


class ReviewForm(VersionedForm):
    """One score (on the call's scale, as radio buttons) and one comment per rubric criterion,
    and an overall comment. Fields are ``score_<criterion id>`` and ``comment_<criterion id>``,
    the names the service reports its errors under."""

    def __init__(self, data=None, *, review: Review, criteria: list, call, **kwargs):
        stored = {s.criterion_id: s for s in review.scores.all()}
        initial = {"version": review.version, "comment": review.comment}
        for criterion in criteria:
            score = stored.get(criterion.pk)
            initial[f"score_{criterion.pk}"] = score.score if score else None
            initial[f"comment_{criterion.pk}"] = score.comment if score else ""
        super().__init__(data, initial=initial, **kwargs)
        self.criteria = criteria
        scale = [(n, str(n)) for n in range(call.score_min, call.score_max + 1)]
        out_of_scale = _("Give a score from %(min)s to %(max)s.") % {
            "min": call.score_min,
            "max": call.score_max,
        }
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score"),
                choices=scale,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": out_of_scale},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["comment"] = forms.CharField(
            label=_("Overall comment"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 5}),
            help_text=Review._meta.get_field("comment").help_text,
        )

    def rows(self) -> list[tuple[object, forms.BoundField, forms.BoundField]]:
        """Per criterion: the criterion, its score field and its comment field."""
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            c.pk: (self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"comment_{c.pk}"))
            for c in self.criteria
        }


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you cannot review this application"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For the coordinators, for example: “I advised one of the organisations on this "
            "project.”"
        ),
    )


class DecisionForm(forms.Form):
    """The decision on one application, held until released. The form's prefix names the
    application, so that every row of the ranking has its own fields."""

    decision = forms.ChoiceField(
        label=_("The committee's decision"),
        choices=Application.Decision.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback to the consortium"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=Application._meta.get_field("feedback").help_text,
    )
    decision_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, data=None, *, application: Application, **kwargs):
        super().__init__(
            data,
            prefix=decision_prefix(application),
            initial={
                "decision": application.decision,
                "feedback": application.feedback,
                "decision_version": application.decision_version,
            },
            **kwargs,
        )


def decision_prefix(application: Application) -> str:
    return f"decision-{application.pk}"
