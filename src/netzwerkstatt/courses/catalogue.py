"""The public course search: which course runs a visitor finds, with the facet counts.

The result unit is a course run (one date of a course) among ``index.public_runs()``: listed runs
that have not started yet. Every value a facet filters or counts is a column of
``courses_courserun`` (the search copies ``index.py`` keeps), so a search reads one table, in two
statements whatever the number of results (plus one for the names of the fields):

1. Everything but the runs themselves, in one statement: ``WITH m AS MATERIALIZED (SELECT <facet
   columns>, <the number of the selected filter the run fails, 0 for none> AS missed FROM
   courses_courserun WHERE listed AND start_date >= today AND course_id IN (<text matches>) AND
   <at least all selected filters but one>), h AS MATERIALIZED (<the hits: missed = 0>)``, then
   per facet ``SELECT facet, value, COUNT(*) FROM h GROUP BY value``, and for a selected facet
   also over the runs of m that fail only its filter, the total, and the page's run ids in
   order, joined with UNION ALL. A facet's counts so ignore its own selection (standard faceted
   semantics): its other values keep the numbers they would give; a run failing two selected
   filters counts nowhere, which is why m needs no such run. Every arm reads only its few rows
   instead of all matches with every filter again. Sorted by relevance, m joins the matching
   index entries with their rank (computed once per course, in the pass that finds them);
   otherwise by start date, or by price with "on request" last. On PostgreSQL m comes from the
   covering index ``run_search`` alone (an index-only scan per matching course).
2. The page's runs with their course and provider, for display.

The SQL is written here from this module's constants, with a parameter for every value that
comes from the URL; it runs on SQLite (3.35 and later: MATERIALIZED, NULLS LAST) and PostgreSQL
alike. The exports and the API's lists read the same filters through ``matching_runs`` (a
queryset, iterated in chunks).

A filter state is a ``CourseQuery`` (``catalogue_query.py``: one readable URL per state); what
the public sees of a provider is in ``public_providers.py``.
"""

from __future__ import annotations

import datetime
import hashlib
import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connections, router
from django.db.models import BooleanField, F, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core import search
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import IscedField

from . import index
from .catalogue_query import (
    FACET_LABELS,
    FUNDING,
    LABELLED,
    MORE_FACET_PARAMS,
    ONLINE,
    PAGE_SIZE,
    PRICE,
    PRICE_BANDS,
    RELEVANCE,
    START,
    START_BANDS,
    CourseQuery,
    start_band_limits,
)
from .models import Course, CourseRun

# Filters as SQL --------------------------------------------------------------------------------

Condition = tuple[str, tuple]


def _in(column: str, values: Iterable) -> Condition:
    values = tuple(values)
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values


def _any(conditions: list[Condition]) -> Condition:
    if len(conditions) == 1:
        return conditions[0]
    sql = " OR ".join(part for part, _params in conditions)
    return f"({sql})", tuple(p for _part, params in conditions for p in params)


def conditions(query: CourseQuery, t: str, today: datetime.date) -> dict[str, Condition]:
    """The SQL condition of each selected facet (values of one facet ORed) on the columns of
    table or alias ``t``: facet name → (SQL, parameters)."""
    chosen: dict[str, Condition] = {}
    simple = {
        "field": "field_broad",
        "format": "format",
        "schedule": "schedule",
        "cert": "certificate",
        "lang": "language",
    }
    for name, column in simple.items():
        if values := query.selected(name):
            chosen[name] = _in(f"{t}.{column}", values)
    if values := query.selected("eqf"):
        chosen["eqf"] = _in(f"{t}.eqf", (int(v) for v in values))
    if values := query.selected("region"):
        parts = []
        if codes := [v for v in values if v != ONLINE]:
            parts.append(_in(f"{t}.region", codes))
        if ONLINE in values:
            parts.append((f"{t}.online", ()))
        chosen["region"] = _any(parts)
    if query.start_from or query.start_to:
        parts, params = [], []
        if query.start_from:
            parts.append(f"{t}.start_date >= %s")
            params.append(query.start_from)
        if query.start_to:
            parts.append(f"{t}.start_date <= %s")
            params.append(query.start_to)
        chosen["start"] = ("(" + " AND ".join(parts) + ")", tuple(params))
    if values := query.selected("price"):
        chosen["price"] = _any(
            [
                (PRICE_BANDS[v][1].format(c=f"{t}.price"), PRICE_BANDS[v][2])
                for v in PRICE_BANDS
                if v in values
            ]
        )
    if values := query.selected("funding"):
        chosen["funding"] = _any([(f"{t}.{FUNDING[v]}", ()) for v in FUNDING if v in values])
    if query.selected("label"):
        chosen["label"] = (f"{t}.label_until >= %s", (today,))
    return chosen


