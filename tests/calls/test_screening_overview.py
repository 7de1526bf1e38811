"""The funnel overview of a call: expressions by stage, status, country and region, on the page
and as CSV and XLSX."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from netzwerkstatt.calls import queries
from netzwerkstatt.calls.models import ExpressionOfInterest
from netzwerkstatt.calls.services import screening as services
from tests.calls.test_screening import make_screening
from tests.factories import ActorGroupFactory, ExpressionFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

Status = ExpressionOfInterest.Status
Decision = ExpressionOfInterest.Decision


@pytest.fixture
def funnel_call(world):
    """Two Italian groups from Lombardy and one from Lazio, one German group from Hesse, a draft
    and a withdrawn draft. Sent: Lombardy eligible, Hesse not eligible; held: Lazio eligible."""
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
    return call, second_lombardy


def _url(name, call):
    return reverse(f"calls:{name}", kwargs={"programme": call.programme.slug, "slug": call.slug})


def test_funnel_counts_stages_statuses_countries_and_regions(funnel_call):
    call, _second = funnel_call

    funnel = queries.funnel(call)

    assert [(s.code, s.count) for s in funnel.stages] == [
        ("started", 6),
        ("received", 4),
        ("screened", 2),
        ("eligible", 1),
        ("matched", 0),
    ]
    assert {s.code: s.count for s in funnel.by_status} == {
        "draft": 1,
        "submitted": 2,
        "withdrawn": 1,
        "eligible": 1,
        "ineligible": 1,
        "matched": 0,
    }
    assert [(r.code, r.received, r.eligible, r.ineligible) for r in funnel.by_country] == [
        ("DE", 1, 0, 1),
        ("IT", 3, 1, 0),
    ]
    assert [(r.code, r.name, r.received, r.eligible) for r in funnel.by_region] == [
        ("DE-HE", "Hessen", 1, 0),
        ("IT-62", "Lazio", 1, 0),
        ("IT-25", "Lombardia", 2, 1),
    ]
    assert funnel.held == 1


def test_matched_groups_still_count_as_eligible(funnel_call):
    call, second = funnel_call
    ExpressionOfInterest.objects.filter(pk=second.pk).update(status=Status.MATCHED)

    funnel = queries.funnel(call)

    assert {s.code: s.count for s in funnel.stages}["eligible"] == 2
    assert {s.code: s.count for s in funnel.stages}["matched"] == 1


def test_overview_page_shows_the_funnel(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    response = client.get(_url("overview", call))

    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "Lombardia" in content
    assert "Lazio" in content
    assert "1 more decision is held – not sent yet." in content
    assert f'href="{_url("overview_csv", call)}"' in content
    assert f'href="{_url("overview_xlsx", call)}"' in content


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
        "Expressions",
        "Eligible",
        "Not eligible",
    ]
    assert ["Funnel", "received", "Received", "", "4", "", ""] in rows
    assert ["Status", "ineligible", "Not eligible", "", "1", "", ""] in rows
    assert ["Countries", "IT", "Italy", "Italy", "3", "1", "0"] in rows
    assert ["Regions", "IT-25", "Lombardia", "Italy", "2", "1", "0"] in rows
    assert ["Regions", "DE-HE", "Hessen", "Germany", "1", "0", "1"] in rows
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
    assert funnel[0] == ("Stage", "Name", "Expressions")
    assert ("eligible", "Eligible", 1) in funnel
    countries = list(workbook["Countries"].values)
    assert countries[1:] == [("DE", "Germany", 1, 0, 1), ("IT", "Italy", 3, 1, 0)]
    regions = list(workbook["Regions"].values)
    assert regions[0] == ("Code", "Region", "Country", "Received", "Eligible", "Not eligible")
    assert ("IT-62", "Lazio", "Italy", 1, 0, 0) in regions


def test_overview_is_in_the_language_of_the_request(client, world, funnel_call):
    call, _second = funnel_call
    client.force_login(world.coordinator)

    response = client.get(_url("overview_xlsx", call), HTTP_ACCEPT_LANGUAGE="de")
    workbook = load_workbook(io.BytesIO(response.content))

    # Country names come from pycountry's own catalogues, translated already.
    assert ("IT", "Italien", 3, 1, 0) in list(workbook.worksheets[2].values)
