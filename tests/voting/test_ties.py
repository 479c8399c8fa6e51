"""Tie-breaking: the earliest round where the tied differ, then a lot from the seed."""

from __future__ import annotations

from decimal import Decimal

from matchfair.voting import Tie
from matchfair.voting.ties import TieBreaker

D = Decimal


def test_by_history_looks_at_the_earliest_round_first() -> None:
    """Round 1: 0 has 1, 1 has 2; round 2: 0 has 2, 1 has 1. The earliest round decides: 0 is
    lowest (the most recent round, as stvpoll reads it, would say 1)."""
    ties = TieBreaker(0)

    chosen = ties.by_history(
        [0, 1], [(D(1), D(2)), (D(2), D(1))], lowest=True, round_number=3, purpose="exclusion"
    )

    assert (chosen, ties.ties) == (
        0,
        [Tie(3, "exclusion", (0, 1), (0,), "earlier rounds", "fewest votes at round 1")],
    )


def test_by_history_narrows_then_draws_a_lot() -> None:
    ties = TieBreaker(5)

    chosen = ties.by_history(
        [0, 1, 2], [(D(1), D(1), D(3))], lowest=True, round_number=2, purpose="exclusion"
    )

    assert (chosen in (0, 1), ties.ties[0].how, ties.ties[0].among) == (True, "lot", (0, 1, 2))
    assert ties.ties[0].detail.startswith("equal at every earlier round after round 1; lot 1")


def test_lot_is_the_same_for_the_same_seed() -> None:
    assert TieBreaker(42).draw([3, 1, 2]) == TieBreaker(42).draw([2, 3, 1])
