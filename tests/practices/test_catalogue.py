"""The public catalogue of good practice: search in word forms, facets, sorting, pages, readable
URLs, the open data (CSV, JSON-LD, API, Atom) and the public page with its JSON-LD, checked by an
independent JSON-LD processor (PyLD)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone
from pyld import jsonld

from netzwerkstatt.practices import assessment, services
from netzwerkstatt.practices.catalogue import CatalogueQuery
from netzwerkstatt.practices.models import Practice
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import ParticipationFactory, ProgrammeFactory

from .conftest import make_practice

pytestmark = pytest.mark.django_db

CATALOGUE = "/practices/"
SCHEMA = "https://schema.org/"
ALL_FOURS = dict.fromkeys(
    (
        "innovation",
        "effectiveness",
        "future_viability",
        "transferability",
        "anchoring",
        "sustainability",
    ),
    4,
)


def publish(world, partners, practice, *, scores=ALL_FOURS) -> Practice:
    """Through the services: submitted, assessed from another country, published."""
    services.submit_practice(actor=world.member, practice=practice)
    assessor = (
        partners.french_assessor if "FR" not in practice.countries else partners.italian_assessor
    )
    item = assessment.assign_assessor(actor=world.coordinator, practice=practice, assessor=assessor)
    criteria = {c.code: c for c in practice.programme.assessment_criteria.all()}
    saved = assessment.save_assessment(
        actor=assessor,
        assessment=item,
        scores={criteria[code].pk: (value, "") for code, value in scores.items()},
        comment="",
        expected_version=item.version,
    )
    saved.practice = practice
    assessment.submit_assessment(actor=assessor, assessment=saved)
    return assessment.publish_practice(actor=world.coordinator, practice=practice)


@pytest.fixture
def catalogue(world, partners):
    """A German practice on the dual system (ready for transfer, with an English translation), an
    Italian one on digital learning, and a draft that must never appear."""
    german = make_practice(
        world,
        title="Lernortkooperation im Ausbildungsbetrieb",
        summary="Der **Ausbildungsbetrieb** und die Berufsschule planen gemeinsam.",
        countries=["DE"],
        organisation_kinds=["vocational_school", "training_company"],
        target_groups=["apprentices"],
        themes=[Theme.objects.get(code="work-based-learning")],
    )
    services.add_translation(
        actor=world.member,
        practice=german,
        language="en",
        data={
            "title": "Learning-venue cooperation",
            "summary": "Company and school plan together.",
        },
    )
    german = publish(world, partners, german, scores={**ALL_FOURS, "transferability": 5})
    italian_owner = partners.italian
    italian = services.create_practice(
        actor=world.member,
        programme=world.programme,
        organisation=world.organisation,
        data={
            "title": "Laboratorio digitale",
            "language": "it",
            "summary": "Una formazione digitale per docenti e formatori aziendali.",
            "approach": "Moduli brevi",
            "results": "Più partecipanti",
            "countries": ["IT"],
            "organisation_kinds": ["vocational_school"],
            "target_groups": ["vet_teachers"],
            "themes": [Theme.objects.get(code="digital-learning")],
        },
    )
    italian = publish(world, partners, italian, scores={**ALL_FOURS, "transferability": 2})
    Practice.objects.filter(pk=italian.pk).update(published_at=german.published_at + timedelta(1))
    draft = make_practice(world, title="Entwurf zur Ausbildungsbetrieb-Kooperation")
    return {"german": german, "italian": italian, "draft": draft, "italian_owner": italian_owner}


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]*">([^<]+)</a>', response.content.decode())


# Search -----------------------------------------------------------------------------------------


def test_a_german_practice_is_found_by_another_word_form(client, catalogue):
    response = client.get(CATALOGUE, {"q": "Ausbildungsbetrieben"})

    assert titles(response) == ["Learning-venue cooperation"]  # shown in English, the page's


def test_an_italian_practice_is_found_by_the_plural(client, catalogue):
    assert titles(client.get(CATALOGUE, {"q": "formazioni"})) == ["Laboratorio digitale"]


def test_a_practice_is_found_by_its_translation(client, catalogue):
    assert titles(client.get(CATALOGUE, {"q": "cooperations"})) == ["Learning-venue cooperation"]


def test_a_practice_shown_in_translation_is_marked(client, catalogue):
    page = client.get(CATALOGUE).content.decode()

    assert "Translation. Translated from German." in page
    assert f"{catalogue['german'].get_absolute_url()}?lang=en" in page


def test_without_a_search_the_newest_come_first_and_title_sorts_by_title(client, catalogue):
    assert titles(client.get(CATALOGUE)) == ["Laboratorio digitale", "Learning-venue cooperation"]
    # Sorted by the original title: "Laboratorio…" before "Lernortkooperation…".
    assert titles(client.get(CATALOGUE, {"sort": "title"})) == [
        "Laboratorio digitale",
        "Learning-venue cooperation",
    ]
    Practice.objects.filter(pk=catalogue["italian"].pk).update(title="Zentrum")
    assert titles(client.get(CATALOGUE, {"sort": "title"}))[0] == "Learning-venue cooperation"


def test_drafts_and_non_public_programmes_never_appear(client, world, partners, catalogue):
    hidden = ProgrammeFactory(name="Closed programme", is_public=False)
    ParticipationFactory(programme=hidden, organisation=world.organisation)
    secret = services.create_practice(
        actor=world.member,
        programme=hidden,
        organisation=world.organisation,
        data={
            "title": "Geheimer Ausbildungsbetrieb",
            "language": "de",
            "summary": "S",
            "approach": "A",
            "results": "R",
            "countries": ["DE"],
        },
    )
    for organisation in (partners.french, partners.italian):
        ParticipationFactory(programme=hidden, organisation=organisation)
    publish(world, partners, secret)
    urls = [
        CATALOGUE + "?q=Ausbildungsbetrieb",
        CATALOGUE + "catalogue.csv",
        CATALOGUE + "catalogue.json",
        "/api/v1/practices",
        CATALOGUE + "feed.atom",
    ]
    for url in urls:
        response = client.get(url)
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert catalogue["german"].get_absolute_url() in body, url
        assert secret.slug not in body, url
        assert catalogue["draft"].slug not in body, url

    # Its own people find it, through the same catalogue.
    client.force_login(world.member)
    assert "Geheimer Ausbildungsbetrieb" in titles(
        client.get(CATALOGUE, {"q": "Ausbildungsbetrieb"})
    )


# Facets -----------------------------------------------------------------------------------------


def facet(response, name) -> dict[str, tuple[int, bool]]:
    """label → (count, selected) of one facet on the page."""
    groups = {group.name: group for group in response.context["facet_groups"]}
    return {item.label: (item.count, item.selected) for item in groups[name].values}


def test_facets_count_every_value_and_keep_their_own_values_visible(client, catalogue):
    everything = client.get(CATALOGUE)
    assert facet(everything, "country") == {"Germany": (1, False), "Italy": (1, False)}
    assert facet(everything, "kind") == {
        "Vocational school": (2, False),
        "Training company": (1, False),
    }
    assert facet(everything, "label") == {"Ready for transfer": (1, False)}
    assert facet(everything, "language") == {"German": (1, False), "Italian": (1, False)}
    assert facet(everything, "programme") == {"ConnActions": (2, False)}

    italy = client.get(CATALOGUE, {"country": "it"})
    assert titles(italy) == ["Laboratorio digitale"]
    # The country facet ignores its own filter; the others count within Italy.
    assert facet(italy, "country") == {"Germany": (1, False), "Italy": (1, True)}
    assert facet(italy, "kind") == {"Vocational school": (1, False)}
    assert facet(italy, "theme") == {
        str(Theme.objects.get(code="digital-learning").name): (1, False)
    }
    assert facet(italy, "label") == {}


def test_facets_combine_and_a_value_without_results_stays_selectable(client, catalogue):
    response = client.get(
        CATALOGUE, {"label": "ready-for-transfer", "theme": "digital-learning", "country": "DE"}
    )

    assert titles(response) == []
    assert "No practice matches" in response.content.decode()
    assert facet(response, "label") == {"Ready for transfer": (0, True)}

    ready = client.get(CATALOGUE, {"label": "ready-for-transfer"})
    assert titles(ready) == ["Learning-venue cooperation"]


def test_target_groups_filter(client, catalogue):
    assert titles(client.get(CATALOGUE, {"target_group": "vet_teachers"})) == [
        "Laboratorio digitale"
    ]


# URLs and pages ---------------------------------------------------------------------------------


def test_every_filter_state_has_one_readable_url():
    from django.http import QueryDict

    query = CatalogueQuery.from_params(
        QueryDict("page=2&country=it&q=  duale   Ausbildung &theme=b&theme=a&bogus=1&label=x")
    )

    assert query.querystring() == "?q=duale+Ausbildung&theme=a&theme=b&country=IT&page=2"
    # Toggling a facet value keeps the others and goes back to the first page.
    assert query.toggled("country", "DE").querystring() == (
        "?q=duale+Ausbildung&theme=a&theme=b&country=DE&country=IT"
    )
    assert query.toggled("theme", "a").querystring() == "?q=duale+Ausbildung&theme=b&country=IT"


def test_the_page_links_facet_values_sorts_and_a_canonical_url(client, catalogue):
    page = client.get(CATALOGUE, {"kind": "vocational_school", "country": "IT"}).content.decode()

    # Each facet value toggles itself and keeps the other filters.
    assert 'href="/practices/?country=DE&amp;country=IT&amp;kind=vocational_school"' in page
    assert 'href="/practices/?kind=vocational_school" aria-current="true"' in page  # Italy off
    assert (
        '<link rel="canonical" '
        'href="http://testserver/practices/?country=IT&amp;kind=vocational_school">'
    ) in page
    assert 'href="/practices/?country=IT&amp;kind=vocational_school&amp;sort=title"' in page
    assert "1 practice" in page
    assert 'href="/practices/catalogue.csv?country=IT&amp;kind=vocational_school"' in page

    searched = client.get(CATALOGUE, {"q": "formazione"}).content.decode()
    assert 'href="/practices/?q=formazione" aria-current="true"' in searched  # by relevance
    assert 'href="/practices/?q=formazione&amp;sort=newest"' in searched


def test_results_come_in_pages_of_twenty(client, world, partners):
    for number in range(21):
        practice = make_practice(world, title=f"Praxis {number:02}")
        Practice.objects.filter(pk=practice.pk).update(
            status="published", published_at=timezone.now() - timedelta(days=number)
        )
    from netzwerkstatt.core import search

    search.index_objects(Practice.objects.all())

    first = client.get(CATALOGUE)
    second = client.get(CATALOGUE, {"page": "2"})

    assert len(titles(first)) == 20 and titles(first)[0] == "Praxis 00"
    assert titles(second) == ["Praxis 20"]
    assert 'href="/practices/?page=2" rel="next"' in first.content.decode()
    assert 'href="/practices/" rel="prev"' in second.content.decode()
    assert "21 practices" in second.content.decode()
    assert "Page 2 of 2" in second.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_the_catalogue_takes_the_same_number_of_queries_for_one_or_three(
    client, world, partners, django_assert_num_queries, count
):
    theme = Theme.objects.get(code="green-skills")
    for number in range(count):
        practice = make_practice(world, title=f"Grüne Praxis {number}", themes=[theme])
        services.add_translation(
            actor=world.member, practice=practice, language="en", data={"title": f"Green {number}"}
        )
        Practice.objects.filter(pk=practice.pk).update(
            status="published", published_at=timezone.now()
        )
    client.get(CATALOGUE)  # warm the content-type cache

    # Themes and programmes for the labels; 4 facets through the ORM and 3 on JSON lists; the
    # count, the page, and the page's themes and translations.
    with django_assert_num_queries(13):
        response = client.get(CATALOGUE, {"theme": "green-skills"})
    assert len(titles(response)) == count


# Open data --------------------------------------------------------------------------------------


def test_the_csv_has_a_row_per_practice_and_is_safe_in_spreadsheets(client, world, catalogue):
    Practice.objects.filter(pk=catalogue["italian"].pk).update(title="=HYPERLINK(1)")
    response = client.get(CATALOGUE + "catalogue.csv", {"sort": "title"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["url", "title", "summary", "language"]
    assert [row[1] for row in rows[1:]] == [
        "'=HYPERLINK(1)",
        "Lernortkooperation im Ausbildungsbetrieb",
    ]
    german = dict(zip(rows[0], rows[2], strict=True))
    assert german["summary"] == "Der Ausbildungsbetrieb und die Berufsschule planen gemeinsam."
    assert german["countries"] == "DE"
    assert german["organisation_kinds"] == "vocational_school; training_company"
    assert german["translations"] == "en"
    assert german["ready_for_transfer"] == "yes"
    assert german["url"] == "http://testserver" + catalogue["german"].get_absolute_url()


def test_the_json_is_a_json_ld_graph_with_the_same_filters(client, catalogue):
    response = client.get(CATALOGUE + "catalogue.json", {"country": "IT"})

    assert response["Content-Type"].startswith("application/ld+json")
    data = response.json()
    assert data["@context"] == "https://schema.org"
    assert [item["name"] for item in data["@graph"]] == ["Laboratorio digitale"]
    assert data["@graph"][0]["inLanguage"] == "it"


def test_the_api_lists_the_catalogue_with_the_same_filters(client, catalogue):
    response = client.get("/api/v1/practices", {"q": "Ausbildungsbetrieben"})

    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["title"] == "Lernortkooperation im Ausbildungsbetrieb"
    assert item["themes"] == ["work-based-learning"]
    assert item["ready_for_transfer"] is True
    assert item["translations"] == [
        {
            "language": "en",
            "title": "Learning-venue cooperation",
            "summary": "Company and school plan together.",
        }
    ]
    assert item["url"] == "http://testserver" + catalogue["german"].get_absolute_url()
    assert (
        client.get("/api/v1/practices", {"country": ["IT", "DE"], "limit": 1}).json()["count"] == 2
    )


def test_the_atom_feed_lists_the_newest_practices(client, catalogue):
    response = client.get(CATALOGUE + "feed.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    entries = root.findall(f"{atom}entry")
    assert [e.findtext(f"{atom}title") for e in entries] == [
        "Laboratorio digitale",
        "Lernortkooperation im Ausbildungsbetrieb",
    ]
    assert entries[1].find(f"{atom}link").get("href") == (
        "http://testserver" + catalogue["german"].get_absolute_url()
    )
    assert entries[1].findtext(f"{atom}author/{atom}name") == "Berufliche Schulen Kassel"


def test_a_translation_added_later_is_found(client, world, catalogue):
    services.add_translation(
        actor=world.member,
        practice=catalogue["italian"],
        language="de",
        data={"title": "Digitale Werkstatt", "summary": "Fortbildungen für Lehrkräfte"},
    )

    assert titles(client.get(CATALOGUE, {"q": "Fortbildung"})) == ["Laboratorio digitale"]


# The public page and its JSON-LD ----------------------------------------------------------------

SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def _loader(url, options=None):
    """No network: schema.org's context is served from here (its @vocab is all we rely on)."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise jsonld.JsonLdError("Not available offline", "loading document failed", {"url": url})


