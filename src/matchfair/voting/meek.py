"""Meek STV (Hill, Wichmann and Woodall, 1987): every candidate keeps a share of each ballot
that reaches them, and the elected keep just enough for the quota, so a surplus flows on to
later preferences on every ballot, also past candidates elected or excluded earlier.

Arithmetic is exact fixed point, 9 decimal places, in integers (units of 0.000000001):
- a ballot of weight w reaching a candidate with keep value k gives them w x k rounded up, and
  passes the rest on; excluded candidates keep 0, hopeful ones 1;
- quota = votes held by candidates / (seats + 1), truncated, plus 0.000000001;
- elected keep values are updated to k x quota / votes, rounded up, until the elected
  candidates' surpluses total less than 0.000001 or stop changing;
- then anyone at or above the quota is elected; else the hopeful candidate with fewest votes
  is excluded (ties: earliest round where they differ, then lot).
The distribution runs over all ballots at once with numpy (int64; a ballot's weight times a
keep value is at most 10^18).
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import numpy.typing as npt

from .model import Election, Round, Tally
from .ties import TieBreaker

UNIT = 10**9
OMEGA = UNIT // 10**6  # surpluses below 0.000001 in total count as settled
MAX_ITERATIONS = 10_000
HOPEFUL, ELECTED, EXCLUDED = 0, 1, 2

Vector = npt.NDArray[np.int64]


def _votes(units: int) -> Decimal:
    return Decimal(units).scaleb(-9)


class _Ballots:
    """The ballots as a matrix: one row per distinct ballot, padded with a no-one column."""

    def __init__(self, election: Election) -> None:
        n = len(election.candidates)
        rows = [
            [c for c in ballot.ranking if c not in election.withdrawn]
            for ballot in election.ballots
            if ballot.count > 0
        ]
        counts = [ballot.count for ballot in election.ballots if ballot.count > 0]
        kept = [(row, count) for row, count in zip(rows, counts, strict=True) if row]
        width = max((len(row) for row, _ in kept), default=1)
        self.n = n
        self.matrix: Vector = np.full((len(kept), width), n, dtype=np.int64)
        for index, (row, _) in enumerate(kept):
            self.matrix[index, : len(row)] = row
        self.counts: Vector = np.array([count for _, count in kept], dtype=np.int64)
        self.valid = int(self.counts.sum())

    def distribute(self, keep: Vector) -> tuple[list[int], int]:
        """Votes per candidate and the exhausted remainder, all in units."""
        weight: Vector = np.full(len(self.counts), UNIT, dtype=np.int64)
        votes: Vector = np.zeros(self.n + 1, dtype=np.int64)
        for column in self.matrix.T:
            kept = (weight * keep[column] + (UNIT - 1)) // UNIT
            np.add.at(votes, column, kept * self.counts)
            weight = weight - kept
            if not weight.any():
                break
        exhausted = int((weight * self.counts).sum())
        return [int(v) for v in votes[: self.n]], exhausted


def count_meek_stv(election: Election) -> Tally:
    ballots = _Ballots(election)
    n, seats = ballots.n, election.seats
    status = [EXCLUDED if c in election.withdrawn else HOPEFUL for c in range(n)]
    keep: Vector = np.array(
        [0 if c in election.withdrawn else UNIT for c in range(n)] + [0], dtype=np.int64
    )
    ties = TieBreaker(election.seed)
    elected: list[int] = []
    rounds: list[Round] = []
    history: list[tuple[Decimal, ...]] = []
    pending: tuple[str, int | None, tuple[int, ...]] = ("first preferences", None, ())
    quota = 0
    while True:
        iterations = 0
        while True:
            votes, exhausted = ballots.distribute(keep)
            quota = sum(votes) // (seats + 1) + 1
            reached = [c for c in range(n) if status[c] == HOPEFUL and votes[c] >= quota]
            winners = [c for c in range(n) if status[c] == ELECTED]
            if reached or not winners:
                break
            surplus = sum(max(votes[c] - quota, 0) for c in winners)
            if surplus < OMEGA or iterations >= MAX_ITERATIONS:
                break
            changed = False
            for c in winners:
                value = int(keep[c])
                new = -((-value * quota) // votes[c]) if votes[c] else value
                new = min(new, UNIT)
                if new != value:
                    keep[c] = new
                    changed = True
            if not changed:
                break
            iterations += 1
        shown = tuple(_votes(v) for v in votes)
        action, subject, excluded = pending
        note = f"{iterations} keep-value iteration(s)" if iterations else ""
        number = len(rounds) + 1
        newly = ties.order(reached, shown, history, round_number=number)
        hopeful = [c for c in range(n) if status[c] == HOPEFUL]
        if not newly and len(hopeful) <= seats - len(elected):
            newly = ties.order(hopeful, shown, history, round_number=number)
            why = "elected: as many hopeful candidates as seats left"
        else:
            why = "elected: reached the quota" if newly else ""
        for c in newly:
            status[c] = ELECTED
            elected.append(c)
        history.append(shown)
        rounds.append(
            Round(
                number,
                action,
                subject,
                shown,
                elected=tuple(newly),
                excluded=excluded,
                non_transferable=_votes(exhausted),
                quota=_votes(quota),
                keep_values=tuple(_votes(int(k)) for k in keep[:n]),
                note="; ".join(p for p in (note, why) if p),
            )
        )
        if len(elected) >= seats or not any(s == HOPEFUL for s in status):
            break
        if newly:
            pending = ("elected", None, ())
            continue
        hopeful = [c for c in range(n) if status[c] == HOPEFUL]
        fewest = min(votes[c] for c in hopeful)
        loser = ties.by_history(
            [c for c in hopeful if votes[c] == fewest],
            history,
            lowest=True,
            round_number=number + 1,
            purpose="exclusion",
        )
        status[loser] = EXCLUDED
        keep[loser] = 0
        pending = ("exclusion", loser, (loser,))
    return Tally(
        "meek-stv",
        seats,
        election.candidates,
        tuple(elected),
        tuple(rounds),
        tuple(ties.ties),
        ballots.valid,
        quota=_votes(quota),
        seed=election.seed,
    )
