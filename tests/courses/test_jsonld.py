"""The schema.org JSON-LD of course and provider pages and of the JSON-LD export, read by an
independent JSON-LD processor (PyLD): expanded, every term must become the schema.org IRI we
mean (Course, CourseInstance, startDate ...). No network: schema.org's context is served from
here, as the part of https://schema.org/docs/jsonldcontext.jsonld these documents use."""

from __future__ import annotations

import json
import re

import pytest
from pyld import jsonld

from netzwerkstatt.courses.models import Course, CourseRun
from tests.courses.factories_public import catalogue, days

pytestmark = pytest.mark.django_db

S = "http://schema.org/"
# schema.org's published context maps its terms onto http://schema.org/ and types dates and
# links; these are the entries the documents here rely on.
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": S,
        "schema": S,
        "startDate": {"@id": "schema:startDate", "@type": "schema:Date"},
        "endDate": {"@id": "schema:endDate", "@type": "schema:Date"},
        "expires": {"@id": "schema:expires", "@type": "schema:Date"},
        "validFrom": {"@id": "schema:validFrom", "@type": "schema:Date"},
        "url": {"@id": "schema:url", "@type": "@id"},
        "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
        "inDefinedTermSet": {"@id": "schema:inDefinedTermSet", "@type": "@id"},
        "eventAttendanceMode": {"@id": "schema:eventAttendanceMode", "@type": "@id"},
        "byDay": {"@id": "schema:byDay", "@type": "@id"},
    }
}


def loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise jsonld.JsonLdError("Not available offline", "loading document failed", {"url": url})


