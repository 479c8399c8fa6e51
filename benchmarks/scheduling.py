"""Benchmark of the scheduling engine against the first-come-first-served baseline.

Runs the real B2B forums (read from ../shared/data/b2b-forums at run time) and generated
families, one subprocess each so peak memory is measured per family, and prints a Markdown table.

    python benchmarks/scheduling.py --families forums,small-forum,brokerage-day --time-limit 30

The oversubscribed family (`--families over`, generate.OVERSUBSCRIBED) measures objective (1)
against a plain CP-SAT model of it alone, solved in the same run on the same time limit. The
wall family (`--families wall`) runs `matchfair schedule` on the generated sizes and records
its wall time against the limit. `--busy` keeps a CPU-bound process spinning beside each run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FORUMS = Path(os.environ.get("MATCHFAIR_FORUMS", ROOT.parent / "shared" / "data" / "b2b-forums"))
GENERATED = ["small-forum", "brokerage-day", "large-fair", "expo"]
QUICK = ["forums:tic-12", "forums:forumt-14", "small-forum"]
# Sizes of the wall family, each run through the command line in its default mode.
WALL = ["small-forum", "brokerage-day", "large-fair", "expo"]


def published_optima() -> dict[str, int]:
    """Instance name -> published optimal holes, from the forum README's table."""
    table: dict[str, int] = {}
    readme = FORUMS / "README.md"
    if not readme.exists():
        return table
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and re.fullmatch(r"\d+", cells[5]):
            table[cells[0]] = int(cells[5])
    return table


def run_one(name: str, time_limit: float, seed: int, replan: bool) -> dict[str, object]:
    """Measure one instance in this process (called in a child process)."""
    sys.path.insert(0, str(ROOT / "src"))
    if name.startswith("over:"):
        return run_oversubscribed(name.split(":", 1)[1], time_limit, seed)
    if name.startswith("wall:"):
        return run_wall(name.split(":", 1)[1], time_limit, seed)
    from matchfair.scheduling import (
        check,
        first_come_first_served,
        parse_instance,
        solve,
        upper_bounds,
    )
    from matchfair.scheduling.generate import generate

    if name.startswith("forums:"):
        path = FORUMS / f"{name.split(':', 1)[1]}.json"
        instance = parse_instance(json.loads(path.read_text(encoding="utf-8")))
    else:
        instance = generate(name, seed=seed)
    bounds = upper_bounds(instance)
    row: dict[str, object] = {
        "name": name,
        "participants": len(instance.participants),
        "meetings": len(instance.meetings),
        "bound": bounds.meetings,
        "priority_bound": bounds.priority,
    }
    started = time.perf_counter()
    baseline = first_come_first_served(instance)
    baseline_report = check(instance, baseline)
    row["fcfs"] = dict(baseline_report.metrics)
    row["fcfs_violations"] = len(baseline_report.violations)
    row["fcfs"]["seconds"] = round(time.perf_counter() - started, 2)  # type: ignore[index]
    result = solve(instance, time_limit=time_limit, seed=seed)
    report = check(instance, result)
    row["solver"] = dict(report.metrics)
    row["violations"] = len(report.violations)
    row["stats"] = {
        k: v for k, v in result.stats.items() if isinstance(v, int | float | str | bool)
    }
    if replan:
        row["replan"] = _replan(instance, result, seed)
    # The solving process plus, counted twice (two run at once), the largest MaxSAT worker
    # process it started, if any.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    row["peak_mb"] = round((own + 2 * workers) / 1024)
    return row


