"""The pure matching engine: scores, explanations, the optimal matching under rules, the greedy
baseline and comparisons. No database. The optimum is checked against an independent exhaustive
solver on random instances of up to 7 x 7 groups."""

import math
import random
from dataclasses import replace
from functools import cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerkstatt.matching import engine, sets
from netzwerkstatt.matching.engine import (
    GroupProfile,
    MatchedPair,
    MatchingRuleError,
    Proposal,
    Rules,
    Weights,
    compare,
    explain_en,
    explain_proposal,
    greedy_from_scores,
    propose_from_scores,
    propose_matching,
    score_matrix,
    score_pair,
)
from netzwerkstatt.matching.text import keywords, trigram_cosine, trigrams

FAST = settings(max_examples=100, deadline=None)

# --- random profiles --------------------------------------------------------------------------

THEMES = ["digital-learning", "green-skills", "smes", "dual-study", "career-guidance"]
TAGS = ["placements", "teacher-exchange", "curriculum", "simulation-lab", "mentoring", "badges"]
KINDS = ["vocational_school", "training_company", "chamber", "university"]
REGIONS = ["DE-BY", "DE-HE", "IT-25", "IT-21"]
TEXTS = [
    "",
    "und der die",  # stop words only: no content, so not measurable
    "Digitales Lernen in der dualen Ausbildung mit Lernplattformen und Simulation.",
    "Apprendimento digitale nella formazione duale con piattaforme e simulazione.",
    "Grüne Kompetenzen und Nachhaltigkeit im Handwerk; Qualität der Ausbildung.",
    "Competenze verdi e sostenibilità; qualità della formazione professionale.",
    "Career guidance for young people and adults in small companies.",
]


def subsets(items: list[str]) -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(st.sampled_from(items), max_size=len(items))


profile_fields = st.fixed_dictionaries(
    {
        "country": st.sampled_from(["DE", "IT"]),
        "region": st.sampled_from(REGIONS),
        "themes": subsets(THEMES),
        "offers": subsets(TAGS),
        "seeks": subsets(TAGS),
        "kinds": subsets(KINDS),
        "sectors": subsets(["public", "private"]),
        "preferred_regions": subsets(REGIONS),
        "languages": subsets(["de", "it", "en"]),
        "text": st.sampled_from(TEXTS),
        "text_language": st.sampled_from(["de", "it", "en", ""]),
    }
)


def groups(start: int, max_size: int = 6) -> st.SearchStrategy[list[GroupProfile]]:
    return st.lists(profile_fields, max_size=max_size).map(
        lambda rows: [GroupProfile(id=start + k, **row) for k, row in enumerate(rows)]
    )


weights_strategy = st.one_of(
    st.just(Weights()),
    st.lists(st.floats(0, 1), min_size=7, max_size=7)
    .filter(lambda xs: sum(xs) > 0.01)
    .map(lambda xs: Weights.relative(**dict(zip(engine.PART_KEYS, xs, strict=True)))),
)

# --- scores -----------------------------------------------------------------------------------


@FAST
@given(left=groups(1), right=groups(100), weights=weights_strategy)
def test_score_pair_agrees_with_the_vectorised_matrix(left, right, weights):
    matrix = score_matrix(left, right, weights)
    assert matrix.shape == (len(left), len(right))
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            score = score_pair(a, b, weights)
            assert matrix[i, j] == pytest.approx(score.total, abs=1e-9)
            assert 0.0 <= score.total <= 100.0
            assert [p.key for p in score.parts] == list(engine.PART_KEYS)
            assert all(0.0 <= p.value <= 1.0 for p in score.parts)
            assert math.fsum(p.points for p in score.parts) == pytest.approx(score.total, abs=1e-9)
            assert math.fsum(p.weight for p in score.parts) == pytest.approx(1.0, abs=1e-6) or (
                weights.text == pytest.approx(1.0) and not score.part("text").data["measurable"]
            )


@FAST
@given(left=groups(1), right=groups(100), weights=weights_strategy)
def test_scores_are_symmetric(left, right, weights):
    forward = score_matrix(left, right, weights)
    backward = score_matrix(right, left, weights)
    assert np.allclose(forward, backward.T, atol=1e-9)
    for a, b in zip(left, right, strict=False):
        assert score_pair(a, b, weights).total == pytest.approx(score_pair(b, a, weights).total)


