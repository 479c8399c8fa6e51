"""Running RC2 on a weighted MaxSAT formula: restarts, budgets, and a worker process.

This module imports only the standard library and PySAT, so that `search.HoleSearch` can run
it as a script in worker processes (`python -I worker.py`) without importing the rest of
the package (OR-Tools alone takes a second to import). A worker reads two pickles from stdin,
`(seed, seconds, without, conflicts, shown)` and the formula, drops the hard clauses `without`
names (a `(start, stop)` range, or None), searches on a budget of `conflicts` (None: until done)
and writes one JSON line per event to stdout: `{"bound": n}` each time the lower bound rises,
then `{"found": {...}}`, the fields of `Found`, its model cut down to the true variables among
`shown`. The parent kills it when it no longer needs it: a process can be stopped at any
moment, where CaDiCaL inside a thread only honours a conflict budget.

The cut matters: a whole model is a literal per variable, 290 to 560 KB of JSON on the real
forums, and the parent's reader thread takes it a pipe's 64 KB at a time, each time waiting
for the interpreter lock that the LNS's SAT calls hold for up to a second. In a run with the
workers at a lower priority, a search that had proved forum-14's optimum at 14.5 s was heard
only at 22.7 s, after the LNS had found it too.
"""

from __future__ import annotations

import json
import math
import pickle
import random
import signal
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from pysat.examples.rc2 import RC2
from pysat.formula import WCNF

# The SAT solver under RC2: CaDiCaL 1.5.3. CaDiCaL 1.9.5 proved none of the six hardest real
# forums in 30 s where 1.5.3 proved two (docs/benchmarks.md).
ORACLE = "cd15"
# The first attempt's conflicts; each restart doubles the budget.
FIRST_ATTEMPT = 60_000


@dataclass
class Found:
    """What a search reached: a model (in the formula's numbering) with its cost, or none."""

    model: list[int] | None
    # The cost of the model, or the lower bound the cores proved.
    bound: int
    # The hard clauses cannot all hold.
    infeasible: bool = False
    # Conflicts the search spent, over all its attempts.
    conflicts: int = 0


class _Budgeted(RC2):  # type: ignore[misc]
    """RC2 on a budget of conflicts, counted over all its oracle calls.

    CaDiCaL honours a conflict budget: a main-loop call that runs out returns no answer, RC2
    keeps its cores, and `compute` can be called again with a larger `limit` to go on. RC2's
    core trimming runs unbudgeted (its calls are short: the core is already unsatisfiable);
    its conflicts count against the next main-loop call. `heard` hears the cost after each
    core: a lower bound on the optimum as it rises.
    """

    def __init__(
        self, formula: WCNF, heard: Callable[[int], None] | None = None, **kwargs: Any
    ) -> None:
        self.heard = heard
        super().__init__(formula, **kwargs)
        self.limit = 0

    def process_core(self) -> None:
        super().process_core()
        if self.heard is not None:
            self.heard(int(self.cost))

    def conflicts(self) -> int:
        return int(self.oracle.accum_stats().get("conflicts", 0))

    def _call_oracle(
        self, assumptions: list[int] | None = None, expect_interrupt: bool = False
    ) -> Any:
        if not expect_interrupt:
            return super()._call_oracle(assumptions=assumptions or [])
        left = self.limit - self.conflicts()
        result = None
        if left > 0:
            self.oracle.conf_budget(left)
            result = self.oracle.solve_limited(assumptions=assumptions or [])
        if result is None:
            self.interrupted = True
        return result

    def clear_interrupt(self) -> None:
        """Nothing to clear: a spent budget is not an interrupt (CaDiCaL has none)."""