def plain_priority(instance: Any, time_limit: float, seed: int) -> dict[str, object]:
    """The plain CP-SAT model of objective (1) alone, written here apart from the engine: a
    Boolean per meeting and allowed slot, at most one slot per meeting, one meeting per
    participant and slot, the general tables per slot. Availability is in the allowed slots."""
    from ortools.sat.python import cp_model

    if instance.booth_tables or instance.travel_minutes:
        raise ValueError("the plain model knows general tables only, without walking times")
    started = time.perf_counter()
    model = cp_model.CpModel()
    terms = []
    per_person_slot: dict[tuple[str, str], list[Any]] = defaultdict(list)
    per_slot: dict[str, list[Any]] = defaultdict(list)
    for m in instance.meetings:
        mine = []
        for slot in sorted(instance.allowed_slots(m)):
            x = model.new_bool_var(f"{m.id}@{slot}")
            mine.append(x)
            per_slot[slot].append(x)
            for pid in m.participants:
                per_person_slot[(pid, slot)].append(x)
            terms.append(m.priority * x)
        model.add_at_most_one(mine)
    for xs in per_person_slot.values():
        model.add_at_most_one(xs)
    for xs in per_slot.values():
        model.add(sum(xs) <= len(instance.tables))
    model.maximize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return {
        "priority": round(solver.objective_value) if found else None,
        "bound": round(solver.best_objective_bound),
        "proved": status == cp_model.OPTIMAL,
        "seconds": round(time.perf_counter() - started, 2),
    }


def run_oversubscribed(name: str, time_limit: float, seed: int) -> dict[str, object]:
    """The engine (wall clock, its default) and the plain model on one oversubscribed event."""
    from matchfair.scheduling import check, solve
    from matchfair.scheduling.generate import oversubscribed

    instance = oversubscribed(name, seed=seed)
    started = time.perf_counter()
    result = solve(instance, time_limit=time_limit, seed=seed)
    seconds = time.perf_counter() - started
    stats = result.stats
    return {
        "name": f"over:{name}",
        "participants": len(instance.participants),
        "meetings": len(instance.meetings),
        "slots": len(instance.slots),
        "tables": len(instance.tables),
        "priority": stats["priority_scheduled"],
        "priority_bound": stats["priority_upper_bound"],
        "priority_proved": stats.get("priority_proved_optimal", False),
        "holes": stats["holes"],
        "seconds": round(seconds, 2),
        "violations": len(check(instance, result).violations),
        "plain": plain_priority(instance, time_limit, seed),
    }


def run_wall(name: str, time_limit: float, seed: int) -> dict[str, object]:
    """`matchfair schedule` on a generated size in its default mode: the wall time of the
    whole command (start, parsing and writing included) against the limit."""
    import tempfile

    from matchfair.scheduling import dump_instance
    from matchfair.scheduling.generate import generate

    instance = generate(name, seed=seed)
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "instance.json", Path(folder) / "result.json"
        source.write_text(json.dumps(dump_instance(instance)), encoding="utf-8")
        command = [sys.executable, "-m", "matchfair.scheduling", str(source), "-o", str(target)]
        command += ["--time-limit", str(time_limit), "--seed", str(seed)]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip().splitlines()[-1])
        stats = json.loads(target.read_text(encoding="utf-8"))["stats"]
    return {
        "name": f"wall:{name}",
        "participants": len(instance.participants),
        "meetings": len(instance.meetings),
        "seconds": round(seconds, 2),
        "allowed": round(time_limit + max(0.05 * time_limit, 2.0), 2),
        "first": stats["seconds_to_first"],
        "engine_seconds": stats["seconds"],
        "stopped_by_clock": stats.get("stopped_by_clock", False),
    }


