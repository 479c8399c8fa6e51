"""Instant-runoff, worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchfair.voting import Ballot, Election, VotingError, check, count

D = Decimal


def test_irv_excludes_until_a_majority_of_the_ballots_still_counting() -> None:
    """8 A, 5 B>C, 4 C>B, 2 D>C>B: 19 ballots.

    Round 1: A 8, B 5, C 4, D 2: no one above 9.5. Round 2: D excluded, C 6.
    Round 3: B (5) excluded, B's 5 go to C: C 11 of 19, a majority.
    """
    election = Election(
        ("A", "B", "C", "D"),
        1,
        (Ballot((0,), 8), Ballot((1, 2), 5), Ballot((2, 1), 4), Ballot((3, 2, 1), 2)),
    )

    tally = count(election, "irv")

    assert [(r.votes, r.excluded, r.elected) for r in tally.rounds] == [
        ((D(8), D(5), D(4), D(2)), (), ()),
        ((D(8), D(5), D(6), D(0)), (3,), ()),
        ((D(8), D(0), D(11), D(0)), (1,), (2,)),
    ]
    assert check(election, tally) == []


def test_irv_refuses_more_than_one_seat() -> None:
    with pytest.raises(VotingError, match="seats: irv fills one seat, not 2"):
        count(Election(("A", "B", "C"), 2, ()), "irv")
