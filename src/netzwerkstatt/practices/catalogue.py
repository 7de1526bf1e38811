"""The public catalogue of good practice: which practices a visitor finds, and how a filter state
becomes a readable URL and back.

One ``CatalogueQuery`` (search words, facet values, sort, page) is read from the query string by
the page, the CSV and JSON downloads, the API and the feed alike, and written back in one stable
parameter order (``?q=…&theme=…&country=IT&page=2``), so every filter state has one URL.

Facets: themes, the programme, the original language and the "ready for transfer" label go
through ``core.search`` (``Facet``); countries, kinds of organisation and target groups are JSON
lists on the practice, filtered and counted here with the database's JSON functions (SQLite
``json_each``, PostgreSQL ``jsonb_array_elements_text`` and ``?|``), one GROUP BY each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db import NotSupportedError, connections, models
from django.db.models import F, Prefetch, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core import search
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.queries import visible_programmes
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme

from .models import Practice, PracticeTranslation, TargetGroup

PAGE_SIZE = 20
FEED_SIZE = 50
MAX_VALUES = 20  # per facet in one URL; more is not a person clicking
MAX_QUERY_LENGTH = 200
READY_FOR_TRANSFER = "ready-for-transfer"
READY_LABEL = _("Ready for transfer")

RELEVANCE, NEWEST, TITLE = "relevance", "newest", "title"
SORTS = {
    RELEVANCE: _("Relevance"),
    NEWEST: _("Newest"),
    TITLE: _("Title"),
}
# Facet parameters in the order of the URL and the page.
FACET_PARAMS = ("theme", "country", "kind", "target_group", "language", "label", "programme")
FACET_LABELS = {
    "theme": _("Theme"),
    "country": _("Country"),
    "kind": _("Organisations involved"),
    "target_group": _("Target group"),
    "language": _("Original language"),
    "label": _("Label"),
    "programme": _("Programme"),
}
# The facets kept in JSON lists on the practice: parameter → field.
LIST_FACETS = {
    "country": "countries",
    "kind": "organisation_kinds",
    "target_group": "target_groups",
}


@dataclass(frozen=True)
class CatalogueQuery:
    """A filter state of the catalogue. Values are cleaned and sorted, so equal states give equal
    URLs."""

    q: str = ""
    facets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1

    @classmethod
    def from_params(cls, params) -> CatalogueQuery:
        """From a QueryDict (or any mapping of lists); unknown parameters and values that cannot
        be facet values are dropped."""
        getlist = params.getlist if hasattr(params, "getlist") else lambda k: params.get(k, [])
        facets = {}
        for name in FACET_PARAMS:
            values = {v.strip()[:100] for v in getlist(name) if v and v.strip()}
            if name == "country":
                values = {v.upper() for v in values}
            if name == "label":
                values &= {READY_FOR_TRANSFER}
            if values:
                facets[name] = tuple(sorted(values)[:MAX_VALUES])
        q = " ".join((_first(params, "q") or "").split())[:MAX_QUERY_LENGTH]
        sort = _first(params, "sort") or ""
        try:
            page = max(1, int(_first(params, "page") or 1))
        except ValueError:
            page = 1
        return cls(q=q, facets=facets, sort=sort if sort in SORTS else "", page=page)

    @property
    def searching(self) -> bool:
        return bool(search.parse_query(self.q))

    @property
    def effective_sort(self) -> str:
        """Relevance only when there are words to rank by; newest first otherwise."""
        if self.sort == RELEVANCE or not self.sort:
            return RELEVANCE if self.searching else NEWEST
        return self.sort

    def selected(self) -> dict[str, list]:
        """The facet values as the ORM filters them."""
        chosen: dict[str, list] = {name: list(values) for name, values in self.facets.items()}
        if "label" in chosen:
            chosen["label"] = [True]
        return chosen

    def params(self, *, page: bool = True) -> list[tuple[str, str]]:
        """(name, value) pairs in the stable URL order; defaults left out."""
        pairs = [("q", self.q)] if self.q else []
        for name in FACET_PARAMS:
            pairs += [(name, value) for value in self.facets.get(name, ())]
        if self.sort:
            pairs.append(("sort", self.sort))
        if page and self.page > 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def querystring(self, *, page: bool = True) -> str:
        pairs = self.params(page=page)
        return "?" + urlencode(pairs) if pairs else ""

    def toggled(self, name: str, value: str) -> CatalogueQuery:
        """The state with ``value`` of facet ``name`` switched on or off, on the first page."""
        values = set(self.facets.get(name, ()))
        values ^= {value}
        facets = {k: v for k, v in self.facets.items() if k != name}
        if values:
            facets[name] = tuple(sorted(values))
        return replace(self, facets=facets, page=1)

    def sorted_by(self, sort: str) -> CatalogueQuery:
        """The state sorted by ``sort``, on the first page; the default order leaves no trace in
        the URL."""
        default = RELEVANCE if self.searching else NEWEST
        return replace(self, sort="" if sort == default else sort, page=1)

    def on_page(self, number: int) -> CatalogueQuery:
        return replace(self, page=number)

    @property
    def is_filtered(self) -> bool:
        return bool(self.q or self.facets)


def _first(params, name: str) -> str | None:
    if hasattr(params, "get") and not hasattr(params, "getlist"):
        value = params.get(name)
        return value[0] if isinstance(value, list | tuple) and value else value
    return params.get(name)


# Which practices -------------------------------------------------------------------------------


def published_practices(user) -> QuerySet[Practice]:
    """Published practices of the programmes this person may see (the public programmes for a
    visitor); the same rule as ``practices.view_practice`` for published practices."""
    return Practice.objects.filter(
        status=Practice.Status.PUBLISHED, programme__in=visible_programmes(user).values("pk")
    )


class _ListHasAny(models.Expression):
    """True when the JSON list in the column holds any of ``values``."""

    output_field = models.BooleanField()

    def __init__(self, column, values):
        super().__init__()
        self.column = column
        self.values = list(values)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        column_sql, column_params = compiler.compile(self.column)
        if connection.vendor == "sqlite":
            marks = ", ".join(["%s"] * len(self.values))
            sql = f"EXISTS (SELECT 1 FROM json_each({column_sql}) j WHERE j.value IN ({marks}))"  # noqa: S608
            return sql, (*column_params, *self.values)
        if connection.vendor == "postgresql":
            return f"({column_sql} ?| %s::text[])", (*column_params, self.values)
        raise NotSupportedError(f"List facets are not implemented for {connection.vendor}.")


def _filter_lists(queryset: QuerySet, selected: Mapping, *, exclude: str | None = None):
    for name, column in LIST_FACETS.items():
        values = selected.get(name)
        if values and name != exclude:
            queryset = queryset.filter(_ListHasAny(F(column), values))
    return queryset


def _list_counts(queryset: QuerySet, column: str) -> dict[str, int]:
    """How many of the practices in ``queryset`` name each value of the JSON list ``column``:
    one GROUP BY over the list's elements."""
    connection = connections[queryset.db]
    inner, params = queryset.order_by().values("pk").query.sql_with_params()
    table = connection.ops.quote_name(Practice._meta.db_table)
    column = connection.ops.quote_name(column)
    if connection.vendor == "sqlite":
        elements = f"{table} p, json_each(p.{column}) j"
    elif connection.vendor == "postgresql":
        elements = f"{table} p CROSS JOIN LATERAL jsonb_array_elements_text(p.{column}) AS j(value)"
    else:
        raise NotSupportedError(f"List facets are not implemented for {connection.vendor}.")
    sql = (
        f"SELECT j.value, COUNT(DISTINCT p.id) FROM {elements} "  # noqa: S608 - names quoted
        f"WHERE p.id IN ({inner}) GROUP BY j.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {str(value): count for value, count in cursor.fetchall() if value is not None}


def _facets(labels: Mapping[str, Mapping]) -> list[search.Facet]:
    return [
        search.Facet("theme", "themes__code", label_for=lambda v: labels["theme"].get(v, v)),
        search.Facet("language", "language", label_for=regions.language_name),
        search.Facet("label", "ready_for_transfer", label_for=lambda v: str(READY_LABEL)),
        search.Facet(
            "programme", "programme__slug", label_for=lambda v: labels["programme"].get(v, v)
        ),
    ]


def _list_label(name: str, value: str) -> str:
    if name == "country":
        return regions.country_name(value)
    if name == "kind":
        return str(dict(Organisation.Kind.choices).get(value, value))
    return str(dict(TargetGroup.choices).get(value, value))


@dataclass
class FacetLink:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetGroup:
    name: str
    label: str
    values: list[FacetLink]


@dataclass
class Catalogue:
    query: CatalogueQuery
    results: QuerySet[Practice]  # filtered, sorted, not yet paginated
    facet_groups: list[FacetGroup] = field(default_factory=list)


def filtered(user, query: CatalogueQuery) -> QuerySet[Practice]:
    """The practices matching the query, sorted (no facet counts): for the downloads, the API
    and the page."""
    selected = query.selected()
    sort = query.effective_sort
    practices = search.search(published_practices(user), query.q, rank=sort == RELEVANCE)
    practices = _filter_lists(search.filter_facets(practices, _facets({}), selected), selected)
    if sort == RELEVANCE:
        return practices.order_by("-search_rank", "-published_at", "-pk")
    if sort == TITLE:
        return practices.order_by(Lower("title"), "pk")
    return practices.order_by("-published_at", "-pk")


def with_display(queryset: QuerySet[Practice], language: str | None = None) -> QuerySet[Practice]:
    """What a list of practices shows: owner, programme, themes, and the translation into the
    visitor's language (``shown_translations``) where there is one."""
    language = (language or get_language() or "")[:2]
    return queryset.select_related("organisation", "programme").prefetch_related(
        "themes",
        Prefetch(
            "translations",
            queryset=PracticeTranslation.objects.filter(language=language),
            to_attr="shown_translations",
        ),
    )


def catalogue(user, query: CatalogueQuery) -> Catalogue:
    """The results and the facets with counts: the counts of a facet are computed with every
    selected filter except its own, so its other values keep the numbers they would give."""
    selected = query.selected()
    labels = {
        "theme": {theme.code: str(theme.name) for theme in Theme.objects.all()},
        "programme": dict(visible_programmes(user).values_list("slug", "name")),
    }
    facets = _facets(labels)
    searched = search.search(published_practices(user), query.q, rank=False)
    counted = search.facet_counts(_filter_lists(searched, selected), facets, selected)
    by_facet_filtered = search.filter_facets(searched, facets, selected)
    groups: dict[str, FacetGroup] = {}
    for name in FACET_PARAMS:
        if name in LIST_FACETS:
            counts = _list_counts(
                _filter_lists(by_facet_filtered, selected, exclude=name), LIST_FACETS[name]
            )
            chosen = set(query.facets.get(name, ()))
            items = [(v, _list_label(name, v), n, v in chosen) for v, n in counts.items()]
            items += [(v, _list_label(name, v), 0, True) for v in sorted(chosen - set(counts))]
        else:
            items = [
                (_url_value(name, item.value), item.label, item.count, item.selected)
                for item in counted[name].values
                if not (name == "label" and item.value is False)
            ]
        items.sort(key=lambda item: (-item[2], item[1].casefold()))
        groups[name] = FacetGroup(
            name=name,
            label=str(FACET_LABELS[name]),
            values=[
                FacetLink(value, label, count, chosen_, query.toggled(name, value).querystring())
                for value, label, count, chosen_ in items
            ],
        )
    return Catalogue(
        query=query,
        results=filtered(user, query),
        facet_groups=[groups[name] for name in FACET_PARAMS],
    )


def _url_value(name: str, value) -> str:
    if name == "label":
        return READY_FOR_TRANSFER
    return str(value)
