"""The coordinator's rules for a round, and the weights of the parts of a score.

Pairs that must (not) be matched are rows of two selects, one group from each side, in a small
formset with a few empty rows (no JavaScript needed to add one: the next page has new empty rows
again). The weights are relative importances; the engine scales them to add up to 1.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields

from django import forms
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.vocabularies import regions

from . import engine
from .explanations import TITLES
from .profiles import Pool

EMPTY_ROWS = 2


def _side_name(pool: Pool, side: str) -> str:
    codes = pool.sides.left if side == "left" else pool.sides.right
    return ", ".join(regions.country_name(c) for c in codes)


def _group_choices(groups) -> list[tuple[str, str]]:
    return [("", "—"), *((str(g.pk), g.name) for g in groups)]


class PairForm(forms.Form):
    left = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    right = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, pool: Pool, row_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["left"].choices = _group_choices(pool.left)
        self.fields["right"].choices = _group_choices(pool.right)
        self.fields["left"].label = _("%(row)s: group from %(side)s") % {
            "row": row_label,
            "side": _side_name(pool, "left"),
        }
        self.fields["right"].label = _("%(row)s: group from %(side)s") % {
            "row": row_label,
            "side": _side_name(pool, "right"),
        }

    def clean(self):
        data = super().clean()
        left, right = data.get("left"), data.get("right")
        has_errors = self.has_error("left") or self.has_error("right")
        if (left is None) != (right is None) and not has_errors:
            missing = "right" if right is None else "left"
            self.add_error(missing, _("Choose a group on both sides, or on neither."))
        return data

    def pair(self) -> tuple[int, int] | None:
        data = getattr(self, "cleaned_data", {})
        if data.get("left") is None or data.get("right") is None:
            return None
        return (data["left"], data["right"])


class PairFormSet(forms.BaseFormSet):
    def __init__(self, *args, pool: Pool, row_label: str, **kwargs):
        self.pool = pool
        self.row_label = row_label
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        label = self.row_label % {"number": (index or 0) + 1}
        return {"pool": self.pool, "row_label": label}

    def pairs(self) -> frozenset[tuple[int, int]]:
        return frozenset(p for form in self.forms if (p := form.pair()) is not None)


PairFormSetFactory = forms.formset_factory(PairForm, formset=PairFormSet, extra=EMPTY_ROWS)


class RulesForm(forms.Form):
    min_score = forms.DecimalField(
        label=_("Lowest score for a pair"),
        min_value=0,
        max_value=100,
        decimal_places=1,
        initial=0,
        help_text=_(
            "Pairs scoring less (of 100) are not proposed. Pairs that must be matched are "
            "proposed whatever their score."
        ),
    )
    excluded = forms.TypedMultipleChoiceField(
        label=_("Groups left out of this round"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They are neither matched nor listed as unmatched."),
    )

    def __init__(self, *args, pool: Pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["excluded"].choices = [
            (_side_name(pool, "left"), [(g.pk, g.name) for g in pool.left]),
            (_side_name(pool, "right"), [(g.pk, g.name) for g in pool.right]),
        ]


def _weight_field(key: str) -> forms.IntegerField:
    return forms.IntegerField(label=TITLES[key], min_value=0, max_value=100)


class WeightsForm(forms.Form):
    """Relative importance of each part; the defaults add up to 100."""

    themes = _weight_field("themes")
    complementarity = _weight_field("complementarity")
    kinds = _weight_field("kinds")
    sector_mix = _weight_field("sector_mix")
    regions = _weight_field("regions")
    languages = _weight_field("languages")
    text = _weight_field("text")

    def __init__(self, *args, weights: engine.Weights | None = None, **kwargs):
        current = (weights or engine.DEFAULT_WEIGHTS).as_dict()
        kwargs.setdefault("initial", {k: round(100 * v) for k, v in current.items()})
        super().__init__(*args, prefix="weight", **kwargs)

    def clean(self):
        data = super().clean()
        keys = [f.name for f in dataclass_fields(engine.Weights)]
        if all(k in data for k in keys) and not any(data[k] for k in keys):
            raise forms.ValidationError(
                _("Give at least one part a weight above 0."), code="all_zero"
            )
        return data

    def weights(self) -> engine.Weights:
        keys = [f.name for f in dataclass_fields(engine.Weights)]
        return engine.Weights.relative(**{k: float(self.cleaned_data[k]) for k in keys})


def weights_from(stored: dict) -> engine.Weights | None:
    """The weights a round ran with, or None when they are missing or no longer valid."""
    try:
        return engine.Weights(**stored) if stored else None
    except (TypeError, ValueError):
        return None


class ProposalForms:
    """The rules form, the two pair formsets and the weights, bound and validated together."""

    def __init__(self, data, *, pool: Pool, previous=None):
        rules = (previous.rules if previous else None) or {}
        in_pool = pool.groups.keys()

        def rows(key):
            return [
                {"left": left, "right": right}
                for left, right in rules.get(key, [])
                if left in in_pool and right in in_pool
            ]

        self.pool = pool
        self.rules = RulesForm(
            data,
            pool=pool,
            initial={
                "min_score": rules.get("min_score", 0),
                "excluded": [g for g in rules.get("excluded", []) if g in in_pool],
            },
        )
        self.must_match = PairFormSetFactory(
            data,
            prefix="must_match",
            pool=pool,
            row_label=str(_("Pair %(number)s")),
            initial=rows("must_match"),
        )
        self.must_not = PairFormSetFactory(
            data,
            prefix="must_not",
            pool=pool,
            row_label=str(_("Pair %(number)s")),
            initial=rows("must_not"),
        )
        self.weights = WeightsForm(
            data, weights=weights_from(previous.weights) if previous else None
        )

    def is_valid(self) -> bool:
        return all(
            [
                self.rules.is_valid(),
                self.must_match.is_valid(),
                self.must_not.is_valid(),
                self.weights.is_valid(),
            ]
        )

    def engine_rules(self) -> engine.Rules:
        return engine.Rules(
            must_match=self.must_match.pairs(),
            must_not=self.must_not.pairs(),
            min_score=float(self.rules.cleaned_data["min_score"]),
            excluded=frozenset(self.rules.cleaned_data["excluded"]),
        )

    def add_service_errors(self, error) -> None:
        """Errors of ``services.propose_round`` next to what they are about."""
        if not hasattr(error, "error_dict"):
            self.rules.add_error(None, error)
            return
        for key, errors in error.error_dict.items():
            if key == "must_match":
                self.must_match._non_form_errors = self.must_match.error_class(
                    [m for e in errors for m in e.messages], error_class="nonform"
                )
            elif key in self.rules.fields:
                self.rules.add_error(key, errors)
            else:
                self.rules.add_error(None, errors)

    @property
    def has_errors(self) -> bool:
        return bool(
            self.rules.errors
            or self.weights.errors
            or self.must_match.total_error_count()
            or self.must_not.total_error_count()
        )
