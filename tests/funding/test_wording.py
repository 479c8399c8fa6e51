"""Tests for `funding/wording.py`: every phrase the consortium builder can say, worded in English
and in Bulgarian."""

import re

import pytest
from django.utils import translation

from matchfair.consortia.model import PHRASES
from matchfair.funding.wording import Wording, domain_names, relationship, summary
from tests.consortia.instances import phrases, small

NAMES = {c["id"]: c["name"] for c in small()["candidates"]}
LATIN_WORD = re.compile(r"\b(?!RIA\b|IA\b|CSA\b)[A-Za-z]{3,}\b")


def worded(language):
    wording = Wording(NAMES)
    with translation.override(language):
        return {(p.key, str(p.params)): wording.phrase(p.key, p.params) for p in phrases()}


def test_every_phrase_the_builder_says_is_worded_in_both_languages():
    english, bulgarian = worded("en"), worded("bg")

    assert {key for key, _ in english} == set(PHRASES)
    assert [k for k, text in english.items() if not text or text == bulgarian[k]] == []


def test_the_bulgarian_wording_has_no_english_word_but_names():
    bulgarian = worded("bg")
    names = "|".join(re.escape(name) for name in NAMES.values())

    leftovers = {
        key: LATIN_WORD.findall(re.sub(names, "", text)) for key, text in bulgarian.items()
    }

    assert {key: words for key, words in leftovers.items() if words} == {}


def test_a_key_without_wording_is_refused():
    with pytest.raises(KeyError, match=r"met\.unheard_of"):
        Wording({}).phrase("met.unheard_of", {})


def test_the_english_wording_is_the_builders_own_sentence():
    by_key = {p.key: p for p in phrases()}
    wording = Wording({})

    with translation.override("en"):
        assert [
            wording.phrase("met.lead", by_key["met.lead"].params),
            wording.phrase("met.size", by_key["met.size"].params),
            wording.phrase("seat.role", by_key["seat.role"].params),
            wording.phrase("unmet.size_max", by_key["unmet.size_max"].params),
        ] == [
            "the lead member sofia-lab is in the consortium",
            "5 members (at least 4, at most 5)",
            "required role city",
            "the topic allows at most 5 members",
        ]


def test_a_long_list_of_candidates_is_cut_and_counted():
    wording = Wording({})
    ids = [f"org-{n}" for n in range(7)]

    with translation.override("bg"):
        text = wording.phrase("unmet.role", {"role": "ngo", "at_least": 1, "ids": ids})

    assert text == (
        "темата изисква поне 1 в ролята НПО; 7 кандидата на разположение я изпълняват "
        "(org-0, org-1, org-2, org-3, org-4 и още 2)"
    )


def test_a_relationship_is_told_in_the_readers_language():
    with translation.override("bg"):
        told = relationship("negotiation_started", 1, True), relationship()

    assert told == (
        "среща на изложението: започнати преговори; 1 общ минал проект; същото партньорство",
        "все още няма връзка",
    )


def test_a_proposal_with_no_consortium_says_so_in_one_sentence():
    with translation.override("bg"):
        said = summary({"unmet": []}), summary({"unmet": [{}, {}]})

    assert said == (
        "В рамките на отпуснатото време не беше намерен консорциум.",
        "Никой консорциум не може да изпълни тези правила едновременно.",
    )


def test_a_proposal_stored_before_phrases_keeps_its_english():
    wording = Wording({})
    seat = {"rules": ["lead member"], "why": {}}

    with translation.override("bg"):
        kept = (
            wording.entry({"text": "the topic allows at most 3 members"}),
            wording.seat_rules(seat),
        )

    assert kept == ("the topic allows at most 3 members", ["lead member"])


@pytest.mark.parametrize(
    ("language", "named"),
    [("en", "energy, ICT and data, ai"), ("bg", "енергетика, ИКТ и данни, ai")],
)
def test_domains_are_named_as_in_the_middle_of_a_sentence(language, named):
    with translation.override(language):
        assert domain_names(["energy", "ict", "ai"]) == named
