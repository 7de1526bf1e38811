"""The pages a provider keeps its courses and runs with: what they show, who may open them, the
forms' errors next to their fields, and a stale form refused with the input kept."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.courses import services
from netzwerkstatt.courses.models import Course, CourseRun
from tests.courses.factories import CourseFactory, ProviderFactory, listed_provider
from tests.courses.factories_manage import course_data, course_form, run_data, run_form
from tests.factories import MembershipFactory, ProgrammeRoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(world):
    """A training provider with a valid declaration in the world's programme (its cluster)."""
    return listed_provider(world.programme, name="Akademie Westmecklenburg", slug="akademie")


@pytest.fixture
def staff(provider):
    return MembershipFactory(organisation=provider).user


def _list(provider, query: str = "") -> str:
    return reverse("courses:manage_courses", kwargs={"slug": provider.slug}) + query


def _url(name: str, course, **kwargs) -> str:
    return reverse(
        f"courses:{name}",
        kwargs={"slug": course.organisation.slug, "course_slug": course.slug, **kwargs},
    )


def _course(provider, staff, **changes):
    return services.create_course(actor=staff, organisation=provider, data=course_data(**changes))


def _run(course, staff, **changes):
    return services.add_run(actor=staff, course=course, data=run_data(**changes))


def _days(number: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=number)


def _error(page: str, field: str) -> str:
    """The text of the error shown under ``field`` (the project's field template)."""
    marker = f'id="id_{field}_error">'
    assert marker in page, f"no error under {field}"
    return page.split(marker, 1)[1].split("</div>", 1)[0]


# The list -------------------------------------------------------------------------------------


def test_the_list_shows_each_course_with_its_state_next_run_and_upcoming_runs(
    client, provider, staff
):
    course = _course(provider, staff)
    _run(course, staff, start_date=_days(-10), end_date=_days(100))
    _run(course, staff, start_date=_days(30), end_date=_days(60))
    _run(course, staff, start_date=_days(90), end_date=_days(120))
    services.publish_course(actor=staff, course=course)
    _course(provider, staff, title="Excel im Controlling")
    client.force_login(staff)

    page = client.get(_list(provider)).content.decode()

    row = page.split("Geprüfte Wirtschaftsfachwirtin (IHK)</a>", 1)[1].split("</tr>", 1)[0]
    assert "Published" in row
    assert _days(30).strftime("%Y-%m-%d") in row
    assert "2 <span" in row and "of 3 runs" in row
    draft = page.split("Excel im Controlling</a>", 1)[1].split("</tr>", 1)[0]
    assert "Draft" in draft and "none planned" in draft
    assert "New course" in page
    # The provider has signed the cluster's declaration: no hint about it.
    assert "participation declaration" not in page


def test_the_status_and_title_filters_narrow_the_list(client, provider, staff):
    published = _course(provider, staff, title="Wirtschaftsfachwirt")
    services.publish_course(actor=staff, course=published)
    _course(provider, staff, title="Excel im Controlling", external_id="EX-1")
    client.force_login(staff)

    drafts = client.get(_list(provider, "?status=draft")).content.decode()
    by_number = client.get(_list(provider, "?q=ex-1")).content.decode()
    by_title = client.get(_list(provider, "?q=fachwirt")).content.decode()

    assert "Excel im Controlling</a>" in drafts and "Wirtschaftsfachwirt</a>" not in drafts
    assert "Excel im Controlling</a>" in by_number and "Wirtschaftsfachwirt</a>" not in by_number
    assert "Wirtschaftsfachwirt</a>" in by_title and "Excel im Controlling</a>" not in by_title
    assert 'aria-current="page">Draft <span class="badge rounded-pill text-bg-light">1' in drafts


def test_a_provider_without_declaration_is_told_why_nothing_is_public(client):
    provider = ProviderFactory()
    staff = MembershipFactory(organisation=provider).user
    client.force_login(staff)

    page = client.get(_list(provider)).content.decode()

    assert "until the organisation has signed the participation declaration" in page
    assert "No courses yet." in page


def test_the_list_takes_the_same_number_of_queries_for_one_or_three_courses(
    client, provider, staff
):
    def add(number):
        course = _course(provider, staff, title=f"Kurs {number}")
        _run(course, staff)
        services.publish_course(actor=staff, course=course)

    add(1)
    client.force_login(staff)
    client.get(_list(provider))

    with CaptureQueriesContext(connection) as one:
        client.get(_list(provider))
    add(2)
    add(3)
    with CaptureQueriesContext(connection) as three:
        page = client.get(_list(provider)).content.decode()

    assert page.count("/manage/") == 3
    assert len(one) == len(three)


