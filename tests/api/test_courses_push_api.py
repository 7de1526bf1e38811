"""/api/v1/courses/providers/{slug}/courses: a provider's systems create and update courses with
their runs, list their own courses and take courses out of the public database, with a personal
API token of one of the provider's people."""

import datetime
import decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netzwerkstatt.accounts.services import create_api_token
from netzwerkstatt.core import search
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import index
from netzwerkstatt.courses.models import Course, CourseRun
from tests.courses.factories import CourseFactory, CourseRunFactory, listed_provider
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

FORBIDDEN = {"detail": "Forbidden"}
UNAUTHORIZED = {"detail": "Unauthorized"}


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="Kursverwaltung")
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def provider(db):
    return listed_provider(name="Bildungswerk Schwerin", slug="bildungswerk-schwerin")


@pytest.fixture
def token(provider):
    return bearer(MembershipFactory(organisation=provider).user)


def courses_url(slug: str = "bildungswerk-schwerin", rest: str = "") -> str:
    return f"/api/v1/courses/providers/{slug}/courses{rest}"


COURSE = {
    "course_number": "WB-100",
    "title": "Geprüfte Fachwirtin",
    "description": "Aufstiegsfortbildung mit IHK-Prüfung.",
    "learning_outcomes": ["Projekte planen", "Budgets überwachen"],
    "field": "0413",
    "eqf_level": 6,
    "certificate": "chamber",
    "language": "de",
    "format": "blended",
    "status": "published",
    "runs": [
        {
            "run_number": "WB-100-H",
            "start_date": "2031-09-07",
            "end_date": "2032-06-25",
            "schedule": "part_time",
            "hours": 480,
            "city": "Schwerin",
            "region": "DE-MV",
            "price": "1490.00",
            "funding": ["upgrading_grant", "educational_leave"],
            "registration_url": "https://bildung.example.org/wb-100",
        },
        {
            "start_date": "2032-03-01",
            "end_date": "2032-11-30",
            "schedule": "full_time",
            "online": True,
            "price": 2150,
            "contact_email": "kurse@bildung.example.org",
        },
    ],
}


def push(client, headers, body=COURSE, slug="bildungswerk-schwerin"):
    return client.post(courses_url(slug), body, content_type="application/json", headers=headers)


# Creating and updating -----------------------------------------------------------------------


def test_a_provider_s_person_creates_a_course_with_its_runs(client, provider, token):
    response = push(client, token)

    assert response.status_code == 201, response.json()
    body = response.json()
    course = Course.objects.get()
    assert (body["course_number"], body["title"], body["field"], body["status"]) == (
        "WB-100",
        "Geprüfte Fachwirtin",
        "0413",
        "published",
    )
    assert body["learning_outcomes"] == ["Projekte planen", "Budgets überwachen"]
    assert body["url"] == f"/courses/bildungswerk-schwerin/{course.slug}/"
    assert [
        (run["run_number"], run["start_date"], run["price"], run["funding"], run["listed"])
        for run in body["runs"]
    ] == [
        ("WB-100-H", "2031-09-07", "1490.00", ["upgrading_grant", "educational_leave"], True),
        ("", "2032-03-01", "2150.00", [], True),
    ]
    assert body["runs"][1]["online"] is True
    assert index.public_runs().count() == 2
    assert [c.pk for c in search.search(Course.objects.all(), "Fachwirtin Schwerin")] == [course.pk]
    entry = AuditEntry.objects.get(action="courses.course_pushed")
    assert (entry.object_repr, entry.organisation) == ("Geprüfte Fachwirtin", provider)
    assert entry.changes["created_runs"] == {"old": None, "new": 2}


def test_pushing_again_updates_and_fields_left_out_keep_their_value(client, provider, token):
    push(client, token)
    update = {
        "course_number": "WB-100",
        "title": "Geprüfte Fachwirtin (IHK)",
        "runs": [
            {"run_number": "WB-100-H", "price": 1590},
            {"start_date": "2032-03-01", "seats": 20},
        ],
    }

    response = push(client, token, update)

    assert response.status_code == 200, response.json()
    course = Course.objects.get()
    assert (course.title, course.description, course.version) == (
        "Geprüfte Fachwirtin (IHK)",
        "Aufstiegsfortbildung mit IHK-Prüfung.",
        2,
    )
    runs = list(CourseRun.objects.order_by("start_date"))
    assert [(r.price, r.seats, r.city, r.version) for r in runs] == [
        (decimal.Decimal("1590.00"), None, "Schwerin", 2),
        (decimal.Decimal("2150.00"), 20, "", 2),
    ]
    unchanged = push(client, token, update)
    assert unchanged.status_code == 200
    assert AuditEntry.objects.filter(action="courses.course_pushed").count() == 2


