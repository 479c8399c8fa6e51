"""The independent checker passes every count and fails a tally whose record was changed."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from matchfair.voting import METHODS, Ballot, Election, check, count

from .profiles import SETTINGS, elections

ELECTION = Election(
    ("Ana", "Boris", "Cvetan", "Dora", "Emil"),
    2,
    (
        Ballot((0, 2), 11),
        Ballot((0, 1), 1),
        Ballot((1,), 6),
        Ballot((2, 3), 4),
        Ballot((3, 1), 5),
        Ballot((4, 2), 2),
    ),
)


@SETTINGS
@given(elections(), st.booleans())
def test_check_passes_every_method_on_any_election(election: Election, withdraw: bool) -> None:
    if withdraw and len(election.candidates) - 1 > election.seats:
        election = replace(election, withdrawn=frozenset({len(election.candidates) - 1}))
    for method in METHODS:
        if method == "irv":
            election = replace(election, seats=1)
        assert (method, check(election, count(election, method))) == (method, [])


def test_check_fails_a_changed_transfer() -> None:
    tally = count(ELECTION, "scottish-stv")
    second = tally.rounds[1]
    forged = replace(
        second,
        transfers=(replace(second.transfers[0], votes=Decimal("1.16666")), *second.transfers[1:]),
    )

    problems = check(ELECTION, replace(tally, rounds=(tally.rounds[0], forged, *tally.rounds[2:])))

    assert problems == [
        "round 2: 3.00000 transferred of a surplus 2.00000",
        "round 2: votes do not equal the previous round plus transfers",
    ]


def test_check_fails_when_a_ballot_is_dropped() -> None:
    tally = count(ELECTION, "scottish-stv")
    fewer = replace(ELECTION, ballots=ELECTION.ballots[:-1])

    assert check(fewer, tally)[:2] == [
        "valid ballots: 29 recorded, 27 recounted",
        "round 1: first preferences differ from a recount of the ballots",
    ]


def test_check_fails_a_wrong_exclusion() -> None:
    tally = count(ELECTION, "scottish-stv")
    rounds = list(tally.rounds)
    rounds[2] = replace(rounds[2], subject=1, excluded=(1,))

    problems = check(ELECTION, replace(tally, rounds=tuple(rounds)))

    assert problems[:2] == [
        "round 3: a transfer from someone other than 2",
        "round 3: 2 excluded without the fewest votes",
    ]


def test_check_fails_a_schulze_winner_who_is_beaten() -> None:
    tally = count(ELECTION, "schulze")
    loser = tally.elected[-1]

    problems = check(ELECTION, replace(tally, elected=(loser,), rounds=()))

    assert problems == [
        "elected: 1 elected for 2 seats",
        f"rounds: elected in rounds [], tally says [{loser + 1}]",
        f"elected: {loser + 1} is beaten by strongest paths",
    ]


def test_check_fails_a_recount_that_differs_for_approval() -> None:
    tally = count(ELECTION, "approval")
    more = replace(ELECTION, ballots=(*ELECTION.ballots, Ballot((4,), 1)))

    assert check(more, tally) == ["round 1: votes differ from a recount of the ballots"]