def _where(parts: list[Condition]) -> Condition:
    if not parts:
        return "", ()
    return " WHERE " + " AND ".join(sql for sql, _ in parts), tuple(
        p for _, params in parts for p in params
    )


def _connection():
    return connections[router.db_for_read(CourseRun)]


# The columns of the materialised set ``m``: what the facets count and the page sorts by. The
# derived values (start-date band, price band, funding options as bits) are computed by the arms
# that count them, so only over the rows they count.
_M_COLUMNS = (
    "r.id, r.field_broad, r.region, r.online, r.format, r.schedule, r.start_date, r.price, "
    "r.funding_voucher, r.funding_upgrading_grant, r.funding_educational_leave, "
    "r.funding_employer, r.certificate, r.eqf, r.language, r.label_until"
)
_START_BAND = (
    "CASE WHEN {t}.start_date <= %s THEN '30d' WHEN {t}.start_date <= %s THEN '3m' "
    "WHEN {t}.start_date <= %s THEN '6m' ELSE 'later' END"
)
_PRICE_BAND = (
    "CASE WHEN {t}.price IS NULL THEN 'request' WHEN {t}.price = 0 THEN 'free' "
    "WHEN {t}.price <= 500 THEN '0-500' WHEN {t}.price <= 1500 THEN '500-1500' "
    "WHEN {t}.price <= 5000 THEN '1500-5000' ELSE '5000-' END"
)
_FUNDING_MASK = (
    "CAST("
    + " + ".join(
        f"(CASE WHEN {{t}}.{column} THEN {2**bit} ELSE 0 END)"
        for bit, column in enumerate(FUNDING.values())
    )
    + " AS VARCHAR(3))"
)
# (facet, value SQL grouped by, extra condition or None): one arm of counts each. "total" and
# "label" count one value; the region facet has two arms, its regions and "online".
_ARMS = (
    ("total", "''", None),
    ("field", "{t}.field_broad", None),
    ("region", "{t}.region", "{t}.region <> ''"),
    ("online", f"'{ONLINE}'", "{t}.online"),
    ("format", "{t}.format", None),
    ("schedule", "{t}.schedule", None),
    ("start", _START_BAND, None),
    ("price", _PRICE_BAND, None),
    ("funding", _FUNDING_MASK, None),
    ("cert", "{t}.certificate", None),
    ("eqf", "CAST({t}.eqf AS VARCHAR(3))", "{t}.eqf IS NOT NULL"),
    ("lang", "{t}.language", None),
    ("label", f"'{LABELLED}'", "{t}.label_until >= %s"),
)
_ARM_FACET = {"online": "region", "total": None}
_ORDER = {
    RELEVANCE: "{t}.rank DESC, {t}.start_date, {t}.id",
    PRICE: "{t}.price ASC NULLS LAST, {t}.start_date, {t}.id",
    START: "{t}.start_date, {t}.id",
}


def _arm(arm, value_sql, extra, source, where: Condition, today, limits, alias=None):
    """``SELECT '<arm>', <value>, COUNT(*) FROM <source> WHERE … GROUP BY <value>``; ``alias``
    is the name of the source's rows (the source itself by default)."""
    params: list = []
    value = value_sql.format(t=alias or source)
    if "%s" in value:  # the start-date band's limits
        params += [limits["30d"][1], limits["3m"][1], limits["6m"][1]]
    parts = [where] if where[0] else []
    if extra:
        parts.append((extra.format(t=alias or source), (today,) if "%s" in extra else ()))
    arm_where, arm_params = _where(parts)
    params += arm_params
    group = " GROUP BY 2" if "{t}" in value_sql else ""
    return f"SELECT '{arm}', {value}, COUNT(*) FROM {source}{arm_where}{group}", params  # noqa: S608


