"""Benchmark the ballot counter: 100,000 ranked ballots, 20 candidates, 5 seats, by each STV method.

Run: `.venv/bin/python benchmarks/voting.py [--ballots 100000] [--candidates 20] [--seats 5]
[--runs 3] [--seed 0] [--stvpoll]`. Ballots are drawn from a Plackett-Luce model (candidate
strengths falling as 1/rank) and cut at a random length (at least 1, on average about 5), one
`Ballot` per voter (count 1): no grouping of equal ballots, the worst case for the counter.
Prints a Markdown table of medians; the baseline is a plurality count of the same ballots in
the same process (one pass over them), and `--stvpoll` adds the reference implementation.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable

from stvpoll.scottish_stv import calculate_scottish_stv  # the test-only reference (dev group)

from matchfair.voting import Ballot, Election, check, count


def generate(ballots: int, candidates: int, seats: int, seed: int) -> Election:
    rng = random.Random(seed)
    strengths = [1 / (rank + 1) for rank in range(candidates)]
    rng.shuffle(strengths)
    drawn = []
    for _ in range(ballots):
        keys = sorted(range(candidates), key=lambda c: rng.expovariate(strengths[c]))
        length = min(candidates, 1 + int(rng.expovariate(1 / 4)))
        drawn.append(Ballot(tuple(keys[:length])))
    return Election(
        tuple(f"candidate {c + 1}" for c in range(candidates)), seats, tuple(drawn), seed=seed
    )


def _stvpoll(election: Election) -> tuple[int, ...]:
    result = calculate_scottish_stv(
        tuple(range(len(election.candidates))),
        [(b.ranking, b.count) for b in election.ballots],
        election.seats,
        random_shuffle=False,
    )
    return tuple(result)


def _measure(run: Callable[[], object], runs: int) -> tuple[float, object]:
    seconds = []
    result: object = None
    for _ in range(runs):
        began = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--candidates", type=int, default=20)
    parser.add_argument("--seats", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stvpoll", action="store_true", help="also time stvpoll (one run)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    election = generate(args.ballots, args.candidates, args.seats, args.seed)
    distinct = len({b.ranking for b in election.ballots})
    print(
        f"{args.ballots} ballots ({distinct} distinct), {args.candidates} candidates, "
        f"{args.seats} seats, seed {args.seed}; generated in "
        f"{time.perf_counter() - began:.1f} s; medians of {args.runs} runs\n"
    )
    print("| method | seconds | × plurality | rounds | elected | checker |")
    print("|---|---|---|---|---|---|")
    base, _ = _measure(lambda: count(election, "plurality"), args.runs)
    failed = 0
    for method in ("plurality", "scottish-stv", "meek-stv"):
        seconds, _ = _measure(lambda m=method: count(election, m), args.runs)  # type: ignore[misc]
        tally = count(election, method)
        problems = check(election, tally)
        failed += bool(problems)
        print(
            f"| {method} | {seconds:.2f} | {seconds / base:.1f} | {len(tally.rounds)} | "
            f"{', '.join(str(c + 1) for c in tally.elected)} | "
            f"{'valid' if not problems else f'{len(problems)} problems'} |"
        )
    if args.stvpoll:
        seconds, winners = _measure(lambda: _stvpoll(election), 1)
        print(
            f"| stvpoll 0.5.6 (Scottish STV, reference) | {seconds:.2f} | {seconds / base:.1f} "
            f"|  | {', '.join(str(c + 1) for c in winners)} |  |"  # type: ignore[attr-defined]
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
