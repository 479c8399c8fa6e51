"""Plurality and approval, worked by hand."""

from __future__ import annotations

from decimal import Decimal

from matchfair.voting import Ballot, Election, Tie, check, count

D = Decimal


def test_plurality_counts_first_preferences_only() -> None:
    election = Election(("A", "B", "C"), 1, (Ballot((0, 1), 3), Ballot((1, 0), 2), Ballot((2,), 4)))

    tally = count(election, "plurality")

    assert (tally.rounds[0].votes, tally.elected) == ((D(3), D(2), D(4)), (2,))
    assert check(election, tally) == []


def test_approval_committee_takes_the_most_approved_and_draws_the_last_seat() -> None:
    """Approvals: A 5 (3+2), B 3, C 2+2 = 4, D 3. Three seats: A, C, then B or D by lot."""
    election = Election(
        ("A", "B", "C", "D"),
        3,
        (Ballot((0, 1), 3), Ballot((0, 2), 2), Ballot((2, 3), 2), Ballot((3,), 1)),
    )

    tally = count(election, "approval")

    assert tally.rounds[0].votes == (D(5), D(3), D(4), D(3))
    assert tally.elected[:2] == (0, 2)
    assert tally.ties == (
        Tie(1, "last seats", (1, 3), tally.elected[2:], "lot", tally.ties[0].detail),
    )
    assert check(election, tally) == []