def embedded(page: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def expand(data: dict) -> list[dict]:
    return jsonld.expand(data, {"documentLoader": loader})


def value(node: dict, term: str):
    values = node[S + term]
    assert len(values) == 1, values
    item = values[0]
    return item.get("@value", item.get("@id", item))


@pytest.fixture
def known():
    return catalogue()


def test_a_course_page_is_a_course_with_its_runs_as_course_instances(client, known):
    data = embedded(client.get("/courses/alpha-bildung/schweisskurs/").content.decode())

    (course,) = expand(data)
    url = "http://testserver/courses/alpha-bildung/schweisskurs/"
    assert course["@id"] == url
    assert course["@type"] == [S + "Course"]
    assert value(course, "name") == "Schweißkurs für Einsteiger"
    assert value(course, "url") == url
    assert value(course, "inLanguage") == "de"
    assert [item["@value"] for item in course[S + "teaches"]] == [
        "Nähte schweißen",
        "Sicher arbeiten",
    ]
    assert value(course, "coursePrerequisites") == "Keine"
    level = course[S + "educationalLevel"][0]
    assert level["@type"] == [S + "DefinedTerm"]
    assert value(level, "termCode") == "3"
    assert value(course[S + "about"][0], "termCode") == "0715"
    credential = course[S + "occupationalCredentialAwarded"][0]
    assert credential["@type"] == [S + "EducationalOccupationalCredential"]
    assert value(credential, "name") == "Schweißerpass"
    provider = course[S + "provider"][0]
    assert provider["@type"] == [S + "EducationalOrganization"]
    assert provider["@id"] == "http://testserver/courses/providers/alpha-bildung/"
    assert value(provider, "sameAs") == "https://alpha.example.org"

    first, second = course[S + "hasCourseInstance"]
    assert first["@type"] == [S + "CourseInstance"]
    assert first["@id"] == f"{url}#run-{known.r1.pk}"
    assert first[S + "startDate"] == [{"@type": S + "Date", "@value": days(10).isoformat()}]
    assert value(first, "endDate") == days(40).isoformat()
    assert value(first, "courseMode") == "Onsite"
    # Enumeration members are written as schema.org's documentation writes them (https).
    assert value(first, "eventAttendanceMode") == "https://schema.org/OfflineEventAttendanceMode"
    assert value(first, "courseWorkload") == "PT40H"
    assert value(first, "maximumAttendeeCapacity") == 12
    schedule = first[S + "courseSchedule"][0]
    assert schedule["@type"] == [S + "Schedule"] and value(schedule, "name") == "Full-time"
    place = first[S + "location"][0]
    assert place["@type"] == [S + "Place"]
    address = place[S + "address"][0]
    assert address["@type"] == [S + "PostalAddress"]
    assert (value(address, "addressLocality"), value(address, "addressRegion")) == (
        "Schwerin",
        "DE-MV",
    )
    assert value(address, "addressCountry") == "DE"
    offer = first[S + "offers"][0]
    assert offer["@type"] == [S + "Offer"]
    assert (value(offer, "price"), value(offer, "priceCurrency")) == ("0.00", "EUR")
    assert value(offer, "category") == "Free"
    assert value(offer, "url") == "https://alpha.example.org/anmelden"
    assert value(second[S + "offers"][0], "price") == "800.00"
    # The run that has started is not offered any more.
    assert known.past.pk not in {node["@id"].rsplit("-", 1)[1] for node in [first, second]}


def test_an_online_run_is_in_a_virtual_location_and_a_price_on_request_has_none(client, known):
    data = embedded(client.get("/courses/alpha-bildung/assistenza/").content.decode())

    (instance,) = expand(data)[0][S + "hasCourseInstance"]
    location = instance[S + "location"][0]
    assert location["@type"] == [S + "VirtualLocation"]
    assert value(instance, "courseMode") == "Online"
    assert value(instance, "inLanguage") == "it"
    offer = instance[S + "offers"][0]
    assert S + "price" not in offer
    assert value(offer, "description") == "Price on request"
    assert value(instance[S + "courseSchedule"][0], "name") == "Evenings"


def test_weekend_runs_name_their_days(client, known):
    data = embedded(client.get("/courses/beta-akademie/projektmanagement/").content.decode())

    instances = expand(data)[0][S + "hasCourseInstance"]
    weekend = next(i for i in instances if value(i, "startDate") == days(200).isoformat())
    days_ = [item["@id"] for item in weekend[S + "courseSchedule"][0][S + "byDay"]]
    assert days_ == ["https://schema.org/Saturday", "https://schema.org/Sunday"]
    assert value(weekend, "courseMode") == "Blended"


def test_a_provider_page_is_an_educational_organization_with_its_courses(client, known):
    data = embedded(client.get("/courses/providers/alpha-bildung/").content.decode())

    flat = jsonld.flatten(data, None, {"documentLoader": loader})
    nodes = {node["@id"]: node for node in flat}
    provider_id = "http://testserver/courses/providers/alpha-bildung/"
    provider = nodes[provider_id]
    assert provider["@type"] == [S + "EducationalOrganization"]
    assert value(provider, "name") == "Alpha Bildung"
    assert [item["@value"] for item in provider[S + "knowsAbout"]] == ["Schweißtechnik", "Pflege"]
    certifications = [nodes[item["@id"]] for item in provider[S + "hasCertification"]]
    assert sorted(value(c, "name") for c in certifications) == [
        "AZAV (approval for funded training)",
        "Qualität WM",
        "Qualitätssiegel MV",
    ]
    label = next(c for c in certifications if value(c, "name") == "Qualität WM")
    assert label[S + "expires"] == [{"@type": S + "Date", "@value": days(100).isoformat()}]
    # The courses point at the provider by its IRI.
    courses = [node for node in flat if node.get("@type") == [S + "Course"]]
    assert sorted(value(c, "name") for c in courses) == [
        "Corso di formazione in assistenza",
        "Schweißkurs für Einsteiger",
    ]
    assert {c[S + "provider"][0]["@id"] for c in courses} == {provider_id}


def test_the_json_ld_cannot_close_its_script_element(client, known):
    Course.objects.filter(pk=known.welding.pk).update(title="</script><script>alert(1)</script>&")

    page = client.get("/courses/alpha-bildung/schweisskurs/").content.decode()

    block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>&"
    assert "script-src 'self'" in client.get("/courses/")["Content-Security-Policy"]


def test_the_json_ld_export_is_a_graph_of_courses_with_the_exported_runs(client, known):
    response = client.get("/courses/export.jsonld", {"region": "DE-MV"})

    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    data = json.loads(b"".join(response.streaming_content))
    expanded = expand(data)
    by_name = {value(node, "name"): node for node in expanded}
    assert sorted(by_name) == ["Projektmanagement kompakt", "Schweißkurs für Einsteiger"]
    welding = by_name["Schweißkurs für Einsteiger"]
    assert [value(i, "startDate") for i in welding[S + "hasCourseInstance"]] == [
        days(10).isoformat()
    ]
    management = by_name["Projektmanagement kompakt"]
    assert [value(i, "startDate") for i in management[S + "hasCourseInstance"]] == [
        days(20).isoformat(),
        days(200).isoformat(),
    ]
    assert CourseRun.objects.filter(region="DE-MV").count() > 3  # past and unlisted left out
