"""/api/v1/calls: published calls and their question forms for everyone who may see them; the
received expressions of interest for the people who run a call; one expression for them and for
its group; saving answers and submitting for the group's members. Refusals are JSON: 404 for what
the caller may not see, 403 for what they may see but not do."""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.accounts.services import create_api_token
from netzwerkstatt.calls import api as calls_api
from netzwerkstatt.calls.models import AnswerFile, Call, ExpressionOfInterest, Question
from netzwerkstatt.calls.services import expressions as services
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    ActorGroupFactory,
    CallFactory,
    ExpressionFactory,
    GroupMemberFactory,
    MembershipFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
    QuestionFactory,
)

CALLS = "/api/v1/calls"
FORBIDDEN = {"detail": "Forbidden"}
NOT_FOUND = {"detail": "Not Found"}
UNAUTHORIZED = {"detail": "Unauthorized"}
UTC = datetime.UTC


def call_path(call, rest: str = "") -> str:
    return f"{CALLS}/{call.programme.slug}/{call.slug}{rest}"


def group_path(group, action: str) -> str:
    return call_path(group.call, f"/groups/{group.pk}/{action}")


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="Skript")
    return {"Authorization": f"Bearer {raw}"}


def as_person(client, world, person: str | None) -> dict[str, str]:
    """Sign ``person`` of the world in with the session; no headers needed."""
    if person:
        client.force_login(getattr(world, person))
    return {}


@pytest.fixture
def call(world):
    """A call of the world's programme, open now, with four questions."""
    call = CallFactory(programme=world.programme, slug="dual-2026", eligible_kinds=[])
    call.themes.set(Theme.objects.filter(code="work-based-learning"))
    QuestionFactory(
        call=call,
        position=1,
        label=LazyI18nString({"en": "Why this network?", "de": "Warum dieses Netzwerk?"}),
        help_text=LazyI18nString({"en": "In **a few** words.", "de": "In **wenigen** Worten."}),
        kind=Question.Kind.LONG_TEXT,
        max_words=5,
    )
    QuestionFactory(
        call=call,
        position=2,
        label=LazyI18nString({"en": "Sector", "de": "Branche"}),
        kind=Question.Kind.SINGLE_CHOICE,
        required=False,
        choices=[
            {"value": "metal", "label": {"en": "Metal", "de": "Metall", "it": "Metallo"}},
            {"value": "care", "label": {"en": "Care", "de": "Pflege"}},
        ],
    )
    QuestionFactory(
        call=call,
        position=3,
        label=LazyI18nString({"en": "Apprentices per year"}),
        kind=Question.Kind.NUMBER,
        min_value=1,
        max_value=500,
    )
    QuestionFactory(
        call=call,
        position=4,
        label=LazyI18nString({"en": "Letter of intent"}),
        kind=Question.Kind.FILE,
        required=False,
        file_types=["pdf"],
        max_file_mb=5,
    )
    return call


def question(call, kind: str) -> Question:
    return call.questions.get(kind=kind)


def qid(call, kind: str) -> str:
    return str(question(call, kind).pk)


@pytest.fixture
def group(world, call):
    """A draft led by the world's organisation (member and org_admin belong to it)."""
    expression = services.start_expression(
        actor=world.member, call=call, lead=world.organisation, name="Nordhessen dual"
    )
    return expression.group


def complete_answers(call) -> dict[str, str]:
    return {
        qid(call, "long_text"): "Weil wir dual ausbilden.",
        qid(call, "number"): "24",
    }


def submitted_group(call, name: str, country: str = "IT", **expression):
    group = ActorGroupFactory(call=call, name=name, country=country)
    ExpressionFactory(group=group, **expression)
    return group


# The calls ------------------------------------------------------------------------------------


