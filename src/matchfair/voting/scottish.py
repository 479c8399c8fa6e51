"""Scottish STV: the count of the Scottish Local Government Elections Order 2007 (rules 45-52).

Droop quota (valid ballots / (seats + 1), fractions ignored, plus 1); every candidate at or
above it is elected; the largest surplus is transferred first by the weighted inclusive Gregory
method, each paper's new value being (surplus x its value) / the candidate's votes, truncated to
5 decimal places; with no surplus left, the candidate with fewest votes is excluded and all
their papers pass on at their value. Ties (between surpluses, for exclusion, in the order of
election) go to the earliest round where the candidates differ, then to a lot.

Arithmetic is exact: votes are integers in units of 0.00001, so truncation is integer division.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Ballot, Election, Round, Tally, Transfer
from .ties import TieBreaker

UNIT = 100_000  # 1 vote in units of 0.00001
CONTINUING, ELECTED, EXCLUDED, WITHDRAWN = 0, 1, 2, 3


def _votes(units: int) -> Decimal:
    return Decimal(units).scaleb(-5)


def droop_quota(valid: int, seats: int) -> int:
    """Rule 46: valid votes divided by one more than the seats, fractions ignored, plus one."""
    return valid // (seats + 1) + 1


class _Count:
    def __init__(self, election: Election) -> None:
        self.election = election
        self.n = len(election.candidates)
        self.status = [WITHDRAWN if c in election.withdrawn else CONTINUING for c in range(self.n)]
        self.piles: list[list[tuple[int, int, int]]] = [[] for _ in range(self.n)]
        self.totals = [0] * self.n
        self.history: list[tuple[Decimal, ...]] = []
        self.rounds: list[Round] = []
        self.elected: list[int] = []
        self.surpluses: list[int] = []  # elected, surplus not yet transferred
        self.ties = TieBreaker(election.seed)
        self.valid = 0

    def _next(self, ranking: tuple[int, ...], position: int) -> int | None:
        status = self.status
        for later in range(position + 1, len(ranking)):
            if status[ranking[later]] == CONTINUING:
                return later
        return None

    def first_preferences(self) -> None:
        for index, ballot in enumerate(self.election.ballots):
            position = self._next(ballot.ranking, -1)
            if position is None or ballot.count <= 0:
                continue
            self.valid += ballot.count
            candidate = ballot.ranking[position]
            self.piles[candidate].append((index, position, UNIT))
            self.totals[candidate] += ballot.count * UNIT

    def snapshot(self) -> tuple[Decimal, ...]:
        return tuple(_votes(t) for t in self.totals)

    def transfer(self, source: int, *, surplus: int | None) -> tuple[list[Transfer], int, int]:
        """Pass on `source`'s papers: (transfers, non-transferable units, units lost to truncation)."""
        ballots: tuple[Ballot, ...] = self.election.ballots
        total = self.totals[source]
        moved: dict[int | None, list[int]] = {}
        kept = 0
        for index, position, value in self.piles[source]:
            ballot = ballots[index]
            new_value = value if surplus is None else surplus * value // total
            later = self._next(ballot.ranking, position)
            target = None if later is None else ballot.ranking[later]
            entry = moved.setdefault(target, [0, 0])
            entry[0] += ballot.count * new_value
            entry[1] += ballot.count
            kept += ballot.count * new_value
            if target is not None and later is not None and new_value:
                self.piles[target].append((index, later, new_value))
                self.totals[target] += ballot.count * new_value
        self.piles[source] = []
        lost = 0
        if surplus is None:
            self.totals[source] = 0
        else:
            lost = surplus - kept
            self.totals[source] = total - surplus
        transfers = [
            Transfer(source, target, _votes(units), papers)
            for target, (units, papers) in sorted(
                moved.items(), key=lambda item: (item[0] is None, item[0] or 0)
            )
        ]
        non_transferable = moved.get(None, [0, 0])[0]
        return transfers, non_transferable, lost

    def elect_reaching(self, quota: int) -> list[int]:
        reached = [
            c for c in range(self.n) if self.status[c] == CONTINUING and self.totals[c] >= quota
        ]
        order = self.ties.order(
            reached, self.snapshot(), self.history[:-1], round_number=len(self.history)
        )
        for candidate in order:
            self.status[candidate] = ELECTED
            self.elected.append(candidate)
            if self.totals[candidate] > quota:
                self.surpluses.append(candidate)
        return order


def count_scottish_stv(election: Election) -> Tally:
    count = _Count(election)
    seats = election.seats
    count.first_preferences()
    quota = droop_quota(count.valid, seats) * UNIT
    count.history.append(count.snapshot())
    elected = count.elect_reaching(quota)
    count.rounds.append(
        Round(
            1,
            "first preferences",
            None,
            count.history[-1],
            elected=tuple(elected),
            quota=_votes(quota),
            note="elected: reached the quota" if elected else "",
        )
    )
    while len(count.elected) < seats:
        number = len(count.rounds) + 1
        continuing = [c for c in range(count.n) if count.status[c] == CONTINUING]
        if len(continuing) <= seats - len(count.elected):
            # Rule 52: as many continuing candidates as seats left: all are elected.
            order = count.ties.order(
                continuing, count.history[-1], count.history[:-1], round_number=number - 1
            )
            for candidate in order:
                count.status[candidate] = ELECTED
                count.elected.append(candidate)
            last = count.rounds[-1]
            count.rounds[-1] = Round(
                last.number,
                last.action,
                last.subject,
                last.votes,
                elected=last.elected + tuple(order),
                excluded=last.excluded,
                transfers=last.transfers,
                non_transferable=last.non_transferable,
                lost_to_rounding=last.lost_to_rounding,
                quota=last.quota,
                note=_join(last.note, "elected: as many continuing candidates as seats left"),
            )
            break
        if count.surpluses:
            largest = max(count.totals[c] for c in count.surpluses)
            tied = [c for c in count.surpluses if count.totals[c] == largest]
            source = count.ties.by_history(
                tied, count.history[:-1], lowest=False, round_number=number, purpose="surplus"
            )
            count.surpluses.remove(source)
            surplus = count.totals[source] - quota
            transfers, non_transferable, lost = count.transfer(source, surplus=surplus)
            excluded: tuple[int, ...] = ()
            action, why = "surplus", f"surplus of {_votes(surplus)} transferred"
        else:
            fewest = min(count.totals[c] for c in continuing)
            tied = [c for c in continuing if count.totals[c] == fewest]
            source = count.ties.by_history(
                tied, count.history, lowest=True, round_number=number, purpose="exclusion"
            )
            count.status[source] = EXCLUDED
            transfers, non_transferable, lost = count.transfer(source, surplus=None)
            action, excluded, why = "exclusion", (source,), "excluded: fewest votes"
        count.history.append(count.snapshot())
        elected = count.elect_reaching(quota)
        count.rounds.append(
            Round(
                number,
                action,
                source,
                count.history[-1],
                elected=tuple(elected),
                excluded=excluded,
                transfers=tuple(transfers),
                non_transferable=_votes(non_transferable),
                lost_to_rounding=_votes(lost),
                quota=_votes(quota),
                note=_join(why, "elected: reached the quota" if elected else ""),
            )
        )
    return Tally(
        "scottish-stv",
        seats,
        election.candidates,
        tuple(count.elected),
        tuple(count.rounds),
        tuple(count.ties.ties),
        count.valid,
        quota=_votes(quota),
        seed=election.seed,
    )


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
