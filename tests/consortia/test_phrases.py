"""The phrases the engine says (`model.PHRASES`): each key is said somewhere, with the
parameters the table names, so that an app wording the table words everything."""

from __future__ import annotations

import json

from matchfair.consortia.model import PHRASES

from .instances import phrases


def test_phrases_cover_every_key_of_the_table() -> None:
    assert {p.key for p in phrases()} == set(PHRASES)


def test_phrases_carry_the_parameters_the_table_names() -> None:
    wrong = [p for p in phrases() if tuple(p.params) != PHRASES[p.key]]

    assert wrong == []


def test_phrase_parameters_are_facts_that_json_keeps() -> None:
    params = [p.params for p in phrases()]

    assert json.loads(json.dumps(params)) == [
        {k: list(v) if isinstance(v, tuple) else v for k, v in p.items()} for p in params
    ]