def test_the_list_shows_a_published_call_with_its_facts(client, world):
    call = CallFactory(
        programme=world.programme,
        slug="winter-2025",
        opens_at=datetime.datetime(2025, 1, 10, 9, 0, tzinfo=UTC),
        closes_at=datetime.datetime(2025, 3, 1, 12, 0, tzinfo=UTC),
        eligible_countries=["DE", "IT"],
        eligible_regions=["DE-HE", "IT-25"],
        eligible_kinds=["vocational_school", "chamber"],
        pairings=[["IT", "DE"]],
    )
    call.themes.set(Theme.objects.filter(code__in=["work-based-learning", "digital-learning"]))

    response = client.get(CALLS)

    assert response.status_code == 200
    assert response.json() == [
        {
            "programme": world.programme.slug,
            "slug": "winter-2025",
            "title": "Call to action",
            "title_translations": {
                "en": "Call to action",
                "de": "Aufruf zur Teilnahme",
                "it": "Invito a partecipare",
            },
            "phase": "closed",
            # In the platform's time zone (Europe/Berlin), with the offset.
            "opens_at": "2025-01-10T10:00:00+01:00",
            "closes_at": "2025-03-01T13:00:00+01:00",
            "eligible_countries": ["DE", "IT"],
            "eligible_regions": ["DE-HE", "IT-25"],
            "eligible_kinds": ["vocational_school", "chamber"],
            "themes": ["work-based-learning", "digital-learning"],  # in the vocabulary's order
            "pairings": [["IT", "DE"]],
            "url": f"/programmes/{world.programme.slug}/calls/winter-2025/",
        }
    ]


@pytest.mark.parametrize(
    "headers, title",
    [
        ({"Accept-Language": "de"}, "Aufruf zur Teilnahme"),
        ({"Accept-Language": "it"}, "Invito a partecipare"),
        ({}, "Call to action"),
    ],
)
def test_titles_follow_the_request_language(client, world, call, headers, title):
    listed = client.get(CALLS, headers=headers).json()[0]
    detail = client.get(call_path(call), headers=headers).json()

    assert listed["title"] == detail["title"] == title
    assert set(listed["title_translations"]) == {"en", "de", "it"}


def test_a_token_users_saved_language_wins(client, world, call):
    world.member.language = "it"
    world.member.save()

    data = client.get(call_path(call), headers={**bearer(world.member), "Accept-Language": "de"})

    assert data.json()["title"] == "Invito a partecipare"


@pytest.mark.parametrize("person", [None, "outsider", "member", "coordinator"])
def test_drafts_are_not_listed_for_anyone(client, world, call, person):
    CallFactory(programme=world.programme, slug="entwurf", status=Call.Status.DRAFT)
    as_person(client, world, person)

    assert [c["slug"] for c in client.get(CALLS).json()] == ["dual-2026"]


@pytest.mark.parametrize(
    "person, status", [(None, 404), ("outsider", 404), ("member", 404), ("coordinator", 200)]
)
def test_a_draft_is_found_only_by_the_people_who_run_its_programme(client, world, person, status):
    draft = CallFactory(programme=world.programme, slug="entwurf", status=Call.Status.DRAFT)
    as_person(client, world, person)

    response = client.get(call_path(draft))

    assert response.status_code == status
    if status == 404:
        assert response.json() == NOT_FOUND
    else:
        assert response.json()["phase"] == "draft"


@pytest.mark.parametrize("person, sees_it", [(None, False), ("outsider", False), ("member", True)])
def test_calls_of_a_programme_without_public_page_are_for_its_people(
    client, world, call, person, sees_it
):
    world.programme.is_public = False
    world.programme.save()
    as_person(client, world, person)

    listed = [c["slug"] for c in client.get(CALLS).json()]
    detail = client.get(call_path(call))

    assert listed == (["dual-2026"] if sees_it else [])
    assert detail.status_code == (200 if sees_it else 404)


def test_calls_can_be_filtered_by_programme_and_phase(client, world, call):
    now = timezone.now()
    other = ProgrammeFactory(slug="westmecklenburg")
    CallFactory(
        programme=other,
        slug="later",
        opens_at=now + datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=40),
    )
    CallFactory(
        programme=other,
        slug="earlier",
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now - datetime.timedelta(days=10),
    )

    def slugs(query: str) -> list[str]:
        response = client.get(f"{CALLS}?{query}")
        assert response.status_code == 200
        return [c["slug"] for c in response.json()]

    assert slugs("") == ["later", "dual-2026", "earlier"]
    assert slugs(f"programme={world.programme.slug}") == ["dual-2026"]
    assert slugs("programme=westmecklenburg") == ["later", "earlier"]
    assert slugs("programme=no-such-programme") == []
    assert slugs("phase=upcoming") == ["later"]
    assert slugs("phase=open") == ["dual-2026"]
    assert slugs("phase=closed") == ["earlier"]
    assert slugs("programme=westmecklenburg&phase=open") == []
    assert {c["phase"] for c in client.get(CALLS).json()} == {"upcoming", "open", "closed"}