def _statement(query: CourseQuery, today: datetime.date, page: int, connection) -> Condition:
    """The one statement of a search: the facet counts, the total and the page's run ids.

    With words, ``m`` holds the matching runs that pass every selected filter but at most one,
    with the number of the filter a run fails (``missed``, 0 for none); ``h`` the hits, those
    with ``missed = 0``. Each facet is counted over the hits, and a selected facet also over the
    runs that fail only its own filter: together the runs its values would give. Without words
    and with one facet chosen, ``h`` comes straight from the table, and that facet is counted
    from the table (``_browse``)."""
    sort = query.effective_sort
    matched = search.match_sql(Course, query.q, connection=connection, rank=sort == RELEVANCE)
    if not matched and sort == RELEVANCE:
        sort = START
    limits = start_band_limits(today)
    columns = _M_COLUMNS
    params: list = []  # of the columns, then of the FROM clause, then of the WHERE clause
    source, source_params = "courses_courserun r", ()
    where: list[Condition] = [("r.listed", ()), ("r.start_date >= %s", (today,))]
    if matched and sort == RELEVANCE:
        # Ranked once per matching course, in the same pass that finds it.
        source += f" JOIN ({matched[0]}) t ON t.object_id = r.course_id"
        source_params = matched[1]
        columns += ", t.rank"
    elif matched:
        where.append((f"r.course_id IN ({matched[0]})", matched[1]))
    base = conditions(query, "r", today)
    numbers = {name: number for number, name in enumerate(base, start=1)}
    arms: list[str] = []
    browsing = len(base) == 1 and not matched
    if browsing:
        # Without words and with one facet chosen, m would be every public run: that facet is
        # counted straight from the table, and only the hits are materialised. (With two or
        # more, one pass for m costs less than a pass over the table per facet.)
        ctes, hits = _browse(base, where, today, limits, arms, params)
    else:
        ctes, hits = _matching(base, numbers, columns, source, source_params, where, params)
        for arm, value_sql, extra in _ARMS:
            facet = _ARM_FACET.get(arm, arm)
            # A run failing only the label filter has no label: nothing to add for that facet.
            if facet in numbers and facet != "label":
                sql, arm_params = _arm(
                    arm, value_sql, extra, "m", ("m.missed = %s", (numbers[facet],)), today, limits
                )
                arms.append(sql)
                params += arm_params
    for arm, value_sql, extra in _ARMS:
        if browsing and _ARM_FACET.get(arm, arm) in numbers:
            continue  # counted from the table above, hits included
        sql, arm_params = _arm(arm, value_sql, extra, hits, ("", ()), today, limits)
        arms.append(sql)
        params += arm_params
    # The page: its ids, numbered in their order (a compound SELECT keeps no order of its own).
    rank = f", {hits}.rank" if sort == RELEVANCE else ""
    arms.append(
        f"SELECT 'page', CAST(p.id AS VARCHAR(20)), "  # noqa: S608
        f"ROW_NUMBER() OVER (ORDER BY {_ORDER[sort].format(t='p')}) FROM "
        f"(SELECT {hits}.id, {hits}.start_date, {hits}.price{rank} FROM {hits} "
        f"ORDER BY {_ORDER[sort].format(t=hits)} LIMIT %s OFFSET %s) p"
    )
    params += [PAGE_SIZE, (page - 1) * PAGE_SIZE]
    sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(arms)
    # Only constants of this module are written into the SQL; every value is a parameter.
    return sql, tuple(params)


def _matching(base, numbers, columns, source, source_params, where, params):
    """The CTEs m (runs failing at most one filter, with ``missed``) and h (the hits); appends
    their parameters to ``params``. Returns (CTEs, the name of the hits)."""
    if base:
        # The number of the first filter the run fails: with m limited as below, the only one.
        missed, missed_params = "0", ()
        for name in reversed(base):
            sql, cond_params = base[name]
            missed = f"CASE WHEN {sql} THEN {missed} ELSE {numbers[name]} END"
            missed_params = (*cond_params, *missed_params)
        columns += f", {missed} AS missed"
        params += missed_params
    if len(base) >= 2:
        # A run failing two selected filters counts nowhere: m needs only the runs that pass
        # every selected filter but one, with three facets chosen a small part of the matches.
        cases = " + ".join(f"(CASE WHEN {sql} THEN 1 ELSE 0 END)" for sql, _ in base.values())
        case_params = tuple(p for _, ps in base.values() for p in ps)
        where = [*where, (f"({cases}) >= %s", (*case_params, len(base) - 1))]
    where_sql, where_params = _where(where)
    params += [*source_params, *where_params]
    ctes = [f"m AS MATERIALIZED (SELECT {columns} FROM {source}{where_sql})"]  # noqa: S608
    if not base:
        return ctes, "m"
    ctes.append("h AS MATERIALIZED (SELECT * FROM m WHERE m.missed = 0)")
    return ctes, "h"


