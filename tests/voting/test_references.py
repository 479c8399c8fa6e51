"""The counts against independent reference implementations (test-only dependencies):
stvpoll for Scottish STV, pref-voting for IRV, Schulze and plurality, abcvoting for approval.

Where the rules coincide the results must be equal; where the references follow another rule
(docs/voting.md, "Where the references differ") the profile is classified, never skipped
silently: MATCHFAIR_VOTING_REPORT=1 prints the counts of each class.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from decimal import Decimal

import pytest
from hypothesis import given

from matchfair.voting import Election, Tally, check, count

from .profiles import SETTINGS, elections

CLASSES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if os.environ.get("MATCHFAIR_VOTING_REPORT"):
        print("\nreference comparison:", dict(sorted(CLASSES.items())))


def _stvpoll(election: Election):
    from stvpoll.scottish_stv import calculate_scottish_stv
    from stvpoll.types import SelectionMethod

    result = calculate_scottish_stv(
        tuple(range(len(election.candidates))),
        [(ballot.ranking, ballot.count) for ballot in election.ballots],
        election.seats,
        allow_random=True,
        random_shuffle=False,
    )
    tied = any(
        r.selection_method in (SelectionMethod.TiebreakHistory, SelectionMethod.TiebreakRandom)
        for r in result.rounds
    )
    return set(result), tied


def _simultaneous_surplus(tally: Tally) -> bool:
    """A round elected two or more candidates and one of them has a surplus to transfer."""
    quota = tally.quota or Decimal(0)
    return any(
        len(r.elected) >= 2 and any(r.votes[c] > quota for c in r.elected) for r in tally.rounds
    )


def _close(tally: Tally) -> bool:
    """Two candidates still in were within 0.001 of each other or of the quota after a surplus."""
    quota = tally.quota or Decimal(0)
    decided: set[int] = set()
    for r in tally.rounds:
        live = [r.votes[c] for c in range(len(r.votes)) if c not in decided]
        decided.update(r.elected)
        decided.update(r.excluded)
        if r.action != "surplus" and not any(r.votes[c] % 1 for c in range(len(r.votes))):
            continue
        values = sorted(live)
        if any(b - a < Decimal("0.001") for a, b in itertools.pairwise(values)):
            return True
        if any(abs(v - quota) < Decimal("0.001") for v in live):
            return True
    return False


@SETTINGS
@given(elections())
def test_scottish_stv_matches_stvpoll_where_the_rules_coincide(election: Election) -> None:
    tally = count(election, "scottish-stv")
    reference, reference_tied = _stvpoll(election)
    assert check(election, tally) == []
    if set(tally.elected) == reference:
        CLASSES["scottish: equal" + (", ties broken" if tally.ties or reference_tied else "")] += 1
    elif _simultaneous_surplus(tally):
        CLASSES["scottish: differs, surpluses of one stage (rule 48)"] += 1
    elif reference_tied or any(t.purpose != "election order" for t in tally.ties):
        CLASSES["scottish: differs, a tie broken by another rule or lot"] += 1
    else:
        assert _close(tally), "differs from stvpoll without a documented reason"
        CLASSES["scottish: differs, truncation vs rounding"] += 1


def _pref_profile(election: Election):
    from pref_voting.profiles import Profile

    return Profile(
        [list(ballot.ranking) for ballot in election.ballots],
        [ballot.count for ballot in election.ballots],
    )


@SETTINGS
@given(elections(complete=True, one_seat=True, max_candidates=5))  # PUT is exponential
def test_irv_winner_is_a_pref_voting_instant_runoff_winner(election: Election) -> None:
    from pref_voting.voting_methods import instant_runoff, instant_runoff_put

    tally = count(election, "irv")
    profile = _pref_profile(election)
    assert check(election, tally) == []
    if tally.ties:
        # Any order of breaking the ties gives one of the parallel-universe winners.
        assert tally.elected[0] in instant_runoff_put(profile)
        CLASSES["irv: tie broken, winner among pref-voting's PUT winners"] += 1
    else:
        assert list(tally.elected) == instant_runoff(profile)
        CLASSES["irv: equal"] += 1


@SETTINGS
@given(elections(complete=True))
def test_schulze_winner_is_a_pref_voting_beat_path_winner(election: Election) -> None:
    from pref_voting.margin_based_methods import beat_path

    tally = count(election, "schulze")
    winners = beat_path(_pref_profile(election))
    assert check(election, tally) == []
    assert tally.elected[0] in winners
    if len(winners) == 1:
        CLASSES["schulze: equal"] += 1
    else:
        assert [t.purpose for t in tally.ties][:1] == ["winner"]
        CLASSES["schulze: tie broken, winner among beat-path winners"] += 1


@SETTINGS
@given(elections(complete=True, one_seat=True))
def test_plurality_winner_is_a_pref_voting_plurality_winner(election: Election) -> None:
    from pref_voting.voting_methods import plurality

    tally = count(election, "plurality")
    winners = plurality(_pref_profile(election))
    assert (tally.elected[0] in winners, bool(tally.ties)) == (True, len(winners) > 1)
    CLASSES["plurality: equal" if len(winners) == 1 else "plurality: tie broken"] += 1


@SETTINGS
@given(elections(max_seats=4))
def test_approval_committee_is_an_abcvoting_av_committee(election: Election) -> None:
    from abcvoting import abcrules
    from abcvoting.preferences import Profile, Voter

    profile = Profile(len(election.candidates))
    for ballot in election.ballots:
        profile.add_voter(Voter(set(ballot.ranking), weight=ballot.count))
    committees = abcrules.compute("av", profile, committeesize=election.seats, resolute=False)
    tally = count(election, "approval")
    assert check(election, tally) == []
    assert set(tally.elected) in [set(c) for c in committees]
    CLASSES["approval: equal" if len(committees) == 1 else "approval: tie broken"] += 1
