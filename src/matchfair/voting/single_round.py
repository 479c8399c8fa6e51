"""Single-round counts: plurality (first preferences) and approval (every candidate marked).

With several seats, the candidates with most votes take them; equal votes at the cut, and the
order among equals, are decided by lot.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Election, Round, Tally
from .ties import TieBreaker


def count_plurality(election: Election) -> Tally:
    totals = [0] * len(election.candidates)
    valid = 0
    for ballot in election.ballots:
        first = next((c for c in ballot.ranking if c not in election.withdrawn), None)
        if first is None or ballot.count <= 0:
            continue
        valid += ballot.count
        totals[first] += ballot.count
    return _single_round(election, "plurality", totals, valid, "first preferences")


def count_approval(election: Election) -> Tally:
    totals = [0] * len(election.candidates)
    valid = 0
    for ballot in election.ballots:
        approved = {c for c in ballot.ranking if c not in election.withdrawn}
        if not approved or ballot.count <= 0:
            continue
        valid += ballot.count
        for candidate in approved:
            totals[candidate] += ballot.count
    return _single_round(election, "approval", totals, valid, "approvals")


def _single_round(
    election: Election, method: str, totals: list[int], valid: int, action: str
) -> Tally:
    ties = TieBreaker(election.seed)
    standing = [c for c in range(len(election.candidates)) if c not in election.withdrawn]
    votes = tuple(Decimal(t) for t in totals)
    elected = ties.top(standing, votes, election.seats, round_number=1)
    round_ = Round(
        1,
        action,
        None,
        votes,
        elected=tuple(elected),
        note=f"elected: the {election.seats} with most votes",
    )
    return Tally(
        method,
        election.seats,
        election.candidates,
        tuple(elected),
        (round_,),
        tuple(ties.ties),
        valid,
        seed=election.seed,
    )
