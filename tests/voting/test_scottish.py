"""Scottish STV, worked by hand from the rules of the Scottish Local Government Elections Order
2007 (Schedule 1, rules 45-52)."""

from __future__ import annotations

from decimal import Decimal

from matchfair.voting import Ballot, Election, Tie, Transfer, check, count
from matchfair.voting.scottish import droop_quota

D = Decimal


def test_droop_quota_ignores_fractions_and_adds_one() -> None:
    assert [droop_quota(29, 2), droop_quota(30, 2), droop_quota(100, 3)] == [10, 11, 26]


def test_scottish_stv_transfers_a_truncated_surplus_then_excludes() -> None:
    """Two seats; Ana, Boris, Cvetan, Dora, Emil; 29 ballots.

    11 Ana>Cvetan, 1 Ana>Boris, 6 Boris, 4 Cvetan>Dora, 5 Dora>Boris, 2 Emil>Cvetan.
    Quota (rule 46): 29 / 3 = 9.67, fractions ignored = 9, plus 1 = 10.
    Stage 1: Ana 12, Boris 6, Cvetan 4, Dora 5, Emil 2. Ana is elected, surplus 2.
    Stage 2 (rule 48): each of Ana's 12 papers has value 2 x 1 / 12 = 0.1666.., truncated to
      0.16666. 11 go to Cvetan (1.83326), 1 to Boris (0.16666); 1.99992 moves and 0.00008 is
      lost. Boris 6.16666, Cvetan 5.83326, Dora 5, Emil 2.
    Stage 3 (rule 50): Emil has fewest; 2 papers at value 1 go to Cvetan: 7.83326.
    Stage 4: Dora has fewest (5 against 6.16666 and 7.83326); her 5 papers go to Boris at
      value 1: 11.16666, at least the quota, so Boris is elected and both seats are filled.
    """
    election = Election(
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

    tally = count(election, "scottish-stv")

    assert (tally.quota, tally.elected, tally.ties) == (D(10), (0, 1), ())
    assert [(r.action, r.subject, r.votes, r.elected) for r in tally.rounds] == [
        ("first preferences", None, (D(12), D(6), D(4), D(5), D(2)), (0,)),
        ("surplus", 0, (D(10), D("6.16666"), D("5.83326"), D(5), D(2)), ()),
        ("exclusion", 4, (D(10), D("6.16666"), D("7.83326"), D(5), D(0)), ()),
        ("exclusion", 3, (D(10), D("11.16666"), D("7.83326"), D(0), D(0)), (1,)),
    ]
    assert tally.rounds[1].transfers == (
        Transfer(0, 1, D("0.16666"), 1),
        Transfer(0, 2, D("1.83326"), 11),
    )
    assert tally.rounds[1].lost_to_rounding == D("0.00008")
    assert check(election, tally) == []


def test_scottish_stv_exclusion_tie_goes_to_the_earliest_round_that_differs() -> None:
    """One seat; 6 Ana, 5 Boris, 3 Dora, 2 Cvetan>Boris, 1 Emil>Cvetan. Quota 17/2 -> 8 + 1 = 9.

    Stage 1: Ana 6, Boris 5, Cvetan 2, Dora 3, Emil 1. Stage 2: Emil excluded, Cvetan 3.
    Stage 3: Cvetan and Dora both have 3; at stage 1 Cvetan had 2 and Dora 3, so Cvetan is
    excluded: 2 papers to Boris (7), Emil's paper has no later preference (non-transferable).
    Stage 4: Dora excluded (3, non-transferable). Stage 5: Ana excluded (6 < 7); Boris is the
    only continuing candidate for the one seat (rule 52) and is elected.
    """
    election = Election(
        ("Ana", "Boris", "Cvetan", "Dora", "Emil"),
        1,
        (Ballot((0,), 6), Ballot((1,), 5), Ballot((3,), 3), Ballot((2, 1), 2), Ballot((4, 2), 1)),
    )

    tally = count(election, "scottish-stv")

    assert [r.excluded for r in tally.rounds] == [(), (4,), (2,), (3,), (0,)]
    assert tally.elected == (1,)
    assert tally.ties == (
        Tie(3, "exclusion", (2, 3), (2,), "earlier rounds", "fewest votes at round 1"),
    )
    assert tally.rounds[2].non_transferable == D(1)
    assert check(election, tally) == []


def test_scottish_stv_tie_at_every_round_is_drawn_by_lot_from_the_seed() -> None:
    election = Election(("A", "B", "C"), 1, (Ballot((0,), 2), Ballot((1,), 1), Ballot((2,), 1)))

    draws = {count(election, "scottish-stv").ties[0].chosen for _ in range(3)}

    tally = count(election, "scottish-stv")
    assert (len(draws), tally.ties[0].how, tally.ties[0].among) == (1, "lot", (1, 2))
    assert tally.elected == (0,)


def test_scottish_stv_withdrawn_candidate_is_skipped_on_every_ballot() -> None:
    election = Election(
        ("A", "B", "C"), 1, (Ballot((2, 1), 3), Ballot((0,), 2)), withdrawn=frozenset({2})
    )

    tally = count(election, "scottish-stv")

    assert (tally.rounds[0].votes, tally.elected) == ((D(2), D(3), D(0)), (1,))