def _browse(base, where, today, limits, arms, params):
    """Without words: the CTE h (the hits), and per selected facet its counts straight from the
    table with every other filter (appended to ``arms``). Returns (CTEs, "h")."""
    where_sql, where_params = _where([*where, *base.values()])
    params += where_params
    ctes = [f"h AS MATERIALIZED (SELECT {_M_COLUMNS} FROM courses_courserun r{where_sql})"]  # noqa: S608
    for arm, value_sql, extra in _ARMS:
        facet = _ARM_FACET.get(arm, arm)
        if facet in base:
            others = _where([*where, *(c for name, c in base.items() if name != facet)])
            sql, arm_params = _arm(
                arm,
                value_sql,
                extra,
                "courses_courserun r",
                (others[0].removeprefix(" WHERE "), others[1]),
                today,
                limits,
                alias="r",
            )
            arms.append(sql)
            params += arm_params
    return ctes, "h"


# A search without words but with filters only (or none at all) counts among all public runs: on a
# country-sized database that takes up to a second, and such pages ("courses in Bavaria") are
# the most visited. So when computing one was slow, its figures are kept a while: new offers
# appear on it within BROWSE_CACHE_SECONDS. Every search with words is always fresh, and so is
# every page on a database small enough to answer quickly.
BROWSE_SLOW_SECONDS = 0.5
BROWSE_CACHE_SECONDS = 600


def search_rows(
    query: CourseQuery, today: datetime.date, page: int
) -> tuple[int, dict[str, dict], list[int]]:
    """(total, {facet: {value: count}}, the run ids of ``page``) in one statement; for a search
    without words, from the cache when computing it was slow."""
    if query.q:
        return _search_rows(query, today, page)
    state = hashlib.sha256(query.on_page(page).querystring(compare=False).encode()).hexdigest()
    key = f"courses:browse:{today.isoformat()}:{state}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    started = time.perf_counter()
    result = _search_rows(query, today, page)
    if time.perf_counter() - started > BROWSE_SLOW_SECONDS:
        cache.set(key, result, BROWSE_CACHE_SECONDS)
    return result


def _search_rows(
    query: CourseQuery, today: datetime.date, page: int
) -> tuple[int, dict[str, dict], list[int]]:
    connection = _connection()
    with connection.cursor() as cursor:
        cursor.execute(*_statement(query, today, page, connection))
        rows = cursor.fetchall()
    total = 0
    counts: dict[str, dict] = {name: {} for name in FACET_LABELS}
    page_rows = []
    for facet, value, count in rows:
        # A selected facet comes in two arms (hits, and runs failing only its filter): add up.
        if facet == "total":
            total = count
        elif facet == "page":
            page_rows.append((count, int(value)))
        elif facet == "online":
            if count:
                counts["region"][ONLINE] = counts["region"].get(ONLINE, 0) + count
        elif facet == "funding":
            mask = int(value)
            for bit, name in enumerate(FUNDING):
                if mask & 2**bit:
                    counts["funding"][name] = counts["funding"].get(name, 0) + count
        elif facet == "label":
            if count:
                counts["label"][LABELLED] = counts["label"].get(LABELLED, 0) + count
        elif value is not None:
            counts[facet][str(value)] = counts[facet].get(str(value), 0) + count
    start = counts["start"]
    start["3m"] = start.get("30d", 0) + start.get("3m", 0)
    start["6m"] = start["3m"] + start.get("6m", 0)
    return total, counts, [run_id for _number, run_id in sorted(page_rows)]


def matching_runs(
    query: CourseQuery, *, provider: Organisation | None = None, today: datetime.date | None = None
) -> QuerySet[CourseRun]:
    """The public runs matching the words and every selected facet, as a queryset ordered by the
    start date (or the price): for the exports and the API's lists."""
    today = today or timezone.localdate()
    runs = index.public_runs(today)
    if provider is not None:
        runs = runs.filter(provider=provider)
    matched = search.match_sql(Course, query.q, connection=_connection(), rank=False)
    if matched:
        runs = runs.filter(course_id__in=RawSQL(*matched))  # noqa: S611 - parameters
    table = CourseRun._meta.db_table
    for sql, params in conditions(query, table, today).values():
        runs = runs.filter(RawSQL(sql, params, output_field=BooleanField()))  # noqa: S611
    if query.effective_sort == PRICE:
        return runs.order_by(F("price").asc(nulls_last=True), "start_date", "pk")
    return runs.order_by("start_date", "pk")