def _spin(stop: Any) -> None:
    """A CPU-bound loop until `stop` is set: the other session on a shared machine."""
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def _replan(instance: object, result: object, seed: int) -> dict[str, object]:
    """5% no-shows and 2% late requests after the first session, then a 5-second re-plan."""
    import random
    from dataclasses import replace

    from matchfair.scheduling import Instance, Lock, Meeting, Result, check, replan

    assert isinstance(instance, Instance) and isinstance(result, Result)
    rng = random.Random(seed)
    first_session = instance.slots[0].session
    held = {a.meeting: a for a in result.assignments}
    gone = {p.id for p in instance.participants if rng.random() < 0.05}
    meetings: list[Meeting] = []
    for m in instance.meetings:
        a = held.get(m.id)
        if a is not None and instance.slot_by_id[a.slot].session == first_session:
            meetings.append(replace(m, locked=Lock(a.slot, a.table)))
        elif not gone.intersection(m.participants):
            meetings.append(m)
    ids = [p.id for p in instance.participants if p.id not in gone]
    for k in range(int(0.02 * len(instance.meetings))):
        pair = tuple(rng.sample(ids, 2))
        meetings.append(Meeting(f"late{k}", pair, 1))
    changed = replace(instance, meetings=tuple(meetings))
    kept_ids = {m.id for m in meetings}
    affected = {m.id for m in instance.meetings if gone.intersection(m.participants)}
    started = time.perf_counter()
    after = replan(changed, result, time_limit=5.0, seed=seed)
    seconds = time.perf_counter() - started
    moved = [mid for mid in after.stats.get("moved", []) if mid not in affected]  # type: ignore[attr-defined]
    unaffected = len([a for a in result.assignments if a.meeting in kept_ids])
    return {
        "seconds": round(seconds, 2),
        "moved_unaffected_share": len(moved) / max(1, unaffected),
        "violations": len(check(changed, after).violations),
    }


def _child(name: str, args: argparse.Namespace) -> dict[str, object]:
    command = [
        sys.executable,
        __file__,
        "--one",
        name,
        "--time-limit",
        str(args.time_limit),
        "--seed",
        str(args.seed),
    ]
    if args.replan:
        command.append("--replan")
    busy = None
    if args.busy:
        import multiprocessing

        stop = multiprocessing.Event()
        busy = multiprocessing.Process(target=_spin, args=(stop,), daemon=True)
        busy.start()
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        if busy is not None:
            stop.set()
            busy.join()
    if done.returncode != 0:
        return {"name": name, "error": done.stderr.strip().splitlines()[-1:]}
    parsed: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed


def _pct(value: float) -> str:
    return f"{100 * value:.2f}%"


def over_table(rows: list[dict[str, Any]]) -> str:
    """Objective (1) on the oversubscribed family: the engine against the plain model."""
    lines = [
        "| instance | participants / meetings / slots / tables | engine priority | engine bound"
        " | engine proved | holes | plain priority | plain bound | plain proved"
        " | engine / plain best | engine s | plain s | violations |",
        "|" + "---|" * 13,
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['name']} | error: {r['error']} |" + " |" * 11)
            continue
        plain = r["plain"]
        best = max(r["priority"], plain["priority"] or 0)
        lines.append(
            f"| {r['name'].removeprefix('over:')}"
            f" | {r['participants']} / {r['meetings']} / {r['slots']} / {r['tables']}"
            f" | {r['priority']} | {r['priority_bound']} | {'yes' if r['priority_proved'] else 'no'}"
            f" | {r['holes']} | {plain['priority']} | {plain['bound']}"
            f" | {'yes' if plain['proved'] else 'no'} | {_pct(r['priority'] / max(1, best))}"
            f" | {r['seconds']} | {plain['seconds']} | {r['violations']} |"
        )
    return "\n".join(lines)


def wall_table(rows: list[dict[str, Any]]) -> str:
    """`matchfair schedule` wall times against the limit plus max(5 %, 2 s)."""
    lines = [
        "| instance | participants / meetings | wall s | allowed s | first schedule s"
        " | engine s | within |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['name']} | error: {r['error']} |" + " |" * 5)
            continue
        lines.append(
            f"| {r['name'].removeprefix('wall:')} | {r['participants']} / {r['meetings']}"
            f" | {r['seconds']} | {r['allowed']} | {r['first']} | {r['engine_seconds']}"
            f" | {'yes' if r['seconds'] <= r['allowed'] else 'NO'} |"
        )
    return "\n".join(lines)


