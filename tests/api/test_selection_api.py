"""/api/v1/calls/{programme}/{slug}/applications and /reviews: a call's joint applications and
its reviews for the people who run the call; one application for them, the consortium's members
and its assigned reviewers; a committee member's own reviews. Held decisions and reviewers'
drafts stay with the people they belong to."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netzwerkstatt.accounts.services import create_api_token
from netzwerkstatt.selection import review
from netzwerkstatt.selection.models import Application, Attachment, Review
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    CallFactory,
    ConsortiumFactory,
    MembershipFactory,
    ProgrammeRoleFactory,
)
from tests.selection.panel import Panel

pytestmark = pytest.mark.django_db

FORBIDDEN = {"detail": "Forbidden"}
NOT_FOUND = {"detail": "Not Found"}
UNAUTHORIZED = {"detail": "Unauthorized"}


@pytest.fixture
def panel(world):
    return Panel(world)


def call_path(call, rest: str = "") -> str:
    return f"/api/v1/calls/{call.programme.slug}/{call.slug}{rest}"


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="Skript")
    return {"Authorization": f"Bearer {raw}"}


def get(client, path: str, user=None, **headers):
    return client.get(path, headers={**(bearer(user) if user else {}), **headers})


def assign(panel, application, *reviewers) -> list[Review]:
    return [
        review.assign_reviewer(actor=panel.world.coordinator, application=application, reviewer=r)
        for r in reviewers
    ]


def scored(panel, item: Review, quality, fit, *, comment="", submit=True) -> Review:
    item = review.save_review(
        actor=item.reviewer,
        review=item,
        scores={panel.quality.pk: (quality, "About quality"), panel.fit.pk: (fit, "About fit")},
        comment=comment,
        expected_version=item.version,
    )
    if submit:
        item = review.submit_review(actor=item.reviewer, review=item)
    return item


def decide(panel, application, decision: str, feedback: str) -> Application:
    application.refresh_from_db()
    return review.decide(
        actor=panel.world.coordinator,
        application=application,
        decision=decision,
        feedback=feedback,
        expected_version=application.decision_version,
    )


def furnish(application) -> None:
    """A work programme line, a role for each lead organisation and a theme."""
    consortium = application.consortium
    ActivityFactory(
        application=application,
        title="Joint training week",
        owner=consortium.right.lead,
        start_month=3,
        end_month=8,
        outputs="A curriculum",
    )
    application.roles.create(organisation=consortium.left.lead, role="Hosts the apprentices")
    application.roles.create(organisation=consortium.right.lead, role="Sends the apprentices")
    application.themes.set(Theme.objects.filter(code="work-based-learning"))


# The coordinators' list -------------------------------------------------------------------------


def test_coordinators_list_the_applications_with_consortium_and_work_programme(
    client, world, panel
):
    first = panel.first
    furnish(first)
    consortium = first.consortium

    response = get(client, call_path(panel.call, "/applications"), world.coordinator)

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3
    assert [a["title"] for a in data["items"]] == ["Project A", "Project B", "Project C"]
    shown = data["items"][0]
    assert shown["id"] == first.pk
    assert shown["consortium"] == {
        "id": consortium.pk,
        "left": {
            "id": consortium.left.pk,
            "name": consortium.left.name,
            "country": "IT",
            "lead": {
                "id": consortium.left.lead.pk,
                "slug": consortium.left.lead.slug,
                "name": consortium.left.lead.name,
                "country": "IT",
            },
        },
        "right": {
            "id": consortium.right.pk,
            "name": consortium.right.name,
            "country": "DE",
            "lead": {
                "id": consortium.right.lead.pk,
                "slug": consortium.right.lead.slug,
                "name": consortium.right.lead.name,
                "country": "DE",
            },
        },
    }
    assert (shown["summary"], shown["objectives"]) == ("Summary of project A", "Objectives")
    assert shown["themes"] == ["work-based-learning"]
    assert shown["status"] == "submitted"
    assert shown["submitted_at"][-6:] in ("+01:00", "+02:00")
    [activity] = shown["activities"]
    assert activity["title"] == "Joint training week"
    assert activity["owner"]["id"] == consortium.right.lead.pk
    assert activity["owner"]["name"] == consortium.right.lead.name
    assert (activity["start_month"], activity["end_month"], activity["outputs"]) == (
        3,
        8,
        "A curriculum",
    )
    assert {(r["organisation"]["id"], r["role"]) for r in shown["roles"]} == {
        (consortium.left.lead.pk, "Hosts the apprentices"),
        (consortium.right.lead.pk, "Sends the apprentices"),
    }
    assert shown["held_decision"] == {"decision": None, "feedback": "", "decided_at": None}
    assert (shown["feedback"], shown["decision_released_at"]) == (None, None)
    assert shown["url"] == (
        f"/programmes/{world.programme.slug}/calls/{panel.call.slug}/applications/{consortium.pk}/"
    )


def test_the_list_includes_drafts_and_filters_by_status(client, world, panel):
    draft = ApplicationFactory(consortium=ConsortiumFactory(call=panel.call), title="Project Z")
    path = call_path(panel.call, "/applications")

    everything = get(client, path, world.coordinator).json()
    drafts = get(client, path + "?status=draft", world.coordinator).json()

    assert everything["count"] == 4
    assert [(a["id"], a["status"], a["submitted_at"]) for a in drafts["items"]] == [
        (draft.pk, "draft", None)
    ]


def test_the_list_is_paginated(client, world, panel):
    response = get(
        client, call_path(panel.call, "/applications?limit=2&offset=2"), world.coordinator
    )

    assert response.json()["count"] == 3
    assert [a["title"] for a in response.json()["items"]] == ["Project C"]


# Decisions: held for the coordinators, the consortium's once released ---------------------------


def test_a_held_decision_is_shown_to_the_coordinators_only(client, world, panel):
    decide(panel, panel.first, "selected", "A convincing plan.")
    writer = panel.writers[0][0]
    one = call_path(panel.call, f"/applications/{panel.first.pk}")

    listed = get(client, call_path(panel.call, "/applications"), world.coordinator).json()
    for_coordinator = get(client, one, world.coordinator).json()
    for_writer = get(client, one, writer)

    held = listed["items"][0]["held_decision"]
    assert (held["decision"], held["feedback"]) == ("selected", "A convincing plan.")
    assert held["decided_at"] is not None
    assert for_coordinator["held_decision"]["decision"] == "selected"
    assert for_writer.status_code == 200
    data = for_writer.json()
    assert (data["status"], data["held_decision"], data["feedback"]) == ("submitted", None, None)
    assert b"convincing" not in for_writer.content


def test_a_released_decision_is_the_consortiums(client, world, panel):
    decide(panel, panel.first, "selected", "A convincing plan.")
    review.release_decisions(actor=world.coordinator, call=panel.call)
    one = call_path(panel.call, f"/applications/{panel.first.pk}")

    for_writer = get(client, one, panel.writers[0][1]).json()
    for_coordinator = get(client, one, world.coordinator).json()

    assert (for_writer["status"], for_writer["feedback"]) == ("selected", "A convincing plan.")
    assert for_writer["decision_released_at"] is not None
    assert for_writer["held_decision"] is None
    assert for_coordinator["feedback"] == "A convincing plan."
    assert for_coordinator["held_decision"]["decision"] is None


def test_a_new_decision_for_a_waitlisted_application_stays_held(client, world, panel):
    decide(panel, panel.first, "waitlisted", "Wait a little.")
    review.release_decisions(actor=world.coordinator, call=panel.call)
    # The consortium keeps reading the feedback that was sent, not the new one being prepared.
    decide(panel, panel.first, "rejected", "Sorry, no place left.")
    one = call_path(panel.call, f"/applications/{panel.first.pk}")

    for_writer = get(client, one, panel.writers[0][0])
    for_coordinator = get(client, one, world.coordinator).json()

    data = for_writer.json()
    assert (data["status"], data["feedback"], data["held_decision"]) == (
        "waitlisted",
        "Wait a little.",
        None,
    )
    assert b"Sorry" not in for_writer.content
    assert for_coordinator["held_decision"]["decision"] == "rejected"


def test_reviewers_read_the_application_but_neither_decision_nor_feedback(client, world, panel):
    assign(panel, panel.first, panel.german)
    decide(panel, panel.first, "selected", "A convincing plan.")
    one = call_path(panel.call, f"/applications/{panel.first.pk}")

    held = get(client, one, panel.german)
    review.release_decisions(actor=world.coordinator, call=panel.call)
    released = get(client, one, panel.german)

    assert held.status_code == released.status_code == 200
    assert (held.json()["status"], held.json()["held_decision"]) == ("in_review", None)
    assert released.json()["status"] == "selected"
    assert released.json()["feedback"] is None
    assert b"convincing" not in held.content + released.content


def test_one_application_lists_its_attachments(client, world, panel):
    Attachment.objects.create(
        application=panel.first, file="selection/plan.pdf", original_name="plan.pdf", size=8
    )

    data = get(
        client, call_path(panel.call, f"/applications/{panel.first.pk}"), panel.writers[0][0]
    ).json()

    assert [(a["name"], a["size"]) for a in data["attachments"]] == [("plan.pdf", 8)]
    assert data["title"] == "Project A"


# Who reads applications ---------------------------------------------------------------------------


def person(world, panel, who: str):
    return {
        "anonymous": None,
        "outsider": world.outsider,
        "other_consortium": panel.writers[1][0],
        "writer": panel.writers[0][0],
        "partner_writer": panel.writers[0][1],
        "assigned_reviewer": panel.german,
        "unassigned_reviewer": panel.italian,
        "coordinator": world.coordinator,
        "platform_admin": world.platform_admin,
        "other_coordinator": ProgrammeRoleFactory(role="coordinator").user,
    }[who]


@pytest.mark.parametrize(
    "who, one, listed",
    [
        ("anonymous", 401, 401),
        ("outsider", 404, 403),
        ("other_consortium", 404, 403),
        ("writer", 200, 403),
        ("partner_writer", 200, 403),
        ("assigned_reviewer", 200, 403),
        ("unassigned_reviewer", 404, 403),
        ("coordinator", 200, 200),
        ("platform_admin", 200, 200),
        ("other_coordinator", 404, 403),
    ],
)
def test_who_reads_applications(client, world, panel, who, one, listed):
    assign(panel, panel.first, panel.german)
    user = person(world, panel, who)

    detail = get(client, call_path(panel.call, f"/applications/{panel.first.pk}"), user)
    listing = get(client, call_path(panel.call, "/applications"), user)

    assert (detail.status_code, listing.status_code) == (one, listed)
    expected = {401: UNAUTHORIZED, 403: FORBIDDEN, 404: NOT_FOUND}
    if one != 200:
        assert detail.json() == expected[one]
    if listed != 200:
        assert listing.json() == expected[listed]


def test_the_session_works_as_well_as_a_token(client, world, panel):
    client.force_login(panel.writers[0][0])

    response = client.get(call_path(panel.call, f"/applications/{panel.first.pk}"))

    assert response.status_code == 200


def test_an_application_of_another_call_is_not_found(client, world, panel):
    other = CallFactory(programme=world.programme)

    response = get(client, call_path(other, f"/applications/{panel.first.pk}"), world.coordinator)

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_nothing_of_a_hidden_programmes_call_is_found(client, world, panel):
    world.programme.is_public = False
    world.programme.save()
    paths = [
        "/applications",
        f"/applications/{panel.first.pk}",
        "/reviews",
        "/reviews/mine",
    ]

    responses = [get(client, call_path(panel.call, p), world.outsider) for p in paths]

    assert [r.status_code for r in responses] == [404, 404, 404, 404]


def test_a_coordinator_of_another_programme_sees_nothing_of_the_call(client, world, panel):
    assign(panel, panel.first, panel.german)
    someone = ProgrammeRoleFactory(role="coordinator").user
    # Also a committee member of their own programme: that gives nothing here either.
    ProgrammeRoleFactory(
        programme=someone.programme_roles.get().programme, user=someone, role="committee_member"
    )
    headers = bearer(someone)
    paths = ["/applications", f"/applications/{panel.first.pk}", "/reviews", "/reviews/mine"]

    responses = [client.get(call_path(panel.call, p), headers=headers) for p in paths]

    assert [r.status_code for r in responses] == [403, 404, 403, 403]
    assert all(b"Project" not in r.content for r in responses)


# Reviews ------------------------------------------------------------------------------------------


def test_coordinators_read_the_reviews_with_scores_and_weighted_score(client, world, panel):
    german, italian = assign(panel, panel.first, panel.german, panel.italian)
    scored(panel, german, 4, 1, comment="Solid.")
    scored(panel, italian, 2, 2, comment="Half done.", submit=False)

    response = get(client, call_path(panel.call, "/reviews"), world.coordinator)

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    by_reviewer = {r["reviewer"]["name"]: r for r in data["items"]}
    done = by_reviewer["Greta German"]
    assert done["id"] == german.pk
    assert (done["application_id"], done["application_title"]) == (panel.first.pk, "Project A")
    assert done["reviewer"] == {"id": panel.german.pk, "name": "Greta German"}
    assert (done["status"], done["comment"]) == ("submitted", "Solid.")
    assert done["submitted_at"][-6:] in ("+01:00", "+02:00")
    assert done["scores"] == [
        {
            "criterion_id": panel.quality.pk,
            "criterion": "Quality of the work programme",
            "criterion_translations": {"en": "Quality of the work programme", "de": "Qualität"},
            "weight": 2,
            "score": 4,
            "comment": "About quality",
        },
        {
            "criterion_id": panel.fit.pk,
            "criterion": "Fit of the partners",
            "criterion_translations": {"en": "Fit of the partners", "de": "Passung"},
            "weight": 1,
            "score": 1,
            "comment": "About fit",
        },
    ]
    assert done["weighted_score"] == pytest.approx((2 * 4 + 1 * 1) / 3)
    assert done["conflict_declared"] is False
    # A review not submitted yet is the reviewer's draft.
    draft = by_reviewer["Ivo Italiano"]
    assert draft["status"] == "assigned"
    assert (draft["comment"], draft["scores"], draft["weighted_score"]) == (None, [], None)
    assert b"Half done" not in response.content


def test_criteria_come_in_the_requests_language(client, world, panel):
    [german] = assign(panel, panel.first, panel.german)
    scored(panel, german, 3, 3)

    data = get(
        client, call_path(panel.call, "/reviews"), world.coordinator, **{"Accept-Language": "de"}
    ).json()

    assert [s["criterion"] for s in data["items"][0]["scores"]] == ["Qualität", "Passung"]


def test_reviews_are_filtered_by_application_and_status(client, world, panel):
    first, _second = assign(panel, panel.first, panel.german, panel.italian)
    [other] = assign(panel, panel.applications[1], panel.german)
    scored(panel, first, 5, 5)
    path = call_path(panel.call, "/reviews")

    of_second = get(client, f"{path}?application_id={panel.applications[1].pk}", world.coordinator)
    submitted = get(client, f"{path}?status=submitted", world.coordinator)

    assert [r["id"] for r in of_second.json()["items"]] == [other.pk]
    assert [r["id"] for r in submitted.json()["items"]] == [first.pk]


def test_a_declared_conflict_marks_a_submitted_review(client, world, panel):
    [german] = assign(panel, panel.first, panel.german)
    scored(panel, german, 4, 4)
    review.declare_conflict(actor=panel.german, application=panel.first, reason="My cousin.")

    data = get(client, call_path(panel.call, "/reviews"), world.coordinator).json()

    assert [(r["id"], r["conflict_declared"]) for r in data["items"]] == [(german.pk, True)]


def test_committee_members_read_their_own_reviews_drafts_included(client, world, panel):
    german_first, italian_first = assign(panel, panel.first, panel.german, panel.italian)
    [german_second] = assign(panel, panel.applications[1], panel.german)
    scored(panel, german_first, 4, 1, comment="Solid.")
    scored(panel, german_second, 2, None, comment="Unfinished.", submit=False)
    scored(panel, italian_first, 0, 0, comment="Italian opinion.")

    response = get(client, call_path(panel.call, "/reviews/mine"), panel.german)

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [r["id"] for r in data["items"]] == [german_first.pk, german_second.pk]
    assert {r["reviewer"]["id"] for r in data["items"]} == {panel.german.pk}
    assert b"Italian opinion" not in response.content
    draft = data["items"][1]
    assert (draft["status"], draft["comment"]) == ("assigned", "Unfinished.")
    assert [s["score"] for s in draft["scores"]] == [2, None]
    assert draft["weighted_score"] is None
    assert data["items"][0]["weighted_score"] == pytest.approx(3.0)


def test_a_committee_member_filters_their_reviews_and_cannot_reach_others(client, world, panel):
    assign(panel, panel.first, panel.german)
    assign(panel, panel.applications[1], panel.italian)
    mine = call_path(panel.call, "/reviews/mine")

    of_the_italians_application = get(
        client, f"{mine}?application_id={panel.applications[1].pk}", panel.german
    ).json()
    everything = get(client, call_path(panel.call, "/reviews"), panel.german)

    assert of_the_italians_application == {"items": [], "count": 0}
    assert everything.status_code == 403
    assert everything.json() == FORBIDDEN


@pytest.mark.parametrize(
    "who, mine, everything",
    [
        ("anonymous", 401, 401),
        ("outsider", 403, 403),
        ("writer", 403, 403),
        ("assigned_reviewer", 200, 403),
        ("unassigned_reviewer", 200, 403),  # a committee member: an empty list
        ("coordinator", 403, 200),
        ("platform_admin", 200, 200),  # passes every permission; reviews nothing
        ("other_coordinator", 403, 403),
    ],
)
def test_who_reads_reviews(client, world, panel, who, mine, everything):
    assign(panel, panel.first, panel.german)
    user = person(world, panel, who)

    own = get(client, call_path(panel.call, "/reviews/mine"), user)
    listed = get(client, call_path(panel.call, "/reviews"), user)

    assert (own.status_code, listed.status_code) == (mine, everything)
    if mine == 200 and who != "assigned_reviewer":
        assert own.json() == {"items": [], "count": 0}


# A constant number of queries -------------------------------------------------------------------


def _count(client, path, headers) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    assert response.status_code == 200
    return len(queries), response.json()["count"]


def test_the_applications_take_the_same_number_of_queries_for_1_and_3(client, world):
    panel = Panel(world, applications=1)
    furnish(panel.first)
    headers = bearer(world.coordinator)
    path = call_path(panel.call, "/applications")
    client.get(path, headers=headers)  # the token's first use writes last_used
    one = _count(client, path, headers)

    for n in range(2):
        application = ApplicationFactory(
            consortium=ConsortiumFactory(call=panel.call),
            title=f"More {n}",
            status=Application.Status.SUBMITTED,
            submitted_at=timezone.now() - datetime.timedelta(hours=n),
        )
        furnish(application)
        ActivityFactory(application=application)
        MembershipFactory(organisation=application.consortium.left.lead)
    three = _count(client, path, headers)

    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]


def test_the_reviews_take_the_same_number_of_queries_for_1_and_3(client, world, panel):
    [first] = assign(panel, panel.first, panel.german)
    scored(panel, first, 4, 4)
    headers = bearer(world.coordinator)
    path = call_path(panel.call, "/reviews")
    client.get(path, headers=headers)
    one = _count(client, path, headers)

    second, _third = assign(panel, panel.applications[1], panel.german, panel.italian)
    scored(panel, second, 1, 2)
    review.declare_conflict(actor=panel.chair, application=panel.applications[2], reason="x")
    three = _count(client, path, headers)

    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]