@FAST
@given(left=groups(1, 4), right=groups(100, 4))
def test_dense_and_sparse_products_agree(left, right):
    dense = score_matrix(left, right)
    original = sets._DENSE_WORK
    sets._DENSE_WORK = -1  # force the sparse path
    try:
        assert np.allclose(score_matrix(left, right), dense, atol=1e-12)
    finally:
        sets._DENSE_WORK = original


@FAST
@given(a=groups(1, 1), b=groups(100, 1), weights=weights_strategy)
def test_a_missing_description_shares_its_weight_proportionally(a, b, weights):
    a, b = a[0] if a else None, b[0] if b else None
    if a is None or b is None or weights.text > 0.99:
        return
    blank = replace(a, text="")
    score = score_pair(blank, b, weights)
    assert score.part("text").weight == 0.0
    assert not score.part("text").data["measurable"]
    without_text = Weights.relative(**{**weights.as_dict(), "text": 0.0})
    assert score.total == pytest.approx(score_pair(blank, b, without_text).total, abs=1e-9)
    for part in score.parts[:-1]:
        assert part.weight == pytest.approx(getattr(without_text, part.key))


@FAST
@given(left=groups(1, 3), right=groups(100, 3))
def test_every_part_has_an_english_sentence(left, right):
    for a in left:
        for b in right:
            for part in score_pair(a, b).parts:
                sentence = explain_en(part, "Berufsschule Passau", "Meccanica Bergamo")
                assert sentence[:1].isupper() and sentence.endswith(".")


def test_weights_must_sum_to_one_and_can_be_given_relatively():
    with pytest.raises(ValueError, match="sum to 1"):
        Weights(themes=0.5)
    with pytest.raises(ValueError, match="non-negative"):
        Weights(themes=-0.1, complementarity=0.6)
    relative = Weights.relative(themes=2, complementarity=2, kinds=1, sector_mix=0, regions=0,
                                languages=0, text=0)  # fmt: skip
    assert relative.themes == pytest.approx(0.4) and relative.kinds == pytest.approx(0.2)
    assert sum(Weights().as_dict().values()) == pytest.approx(1.0)


def test_empty_sides_give_empty_matrices_and_proposals():
    one = [GroupProfile(id=1, country="DE", region="DE-BY", themes=frozenset({"smes"}))]
    assert score_matrix([], one).shape == (0, 1)
    assert score_matrix(one, []).shape == (1, 0)
    proposal = propose_matching(one, [])
    assert proposal.pairs == () and proposal.unmatched_left == (1,) and proposal.total == 0


# --- a realistic German-Italian example -------------------------------------------------------

BAVARIA = GroupProfile(
    id=11,
    country="DE",
    region="DE-BY",
    themes=frozenset({"digital-learning", "work-based-learning", "teacher-trainer-training"}),
    offers=keywords("Lernplattform und Lehrerfortbildung für digitale Ausbildung", "de"),
    seeks=frozenset({"in-company-placements"}) | keywords("Betriebspraktika", "de"),
    kinds=frozenset({"vocational_school"}),
    sectors=frozenset({"public"}),
    preferred_regions=frozenset({"IT-25", "IT-34"}),
    languages=frozenset({"de", "en"}),
    text=(
        "Die Berufsschule in Passau bildet Mechatroniker aus. Wir setzen digitale Lernplattformen "
        "und Simulation im Unterricht ein und suchen Ausbildungsbetriebe für Auslandspraktika."
    ),
    text_language="de",
)
LOMBARDY = GroupProfile(
    id=21,
    country="IT",
    region="IT-25",
    themes=frozenset({"digital-learning", "smes"}),
    offers=frozenset({"in-company-placements"}),
    seeks=keywords("piattaforma digitale per apprendisti", "it"),
    kinds=frozenset({"training_company"}),
    sectors=frozenset({"private"}),
    preferred_regions=frozenset({"DE-BY"}),
    languages=frozenset({"it", "en"}),
    text=(
        "Azienda meccatronica di Bergamo con apprendisti in sistema duale. Usiamo piattaforme "
        "digitali e simulazione per la formazione in azienda."
    ),
    text_language="it",
)
SICILY = GroupProfile(
    id=22,
    country="IT",
    region="IT-82",
    themes=frozenset({"green-skills"}),
    kinds=frozenset({"vocational_school"}),
    sectors=frozenset({"public"}),
    languages=frozenset({"it"}),
    text="Istituto alberghiero di Palermo: turismo sostenibile e cucina.",
    text_language="it",
)


