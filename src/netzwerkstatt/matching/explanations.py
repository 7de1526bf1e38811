"""The parts of a score in words, in the active language.

The engine hands over each part as a key plus data (theme codes, organisation kinds, region and
language codes, counts); this module says the same as ``explain.explain_en`` through gettext,
with theme names from the vocabulary, kinds from ``Organisation.Kind``, regions and languages
from pycountry, all in the active language. So a coordinator reads and defends a score in German,
and a group's people read the reasons for their proposed partner in their own language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

TITLES = {
    "themes": gettext_lazy("Shared themes"),
    "complementarity": gettext_lazy("Offers meet needs"),
    "kinds": gettext_lazy("Complementary kinds of organisation"),
    "sector_mix": gettext_lazy("Public and private"),
    "regions": gettext_lazy("Preferred regions"),
    "languages": gettext_lazy("Common working language"),
    "text": gettext_lazy("Similar descriptions"),
}


@dataclass(frozen=True)
class Reason:
    """One part of a score, ready to show."""

    key: str
    title: str
    sentence: str
    points: float  # of the total, 0..100
    weight: float  # applied (after a missing description's weight was shared out)
    nominal_weight: float
    value: float  # 0..1

    @property
    def percent(self) -> float:
        return 100.0 * self.value


def and_list(items: Iterable[str]) -> str:
    """ "a, b and c" in the active language."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _kind(code: str) -> str:
    try:
        return str(Organisation.Kind(code).label)
    except ValueError:
        return code


def _region(code: str) -> str:
    return regions.region_name(code) if code else _("no region given")


