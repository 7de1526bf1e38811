"""The course search itself: exact facet counts on the known table of factories_public (faceted
semantics, past, unlisted and draft runs left out, the quality label by date), full text in word
forms, sorting, pages and readable URLs with bad values ignored."""

from __future__ import annotations

import datetime

import pytest
from django.http import QueryDict

from netzwerkstatt.courses import catalogue as search
from netzwerkstatt.courses.catalogue import run_search
from netzwerkstatt.courses.catalogue_query import CourseQuery, add_months
from netzwerkstatt.courses.models import Course, CourseRun
from tests.courses.factories import CourseFactory, CourseRunFactory
from tests.courses.factories_public import catalogue, days

pytestmark = pytest.mark.django_db


@pytest.fixture
def known():
    return catalogue()


def find(**params) -> search.SearchResult:
    return run_search(CourseQuery.from_params(QueryDict(mutable=True) | _multi(params)))


def _multi(params: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in params.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def counts(result, name: str) -> dict[str, tuple[int, bool]]:
    groups = {group.name: group for group in result.facets}
    return {option.value: (option.count, option.selected) for option in groups[name].options}


def plain(result, name: str) -> dict[str, int]:
    return {value: count for value, (count, _selected) in counts(result, name).items()}


def names(result) -> list[str]:
    return [f"{run.course.slug}@{(run.start_date - days(0)).days}" for run in result.runs]


# Facets ------------------------------------------------------------------------------------------


def test_without_filters_every_facet_counts_the_five_public_runs(known):
    result = find()

    assert result.total == 5
    assert {run.pk for run in result.runs} == {r.pk for r in (known.r1, known.r2, known.r3)} | {
        known.r4.pk,
        known.r5.pk,
    }
    assert plain(result, "field") == {"04": 2, "07": 2, "09": 1}
    assert plain(result, "region") == {"online": 1, "DE-HH": 1, "DE-MV": 3}
    assert plain(result, "format") == {"in_person": 2, "online": 1, "blended": 2}
    assert plain(result, "schedule") == {
        "full_time": 1,
        "part_time": 2,
        "evenings": 1,
        "weekends": 1,
    }
    # The quick start choices count cumulatively up to six months; "later" is the rest.
    assert plain(result, "start") == {"30d": 2, "3m": 3, "6m": 4, "later": 1}
    assert plain(result, "price") == {"free": 1, "500-1500": 2, "5000-": 1, "request": 1}
    assert plain(result, "funding") == {
        "voucher": 2,
        "upgrading_grant": 1,
        "educational_leave": 1,
        "employer": 1,
    }
    assert plain(result, "cert") == {"attendance": 1, "provider": 2, "chamber": 2}
    assert plain(result, "eqf") == {"3": 2, "4": 1, "6": 2}
    assert plain(result, "lang") == {"de": 4, "it": 1}
    # Alpha's label holds; Beta's ran out yesterday.
    assert plain(result, "label") == {"1": 3}


def test_a_facet_counts_with_the_other_filters_but_not_its_own(known):
    result = find(region="DE-MV")

    assert sorted(run.pk for run in result.runs) == sorted([known.r1.pk, known.r4.pk, known.r5.pk])
    assert counts(result, "region") == {
        "online": (1, False),
        "DE-HH": (1, False),
        "DE-MV": (3, True),
    }
    assert plain(result, "field") == {"04": 2, "07": 1}
    assert plain(result, "label") == {"1": 1}
    assert plain(result, "price") == {"free": 1, "500-1500": 1, "5000-": 1}

    both = find(region="DE-MV", field="04")
    assert both.total == 2
    assert plain(both, "region") == {"DE-MV": 2}
    assert plain(both, "field") == {"04": 2, "07": 1}


def test_values_of_one_facet_are_ored_and_online_is_a_region(known):
    result = find(region=["online", "DE-HH"])

    assert sorted(run.pk for run in result.runs) == sorted([known.r2.pk, known.r3.pk])
    funding = find(funding=["educational_leave", "upgrading_grant"])
    assert sorted(run.pk for run in funding.runs) == sorted([known.r3.pk, known.r4.pk])
    assert plain(funding, "funding")["voucher"] == 2  # its own selection ignored


def test_price_bands_certificates_levels_languages_and_formats_filter(known):
    assert [r.pk for r in find(price="request").runs] == [known.r3.pk]
    assert [r.pk for r in find(price="free").runs] == [known.r1.pk]
    assert [r.pk for r in find(price=["5000-", "free"]).runs] == [known.r1.pk, known.r4.pk]
    assert [r.pk for r in find(cert="attendance").runs] == [known.r3.pk]
    assert [r.pk for r in find(eqf="6").runs] == [known.r5.pk, known.r4.pk]
    assert [r.pk for r in find(lang="it").runs] == [known.r3.pk]
    assert [r.pk for r in find(format="online").runs] == [known.r3.pk]
    assert [r.pk for r in find(schedule="weekends").runs] == [known.r4.pk]


def test_the_quality_label_counts_until_its_last_day(known):
    assert [r.pk for r in find(label="1").runs] == [known.r1.pk, known.r3.pk, known.r2.pk]
    # The label ends today: still shown. Yesterday: gone, without anything being recomputed.
    CourseRun.objects.filter(provider=known.alpha).update(label_until=days(0))
    assert find(label="1").total == 3
    CourseRun.objects.filter(provider=known.alpha).update(label_until=days(-1))
    result = find(label="1")
    assert result.total == 0
    assert counts(result, "label") == {"1": (0, True)}  # a selected value stays visible


def test_start_dates_filter_by_range_and_by_quick_choice(known):
    result = find(**{"from": days(15).isoformat(), "to": days(60).isoformat()})

    assert [r.pk for r in result.runs] == [known.r5.pk, known.r3.pk]
    # The start facet ignores its own range.
    assert plain(result, "start") == {"30d": 2, "3m": 3, "6m": 4, "later": 1}
    within_30 = find(to=days(30).isoformat())
    assert counts(within_30, "start")["30d"] == (2, True)
    later = find(**{"from": (add_months(days(0), 6) + datetime.timedelta(days=1)).isoformat()})
    assert [r.pk for r in later.runs] == [known.r4.pk]
    assert counts(later, "start")["later"] == (1, True)
    # Each quick choice links to its range, keeping the other filters.
    links = {option.value: option.url for option in later.facets[4].options}
    assert links["30d"] == f"?to={days(30).isoformat()}"


def test_past_unlisted_and_draft_runs_never_appear(known):
    everything = {run.pk for run in find().runs}
    welding = {run.pk for run in find(q="Schweißen").runs}

    for hidden in (known.past, known.draft_run, known.gamma_run):
        assert hidden.pk not in everything
        assert hidden.pk not in welding


# Full text -------------------------------------------------------------------------------------


def test_words_find_courses_in_other_word_forms_and_languages(known):
    assert [r.pk for r in find(q="Einsteigern").runs] == [known.r1.pk, known.r2.pk]
    assert [r.pk for r in find(q="formazioni").runs] == [known.r3.pk]
    # The city of a run and the provider's name are searchable too.
    assert [r.pk for r in find(q="Wismar").runs] == [known.r5.pk, known.r4.pk]
    assert find(q="Beta Akademie").total == 2
    assert find(q="Nichtsdergleichen").total == 0


def test_the_text_and_the_facets_combine_and_facets_count_within_the_text(known):
    result = find(q="Schweißkurs", region="DE-MV")

    assert [r.pk for r in result.runs] == [known.r1.pk]
    assert plain(result, "region") == {"DE-HH": 1, "DE-MV": 1}
    assert plain(result, "field") == {"07": 1}


# Sorting and pages -----------------------------------------------------------------------------


def test_sorted_by_start_date_without_words_by_price_with_on_request_last(known):
    assert [r.pk for r in find().runs] == [
        known.r1.pk,
        known.r5.pk,
        known.r3.pk,
        known.r2.pk,
        known.r4.pk,
    ]
    assert [r.pk for r in find(sort="price").runs] == [
        known.r1.pk,
        known.r2.pk,
        known.r5.pk,
        known.r4.pk,
        known.r3.pk,
    ]


def test_with_words_the_best_matching_course_comes_first(known):
    # "Projektmanagement" is the title of Beta's course and a word in the welding description.
    ranked = find(q="Projektmanagement")
    assert [r.pk for r in ranked.runs] == [known.r5.pk, known.r4.pk, known.r1.pk, known.r2.pk]
    by_date = find(q="Projektmanagement", sort="start")
    assert [r.pk for r in by_date.runs] == [known.r1.pk, known.r5.pk, known.r2.pk, known.r4.pk]


def test_results_come_in_pages_of_twenty_and_a_page_too_far_shows_the_last(known):
    course = known.management
    for number in range(18):
        CourseRunFactory(course=course, start_date=days(300 + number), region="DE-MV")

    first, second = find(), find(page="2")
    assert (first.total, len(first.runs), first.num_pages) == (23, 20, 2)
    assert len(second.runs) == 3 and second.has_previous and not second.has_next
    assert [r.pk for r in find(page="99").runs] == [r.pk for r in second.runs]
    assert find(page="99").page == 2
    assert {r.pk for r in first.runs}.isdisjoint({r.pk for r in second.runs})


# URLs ------------------------------------------------------------------------------------------


def test_every_filter_state_has_one_readable_url():
    query = CourseQuery.from_params(
        QueryDict(
            "page=2&region=de-mv&q=  Schweißen   lernen &field=07&field=04&bogus=1&eqf=9"
            "&eqf=3&region=<script>&from=2030-01-02&to=2030-13-01&sort=nonsense&lang=DE"
            "&label=yes&price=free&funding=voucher&funding=gift&c=7&c=x&c=7&format=in_person"
        )
    )

    assert query.querystring() == (
        "?q=Schwei%C3%9Fen+lernen&field=04&field=07&region=DE-MV&format=in_person"
        "&from=2030-01-02&price=free&funding=voucher&eqf=3&lang=de&page=2&c=7"
    )
    assert query.sorted_by("price").querystring(compare=False) == (
        "?q=Schwei%C3%9Fen+lernen&field=04&field=07&region=DE-MV&format=in_person"
        "&from=2030-01-02&price=free&funding=voucher&eqf=3&lang=de&sort=price"
    )


def test_nonsense_parameters_never_break_the_search(known):
    params = {
        "page": "abc",
        "eqf": "0",
        "region": "'; DROP TABLE",
        "cert": "x" * 500,
        "sort": "-price",
        "to": "yesterday",
    }
    query = CourseQuery.from_params(_multi(params))

    assert (query.facets, query.sort, query.page, query.start_to) == ({}, "", 1, None)
    assert find(**params).total == 5
    # Words with the full-text syntax of SQLite or PostgreSQL are only words.
    assert find(q='Schweißkurs AND OR NOT " * ( ) :* &').total == 0
    assert find(q='"Einsteiger" (').total == 2


def test_the_search_reads_public_runs_of_a_course_published_later(known):
    draft = CourseFactory(
        organisation=known.beta, slug="neu", title="Neu", status=Course.Status.DRAFT
    )
    CourseRunFactory(course=draft, start_date=days(5), region="DE-MV")
    assert find().total == 5

    from netzwerkstatt.courses import index

    Course.objects.filter(pk=draft.pk).update(status=Course.Status.PUBLISHED)
    index.refresh_runs(index.runs_of_course(draft))
    assert find().total == 6


def test_slow_pages_without_words_are_kept_a_while_and_searches_with_words_stay_fresh(
    db, monkeypatch
):
    from django.core.cache import cache
    from django.http import QueryDict

    from netzwerkstatt.core import search
    from netzwerkstatt.courses import catalogue as catalogue_module
    from netzwerkstatt.courses.catalogue_query import CourseQuery
    from tests.courses.factories import CourseFactory, CourseRunFactory, listed_provider

    monkeypatch.setattr(catalogue_module, "BROWSE_SLOW_SECONDS", 0)
    provider = listed_provider()
    CourseRunFactory(course=CourseFactory(organisation=provider, title="Schweißkurs MAG"))
    everything = CourseQuery.from_params(QueryDict(""))
    region = CourseQuery.from_params(QueryDict("region=DE-MV"))
    online = CourseQuery.from_params(QueryDict("region=DE-MV&format=online"))
    words = CourseQuery.from_params(QueryDict("q=Schweißkurs&region=DE-MV"))
    assert catalogue_module.run_search(everything).total == 1
    assert catalogue_module.run_search(region).total == 1

    CourseRunFactory(course=CourseFactory(organisation=provider, title="Schweißkurs WIG"))
    search.index_objects(Course.objects.all())

    assert catalogue_module.run_search(everything).total == 1  # kept
    assert catalogue_module.run_search(region).total == 1  # kept
    assert catalogue_module.run_search(online).total == 0  # another state: its own entry
    assert catalogue_module.run_search(words).total == 2  # fresh
    monkeypatch.setattr(catalogue_module, "BROWSE_SLOW_SECONDS", 3600)
    cache.clear()
    assert catalogue_module.run_search(everything).total == 2
    assert catalogue_module.run_search(region).total == 2