def test_a_bavarian_school_and_a_lombard_company_explain_their_score():
    score = score_pair(BAVARIA, LOMBARDY)
    themes = score.part("themes")
    assert themes.data["shared"] == ["digital-learning"] and themes.value == pytest.approx(1 / 4)
    comp = score.part("complementarity")
    assert comp.data["right_meets"] == ["in-company-placements"]
    assert "digital" in comp.data["left_meets"]  # the same Snowball stem from "digitale"
    assert score.part("kinds").value == 1.0
    assert score.part("sector_mix").value == 1.0
    assert score.part("regions").value == 1.0
    assert score.part("languages").data["common"] == ["en"]
    text = score.part("text")
    assert text.data["measurable"] and text.value > 0.15
    school, company = "the school in Passau", "the company in Bergamo"
    sentences = [explain_en(p, school, company) for p in score.parts]
    assert sentences[0] == "They share 1 of 4 themes: digital-learning."
    assert sentences[1] == (
        "The school in Passau offers 1 of the 3 things the company in Bergamo seeks (digital); "
        "the company in Bergamo offers 1 of the 2 things the school in Passau seeks "
        "(in-company-placements)."
    )
    assert "vocational_school" in sentences[2] and "training_company" in sentences[2]
    assert sentences[3] == "Together they combine public and private organisations."
    assert sentences[4] == "Each prefers the other's region (IT-25 and DE-BY)."
    assert sentences[5] == "They can work together in en."
    assert "similar" in sentences[6] and "digitale" in sentences[6]
    assert score.total > score_pair(BAVARIA, SICILY).total + 30


def test_the_proposal_pairs_the_school_with_the_company_and_explains_it():
    saxony = GroupProfile(
        id=12,
        country="DE",
        region="DE-SN",
        themes=frozenset({"green-skills"}),
        kinds=frozenset({"training_company"}),
        sectors=frozenset({"private"}),
        languages=frozenset({"de", "it"}),
        text="Hotel in Dresden: nachhaltiger Tourismus und Küche.",
        text_language="de",
    )
    proposal = propose_matching([BAVARIA, saxony], [SICILY, LOMBARDY])
    assert {(p.left_id, p.right_id) for p in proposal.pairs} == {(11, 21), (12, 22)}
    explained = explain_proposal(proposal, [BAVARIA, saxony], [SICILY, LOMBARDY])
    assert explained[(11, 21)].part("themes").data["shared"] == ["digital-learning"]
    assert proposal.total == pytest.approx(sum(s.total for s in explained.values()))


def test_text_similarity_works_across_languages():
    german = trigrams("Digitale Lernplattformen und Simulation in der Mechatronik")
    italian = trigrams("Piattaforme digitali e simulazione nella meccatronica")
    unrelated = trigrams("Turismo sostenibile, cucina e accoglienza alberghiera")
    assert trigram_cosine(german, italian) > 2 * trigram_cosine(german, unrelated)
    assert len(trigrams("")) == 0 and len(trigrams("und die der")) == 0
    assert trigrams("Qualität") is trigrams("Qualität")  # cached
    assert np.array_equal(trigrams("Qualität"), trigrams("QUALITAT"))


def test_keywords_stem_and_drop_stop_words_per_language():
    assert keywords("Ausbildungsbetriebe", "de") == keywords("der Ausbildungsbetrieb", "de")
    assert keywords("le imprese formatrici", "it") == keywords("impresa formatrice", "it")
    assert keywords("training companies", "en") == keywords("the training company", "en")
    assert keywords("und die der", "de") == frozenset()
    assert keywords("Qualità e più", "xx") == frozenset({"qualita"})  # unknown: no stemming


