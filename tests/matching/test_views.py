"""The matching pages: the coordinators' overview, the rules form, a round with its explanations
and comparison, confirming, one pair; a group's proposed partner with accepting and declining.
Who may open what is walked in tests/test_urls_permissions.py; here the pages' content."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.calls.models import ExpressionOfInterest
from netzwerkstatt.matching import services
from netzwerkstatt.matching.models import Consortium, MatchingRound, ProposedPair
from tests.factories import CallFactory, MembershipFactory
from tests.matching.test_glue import confirmed, eligible_group, make_scene, pair_of, propose

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world):
    return make_scene(world)


def url(name, call, **kwargs):
    return reverse(
        f"matching:{name}", kwargs={"programme": call.programme.slug, "call": call.slug, **kwargs}
    )


def text_of(response) -> str:
    return response.content.decode()


def _management(prefix: str, total: int = 2) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def proposal_data(*, must_match=(), must_not=(), min_score="0", excluded=(), **weights) -> dict:
    data = {
        **_management("must_match", max(2, len(must_match))),
        **_management("must_not", max(2, len(must_not))),
        "min_score": min_score,
        "excluded": [str(g) for g in excluded],
        "weight-themes": "25",
        "weight-complementarity": "25",
        "weight-kinds": "10",
        "weight-sector_mix": "5",
        "weight-regions": "10",
        "weight-languages": "10",
        "weight-text": "15",
    }
    data.update({f"weight-{k}": str(v) for k, v in weights.items()})
    for prefix, pairs in (("must_match", must_match), ("must_not", must_not)):
        for i, (left, right) in enumerate(pairs):
            data[f"{prefix}-{i}-left"] = str(left or "")
            data[f"{prefix}-{i}-right"] = str(right or "")
    return data


# For the coordinators --------------------------------------------------------------------------


def test_the_matching_page_shows_the_free_groups_per_side_and_the_rounds(client, world, scene):
    propose(world, scene)
    client.force_login(world.coordinator)

    response = client.get(url("home", scene.call))

    assert response.status_code == 200
    pool = response.context["pool"]
    assert [g.name for g in pool.left] == ["Rete Digitale Lombardia", "Scuole Verdi Piemonte"]
    assert [g.name for g in pool.right] == ["Digitales Netz Hessen", "Grüne Betriebe Bayern"]
    assert response.context["side_names"] == {"left": "Italy", "right": "Germany"}
    assert [r.number for r in response.context["rounds"]] == [1]
    assert response.context["proposed"].number == 1
    assert text_of(response).count("<h1") == 1
    assert url("propose", scene.call) in text_of(response)


def test_the_call_navigation_links_to_matching(client, world, scene):
    client.force_login(world.coordinator)

    response = client.get(reverse("calls:detail", args=[world.programme.slug, scene.call.slug]))

    assert url("home", scene.call) in text_of(response)


def test_the_rules_form_offers_the_groups_of_each_side(client, world, scene):
    client.force_login(world.coordinator)

    response = client.get(url("propose", scene.call))

    forms = response.context["forms"]
    row = forms.must_match.forms[0]
    assert [label for _value, label in row.fields["left"].choices] == [
        "—",
        "Rete Digitale Lombardia",
        "Scuole Verdi Piemonte",
    ]
    assert [label for _value, label in row.fields["right"].choices] == [
        "—",
        "Digitales Netz Hessen",
        "Grüne Betriebe Bayern",
    ]
    assert row.fields["left"].label == "Pair 1: group from Italy"
    page = text_of(response)
    assert f'<label class="visually-hidden" for="{row["left"].id_for_label}">' in page
    assert 'name="weight-themes"' in page and 'value="25"' in page
    assert page.count("<h1") == 1


def test_proposing_from_the_form_creates_the_round_and_shows_it(client, world, scene):
    client.force_login(world.coordinator)

    response = client.post(
        url("propose", scene.call),
        proposal_data(
            must_match=[(scene.it_green.pk, scene.de_digital.pk)],
            excluded=[scene.de_green.pk],
        ),
    )

    round_ = MatchingRound.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("round", scene.call, number=1)
    assert round_.rules["must_match"] == [[scene.it_green.pk, scene.de_digital.pk]]
    assert round_.rules["excluded"] == [scene.de_green.pk]
    pair = round_.pairs.get()
    assert (pair.left, pair.right, pair.forced) == (scene.it_green, scene.de_digital, True)


def test_the_next_form_starts_from_the_rules_of_the_last_round(client, world, scene):
    propose(world, scene, must_not={(scene.it_digital.pk, scene.de_digital.pk)}, min_score=10)
    client.force_login(world.coordinator)

    response = client.get(url("propose", scene.call))

    forms = response.context["forms"]
    assert forms.must_not.forms[0].initial == {
        "left": scene.it_digital.pk,
        "right": scene.de_digital.pk,
    }
    assert len(forms.must_not.forms) == 3  # the rule and two empty rows
    assert forms.rules.initial["min_score"] == 10


def test_weights_change_the_scores(client, world, scene):
    client.force_login(world.coordinator)

    client.post(
        url("propose", scene.call),
        proposal_data(
            themes=100, complementarity=0, kinds=0, sector_mix=0, regions=0, languages=0, text=0
        ),
    )

    round_ = MatchingRound.objects.get()
    assert round_.weights["themes"] == 1.0
    assert {float(p.score) for p in round_.pairs.all()} == {100.0}


def test_impossible_rules_are_shown_next_to_the_pairs_and_nothing_is_proposed(client, world, scene):
    client.force_login(world.coordinator)

    response = client.post(
        url("propose", scene.call),
        proposal_data(
            must_match=[
                (scene.it_digital.pk, scene.de_digital.pk),
                (scene.it_digital.pk, scene.de_green.pk),
            ]
        ),
    )

    assert response.status_code == 200
    assert not MatchingRound.objects.exists()
    assert response.context["forms"].must_match.non_form_errors() == [
        "Rete Digitale Lombardia is set as a pair with more than one group."
    ]
    assert "Rete Digitale Lombardia is set as a pair with more than one group." in text_of(response)


def test_a_row_with_one_group_only_is_refused_next_to_the_missing_select(client, world, scene):
    client.force_login(world.coordinator)

    response = client.post(
        url("propose", scene.call),
        proposal_data(must_not=[(scene.it_digital.pk, None)], min_score="101", text="-1"),
    )

    forms = response.context["forms"]
    assert not MatchingRound.objects.exists()
    assert forms.must_not.forms[0].errors == {
        "right": ["Choose a group on both sides, or on neither."]
    }
    assert forms.rules.errors["min_score"] == ["Ensure this value is less than or equal to 100."]
    assert forms.weights.errors["text"] == ["Ensure this value is greater than or equal to 0."]
    assert 'id="id_must_not-0-right_error"' in text_of(response)


def test_the_round_page_explains_each_pair_and_compares_with_the_previous_round(
    client, world, scene
):
    propose(world, scene)
    propose(world, scene, must_match={(scene.it_green.pk, scene.de_digital.pk)})
    client.force_login(world.coordinator)

    response = client.get(url("round", scene.call, number=2))

    page = text_of(response)
    pairs = response.context["pairs"]
    forced = next(s for s in pairs if s.pair.forced)
    assert (forced.pair.left, forced.pair.right) == (scene.it_green, scene.de_digital)
    assert forced.reasons[0].points >= forced.reasons[-1].points
    assert "Both work on Green skills and sustainability" in page
    comparison = response.context["comparison"]
    assert comparison.other.number == 1
    assert [(p.left.name, p.right.name) for p in comparison.removed] == [
        ("Rete Digitale Lombardia", "Digitales Netz Hessen"),
        ("Scuole Verdi Piemonte", "Grüne Betriebe Bayern"),
    ]
    assert "Since round 1:" in page
    assert response.context["can_confirm"] is True
    assert url("confirm", scene.call, number=2) in page
    assert {(s.pair.left.name, s.pair.right.name) for s in comparison.added} == {
        ("Scuole Verdi Piemonte", "Digitales Netz Hessen"),
        ("Rete Digitale Lombardia", "Grüne Betriebe Bayern"),
    }
    assert page.count("<h1") == 1


def test_a_round_can_be_compared_with_any_other_round(client, world, scene):
    propose(world, scene)
    propose(world, scene, excluded={scene.it_green.pk})
    propose(world, scene)
    client.force_login(world.coordinator)

    response = client.get(url("round", scene.call, number=3) + "?compare=1")

    comparison = response.context["comparison"]
    assert comparison.other.number == 1
    assert len(comparison.kept) == 2
    assert comparison.added == [] and comparison.removed == []
    assert comparison.total_change == 0


def test_a_superseded_round_cannot_be_confirmed_from_its_page(client, world, scene):
    propose(world, scene)
    propose(world, scene)
    client.force_login(world.coordinator)

    page = client.get(url("round", scene.call, number=1))
    response = client.post(url("confirm", scene.call, number=1), follow=True)

    assert page.context["can_confirm"] is False
    assert url("confirm", scene.call, number=1) not in text_of(page)
    assert MatchingRound.objects.get(number=1).status == "superseded"
    assert "Only a proposed round can be confirmed" in text_of(response)


def test_confirming_from_the_page_tells_the_groups(
    client, world, scene, django_capture_on_commit_callbacks
):
    propose(world, scene)
    client.force_login(world.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("confirm", scene.call, number=1))

    assert response.status_code == 302
    assert MatchingRound.objects.get().status == "confirmed"
    assert len(mail.outbox) == 4  # two people in each digital group; nobody in the green ones
    assert any(m.to == [scene.italian.email] for m in mail.outbox)


def test_the_pair_page_shows_every_part_and_both_profiles(client, world, scene):
    round_ = propose(world, scene)
    pair = pair_of(round_, scene.it_digital, scene.de_digital)
    client.force_login(world.coordinator)

    response = client.get(url("pair", scene.call, number=1, pair_id=pair.pk))

    reasons = response.context["reasons"]
    assert [r.key for r in reasons] == [
        "themes", "complementarity", "kinds", "sector_mix", "regions", "languages", "text",
    ]  # fmt: skip
    assert sum(r.points for r in reasons) == pytest.approx(float(pair.score), abs=0.01)
    page = text_of(response)
    assert "Each prefers the other&#x27;s region" in page
    assert "Lombardia" in page and "Hessen" in page
    assert world.organisation.name in page  # the German group's organisations
    assert page.count("<h1") == 1


def test_a_pair_of_another_round_or_call_is_not_found(client, world, scene):
    round_ = propose(world, scene)
    pair = round_.pairs.first()
    other = make_scene(world)
    propose(world, other)
    client.force_login(world.coordinator)

    assert client.get(url("pair", other.call, number=1, pair_id=pair.pk)).status_code == 404
    assert client.get(url("round", scene.call, number=9)).status_code == 404


def test_the_pages_explain_in_german_when_the_reader_reads_german(client, world, scene):
    round_ = propose(world, scene)
    pair = pair_of(round_, scene.it_digital, scene.de_digital)
    world.coordinator.language = "de"
    world.coordinator.save()
    client.force_login(world.coordinator)

    proposal = text_of(client.get(url("round", scene.call, number=1)))
    detail = text_of(client.get(url("pair", scene.call, number=1, pair_id=pair.pk)))

    assert "Digitales Lernen" in proposal
    assert "Grüne Kompetenzen und Nachhaltigkeit" in proposal
    assert "Digital learning" not in proposal
    assert "Lombardei" in detail and "Hessen" in detail
    assert "Italienisch" in detail


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def test_the_round_page_takes_as_many_queries_for_one_pair_as_for_three(client, world):
    one = CallFactory(programme=world.programme)
    three = CallFactory(programme=world.programme)
    for call, count in ((one, 1), (three, 3)):
        for n in range(count):
            eligible_group(call, "IT", f"Rete {n}", themes=["smes"], region="IT-25")
            eligible_group(call, "DE", f"Netz {n}", themes=["smes"], kind="training_company")
        for _ in range(2):  # two rounds, so the page compares
            services.propose_round(
                actor=world.coordinator, call=call, rules=services.engine.Rules()
            )
    assert MatchingRound.objects.get(call=three, number=2).pairs.count() == 3
    client.force_login(world.coordinator)

    assert _queries(client, url("round", one, number=2)) == _queries(
        client, url("round", three, number=2)
    )


def test_the_matching_page_takes_as_many_queries_for_one_pair_as_for_three(
    client, world, django_capture_on_commit_callbacks
):
    calls = []
    for count in (1, 3):
        call = CallFactory(programme=world.programme)
        for n in range(count):
            eligible_group(call, "IT", f"Rete {n}", themes=["smes"], region="IT-25")
            eligible_group(call, "DE", f"Netz {n}", themes=["smes"], kind="training_company")
            eligible_group(call, "DE", f"Frei {n}", themes=["smes"])  # stays free
        round_ = services.propose_round(
            actor=world.coordinator, call=call, rules=services.engine.Rules()
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.confirm_round(actor=world.coordinator, round=round_)
        calls.append(call)
    client.force_login(world.coordinator)

    one, three = (_queries(client, url("home", call)) for call in calls)

    assert one == three


# For the groups --------------------------------------------------------------------------------


def test_a_group_sees_nothing_before_the_round_is_confirmed(client, world, scene):
    propose(world, scene)
    client.force_login(world.member)

    response = client.get(url("group", scene.call, group_id=scene.de_digital.pk))

    assert response.status_code == 200
    assert response.context["current"] is None
    assert "Rete Digitale Lombardia" not in text_of(response)


def test_a_group_sees_its_partner_with_the_reasons_and_can_answer(
    client, world, scene, django_capture_on_commit_callbacks
):
    confirmed(world, scene, django_capture_on_commit_callbacks)
    client.force_login(world.member)

    response = client.get(url("group", scene.call, group_id=scene.de_digital.pk))

    page = text_of(response)
    assert response.context["partner"] == scene.it_digital
    assert response.context["side"] == "right"
    assert response.context["can_answer"] is True
    assert "Rete Digitale Lombardia" in page
    assert scene.it_digital.lead.name in page  # the partner's organisations
    assert "Both work on Digital learning and Green skills and sustainability" in page
    assert 'name="answer" value="accept"' in page and 'name="answer" value="decline"' in page
    assert page.count("<h1") == 1


def test_the_group_page_speaks_german_to_a_german_reader(
    client, world, scene, django_capture_on_commit_callbacks
):
    confirmed(world, scene, django_capture_on_commit_callbacks)
    world.member.language = "de"
    world.member.save()
    client.force_login(world.member)

    page = text_of(client.get(url("group", scene.call, group_id=scene.de_digital.pk)))

    assert "Digitales Lernen" in page
    assert "Lombardei" in page


def test_accepting_and_declining_from_the_group_page(
    client, world, scene, django_capture_on_commit_callbacks
):
    round_ = confirmed(world, scene, django_capture_on_commit_callbacks)
    digital = pair_of(round_, scene.it_digital, scene.de_digital)
    green = pair_of(round_, scene.it_green, scene.de_green)
    italian_green = MembershipFactory(organisation=scene.it_green.lead).user
    german_green = MembershipFactory(organisation=scene.de_green.lead).user

    client.force_login(scene.italian)
    client.post(
        url("answer", scene.call, group_id=scene.it_digital.pk, pair_id=digital.pk),
        {"answer": "accept"},
    )
    client.force_login(world.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("answer", scene.call, group_id=scene.de_digital.pk, pair_id=digital.pk),
            {"answer": "accept"},
            follow=True,
        )
    client.force_login(german_green)
    client.post(
        url("answer", scene.call, group_id=scene.de_green.pk, pair_id=green.pk),
        {"answer": "decline"},
    )
    client.force_login(italian_green)
    after_decline = client.get(url("group", scene.call, group_id=scene.it_green.pk))

    assert "you form a consortium" in text_of(response)
    assert Consortium.objects.get().pair == digital
    assert set(
        ExpressionOfInterest.objects.filter(status="matched").values_list("group", flat=True)
    ) == {scene.it_digital.pk, scene.de_digital.pk}
    green.refresh_from_db()
    assert (green.status, green.left_answer, green.right_answer) == (
        "declined",
        "pending",
        "declined",
    )
    assert after_decline.context["can_answer"] is False
    assert "Grüne Betriebe Bayern declined this proposal." in text_of(after_decline)


def test_a_group_answers_only_its_own_proposal(
    client, world, scene, django_capture_on_commit_callbacks
):
    round_ = confirmed(world, scene, django_capture_on_commit_callbacks)
    digital = pair_of(round_, scene.it_digital, scene.de_digital)
    green = pair_of(round_, scene.it_green, scene.de_green)
    client.force_login(world.member)

    # Another group's pair through one's own group, and another group's page: not found.
    through_own = client.post(
        url("answer", scene.call, group_id=scene.de_digital.pk, pair_id=green.pk),
        {"answer": "decline"},
    )
    other_group = client.post(
        url("answer", scene.call, group_id=scene.it_digital.pk, pair_id=digital.pk),
        {"answer": "decline"},
    )
    other_page = client.get(url("group", scene.call, group_id=scene.it_green.pk))
    client.force_login(world.coordinator)
    coordinator = client.post(
        url("answer", scene.call, group_id=scene.de_digital.pk, pair_id=digital.pk),
        {"answer": "accept"},
    )
    coordinator_page = client.get(url("group", scene.call, group_id=scene.de_digital.pk))

    assert (through_own.status_code, other_group.status_code, other_page.status_code) == (
        404,
        404,
        404,
    )
    assert coordinator.status_code == 403
    assert coordinator_page.status_code == 200  # the people who run the call may look
    assert coordinator_page.context["can_answer"] is False
    assert set(ProposedPair.objects.values_list("status", flat=True)) == {"proposed"}


def test_an_answer_that_is_neither_accept_nor_decline_changes_nothing(
    client, world, scene, django_capture_on_commit_callbacks
):
    round_ = confirmed(world, scene, django_capture_on_commit_callbacks)
    digital = pair_of(round_, scene.it_digital, scene.de_digital)
    client.force_login(world.member)

    response = client.post(
        url("answer", scene.call, group_id=scene.de_digital.pk, pair_id=digital.pk),
        {"answer": "maybe"},
        follow=True,
    )

    digital.refresh_from_db()
    assert digital.right_answer == "pending"
    assert "Choose to accept or to decline the proposal." in text_of(response)