# Who may open the pages -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["manage_courses", "course_create"])
def test_anonymous_visitors_are_sent_to_sign_in(client, provider, name):
    response = client.get(reverse(f"courses:{name}", kwargs={"slug": provider.slug}))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_people_outside_the_provider_are_refused(client, world, provider, staff):
    course = _course(provider, staff)
    other_provider_member = MembershipFactory(organisation=ProviderFactory()).user
    pages = [
        _list(provider),
        reverse("courses:course_create", kwargs={"slug": provider.slug}),
        _url("course_manage", course),
        _url("course_edit", course),
        _url("run_create", course),
    ]
    answers = {}
    for who, user in (("outsider", world.outsider), ("other", other_provider_member)):
        client.force_login(user)
        answers[who] = [client.get(page).status_code for page in pages]

    assert answers == {"outsider": [403] * 5, "other": [403] * 5}


def test_an_organisation_that_is_no_training_provider_has_no_course_pages(client, world):
    client.force_login(world.org_admin)

    response = client.get(_list(world.organisation))
    created = client.post(
        reverse("courses:course_create", kwargs={"slug": world.organisation.slug}),
        course_form(),
    )

    assert (response.status_code, created.status_code) == (403, 403)
    assert not Course.objects.exists()


def test_a_course_of_another_provider_is_not_found_under_this_one(client, provider, staff):
    theirs = CourseFactory(organisation=ProviderFactory(), slug="fremd")
    client.force_login(staff)

    response = client.get(
        reverse("courses:course_manage", kwargs={"slug": provider.slug, "course_slug": theirs.slug})
    )

    assert response.status_code == 404


def test_the_clusters_coordinator_reads_the_courses_but_changes_nothing(
    client, world, provider, staff
):
    course = _course(provider, staff)
    run = _run(course, staff)
    client.force_login(world.coordinator)

    listing = client.get(_list(provider)).content.decode()
    page = client.get(_url("course_manage", course)).content.decode()
    edit = client.get(_url("course_edit", course))
    publish = client.post(_url("course_publish", course))
    run_edit = client.get(_url("run_edit", course, run_id=run.pk))

    assert "Geprüfte Wirtschaftsfachwirtin (IHK)" in listing
    assert "You see this list as a coordinator" in listing and "New course" not in listing
    assert "Schwerin" in page and "Edit the course" not in page and "Add a run" not in page
    assert (edit.status_code, publish.status_code, run_edit.status_code) == (403, 403, 403)
    assert Course.objects.get(pk=course.pk).status == "draft"


def test_a_coordinator_of_another_cluster_does_not_read_the_courses(client, provider, staff):
    coordinator = ProgrammeRoleFactory(role="coordinator").user
    client.force_login(coordinator)

    assert client.get(_list(provider)).status_code == 403


def test_a_revoked_declaration_ends_the_coordinators_reading(client, world, provider):
    provider.declarations.update(revoked_at=timezone.now())
    client.force_login(world.coordinator)

    assert client.get(_list(provider)).status_code == 403


# Creating and editing a course ----------------------------------------------------------------


def test_a_new_course_is_saved_as_draft_and_its_page_follows(client, provider, staff):
    client.force_login(staff)
    form = client.get(reverse("courses:course_create", kwargs={"slug": provider.slug}))

    response = client.post(
        reverse("courses:course_create", kwargs={"slug": provider.slug}), course_form()
    )

    course = Course.objects.get()
    assert (course.title, course.status, course.organisation) == (
        "Geprüfte Wirtschaftsfachwirtin (IHK)",
        "draft",
        provider,
    )
    assert response["Location"] == _url("course_manage", course)
    page = client.get(response["Location"]).content.decode()
    assert "The course was saved as a draft." in page
    assert "This course is a draft" in page
    assert 'data-draft="course-new"' in form.content.decode()
    # The field select groups detailed fields under their broad field.
    assert '<optgroup label="04 Business, administration and law">' in form.content.decode()
    assert "Level 6: Advanced knowledge of a field of work or study" in form.content.decode()


def test_errors_are_shown_next_to_their_fields(client, provider, staff):
    client.force_login(staff)
    services.create_course(actor=staff, organisation=provider, data=course_data(external_id="WF-1"))
    url = reverse("courses:course_create", kwargs={"slug": provider.slug})

    missing = client.post(url, course_form(title="", field="")).content.decode()
    taken = client.post(url, course_form(external_id="WF-1")).content.decode()

    assert _error(missing, "title") == "This field is required."
    assert _error(missing, "field") == "This field is required."
    assert _error(taken, "external_id") == "Another of your courses has this number."
    assert Course.objects.count() == 1


def test_errors_are_translated(client, provider, staff):
    staff.language = "de"
    staff.save()
    client.force_login(staff)
    client.cookies["netzwerkstatt_language"] = "de"

    page = client.post(
        reverse("courses:course_create", kwargs={"slug": provider.slug}), course_form(title="")
    ).content.decode()

    assert _error(page, "title") == "Dieses Feld ist zwingend erforderlich."


