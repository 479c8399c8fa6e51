"""Bulgarian and English, half and half: valid, repeatable, Cyrillic where Bulgarian, and
relevance that crosses languages both ways."""

import json
import re

import pytest

from benchmarks.profile_generators import GENERATORS
from benchmarks.profile_generators.heldout import HELDOUT_GENERATORS, bilingual_generated

from . import broken_rules

CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")
LETTER = re.compile(r"[^\W\d_]")


def _cyrillic_share(text: str) -> float:
    letters = LETTER.findall(text)
    return sum(1 for c in letters if CYRILLIC.match(c)) / len(letters)


def _text(participant: dict) -> str:
    return " ".join(
        f"{o['title']} {o.get('description', '')}" for o in participant["opportunities"]
    )


def _bulgarian(participant: dict) -> bool:
    return _cyrillic_share(_text(participant)) > 0.5


@pytest.fixture(scope="module")
def corpus():
    return bilingual_generated.generate(400, 1)


def test_registered_apart_from_the_first_generators():
    assert HELDOUT_GENERATORS["bilingual_generated"] is bilingual_generated.generate
    assert "bilingual_generated" not in GENERATORS


def test_the_document_keeps_every_rule(corpus):
    assert len(corpus.document["participants"]) == 400
    assert broken_rules(corpus) == []
    assert corpus.competitor_traps


@pytest.mark.parametrize("n", [4, 17, 90])
def test_small_sets_keep_every_rule(n):
    assert broken_rules(bilingual_generated.generate(n, n)) == []


def test_same_seed_same_corpus():
    first, second = bilingual_generated.generate(200, 7), bilingual_generated.generate(200, 7)

    assert json.dumps(first.document, ensure_ascii=False) == json.dumps(
        second.document, ensure_ascii=False
    )
    assert first.relevance == second.relevance


def test_about_half_write_in_bulgarian_and_their_texts_are_mostly_cyrillic(corpus):
    participants = corpus.document["participants"]
    bulgarian = [p for p in participants if _bulgarian(p)]

    assert 0.4 < len(bulgarian) / len(participants) < 0.6
    for p in bulgarian:
        assert _cyrillic_share(_text(p)) > 0.9, _text(p)
        assert _cyrillic_share(p["description"]) > 0.8
    for p in participants:
        if p not in bulgarian:
            assert _cyrillic_share(_text(p)) == 0.0


def test_every_bulgarian_text_in_the_tables_is_cyrillic():
    for _, _, wording in bilingual_generated.SERVICES:
        for texts in (wording.ask_titles, wording.ask_texts, wording.offer_titles,
                      wording.offer_texts):  # fmt: skip
            assert len(texts) >= 2
            assert all(_cyrillic_share(t) > 0.85 for t in texts), texts


def test_relevance_crosses_languages_both_ways(corpus):
    by_id = {p["id"]: p for p in corpus.document["participants"]}

    def asks(p: dict) -> bool:
        return any(o["kind"] == "request" for o in p["opportunities"])

    crossing = {(True, False): 0, (False, True): 0}
    for pid, row in corpus.relevance.items():
        if not asks(by_id[pid]):
            continue
        for partner, grade in row.items():
            language = (_bulgarian(by_id[pid]), _bulgarian(by_id[partner]))
            if grade == 2 and language in crossing:
                crossing[language] += 1
    assert min(crossing.values()) > 500