def relabelled(wcnf: WCNF, seed: int) -> tuple[WCNF, list[int]]:
    """The same formula with its variables renumbered by a seeded permutation, and the map
    back. CDCL run times on these formulas are heavy-tailed and depend on the numbering (the
    initial decision order): on forumt-14crafe five numberings took 2.3 to 27.7 s. Restarting
    under another numbering cuts the tail."""
    n = wcnf.nv
    order = list(range(1, n + 1))
    if seed:
        random.Random(seed).shuffle(order)
    back = [0] * (n + 1)
    for old, new in enumerate(order, start=1):
        back[new] = old

    def rename(clause: list[int]) -> list[int]:
        return [order[lit - 1] if lit > 0 else -order[-lit - 1] for lit in clause]

    out = WCNF()
    for clause in wcnf.hard:
        out.append(rename(clause))
    for clause, weight in zip(wcnf.soft, wcnf.wght, strict=True):
        out.append(rename(clause), weight=weight)
    return out, back


def attempt(
    wcnf: WCNF, conflicts: int, heard: Callable[[int], None] | None = None
) -> tuple[list[int] | None, int, int, bool]:
    """One RC2 run on `conflicts` conflicts: (model, cost or bound, conflicts spent,
    finished); `heard` hears the bound after each core. Core minimisation is off: its many
    short calls made the run times of forumt-14crafe range from 1.5 to 30 s over numberings,
    against 1.4 to 2.7 s without. Core exhaustion is off too: its calls would run past the
    budget."""
    rc2 = _Budgeted(wcnf, heard, solver=ORACLE, adapt=True, exhaust=False, minz=False, trim=5)
    try:
        rc2.limit = conflicts
        model = rc2.compute(expect_interrupt=True)
        finished = not rc2.interrupted
        return model if finished else None, int(rc2.cost), rc2.conflicts(), finished
    finally:
        rc2.delete()


def search(
    wcnf: WCNF,
    *,
    seed: int,
    conflicts: int | None = None,
    report: Callable[[int], None] | None = None,
) -> Found:
    """RC2 with restarts: FIRST_ATTEMPT conflicts under the numbering of `seed`, then twice as
    many under the next, and so on, until it finishes or `conflicts` (None: no limit) run out.
    `report` hears the lower bound each time it rises."""
    left = conflicts
    bound = 0
    number = 0
    total = 0

    def heard(cost: int) -> None:
        nonlocal bound
        if cost > bound:
            bound = cost
            if report is not None:
                report(bound)

    while True:
        allowed = FIRST_ATTEMPT << number
        if left is not None:
            allowed = min(allowed, left)
        renamed, back = relabelled(wcnf, seed * 1009 + number)
        model, cost, spent, finished = attempt(renamed, max(1, allowed), heard)
        total += spent
        if finished and model is not None:
            plan = [back[abs(lit)] * (1 if lit > 0 else -1) for lit in model]
            return Found(plan, cost, conflicts=total)
        bound = max(bound, cost)
        if finished:
            return Found(None, bound, infeasible=True, conflicts=total)
        if left is not None:
            left -= spent
            if left <= 0:
                return Found(None, bound, conflicts=total)
        number += 1


def dropping(wcnf: WCNF, without: tuple[int, int] | None) -> WCNF:
    """`wcnf` without the hard clauses of the range `without` (None: all of them kept); the
    formula itself is changed."""
    if without is not None:
        del wcnf.hard[without[0] : without[1]]
    return wcnf


def shown_only(found: Found, shown: list[int]) -> Found:
    """`found` with its model cut down to the variables of `shown` that are true."""
    if found.model is not None:
        true = {lit for lit in found.model if lit > 0}
        found.model = [var for var in shown if var in true]
    return found


def _worker() -> None:
    seed, seconds, without, conflicts, shown = pickle.load(sys.stdin.buffer)
    wcnf = dropping(pickle.load(sys.stdin.buffer), without)
    # SIGALRM's default action ends the process even inside the SAT solver's C code: a worker
    # whose parent never stops it (the parent died) still ends.
    signal.alarm(max(1, math.ceil(seconds)))

    def say(line: dict[str, object]) -> None:
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()

    found = search(wcnf, seed=seed, conflicts=conflicts, report=lambda bound: say({"bound": bound}))
    say({"found": asdict(shown_only(found, shown))})


if __name__ == "__main__":
    _worker()
