"""The search's facet counts against a plain Python reading of the same rules, on a varied
catalogue: for many combinations of words and selected filters, every facet value counts the
public runs that pass every selected filter except that facet's own, and the total and the page
are the runs that pass them all. The one statement in catalogue.py reaches these numbers by a
different road (runs failing at most one filter, counted once over the hits and once per
selected facet), so this is the check that the road arrives."""

from __future__ import annotations

import datetime
import random

import pytest
from django.http import QueryDict
from django.utils import timezone

from netzwerkstatt.core import search
from netzwerkstatt.courses.catalogue import run_search
from netzwerkstatt.courses.catalogue_query import FUNDING, CourseQuery, start_band_limits
from netzwerkstatt.courses.models import Course, CourseRun
from netzwerkstatt.vocabularies.models import IscedField
from tests.courses.factories import CourseFactory, CourseRunFactory, listed_provider
from tests.courses.factories_public import give_label
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

REGIONS = ["DE-MV", "DE-HH", "DE-SH", ""]
SCHEDULES = [choice for choice, _label in CourseRun.Schedule.choices]
PRICES = [None, 0, 300, 500, 501, 1500, 2000, 5000, 9000]
FIELDS = ["0715", "0913", "0413", "0611", "0223"]
TITLES = ["Schweißkurs", "Pflegekurs", "Buchhaltung", "Python", "Deutsch"]


@pytest.fixture
def varied():
    """Four providers (one labelled until after today, one whose label ran out), ten courses
    and 70 runs with attributes drawn from a fixed seed, some of them in the past."""
    rng = random.Random(7)
    today = timezone.localdate()
    cluster = ProgrammeFactory(slug="netz")
    providers = [listed_provider(cluster, slug=f"anbieter-{n}") for n in range(4)]
    give_label(providers[0], cluster, today + datetime.timedelta(days=60))
    give_label(providers[1], cluster, today - datetime.timedelta(days=1))
    courses = [
        CourseFactory(
            organisation=providers[n % 4],
            title=f"{TITLES[n % 5]} {'für Einsteiger' if n < 5 else 'für Fortgeschrittene'}",
            field=IscedField.objects.get(code=FIELDS[n % 5]),
            eqf_level=rng.choice([None, 2, 3, 4, 6]),
            certificate=rng.choice(["chamber", "provider", "attendance", "none"]),
            language=rng.choice(["de", "de", "en", "it"]),
            format=rng.choice(["in_person", "online", "blended"]),
        )
        for n in range(10)
    ]
    for n in range(70):
        region = rng.choice(REGIONS)
        start = today + datetime.timedelta(days=rng.randint(-20, 260))
        CourseRunFactory(
            course=courses[n % 10],
            start_date=start,
            end_date=start + datetime.timedelta(days=20),
            schedule=rng.choice(SCHEDULES),
            region=region,
            city="Schwerin" if region else "",
            online=not region or rng.random() < 0.2,
            price=rng.choice(PRICES),
            **{column: rng.random() < 0.3 for column in FUNDING.values()},
        )
    search.index_objects(Course.objects.all())
    return today


def values(run: CourseRun, facet: str, today) -> set[str]:
    """The values of ``facet`` a run counts for (several for regions, funding, start dates)."""
    if facet == "region":
        return {run.region} - {""} | ({"online"} if run.online else set())
    if facet == "funding":
        return {name for name, column in FUNDING.items() if getattr(run, column)}
    if facet == "price":
        price = run.price
        if price is None:
            return {"request"}
        for band, limit in (("free", 0), ("0-500", 500), ("500-1500", 1500), ("1500-5000", 5000)):
            if price <= limit:
                return {band}
        return {"5000-"}
    if facet == "start":
        bands = start_band_limits(today)
        found = {band for band in ("30d", "3m", "6m") if run.start_date <= bands[band][1]}
        return found or {"later"}
    if facet == "label":
        return {"1"} if run.label_until and run.label_until >= today else set()
    column = {"field": "field_broad", "cert": "certificate", "lang": "language"}.get(facet, facet)
    value = getattr(run, column)
    return {str(value)} if value is not None else set()


def passes(run: CourseRun, facet: str, chosen, today) -> bool:
    if facet == "start":
        start_from, start_to = chosen
        return (not start_from or run.start_date >= start_from) and (
            not start_to or run.start_date <= start_to
        )
    return bool(values(run, facet, today) & set(chosen))


FACETS = ["field", "region", "format", "schedule", "start", "price", "funding", "cert"]
FACETS += ["eqf", "lang", "label"]


def expected(words: str, selected: dict, today):
    runs = CourseRun.objects.filter(listed=True, start_date__gte=today).order_by("start_date", "pk")
    if words:
        runs = search.search(runs.filter(course__in=search.search(Course.objects, words)), "")
    runs = list(runs)
    hits = [r for r in runs if all(passes(r, f, chosen, today) for f, chosen in selected.items())]
    counts = {}
    for facet in FACETS:
        others = [
            r
            for r in runs
            if all(passes(r, f, chosen, today) for f, chosen in selected.items() if f != facet)
        ]
        found: dict[str, int] = {}
        for run in others:
            for value in values(run, facet, today):
                found[value] = found.get(value, 0) + 1
        counts[facet] = found
    return hits, counts


def random_selection(rng: random.Random, today) -> tuple[str, dict, list]:
    """Words and 1–4 selected facets, as (words, {facet: chosen}, URL parameters)."""
    choices = {
        "field": ["07", "09", "04", "06", "02"],
        "region": ["DE-MV", "DE-HH", "DE-SH", "online"],
        "format": ["in_person", "online", "blended"],
        "schedule": SCHEDULES,
        "price": ["request", "free", "0-500", "500-1500", "1500-5000", "5000-"],
        "funding": list(FUNDING),
        "cert": ["chamber", "provider", "attendance", "none"],
        "eqf": ["2", "3", "4", "6"],
        "lang": ["de", "en", "it"],
        "label": ["1"],
    }
    words = rng.choice(["", "", "Schweißkurs", "Einsteiger", "Python Fortgeschrittene"])
    params = [("q", words)] if words else []
    selected: dict = {}
    for facet in rng.sample([*choices, "start"], rng.randint(1, 4)):
        if facet == "start":
            start_to = today + datetime.timedelta(days=rng.choice([30, 90, 200]))
            selected["start"] = (None, start_to)
            params.append(("to", start_to.isoformat()))
            continue
        chosen = rng.sample(choices[facet], min(len(choices[facet]), rng.choice([1, 1, 2])))
        selected[facet] = chosen
        params += [(facet, value) for value in chosen]
    return words, selected, params


def test_every_facet_count_matches_the_rule_for_many_selections(varied):
    today = varied
    rng = random.Random(11)
    checked_selected = 0
    for _ in range(40):
        words, selected, params = random_selection(rng, today)
        data = QueryDict(mutable=True)
        for name, value in params:
            data.appendlist(name, value)
        data["sort"] = "start"
        result = run_search(CourseQuery.from_params(data), today=today)
        hits, counts = expected(words, selected, today)

        assert result.total == len(hits), params
        assert [run.pk for run in result.runs] == [run.pk for run in hits[:20]], params
        groups = {group.name: group for group in result.facets}
        for facet in FACETS:
            shown = {o.value: o.count for o in groups[facet].options if o.count}
            assert shown == counts[facet], (params, facet)
        checked_selected += sum(len(counts[facet]) for facet in selected)
    assert checked_selected > 100  # the selected facets' own counts were really exercised