# --- the optimal matching against an exhaustive solver ----------------------------------------


def exhaustive_best(left_ids, right_ids, scores, rules) -> float:
    """The best total by trying every partial matching (memoised over the set of used columns),
    written from the rules' plain meaning, sharing no code with the engine."""
    forced_left = {a for a, _ in rules.must_match}
    forced_right = {b for _, b in rules.must_match}
    forced_total = sum(scores[left_ids.index(a)][right_ids.index(b)] for a, b in rules.must_match)

    def allowed(i, j):
        a, b = left_ids[i], right_ids[j]
        s = scores[i][j]
        return (
            a not in rules.excluded | forced_left
            and b not in rules.excluded | forced_right
            and (a, b) not in rules.must_not
            and s > 0
            and s >= rules.min_score
        )

    @cache
    def best(i: int, used: int) -> float:
        if i == len(left_ids):
            return 0.0
        result = best(i + 1, used)  # row i stays unmatched
        for j in range(len(right_ids)):
            if not used >> j & 1 and allowed(i, j):
                result = max(result, scores[i][j] + best(i + 1, used | 1 << j))
        return result

    return forced_total + best(0, 0)


def rules_are_consistent(left_ids, right_ids, rules) -> bool:
    forced = list(rules.must_match)
    return (
        len({a for a, _ in forced}) == len(forced)
        and len({b for _, b in forced}) == len(forced)
        and all(a in left_ids and b in right_ids for a, b in forced)
        and not any(a in rules.excluded or b in rules.excluded for a, b in forced)
        and not any(pair in rules.must_not for pair in forced)
    )


@st.composite
def instances(draw):
    n, m = draw(st.integers(0, 7)), draw(st.integers(0, 7))
    left_ids = draw(st.permutations(list(range(1, n + 1))))
    right_ids = draw(st.permutations(list(range(101, 101 + m))))
    # few distinct values, so ties, zeros and scores equal to the minimum are common
    value = st.one_of(st.sampled_from([0.0, 5.0, 10.0, 10.0, 20.0]), st.floats(0, 100))
    scores = [[draw(value) for _ in range(m)] for _ in range(n)]
    if not n or not m:
        return left_ids, right_ids, scores, Rules(min_score=draw(st.sampled_from([0.0, 10.0])))
    pair = st.tuples(st.sampled_from(left_ids), st.sampled_from(right_ids))
    k = draw(st.integers(0, min(n, m, 3)))
    lefts, rights = draw(st.permutations(left_ids))[:k], draw(st.permutations(right_ids))[:k]
    forced = set(zip(lefts, rights, strict=True))
    forced_ids = {a for a, _ in forced} | {b for _, b in forced}
    must_not = draw(st.frozensets(pair, max_size=6)) - forced
    excluded = draw(st.frozensets(st.sampled_from(left_ids + right_ids), max_size=3)) - forced_ids
    if draw(st.integers(0, 3)) == 0:  # a quarter of the rules add a pair that may conflict
        extra = draw(pair)
        forced.add(extra)
        must_not |= draw(st.sampled_from([frozenset(), {extra}]))
        excluded |= draw(st.sampled_from([frozenset(), {extra[0]}, {extra[1]}]))
    rules = Rules(
        must_match=forced,
        must_not=must_not,
        min_score=draw(st.sampled_from([0.0, 0.0, 10.0, 15.5, 50.0])),
        excluded=excluded,
    )
    return left_ids, right_ids, scores, rules


def assert_respects_rules(proposal: Proposal, left_ids, right_ids, scores, rules) -> None:
    matched_left = [p.left_id for p in proposal.pairs]
    matched_right = [p.right_id for p in proposal.pairs]
    assert len(set(matched_left)) == len(matched_left), "a left group matched twice"
    assert len(set(matched_right)) == len(matched_right), "a right group matched twice"
    assert rules.must_match <= {(p.left_id, p.right_id) for p in proposal.pairs}
    for p in proposal.pairs:
        assert p.score == scores[left_ids.index(p.left_id)][right_ids.index(p.right_id)]
        assert (p.left_id, p.right_id) not in rules.must_not
        assert p.left_id not in rules.excluded and p.right_id not in rules.excluded
        if (p.left_id, p.right_id) not in rules.must_match:
            assert p.score > 0 and p.score >= rules.min_score
    assert set(proposal.unmatched_left) == set(left_ids) - set(matched_left) - rules.excluded
    assert set(proposal.unmatched_right) == set(right_ids) - set(matched_right) - rules.excluded
    assert proposal.total == pytest.approx(math.fsum(p.score for p in proposal.pairs))