def test_an_unknown_phase_is_a_validation_error(client, db):
    response = client.get(f"{CALLS}?phase=draft")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "phase"]


def test_the_detail_has_the_text_and_every_question_with_its_rules(client, world, call):
    response = client.get(call_path(call), headers={"Accept-Language": "de"})

    assert response.status_code == 200
    data = response.json()
    assert data["text"] == "Machen Sie mit."
    assert data["text_translations"] == {"en": "Join us.", "de": "Machen Sie mit."}
    assert data["phase"] == "open"
    assert data["themes"] == ["work-based-learning"]
    long_text, choice, number, upload = data["questions"]
    assert long_text == {
        "id": question(call, "long_text").pk,
        "position": 1,
        "label": "Warum dieses Netzwerk?",
        "label_translations": {"en": "Why this network?", "de": "Warum dieses Netzwerk?"},
        "help": "In **wenigen** Worten.",
        "help_translations": {"en": "In **a few** words.", "de": "In **wenigen** Worten."},
        "kind": "long_text",
        "required": True,
        "choices": [],
        "limits": {
            "max_length": None,
            "max_words": 5,
            "min_value": None,
            "max_value": None,
            "file_types": None,
            "max_file_mb": None,
        },
    }
    assert choice["required"] is False
    assert choice["choices"] == [
        {
            "value": "metal",
            "label": "Metall",
            "label_translations": {"en": "Metal", "de": "Metall", "it": "Metallo"},
        },
        {"value": "care", "label": "Pflege", "label_translations": {"en": "Care", "de": "Pflege"}},
    ]
    assert (number["kind"], number["limits"]["min_value"], number["limits"]["max_value"]) == (
        "number",
        1,
        500,
    )
    assert upload["limits"]["file_types"] == ["pdf"]
    assert upload["limits"]["max_file_mb"] == 5


def test_an_unknown_call_is_404_in_json(client, world):
    response = client.get(f"{CALLS}/{world.programme.slug}/no-such-call")

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_the_list_takes_the_same_number_of_queries_for_1_and_3_calls(client, world, call):
    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(CALLS)
        return len(queries), len(response.json())

    one = count()
    for _n in range(2):
        extra = CallFactory(programme=ProgrammeFactory())
        extra.themes.set(Theme.objects.all()[:3])

    three = count()

    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]


# The expressions of interest, for the people who run the call -----------------------------------


def test_coordinators_list_the_received_expressions_with_their_groups(client, world, call, group):
    italian = submitted_group(
        call,
        "Rete Duale Torino",
        screening_decision="eligible",
        submitted_at=datetime.datetime(2026, 5, 4, 8, 30, tzinfo=UTC),
    )
    partner = GroupMemberFactory(group=italian, organisation__name="Azienda Partner")
    GroupMemberFactory(group=italian, status="invited")  # not confirmed: not listed
    italian.themes.set(Theme.objects.filter(code="digital-learning"))
    released = submitted_group(
        call,
        "Scuole Verdi",
        status="ineligible",
        screening_decision="ineligible",
        decision_released_at=datetime.datetime(2026, 6, 1, 10, 0, tzinfo=UTC),
    )

    response = client.get(call_path(call, "/expressions"), headers=bearer(world.coordinator))

    assert response.status_code == 200
    data = response.json()
    # The group's own draft has not reached the coordinators.
    assert data["count"] == 2
    first, second = data["items"]
    assert first == {
        "id": italian.expression.pk,
        "group_id": italian.pk,
        "name": "Rete Duale Torino",
        "country": "IT",
        "lead": {
            "slug": italian.lead.slug,
            "name": italian.lead.name,
            "country": "IT",
        },
        "organisations": [
            {
                "slug": italian.lead.slug,
                "name": italian.lead.name,
                "country": "IT",
                "role": "lead",
                "status": "confirmed",
            },
            {
                "slug": partner.organisation.slug,
                "name": "Azienda Partner",
                "country": "IT",
                "role": "partner",
                "status": "confirmed",
            },
        ],
        "themes": ["digital-learning"],
        "status": "submitted",
        "submitted_at": "2026-05-04T10:30:00+02:00",
        "screening": {"decision": "eligible", "released": False, "released_at": None},
    }
    assert second["name"] == "Scuole Verdi"
    assert second["status"] == "ineligible"
    assert second["screening"] == {
        "decision": "ineligible",
        "released": True,
        "released_at": "2026-06-01T12:00:00+02:00",
    }
    assert released.pk == second["group_id"]


