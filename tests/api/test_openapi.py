"""The OpenAPI document describes every endpoint with its response schema."""

import pytest
from django.core.exceptions import PermissionDenied

from netzwerkstatt.api import api

OPENAPI = "/api/v1/openapi.json"

ENDPOINTS = {
    "/api/v1/me": ("accounts", "MeOut"),
    "/api/v1/organisations": ("organisations", "PagedOrganisationOut"),
    "/api/v1/organisations/{slug}": ("organisations", "OrganisationDetailOut"),
    "/api/v1/programmes": ("programmes", "ProgrammeOut"),
    "/api/v1/programmes/{slug}": ("programmes", "ProgrammeDetailOut"),
    "/api/v1/vocabularies/themes": ("vocabularies", "ThemeOut"),
    "/api/v1/vocabularies/isced-fields": ("vocabularies", "IscedFieldOut"),
    "/api/v1/vocabularies/eqf-levels": ("vocabularies", "EqfLevelOut"),
    "/api/v1/vocabularies/countries": ("vocabularies", "CountryOut"),
    "/api/v1/vocabularies/regions": ("vocabularies", "RegionOut"),
    "/api/v1/calls": ("calls", "CallOut"),
    "/api/v1/calls/{programme}/{slug}": ("calls", "CallDetailOut"),
    "/api/v1/calls/{programme}/{slug}/expressions": ("calls", "PagedExpressionOut"),
    "/api/v1/calls/{programme}/{slug}/expressions/{expression_id}": (
        "calls",
        "ExpressionDetailOut",
    ),
    "/api/v1/calls/{programme}/{slug}/matching/rounds": ("matching", "RoundOut"),
    "/api/v1/calls/{programme}/{slug}/matching/rounds/{number}": ("matching", "RoundDetailOut"),
    "/api/v1/calls/{programme}/{slug}/applications": ("selection", "PagedApplicationOut"),
    "/api/v1/calls/{programme}/{slug}/applications/{application_id}": (
        "selection",
        "ApplicationDetailOut",
    ),
    "/api/v1/calls/{programme}/{slug}/reviews": ("selection", "PagedReviewOut"),
    "/api/v1/calls/{programme}/{slug}/reviews/mine": ("selection", "PagedReviewOut"),
    "/api/v1/programmes/{slug}/events": ("events", "EventOut"),
    "/api/v1/programmes/{slug}/events/{event_id}": ("events", "EventDetailOut"),
    "/api/v1/programmes/{slug}/networks": ("networks", "NetworkOut"),
    "/api/v1/programmes/{slug}/networks/{network_id}/work-programme": (
        "networks",
        "WorkProgrammeOut",
    ),
    "/api/v1/programmes/{slug}/networks/{network_id}/projects": (
        "networks",
        "DevelopmentProjectOut",
    ),
    "/api/v1/practices": ("practices", "PagedPracticeOut"),
    "/api/v1/courses": ("courses", "SearchOut"),
    "/api/v1/courses/runs/{run_id}": ("courses", "RunDetailOut"),
    "/api/v1/courses/providers/{slug}": ("courses", "ProviderOut"),
}
# The writes: an actor group's members save answers and submit.
WRITE_ENDPOINTS = {
    "/api/v1/calls/{programme}/{slug}/groups/{group_id}/answers": ("calls", "AnswersOut"),
    "/api/v1/calls/{programme}/{slug}/groups/{group_id}/submit": ("calls", "SubmittedOut"),
}
# Providers keep their courses with a token: list and push on one path, unpublish on another.
PROVIDER_ENDPOINTS = {
    ("get", "/api/v1/courses/providers/{slug}/courses"): ("courses", "PagedProviderCourseOut"),
    ("post", "/api/v1/courses/providers/{slug}/courses"): ("courses", "ProviderCourseOut"),
    ("delete", "/api/v1/courses/providers/{slug}/courses/{course_number}"): (
        "courses",
        "ProviderCourseOut",
    ),
}


@pytest.fixture
def schema(client, db) -> dict:
    response = client.get(OPENAPI)
    assert response.status_code == 200
    return response.json()


def test_it_lists_exactly_the_endpoints(schema):
    provider_paths = {path for _method, path in PROVIDER_ENDPOINTS}
    assert set(schema["paths"]) == set(ENDPOINTS) | set(WRITE_ENDPOINTS) | provider_paths
    assert {(method, path) for path in provider_paths for method in schema["paths"][path]} == set(
        PROVIDER_ENDPOINTS
    )
    assert {path for path, ops in schema["paths"].items() if set(ops) == {"get"}} == set(ENDPOINTS)
    assert {path for path, ops in schema["paths"].items() if set(ops) == {"post"}} == set(
        WRITE_ENDPOINTS
    )


@pytest.mark.parametrize(
    "method, path, tag_and_schema",
    [("get", *item) for item in ENDPOINTS.items()]
    + [("post", *item) for item in WRITE_ENDPOINTS.items()]
    + [(method, path, item) for (method, path), item in PROVIDER_ENDPOINTS.items()],
)
def test_each_endpoint_states_its_response_schema_and_tag(schema, method, path, tag_and_schema):
    tag, schema_name = tag_and_schema
    operation = schema["paths"][path][method]
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert body.get("$ref", body.get("items", {}).get("$ref")) == (
        f"#/components/schemas/{schema_name}"
    )
    assert operation["tags"] == [tag]
    assert schema_name in schema["components"]["schemas"]


def test_me_documents_its_401(schema):
    assert "401" in schema["paths"]["/api/v1/me"]["get"]["responses"]


def test_the_directory_documents_its_filters_and_pages(schema):
    parameters = schema["paths"]["/api/v1/organisations"]["get"]["parameters"]
    assert [p["name"] for p in parameters] == [
        "q", "kind", "country", "region", "theme", "limit", "offset",
    ]  # fmt: skip
    limit = next(p for p in parameters if p["name"] == "limit")["schema"]
    assert (limit["default"], limit["maximum"]) == (50, 200)


def test_the_reviews_document_their_filters_and_pages(schema):
    for path in (
        "/api/v1/calls/{programme}/{slug}/reviews",
        "/api/v1/calls/{programme}/{slug}/reviews/mine",
    ):
        parameters = schema["paths"][path]["get"]["parameters"]
        assert [p["name"] for p in parameters] == [
            "programme", "slug", "application_id", "status", "limit", "offset",
        ]  # fmt: skip


def test_the_docs_page_is_served(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_a_permission_denied_is_answered_in_json(rf):
    # No read endpoint refuses with 403 today (hidden programmes are 404), but the rules helpers
    # raise PermissionDenied and the API must not answer with the HTML error page.
    response = api.on_exception(rf.get("/api/v1/anything"), PermissionDenied())

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.content == b'{"detail": "Forbidden"}'