@FAST
@given(instances())
def test_the_proposal_is_optimal_and_respects_the_rules(instance):
    left_ids, right_ids, scores, rules = instance
    matrix = np.array(scores, dtype=float).reshape(len(left_ids), len(right_ids))
    if not rules_are_consistent(left_ids, right_ids, rules):
        with pytest.raises(MatchingRuleError):
            propose_from_scores(left_ids, right_ids, matrix, rules)
        return
    proposal = propose_from_scores(left_ids, right_ids, matrix, rules)
    assert_respects_rules(proposal, left_ids, right_ids, scores, rules)
    best = exhaustive_best(left_ids, right_ids, scores, rules)
    assert proposal.total == pytest.approx(best, rel=1e-12, abs=1e-9)

    greedy = greedy_from_scores(left_ids, right_ids, matrix, rules)
    assert_respects_rules(greedy, left_ids, right_ids, scores, rules)
    assert greedy.total <= proposal.total + 1e-9


@pytest.mark.parametrize("seed", range(40))
def test_full_seven_by_seven_instances_are_optimal(seed):
    rnd = random.Random(seed)
    left_ids, right_ids = rnd.sample(range(1, 50), 7), rnd.sample(range(100, 150), 7)
    scores = [[rnd.choice([0.0, 12.0, rnd.uniform(0, 100)]) for _ in range(7)] for _ in range(7)]
    rules = Rules(
        must_match={(left_ids[0], right_ids[0])} if seed % 3 == 0 else set(),
        must_not={(rnd.choice(left_ids[1:]), rnd.choice(right_ids)) for _ in range(3)},
        min_score=rnd.choice([0.0, 12.0, 30.0]),
        excluded={rnd.choice(left_ids[1:])} if seed % 2 else set(),
    )
    proposal = propose_from_scores(left_ids, right_ids, np.array(scores), rules)
    assert_respects_rules(proposal, left_ids, right_ids, scores, rules)
    best = exhaustive_best(left_ids, right_ids, scores, rules)
    assert proposal.total == pytest.approx(best, rel=1e-12, abs=1e-9)


@FAST
@given(instances(), st.randoms(use_true_random=False))
def test_the_proposal_does_not_depend_on_the_order_of_the_groups(instance, rnd):
    left_ids, right_ids, scores, rules = instance
    if not rules_are_consistent(left_ids, right_ids, rules):
        return
    matrix = np.array(scores, dtype=float).reshape(len(left_ids), len(right_ids))
    lo, ro = list(range(len(left_ids))), list(range(len(right_ids)))
    rnd.shuffle(lo)
    rnd.shuffle(ro)
    shuffled = propose_from_scores(
        [left_ids[i] for i in lo], [right_ids[j] for j in ro], matrix[np.ix_(lo, ro)], rules
    )
    assert shuffled == propose_from_scores(left_ids, right_ids, matrix, rules)


@FAST
@given(left=groups(1, 5), right=groups(100, 5), data=st.data())
def test_propose_matching_on_profiles_equals_the_exhaustive_optimum(left, right, data):
    min_score = data.draw(st.sampled_from([0.0, 20.0, 40.0]))
    rules = Rules(min_score=min_score)
    proposal = propose_matching(left, right, rules=rules)
    matrix = score_matrix(left, right)
    lids, rids = [g.id for g in left], [g.id for g in right]
    assert_respects_rules(proposal, lids, rids, matrix.tolist(), rules)
    best = exhaustive_best(lids, rids, matrix.tolist(), rules)
    assert proposal.total == pytest.approx(best, abs=1e-9)


# --- rules, examples ----------------------------------------------------------------------------

