"""Schulze, on the example of Schulze's own description of the method (45 voters, 5 candidates)."""

from __future__ import annotations

from matchfair.voting import Ballot, Election, check, count

A, B, C, D, E = range(5)


def _election(seats: int) -> Election:
    return Election(
        ("A", "B", "C", "D", "E"),
        seats,
        (
            Ballot((A, C, B, E, D), 5),
            Ballot((A, D, E, C, B), 5),
            Ballot((B, E, D, A, C), 8),
            Ballot((C, A, B, E, D), 3),
            Ballot((C, A, E, B, D), 7),
            Ballot((C, B, A, D, E), 2),
            Ballot((D, C, E, B, A), 7),
            Ballot((E, B, A, D, C), 8),
        ),
    )


def test_schulze_published_example_elects_e_then_orders_a_c_b_d() -> None:
    """d[A][B] = 5+5+3+7 = 20 (A above B), d[B][A] = 8+2+7+8 = 25, and so on: the matrix below.
    Strongest paths (weakest link of the best path): E->D 31 direct; E->A via E-D-C-A:
    min(31, 28, 25) = 25 against A->E 24, so E beats A; E beats every other candidate, and
    the order continues A (beats C, B, D), C (beats B, D), B (beats D), D.
    """
    tally = count(_election(5), "schulze")

    assert tally.pairwise == (
        (0, 20, 26, 30, 22),
        (25, 0, 16, 33, 18),
        (19, 29, 0, 17, 24),
        (15, 12, 28, 0, 14),
        (23, 27, 21, 31, 0),
    )
    assert tally.strongest_paths == (
        (0, 28, 28, 30, 24),
        (25, 0, 28, 33, 24),
        (25, 29, 0, 29, 24),
        (25, 28, 28, 0, 24),
        (25, 28, 28, 31, 0),
    )
    assert (tally.elected, tally.ties) == ((E, A, C, B, D), ())
    assert check(_election(5), tally) == []


def test_schulze_one_seat_elects_the_winner_only() -> None:
    assert count(_election(1), "schulze").elected == (E,)
