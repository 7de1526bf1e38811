"""A filter state of the public course search (``CourseQuery``): read from the query string and
written back in one stable order (``?q=…&field=04&region=DE-MV&…&sort=price&page=2``), so every
state has one readable URL; values the search cannot use are dropped rather than answered with an
error. Also the facets' fixed values: price bands, start-date choices, funding options."""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core import search

from .models import Course, CourseRun

PAGE_SIZE = 20
MAX_PAGE = 10_000
MAX_VALUES = 20  # per facet in one URL; more is not a person ticking boxes
MAX_QUERY_LENGTH = 200
MAX_COMPARE = 4

RELEVANCE, START, PRICE = "relevance", "start", "price"
SORTS = {RELEVANCE: _("Relevance"), START: _("Start date"), PRICE: _("Price")}

ONLINE = "online"
LABELLED = "1"
# Funding options: URL value → CourseRun field.
FUNDING = {
    "voucher": "funding_voucher",
    "upgrading_grant": "funding_upgrading_grant",
    "educational_leave": "funding_educational_leave",
    "employer": "funding_employer",
}
# Price bands: URL value → (label, SQL condition on the price column, its parameters).
PRICE_BANDS = {
    "free": (_("Free of charge"), "{c} = %s", (0,)),
    "0-500": (_("up to €500"), "({c} > %s AND {c} <= %s)", (0, 500)),
    "500-1500": (_("€500 to €1,500"), "({c} > %s AND {c} <= %s)", (500, 1500)),
    "1500-5000": (_("€1,500 to €5,000"), "({c} > %s AND {c} <= %s)", (1500, 5000)),
    "5000-": (_("over €5,000"), "{c} > %s", (5000,)),
    "request": (_("Price on request"), "{c} IS NULL", ()),
}
# Quick choices for the start date: URL value → label. The first three count cumulatively.
START_BANDS = {
    "30d": _("within 30 days"),
    "3m": _("within 3 months"),
    "6m": _("within 6 months"),
    "later": _("later"),
}

# Facet parameters in the order of the URL and the page ("from" and "to" follow "schedule").
FACET_PARAMS = ("field", "region", "format", "schedule", "price", "funding")
MORE_FACET_PARAMS = ("cert", "eqf", "lang", "label")
FACET_LABELS = {
    "field": _("Field of education"),
    "region": _("Region"),
    "format": _("Format"),
    "schedule": _("Schedule"),
    "start": _("Start date"),
    "price": _("Price"),
    "funding": _("Funding"),
    "cert": _("Certificate"),
    "eqf": _("EQF level"),
    "lang": _("Language of instruction"),
    "label": _("Quality label"),
}
_REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_FIELD = re.compile(r"^\d{2}$")


def _clean(name: str, value: str) -> str | None:
    """The value as the search uses it, or None when it cannot be a value of facet ``name``."""
    value = value.strip()[:20]
    if name == "field":
        return value if _FIELD.match(value) else None
    if name == "region":
        value = value.lower() if value.lower() == ONLINE else value.upper()
        return value if value == ONLINE or _REGION.match(value) else None
    if name == "lang":
        value = value.lower()
        return value if _LANGUAGE.match(value) else None
    allowed = {
        "format": Course.Format.values,
        "schedule": CourseRun.Schedule.values,
        "price": PRICE_BANDS,
        "funding": FUNDING,
        "cert": Course.Certificate.values,
        "eqf": [str(level) for level in range(1, 9)],
        "label": [LABELLED],
    }[name]
    return value if value in allowed else None


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip()) if value else None
    except ValueError:
        return None


def _getlist(params, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name, [])
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def _first(params, name: str) -> str:
    values = _getlist(params, name)
    return values[0] if values else ""


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def start_band_limits(today: datetime.date) -> dict[str, tuple]:
    """The quick start-date choices as (from, to) date ranges."""
    in_30_days = today + datetime.timedelta(days=30)
    in_3_months, in_6_months = add_months(today, 3), add_months(today, 6)
    return {
        "30d": (None, in_30_days),
        "3m": (None, in_3_months),
        "6m": (None, in_6_months),
        "later": (in_6_months + datetime.timedelta(days=1), None),
    }