def test_values_that_break_the_rules_answer_422_by_field_path_and_save_nothing(
    client, provider, token
):
    body = {
        **COURSE,
        "title": "",
        "field": "04",
        "runs": [
            {**COURSE["runs"][0], "region": "IT-21"},
            {**COURSE["runs"][1], "end_date": "2031-01-01"},
        ],
    }

    response = push(client, token, body)

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Nothing was saved.",
        "errors": {
            "title": ["Required for a new course."],
            "field": ["Choose a narrow or a detailed field, not a broad one."],
            "runs.0.region": ["Choose a region of Germany."],
            "runs.1.end_date": ["The run cannot end before it starts."],
        },
    }
    assert Course.objects.count() == 0


def test_a_value_of_the_wrong_json_type_or_an_unknown_field_answers_422_in_the_usual_form(
    client, provider, token
):
    response = push(client, token, {**COURSE, "runs": [{"start_date": "morgen"}]})
    misspelt = push(client, token, {**COURSE, "runs": [{"prise": 1490}]})

    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "data", "runs", 0, "start_date"]
    assert misspelt.status_code == 422
    [problem] = misspelt.json()["detail"]
    assert (problem["loc"], problem["msg"]) == (
        ["body", "data", "runs", 0, "prise"],
        "Extra inputs are not permitted",
    )
    assert Course.objects.count() == 0


# Who may -------------------------------------------------------------------------------------


def test_without_a_valid_token_the_answer_is_401(client, provider):
    assert push(client, {}).json() == UNAUTHORIZED
    assert push(client, {}).status_code == 401
    wrong = push(client, {"Authorization": "Bearer nws_wrong"})
    assert (wrong.status_code, wrong.json()) == (401, UNAUTHORIZED)
    assert client.get(courses_url()).status_code == 401


def test_people_of_other_organisations_are_refused_and_unknown_providers_not_found(
    client, provider
):
    outsider = bearer(UserFactory())
    school_member = MembershipFactory(organisation=OrganisationFactory(slug="schule")).user

    assert (push(client, outsider).status_code, push(client, outsider).json()) == (
        403,
        FORBIDDEN,
    )
    assert client.get(courses_url(), headers=outsider).status_code == 403
    # Not a training provider: nobody keeps courses for it, its own people neither.
    assert push(client, bearer(school_member), slug="schule").status_code == 403
    assert push(client, outsider, slug="nicht-da").status_code == 404
    assert Course.objects.count() == 0


# Listing and unpublishing ----------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_has_the_provider_s_own_courses_with_drafts_in_a_fixed_number_of_queries(
    client, provider, token, count
):
    for number in range(count):
        course = CourseFactory(
            organisation=provider, title=f"Kurs {number}", status="draft", external_id=f"K-{number}"
        )
        CourseRunFactory(course=course)
    CourseFactory(title="Fremder Kurs")  # another provider's
    client.get(courses_url(), headers=token)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(courses_url(), headers=token)

    body = response.json()
    assert [(c["title"], c["status"], len(c["runs"])) for c in body["items"]] == [
        (f"Kurs {n}", "draft", 1) for n in range(count)
    ]
    assert body["count"] == count
    assert len(queries) == 6, [q["sql"] for q in queries]


def test_delete_unpublishes_a_published_course_and_leaves_a_draft(client, provider, token):
    published = CourseFactory(organisation=provider, external_id="P-1")
    CourseRunFactory(course=published)
    draft = CourseFactory(organisation=provider, external_id="D-1", status="draft")

    response = client.delete(courses_url(rest="/P-1"), headers=token)

    assert response.status_code == 200
    assert response.json()["status"] == "unpublished"
    assert Course.objects.get(pk=published.pk).status == "unpublished"
    assert index.public_runs().count() == 0
    assert AuditEntry.objects.filter(action="courses.course_unpublished").count() == 1
    assert client.delete(courses_url(rest="/D-1"), headers=token).json()["status"] == "draft"
    assert Course.objects.get(pk=draft.pk).status == "draft"
    assert client.delete(courses_url(rest="/X-9"), headers=token).status_code == 404


def test_the_list_shows_a_run_s_dates_and_whether_it_is_listed(client, provider, token):
    course = CourseFactory(organisation=provider, external_id="P-1")
    CourseRunFactory(course=course, start_date=datetime.date(2031, 5, 4), external_id="A")

    [item] = client.get(courses_url(), headers=token).json()["items"]

    assert item["runs"][0]["start_date"] == "2031-05-04"
    assert item["runs"][0]["listed"] is True