def test_the_expressions_can_be_filtered_and_paged(client, world, call):
    submitted_group(call, "A Italia")
    submitted_group(call, "B Deutschland", country="DE")
    submitted_group(call, "C Italia", status="eligible", screening_decision="eligible")
    headers = bearer(world.coordinator)

    def names(query: str) -> list[str]:
        response = client.get(call_path(call, f"/expressions?{query}"), headers=headers)
        assert response.status_code == 200
        return [item["name"] for item in response.json()["items"]]

    assert names("") == ["A Italia", "B Deutschland", "C Italia"]
    assert names("country=it") == ["A Italia", "C Italia"]
    assert names("status=eligible") == ["C Italia"]
    assert names("status=submitted&country=DE") == ["B Deutschland"]
    assert names("limit=1&offset=1") == ["B Deutschland"]
    refused = client.get(call_path(call, "/expressions?status=draft"), headers=headers)
    assert refused.status_code == 422


@pytest.mark.parametrize(
    "person, status, body",
    [
        (None, 401, UNAUTHORIZED),
        ("outsider", 403, FORBIDDEN),
        ("member", 403, FORBIDDEN),  # a member of a group of this call
        ("org_admin", 403, FORBIDDEN),
        ("committee_member", 403, FORBIDDEN),
        ("coordinator", 200, None),
        ("platform_admin", 200, None),
    ],
)
def test_only_the_people_who_run_the_call_list_expressions(
    client, world, call, group, person, status, body
):
    as_person(client, world, person)

    response = client.get(call_path(call, "/expressions"))

    assert response.status_code == status
    if body is not None:
        assert response.json() == body


def test_outsiders_do_not_find_the_expressions_of_a_call_they_may_not_see(client, world, call):
    world.programme.is_public = False
    world.programme.save()

    response = client.get(call_path(call, "/expressions"), headers=bearer(world.outsider))

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_a_coordinator_of_another_programme_is_refused(client, world, call):
    someone = ProgrammeRoleFactory(role="coordinator").user  # of a programme of their own

    response = client.get(call_path(call, "/expressions"), headers=bearer(someone))

    assert response.status_code == 403
    assert response.json() == FORBIDDEN


def _count_expression_queries(client, call, headers) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(call_path(call, "/expressions"), headers=headers)
    assert response.status_code == 200
    return len(queries), len(response.json()["items"])


def test_the_expressions_need_the_same_number_of_queries_for_1_and_3(client, world, call):
    headers = bearer(world.coordinator)
    client.get(CALLS, headers=headers)  # the token's first use writes last_used
    themes = list(Theme.objects.all())
    first = submitted_group(call, "Erste Gruppe", screening_decision="eligible")
    first.themes.set(themes[:2])
    one = _count_expression_queries(client, call, headers)

    for n in range(2):
        group = submitted_group(call, f"Gruppe {n}", screening_decision="ineligible")
        GroupMemberFactory(group=group)
        GroupMemberFactory(group=group)
        group.themes.set(themes[2:5])
    three = _count_expression_queries(client, call, headers)

    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]


# One expression -------------------------------------------------------------------------------


