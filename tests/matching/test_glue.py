"""The Django side of matching: profiles built from actor groups, which groups are free, proposing
rounds under the coordinator's rules, superseding, comparing, confirming with e-mails in each
person's language, the groups' answers, consortia, and explanations in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from netzwerkstatt.calls.models import ActorGroup, ExpressionOfInterest
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.matching import engine, profiles, queries, services, text
from netzwerkstatt.matching.explanations import Explainer
from netzwerkstatt.matching.models import Consortium, MatchingRound, ProposedPair
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    ActorGroupFactory,
    CallFactory,
    ExpressionFactory,
    GroupMemberFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Status = ExpressionOfInterest.Status
Rules = engine.Rules


def eligible_group(
    call,
    country: str,
    name: str,
    *,
    lead=None,
    themes=(),
    kind: str = "vocational_school",
    sector: str = "public",
    region: str = "",
    preferred=(),
    offers: str = "Workshops, company placements",
    seeks: str = "A partner with dual training experience",
    languages=("it", "de"),
    status: str = Status.ELIGIBLE,
) -> ActorGroup:
    lead = lead or OrganisationFactory(country=country, region=region, kind=kind, sector=sector)
    group = ActorGroupFactory(
        call=call,
        country=country,
        name=name,
        lead=lead,
        offers=offers,
        seeks=seeks,
        preferred_regions=list(preferred),
        working_languages=list(languages),
    )
    group.themes.set(Theme.objects.filter(code__in=themes))
    ExpressionFactory(group=group, status=status)
    return group


@dataclass
class Scene:
    call: object
    it_digital: ActorGroup  # left
    it_green: ActorGroup
    de_digital: ActorGroup  # right, led by the world's organisation (member, org_admin)
    de_green: ActorGroup
    italian: object  # a person of it_digital, no language chosen
    english: object  # a person of it_digital who reads English


def make_scene(world, **call_kwargs) -> Scene:
    """Two Italian and two German groups; the best matching pairs the digital groups (same
    themes, a company with a school, public with private, each prefers the other's region) and
    the green ones (same theme, a school with a company)."""
    call = CallFactory(programme=world.programme, pairings=[["IT", "DE"]], **call_kwargs)
    it_digital = eligible_group(
        call,
        "IT",
        "Rete Digitale Lombardia",
        themes=["digital-learning", "green-skills"],
        kind="training_company",
        sector="private",
        region="IT-25",
        preferred=["DE-HE"],
    )
    it_green = eligible_group(
        call, "IT", "Scuole Verdi Piemonte", themes=["green-skills"], region="IT-21"
    )
    de_digital = eligible_group(
        call,
        "DE",
        "Digitales Netz Hessen",
        lead=world.organisation,  # a public vocational school in DE-HE
        themes=["digital-learning", "green-skills"],
        preferred=["IT-25"],
    )
    de_green = eligible_group(
        call,
        "DE",
        "Grüne Betriebe Bayern",
        themes=["green-skills"],
        kind="training_company",
        sector="private",
        region="DE-BY",
    )
    italian = MembershipFactory(organisation=it_digital.lead).user
    english = MembershipFactory(organisation=it_digital.lead, user__language="en").user
    return Scene(call, it_digital, it_green, de_digital, de_green, italian, english)


@pytest.fixture
def scene(world) -> Scene:
    return make_scene(world)


def ids(round_: MatchingRound) -> set[tuple[int, int]]:
    return set(round_.pairs.values_list("left_id", "right_id"))


def propose(world, scene, **rules) -> MatchingRound:
    return services.propose_round(actor=world.coordinator, call=scene.call, rules=Rules(**rules))


def confirmed(world, scene, django_capture_on_commit_callbacks, **rules) -> MatchingRound:
    round_ = propose(world, scene, **rules)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_round(actor=world.coordinator, round=round_)
    return MatchingRound.objects.get(pk=round_.pk)


def pair_of(round_: MatchingRound, left, right) -> ProposedPair:
    return round_.pairs.get(left=left, right=right)


# Profiles ---------------------------------------------------------------------------------------


def test_a_profile_is_built_from_the_group_and_its_confirmed_organisations(world, scene):
    group = scene.it_digital
    group.offers = "Tirocini in azienda e laboratori digitali"
    group.seeks = "Scuole professionali con esperienza"
    group.save()
    GroupMemberFactory(
        group=group,
        organisation=OrganisationFactory(country="IT", kind="chamber", sector="public"),
    )
    GroupMemberFactory(
        group=group,
        organisation=OrganisationFactory(country="IT", kind="university"),
        status="invited",  # not part of the group (yet)
    )

    (loaded,) = profiles.with_profile_data(ActorGroup.objects.filter(pk=group.pk))
    profile = profiles.profile_of(loaded)

    assert profile.id == group.pk
    assert (profile.country, profile.region) == ("IT", "IT-25")
    assert profile.themes == {"digital-learning", "green-skills"}
    assert profile.kinds == {"training_company", "chamber"}
    assert profile.sectors == {"private", "public"}
    assert profile.preferred_regions == {"DE-HE"}
    assert profile.languages == {"it", "de"}
    assert profile.offers == text.keywords("Tirocini in azienda e laboratori digitali", "it")
    assert profile.seeks == text.keywords("Scuole professionali con esperienza", "it")
    assert profile.text == (
        "Tirocini in azienda e laboratori digitali\nScuole professionali con esperienza"
    )
    assert profile.text_language == "it"


def test_offers_are_keywords_in_the_language_of_the_groups_country(world, scene):
    group = scene.de_green
    group.offers = "Ausbildungsbetriebe"
    group.save()
    other = eligible_group(scene.call, "FR", "Réseau", offers="apprentices")

    german = profiles.profile_of(group)
    elsewhere = profiles.profile_of(other)

    assert german.offers == text.keywords("Ausbildungsbetrieb", "de")
    assert (german.text_language, elsewhere.text_language) == ("de", "en")
    assert elsewhere.offers == text.keywords("apprentices", "en")


def _pool_queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        pool = profiles.pool(call)
        pool.profiles("left")
        pool.profiles("right")
    return len(captured)


def test_the_pool_takes_the_same_queries_for_two_groups_and_for_ten(world):
    few = CallFactory(programme=world.programme)
    many = CallFactory(programme=world.programme)
    for call, count in ((few, 1), (many, 5)):
        for n in range(count):
            for country in ("IT", "DE"):
                group = eligible_group(call, country, f"{country} {n}", themes=["smes"])
                GroupMemberFactory(group=group)

    assert _pool_queries(few) == _pool_queries(many)


def test_sides_follow_the_pairings_of_the_call(world):
    call = CallFactory(programme=world.programme, pairings=[["IT", "DE"], ["FR", "DE"]])

    sides = profiles.sides(call)

    assert (sides.left, sides.right) == (("IT", "FR"), ("DE",))
    assert sides.are_paired("FR", "DE")
    assert not sides.are_paired("DE", "IT")
    assert sides.side_of("AT") is None


def test_free_groups_are_eligible_and_neither_matched_nor_waiting(
    world, scene, django_capture_on_commit_callbacks
):
    eligible_group(scene.call, "IT", "Submitted", status=Status.SUBMITTED)
    eligible_group(scene.call, "IT", "Not eligible", status=Status.INELIGIBLE)
    eligible_group(scene.call, "DE", "Withdrawn", status=Status.WITHDRAWN)
    all_four = {scene.it_digital, scene.it_green, scene.de_digital, scene.de_green}

    assert set(profiles.free_groups(scene.call)) == all_four

    propose(world, scene)  # proposed only: the groups stay free until it is confirmed

    assert set(profiles.free_groups(scene.call)) == all_four

    confirmed(
        world, scene, django_capture_on_commit_callbacks, excluded={scene.it_green.pk}
    )  # it_digital – de_digital wait for their answers

    assert set(profiles.free_groups(scene.call)) == {scene.it_green, scene.de_green}


# Proposing --------------------------------------------------------------------------------------


def test_propose_pairs_the_best_partners_and_keeps_the_parts_of_each_score(world, scene):
    round_ = propose(world, scene)

    assert ids(round_) == {
        (scene.it_digital.pk, scene.de_digital.pk),
        (scene.it_green.pk, scene.de_green.pk),
    }
    assert (round_.number, round_.status) == (1, MatchingRound.Status.PROPOSED)
    assert round_.pool == {
        "left": sorted([scene.it_digital.pk, scene.it_green.pk]),
        "right": sorted([scene.de_digital.pk, scene.de_green.pk]),
    }
    assert round_.weights == engine.DEFAULT_WEIGHTS.as_dict()
    assert round_.total == sum(p.score for p in round_.pairs.all())
    digital = pair_of(round_, scene.it_digital, scene.de_digital)
    left = profiles.profile_of(scene.it_digital)
    right = profiles.profile_of(scene.de_digital)
    expected = engine.score_pair(left, right)
    assert float(digital.score) == pytest.approx(expected.total, abs=0.005)
    assert [p["key"] for p in digital.parts] == list(engine.PART_KEYS)
    themes = digital.parts[0]
    assert themes["data"]["shared"] == ["digital-learning", "green-skills"]
    assert themes["value"] == 1.0
    assert not digital.forced
    entry = AuditEntry.objects.get(action="matching.round_proposed")
    assert entry.programme == world.programme
    assert entry.changes["pairs"] == {"old": None, "new": 2}


def test_propose_respects_pairs_that_must_and_must_not_be_matched(world, scene):
    forced = propose(world, scene, must_match={(scene.it_green.pk, scene.de_digital.pk)})
    kept_apart = propose(world, scene, must_not={(scene.it_digital.pk, scene.de_digital.pk)})

    assert (scene.it_green.pk, scene.de_digital.pk) in ids(forced)
    assert pair_of(forced, scene.it_green, scene.de_digital).forced
    assert (scene.it_digital.pk, scene.de_digital.pk) not in ids(kept_apart)
    assert kept_apart.rules["must_not"] == [[scene.it_digital.pk, scene.de_digital.pk]]


def test_propose_respects_the_lowest_score_and_groups_left_out(world, scene):
    first = propose(world, scene)
    digital = pair_of(first, scene.it_digital, scene.de_digital).score
    green = pair_of(first, scene.it_green, scene.de_green).score
    assert green < digital

    high_bar = propose(world, scene, min_score=float(green) + 0.5)
    without = propose(world, scene, excluded={scene.de_digital.pk})

    assert ids(high_bar) == {(scene.it_digital.pk, scene.de_digital.pk)}
    assert scene.de_digital.pk not in {r for _l, r in ids(without)}
    unmatched = queries.unmatched_of(without, list(without.pairs.all()))
    assert unmatched.excluded == [scene.de_digital]
    assert scene.de_digital not in unmatched.right


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (
            lambda s: {
                "must_match": {(s.it_digital.pk, s.de_digital.pk), (s.it_digital.pk, s.de_green.pk)}
            },
            "Rete Digitale Lombardia is set as a pair with more than one group.",
        ),
        (
            lambda s: {
                "must_match": {(s.it_green.pk, s.de_green.pk)},
                "must_not": {(s.it_green.pk, s.de_green.pk)},
            },
            "Scuole Verdi Piemonte and Grüne Betriebe Bayern are set as a pair and as a pair "
            "that must not be matched.",
        ),
        (
            lambda s: {
                "must_match": {(s.it_green.pk, s.de_green.pk)},
                "excluded": {s.de_green.pk},
            },
            "Scuole Verdi Piemonte and Grüne Betriebe Bayern are set as a pair, but one of them "
            "is left out.",
        ),
    ],
)
def test_impossible_rules_are_refused_naming_the_groups(world, scene, rules, expected):
    with pytest.raises(ValidationError) as refused:
        propose(world, scene, **rules(scene))

    assert expected in refused.value.message_dict["must_match"]
    assert not MatchingRound.objects.exists()


def test_a_group_that_is_not_free_cannot_be_set_as_a_pair(world, scene):
    waiting = eligible_group(scene.call, "IT", "Gruppo in attesa", status=Status.SUBMITTED)

    with pytest.raises(ValidationError) as refused:
        propose(world, scene, must_match={(waiting.pk, scene.de_green.pk)})

    (message,) = refused.value.message_dict["must_match"]
    assert message.startswith("Gruppo in attesa and Grüne Betriebe Bayern cannot be set as a pair")


def test_only_the_countries_the_call_pairs_are_matched(world):
    call = CallFactory(programme=world.programme, pairings=[["IT", "DE"], ["FR", "AT"]])
    italian = eligible_group(call, "IT", "Rete", themes=["smes"])
    austrian = eligible_group(call, "AT", "Netz Wien", themes=["smes"])
    french = eligible_group(call, "FR", "Réseau", themes=["dual-study"])

    round_ = services.propose_round(actor=world.coordinator, call=call, rules=Rules())
    with pytest.raises(ValidationError) as refused:
        services.propose_round(
            actor=world.coordinator, call=call, rules=Rules(must_match={(italian.pk, austrian.pk)})
        )

    assert ids(round_) == {(french.pk, austrian.pk)}  # never Italy with Austria
    assert refused.value.message_dict["must_match"] == [
        "Rete and Netz Wien come from countries the call does not pair."
    ]


def test_a_call_without_pairings_cannot_be_matched(world, scene):
    scene.call.pairings = []
    scene.call.save()

    with pytest.raises(ValidationError, match="which countries are matched"):
        propose(world, scene)


def test_proposing_again_supersedes_the_round_that_was_not_confirmed(world, scene):
    first = propose(world, scene)
    second = propose(world, scene, excluded={scene.it_green.pk})

    first.refresh_from_db()
    assert first.status == MatchingRound.Status.SUPERSEDED
    assert (second.number, second.status) == (2, MatchingRound.Status.PROPOSED)
    assert AuditEntry.objects.filter(action="matching.round_superseded").count() == 1


def test_compare_shows_kept_added_and_removed_pairs_and_the_change_of_the_total(world, scene):
    first = propose(world, scene)
    second = propose(world, scene, must_match={(scene.it_green.pk, scene.de_digital.pk)})
    explainer = Explainer()
    shown = queries.shown(queries.pairs_of(second), explainer)

    result = queries.compare(second, shown, first)

    names = {
        key: {(s.pair.left.name, s.pair.right.name) for s in getattr(result, key)}
        for key in ("kept", "added")
    }
    removed = {(p.left.name, p.right.name) for p in result.removed}
    assert ("Scuole Verdi Piemonte", "Digitales Netz Hessen") in names["added"]
    assert ("Rete Digitale Lombardia", "Digitales Netz Hessen") in removed
    assert ("Scuole Verdi Piemonte", "Grüne Betriebe Bayern") in removed
    assert names["kept"] == set()
    assert result.total_change == second.total - first.total
    assert result.total_change < 0  # the optimum was the first round


# Confirming -------------------------------------------------------------------------------------


def _to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_confirming_writes_to_every_person_of_both_groups_in_their_language(
    world, scene, django_capture_on_commit_callbacks
):
    round_ = propose(world, scene, excluded={scene.it_green.pk, scene.de_green.pk})

    with django_capture_on_commit_callbacks(execute=True):
        result = services.confirm_round(actor=world.coordinator, round=round_)

    round_.refresh_from_db()
    assert round_.status == MatchingRound.Status.CONFIRMED
    assert round_.confirmed_by == world.coordinator
    assert result.emails == 4
    (italian,) = _to(scene.italian.email)
    assert "Invito a partecipare" in italian.subject
    assert "Digitales Netz Hessen" in italian.body
    assert f"/matching/groups/{scene.it_digital.pk}/" in italian.body
    (english,) = _to(scene.english.email)
    assert "Call to action" in english.subject
    assert "Both work on Digital learning and Green skills and sustainability" in english.body
    for person in (world.member, world.org_admin):
        (german,) = _to(person.email)
        assert "Aufruf zur Teilnahme" in german.subject
        assert "Rete Digitale Lombardia" in german.body
        assert "Digitales Lernen" in german.body  # the reasons, with the German theme names
        assert f"/matching/groups/{scene.de_digital.pk}/" in german.body
    assert AuditEntry.objects.filter(action="matching.round_confirmed").exists()


def test_only_the_latest_proposed_round_with_pairs_can_be_confirmed(
    world, scene, django_capture_on_commit_callbacks
):
    superseded = propose(world, scene)
    latest = propose(world, scene)
    empty_call = CallFactory(programme=world.programme)
    empty = services.propose_round(actor=world.coordinator, call=empty_call, rules=Rules())

    with pytest.raises(ValidationError, match="Only a proposed round"):
        services.confirm_round(actor=world.coordinator, round=superseded)
    with pytest.raises(ValidationError, match="nothing to confirm"):
        services.confirm_round(actor=world.coordinator, round=empty)
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_round(actor=world.coordinator, round=latest)
    with pytest.raises(ValidationError, match="Only a proposed round"):
        services.confirm_round(actor=world.coordinator, round=latest)


# Answering --------------------------------------------------------------------------------------


def test_two_acceptances_form_a_consortium_and_match_both_expressions(
    world, scene, django_capture_on_commit_callbacks
):
    round_ = confirmed(world, scene, django_capture_on_commit_callbacks)
    pair = pair_of(round_, scene.it_digital, scene.de_digital)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_proposal(actor=scene.italian, pair=pair, side="left", accept=True)
    halfway = ProposedPair.objects.get(pk=pair.pk)
    told = {m.to[0]: m for m in mail.outbox}
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_proposal(actor=world.member, pair=pair, side="right", accept=True)

    assert (halfway.status, halfway.left_answer, halfway.right_answer) == (
        "proposed",
        "accepted",
        "pending",
    )
    assert set(told) == {world.member.email, world.org_admin.email}
    assert "Rete Digitale Lombardia" in told[world.member.email].subject
    pair.refresh_from_db()
    assert (pair.status, pair.right_answered_by) == ("accepted", world.member)
    consortium = Consortium.objects.get()
    assert (consortium.left, consortium.right, consortium.pair) == (
        scene.it_digital,
        scene.de_digital,
        pair,
    )
    statuses = ExpressionOfInterest.objects.filter(
        group__in=[scene.it_digital, scene.de_digital]
    ).values_list("status", flat=True)
    assert list(statuses) == [Status.MATCHED, Status.MATCHED]
    assert {m.to[0] for m in mail.outbox[len(told) :]} == {
        scene.italian.email,
        scene.english.email,
    }
    assert AuditEntry.objects.filter(action="matching.consortium_formed").count() == 1
    assert AuditEntry.objects.filter(action="expression.matched").count() == 2
    assert set(profiles.free_groups(scene.call)) == set()  # the green pair waits, too


def test_a_decline_frees_both_groups_for_the_next_round_but_not_for_each_other(
    world, scene, django_capture_on_commit_callbacks
):
    first = confirmed(world, scene, django_capture_on_commit_callbacks)
    pair = pair_of(first, scene.it_digital, scene.de_digital)
    assert set(profiles.free_groups(scene.call)) == set()

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_proposal(actor=world.org_admin, pair=pair, side="right", accept=False)
    pair.refresh_from_db()
    free = set(profiles.free_groups(scene.call))
    second = propose(world, scene)

    assert (pair.status, pair.right_answer) == ("declined", "declined")
    assert free == {scene.it_digital, scene.de_digital}
    assert ids(second) == set()  # the only free groups declined each other
    assert second.rules["declined"] == [[scene.it_digital.pk, scene.de_digital.pk]]
    assert not Consortium.objects.exists()
    with pytest.raises(ValidationError) as refused:
        propose(world, scene, must_match={(scene.it_digital.pk, scene.de_digital.pk)})
    assert "declined each other" in refused.value.message_dict["must_match"][0]
    with pytest.raises(ValidationError, match="declined"):
        services.answer_proposal(actor=scene.italian, pair=pair, side="left", accept=True)


def test_a_declined_group_is_matched_with_someone_else_in_the_next_round(
    world, scene, django_capture_on_commit_callbacks
):
    # The green groups wait; the digital groups decline each other.
    first = confirmed(world, scene, django_capture_on_commit_callbacks)
    digital = pair_of(first, scene.it_digital, scene.de_digital)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_proposal(actor=scene.italian, pair=digital, side="left", accept=False)
    late = eligible_group(
        scene.call, "DE", "Späte Gruppe", themes=["digital-learning"], kind="chamber"
    )

    second = propose(world, scene)

    assert ids(second) == {(scene.it_digital.pk, late.pk)}
    assert second.pool == {
        "left": [scene.it_digital.pk],
        "right": sorted([scene.de_digital.pk, late.pk]),
    }


def test_only_people_of_the_sides_group_answer_and_only_once(
    world, scene, django_capture_on_commit_callbacks
):
    round_ = confirmed(world, scene, django_capture_on_commit_callbacks)
    pair = pair_of(round_, scene.it_digital, scene.de_digital)
    other_group_person = MembershipFactory(organisation=scene.it_green.lead).user

    for actor, side in [
        (world.member, "left"),  # the German group's member answering for the Italians
        (other_group_person, "left"),
        (world.coordinator, "right"),
        (UserFactory(), "right"),
    ]:
        with pytest.raises(PermissionDenied):
            services.answer_proposal(actor=actor, pair=pair, side=side, accept=True)
    services.answer_proposal(actor=world.member, pair=pair, side="right", accept=True)
    with pytest.raises(ValidationError, match="already answered"):
        services.answer_proposal(actor=world.org_admin, pair=pair, side="right", accept=False)

    pair.refresh_from_db()
    assert (pair.left_answer, pair.right_answer, pair.status) == ("pending", "accepted", "proposed")


def test_a_proposal_that_is_not_confirmed_cannot_be_answered(world, scene):
    round_ = propose(world, scene)
    pair = pair_of(round_, scene.it_digital, scene.de_digital)

    with pytest.raises(ValidationError, match="not confirmed"):
        services.answer_proposal(actor=world.member, pair=pair, side="right", accept=True)


# Explanations -----------------------------------------------------------------------------------


def test_explanations_are_rendered_in_the_active_language(world, scene):
    round_ = propose(world, scene)
    pair = pair_of(round_, scene.it_digital, scene.de_digital)

    with translation.override("de"):
        german = {
            r.key: r.sentence
            for r in Explainer().reasons(pair.parts, pair.left.name, pair.right.name)
        }
    with translation.override("en"):
        english = {
            r.key: r.sentence
            for r in Explainer().reasons(pair.parts, pair.left.name, pair.right.name)
        }

    assert "Digitales Lernen" in german["themes"]
    assert "Grüne Kompetenzen und Nachhaltigkeit" in german["themes"]
    assert english["themes"] == (
        "Both work on Digital learning and Green skills and sustainability – all the themes they "
        "name."
    )
    assert "Hessen" in german["regions"] and "Lombardei" in german["regions"]
    assert "Deutsch" in german["languages"] and "Italienisch" in german["languages"]
    assert english["languages"] == "They can work together in German and Italian."
    assert english["kinds"] == (
        "Complementary kinds of organisation: Rete Digitale Lombardia adds Training company, "
        "Digitales Netz Hessen adds Vocational school."
    )
    assert english["sector_mix"] == "Together they combine public and private organisations."


def test_each_part_says_what_the_english_reference_says(world, scene):
    """Same facts as engine.explain_en: the shared items and the counts appear in both."""
    round_ = propose(world, scene)
    pair = pair_of(round_, scene.it_green, scene.de_green)
    parts = engine.score_pair(
        profiles.profile_of(scene.it_green), profiles.profile_of(scene.de_green)
    ).parts

    reasons = Explainer().reasons(pair.parts, pair.left.name, pair.right.name)

    assert [r.key for r in reasons] == [p.key for p in parts]
    for reason, part in zip(reasons, parts, strict=True):
        assert reason.points == pytest.approx(part.points)
        for term in part.data.get("common_terms", []):
            assert term in reason.sentence
    assert "all the themes they name" in reasons[0].sentence
