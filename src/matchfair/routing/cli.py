"""The `plan-visits` command: read `matchfair-visits/1`, write `matchfair-itineraries/1`."""

from __future__ import annotations

import argparse
import json
import sys

from .baseline import plan_baseline
from .contract import VisitsError, parse_visits
from .planner import plan_visits
from .result import itineraries_to_json
from .validator import check


def main(argv: list[str] | None = None) -> int:
    """Run `plan-visits VISITS.json -o ITINERARY.json`; `argv` excludes the word "plan-visits".

    Exit status: 0 planned and valid, 1 the answer failed the validator, 2 bad input.
    """
    parser = argparse.ArgumentParser(
        prog="matchfair plan-visits",
        description="Plan a delegation's expo visits around each member's meetings.",
    )
    parser.add_argument("visits", help="a matchfair-visits/1 JSON file")
    parser.add_argument("-o", "--output", required=True, help="where to write the itineraries")
    parser.add_argument(
        "--time-limit", type=float, default=30.0, help="solver seconds (default 30)"
    )
    parser.add_argument("--seed", type=int, default=0, help="solver random seed (default 0)")
    parser.add_argument(
        "--baseline", action="store_true", help="use the greedy nearest-next baseline instead"
    )
    args = parser.parse_args(argv)
    try:
        with open(args.visits, encoding="utf-8") as handle:
            raw = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        print(f"{args.visits}: {error}", file=sys.stderr)
        return 2
    try:
        visits = parse_visits(raw)
    except VisitsError as error:
        for line in error.errors:
            print(f"{args.visits}: {line}", file=sys.stderr)
        return 2
    if args.baseline:
        itineraries = plan_baseline(visits)
    else:
        itineraries = plan_visits(visits, time_limit=args.time_limit, seed=args.seed)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(itineraries_to_json(itineraries, visits), handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    stats = itineraries.stats
    print(
        f"{stats['wishes_fitted']}/{stats['wishes']} wishes fitted, priority-weighted share "
        f"{stats['share']:.1%}, {stats['joint_visits_scheduled']} joint visits, "
        f"{stats['seconds']} s → {args.output}"
    )
    problems = check(visits, itineraries)
    for problem in problems:
        print(f"validator: {problem}", file=sys.stderr)
    return 1 if problems else 0