def for_display(runs: QuerySet[CourseRun]) -> QuerySet[CourseRun]:
    return runs.select_related("course__field", "course__organisation", "provider")


# The search page -------------------------------------------------------------------------------


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""  # the start-date choices are links


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]

    @property
    def selected_count(self) -> int:
        return sum(option.selected for option in self.options)


@dataclass
class SearchResult:
    query: CourseQuery
    total: int
    page: int
    num_pages: int
    runs: list[CourseRun]
    facets: list[FacetGroup] = field(default_factory=list)

    @property
    def start_index(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def run_search(query: CourseQuery, *, today: datetime.date | None = None) -> SearchResult:
    today = today or timezone.localdate()
    total, counts, ids = search_rows(query, today, query.page)
    num_pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(query.page, num_pages)
    if page != query.page:  # past the last page: the last one, asked for again
        total, counts, ids = search_rows(query, today, page)
    by_id = {run.pk: run for run in for_display(CourseRun.objects.filter(pk__in=ids))}
    runs = [by_id[pk] for pk in ids if pk in by_id]
    mark_labels(runs, today)
    return SearchResult(
        query=query,
        total=total,
        page=page,
        num_pages=num_pages,
        runs=runs,
        facets=facet_groups(query, counts, today),
    )


def mark_labels(runs: Iterable[CourseRun], today: datetime.date) -> None:
    for run in runs:
        run.labelled = bool(run.label_until and run.label_until >= today)


def _choice_labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def facet_groups(
    query: CourseQuery, counts: Mapping[str, Mapping[str, int]], today: datetime.date
) -> list[FacetGroup]:
    """The facets as the page shows them: each value with its count and whether it is selected;
    values without results are left out unless selected. Fixed lists keep their own order,
    regions and languages go by name."""
    funding_labels = {
        name: capfirst(str(CourseRun._meta.get_field(column).verbose_name))
        for name, column in FUNDING.items()
    }
    orders: dict[str, dict[str, str]] = {
        "field": {
            code: str(name)
            for code, name in IscedField.objects.filter(level=IscedField.Level.BROAD).values_list(
                "code", "name"
            )
        },
        "format": _choice_labels(Course.Format.choices),
        "schedule": _choice_labels(CourseRun.Schedule.choices),
        "price": {value: str(band[0]) for value, band in PRICE_BANDS.items()},
        "funding": funding_labels,
        "cert": _choice_labels(Course.Certificate.choices),
        "eqf": {
            str(level): str(_("EQF level %(level)s") % {"level": level}) for level in range(1, 9)
        },
        "label": {LABELLED: str(_("With the cluster's quality label"))},
    }
    groups = []
    for name in ("field", "region", "format", "schedule", "start", "price", "funding"):
        groups.append(_group(name, query, counts, orders, today))
    for name in MORE_FACET_PARAMS:
        groups.append(_group(name, query, counts, orders, today))
    return groups


def _group(name, query, counts, orders, today) -> FacetGroup:
    found = counts.get(name, {})
    if name == "start":
        options = []
        for value, (start_from, start_to) in start_band_limits(today).items():
            chosen = (query.start_from, query.start_to) == (start_from, start_to)
            if found.get(value) or chosen:
                url = query.starting(start_from, start_to).querystring()
                options.append(
                    FacetOption(value, str(START_BANDS[value]), found.get(value, 0), chosen, url)
                )
        return FacetGroup(name, str(FACET_LABELS[name]), options)
    selected = set(query.selected(name))
    values = set(found) | selected
    if name in orders:
        labels = orders[name]
        ordered = [v for v in labels if v in values] + sorted(values - set(labels))
    else:
        if name == "region":
            labels = {
                v: str(_("Online")) if v == ONLINE else regions.region_name(v) for v in values
            }
        else:
            labels = {v: regions.language_name(v) for v in values}
        ordered = sorted(values, key=lambda v: (v != ONLINE, labels[v].casefold()))
    options = [
        FacetOption(value, labels.get(value, value), found.get(value, 0), value in selected)
        for value in ordered
    ]
    return FacetGroup(name, str(FACET_LABELS[name]), options)