IDS_L, IDS_R = [1, 2, 3], [11, 12, 13]
SCORES = np.array([[90.0, 80.0, 0.0], [85.0, 10.0, 5.0], [0.0, 0.0, 0.0]])


def test_the_optimum_beats_greedy_where_greedy_is_short_sighted():
    optimal = propose_from_scores(IDS_L, IDS_R, SCORES)
    assert optimal.pairs == (MatchedPair(2, 11, 85.0), MatchedPair(1, 12, 80.0))
    assert optimal.unmatched_left == (3,) and optimal.unmatched_right == (13,)
    greedy = greedy_from_scores(IDS_L, IDS_R, SCORES)
    assert greedy.total == 90.0 + 10.0 < optimal.total == 165.0


def test_zero_scores_are_never_proposed_but_forced_pairs_always_are():
    proposal = propose_from_scores(IDS_L, IDS_R, SCORES, Rules(must_match={(3, 13)}))
    assert MatchedPair(3, 13, 0.0) in proposal.pairs
    assert proposal.forced == {(3, 13)}
    assert all(p.score > 0 for p in proposal.pairs if (p.left_id, p.right_id) != (3, 13))


def test_min_score_must_not_and_exclusions():
    rules = Rules(min_score=82, must_not={(2, 11)}, excluded={12})
    proposal = propose_from_scores(IDS_L, IDS_R, SCORES, rules)
    assert proposal.pairs == (MatchedPair(1, 11, 90.0),)
    assert proposal.unmatched_left == (2, 3) and proposal.unmatched_right == (13,)
    forced_low = Rules(min_score=82, must_match={(2, 12)})
    assert MatchedPair(2, 12, 10.0) in propose_from_scores(IDS_L, IDS_R, SCORES, forced_low).pairs


@pytest.mark.parametrize(
    ("rules", "code"),
    [
        (Rules(must_match={(1, 11), (1, 12)}), ("forced_twice", 1, None)),
        (Rules(must_match={(1, 11), (2, 11)}), ("forced_twice", None, 11)),
        (Rules(must_match={(1, 11)}, excluded={11}), ("excluded", 1, 11)),
        (Rules(must_match={(1, 11)}, must_not={(1, 11)}), ("forbidden", 1, 11)),
        (Rules(must_match={(1, 99)}), ("unknown_group", 1, 99)),
    ],
)
def test_conflicting_rules_raise_with_structured_problems(rules, code):
    with pytest.raises(MatchingRuleError) as raised:
        propose_from_scores(IDS_L, IDS_R, SCORES, rules)
    assert code in raised.value.problems


def test_must_not_pairs_with_unknown_groups_are_ignored_and_inputs_are_checked():
    assert propose_from_scores(IDS_L, IDS_R, SCORES, Rules(must_not={(7, 77)})).total == 165.0
    with pytest.raises(ValueError, match="given 2 times"):
        propose_from_scores([1, 1, 3], IDS_R, SCORES)
    with pytest.raises(ValueError, match="shape"):
        propose_from_scores(IDS_L, IDS_R, SCORES[:2])
    with pytest.raises(ValueError, match="finite"):
        propose_from_scores(IDS_L, IDS_R, np.full((3, 3), np.nan))


def test_compare_lists_kept_added_and_removed_pairs():
    previous = propose_from_scores(IDS_L, IDS_R, SCORES)
    current = propose_from_scores(IDS_L, IDS_R, SCORES, Rules(must_not={(2, 11)}))
    diff = compare(previous, current)
    assert diff.kept == ()
    assert diff.added == (MatchedPair(1, 11, 90.0), MatchedPair(2, 12, 10.0))
    assert diff.removed == (MatchedPair(2, 11, 85.0), MatchedPair(1, 12, 80.0))
    assert diff.total_change == pytest.approx(100.0 - 165.0)
    same = compare(current, current)
    assert same.kept == current.pairs and not same.added and not same.removed


def test_the_benchmark_runs_small():
    from bench.matching import generate

    left, right = generate(groups=40, seed=3)
    matrix = score_matrix(left, right)
    optimal = propose_matching(left, right, scores=matrix)
    greedy = engine.greedy_matching(left, right, scores=matrix)
    assert len(optimal.pairs) == 40 and optimal.total >= greedy.total