def test_a_group_member_reads_their_own_draft_with_answers_profile_and_files(
    client, world, call, group
):
    expression = group.expression
    expression.answers = {
        qid(call, "long_text"): "Weil wir dual ausbilden.",
        qid(call, "number"): "24",
    }
    expression.save()
    group.offers = "Werkstätten"
    group.seeks = "Betriebe"
    group.preferred_regions = ["IT-25"]
    group.save()
    group.themes.set(Theme.objects.filter(code="work-based-learning"))
    AnswerFile.objects.create(
        expression=expression,
        question=question(call, "file"),
        file=ContentFile(b"%PDF-1.4 eins", name="absicht.pdf"),
        original_name="Absichtserklärung.pdf",
        size=13,
        uploaded=datetime.datetime(2026, 5, 4, 8, 30, tzinfo=UTC),
    )

    response = client.get(
        call_path(call, f"/expressions/{expression.pk}"), headers=bearer(world.member)
    )

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == expression.pk
    assert data["group_id"] == group.pk
    assert data["name"] == "Nordhessen dual"
    assert data["status"] == "draft"
    assert data["submitted_at"] is None
    assert data["version"] == expression.version
    assert data["answers"] == {
        qid(call, "long_text"): "Weil wir dual ausbilden.",
        qid(call, "number"): "24",
    }
    assert data["files"] == [
        {
            "question_id": question(call, "file").pk,
            "name": "Absichtserklärung.pdf",
            "size": 13,
            "uploaded": "2026-05-04T10:30:00+02:00",
        }
    ]
    assert data["profile"] == {
        "themes": ["work-based-learning"],
        "offers": "Werkstätten",
        "seeks": "Betriebe",
        "preferred_regions": ["IT-25"],
        "working_languages": list(world.organisation.languages),
    }
    assert data["lead"]["slug"] == world.organisation.slug
    assert [o["role"] for o in data["organisations"]] == ["lead"]
    # The group does not read the coordinators' screening.
    assert data["screening"] is None


def test_a_group_member_does_not_find_another_groups_expression(client, world, call, group):
    other = submitted_group(call, "Rete Duale Torino")

    response = client.get(
        call_path(call, f"/expressions/{other.expression.pk}"), headers=bearer(world.member)
    )

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize(
    "person, status",
    [(None, 401), ("outsider", 404), ("committee_member", 404), ("member", 200)],
)
def test_people_outside_the_group_do_not_find_it(client, world, call, group, person, status):
    as_person(client, world, person)

    response = client.get(call_path(call, f"/expressions/{group.expression.pk}"))

    assert response.status_code == status


def test_a_confirmed_partners_member_reads_it_but_an_invited_ones_does_not(
    client, world, call, group
):
    confirmed = GroupMemberFactory(group=group, organisation__country="DE")
    invited = GroupMemberFactory(group=group, organisation__country="DE", status="invited")
    path = call_path(call, f"/expressions/{group.expression.pk}")

    partner = MembershipFactory(organisation=confirmed.organisation).user
    waiting = MembershipFactory(organisation=invited.organisation).user

    assert client.get(path, headers=bearer(partner)).status_code == 200
    assert client.get(path, headers=bearer(waiting)).status_code == 404


def test_coordinators_read_a_submitted_expression_with_the_held_decision(client, world, call):
    other = submitted_group(call, "Rete Duale Torino", screening_decision="eligible")

    response = client.get(
        call_path(call, f"/expressions/{other.expression.pk}"), headers=bearer(world.coordinator)
    )

    assert response.status_code == 200
    assert response.json()["screening"] == {
        "decision": "eligible",
        "released": False,
        "released_at": None,
    }


def test_coordinators_do_not_read_a_groups_unfinished_draft(client, world, call, group):
    response = client.get(
        call_path(call, f"/expressions/{group.expression.pk}"), headers=bearer(world.coordinator)
    )

    assert response.status_code == 404


def test_an_expression_of_another_call_is_not_found_under_this_one(client, world, call, group):
    elsewhere = CallFactory(programme=world.programme)

    response = client.get(
        call_path(elsewhere, f"/expressions/{group.expression.pk}"), headers=bearer(world.member)
    )

    assert response.status_code == 404


# Saving answers -------------------------------------------------------------------------------


