"""Meek STV, worked by hand (Hill, Wichmann and Woodall 1987, 9-decimal fixed point)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given

from matchfair.voting import Ballot, Election, check, count

from .profiles import SETTINGS, elections

D = Decimal


def test_meek_stv_lowers_the_keep_value_until_the_surplus_elects() -> None:
    """Two seats; 8 Ana>Boris, 4 Cvetan, 3 Boris; 15 ballots.

    Round 1: Ana 8, Boris 3, Cvetan 4; quota 15 / 3 = 5 plus 0.000000001; Ana is elected.
    Round 2: Ana's keep value becomes 1 x 5.000000001 / 8 = 0.625000000125, rounded up to
    0.625000001. Each Ana>Boris ballot gives Ana 0.625000001 and Boris 0.374999999: Ana
    5.000000008, Boris 3 + 2.999999992 = 5.999999992, Cvetan 4. Boris reaches the quota.
    """
    election = Election(
        ("Ana", "Boris", "Cvetan"), 2, (Ballot((0, 1), 8), Ballot((2,), 4), Ballot((1,), 3))
    )

    tally = count(election, "meek-stv")

    assert tally.elected == (0, 1)
    assert [(r.votes, r.elected, r.quota) for r in tally.rounds] == [
        ((D(8), D(3), D(4)), (0,), D("5.000000001")),
        ((D("5.000000008"), D("5.999999992"), D(4)), (1,), D("5.000000001")),
    ]
    assert tally.rounds[1].keep_values == (D("0.625000001"), D(1), D(1))
    assert check(election, tally) == []


def test_meek_stv_surplus_passes_an_excluded_candidate_to_the_next() -> None:
    """One seat; 4 A, 3 B>C, 2 C>B. C is excluded first; C's 2 ballots go to B (5 > 4.5)."""
    election = Election(("A", "B", "C"), 1, (Ballot((0,), 4), Ballot((1, 2), 3), Ballot((2, 1), 2)))

    tally = count(election, "meek-stv")

    assert ([r.excluded for r in tally.rounds], tally.elected) == ([(), (2,)], (1,))
    assert check(election, tally) == []


@SETTINGS
@given(elections(one_seat=True))
def test_meek_stv_for_one_seat_counts_as_instant_runoff(election: Election) -> None:
    """With one seat nobody is elected before the end, so keep values stay 1 or 0: the quota
    (votes still held / 2, plus 0.000000001) is a majority of the ballots still counting, and
    Meek STV must exclude and elect exactly as IRV does, ties and lots included."""
    meek, irv = count(election, "meek-stv"), count(election, "irv")

    assert (meek.elected, [r.excluded for r in meek.rounds], meek.ties) == (
        irv.elected,
        [r.excluded for r in irv.rounds],
        irv.ties,
    )
