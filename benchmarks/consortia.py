"""Benchmark the consortium builder against the greedy baseline on generated requests.

Run: `.venv/bin/python benchmarks/consortia.py [--sizes 10 25 50 100 200] [--seeds 5]
[--time-limit 10]`. Prints Markdown tables: per generator family and size, how many requests
were feasible, proved optimal, and passed the checker; the solver's median and largest wall
time; and the greedy baseline's objective as a share of the solver's, both run in this process.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from matchfair.consortia import build_consortium, check, parse_request, plan_baseline
from matchfair.consortia.generate import delegation, scattered

FAMILIES: dict[str, Callable[[int, int], dict[str, Any]]] = {
    "scattered": lambda seed, n: scattered(seed, n),
    "scattered+tight": lambda seed, n: scattered(seed, n, tight=True),
    "scattered+cover": lambda seed, n: scattered(seed, n, cover=True),
    "delegation": delegation,
}


@dataclass(frozen=True)
class Run:
    feasible: bool
    optimal: bool
    seconds: float
    objective: int | None
    bound: int | None
    problems: int
    greedy_objective: int | None
    greedy_seconds: float
    greedy_problems: int


def _measure(doc: dict[str, Any], time_limit: float, seed: int) -> Run:
    request = parse_request(doc)
    began = time.perf_counter()
    proposal = build_consortium(request, time_limit=time_limit, seed=seed)
    seconds = time.perf_counter() - began
    began = time.perf_counter()
    baseline = plan_baseline(request)
    greedy_seconds = time.perf_counter() - began
    return Run(
        feasible=proposal.feasible,
        optimal=proposal.stats["status"] in ("OPTIMAL", "INFEASIBLE"),
        seconds=seconds,
        objective=proposal.objective.total if proposal.objective else None,
        bound=proposal.stats["bound"] if isinstance(proposal.stats.get("bound"), int) else None,
        problems=len(check(request, proposal)),
        greedy_objective=baseline.objective.total if baseline.objective else None,
        greedy_seconds=greedy_seconds,
        greedy_problems=len(check(request, baseline)),
    )


def _row(family: str, size: int, runs: list[Run]) -> str:
    feasible = [r for r in runs if r.feasible]
    both = [r for r in feasible if r.greedy_objective is not None and r.objective]
    ratios = [
        r.greedy_objective / r.objective
        for r in both
        if r.objective and r.greedy_objective is not None
    ]
    ratio = f"{statistics.median(ratios):.3f} (min {min(ratios):.3f})" if ratios else "–"
    passed = sum(r.problems == 0 for r in runs) + sum(r.greedy_problems == 0 for r in runs)
    # The largest gap between a proposal and the solver's proof of what is possible at most.
    gaps = [
        (r.bound - r.objective) / r.bound for r in feasible if r.bound and r.objective is not None
    ]
    gap = f"{max(gaps):.1%}" if gaps else "–"
    return (
        f"| {family} | {size} | {len(runs)} | {len(feasible)} | "
        f"{sum(r.optimal for r in runs)} / {len(runs)} | {gap} | "
        f"{statistics.median(r.seconds for r in runs):.3f} | {max(r.seconds for r in runs):.3f} | "
        f"{passed / (2 * len(runs)):.0%} | {len(both)} / {len(feasible)} | {ratio} | "
        f"{statistics.median(r.greedy_seconds for r in runs):.3f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 25, 50, 100, 200])
    parser.add_argument("--seeds", type=int, default=5, help="requests per family and size")
    parser.add_argument("--time-limit", type=float, default=10.0, help="solver seconds")
    parser.add_argument(
        "--quick-limit",
        type=float,
        default=1.5,
        help="solver seconds of the second table, at the largest size (default 1.5)",
    )
    args = parser.parse_args(argv)
    print(
        f"Requests: {len(FAMILIES)} generator families × sizes {args.sizes} candidates × "
        f"{args.seeds} seeds (`matchfair.consortia.generate`); solver limit {args.time_limit:g} s, "
        f"1 worker. Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"OR-Tools {version('ortools')}.\n"
    )
    print(
        "| family | candidates | requests | feasible | proved (optimal or infeasible) "
        "| max gap to bound | median s | max s | checker passed | greedy found one | greedy / solver objective, "
        "median (min) | greedy median s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    every: list[Run] = []
    table: dict[tuple[str, int], list[Run]] = {}
    for family, make in FAMILIES.items():
        for size in args.sizes:
            runs = [_measure(make(seed, size), args.time_limit, seed) for seed in range(args.seeds)]
            every += runs
            table[family, size] = runs
            print(_row(family, size, runs), flush=True)
    largest = max(args.sizes)
    print(
        f"\nAt {largest} candidates with a {args.quick_limit:g} s limit, against the "
        f"{args.time_limit:g} s runs above (same requests, same seeds):\n"
    )
    print(
        "| family | requests | valid proposals | infeasible, explained | max wall s "
        "| objective / long run's, median (min) |"
    )
    print("|---|---|---|---|---|---|")
    for family, make in FAMILIES.items():
        quick = [
            _measure(make(seed, largest), args.quick_limit, seed) for seed in range(args.seeds)
        ]
        long = table[family, largest]
        every += quick
        shares = [
            q.objective / full.objective
            for q, full in zip(quick, long, strict=True)
            if q.objective is not None and full.objective
        ]
        share = f"{statistics.median(shares):.3f} (min {min(shares):.3f})" if shares else "–"
        print(
            f"| {family} | {len(quick)} | {sum(q.feasible and q.problems == 0 for q in quick)} | "
            f"{sum(not q.feasible for q in quick)} | {max(q.seconds for q in quick):.3f} | "
            f"{share} |",
            flush=True,
        )
    failures = sum(r.problems + r.greedy_problems for r in every)
    print(f"\n{len(every)} requests, {2 * len(every)} proposals, {failures} checker failures.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
