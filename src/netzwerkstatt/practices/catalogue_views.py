"""The public catalogue of good practice: the search page with facets, the open-data downloads
(CSV, JSON-LD) and the Atom feed. No sign-in needed; everyone sees the published practices of the
programmes they may see (visitors: the public programmes)."""

from __future__ import annotations

import csv
from urllib.parse import quote, urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import catalogue_data
from .catalogue import (
    FEED_SIZE,
    PAGE_SIZE,
    SORTS,
    CatalogueQuery,
    filtered,
    published_practices,
    with_display,
)
from .catalogue import catalogue as run_catalogue

EXPORT_CHUNK = 500
LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/"


def _absolute(request: HttpRequest):
    return request.build_absolute_uri


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    query = CatalogueQuery.from_params(request.GET)
    result = run_catalogue(request.user, query)
    page = Paginator(with_display(result.results), PAGE_SIZE).get_page(query.page)
    for practice in page.object_list:
        practice.shown = next(iter(practice.shown_translations), None)
    here = reverse("catalogue:index")
    return render(
        request,
        "practices/catalogue/index.html",
        {
            "query": query,
            "page": page,
            "facet_groups": result.facet_groups,
            "sorts": [
                (key, label, query.sorted_by(key).querystring(), key == query.effective_sort)
                for key, label in SORTS.items()
                if key != "relevance" or query.searching
            ],
            "pages": {
                "previous": query.on_page(page.previous_page_number()).querystring()
                if page.has_previous()
                else None,
                "next": query.on_page(page.next_page_number()).querystring()
                if page.has_next()
                else None,
            },
            "canonical": request.build_absolute_uri(
                here + query.on_page(page.number).querystring()
            ),
            "reset": here,
            "downloads": query.querystring(page=False),
        },
    )


def _export_queryset(request: HttpRequest):
    query = CatalogueQuery.from_params(request.GET)
    return with_display(filtered(request.user, query))


@require_GET
def catalogue_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered catalogue as CSV (UTF-8 with a byte-order mark, so spreadsheets read the
    accents), streamed in chunks."""

    class Echo:
        def write(self, value):
            return value

    writer = csv.writer(Echo())
    rows = catalogue_data.csv_rows(
        _export_queryset(request).iterator(chunk_size=EXPORT_CHUNK), _absolute(request)
    )

    def lines():
        yield "\ufeff"
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="good-practice.csv"'
    return response


@require_GET
def catalogue_json(request: HttpRequest) -> JsonResponse:
    """The filtered catalogue as schema.org JSON-LD: one ``@graph`` of ``CreativeWork``s."""
    build = _absolute(request)
    items = (
        catalogue_data.jsonld(practice, build)
        for practice in _export_queryset(request).iterator(chunk_size=EXPORT_CHUNK)
    )
    response = JsonResponse(
        catalogue_data.jsonld_document(items), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Type"] = "application/ld+json; charset=utf-8"
    return response


@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    """The newest published practices as an Atom feed."""
    practices = with_display(published_practices(request.user)).order_by("-published_at", "-pk")
    atom = catalogue_data.atom_feed(
        practices[:FEED_SIZE],
        _absolute(request),
        feed_url=request.build_absolute_uri(reverse("catalogue:feed")),
        link=request.build_absolute_uri(reverse("catalogue:index")),
    )
    response = HttpResponse(content_type=f"{atom.content_type}")
    atom.write(response, "utf-8")
    return response


def public_context(request: HttpRequest, practice) -> dict:
    """What the page of a published practice adds: its JSON-LD and share links. (Where it has
    been transferred is the outreach app's include on the same page.)"""
    if practice.status != practice.Status.PUBLISHED:
        return {}
    url = request.build_absolute_uri(practice.get_absolute_url())
    mail = urlencode({"subject": practice.title, "body": url}, quote_via=quote)
    item = catalogue_data.jsonld(practice, _absolute(request))
    return {
        "jsonld": catalogue_data.script_json({"@context": catalogue_data.SCHEMA_ORG, **item}),
        "share": {
            "url": url,
            "email": f"mailto:?{mail}",
            "linkedin": f"{LINKEDIN_SHARE}?{urlencode({'url': url})}",
        },
    }
