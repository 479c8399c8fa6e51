"""The Schulze method: pairwise preferences, strongest paths by winning votes, and an order.

d[i][j] counts the ballots ranking i above j; a ranked candidate is above every unranked one,
and unranked candidates are equal. A link i->j has strength d[i][j] where d[i][j] > d[j][i]
(winning votes), else 0; p[i][j] is the strength of the strongest path (Floyd-Warshall).
i beats j when p[i][j] > p[j][i]. The order of election takes, again and again, a candidate
beaten by none of those left: the first is a Schulze winner; where several are unbeaten, a
lot decides (recorded). With several seats the first N of that order are elected.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Election, Round, Tally, Tie
from .ties import TieBreaker


def pairwise(election: Election) -> tuple[list[list[int]], int]:
    n = len(election.candidates)
    d = [[0] * n for _ in range(n)]
    standing = [c for c in range(n) if c not in election.withdrawn]
    valid = 0
    for ballot in election.ballots:
        ranked = [c for c in ballot.ranking if c not in election.withdrawn]
        if not ranked or ballot.count <= 0:
            continue
        valid += ballot.count
        weight = ballot.count
        below = set(standing)
        for candidate in ranked:
            below.discard(candidate)
            row = d[candidate]
            for other in below:
                row[other] += weight
    return d, valid


def strongest_paths(d: list[list[int]], standing: list[int]) -> list[list[int]]:
    n = len(d)
    p = [[0] * n for _ in range(n)]
    for i in standing:
        for j in standing:
            if i != j and d[i][j] > d[j][i]:
                p[i][j] = d[i][j]
    for k in standing:
        for i in standing:
            if i == k:
                continue
            pik = p[i][k]
            if not pik:
                continue
            row = p[i]
            pk = p[k]
            for j in standing:
                if j != i and j != k:
                    via = pik if pik < pk[j] else pk[j]
                    if via > row[j]:
                        row[j] = via
    return p


def count_schulze(election: Election) -> Tally:
    n = len(election.candidates)
    standing = [c for c in range(n) if c not in election.withdrawn]
    d, valid = pairwise(election)
    p = strongest_paths(d, standing)
    ties = TieBreaker(election.seed)
    wins = tuple(
        Decimal(sum(1 for j in standing if j != i and p[i][j] > p[j][i]))
        if i in standing
        else Decimal(0)
        for i in range(n)
    )
    order: list[int] = []
    left = list(standing)
    while left and len(order) < election.seats:
        unbeaten = [i for i in left if not any(p[j][i] > p[i][j] for j in left if j != i)]
        if len(unbeaten) == 1:
            chosen = unbeaten[0]
        else:
            chosen = ties.draw(unbeaten)[0]
            ties.ties.append(
                Tie(
                    1,
                    "election order" if len(order) else "winner",
                    tuple(unbeaten),
                    (chosen,),
                    "lot",
                    f"{len(unbeaten)} candidates beaten by none of those left; lot from seed "
                    f"{election.seed}",
                )
            )
        order.append(chosen)
        left.remove(chosen)
    round_ = Round(
        1,
        "pairwise",
        None,
        tuple(Decimal(w) for w in wins),
        elected=tuple(order),
        note="votes: how many candidates each beats by strongest paths; elected: in the "
        "Schulze order",
    )
    return Tally(
        "schulze",
        election.seats,
        election.candidates,
        tuple(order),
        (round_,),
        tuple(ties.ties),
        valid,
        seed=election.seed,
        pairwise=tuple(tuple(row) for row in d),
        strongest_paths=tuple(tuple(row) for row in p),
    )
