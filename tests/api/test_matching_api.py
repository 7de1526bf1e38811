"""/api/v1/calls/{programme}/{slug}/matching/rounds: a call's matching rounds and one round with
its pairs, scores and the parts of each score, for the people who run the call only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netzwerkstatt.accounts.services import create_api_token
from netzwerkstatt.matching import engine
from netzwerkstatt.matching.models import MatchingRound
from tests.factories import CallFactory, ProgrammeRoleFactory
from tests.matching.test_glue import confirmed, eligible_group, make_scene, pair_of, propose

FORBIDDEN = {"detail": "Forbidden"}
NOT_FOUND = {"detail": "Not Found"}


@pytest.fixture
def scene(world):
    return make_scene(world)


def rounds_path(call, rest: str = "") -> str:
    return f"/api/v1/calls/{call.programme.slug}/{call.slug}/matching/rounds{rest}"


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="Skript")
    return {"Authorization": f"Bearer {raw}"}


def test_coordinators_list_the_rounds_latest_first(
    client, world, scene, django_capture_on_commit_callbacks
):
    first = confirmed(world, scene, django_capture_on_commit_callbacks)
    # The confirmed pairs wait for their answers, so nobody is free: an empty proposal.
    second = propose(world, scene, min_score=99.0)

    response = client.get(rounds_path(scene.call), headers=bearer(world.coordinator))

    assert response.status_code == 200
    data = response.json()
    assert [(r["number"], r["status"], r["pair_count"]) for r in data] == [
        (second.number, "proposed", 0),
        (first.number, "confirmed", 2),
    ]
    latest, earlier = data
    assert earlier["total"] == pytest.approx(float(first.total))
    assert earlier["weights"] == pytest.approx(engine.DEFAULT_WEIGHTS.as_dict())
    assert earlier["confirmed_at"] is not None
    assert earlier["confirmed_at"][-6:] in ("+01:00", "+02:00")
    assert latest["confirmed_at"] is None
    assert latest["rules"]["min_score"] == 99.0
    assert earlier["url"] == first.get_absolute_url()


def test_a_round_shows_its_pairs_with_scores_and_explained_parts(client, world, scene):
    round_ = propose(world, scene)
    digital = pair_of(round_, scene.it_digital, scene.de_digital)

    response = client.get(
        rounds_path(scene.call, f"/{round_.number}"),
        headers={**bearer(world.coordinator), "Accept-Language": "de"},
    )

    assert response.status_code == 200
    data = response.json()
    assert (data["number"], data["status"], data["pair_count"]) == (1, "proposed", 2)
    assert data["total"] == pytest.approx(float(round_.total))
    pairs = {(p["left"]["id"], p["right"]["id"]): p for p in data["pairs"]}
    assert set(pairs) == {
        (scene.it_digital.pk, scene.de_digital.pk),
        (scene.it_green.pk, scene.de_green.pk),
    }
    # The best score first.
    assert [p["score"] for p in data["pairs"]] == sorted(
        (p["score"] for p in data["pairs"]), reverse=True
    )
    shown = pairs[(scene.it_digital.pk, scene.de_digital.pk)]
    assert shown["id"] == digital.pk
    assert shown["left"] == {
        "id": scene.it_digital.pk,
        "name": "Rete Digitale Lombardia",
        "country": "IT",
        "lead": scene.it_digital.lead.slug,
    }
    assert shown["right"]["lead"] == world.organisation.slug
    assert shown["score"] == pytest.approx(float(digital.score))
    assert (shown["status"], shown["left_answer"], shown["right_answer"]) == (
        "proposed",
        "pending",
        "pending",
    )
    assert shown["forced"] is False
    assert [part["key"] for part in shown["parts"]] == list(engine.PART_KEYS)
    themes = shown["parts"][0]
    assert themes["title"] == "Gemeinsame Themen"
    assert "Digitales Lernen" in themes["sentence"]
    assert themes["data"]["shared"] == ["digital-learning", "green-skills"]
    assert themes["value"] == 1.0
    assert themes["points"] == pytest.approx(100 * themes["weight"])
    assert sum(part["points"] for part in shown["parts"]) == pytest.approx(shown["score"], abs=0.01)
    assert data["unmatched"] == {"left": [], "right": [], "excluded": []}


def test_a_round_names_the_groups_left_out_and_without_partner(client, world, scene):
    round_ = propose(world, scene, excluded={scene.it_green.pk})

    data = client.get(
        rounds_path(scene.call, f"/{round_.number}"), headers=bearer(world.coordinator)
    ).json()

    assert [p["left"]["id"] for p in data["pairs"]] == [scene.it_digital.pk]
    assert [g["id"] for g in data["unmatched"]["excluded"]] == [scene.it_green.pk]
    assert [g["id"] for g in data["unmatched"]["right"]] == [scene.de_green.pk]
    assert data["rules"]["excluded"] == [scene.it_green.pk]


@pytest.mark.parametrize(
    "person, status",
    [
        (None, 401),
        ("outsider", 403),
        ("member", 403),  # a member of a matched group
        ("org_admin", 403),
        ("committee_member", 403),
        ("coordinator", 200),
        ("platform_admin", 200),
    ],
)
def test_only_the_people_who_run_the_call_read_matching(client, world, scene, person, status):
    round_ = propose(world, scene)
    if person:
        client.force_login(getattr(world, person))

    responses = [
        client.get(rounds_path(scene.call)),
        client.get(rounds_path(scene.call, f"/{round_.number}")),
    ]

    assert [r.status_code for r in responses] == [status, status]
    if status == 403:
        assert [r.json() for r in responses] == [FORBIDDEN, FORBIDDEN]


def test_a_coordinator_of_another_programme_is_refused(client, world, scene):
    someone = ProgrammeRoleFactory(role="coordinator").user

    response = client.get(rounds_path(scene.call), headers=bearer(someone))

    assert response.status_code == 403


def test_a_call_the_person_may_not_see_is_not_found(client, world, scene):
    world.programme.is_public = False
    world.programme.save()

    response = client.get(rounds_path(scene.call), headers=bearer(world.outsider))

    assert response.status_code == 404
    assert response.json() == NOT_FOUND


def test_a_round_of_another_call_is_not_found(client, world, scene):
    round_ = propose(world, scene)
    other = CallFactory(programme=world.programme)

    response = client.get(
        rounds_path(other, f"/{round_.number}"), headers=bearer(world.coordinator)
    )

    assert response.status_code == 404
    assert response.json() == NOT_FOUND
    assert MatchingRound.objects.filter(call=other).count() == 0


def _count(client, path, headers) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    assert response.status_code == 200
    return len(queries), len(response.json()["pairs"])


def test_a_round_takes_the_same_number_of_queries_for_2_and_4_pairs(client, world, scene):
    headers = bearer(world.coordinator)
    client.get(rounds_path(scene.call), headers=headers)  # the token's first use writes last_used
    small = propose(world, scene)
    two = _count(client, rounds_path(scene.call, f"/{small.number}"), headers)

    for n in range(2):
        eligible_group(scene.call, "IT", f"Rete {n}", themes=["green-skills"])
        eligible_group(scene.call, "DE", f"Netz {n}", themes=["green-skills"])
    large = propose(world, scene)
    four = _count(client, rounds_path(scene.call, f"/{large.number}"), headers)

    assert (two[1], four[1]) == (2, 4)
    assert two[0] == four[0]
