"""The public continuing-education database: the course search with facets, the side-by-side
comparison of up to four course runs, the course and provider pages with their schema.org JSON-LD,
and the open-data exports. No sign-in needed. What is not public (a draft course, a provider
without a valid participation declaration) does not exist for visitors; the provider's own
people may preview it, with a banner saying so."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from netzwerkstatt.organisations.models import Organisation

from . import catalogue, exports, index, jsonld, public_providers
from .catalogue_query import MAX_COMPARE, RELEVANCE, SORTS, CourseQuery, compare_ids
from .models import Course, CourseRun


def _compare_url(run_ids) -> str:
    query = urlencode([("c", run_id) for run_id in run_ids])
    return reverse("courses:compare") + (f"?{query}" if query else "")


@require_GET
def course_search(request: HttpRequest) -> HttpResponse:
    query = CourseQuery.from_params(request.GET)
    here = reverse("courses:search")
    if any(value == "" for _name, values in request.GET.lists() for value in values):
        # The form sends its empty fields (q=&from=&to=): on to the readable address.
        return redirect(here + query.querystring())
    result = catalogue.run_search(query)
    _prepare_rows(result.runs)
    shown = {run.pk for run in result.runs}
    current = query.effective_sort
    return render(
        request,
        "courses/public/search.html",
        {
            "query": query,
            "result": result,
            "facet_groups": _filter_column(result.facets, here),
            "sorts": [
                (key, label, here + query.sorted_by(key).querystring(), key == current)
                for key, label in SORTS.items()
                if key != RELEVANCE or query.searching
            ],
            "pages": {
                "previous": here + query.on_page(result.page - 1).querystring()
                if result.has_previous
                else None,
                "next": here + query.on_page(result.page + 1).querystring()
                if result.has_next
                else None,
            },
            "canonical": request.build_absolute_uri(
                here + query.on_page(result.page).querystring(compare=False)
            ),
            # The filters go, the words and the chosen runs stay.
            "reset": here + CourseQuery(q=query.q, compare=query.compare).querystring(),
            "downloads": query.querystring(page=False, compare=False),
            "chosen": set(query.compare),
            "chosen_elsewhere": [run_id for run_id in query.compare if run_id not in shown],
            "max_compare": MAX_COMPARE,
        },
    )


def _filter_column(groups: list[catalogue.FacetGroup], here: str) -> list[dict]:
    """The facets as plain dicts for the filter column's loops, with what its template would
    otherwise put together per option: a checkbox's ``id`` and a start-date choice's address."""
    return [
        {
            "name": group.name,
            "label": group.label,
            "options": [
                {
                    "value": option.value,
                    "label": option.label,
                    "count": option.count,
                    "selected": option.selected,
                    "id": f"f-{group.name}-{number}",
                    "url": here + option.url,
                }
                for number, option in enumerate(group.options, start=1)
            ],
        }
        for group in groups
    ]


def _labels(model, name: str) -> dict:
    return {value: str(label) for value, label in model._meta.get_field(name).flatchoices}


def _prepare_rows(runs: list[CourseRun]) -> None:
    """What the result rows show beyond a run's own fields, worked out here for the page rather
    than in the template per row: ``key`` (the id as text, for the element ids and the compare
    box), ``course_url`` (``course.get_absolute_url()``), ``provider_url``, ``schedule_label`` and
    ``format_label`` (as ``get_…_display()``), ``hours_text`` ("12 hours") and ``funding_text``
    (the funding options, joined)."""
    schedules = _labels(CourseRun, "schedule")
    formats = _labels(Course, "format")
    hours_texts: dict[int, str] = {}  # the same texts again and again: each made once
    funding_texts: dict[tuple, str] = {}
    for run in runs:
        course = run.course
        run.course_url = course.get_absolute_url()
        run.provider_url = reverse("courses:provider", kwargs={"slug": run.provider.slug})
        run.key = str(run.pk)
        run.schedule_label = schedules.get(run.schedule, run.schedule)
        run.format_label = formats.get(course.format, course.format)
        hours = run.hours
        if hours and hours not in hours_texts:
            # As {% blocktranslate count hours=run.hours %} gives it: only the number escaped.
            text = ngettext("%(hours)s hour", "%(hours)s hours", hours)
            hours_texts[hours] = mark_safe(text % {"hours": conditional_escape(localize(hours))})
        run.hours_text = hours_texts[hours] if hours else ""
        funding = tuple(getattr(run, name) for name in CourseRun.FUNDING_FIELDS)
        if funding not in funding_texts:
            funding_texts[funding] = ", ".join(run.funding_options)
        run.funding_text = funding_texts[funding]


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    """Up to four runs side by side on the same attributes. The address is the comparison
    (``?c=12&c=34``), so it can be kept and sent on; a fifth run is refused with a note."""
    asked = compare_ids(request.GET)
    refused = asked[MAX_COMPARE:]
    asked = asked[:MAX_COMPARE]
    today = timezone.localdate()
    found = {
        run.pk: run
        for run in index.public_runs(today)
        .filter(pk__in=asked)
        .select_related("course__field", "course__organisation", "provider")
    }
    runs = [found[run_id] for run_id in asked if run_id in found]
    catalogue.mark_labels(runs, today)
    providers = {run.provider_id: run.provider for run in runs}.values()
    labels = public_providers.quality_labels(providers, today)
    certifications = public_providers.certifications_by_provider(providers, today)
    kept = [run.pk for run in runs]
    for run in runs:
        run.quality_labels = labels.get(run.provider_id, [])
        run.valid_certifications = certifications.get(run.provider_id, [])
        run.remove_url = _compare_url([pk for pk in kept if pk != run.pk])
    return render(
        request,
        "courses/public/compare.html",
        {
            "runs": runs,
            "refused": len(refused),
            "gone": len(asked) - len(runs),
            "canonical": request.build_absolute_uri(_compare_url(kept)),
            "add_url": reverse("courses:search") + CourseQuery(compare=tuple(kept)).querystring(),
            "can_add": len(kept) < MAX_COMPARE,
            "max_compare": MAX_COMPARE,
        },
    )


def _may_preview(user, organisation: Organisation) -> bool:
    """The provider's people and its clusters' coordinators, who read its drafts elsewhere too."""
    return user.is_authenticated and user.has_perm("courses.view_provider_courses", organisation)


def _may_manage(user, organisation: Organisation) -> bool:
    return user.is_authenticated and user.has_perm("courses.manage_provider", organisation)


@require_GET
def course_detail(request: HttpRequest, provider: str, slug: str) -> HttpResponse:
    course = get_object_or_404(
        Course.objects.select_related("organisation", "field"),
        organisation__slug=provider,
        slug=slug,
    )
    public = index.public_courses().filter(pk=course.pk).exists()
    if not public and not _may_preview(request.user, course.organisation):
        raise Http404
    today = timezone.localdate()
    runs = list(
        public_providers.upcoming_runs(today, listed_only=public)
        .filter(course=course)
        .select_related("provider")
        .order_by("start_date", "pk")
    )
    catalogue.mark_labels(runs, today)
    organisation = course.organisation
    context = {
        "course": course,
        "organisation": organisation,
        "runs": runs,
        "public": public,
        "can_manage": _may_manage(request.user, organisation),
        "labels": public_providers.quality_labels([organisation], today).get(organisation.pk, []),
        "certifications": public_providers.certifications_by_provider([organisation], today).get(
            organisation.pk, []
        ),
        "provider_listed": index.listed_providers().filter(pk=organisation.pk).exists(),
    }
    if public:
        build = request.build_absolute_uri
        context["canonical"] = build(course.get_absolute_url())
        context["jsonld"] = jsonld.script_json(
            {"@context": jsonld.SCHEMA_ORG, **jsonld.course(course, runs, build)}
        )
    return render(request, "courses/public/course.html", context)


@require_GET
def provider_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    listed = index.listed_providers().filter(pk=organisation.pk).exists()
    if not listed and not _may_preview(request.user, organisation):
        raise Http404
    today = timezone.localdate()
    courses = list(public_providers.provider_courses(organisation, today, preview=not listed))
    fields = public_providers.competency_fields(organisation)
    certifications = public_providers.certifications_by_provider([organisation], today).get(
        organisation.pk, []
    )
    labels = public_providers.quality_labels([organisation], today).get(organisation.pk, [])
    for certification in certifications:
        certification.current_status = certification.status(today)
    context = {
        "organisation": organisation,
        "courses": courses,
        "fields": fields,
        "certifications": certifications,
        "labels": labels,
        "listed": listed,
        "can_manage": _may_manage(request.user, organisation),
    }
    if listed:
        build = request.build_absolute_uri
        context["canonical"] = jsonld.provider_url(organisation, build)
        graph = [
            jsonld.provider(
                organisation,
                build,
                fields=fields,
                certifications=certifications,
                labels=labels,
            ),
            *(jsonld.course(course, course.upcoming, build) for course in courses),
        ]
        context["jsonld"] = jsonld.script_json(jsonld.document(graph))
    return render(request, "courses/public/provider.html", context)


# Open data -------------------------------------------------------------------------------------


@require_GET
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The runs of a search (the same parameters as the search page), or all public runs."""
    query = CourseQuery.from_params(request.GET)
    runs = catalogue.matching_runs(query)
    return exports.response(fmt, runs, request.build_absolute_uri, filename="courses")


@require_GET
def provider_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """One listed provider's public runs (search parameters narrow them as on the search page)."""
    organisation = get_object_or_404(index.listed_providers(), slug=slug)
    query = CourseQuery.from_params(request.GET)
    runs = catalogue.matching_runs(query, provider=organisation)
    return exports.response(
        fmt, runs, request.build_absolute_uri, filename=f"courses-{organisation.slug}"
    )
