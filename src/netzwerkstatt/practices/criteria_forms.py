"""Forms of the criteria page: the scale and one criterion (added or edited). Titles and
descriptions get one box per working language of the programme (see calls' setup forms)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.calls.forms.setup import content_languages, i18n_field


class ScaleForm(forms.Form):
    scale_max = forms.IntegerField(
        label=_("Highest score"),
        min_value=2,
        max_value=10,
        help_text=_("Assessors score every criterion from 1 to this value."),
    )
    transfer_threshold = forms.DecimalField(
        label=_("Threshold for “ready for transfer”"),
        min_value=Decimal(1),
        max_digits=4,
        decimal_places=2,
        help_text=_(
            "A published practice whose mean score on transferability reaches this value is "
            "labelled “ready for transfer”. At most the highest score."
        ),
    )

    def clean(self):
        data = super().clean()
        scale, threshold = data.get("scale_max"), data.get("transfer_threshold")
        if scale is not None and threshold is not None and threshold > scale:
            self.add_error(
                "transfer_threshold",
                _("The threshold is between 1 and the highest score (%(max)s).") % {"max": scale},
            )
        return data


class CriterionForm(forms.Form):
    weight = forms.IntegerField(
        label=_("Weight"),
        min_value=1,
        max_value=100,
        initial=1,
        help_text=_("How much this criterion counts in the overall mean compared to the others."),
    )

    def __init__(self, *args, programme, criterion=None, count: int = 0, **kwargs):
        texts = (criterion.title, criterion.description) if criterion else ()
        locales = content_languages(programme, *texts)
        if criterion is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": criterion.title,
                    "description": criterion.description,
                    "weight": criterion.weight,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["title"] = i18n_field(_("Criterion"), locales, max_length=200)
        self.fields["description"] = i18n_field(
            _("What assessors look for"), locales, required=False, textarea=True, rows=2
        )
        order = ["title", "description", "weight"]
        if criterion is not None:
            self.fields["position"] = forms.IntegerField(
                label=_("Position"), min_value=1, max_value=max(count, 1)
            )
            self.initial.setdefault("position", criterion.display_position)
            order.append("position")
        self.order_fields(order)
