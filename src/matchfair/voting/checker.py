"""An independent check of a tally against its ballots: each round's record must add up.

It shares no code with the counts. For the transfer methods (Scottish STV, IRV) it recounts the
first preferences, then replays each round from its recorded transfers: the votes at the end of
a round are the votes before plus what came in minus what went out; nothing is created (what
left a candidate arrived somewhere, went non-transferable or was lost to truncation); surplus
transfer values are at most the surplus; the excluded had the fewest votes of those still in;
the elected reached the quota (or were the last left). Plurality and approval are recounted;
Schulze's matrix is recounted and its winner checked unbeaten; Meek's quota, keep values and
order of election are checked for consistency. An empty list means the tally checks out.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Election, Tally


def _first_preferences(election: Election) -> tuple[list[Decimal], int]:
    totals = [Decimal(0)] * len(election.candidates)
    valid = 0
    for ballot in election.ballots:
        for candidate in ballot.ranking:
            if candidate not in election.withdrawn:
                totals[candidate] += ballot.count
                valid += ballot.count
                break
    return totals, valid


def check(election: Election, tally: Tally) -> list[str]:
    problems: list[str] = []
    n = len(election.candidates)
    if len(tally.elected) != len(set(tally.elected)):
        problems.append(f"elected: someone is elected twice: {tally.elected}")
    if any(c in election.withdrawn for c in tally.elected):
        problems.append("elected: a withdrawn candidate is elected")
    standing = n - len(election.withdrawn)
    if len(tally.elected) != min(tally.seats, standing) and tally.method in (
        "plurality",
        "approval",
        "schulze",
    ):
        problems.append(f"elected: {len(tally.elected)} elected for {tally.seats} seats")
    in_rounds = [c for r in tally.rounds for c in r.elected]
    if in_rounds != list(tally.elected):
        problems.append(
            f"rounds: elected in rounds {[c + 1 for c in in_rounds]}, "
            f"tally says {[c + 1 for c in tally.elected]}"
        )
    if tally.method in ("scottish-stv", "irv"):
        problems.extend(_check_transfers(election, tally))
    elif tally.method in ("plurality", "approval"):
        problems.extend(_check_single_round(election, tally))
    elif tally.method == "schulze":
        problems.extend(_check_schulze(election, tally))
    elif tally.method == "meek-stv":
        problems.extend(_check_meek(election, tally))
    return problems


def _check_transfers(election: Election, tally: Tally) -> list[str]:
    problems: list[str] = []
    first, valid = _first_preferences(election)
    if valid != tally.valid_ballots:
        problems.append(f"valid ballots: {tally.valid_ballots} recorded, {valid} recounted")
    if tuple(first) != tally.rounds[0].votes:
        problems.append("round 1: first preferences differ from a recount of the ballots")
    if tally.method == "scottish-stv":
        expected = Decimal(valid // (tally.seats + 1) + 1)
        if tally.quota != expected:
            problems.append(f"quota: {tally.quota} recorded, {expected} by the Droop formula")
    quota = tally.quota
    done: set[int] = set()  # elected or excluded before the round
    votes = list(tally.rounds[0].votes)
    lost_total = Decimal(0)
    gone_total = Decimal(0)
    for previous, current in zip(tally.rounds, tally.rounds[1:], strict=False):
        label = f"round {current.number}"
        done.update(previous.elected)
        done.update(previous.excluded)
        source = current.subject
        if source is None:
            problems.append(f"{label}: no candidate whose votes are transferred")
            continue
        out = sum((t.votes for t in current.transfers), Decimal(0)) + current.lost_to_rounding
        if any(t.source != source for t in current.transfers):
            problems.append(f"{label}: a transfer from someone other than {source + 1}")
        moved_in = [Decimal(0)] * len(votes)
        for t in current.transfers:
            if t.target is not None:
                if t.target in done or t.target == source:
                    problems.append(f"{label}: votes transferred to {t.target + 1}, not continuing")
                moved_in[t.target] += t.votes
        nt = sum((t.votes for t in current.transfers if t.target is None), Decimal(0))
        if nt != current.non_transferable:
            problems.append(f"{label}: non-transferable {current.non_transferable}, transfers {nt}")
        if current.action == "exclusion":
            standing = [
                c
                for c in range(len(votes))
                if c not in done and c not in election.withdrawn and c != source
            ]
            if any(votes[c] < votes[source] for c in standing):
                problems.append(f"{label}: {source + 1} excluded without the fewest votes")
            if out != votes[source]:
                problems.append(f"{label}: {out} transferred of {votes[source]} votes")
            if current.lost_to_rounding:
                problems.append(f"{label}: an exclusion loses nothing to rounding")
        elif current.action == "surplus":
            if quota is None or source not in done:
                problems.append(f"{label}: surplus of a candidate not elected")
            elif out != votes[source] - quota:
                problems.append(f"{label}: {out} transferred of a surplus {votes[source] - quota}")
        else:
            problems.append(f"{label}: unknown action {current.action!r}")
        lost_total += current.lost_to_rounding
        gone_total += current.non_transferable
        replayed = [votes[c] + moved_in[c] - (out if c == source else 0) for c in range(len(votes))]
        if replayed != list(current.votes):
            problems.append(f"{label}: votes do not equal the previous round plus transfers")
        votes = list(current.votes)
    if sum(votes) + lost_total + gone_total != valid:
        problems.append("votes: the last round, non-transferable and rounding do not add up")
    for r in tally.rounds:
        for c in r.elected:
            if (
                tally.method == "scottish-stv"
                and quota is not None
                and r.votes[c] < quota
                and "as many continuing candidates as seats left" not in r.note
            ):
                problems.append(f"round {r.number}: {c + 1} elected below the quota")
            if tally.method == "irv":
                active = sum(r.votes)
                if 2 * r.votes[c] <= active and "only candidate left" not in r.note:
                    problems.append(f"round {r.number}: {c + 1} elected without a majority")
    return problems


def _check_single_round(election: Election, tally: Tally) -> list[str]:
    totals = [Decimal(0)] * len(election.candidates)
    for ballot in election.ballots:
        marked = [c for c in ballot.ranking if c not in election.withdrawn]
        if tally.method == "plurality":
            marked = marked[:1]
        for c in set(marked):
            totals[c] += ballot.count
    problems = []
    if tuple(totals) != tally.rounds[0].votes:
        problems.append("round 1: votes differ from a recount of the ballots")
    losers = [
        c for c in range(len(totals)) if c not in tally.elected and c not in election.withdrawn
    ]
    for winner in tally.elected:
        if any(totals[loser] > totals[winner] for loser in losers):
            problems.append(f"elected: {winner + 1} has fewer votes than someone not elected")
    return problems


def _check_schulze(election: Election, tally: Tally) -> list[str]:
    n = len(election.candidates)
    d = [[0] * n for _ in range(n)]
    for ballot in election.ballots:
        ranked = [c for c in ballot.ranking if c not in election.withdrawn]
        if not ranked:
            continue
        rank = {c: i for i, c in enumerate(ranked)}
        for i in range(n):
            for j in range(n):
                if i in election.withdrawn or j in election.withdrawn or i == j:
                    continue
                if i in rank and (j not in rank or rank[i] < rank[j]):
                    d[i][j] += ballot.count
    problems = []
    if tuple(tuple(row) for row in d) != tally.pairwise:
        problems.append("pairwise: the matrix differs from a recount of the ballots")
    p = tally.strongest_paths
    # Every path strength is witnessed: p[i][j] <= min over any i->k->j, and p is a fixed point.
    for i in range(n):
        for j in range(n):
            for k in range(n):
                if len({i, j, k}) == 3 and min(p[i][k], p[k][j]) > p[i][j]:
                    problems.append(f"strongest paths: {i + 1}->{j + 1} is stronger via {k + 1}")
    if tally.elected:
        winner = tally.elected[0]
        if any(p[j][winner] > p[winner][j] for j in range(n) if j != winner):
            problems.append(f"elected: {winner + 1} is beaten by strongest paths")
    return problems


def _check_meek(election: Election, tally: Tally) -> list[str]:
    problems = []
    _, valid = _first_preferences(election)
    if valid != tally.valid_ballots:
        problems.append(f"valid ballots: {tally.valid_ballots} recorded, {valid} recounted")
    for r in tally.rounds:
        held = sum(r.votes)
        if held + r.non_transferable > valid:
            problems.append(f"round {r.number}: more votes than ballots")
        if r.quota is not None:
            expected = (held * 10**9 // (tally.seats + 1) + 1) / Decimal(10**9)
            if r.quota != expected:
                problems.append(f"round {r.number}: quota {r.quota}, expected {expected}")
        for c in r.excluded:
            if r.keep_values[c] != 0:
                problems.append(f"round {r.number}: excluded {c + 1} keeps votes")
    return problems