def compare_ids(params) -> list[int]:
    """The run ids of ``c`` parameters, in their order, without repeats (any number: the
    comparison decides how many it takes)."""
    ids: list[int] = []
    for value in _getlist(params, "c")[:50]:
        try:
            number = int(value)
        except ValueError:
            continue
        if 0 < number < 2**63 and number not in ids:
            ids.append(number)
    return ids


@dataclass(frozen=True)
class CourseQuery:
    """A filter state of the course search. Values are cleaned and sorted, so equal states give
    equal URLs. ``compare`` carries the runs chosen for comparison (``c``) along."""

    q: str = ""
    facets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    start_from: datetime.date | None = None
    start_to: datetime.date | None = None
    sort: str = ""
    page: int = 1
    compare: tuple[int, ...] = ()

    @classmethod
    def from_params(cls, params) -> CourseQuery:
        """From a QueryDict (or any mapping of lists or values); unknown parameters and values
        that cannot be facet values are dropped."""
        facets = {}
        for name in (*FACET_PARAMS, *MORE_FACET_PARAMS):
            values = {v for raw in _getlist(params, name)[:100] if (v := _clean(name, raw or ""))}
            if values:
                facets[name] = tuple(sorted(values)[:MAX_VALUES])
        q = " ".join(_first(params, "q").split())[:MAX_QUERY_LENGTH]
        sort = _first(params, "sort")
        try:
            page = min(MAX_PAGE, max(1, int(_first(params, "page") or 1)))
        except ValueError:
            page = 1
        return cls(
            q=q,
            facets=facets,
            start_from=_date(_first(params, "from")),
            start_to=_date(_first(params, "to")),
            sort=sort if sort in SORTS else "",
            page=page,
            compare=tuple(compare_ids(params)[:MAX_COMPARE]),
        )

    @property
    def searching(self) -> bool:
        return bool(search.parse_query(self.q))

    @property
    def effective_sort(self) -> str:
        """Relevance only when there are words to rank by; the start date otherwise."""
        if self.sort == RELEVANCE or not self.sort:
            return RELEVANCE if self.searching else START
        return self.sort

    def params(self, *, page: bool = True, compare: bool = True) -> list[tuple[str, str]]:
        """(name, value) pairs in the stable URL order; defaults left out."""
        pairs = [("q", self.q)] if self.q else []
        for name in FACET_PARAMS[:4]:
            pairs += [(name, value) for value in self.facets.get(name, ())]
        if self.start_from:
            pairs.append(("from", self.start_from.isoformat()))
        if self.start_to:
            pairs.append(("to", self.start_to.isoformat()))
        for name in (*FACET_PARAMS[4:], *MORE_FACET_PARAMS):
            pairs += [(name, value) for value in self.facets.get(name, ())]
        if self.sort:
            pairs.append(("sort", self.sort))
        if page and self.page > 1:
            pairs.append(("page", str(self.page)))
        if compare:
            pairs += [("c", str(run_id)) for run_id in self.compare]
        return pairs

    def querystring(self, *, page: bool = True, compare: bool = True) -> str:
        pairs = self.params(page=page, compare=compare)
        return "?" + urlencode(pairs) if pairs else ""

    def sorted_by(self, sort: str) -> CourseQuery:
        """The state sorted by ``sort``, on the first page; the default order leaves no trace."""
        default = RELEVANCE if self.searching else START
        return replace(self, sort="" if sort == default else sort, page=1)

    def on_page(self, number: int) -> CourseQuery:
        return replace(self, page=number)

    def starting(self, start_from, start_to) -> CourseQuery:
        return replace(self, start_from=start_from, start_to=start_to, page=1)

    def comparing(self, run_ids: Iterable[int]) -> CourseQuery:
        return replace(self, compare=tuple(run_ids)[:MAX_COMPARE])

    @property
    def is_filtered(self) -> bool:
        """Words or filters: anything that narrows the search."""
        return bool(self.q or self.has_filters)

    @property
    def has_filters(self) -> bool:
        """Facet values or start dates chosen (the words aside)."""
        return bool(self.facets or self.start_from or self.start_to)

    def selected(self, name: str) -> tuple[str, ...]:
        return self.facets.get(name, ())