def _embedded_jsonld(page: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_a_visitor_reads_a_published_practice_with_share_links(client, catalogue):
    german = catalogue["german"]

    page = client.get(german.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Company and school plan together." in page
    assert "Translation. Translated from German." in page
    url = "http://testserver" + german.get_absolute_url()
    assert f'value="{url}" readonly' in page
    assert "https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver" in page
    assert "mailto:?subject=Lernortkooperation%20im%20Ausbildungsbetrieb" in page


def test_a_draft_asks_a_visitor_to_sign_in(client, catalogue):
    url = catalogue["draft"].get_absolute_url()

    response = client.get(url)

    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={url}")


def test_the_json_ld_expands_to_schema_org_terms(client, catalogue):
    german = catalogue["german"]
    data = _embedded_jsonld(client.get(german.get_absolute_url()).content.decode())

    expanded = jsonld.expand(data, {"documentLoader": _loader})

    assert len(expanded) == 1
    work = expanded[0]
    url = "http://testserver" + german.get_absolute_url()
    assert work["@id"] == url
    assert work["@type"] == [SCHEMA + "CreativeWork"]
    assert work[SCHEMA + "name"] == [{"@value": "Lernortkooperation im Ausbildungsbetrieb"}]
    assert work[SCHEMA + "inLanguage"] == [{"@value": "de"}]
    assert work[SCHEMA + "datePublished"] == [{"@value": german.published_at.date().isoformat()}]
    assert work[SCHEMA + "about"][0][SCHEMA + "termCode"] == [{"@value": "work-based-learning"}]
    assert work[SCHEMA + "spatialCoverage"][0][SCHEMA + "identifier"] == [{"@value": "DE"}]
    creator = work[SCHEMA + "creator"][0]
    assert creator["@type"] == [SCHEMA + "Organization"]
    assert creator[SCHEMA + "name"] == [{"@value": "Berufliche Schulen Kassel"}]
    translation = work[SCHEMA + "workTranslation"][0]
    assert translation[SCHEMA + "inLanguage"] == [{"@value": "en"}]
    assert translation[SCHEMA + "translationOfWork"] == [{"@id": url}]
    # Flattened, the translation points back at the original by its IRI.
    flat = jsonld.flatten(data, None, {"documentLoader": _loader})
    assert {node["@id"] for node in flat if SCHEMA + "translationOfWork" in node} == {
        f"{url}?lang=en"
    }


def test_the_json_ld_cannot_close_its_script_element(client, world, partners):
    practice = make_practice(
        world, title="</script><script>alert(1)</script> & more", summary="<b>x</b>"
    )
    practice = publish(world, partners, practice)

    page = client.get(practice.get_absolute_url()).content.decode()

    block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert data["name"] == "</script><script>alert(1)</script> & more"
    # The page's CSP allows scripts from 'self' only; a JSON-LD block is data, never executed,
    # and the header stays as strict as on every page.
    assert "script-src 'self'" in client.get(practice.get_absolute_url())["Content-Security-Policy"]


def test_the_catalogue_json_expands_with_pyld(client, catalogue):
    data = client.get(CATALOGUE + "catalogue.json").json()

    expanded = jsonld.expand(data, {"documentLoader": _loader})

    names = sorted(node[SCHEMA + "name"][0]["@value"] for node in expanded)
    assert names == ["Laboratorio digitale", "Lernortkooperation im Ausbildungsbetrieb"]


def test_the_main_navigation_leads_to_the_catalogue(client, db):
    assert 'href="/practices/">Good practice</a>' in client.get("/").content.decode()


def test_a_visitor_sees_where_the_practice_has_been_transferred(client, world, partners, catalogue):
    from netzwerkstatt.outreach.services.transfers import start_transfer
    from tests.factories import MembershipFactory

    adopter = MembershipFactory(organisation=partners.italian).user
    start_transfer(actor=adopter, practice=catalogue["german"], organisation=partners.italian)

    page = client.get(catalogue["german"].get_absolute_url()).content.decode()

    section = page.split('id="transfers-heading"', 1)[1].split("</section>", 1)[0]
    assert "Istituto Tecnico Bolzano" in section
