"""Benchmark the visit planner against the greedy nearest-next baseline on the expo-sized request.

Run: `.venv/bin/python benchmarks/routing.py [--runs 3] [--time-limit 60] [--seed 0]`.
Prints a Markdown table: medians over the runs, both methods measured in the same process.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from typing import cast

from matchfair.routing import check, parse_visits, plan_baseline, plan_visits
from matchfair.routing.generate import generate
from matchfair.routing.model import Itineraries, Visits


@dataclass(frozen=True)
class Run:
    seconds: float
    share: float
    fitted: int
    joint: int
    walking: int
    problems: int


def _measure(visits: Visits, method: str, time_limit: float, seed: int) -> Run:
    began = time.perf_counter()
    itineraries: Itineraries
    if method == "planner":
        itineraries = plan_visits(visits, time_limit=time_limit, seed=seed)
    else:
        itineraries = plan_baseline(visits)
    seconds = time.perf_counter() - began
    stats = itineraries.stats
    return Run(
        seconds,
        cast(float, stats["share"]),
        cast(int, stats["wishes_fitted"]),
        cast(int, stats["joint_visits_scheduled"]),
        cast(int, stats["walking_minutes"]),
        len(check(visits, itineraries)),
    )


def _row(name: str, runs: list[Run], wishes: int, joint: int) -> str:
    shares = [r.share for r in runs]
    problems = sum(r.problems for r in runs)
    verdict = "valid" if problems == 0 else f"{problems} problems"
    return (
        f"| {name} | {len(runs)} | {statistics.median(r.seconds for r in runs):.2f} | "
        f"{statistics.median(shares):.1%} ({min(shares):.1%}–{max(shares):.1%}) | "
        f"{statistics.median(r.fitted for r in runs):.0f} / {wishes} | "
        f"{statistics.median(r.joint for r in runs):.0f} / {joint} | "
        f"{statistics.median(r.walking for r in runs):.0f} | {verdict} (all runs) |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of each method (default 3)")
    parser.add_argument(
        "--time-limit",
        type=float,
        nargs="+",
        default=[60.0],
        help="planner seconds per run; several give one row each (default 60)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated request")
    parser.add_argument("--members", type=int, default=30)
    parser.add_argument("--wishes", type=int, default=40)
    parser.add_argument("--days", type=int, default=3)
    args = parser.parse_args(argv)

    visits = parse_visits(
        generate(args.seed, members=args.members, wishes=args.wishes, days=args.days)
    )
    wishes = sum(len(m.wishes) for m in visits.members)
    meetings = sum(len(m.commitments) for m in visits.members)
    planner = {
        limit: [_measure(visits, "planner", limit, run) for run in range(args.runs)]
        for limit in args.time_limit
    }
    greedy = [_measure(visits, "baseline", 0.0, run) for run in range(args.runs)]

    print(
        f"Request: `generate(seed={args.seed})`: {len(visits.members)} members × "
        f"{args.wishes} wished stops × {len(visits.days)} days, {len(visits.stops)} stops, "
        f"{meetings} meetings and commitments, {len(visits.joint_visits)} joint visits.  "
    )
    print(
        f"Machine: {os.cpu_count()} cores shared with other jobs (figures are noisy), "
        f"{platform.machine()}, Python {platform.python_version()}, OR-Tools {version('ortools')}; "
        f"solver seeds 0–{args.runs - 1}.\n"
    )
    print(
        "| method | runs | median s | priority-weighted share fitted (min–max) | wishes fitted "
        "| joint visits | walking min | validator |"
    )
    print("|---|---|---|---|---|---|---|---|")
    joint = len(visits.joint_visits)
    for limit, runs in planner.items():
        print(_row(f"planner, CP-SAT + routing, limit {limit:g} s", runs, wishes, joint))
    print(_row("greedy nearest-next baseline", greedy, wishes, joint))
    every = [r for runs in planner.values() for r in runs] + greedy
    return 0 if all(r.problems == 0 for r in every) else 1


if __name__ == "__main__":
    sys.exit(main())