def test_a_member_saves_answers_with_a_token(client, world, call, group):
    expression = group.expression

    response = client.post(
        group_path(group, "answers"),
        {
            "version": expression.version,
            "answers": {
                qid(call, "long_text"): "Weil wir dual ausbilden.",
                qid(call, "single_choice"): "metal",
                qid(call, "number"): 24,
            },
        },
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert response.status_code == 200
    expression.refresh_from_db()
    stored = {
        qid(call, "long_text"): "Weil wir dual ausbilden.",
        qid(call, "single_choice"): "metal",
        qid(call, "number"): "24",
    }
    assert expression.answers == stored
    assert response.json() == {"version": expression.version, "status": "draft", "answers": stored}
    assert expression.version == 2
    entry = AuditEntry.objects.get(action="expression.draft_saved")
    assert entry.actor == world.member


def test_only_the_answers_sent_change_and_null_clears_one(client, world, call, group):
    expression = group.expression
    expression.answers = {qid(call, "long_text"): "Alt.", qid(call, "number"): "3"}
    expression.save()

    response = client.post(
        group_path(group, "answers"),
        {"version": expression.version, "answers": {qid(call, "number"): None}},
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert response.status_code == 200
    assert response.json()["answers"] == {qid(call, "long_text"): "Alt."}


def test_a_draft_may_be_incomplete_but_answers_must_keep_the_rules(client, world, call, group):
    expression = group.expression
    file_question = qid(call, "file")

    response = client.post(
        group_path(group, "answers"),
        {
            "version": expression.version,
            "answers": {
                qid(call, "long_text"): "Eins zwei drei vier fünf sechs.",
                qid(call, "single_choice"): "wood",
                qid(call, "number"): 501,
                file_question: "brief.pdf",
                "999999": "?",
            },
        },
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "Nothing was saved."
    # Shapes and unknown questions first; the rules of the others only once they fit.
    assert data["errors"] == {
        file_question: ["Files are uploaded on the group's page, not through the API."],
        "999999": ["This call has no question with this id."],
    }
    response = client.post(
        group_path(group, "answers"),
        {
            "version": expression.version,
            "answers": {
                qid(call, "long_text"): "Eins zwei drei vier fünf sechs.",
                qid(call, "single_choice"): "wood",
                qid(call, "number"): 501,
            },
        },
        content_type="application/json",
        headers=bearer(world.member),
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {qid(call, "long_text"), qid(call, "single_choice"), qid(call, "number")}
    assert errors[qid(call, "long_text")] == ["At most 5 words, please; this text has 6."]
    assert "wood" in errors[qid(call, "single_choice")][0]
    expression.refresh_from_db()
    assert (expression.answers, expression.version) == ({}, 1)


@pytest.mark.parametrize(
    "kind, value",
    [
        ("long_text", 12),
        ("long_text", ["a"]),
        ("single_choice", ["metal"]),
        ("number", True),
        ("number", {"n": 1}),
    ],
)
def test_an_answer_of_the_wrong_shape_is_refused(client, world, call, group, kind, value):
    response = client.post(
        group_path(group, "answers"),
        {"version": 1, "answers": {qid(call, kind): value}},
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [qid(call, kind)]


def test_a_concurrent_write_is_refused_with_409(client, world, call, group):
    expression = group.expression
    read_version = expression.version
    # A colleague saves on the page in the meantime.
    services.save_draft_answers(
        actor=world.org_admin,
        expression=expression,
        answers={qid(call, "long_text"): "Vom Kollegen."},
        expected_version=read_version,
    )

    response = client.post(
        group_path(group, "answers"),
        {"version": read_version, "answers": {qid(call, "long_text"): "Von mir."}},
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert response.status_code == 409
    assert response.json() == {
        "detail": (
            "Someone else changed this in the meantime. Nothing was saved: reload the page to "
            "see their version, then make your change again."
        ),
        "code": "concurrent_edit",
    }
    expression.refresh_from_db()
    assert expression.answers == {qid(call, "long_text"): "Vom Kollegen."}


def test_a_write_that_loses_the_race_inside_the_service_is_409_too(
    client, world, call, group, monkeypatch
):
    def raced(**kwargs):
        raise ConcurrentEdit()

    monkeypatch.setattr(calls_api.services, "save_draft_answers", raced)

    response = client.post(
        group_path(group, "answers"),
        {"version": 1, "answers": {qid(call, "long_text"): "Von mir."}},
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert response.status_code == 409
    assert response.json()["code"] == "concurrent_edit"


def test_a_submitted_expression_must_stay_complete(client, world, call, group):
    expression = group.expression
    expression.answers = complete_answers(call)
    expression.status = ExpressionOfInterest.Status.SUBMITTED
    expression.submitted_at = timezone.now()
    expression.save()

    cleared = client.post(
        group_path(group, "answers"),
        {"version": expression.version, "answers": {qid(call, "number"): None}},
        content_type="application/json",
        headers=bearer(world.member),
    )
    changed = client.post(
        group_path(group, "answers"),
        {"version": expression.version, "answers": {qid(call, "number"): "30"}},
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert cleared.status_code == 422
    assert list(cleared.json()["errors"]) == [qid(call, "number")]
    assert changed.status_code == 200
    assert changed.json()["status"] == "submitted"
    assert changed.json()["answers"][qid(call, "number")] == "30"


def test_a_closed_call_takes_no_answers(client, world, call, group):
    Call.objects.filter(pk=call.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    response = client.post(
        group_path(group, "answers"),
        {"version": 1, "answers": {qid(call, "long_text"): "Zu spät."}},
        content_type="application/json",
        headers=bearer(world.member),
    )

    assert response.status_code == 409
    assert response.json()["code"] == "locked"
    assert response.json()["detail"].startswith("The call closed on")


@pytest.mark.parametrize(
    "person, status, body",
    [
        (None, 401, UNAUTHORIZED),
        ("outsider", 404, NOT_FOUND),
        ("committee_member", 404, NOT_FOUND),
        ("coordinator", 403, FORBIDDEN),  # may read the group, not speak for it
        ("platform_admin", 403, FORBIDDEN),
        ("org_admin", 200, None),
    ],
)
def test_only_the_groups_members_save_answers(client, world, call, group, person, status, body):
    headers = bearer(getattr(world, person)) if person else {}

    response = client.post(
        group_path(group, "answers"),
        {"version": 1, "answers": {qid(call, "long_text"): "Hallo."}},
        content_type="application/json",
        headers=headers,
    )

    assert response.status_code == status
    if body is not None:
        assert response.json() == body


def test_a_member_of_another_group_does_not_find_this_one(client, world, call, group):
    other = submitted_group(call, "Rete Duale Torino")
    stranger = MembershipFactory(organisation=other.lead).user

    response = client.post(
        group_path(group, "answers"),
        {"version": 1, "answers": {qid(call, "long_text"): "Hallo."}},
        content_type="application/json",
        headers=bearer(stranger),
    )

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


class TestSessionWrites:
    """The browser session works for writes only with the CSRF token, as on the pages; a token
    needs none (it is not sent automatically by the browser)."""

    def test_without_the_csrf_token_they_are_refused(self, world, call, group):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(world.member)

        response = browser.post(
            group_path(group, "answers"),
            {"version": 1, "answers": {qid(call, "long_text"): "Quer."}},
            content_type="application/json",
        )

        assert response.status_code == 403
        assert response.json() == {"detail": "CSRF check failed."}
        group.expression.refresh_from_db()
        assert group.expression.answers == {}

    def test_with_the_csrf_token_they_are_saved(self, world, call, group):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(world.member)
        browser.get("/")  # any page sets the CSRF cookie
        token = browser.cookies["csrftoken"].value

        response = browser.post(
            group_path(group, "answers"),
            {"version": 1, "answers": {qid(call, "long_text"): "Mit Token."}},
            content_type="application/json",
            headers={"X-CSRFToken": token},
        )

        assert response.status_code == 200

    def test_a_token_needs_no_csrf_token(self, world, call, group):
        browser = Client(enforce_csrf_checks=True)

        response = browser.post(
            group_path(group, "submit"),
            content_type="application/json",
            headers=bearer(world.member),
        )

        assert response.status_code == 422  # reached the submission: answers are missing


# Submitting -----------------------------------------------------------------------------------


def test_submitting_without_the_required_answers_lists_them(client, world, call, group):
    GroupMemberFactory(group=group, status="invited", organisation__name="Zögerliche Schule")

    response = client.post(group_path(group, "submit"), headers=bearer(world.member))

    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "The expression of interest was not submitted."
    assert data["errors"] == {
        qid(call, "long_text"): ["This field is required."],
        qid(call, "number"): ["This field is required."],
    }
    assert data["general"] == [
        "Waiting for Zögerliche Schule to answer the invitation. Ask them to confirm, or remove "
        "the invitation, before submitting."
    ]
    group.expression.refresh_from_db()
    assert group.expression.status == "draft"


def test_submitting_changes_the_status_and_tells_the_group(
    client, world, call, group, django_capture_on_commit_callbacks
):
    expression = group.expression
    expression.answers = complete_answers(call)
    expression.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(group_path(group, "submit"), headers=bearer(world.member))

    assert response.status_code == 200
    expression.refresh_from_db()
    assert expression.status == "submitted"
    data = response.json()
    assert data["status"] == "submitted"
    assert data["version"] == expression.version
    submitted_at = datetime.datetime.fromisoformat(data["submitted_at"])
    assert submitted_at.utcoffset() == timezone.localtime(expression.submitted_at).utcoffset()
    assert abs(submitted_at - expression.submitted_at) < datetime.timedelta(milliseconds=1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.member.email, world.org_admin.email]
    )
    assert all("Aufruf zur Teilnahme" in m.subject for m in mail.outbox)  # German: DE members
    assert AuditEntry.objects.filter(action="expression.submitted", actor=world.member).exists()


def test_submitting_twice_is_a_conflict(client, world, call, group):
    expression = group.expression
    expression.answers = complete_answers(call)
    expression.save()
    headers = bearer(world.member)

    assert client.post(group_path(group, "submit"), headers=headers).status_code == 200
    again = client.post(group_path(group, "submit"), headers=headers)

    assert again.status_code == 409
    assert again.json() == {
        "detail": "This expression of interest was submitted already.",
        "code": "submitted_already",
    }


def test_only_members_of_the_lead_organisation_submit(client, world, call, group):
    partner = GroupMemberFactory(group=group, organisation__country="DE")
    partner_person = MembershipFactory(organisation=partner.organisation).user
    group.expression.answers = complete_answers(call)
    group.expression.save()

    saved = client.post(
        group_path(group, "answers"),
        {"version": 1, "answers": {qid(call, "single_choice"): "care"}},
        content_type="application/json",
        headers=bearer(partner_person),
    )
    refused = client.post(group_path(group, "submit"), headers=bearer(partner_person))
    coordinator = client.post(group_path(group, "submit"), headers=bearer(world.coordinator))

    assert saved.status_code == 200  # partners answer, the lead submits
    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "Only members of the lead organisation may do this.",
        "code": "not_lead",
    }
    assert coordinator.status_code == 403
    assert coordinator.json() == FORBIDDEN
    group.expression.refresh_from_db()
    assert group.expression.status == "draft"


def test_submitting_after_the_call_closed_is_a_conflict(client, world, call, group):
    group.expression.answers = complete_answers(call)
    group.expression.save()
    Call.objects.filter(pk=call.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    response = client.post(group_path(group, "submit"), headers=bearer(world.member))

    assert response.status_code == 409
    assert response.json()["code"] == "locked"


# The documentation ------------------------------------------------------------------------------


def test_the_openapi_document_lists_the_calls_endpoints_with_their_refusals(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    call = "/api/v1/calls/{programme}/{slug}"

    assert set(paths["/api/v1/calls"]) == {"get"}
    assert set(paths[call]["get"]["responses"]) == {"200", "404"}
    for path in (f"{call}/expressions", f"{call}/expressions/{{expression_id}}"):
        assert set(paths[path]["get"]["responses"]) == {"200", "401", "403", "404"}
    for action in ("answers", "submit"):
        operation = paths[f"{call}/groups/{{group_id}}/{action}"]["post"]
        assert operation["tags"] == ["calls"]
        assert set(operation["responses"]) == {"200", "401", "403", "404", "409", "422"}
        assert operation["responses"]["422"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/AnswerErrorsOut"
        }
