"""The funnel overview of a call: from the expressions of interest to the selected joint
applications, by stage, status, country and region, on the page (with bar charts) and as CSV and
XLSX."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from netzwerkstatt.calls import queries
from netzwerkstatt.calls.models import ExpressionOfInterest
from netzwerkstatt.calls.services import screening as services
from netzwerkstatt.selection.models import Application
from tests.calls.test_screening import make_screening
from tests.factories import (
    ActorGroupFactory,
    ApplicationFactory,
    CallFactory,
    ConsortiumFactory,
    ExpressionFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

Status = ExpressionOfInterest.Status
Decision = ExpressionOfInterest.Decision


def _matched_group(call, name, country, region):
    group = ActorGroupFactory(
        call=call,
        name=name,
        country=country,
        lead=OrganisationFactory(country=country, region=region),
    )
    ExpressionFactory(group=group, status=Status.MATCHED)
    return group


def _consortium(call, left, right, status):
    """Two matched groups, and their joint application with ``status`` (None: none yet)."""
    consortium = ConsortiumFactory(call=call, left=left, right=right)
    if status is not None:
        ApplicationFactory(consortium=consortium, status=status)
    return consortium


@pytest.fixture
def funnel_call(world):
    """Screening: two Italian groups from Lombardy and one from Lazio, one German group from
    Hesse, a draft and a withdrawn draft. Sent: Lombardy eligible, Hesse not eligible; held:
    Lazio eligible. Then three consortia of an Italian and a German group, all six matched:
    Rete Duale Lombardia with Bavaria (application submitted), Veneto with Hesse (selected), a
    third Lombard group with Bavaria (application still a draft)."""
    screening = make_screening(world)
    call = screening.call
    lazio = ExpressionFactory(
        group=ActorGroupFactory(
            call=call,
            name="Rete Lazio",
            country="IT",
            lead=OrganisationFactory(country="IT", region="IT-62"),
        )
    )
    second_lombardy = ExpressionFactory(
        group=ActorGroupFactory(
            call=call,
            name="Brescia Duale",
            country="IT",
            lead=OrganisationFactory(country="IT", region="IT-25"),
        )
    )
    ExpressionFactory(
        group=ActorGroupFactory(call=call, country="DE"), status=Status.DRAFT, submitted_at=None
    )
    ExpressionFactory(
        group=ActorGroupFactory(call=call, country="DE"),
        status=Status.WITHDRAWN,
        submitted_at=None,
    )
    services.decide_many(
        actor=world.coordinator,
        expressions=[screening.italian],
        decision=Decision.ELIGIBLE,
        reason="",
    )
    services.decide_many(
        actor=world.coordinator,
        expressions=[screening.german],
        decision=Decision.INELIGIBLE,
        reason="No company partner.",
    )
    services.release_decisions(actor=world.coordinator, call=call)
    services.decide_many(
        actor=world.coordinator, expressions=[lazio], decision=Decision.ELIGIBLE, reason=""
    )
    # Matching: the eligible Lombard group and five more groups, matched.
    ExpressionOfInterest.objects.filter(pk=screening.italian.pk).update(status=Status.MATCHED)
    _consortium(
        call,
        screening.italian.group,
        _matched_group(call, "Netz Bayern", "DE", "DE-BY"),
        Application.Status.SUBMITTED,
    )
    _consortium(
        call,
        _matched_group(call, "Rete Veneto", "IT", "IT-34"),
        _matched_group(call, "Netz Nordhessen", "DE", "DE-HE"),
        Application.Status.SELECTED,
    )
    _consortium(
        call,
        _matched_group(call, "Rete Bergamo", "IT", "IT-25"),
        _matched_group(call, "Netz Franken", "DE", "DE-BY"),
        Application.Status.DRAFT,
    )
    return call, second_lombardy


def _url(name, call):
    return reverse(f"calls:{name}", kwargs={"programme": call.programme.slug, "slug": call.slug})


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# The numbers ------------------------------------------------------------------------------------


def test_funnel_counts_stages_statuses_countries_and_regions(funnel_call):
    call, _second = funnel_call

    funnel = queries.funnel(call)

    assert [(s.code, s.count, s.unit_label) for s in funnel.stages] == [
        ("started", 11, "expressions of interest"),
        ("received", 9, "expressions of interest"),
        ("screened", 7, "expressions of interest"),
        ("eligible", 6, "expressions of interest"),
        ("matched", 6, "groups"),
        ("pairs", 3, "consortia"),
        ("applied", 2, "joint applications"),
        ("selected", 1, "joint application"),
    ]
    assert {s.code: s.count for s in funnel.by_status} == {
        "draft": 1,
        "submitted": 2,
        "withdrawn": 1,
        "eligible": 0,
        "ineligible": 1,
        "matched": 6,
    }
    # received, eligible, not eligible, matched, in a submitted application, selected: groups.
    assert [
        (r.code, r.received, r.eligible, r.ineligible, r.matched, r.applied, r.selected)
        for r in funnel.by_country
    ] == [
        ("DE", 4, 3, 1, 3, 2, 1),
        ("IT", 5, 3, 0, 3, 2, 1),
    ]
    assert [
        (r.code, r.name, r.received, r.eligible, r.ineligible, r.matched, r.applied, r.selected)
        for r in funnel.by_region
    ] == [
        ("DE-BY", "Bavaria", 2, 2, 0, 2, 1, 0),
        ("DE-HE", "Hessen", 2, 1, 1, 1, 1, 1),
        ("IT-62", "Lazio", 1, 0, 0, 0, 0, 0),
        ("IT-25", "Lombardia", 3, 2, 0, 2, 1, 0),
        ("IT-34", "Veneto", 1, 1, 0, 1, 1, 1),
    ]
    assert funnel.held == 1


def test_matched_groups_still_count_as_eligible(funnel_call):
    call, second = funnel_call
    ExpressionOfInterest.objects.filter(pk=second.pk).update(status=Status.MATCHED)

    funnel = queries.funnel(call)

    assert {s.code: s.count for s in funnel.stages}["eligible"] == 7
    assert {s.code: s.count for s in funnel.stages}["matched"] == 7


@pytest.mark.parametrize(
    ("status", "applied", "selected"),
    [
        (Application.Status.DRAFT, 0, 0),
        (Application.Status.SUBMITTED, 1, 0),
        (Application.Status.IN_REVIEW, 1, 0),
        (Application.Status.WAITLISTED, 1, 0),
        (Application.Status.REJECTED, 1, 0),
        (Application.Status.SELECTED, 1, 1),
    ],
)
def test_applications_count_once_submitted_and_selected_once_released(
    world, status, applied, selected
):
    call = CallFactory(programme=world.programme)
    _consortium(
        call,
        _matched_group(call, "Rete Veneto", "IT", "IT-34"),
        _matched_group(call, "Netz Bayern", "DE", "DE-BY"),
        status,
    )

    funnel = queries.funnel(call)

    stages = {s.code: s.count for s in funnel.stages}
    assert (stages["pairs"], stages["applied"], stages["selected"]) == (1, applied, selected)
    # Each group of the consortium counts in its own country.
    assert [(r.code, r.matched, r.applied, r.selected) for r in funnel.by_country] == [
        ("DE", 1, applied, selected),
        ("IT", 1, applied, selected),
    ]


def test_a_consortium_without_an_application_is_a_matched_pair_only(world):
    call = CallFactory(programme=world.programme)
    _consortium(
        call,
        _matched_group(call, "Rete Veneto", "IT", "IT-34"),
        _matched_group(call, "Netz Bayern", "DE", "DE-BY"),
        None,
    )

    funnel = queries.funnel(call)

    assert [(s.code, s.count) for s in funnel.stages][4:] == [
        ("matched", 2),
        ("pairs", 1),
        ("applied", 0),
        ("selected", 0),
    ]
    assert [(r.code, r.matched, r.applied) for r in funnel.by_country] == [
        ("DE", 1, 0),
        ("IT", 1, 0),
    ]


def test_funnel_takes_six_queries(django_assert_num_queries, funnel_call):
    call, _second = funnel_call

    with django_assert_num_queries(6):
        queries.funnel(call)


# The charts -------------------------------------------------------------------------------------


def test_bar_chart_geometry():
    chart = queries.bar_chart(
        "test-chart",
        "Test",
        [
            ("", [("Four", 4, "groups", "groups"), ("None", 0, "groups", "groups")]),
            ("Pairs", [("Two", 2, "pairs", "consortia"), ("One", 1, "pairs", "consortium")]),
        ],
    )

    bars = [bar for section in chart.sections for bar in section.bars]
    # One scale for the whole chart: the largest value spans the width, a zero has no length.
    assert [(b.label, b.width, b.width_attr) for b in bars] == [
        ("Four", 100.0, "100.00%"),
        ("None", 0.0, "0.00%"),
        ("Two", 50.0, "50.00%"),
        ("One", 25.0, "25.00%"),
    ]
    # Long bars hold their number, short ones have it after them.
    assert [b.value_inside for b in bars] == [True, False, True, False]
    row, head, gap = queries.CHART_ROW, queries.CHART_SECTION_HEAD, queries.CHART_SECTION_GAP
    assert [b.top for b in bars] == [0, row, 2 * row + gap + head, 3 * row + gap + head]
    assert chart.sections[0].title_y == 0  # no title
    assert 2 * row + gap < chart.sections[1].title_y < bars[2].label_y
    assert chart.height == 4 * row + gap + head
    assert chart.description == (
        "Four: 4 groups, None: 0 groups; Pairs – Two: 2 consortia, One: 1 consortium"
    )


def test_bar_chart_of_nothing_has_no_length():
    chart = queries.bar_chart("empty", "Empty", [("", [("Zero", 0, "groups", "")])])

    assert chart.sections[0].bars[0].width == 0.0
    assert chart.sections[0].bars[0].value_inside is False


def test_bar_chart_on_a_given_scale():
    chart = queries.bar_chart(
        "scaled",
        "Scaled",
        [("", [("Half", 5, "groups", ""), ("Too much", 12, "groups", "")])],
        largest=10,
    )

    assert [bar.width for bar in chart.sections[0].bars] == [50.0, 100.0]


def test_funnel_chart_widest_bar_is_the_largest_stage(funnel_call):
    call, _second = funnel_call

    chart = queries.funnel_chart(queries.funnel(call))

    groups, pairs = chart.sections
    assert [(b.label, b.value, b.width, b.tone) for b in groups.bars] == [
        ("Started", 11, 100.0, "groups"),
        ("Received", 9, 81.82, "groups"),
        ("Decision sent", 7, 63.64, "groups"),
        ("Eligible", 6, 54.55, "groups"),
        ("Matched", 6, 54.55, "groups"),
    ]
    # The consortia are drawn on the same scale, in another colour, with their own unit.
    assert [(b.label, b.value, b.width, b.tone, b.unit) for b in pairs.bars] == [
        ("Matched pairs", 3, 27.27, "pairs", "consortia"),
        ("Applications submitted", 2, 18.18, "pairs", "joint applications"),
        ("Selected", 1, 9.09, "pairs", "joint application"),
    ]
    assert "Matched pairs: 3 consortia" in chart.description


def test_funnel_chart_of_a_call_without_expressions(world):
    chart = queries.funnel_chart(queries.funnel(CallFactory(programme=world.programme)))

    bars = [bar for section in chart.sections for bar in section.bars]
    assert len(bars) == 8
    assert {bar.width for bar in bars} == {0.0}


def test_country_charts_are_small_multiples_on_one_scale(funnel_call):
    call, _second = funnel_call

    charts = queries.country_charts(queries.funnel(call))

    assert [(row.code, chart.id, chart.title) for row, chart in charts] == [
        ("DE", "country-chart-de", "Germany: groups as a bar chart"),
        ("IT", "country-chart-it", "Italy: groups as a bar chart"),
    ]
    germany, italy = (chart.sections[0].bars for _row, chart in charts)
    assert [(b.label, b.value, b.width) for b in italy] == [
        ("Received", 5, 100.0),
        ("Eligible", 3, 60.0),
        ("Matched", 3, 60.0),
        ("In an application", 2, 40.0),
        ("Selected", 1, 20.0),
    ]
    # Germany's 4 groups are drawn against Italy's 5, not against themselves.
    assert [b.width for b in germany] == [80.0, 60.0, 60.0, 40.0, 20.0]
    assert charts[0][1].description == (
        "Received: 4, Eligible: 3, Matched: 3, In an application: 2, Selected: 1"
    )


# The page and the exports -----------------------------------------------------------------------


def test_overview_page_shows_the_funnel(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    response = client.get(_url("overview", call))

    content = response.content.decode()
    assert content.count("<h1") == 1
    stages = re.findall(r'<li class="col-12 col-sm-6 col-md-3">(.*?)</li>', content)
    assert [_text(stage) for stage in stages] == [
        "11 Started expressions of interest",
        "9 Received expressions of interest",
        "7 Decision sent expressions of interest",
        "6 Eligible expressions of interest",
        "6 Matched groups",
        "3 Matched pairs consortia",
        "2 Applications submitted joint applications",
        "1 Selected joint application",
    ]
    assert "1 more decision is held – not sent yet." in content
    assert "from “Matched pairs” on, the figures count consortia" in content
    assert f'href="{_url("overview_csv", call)}"' in content
    assert f'href="{_url("overview_xlsx", call)}"' in content


def test_overview_page_tables_count_groups_by_country_and_region(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    content = client.get(_url("overview", call)).content.decode()

    assert "By country and by region, the figures count groups" in content
    assert (
        '<th scope="col" class="text-end">Matched</th>'
        '<th scope="col" class="text-end">In an application</th>'
        '<th scope="col" class="text-end">Selected</th></tr></thead>'
    ) in content
    rows = [_text(row) for row in re.findall(r"<tr><th scope=\"row\".*?</tr>", content)]
    assert "Germany 4 3 1 3 2 1" in rows
    assert "Italy 5 3 0 3 2 1" in rows
    assert "Bavaria Germany 2 2 0 2 1 0" in rows
    assert "Veneto Italy 1 1 0 1 1 1" in rows


def test_overview_page_draws_accessible_charts_without_inline_styles(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    content = client.get(_url("overview", call)).content.decode()

    for chart_id in ("funnel-chart", "country-chart-de", "country-chart-it"):
        assert (
            f'role="img" aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc"'
        ) in content
    assert '<title id="funnel-chart-title">The funnel as a bar chart</title>' in content
    desc = re.search(r'<desc id="funnel-chart-desc">(.*?)</desc>', content).group(1)
    assert "Started: 11 expressions of interest" in desc
    assert "Selected: 1 joint application" in desc
    assert '<title id="country-chart-it-title">Italy: groups as a bar chart</title>' in content
    assert '<h3 class="h6 mb-1">Italy</h3>' in content
    # The largest stage spans the chart, and its number is in white inside the bar.
    assert 'class="bar-chart-bar bar-chart-groups" x="0" y="52" width="100.00%"' in content
    assert 'class="bar-chart-bar bar-chart-pairs"' in content
    assert re.search(r'class="bar-chart-value bar-chart-value-inside"[^>]*>11</text>', content)
    # CSP allows no inline style; nor is there any script on the page for the charts.
    assert " style=" not in content
    assert "<script>" not in content


def test_overview_page_of_a_call_without_expressions(client, world):
    call = CallFactory(programme=world.programme)
    client.force_login(world.coordinator)

    content = client.get(_url("overview", call)).content.decode()

    assert "0 Started expressions of interest" in _text(content)
    assert "0 Selected joint applications" in _text(content)
    # The funnel chart is drawn with empty tracks only; there is no country to chart.
    assert 'aria-labelledby="funnel-chart-title"' in content
    assert "bar-chart-bar" not in content
    assert "country-chart-" not in content
    assert content.count("No expression of interest has been received yet.") == 2


def test_chart_geometry_keeps_a_decimal_point_in_german(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    content = client.get(_url("overview", call), HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert 'width="81.82%"' in content
    assert "81,82" not in content


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_overview_query_count_does_not_grow_with_groups_and_applications(
    client, world, funnel_call
):
    call, _second = funnel_call
    client.force_login(world.coordinator)
    url = _url("overview", call)
    client.get(url)
    before = _query_count(client, url)
    for n in range(3):
        _consortium(
            call,
            _matched_group(call, f"Rete Friuli {n}", "IT", "IT-36"),
            _matched_group(call, f"Netzwerk Tirol {n}", "AT", "AT-7"),
            Application.Status.SELECTED,
        )

    assert _query_count(client, url) == before
    content = client.get(url).content.decode()
    assert "Austria" in content
    assert "4 Selected joint applications" in _text(content)


def test_overview_csv(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    response = client.get(_url("overview_csv", call))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="{call.programme.slug}-{call.slug}-overview.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Section",
        "Code",
        "Name",
        "Country",
        "Count",
        "Unit",
        "Received",
        "Eligible",
        "Not eligible",
        "Matched",
        "In an application",
        "Selected",
    ]
    blank = [""] * 6
    assert ["Funnel", "received", "Received", "", "9", "expressions of interest", *blank] in rows
    assert ["Funnel", "matched", "Matched", "", "6", "groups", *blank] in rows
    assert ["Funnel", "pairs", "Matched pairs", "", "3", "consortia", *blank] in rows
    assert [
        "Funnel",
        "applied",
        "Applications submitted",
        "",
        "2",
        "joint applications",
        *blank,
    ] in rows
    assert ["Funnel", "selected", "Selected", "", "1", "joint application", *blank] in rows
    assert [
        "Status",
        "ineligible",
        "Not eligible",
        "",
        "1",
        "expression of interest",
        *blank,
    ] in rows
    groups = ["", "groups"]
    assert ["Countries", "IT", "Italy", "Italy", *groups, "5", "3", "0", "3", "2", "1"] in rows
    assert ["Regions", "IT-25", "Lombardia", "Italy", *groups, "3", "2", "0", "2", "1", "0"] in rows
    assert ["Regions", "DE-HE", "Hessen", "Germany", *groups, "2", "1", "1", "1", "1", "1"] in rows
    assert len(rows) == 1 + 8 + 6 + 2 + 5
    # Nothing the groups wrote ends up in the export.
    assert "No company partner." not in response.content.decode("utf-8-sig")


def test_overview_xlsx(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    response = client.get(_url("overview_xlsx", call))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('-overview.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Funnel", "Status", "Countries", "Regions"]
    funnel = list(workbook["Funnel"].values)
    assert funnel[0] == ("Stage", "Name", "Count", "Unit")
    assert funnel[1:] == [
        ("started", "Started", 11, "expressions of interest"),
        ("received", "Received", 9, "expressions of interest"),
        ("screened", "Decision sent", 7, "expressions of interest"),
        ("eligible", "Eligible", 6, "expressions of interest"),
        ("matched", "Matched", 6, "groups"),
        ("pairs", "Matched pairs", 3, "consortia"),
        ("applied", "Applications submitted", 2, "joint applications"),
        ("selected", "Selected", 1, "joint application"),
    ]
    countries = list(workbook["Countries"].values)
    assert countries[0] == (
        "Code",
        "Country",
        "Received",
        "Eligible",
        "Not eligible",
        "Matched",
        "In an application",
        "Selected",
    )
    assert countries[1:] == [("DE", "Germany", 4, 3, 1, 3, 2, 1), ("IT", "Italy", 5, 3, 0, 3, 2, 1)]
    regions = list(workbook["Regions"].values)
    assert regions[0] == (
        "Code",
        "Region",
        "Country",
        "Received",
        "Eligible",
        "Not eligible",
        "Matched",
        "In an application",
        "Selected",
    )
    assert ("IT-62", "Lazio", "Italy", 1, 0, 0, 0, 0, 0) in regions
    assert ("IT-34", "Veneto", "Italy", 1, 1, 0, 1, 1, 1) in regions


def test_overview_is_in_the_language_of_the_request(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    response = client.get(_url("overview_xlsx", call), HTTP_ACCEPT_LANGUAGE="de")
    workbook = load_workbook(io.BytesIO(response.content))

    # Country names come from pycountry's own catalogues, translated already.
    assert ("IT", "Italien", 5, 3, 0, 3, 2, 1) in list(workbook.worksheets[2].values)
    assert ("pairs", "Gebildete Paare", 3, "Konsortien") in list(workbook.worksheets[0].values)
    assert workbook.worksheets[2]["G1"].value == "In einem Antrag"
