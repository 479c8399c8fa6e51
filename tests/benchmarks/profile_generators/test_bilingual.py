"""The hand-written Bulgarian/English set: valid, and hard in the way it means to be."""

from benchmarks.profile_generators.baselines import run_all
from benchmarks.profile_generators.bilingual import bilingual, written_in_bulgarian

from matchfair.recommend import parse_profiles


def _requests(corpus):
    for p in corpus.document["participants"]:
        for o in p["opportunities"]:
            if o["kind"] == "request":
                yield p["id"], o["title"]


def _languages_of_offers(corpus, pid):
    by_id = {p["id"]: p for p in corpus.document["participants"]}
    return {
        written_in_bulgarian(o["title"])
        for o in by_id[pid]["opportunities"]
        if o["kind"] == "offer"
    }


def test_bilingual_set_passes_the_contract():
    assert len(parse_profiles(bilingual().document)) == 38


def test_both_languages_are_present():
    titles = [t for _, t in _requests(bilingual())]
    bulgarian = [t for t in titles if written_in_bulgarian(t)]

    assert len(bulgarian) >= 15
    assert len(titles) - len(bulgarian) >= 3


def test_every_request_has_a_relevant_partner():
    corpus = bilingual()

    assert [pid for pid, _ in _requests(corpus) if not corpus.relevance[pid]] == []


def test_bulgarian_requests_answered_only_in_english():
    corpus = bilingual()
    only_english = {
        pid
        for pid, title in _requests(corpus)
        if written_in_bulgarian(title)
        and all(
            _languages_of_offers(corpus, partner) == {False}
            for partner, grade in corpus.relevance[pid].items()
            if grade == 2
        )
    }

    assert only_english == {"b6", "b8", "b21", "b34"}


def test_english_requests_answered_in_bulgarian():
    corpus = bilingual()

    assert {"b28", "b29"} <= set(corpus.relevance["b27"])
    assert {"b31", "b33"} <= set(corpus.relevance["b32"])


def test_competitors_are_grade_zero_even_across_languages():
    corpus = bilingual()

    assert ("b13", "b14") in corpus.competitor_traps
    assert [(a, b) for a, b in corpus.competitor_traps if corpus.grade(a, b)] == []


def test_same_organisation_written_twice_is_not_relevant():
    corpus = bilingual()

    assert corpus.grade("b1", "b36") == corpus.grade("b36", "b1") == 0
    # Energy audits asked for; insulation and heat pumps answer it in part.
    assert corpus.relevance["b36"] == {"b15": 2, "b37": 2, "b38": 2, "b18": 1, "b33": 1}


def test_plain_tfidf_misses_most_of_the_set():
    results = run_all(bilingual(), names=["plain TF-IDF"])

    assert results["plain TF-IDF"].ndcg < 0.6
