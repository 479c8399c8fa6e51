"""The election record (`matchfair-election/1`) and its verification, without Django.

The record holds what an election publishes: its method, seats and seed, the candidates, the
ballot board (tracker, choices, nonce and chain link of every ballot) with its head, and the
result. `verify(record)` recomputes every tracker, the chain and its head, then counts the board
with `matchfair.voting` and compares with the published result: `matchfair verify-election`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from matchfair.voting import Ballot, Election, VotingError, count, tally_to_json

RECORD_FORMAT = "matchfair-election/1"
BOARD_FORMAT = "matchfair-board/1"


def canonical_ballot(box: str, choices: Sequence[int]) -> str:
    """The ballot as the tracker and the board's chain hash it: sorted keys, no spaces."""
    return json.dumps({"box": box, "choices": list(choices)}, sort_keys=True, separators=(",", ":"))


def tracker_of(box: str, choices: Sequence[int], nonce: str) -> str:
    return hashlib.sha256(f"{canonical_ballot(box, choices)}|{nonce}".encode()).hexdigest()


def chain_start(box: str) -> str:
    return hashlib.sha256(f"{BOARD_FORMAT}|{box}".encode()).hexdigest()


def chain_link(previous: str, box: str, tracker: str, choices: Sequence[int], nonce: str) -> str:
    line = f"{previous}|{tracker}|{canonical_ballot(box, choices)}|{nonce}"
    return hashlib.sha256(line.encode()).hexdigest()


def counted(record: dict[str, Any]) -> Election:
    """The board as the voting engine counts it: candidates in the record's order."""
    index = {c["candidacy"]: i for i, c in enumerate(record["candidates"])}
    ballots = Counter(
        tuple(index[choice] for choice in entry["choices"]) for entry in record["board"]
    )
    return Election(
        candidates=tuple(c["name"] for c in record["candidates"]),
        seats=record["seats"],
        ballots=tuple(Ballot(ranking=r, count=n) for r, n in sorted(ballots.items())),
        title=record.get("title", ""),
        seed=record["seed"],
    )


def verify(record: dict[str, Any]) -> list[str]:
    """What does not hold in `record`: each problem names the board line or the field."""
    if record.get("format") != RECORD_FORMAT:
        return [f"format: expected {RECORD_FORMAT!r}"]
    problems = []
    box = record["box"]
    link = chain_start(box)
    trackers = [entry["tracker"] for entry in record["board"]]
    if trackers != sorted(trackers):
        problems.append("board: not in tracker order")
    if record.get("ballots_cast") is not None and record["ballots_cast"] != len(trackers):
        problems.append(
            f"board: {len(trackers)} ballots, but {record['ballots_cast']} members voted"
        )
    known = {c["candidacy"] for c in record["candidates"]}
    for number, entry in enumerate(record["board"], start=1):
        where = f"board[{number}]"
        if any(choice not in known for choice in entry["choices"]):
            problems.append(f"{where}: a choice that is not a candidate")
            continue
        if tracker_of(box, entry["choices"], entry["nonce"]) != entry["tracker"]:
            problems.append(f"{where}: the tracker is not the hash of this ballot and nonce")
        link = chain_link(link, box, entry["tracker"], entry["choices"], entry["nonce"])
        if link != entry["link"]:
            problems.append(f"{where}: the chain link does not follow from the line before")
    if link != record["head"]:
        problems.append("head: the chain over the board does not end in the published head")
    if problems:
        return problems
    try:
        election = counted(record)
        recount = tally_to_json(count(election, record["method"]), election)
    except VotingError as error:
        return [f"result: cannot recount: {line}" for line in error.errors]
    if recount != record["result"]:
        problems.append("result: counting the board gives another result than the published one")
    return problems


def main(argv: list[str] | None = None) -> int:
    """`verify-election RECORD.json`: exit 0 when it verifies, 1 when not, 2 on a bad file."""
    parser = argparse.ArgumentParser(
        prog="matchfair verify-election",
        description="Recompute an election record's trackers, hash chain, head and result.",
    )
    parser.add_argument("record", help="a matchfair-election/1 JSON file")
    args = parser.parse_args(argv)
    try:
        with open(args.record, encoding="utf-8") as handle:
            record = json.load(handle)
        problems = verify(record)
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"{args.record}: cannot read the record: {error!r}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"{args.record}: {problem}", file=sys.stderr)
    if not problems:
        elected = ", ".join(e["name"] for e in record["result"]["elected"])
        print(f"verified: {len(record['board'])} ballots, head {record['head']}; elected {elected}")
    return 1 if problems else 0
