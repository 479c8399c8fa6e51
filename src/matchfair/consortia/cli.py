"""The `build-consortium` command: read `matchfair-consortium-request/1`, write
`matchfair-consortium-proposal/1`."""

from __future__ import annotations

import argparse
import json
import sys

from .builder import build_consortium
from .checker import check
from .contract import RequestError, parse_request
from .greedy import plan_baseline
from .result import proposal_to_json, summary


def main(argv: list[str] | None = None) -> int:
    """Run `build-consortium REQUEST.json -o PROPOSAL.json`; `argv` excludes the command's name.

    Exit status: 0 a consortium, valid; 1 the proposal failed the checker; 2 bad input;
    3 no consortium meets the rules (the proposal file says which rules).
    """
    parser = argparse.ArgumentParser(
        prog="matchfair build-consortium",
        description="Propose a consortium for a funding call from candidate organisations.",
    )
    parser.add_argument("request", help="a matchfair-consortium-request/1 JSON file")
    parser.add_argument("-o", "--output", required=True, help="where to write the proposal")
    parser.add_argument(
        "--time-limit", type=float, default=10.0, help="solver seconds (default 10)"
    )
    parser.add_argument("--seed", type=int, default=0, help="solver random seed (default 0)")
    parser.add_argument("--workers", type=int, default=1, help="solver threads (default 1)")
    parser.add_argument(
        "--baseline", action="store_true", help="use the greedy baseline instead of CP-SAT"
    )
    args = parser.parse_args(argv)
    try:
        with open(args.request, encoding="utf-8") as handle:
            raw = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        print(f"{args.request}: {error}", file=sys.stderr)
        return 2
    try:
        request = parse_request(raw)
    except RequestError as error:
        for line in error.errors:
            print(f"{args.request}: {line}", file=sys.stderr)
        return 2
    if args.baseline:
        proposal = plan_baseline(request)
    else:
        proposal = build_consortium(
            request, time_limit=args.time_limit, seed=args.seed, workers=args.workers
        )
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(proposal_to_json(proposal, request), handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    print(f"{summary(proposal)} → {args.output}")
    problems = check(request, proposal)
    for problem in problems:
        print(f"checker: {problem}", file=sys.stderr)
    if problems:
        return 1
    return 0 if proposal.feasible else 3