def table(rows: list[dict[str, object]], optima: dict[str, int]) -> str:
    head = (
        "| instance | method | scheduled / bound | priority share | holes/participant | max holes"
        " | no holes | max lost share | first s | best s | peak MB | holes (published)"
        " | checker violations |"
    )
    lines = [head, "|" + "---|" * 13]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['name']} | error: {row['error']} |" + " |" * 11)
            continue
        for method in ("solver", "fcfs"):
            m = row[method]
            assert isinstance(m, dict)
            stats = row["stats"] if method == "solver" else {}
            assert isinstance(stats, dict)
            short = str(row["name"]).removeprefix("forums:")
            holes = ""
            if str(row["name"]).startswith("forums:"):
                all_in = "all" if m["unscheduled"] == 0 else f"{m['unscheduled']} unscheduled"
                holes = f"{m['holes']} ({optima.get(short, '?')}), {all_in}"
            first = stats.get("seconds_to_first", m.get("seconds", ""))
            best = stats.get("seconds_to_best", "")
            bound = max(1, int(row["bound"]))  # type: ignore[call-overload]
            pbound = max(1, int(row["priority_bound"]))  # type: ignore[call-overload]
            lines.append(
                f"| {short} | {'matchfair' if method == 'solver' else 'FCFS'}"
                f" | {_pct(m['scheduled'] / bound)} | {_pct(m['priority_scheduled'] / pbound)}"
                f" | {m['holes_per_participant']:.3f} | {m['max_holes']}"
                f" | {_pct(m['no_holes_share'])} | {m['max_unscheduled_share']:.2f}"
                f" | {first} | {best} | {row['peak_mb'] if method == 'solver' else ''}"
                f" | {holes} | {row['violations' if method == 'solver' else 'fcfs_violations']} |"
            )
    replans = [r for r in rows if "replan" in r]
    if replans:
        lines += ["", "| instance | re-plan seconds | unaffected meetings moved | violations |"]
        lines.append("|---|---|---|---|")
        for r in replans:
            rp = r["replan"]
            assert isinstance(rp, dict)
            lines.append(
                f"| {r['name']} | {rp['seconds']} | {_pct(rp['moved_unaffected_share'])}"
                f" | {rp['violations']} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--families",
        default="forums,small-forum,brokerage-day",
        help="comma list: forums, forums:NAME, over (oversubscribed), over:NAME, wall,"
        " wall:NAME, or generated names with +variants"
        f" ({', '.join(GENERATED)}; variants +popular +booths +groups +travel +tight"
        " +unavailable)",
    )
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}, 5 s")
    parser.add_argument("--replan", action="store_true", help="also measure a re-plan")
    parser.add_argument(
        "--busy", action="store_true", help="keep a CPU-bound process spinning beside each run"
    )
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.time_limit, args.seed, args.replan)))
        return 0
    names: list[str] = []
    families = QUICK if args.quick else args.families.split(",")
    if args.quick:
        args.time_limit = min(args.time_limit, 5.0)
    for family in families:
        if family == "forums":
            if not FORUMS.is_dir():
                print(f"skipping forums: {FORUMS} not found", file=sys.stderr)
                continue
            names += [f"forums:{p.stem}" for p in sorted(FORUMS.glob("*.json"))]
        elif family == "over":
            sys.path.insert(0, str(ROOT / "src"))
            from matchfair.scheduling.generate import OVERSUBSCRIBED

            names += [f"over:{name}" for name in OVERSUBSCRIBED]
        elif family == "wall":
            names += [f"wall:{name}" for name in WALL]
        else:
            names.append(family)
    rows: list[dict[str, object]] = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.append(_child(name, args))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"2 cores machine: {os.cpu_count()} CPUs seen; time limit {args.time_limit} s;"
        f" {'a busy process beside each run; ' if args.busy else ''}load average {load}"
    )
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[str(row["name"]).split(":", 1)[0]].append(row)
    for prefix, group in groups.items():
        print()
        if prefix == "over":
            print(over_table(group))
        elif prefix == "wall":
            print(wall_table(group))
    rest = [r for p, g in groups.items() if p not in ("over", "wall") for r in g]
    if rest:
        print()
        print(table(rest, published_optima()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
