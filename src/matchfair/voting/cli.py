"""The `tally` command: read `matchfair-ballots/1` JSON or a BLT file, write `matchfair-tally/1`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace

from .ballots import parse_ballots
from .blt import parse_blt
from .checker import check
from .model import METHODS, Election, VotingError
from .tally import count, tally_to_json


def read_election(path: str) -> Election:
    """The election in `path`: JSON when it starts with `{`, else BLT. `VotingError` if bad."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise VotingError([str(error)]) from error
    if text.lstrip().startswith("{"):
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as error:
            raise VotingError([f"line {error.lineno}: not JSON: {error.msg}"]) from error
        return parse_ballots(raw)
    return parse_blt(text)


def main(argv: list[str] | None = None) -> int:
    """Run `tally FILE --method METHOD [--seats N] [--seed S] [-o RESULT.json]`.

    Exit status: 0 counted and checked, 1 the tally failed the checker, 2 bad input.
    """
    parser = argparse.ArgumentParser(
        prog="matchfair tally",
        description="Count ballots (matchfair-ballots/1 JSON or BLT) and print the rounds.",
    )
    parser.add_argument("ballots", help="a matchfair-ballots/1 JSON file or a BLT file")
    parser.add_argument("--method", required=True, choices=METHODS)
    parser.add_argument("--seats", type=int, help="seats to fill (default: the file's)")
    parser.add_argument("--seed", type=int, help="seed of the lots (default: the file's, or 0)")
    parser.add_argument("-o", "--output", help="where to write the tally JSON (default: stdout)")
    args = parser.parse_args(argv)
    try:
        election = read_election(args.ballots)
        if args.seats is not None:
            election = replace(election, seats=args.seats)
        if args.seed is not None:
            election = replace(election, seed=args.seed)
        tally = count(election, args.method)
    except VotingError as error:
        for line in error.errors:
            print(f"{args.ballots}: {line}", file=sys.stderr)
        return 2
    text = json.dumps(tally_to_json(tally, election), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
        names = ", ".join(election.candidates[c] for c in tally.elected)
        print(
            f"{args.method}: {len(tally.rounds)} round(s), {len(tally.ties)} tie(s); "
            f"elected {names} → {args.output}"
        )
    else:
        sys.stdout.write(text)
    problems = check(election, tally)
    for problem in problems:
        print(f"checker: {problem}", file=sys.stderr)
    return 1 if problems else 0
