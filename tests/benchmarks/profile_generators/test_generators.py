"""Every generator: valid documents, the same corpus for the same seed, and a ground truth that
follows the rules (complementarity only, competitors at 0, unreachable pairs at 0)."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.profile_generators import GENERATORS
from matchfair.recommend import parse_profiles

NAMES = sorted(GENERATORS)


@pytest.fixture(scope="module", params=NAMES)
def corpus(request):
    return GENERATORS[request.param](600, 3)


def _by_id(corpus):
    return {p["id"]: p for p in corpus.document["participants"]}


def _org(p):
    return " ".join(p["organisation"].lower().split())


def test_generators_are_the_four_styles():
    assert NAMES == ["catalogue", "jargon", "problems", "prose"]


def test_document_passes_the_contract(corpus):
    parsed = parse_profiles(corpus.document)

    assert len(parsed) == 600


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(NAMES), n=st.integers(4, 80), seed=st.integers(0, 10**6))
def test_any_size_and_seed_keeps_the_rules(name, n, seed):
    corpus = GENERATORS[name](n, seed)
    asking = [
        p["id"]
        for p in corpus.document["participants"]
        if any(o["kind"] == "request" for o in p.get("opportunities", []))
    ]

    assert len(parse_profiles(corpus.document)) == n
    assert asking
    assert [pid for pid in asking if not corpus.relevance[pid]] == []
    assert [(a, b) for a, b in corpus.competitor_traps if corpus.grade(a, b)] == []


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_gives_the_same_corpus(name):
    first, second = GENERATORS[name](300, 11), GENERATORS[name](300, 11)

    assert json.dumps(first.document) == json.dumps(second.document)
    assert first.relevance == second.relevance
    assert first.competitor_traps == second.competitor_traps


@pytest.mark.parametrize("name", NAMES)
def test_another_seed_gives_another_corpus(name):
    assert GENERATORS[name](300, 11).document != GENERATORS[name](300, 12).document


def test_every_participant_with_a_request_has_a_relevant_partner(corpus):
    asking = [
        p["id"]
        for p in corpus.document["participants"]
        if any(o["kind"] == "request" for o in p.get("opportunities", []))
    ]

    assert asking
    assert [pid for pid in asking if not corpus.relevance[pid]] == []


def test_relevance_needs_a_request_on_one_side(corpus):
    by_id = _by_id(corpus)

    def asks(pid):
        return any(o["kind"] == "request" for o in by_id[pid].get("opportunities", []))

    pairs = [(a, b) for a, grades in corpus.relevance.items() for b in grades]
    assert pairs
    assert [(a, b) for a, b in pairs if not asks(a) and not asks(b)] == []


def test_grades_are_one_or_two_and_never_oneself(corpus):
    grades = {g for a, row in corpus.relevance.items() for b, g in row.items() if b != a}
    selves = [a for a, row in corpus.relevance.items() if a in row]

    assert grades == {1, 2}
    assert selves == []


def test_competitor_traps_are_grade_zero_both_ways(corpus):
    assert len(corpus.competitor_traps) == 600 // 40
    assert [
        (a, b) for a, b in corpus.competitor_traps if corpus.grade(a, b) or corpus.grade(b, a)
    ] == []


def test_competitor_traps_offer_the_same_and_someone_buys_it(corpus):
    by_id = _by_id(corpus)
    for a, b in corpus.competitor_traps:
        offers_a = [o for o in by_id[a]["opportunities"] if o["kind"] == "offer"]
        offers_b = [o for o in by_id[b]["opportunities"] if o["kind"] == "offer"]
        assert len(offers_a) == len(offers_b) >= 1
        # A buyer both twins answer: the trap is only a trap if the right answer exists.
        buyers = {x for x, g in corpus.relevance[a].items() if g == 2}
        assert buyers & {x for x, g in corpus.relevance[b].items() if g == 2}


def test_same_organisation_is_never_relevant(corpus):
    by_id = _by_id(corpus)
    same = [
        (a, b)
        for a, row in corpus.relevance.items()
        for b in row
        if _org(by_id[a]) == _org(by_id[b])
    ]
    namesakes = len(corpus.document["participants"]) - len({_org(p) for p in by_id.values()})

    assert namesakes >= 1
    assert same == []


def test_excluded_partners_are_never_relevant(corpus):
    excluded = [(p["id"], x) for p in corpus.document["participants"] for x in p.get("exclude", [])]

    assert excluded
    assert [(a, x) for a, x in excluded if corpus.grade(a, x)] == []


def test_relevance_is_symmetric_but_for_exclusions(corpus):
    by_id = _by_id(corpus)

    def excluded(a, b):
        return b in by_id[a].get("exclude", [])

    lopsided = [
        (a, b)
        for a, row in corpus.relevance.items()
        for b, g in row.items()
        if corpus.grade(b, a) != g and not excluded(b, a)
    ]
    assert lopsided == []


def test_domain_tags_are_noisy(corpus):
    participants = corpus.document["participants"]
    untagged = sum(1 for p in participants if not p.get("domains"))
    broad = sum(1 for p in participants if len(p.get("domains", [])) >= 3)

    assert untagged >= len(participants) // 20
    assert broad >= len(participants) // 20


def test_organisations_types_and_countries_vary(corpus):
    participants = corpus.document["participants"]

    assert len({p["organisation_type"] for p in participants}) >= 8
    assert len({p["country"] for p in participants}) >= 5
    assert len({_org(p) for p in participants}) >= len(participants) * 0.95


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_five_thousand_participants_are_made(name):
    corpus = GENERATORS[name](5000, 1)

    assert len(corpus.document["participants"]) == 5000
