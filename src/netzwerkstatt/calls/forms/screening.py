"""Forms for screening: the table's filters, one expression's checklist and decision, and the
decision for many expressions at once."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.forms import FastSelect
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

from .. import queries
from ..models import Call, ExpressionOfInterest, ScreeningCriterion

Decision = ExpressionOfInterest.Decision
REASON_REQUIRED = _("Tell the group why it is not eligible: the reason is sent to them.")


class ScreeningFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False, widget=FastSelect)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
        required=False,
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("All themes"),
        to_field_name="code",
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    decision = forms.ChoiceField(
        label=_("Screening decision"),
        choices=[
            ("", _("All")),
            ("none", _("Not decided")),
            (Decision.ELIGIBLE, _("Eligible")),
            (Decision.INELIGIBLE, _("Not eligible")),
        ],
        required=False,
    )
    # Kept by the filter form so that filtering does not lose the order chosen in the table.
    sort = forms.ChoiceField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        countries = call.eligible_countries or regions.PROGRAMME_COUNTRIES
        self.fields["country"].choices = [
            ("", _("All countries")),
            *regions.country_choices(countries),
        ]
        self.fields["region"].choices = [
            ("", _("All regions")),
            *regions.all_region_choices(countries),
        ]
        self.fields["status"].choices = [
            ("", _("All statuses")),
            *((s.value, s.label) for s in queries.RECEIVED_STATUSES),
        ]
        self.fields["sort"].choices = [
            (f"{direction}{key}", key) for key in queries.SORTS for direction in ("", "-")
        ]

    def filters(self) -> dict:
        """The valid filters; a value that no longer fits is dropped (and shown as an error)."""
        data = getattr(self, "cleaned_data", {})
        return {
            "country": data.get("country", ""),
            "region": data.get("region", ""),
            "kind": data.get("kind", ""),
            "theme": data.get("theme"),
            "status": data.get("status", ""),
            "decision": data.get("decision", ""),
            "sort": data.get("sort") or queries.DEFAULT_SORT,
        }


class _DecisionFields(forms.Form):
    reason = forms.CharField(
        label=_("Reason and feedback for the group"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "Sent to the group with the decision. Required when the group is not eligible."
        ),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Decision.INELIGIBLE and not (data.get("reason") or "").strip():
            self.add_error("reason", REASON_REQUIRED)
        return data


class ScreeningForm(_DecisionFields):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    screening_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    checks = forms.MultipleChoiceField(
        label=_("Checklist"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick every criterion the expression of interest meets."),
    )
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("For the coordinators only; never sent to the group."),
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Decision.NONE, _("Not decided yet")),
            (Decision.ELIGIBLE, _("Eligible")),
            (Decision.INELIGIBLE, _("Not eligible")),
        ],
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Held until you send the decisions of the call; the group sees nothing before."
        ),
    )

    field_order = ["version", "screening_version", "checks", "notes", "decision", "reason"]

    def __init__(
        self,
        *args,
        expression: ExpressionOfInterest,
        criteria: list[ScreeningCriterion],
        **kwargs,
    ):
        checks = expression.screening_checks or {}
        kwargs.setdefault(
            "initial",
            {
                "version": expression.version,
                "screening_version": expression.screening_version,
                "checks": [key for key, ticked in checks.items() if ticked],
                "notes": expression.screening_notes,
                "decision": expression.screening_decision,
                "reason": expression.screening_reason,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["checks"].choices = [(str(c.pk), str(c.text)) for c in criteria]
        if not criteria:
            del self.fields["checks"]

    def clean_decision(self) -> str:
        return self.cleaned_data.get("decision") or Decision.NONE


class BulkDecisionForm(_DecisionFields):
    """The decision for the expressions ticked in the table. The ticks are checkboxes in the
    table's rows (named ``expressions``), so the field has no widget of its own here."""

    CLEAR = "none"

    expressions = forms.ModelMultipleChoiceField(
        label=_("Selected expressions of interest"),
        queryset=ExpressionOfInterest.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": _("Tick at least one expression of interest in the table."),
            "invalid_choice": _("One of the ticked expressions of interest is not in this call."),
            "invalid_pk_value": _("One of the ticked expressions of interest is not in this call."),
        },
    )
    decision = forms.ChoiceField(
        label=_("Decision for the ticked expressions"),
        choices=[
            ("", "---------"),
            (Decision.ELIGIBLE, _("Eligible")),
            (Decision.INELIGIBLE, _("Not eligible")),
            (CLEAR, _("Take the decision back (not decided)")),
        ],
    )
    # The table's filters and order, to come back to the same view afterwards.
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["expressions", "decision", "reason", "query"]

    def __init__(self, *args, call: Call, **kwargs):
        # Shown on one page with the filter form, which has a decision field too: own ids.
        kwargs.setdefault("auto_id", "bulk_%s")
        super().__init__(*args, **kwargs)
        self.fields["expressions"].queryset = queries.received_expressions(call)

    def clean_decision(self) -> str:
        decision = self.cleaned_data["decision"]
        return Decision.NONE if decision == self.CLEAR else decision
