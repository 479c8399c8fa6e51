"""Reading `matchfair-ballots/1` JSON, and errors that name the JSON path."""

from __future__ import annotations

import pytest

from matchfair.voting import Ballot, Election, VotingError, election_to_json, parse_ballots

DOC = {
    "format": "matchfair-ballots/1",
    "title": "Chair 2026",
    "seats": 1,
    "seed": 7,
    "candidates": ["Ana", {"name": "Boris", "withdrawn": True}, {"name": "Cvetan"}],
    "ballots": [{"ranking": [1, 3], "count": 4}, {"ranking": [3]}],
}


def test_parse_ballots_reads_every_field() -> None:
    assert parse_ballots(DOC) == Election(
        candidates=("Ana", "Boris", "Cvetan"),
        seats=1,
        ballots=(Ballot((0, 2), 4), Ballot((2,), 1)),
        title="Chair 2026",
        withdrawn=frozenset({1}),
        seed=7,
    )


def test_parse_ballots_round_trips_election_to_json() -> None:
    election = parse_ballots(DOC)

    assert parse_ballots(election_to_json(election)) == election


def test_parse_ballots_lists_every_error_with_its_path() -> None:
    bad = {
        "format": "matchfair-ballots/2",
        "seats": 0,
        "candidates": ["Ana", "Ana", 3],
        "ballots": [{"ranking": [1, 1, 9], "count": -1}, {"rank": []}],
        "extra": 1,
    }

    with pytest.raises(VotingError) as raised:
        parse_ballots(bad)

    assert raised.value.errors == [
        "format: expected 'matchfair-ballots/1', got 'matchfair-ballots/2'",
        "extra: unknown field",
        "seats: expected an integer of at least 1",
        "candidates[1].name: 'Ana' is already candidate 1",
        "candidates[2]: expected a name or an object with a name",
        "ballots[0].count: expected an integer of at least 0",
        "ballots[0].ranking[1]: candidate 1 is already ranked on this ballot",
        "ballots[0].ranking[2]: expected a candidate position from 1 to 2",
        "ballots[1].rank: unknown field",
        "ballots[1].ranking: expected a list of candidate positions",
    ]
