"""Messenger-style posts: valid, repeatable, informal, and keeping the ground-truth rules."""

import json
import random

import pytest

from benchmarks.profile_generators import GENERATORS
from benchmarks.profile_generators.heldout import HELDOUT_GENERATORS, chatty

from . import broken_rules


@pytest.fixture(scope="module")
def corpus():
    return chatty.generate(600, 5)


def test_registered_apart_from_the_first_generators():
    assert HELDOUT_GENERATORS["chatty"] is chatty.generate
    assert "chatty" not in GENERATORS


def test_the_document_keeps_every_rule(corpus):
    assert broken_rules(corpus) == []
    assert corpus.competitor_traps


@pytest.mark.parametrize("n", [4, 13, 61])
def test_small_sets_keep_every_rule(n):
    assert broken_rules(chatty.generate(n, n)) == []


def test_same_seed_same_corpus():
    first, second = chatty.generate(300, 11), chatty.generate(300, 11)

    assert json.dumps(first.document) == json.dumps(second.document)
    assert first.relevance == second.relevance


def test_posts_are_short_and_informal(corpus):
    posts = [o for p in corpus.document["participants"] for o in p["opportunities"]]
    text = " ".join(o["description"] for o in posts).split()

    assert max(len(o["description"].split()) for o in posts) < 50
    assert {"u", "ur", "pls", "w/"} & set(text)
    # Companies ask as well as offer.
    both = [
        p
        for p in corpus.document["participants"]
        if p["organisation_type"] in ("company", "startup")
        and {o["kind"] for o in p["opportunities"]} == {"offer", "request"}
    ]
    assert len(both) > 60


def test_typos_slip_letters_and_shorten_words():
    rng = random.Random(3)
    typed = [chatty.typos(rng, "please tell your people about the heating", 0.5) for _ in range(40)]

    assert any("pls" in t and "ur" in t.split() for t in typed)
    assert any("heating" not in t for t in typed)
    assert all(t.lower().split()[-2] == "the" for t in typed)