class Explainer:
    """Renders parts as sentences. Theme names are read once per explainer (one query), so one
    explainer serves a whole page of pairs."""

    def __init__(self, theme_names: Mapping[str, str] | None = None) -> None:
        self._theme_names = dict(theme_names) if theme_names is not None else None

    def theme(self, code: str) -> str:
        if self._theme_names is None:
            self._theme_names = {t.code: str(t.name) for t in Theme.objects.all()}
        return self._theme_names.get(code, code)

    def reasons(self, parts: Sequence[Mapping[str, Any]], first: str, second: str) -> list[Reason]:
        """Every part in the engine's order; ``first`` and ``second`` name the two groups."""
        return [
            Reason(
                key=part["key"],
                title=str(TITLES.get(part["key"], part["key"])),
                sentence=self.sentence(part, first, second),
                points=100.0 * part["weight"] * part["value"],
                weight=part["weight"],
                nominal_weight=part["data"].get("nominal_weight", part["weight"]),
                value=part["value"],
            )
            for part in parts
        ]

    def strongest(
        self, parts: Sequence[Mapping[str, Any]], first: str, second: str, limit: int = 3
    ) -> list[Reason]:
        """The parts that add most to the score, best first (for short lists)."""
        scoring = [r for r in self.reasons(parts, first, second) if r.points > 0.005]
        return sorted(scoring, key=lambda r: -r.points)[:limit]

    def sentence(self, part: Mapping[str, Any], first: str, second: str) -> str:
        key, data, value = part["key"], part["data"], part["value"]
        method = getattr(self, f"_{key}", None)
        if method is None:
            raise ValueError(f"unknown part {key!r}")
        return method(data, value, first, second)

    def _themes(self, d, value, first, second) -> str:
        shared, named = d["shared"], d["named"]
        if shared:
            themes = and_list(self.theme(c) for c in shared)
            if len(shared) == named:
                return _("Both work on %(themes)s – all the themes they name.") % {"themes": themes}
            return _("Both work on %(themes)s (%(shared)d of the %(named)d themes they name).") % {
                "themes": themes,
                "shared": len(shared),
                "named": named,
            }
        if named:
            return _("They share none of the themes they name.")
        return _("Neither names a theme.")

    def _complementarity(self, d, value, first, second) -> str:
        said = []
        if d["left_meets"]:
            said.append(
                _("%(giver)s offers what %(taker)s seeks: %(what)s (%(count)d of %(of)d).")
                % {
                    "giver": first,
                    "taker": second,
                    "what": and_list(d["left_meets"]),
                    "count": len(d["left_meets"]),
                    "of": d["right_seeks"],
                }
            )
        if d["right_meets"]:
            said.append(
                _("%(giver)s offers what %(taker)s seeks: %(what)s (%(count)d of %(of)d).")
                % {
                    "giver": second,
                    "taker": first,
                    "what": and_list(d["right_meets"]),
                    "count": len(d["right_meets"]),
                    "of": d["left_seeks"],
                }
            )
        if said:
            return " ".join(said)
        if not d["left_seeks"] and not d["right_seeks"]:
            return _("Neither says what it seeks in a partner.")
        return _("Neither offers anything the other seeks.")

    def _kinds(self, d, value, first, second) -> str:
        only_left = and_list(_kind(k) for k in d["only_left"])
        only_right = and_list(_kind(k) for k in d["only_right"])
        if only_left and only_right:
            return _(
                "Complementary kinds of organisation: %(first)s adds %(left)s, %(second)s adds "
                "%(right)s."
            ) % {"first": first, "left": only_left, "second": second, "right": only_right}
        if only_left or only_right:
            return _("Complementary kinds of organisation: %(group)s adds %(kinds)s.") % {
                "group": first if only_left else second,
                "kinds": only_left or only_right,
            }
        if d["shared"]:
            return _("Both bring the same kinds of organisation (%(kinds)s).") % {
                "kinds": and_list(_kind(k) for k in d["shared"])
            }
        return _("Neither names the kinds of its organisations.")

    def _sector_mix(self, d, value, first, second) -> str:
        if value:
            return _("Together they combine public and private organisations.")
        if d["together"] == ["public"]:
            return _("Together they are public organisations only.")
        if d["together"] == ["private"]:
            return _("Together they are private organisations only.")
        return _("Neither says whether its organisations are public or private.")

    def _regions(self, d, value, first, second) -> str:
        left_region, right_region = _region(d["left_region"]), _region(d["right_region"])
        if d["left_prefers_right"] and d["right_prefers_left"]:
            return _(
                "Each prefers the other's region: %(first)s prefers %(right_region)s, "
                "%(second)s prefers %(left_region)s."
            ) % {
                "first": first,
                "second": second,
                "left_region": left_region,
                "right_region": right_region,
            }
        if d["left_prefers_right"] or d["right_prefers_left"]:
            chooser, chosen, region = (
                (first, second, right_region)
                if d["left_prefers_right"]
                else (second, first, left_region)
            )
            return _("%(chooser)s prefers the region of %(chosen)s (%(region)s).") % {
                "chooser": chooser,
                "chosen": chosen,
                "region": region,
            }
        return _("Neither names the other's region among its preferred regions.")

    def _languages(self, d, value, first, second) -> str:
        if d["common"]:
            return _("They can work together in %(languages)s.") % {
                "languages": and_list(regions.language_name(c) for c in d["common"])
            }
        return _("They have no working language in common.")

    def _text(self, d, value, first, second) -> str:
        if not d["measurable"]:
            return _(
                "The similarity of their descriptions cannot be measured (a description is "
                "missing); its weight is shared among the other parts."
            )
        if d["common_terms"]:
            return _(
                "Their descriptions are %(percent)d%% similar (shared letter sequences); common "
                "terms: %(terms)s."
            ) % {"percent": round(100 * value), "terms": ", ".join(d["common_terms"])}
        return _("Their descriptions are %(percent)d%% similar (shared letter sequences).") % {
            "percent": round(100 * value)
        }


def parts_as_data(parts) -> list[dict[str, Any]]:
    """The engine's ``Part`` objects as the JSON stored on a pair."""
    return [
        {"key": p.key, "weight": p.weight, "value": p.value, "data": dict(p.data)} for p in parts
    ]