def test_editing_saves_the_course(client, provider, staff):
    course = _course(provider, staff)
    client.force_login(staff)
    page = client.get(_url("course_edit", course)).content.decode()

    response = client.post(
        _url("course_edit", course), course_form(title="Geprüfte Betriebswirtin", version="1")
    )

    assert f'data-draft="course-{course.pk}"' in page
    assert 'name="version" value="1"' in page
    assert response["Location"] == _url("course_manage", course)
    stored = Course.objects.get(pk=course.pk)
    assert (stored.title, stored.version) == ("Geprüfte Betriebswirtin", 2)


def test_a_stale_edit_is_refused_with_the_input_kept(client, provider, staff):
    course = _course(provider, staff)
    services.update_course(
        actor=staff, course=course, data={"title": "Von jemand anderem"}, expected_version=1
    )
    client.force_login(staff)

    response = client.post(
        _url("course_edit", course), course_form(title="Meine Fassung", version="1")
    )

    page = response.content.decode()
    assert response.status_code == 409
    assert "Not saved: someone else changed this after you opened it." in page
    assert 'value="Meine Fassung"' in page  # the input, kept
    assert "<dd>Von jemand anderem</dd>" in page  # the saved version, beside it
    assert Course.objects.get(pk=course.pk).title == "Von jemand anderem"


# The course's page, publishing and deleting ---------------------------------------------------


def test_the_course_page_marks_started_runs_and_says_until_when_the_others_are_found(
    client, provider, staff
):
    course = _course(provider, staff)
    _run(course, staff, start_date=_days(-5), end_date=_days(50), city="Wismar")
    _run(course, staff, start_date=_days(20), end_date=_days(50), city="Ludwigslust")
    services.publish_course(actor=staff, course=course)
    client.force_login(staff)

    page = client.get(_url("course_manage", course)).content.decode()

    upcoming, started = page.split("Runs that have started", 1)
    assert "Ludwigslust" in upcoming and "Wismar" not in upcoming
    assert "Wismar" in started and "No longer in the public search: it has started." in started
    assert f"In the public search until {_days(20):%m/%d/%Y}" in upcoming
    assert "In the public database, with 1 upcoming run." in page


def test_a_published_course_without_upcoming_run_warns_that_it_is_not_found(
    client, provider, staff
):
    course = _course(provider, staff)
    services.publish_course(actor=staff, course=course)
    client.force_login(staff)

    page = client.get(_url("course_manage", course)).content.decode()

    assert "does not appear in the search until it has a run that has not started yet" in page
    assert "No runs yet." in page
    assert "Unpublish" in page and ">Delete<" not in page


def test_a_published_course_of_a_provider_without_declaration_says_so(client):
    provider = ProviderFactory()
    staff = MembershipFactory(organisation=provider).user
    course = _course(provider, staff)
    _run(course, staff)
    services.publish_course(actor=staff, course=course)
    client.force_login(staff)

    page = client.get(_url("course_manage", course)).content.decode()

    assert "no valid participation declaration in a public cluster" in page
    assert "Not in the public search." in page


def test_publishing_and_unpublishing_from_the_course_page(client, provider, staff):
    course = _course(provider, staff)
    run = _run(course, staff)
    client.force_login(staff)

    published = client.post(_url("course_publish", course), follow=True).content.decode()
    listed = CourseRun.objects.get(pk=run.pk).listed
    unpublished = client.post(_url("course_unpublish", course), follow=True).content.decode()

    assert "The course is published." in published and listed
    assert "it no longer appears in the public database" in unpublished
    assert not CourseRun.objects.get(pk=run.pk).listed
    assert Course.objects.get(pk=course.pk).status == "unpublished"


def test_the_state_buttons_only_answer_posts(client, provider, staff):
    course = _course(provider, staff)
    client.force_login(staff)

    answers = [
        client.get(_url(name, course)).status_code
        for name in ("course_publish", "course_unpublish", "course_delete")
    ]

    assert answers == [405, 405, 405]


def test_a_draft_is_deleted_from_its_page(client, provider, staff):
    course = _course(provider, staff)
    client.force_login(staff)
    page = client.get(_url("course_manage", course)).content.decode()

    response = client.post(_url("course_delete", course), follow=True)

    assert "Delete this draft and its runs?" in page
    assert response.redirect_chain[-1][0] == _list(provider)
    assert "was deleted." in response.content.decode()
    assert not Course.objects.exists()


