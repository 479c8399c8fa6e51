"""Instant-runoff voting (one seat): exclude the fewest first preferences until one candidate
holds more than half of the ballots still counting, or is the only one left.

Ties for exclusion go to the earliest round where the tied candidates differ, then to a lot.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Election, Round, Tally, Transfer
from .ties import TieBreaker


def count_irv(election: Election) -> Tally:
    n = len(election.candidates)
    continuing = [c not in election.withdrawn for c in range(n)]
    piles: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    totals = [0] * n
    ballots = election.ballots
    ties = TieBreaker(election.seed)

    def next_position(ranking: tuple[int, ...], position: int) -> int | None:
        for later in range(position + 1, len(ranking)):
            if continuing[ranking[later]]:
                return later
        return None

    valid = 0
    for index, ballot in enumerate(ballots):
        position = next_position(ballot.ranking, -1)
        if position is None or ballot.count <= 0:
            continue
        valid += ballot.count
        piles[ballot.ranking[position]].append((index, position))
        totals[ballot.ranking[position]] += ballot.count

    history: list[tuple[Decimal, ...]] = []
    rounds: list[Round] = []
    action, subject, non_transferable = "first preferences", None, 0
    transfers: tuple[Transfer, ...] = ()
    excluded: tuple[int, ...] = ()
    while True:
        number = len(rounds) + 1
        votes = tuple(Decimal(t) for t in totals)
        history.append(votes)
        standing = [c for c in range(n) if continuing[c]]
        active = sum(totals[c] for c in standing)
        leader = max(standing, key=lambda c: totals[c], default=None)
        winner: int | None = None
        why = ""
        if leader is not None and 2 * totals[leader] > active:
            winner, why = leader, "elected: more than half of the ballots still counting"
        elif len(standing) == 1:
            winner, why = standing[0], "elected: the only candidate left"
        if winner is not None or not standing:
            rounds.append(
                Round(
                    number,
                    action,
                    subject,
                    votes,
                    elected=() if winner is None else (winner,),
                    excluded=excluded,
                    transfers=transfers,
                    non_transferable=Decimal(non_transferable),
                    note=_join("excluded: fewest votes" if excluded else "", why),
                )
            )
            break
        rounds.append(
            Round(
                number,
                action,
                subject,
                votes,
                excluded=excluded,
                transfers=transfers,
                non_transferable=Decimal(non_transferable),
                note="excluded: fewest votes" if excluded else "no majority",
            )
        )
        fewest = min(totals[c] for c in standing)
        source = ties.by_history(
            [c for c in standing if totals[c] == fewest],
            history,
            lowest=True,
            round_number=number + 1,
            purpose="exclusion",
        )
        continuing[source] = False
        moved: dict[int | None, list[int]] = {}
        for index, position in piles[source]:
            ballot = ballots[index]
            later = next_position(ballot.ranking, position)
            target = None if later is None else ballot.ranking[later]
            entry = moved.setdefault(target, [0, 0])
            entry[0] += ballot.count
            entry[1] += ballot.count
            if target is not None and later is not None:
                piles[target].append((index, later))
                totals[target] += ballot.count
        piles[source] = []
        totals[source] = 0
        transfers = tuple(
            Transfer(source, target, Decimal(units), papers)
            for target, (units, papers) in sorted(
                moved.items(), key=lambda item: (item[0] is None, item[0] or 0)
            )
        )
        non_transferable = moved.get(None, [0, 0])[0]
        action, subject, excluded = "exclusion", source, (source,)
    elected = rounds[-1].elected
    return Tally(
        "irv",
        1,
        election.candidates,
        elected,
        tuple(rounds),
        tuple(ties.ties),
        valid,
        seed=election.seed,
    )


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
