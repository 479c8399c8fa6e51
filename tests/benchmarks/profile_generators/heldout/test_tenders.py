"""Contract notices against sales pitches: valid, repeatable, and keeping the ground-truth rules."""

import json

import pytest

from benchmarks.profile_generators import GENERATORS
from benchmarks.profile_generators.heldout import HELDOUT_GENERATORS, tenders

from . import asks, broken_rules, org


@pytest.fixture(scope="module")
def corpus():
    return tenders.generate(600, 5)


def test_registered_apart_from_the_first_generators():
    assert HELDOUT_GENERATORS["tenders"] is tenders.generate
    assert "tenders" not in GENERATORS


def test_the_document_keeps_every_rule(corpus):
    assert broken_rules(corpus) == []
    assert len(corpus.competitor_traps) >= 15


@pytest.mark.parametrize("n", [4, 9, 57])
def test_small_sets_keep_every_rule(n):
    corpus = tenders.generate(n, n)

    assert broken_rules(corpus) == []
    assert any(asks(p) for p in corpus.document["participants"])


def test_same_seed_same_corpus_and_another_seed_another():
    first, second, other = (
        tenders.generate(300, 11),
        tenders.generate(300, 11),
        tenders.generate(300, 12),
    )

    assert json.dumps(first.document) == json.dumps(second.document)
    assert first.relevance == second.relevance
    assert json.dumps(first.document) != json.dumps(other.document)


def test_requests_are_notices_and_offers_are_pitches(corpus):
    requests = [
        o
        for p in corpus.document["participants"]
        for o in p["opportunities"]
        if o["kind"] == "request"
    ]
    offers = [
        o
        for p in corpus.document["participants"]
        for o in p["opportunities"]
        if o["kind"] == "offer"
    ]

    assert all("CPV code" in o["description"] and "(1)" in o["description"] for o in requests)
    assert all(len(o["description"].split()) > 80 for o in requests)
    assert not any("CPV" in o["description"] or "tender" in o["description"] for o in offers)


def test_rivals_pitch_word_for_word_and_answer_the_same_notices(corpus):
    by_id = {p["id"]: p for p in corpus.document["participants"]}
    for a, b in corpus.competitor_traps:
        assert by_id[a]["opportunities"][0]["title"] == by_id[b]["opportunities"][0]["title"]
        wanted_by_a = {pid for pid, g in corpus.relevance[a].items() if g == 2}
        assert wanted_by_a == {pid for pid, g in corpus.relevance[b].items() if g == 2}


def test_a_city_and_its_own_supplying_department_are_never_partners(corpus):
    participants = corpus.document["participants"]
    namesakes = [
        (p["id"], q["id"])
        for i, p in enumerate(participants)
        for q in participants[i + 1 :]
        if org(p) == org(q)
    ]

    assert namesakes
    for a, b in namesakes:
        assert corpus.grade(a, b) == 0 == corpus.grade(b, a)
