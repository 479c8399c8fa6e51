"""Command line for the engine: `matchfair schedule INSTANCE.json -o RESULT.json [options]`.

Exit codes: 0 done, 1 the result breaks a rule (with --check), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path

from .checker import check
from .contract import InstanceError, dump_result, parse_instance, parse_result
from .model import Result
from .solver import Progress, solve

# Time kept from the limit for writing the result and ending the process (freeing the
# instance and the search's indexes): measured under load average 12 with a busy process
# beside (2026-12-07, docs/benchmarks.md), 2.7 s after a 30,000-meeting solve and 7.5 s after
# a 150,000-meeting one.
OUTPUT_SHARE = 0.05
OUTPUT_SECONDS_PER_MEETING = 5e-5


def _output_seconds(time_limit: float, meetings: int) -> float:
    return OUTPUT_SHARE * time_limit + OUTPUT_SECONDS_PER_MEETING * meetings


class _Ticker:
    """Prints the latest progress once a second on stderr while the solver runs."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.latest: Progress | None = None
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def update(self, progress: Progress) -> None:
        self.latest = progress

    def _line(self) -> None:
        p = self.latest
        if p is not None:
            # The time is now, not when the best schedule so far was found: a long CP-SAT
            # phase reports nothing until it ends, and the line must still show it runs.
            # With a holes bound, the bound is a pair: no schedule has a higher priority, and
            # none of that priority has fewer holes.
            bound = f"bound {p.priority_bound}"
            if p.holes_bound is not None:
                bound += f", then at least {p.holes_bound} holes"
            print(
                f"[{time.perf_counter() - self.started:6.1f}s] {p.phase}: best so far "
                f"{p.scheduled} meetings, priority {p.priority}, {p.holes} holes ({bound})",
                file=sys.stderr,
                flush=True,
            )

    def _run(self) -> None:
        while not self.stop.wait(1.0):
            self._line()

    def __enter__(self) -> _Ticker:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.thread.join()
        self._line()


def since_start() -> float:
    """Wall seconds since this process started (Linux), imports and all; 0 where unknown.
    The time limit counts from the command, not from the solver's call."""
    try:
        fields = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start, in ticks
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    return max(0.0, uptime - started)


def _load(path: str) -> object:
    with Path(path).open(encoding="utf-8") as handle:
        return json.load(handle)


def main(argv: list[str] | None = None, *, spent: float = 0.0) -> int:
    """Run the command; `spent` is the wall time already taken from the limit before the call
    (the entry points pass `since_start()`: starting Python and importing)."""
    called = time.perf_counter()
    parser = argparse.ArgumentParser(
        prog="matchfair schedule", description="Put meetings into slots and tables."
    )
    parser.add_argument("instance", help="a matchfair-schedule/1 JSON file")
    parser.add_argument("-o", "--output", required=True, help="where to write the result JSON")
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds (default 30)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--deterministic",
        action="store_true",
        help="count the time limit as work on one CP-SAT worker: the same result for the same"
        " seed, unless the wall clock stops the search first (then it says so)",
    )
    parser.add_argument("--previous", help="an earlier result to re-plan from")
    parser.add_argument("--check", action="store_true", help="verify the result independently")
    args = parser.parse_args(argv)
    try:
        instance = parse_instance(_load(args.instance))
        previous: Result | None = None
        if args.previous:
            previous = parse_result(_load(args.previous))
    except InstanceError as error:
        for message in error.errors:
            print(f"error: {message}", file=sys.stderr)
        return 2
    except (OSError, json.JSONDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    with _Ticker() as ticker:
        result = solve(
            instance,
            time_limit=args.time_limit,
            seed=args.seed,
            workers=2,
            progress=ticker.update,
            previous=previous,
            deterministic=args.deterministic,
            # Starting Python, importing and reading the instance took part of the limit, and
            # writing the result and ending the process take some of it.
            wall_limit=max(
                0.0,
                args.time_limit
                - _output_seconds(args.time_limit, len(instance.meetings))
                - spent
                - (time.perf_counter() - called),
            ),
        )
    Path(args.output).write_text(json.dumps(dump_result(result), indent=1) + "\n", encoding="utf-8")
    stats = result.stats
    if stats.get("stopped_by_clock"):
        print(
            f"note: the wall clock stopped the deterministic search at {args.time_limit:g} s"
            " before its work was done, so this result may differ from run to run",
            file=sys.stderr,
        )
    print(
        f"scheduled {stats['scheduled']} of {len(instance.meetings)} meetings"
        f" (upper bound {stats['upper_bound']}), {stats['holes']} holes",
        file=sys.stderr,
    )
    if args.check:
        report = check(instance, result)
        for violation in report.violations:
            print(f"violation: {violation}", file=sys.stderr)
        if not report.ok:
            return 1
        print("check: every rule holds", file=sys.stderr)
    return 0
