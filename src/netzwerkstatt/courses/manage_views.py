"""A provider's courses and runs: the list, the course's own page for the provider, and the forms.
The people of the provider change them (``courses.manage_provider``); the coordinators of its
clusters read the list and the course pages (``courses.view_provider_courses``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.organisations.rules import get_organisation_for

from . import services
from .course_forms import CourseForm, DuplicateRunForm, RunForm, initial_for_new_run
from .models import Course, CourseRun

PAGE_SIZE = 50
MANAGE = "courses.manage_provider"
VIEW = "courses.view_provider_courses"


def get_course_for(user, slug: str, course_slug: str, perm: str) -> Course:
    """The provider's course, with the permission on the provider checked in the same step."""
    organisation = get_organisation_for(user, slug, perm)
    course = get_object_or_404(
        Course.objects.select_related("field"), organisation=organisation, slug=course_slug
    )
    course.organisation = organisation
    return course


def get_run_for(user, slug: str, course_slug: str, run_id: int, perm: str) -> CourseRun:
    course = get_course_for(user, slug, course_slug, perm)
    run = get_object_or_404(CourseRun, course=course, pk=run_id)
    run.course = course
    return run


def _manage_url(course: Course) -> str:
    return reverse(
        "courses:course_manage",
        kwargs={"slug": course.organisation.slug, "course_slug": course.slug},
    )


def _list_url(organisation: Organisation) -> str:
    return reverse("courses:manage_courses", kwargs={"slug": organisation.slug})


