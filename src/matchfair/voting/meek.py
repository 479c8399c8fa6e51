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
keep value is at most 10^18; sums go through float64 only where they stay exact, below 2^53).
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
    """Equal ballots grouped, as a matrix: one row per distinct ranking, padded with no-one (n)."""

    def __init__(self, n: int, matrix: Vector, counts: Vector) -> None:
        self.n = n
        self.matrix = matrix
        self.columns = [np.ascontiguousarray(matrix[:, p]) for p in range(matrix.shape[1])]
        self.counts = counts
        self.valid = int(counts.sum())
        # bincount sums in float64, exact while every sum stays below 2**53: all the ballots'
        # weight in units must; otherwise the slower integer np.add.at is used.
        self.exact_floats = self.valid * UNIT < 2**53

    @classmethod
    def of(cls, election: Election) -> _Ballots:
        n = len(election.candidates)
        grouped: dict[tuple[int, ...], int] = {}
        withdrawn = election.withdrawn
        for ballot in election.ballots:
            row = ballot.ranking
            if withdrawn:
                row = tuple(c for c in row if c not in withdrawn)
            if row and ballot.count > 0:
                grouped[row] = grouped.get(row, 0) + ballot.count
        width = max((len(row) for row in grouped), default=1)
        padded = [row + (n,) * (width - len(row)) for row in grouped]
        matrix = np.array(padded, dtype=np.int64).reshape(len(padded), width)
        return cls(n, matrix, np.array(list(grouped.values()), dtype=np.int64))

    def split(self, status: list[int]) -> tuple[_Ballots, Vector, int]:
        """The ballots whose weight can change while keep values move, and the fixed rest.

        A ballot that meets no elected candidate before its first hopeful one gives that
        candidate its whole weight (excluded candidates keep 0, hopeful ones 1) whatever the
        keep values are: it is counted once here, and the iterations walk only the others.
        """
        is_hopeful = np.array([s == HOPEFUL for s in status] + [False])
        is_elected = np.array([s == ELECTED for s in status] + [False])
        width = self.matrix.shape[1]
        marks = is_hopeful[self.matrix]
        first = np.where(marks.any(axis=1), marks.argmax(axis=1), width)
        before = np.arange(width)[None, :] < first[:, None]
        moving = (is_elected[self.matrix] & before).any(axis=1)
        fixed = ~moving
        target = np.where(
            first[fixed] < width, self.matrix[fixed, np.minimum(first[fixed], width - 1)], self.n
        )
        votes = np.zeros(self.n + 1, dtype=np.int64)
        self._add(votes, target, self.counts[fixed] * UNIT)
        exhausted = int(votes[self.n])
        votes[self.n] = 0
        walked = _Ballots(self.n, self.matrix[moving], self.counts[moving])
        walked.exact_floats = self.exact_floats
        return walked, votes, exhausted

    def _add(self, votes: Vector, candidates: Vector, units: Vector) -> None:
        if self.exact_floats:
            summed = np.bincount(candidates, weights=units, minlength=self.n + 1)
            votes += np.rint(summed).astype(np.int64)
        else:
            np.add.at(votes, candidates, units)

    def distribute(self, keep: Vector) -> tuple[Vector, int]:
        """Votes per candidate (and no-one, last) and the exhausted remainder, in units."""
        rows: Vector = np.arange(len(self.counts), dtype=np.int64)
        weight: Vector = np.full(len(self.counts), UNIT, dtype=np.int64)
        votes: Vector = np.zeros(self.n + 1, dtype=np.int64)
        exhausted = 0
        for column in self.columns:
            candidates = column[rows]
            ended = candidates == self.n
            if ended.any():
                exhausted += int((weight[ended] * self.counts[rows[ended]]).sum())
                rows, weight, candidates = rows[~ended], weight[~ended], candidates[~ended]
            kept = (weight * keep[candidates] + (UNIT - 1)) // UNIT
            self._add(votes, candidates, kept * self.counts[rows])
            weight = weight - kept
            going = weight > 0
            rows, weight = rows[going], weight[going]
            if not rows.size:
                break
        exhausted += int((weight * self.counts[rows]).sum())
        return votes, exhausted


def count_meek_stv(election: Election) -> Tally:
    ballots = _Ballots.of(election)
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
        walked, fixed_votes, fixed_exhausted = ballots.split(status)
        while True:
            moving_votes, moving_exhausted = walked.distribute(keep)
            votes = [int(v) for v in (moving_votes + fixed_votes)[:n]]
            exhausted = moving_exhausted + fixed_exhausted
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