def test_a_course_once_published_is_not_deleted(client, provider, staff):
    course = _course(provider, staff)
    services.publish_course(actor=staff, course=course)
    client.force_login(staff)

    response = client.post(_url("course_delete", course), follow=True)

    assert "cannot be deleted. Unpublish it instead." in response.content.decode()
    assert Course.objects.filter(pk=course.pk).exists()


# Runs -----------------------------------------------------------------------------------------


def test_a_new_run_starts_from_the_latest_run_and_is_added(client, provider, staff):
    course = _course(provider, staff)
    _run(course, staff, city="Hagenow", venue="Lernwerkstatt")
    client.force_login(staff)

    form = client.get(_url("run_create", course)).content.decode()
    response = client.post(
        _url("run_create", course),
        run_form(start_date=_days(200), end_date=_days(260), city="Grevesmühlen"),
    )

    assert 'value="Hagenow"' in form and 'value="Lernwerkstatt"' in form
    assert 'data-draft="run-new"' in form
    assert response["Location"] == _url("course_manage", course)
    run = course.runs.get(start_date=_days(200))
    assert (run.city, run.funding_upgrading_grant, run.funding_voucher) == (
        "Grevesmühlen",
        True,
        False,
    )


def test_run_errors_are_shown_next_to_their_fields(client, provider, staff):
    course = _course(provider, staff)
    client.force_login(staff)

    page = client.post(
        _url("run_create", course),
        run_form(start_date=_days(30), end_date=_days(20), city="", registration_url="x"),
    ).content.decode()

    assert _error(page, "end_date") == "The run cannot end before it starts."
    assert _error(page, "city") == "Give the city, or mark the run as online."
    assert _error(page, "registration_url") == "Enter a valid URL."
    assert not CourseRun.objects.exists()


def test_the_region_list_holds_the_providers_countrys_regions(client, provider, staff):
    course = _course(provider, staff)
    client.force_login(staff)

    form = client.get(_url("run_create", course)).content.decode()
    page = client.post(_url("run_create", course), run_form(region="IT-25")).content.decode()

    assert '<option value="DE-BY">Bavaria</option>' in form
    assert 'value="IT-25"' not in form
    assert "Select a valid choice." in _error(page, "region")


def test_a_stale_run_edit_is_refused_with_the_input_kept(client, provider, staff):
    course = _course(provider, staff)
    run = _run(course, staff)
    services.update_run(actor=staff, run=run, data={"seats": 5}, expected_version=1)
    client.force_login(staff)

    response = client.post(
        _url("run_edit", course, run_id=run.pk), run_form(seats="30", version="1")
    )

    page = response.content.decode()
    assert response.status_code == 409
    assert "Not saved: someone else changed this after you opened it." in page
    assert 'name="seats" value="30"' in page
    assert CourseRun.objects.get(pk=run.pk).seats == 5


def test_editing_a_run_saves_it(client, provider, staff):
    course = _course(provider, staff)
    run = _run(course, staff)
    client.force_login(staff)

    response = client.post(
        _url("run_edit", course, run_id=run.pk),
        run_form(seats="30", version="1", funding=["funding_voucher"]),
    )

    stored = CourseRun.objects.get(pk=run.pk)
    assert response["Location"] == _url("course_manage", course)
    assert (stored.seats, stored.version, stored.funding_voucher, stored.funding_employer) == (
        30,
        2,
        True,
        False,
    )


def test_a_run_is_copied_with_new_dates_and_opened_for_checking(client, provider, staff):
    course = _course(provider, staff)
    run = _run(course, staff)
    client.force_login(staff)
    form = client.get(_url("run_duplicate", course, run_id=run.pk)).content.decode()

    response = client.post(
        _url("run_duplicate", course, run_id=run.pk), {"start_date": _days(400).isoformat()}
    )

    copy = course.runs.exclude(pk=run.pk).get()
    assert (copy.start_date, copy.end_date) == (_days(400), _days(700))
    assert copy.city == run.city
    assert response["Location"] == _url("run_edit", course, run_id=copy.pk)
    proposed = run.start_date + datetime.timedelta(weeks=52)
    assert f'value="{proposed.isoformat()}"' in form


def test_a_run_is_deleted(client, provider, staff):
    course = _course(provider, staff)
    run = _run(course, staff)
    client.force_login(staff)

    refused = client.get(_url("run_delete", course, run_id=run.pk))
    response = client.post(_url("run_delete", course, run_id=run.pk), follow=True)

    assert refused.status_code == 405
    assert "The run was deleted." in response.content.decode()
    assert not CourseRun.objects.exists()


def test_a_run_of_another_course_is_not_found(client, provider, staff):
    course = _course(provider, staff)
    other = _course(provider, staff, title="Anderer Kurs")
    run = _run(other, staff)
    client.force_login(staff)

    assert client.get(_url("run_edit", course, run_id=run.pk)).status_code == 404