@login_required
def manage_courses(request: HttpRequest, slug: str) -> HttpResponse:
    """The provider's courses with their state, next run and number of upcoming runs."""
    organisation = get_organisation_for(request.user, slug, VIEW)
    today = timezone.localdate()
    status = request.GET.get("status", "")
    if status not in Course.Status.values:
        status = ""
    query = request.GET.get("q", "").strip()[:100]
    courses = organisation.courses.select_related("field").annotate(
        upcoming=Count("runs", filter=Q(runs__start_date__gte=today)),
        next_start=Min("runs__start_date", filter=Q(runs__start_date__gte=today)),
        run_count=Count("runs"),
    )
    if status:
        courses = courses.filter(status=status)
    if query:
        courses = courses.filter(Q(title__icontains=query) | Q(external_id__iexact=query))
    page = Paginator(courses.order_by("title", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(
        organisation.courses.order_by().values_list("status").annotate(number=Count("pk"))
    )
    tabs = [("", _("All"), sum(counts.values()))] + [
        (value, label, counts.get(value, 0)) for value, label in Course.Status.choices
    ]
    return render(
        request,
        "courses/manage/list.html",
        {
            "organisation": organisation,
            "page": page,
            "courses": page.object_list,
            "tabs": tabs,
            "status": status,
            "query": query,
            "can_manage": request.user.has_perm(MANAGE, organisation),
            "provider_listed": services.provider_is_listed(organisation),
            "today": today,
        },
    )


@login_required
def course_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug, MANAGE)
    form = CourseForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.create_course(
                actor=request.user, organisation=organisation, data=form.data_for_service()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("The course was saved as a draft. Add its runs, then publish it."),
            )
            return redirect(_manage_url(course))
    return render(
        request,
        "courses/manage/course_form.html",
        {"organisation": organisation, "course": None, "form": form},
    )


@login_required
def course_edit(request: HttpRequest, slug: str, course_slug: str) -> HttpResponse:
    course = get_course_for(request.user, slug, course_slug, MANAGE)
    form = CourseForm(request.POST or None, instance=course, organisation=course.organisation)
    conflict, stored = False, None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_course(
                actor=request.user,
                course=course,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"] or 0,
            )
        except ConcurrentEdit:
            conflict = True
            stored = Course.objects.select_related("field").get(pk=course.pk)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The course was saved."))
            return redirect(_manage_url(course))
    return render(
        request,
        "courses/manage/course_form.html",
        {
            "organisation": course.organisation,
            "course": course,
            "form": form,
            "conflict": conflict,
            "stored": stored,
        },
        status=409 if conflict else 200,
    )


@login_required
def course_manage(request: HttpRequest, slug: str, course_slug: str) -> HttpResponse:
    """The course as its provider sees it: its state, what keeps it out of the search, its runs."""
    course = get_course_for(request.user, slug, course_slug, VIEW)
    today = timezone.localdate()
    runs = list(course.runs.order_by("start_date", "pk"))
    upcoming = [run for run in runs if run.start_date >= today]
    started = [run for run in reversed(runs) if run.start_date < today]
    provider_listed = services.provider_is_listed(course.organisation)
    return render(
        request,
        "courses/manage/course.html",
        {
            "organisation": course.organisation,
            "course": course,
            "runs": runs,
            "upcoming": upcoming,
            "started": started,
            "in_search": course.status == Course.Status.PUBLISHED and provider_listed,
            "provider_listed": provider_listed,
            "can_manage": request.user.has_perm(MANAGE, course.organisation),
            "can_delete": services.can_delete(course),
            "today": today,
        },
    )


def _state_change(request, slug: str, course_slug: str, service, done: str) -> HttpResponse:
    course = get_course_for(request.user, slug, course_slug, MANAGE)
    try:
        service(actor=request.user, course=course)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(_manage_url(course))


@require_POST
@login_required
def course_publish(request: HttpRequest, slug: str, course_slug: str) -> HttpResponse:
    return _state_change(
        request, slug, course_slug, services.publish_course, _("The course is published.")
    )


@require_POST
@login_required
def course_unpublish(request: HttpRequest, slug: str, course_slug: str) -> HttpResponse:
    return _state_change(
        request,
        slug,
        course_slug,
        services.unpublish_course,
        _("The course is unpublished: it no longer appears in the public database."),
    )


@require_POST
@login_required
def course_delete(request: HttpRequest, slug: str, course_slug: str) -> HttpResponse:
    course = get_course_for(request.user, slug, course_slug, MANAGE)
    try:
        services.delete_course(actor=request.user, course=course)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(_manage_url(course))
    messages.success(request, _("The course “%(title)s” was deleted.") % {"title": course.title})
    return redirect(_list_url(course.organisation))


# Runs -----------------------------------------------------------------------------------------


@login_required
def run_create(request: HttpRequest, slug: str, course_slug: str) -> HttpResponse:
    course = get_course_for(request.user, slug, course_slug, MANAGE)
    form = RunForm(request.POST or None, course=course, initial=initial_for_new_run(course))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_run(actor=request.user, course=course, data=form.data_for_service())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The run was added."))
            return redirect(_manage_url(course))
    return render(
        request,
        "courses/manage/run_form.html",
        {"organisation": course.organisation, "course": course, "run": None, "form": form},
    )


@login_required
def run_edit(request: HttpRequest, slug: str, course_slug: str, run_id: int) -> HttpResponse:
    run = get_run_for(request.user, slug, course_slug, run_id, MANAGE)
    form = RunForm(request.POST or None, instance=run, course=run.course)
    conflict, stored = False, None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_run(
                actor=request.user,
                run=run,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"] or 0,
            )
        except ConcurrentEdit:
            conflict = True
            stored = CourseRun.objects.get(pk=run.pk)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The run was saved."))
            return redirect(_manage_url(run.course))
    return render(
        request,
        "courses/manage/run_form.html",
        {
            "organisation": run.course.organisation,
            "course": run.course,
            "run": run,
            "form": form,
            "conflict": conflict,
            "stored": stored,
        },
        status=409 if conflict else 200,
    )


@login_required
def run_duplicate(request: HttpRequest, slug: str, course_slug: str, run_id: int) -> HttpResponse:
    run = get_run_for(request.user, slug, course_slug, run_id, MANAGE)
    form = DuplicateRunForm(request.POST or None, run=run)
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.duplicate_run(
                actor=request.user,
                run=run,
                start_date=form.cleaned_data["start_date"],
                end_date=form.cleaned_data["end_date"],
                external_id=form.cleaned_data["external_id"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("The run was copied to %(date)s. Check its details.")
                % {"date": date_format(copy.start_date, "SHORT_DATE_FORMAT")},
            )
            return redirect(
                reverse(
                    "courses:run_edit",
                    kwargs={"slug": slug, "course_slug": course_slug, "run_id": copy.pk},
                )
            )
    return render(
        request,
        "courses/manage/run_duplicate.html",
        {"organisation": run.course.organisation, "course": run.course, "run": run, "form": form},
    )


@require_POST
@login_required
def run_delete(request: HttpRequest, slug: str, course_slug: str, run_id: int) -> HttpResponse:
    run = get_run_for(request.user, slug, course_slug, run_id, MANAGE)
    services.delete_run(actor=request.user, run=run)
    messages.success(request, _("The run was deleted."))
    return redirect(_manage_url(run.course))
