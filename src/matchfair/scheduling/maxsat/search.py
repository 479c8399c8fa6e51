"""Fewest holes with every meeting held, as weighted MaxSAT solved by PySAT's RC2.

The whole instance becomes clauses: one literal per meeting, slot and table pool; each meeting held
exactly once; nobody in two meetings of a slot; pool capacity; walking time; and per
participant and session the monotone chains of "met already" and "meets later", so that a hole
is a free slot right after a busy one while a later meeting exists. Each possible hole start is
a soft clause of weight one, so the optimum is the fewest holes.

RC2 is core-guided: it raises a lower bound, one unsatisfiable core at a time, until a schedule
reaches it. Real forums need only a handful of holes, so few cores are needed, and a dedicated
CDCL solver finds the near hole-free schedules that CP-SAT's search misses (measured on the 20
real forums: docs/benchmarks.md). A schedule it returns is optimal; when the time runs out it
returns nothing but its bound.

Implied clauses make propagation strong: a participant is busy in exactly as many slots as it has
meetings; the people busy in a slot fit at its tables; and, with one session, an agenda without
a hole is one of its feasible intervals, whose partners' intervals must overlap it where the
meeting may take place.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pysat.card import CardEnc, EncType
from pysat.formula import WCNF, IDPool

from ..placement import Layout, Positions, iter_bits
from . import worker

# Conflicts taken for one second of work: the budget of each search of a deterministic run
# (measured on the real forums: 3,700 to 7,800 a second per process on 2 cores; about the
# middle, so that a deterministic time limit lasts about as long as one on the wall clock).
CONFLICTS_PER_SECOND = 5_000
# Above this many meeting × slot × table-pool literals the encoding is not built.
MAX_LITERALS = 40_000
# Searches of a deterministic run, whatever the machine: a result must not depend on its cores.
DETERMINISTIC_SEARCHES = 2
# How much higher the worker processes' niceness is than this process's: a lower CPU
# scheduling priority. The LNS runs here beside them (fewest_holes.py), three searches on two
# cores: at equal priority each had two thirds of a core, and on ticf-13crafb and
# forum-13crafb the LNS reached the optimum in 2 of 6 and 2 of 4 runs at 30 s; with the
# workers at 5 in 6 of 6 and 3 of 4, while the forums RC2 proves took 10-19 s instead of
# 8-13 s (docs/benchmarks.md). By the kernel's weights 3 and more leave the LNS its whole
# core; 5 leaves room for other load. Alone, as in their first 1.5 s, the workers lose
# nothing by it.
WORKER_NICENESS = 5


@dataclass(slots=True)
class Outcome:
    """What the MaxSAT search ended with: an optimal plan, or only a lower bound on holes."""

    plan: Positions | None
    holes_lower_bound: int
    # The hard clauses cannot all hold: not every meeting can be held.
    infeasible: bool = False
    seconds: float = 0.0
    # Conflicts the search that ended it spent (0 where unknown).
    conflicts: int = 0


class Encoding:
    """Clauses of one instance, with every meeting held."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.pool = IDPool()
        self.wcnf = WCNF()
        self.x: dict[tuple[int, int, int], int] = {}
        self.busy: dict[tuple[int, int], int] = {}
        self.hole_starts: list[int] = []
        # The hard clauses of the implied seats rule, as a range: a worker may search without.
        self.seats = (0, 0)
        # Each participant's meetings that can take place.
        self.mine: list[list[int]] = [[] for _ in layout.by_person]
        self._meetings()
        self._people()
        self._pools()
        if layout.travel_pairs:
            self._travel()
        if layout.n_sessions == 1:
            self._intervals()

    def var(self, *key: object) -> int:
        return int(self.pool.id(key))

    def hard(self, clause: Iterable[int]) -> None:
        self.wcnf.append(list(clause))

    def never(self, *key: object) -> None:
        """A contradiction: not every meeting can be held."""
        lit = self.var("never", *key)
        self.hard([lit])
        self.hard([-lit])

    def card(self, lits: list[int], bound: int, *, equals: bool = False) -> None:
        if not equals and len(lits) <= bound:
            return
        if equals and bound > len(lits):
            self.never("count", *lits)
            return
        if bound == 1 and not equals:
            encoding = EncType.pairwise if len(lits) <= 6 else EncType.seqcounter
        elif equals:
            encoding = EncType.seqcounter
        else:
            encoding = EncType.kmtotalizer
        make = CardEnc.equals if equals else CardEnc.atmost
        for clause in make(lits, bound, vpool=self.pool, encoding=encoding).clauses:
            self.hard(clause)

    def _meetings(self) -> None:
        """Every meeting that can take place at all is held exactly once."""
        lay = self.layout
        for mi in range(len(lay.meetings)):
            lits = []
            for s in iter_bits(lay.allowed[mi]):
                for v in lay.meeting_pools[mi]:
                    if lay.capacity[v] > 0:
                        lits.append(self.x.setdefault((mi, s, v), self.var("x", mi, s, v)))
            if lits:
                self.hard(lits)
                self.card(lits, 1)
                for p in lay.members[mi]:
                    self.mine[p].append(mi)

    def _people(self) -> None:
        lay = self.layout
        at: dict[tuple[int, int], list[int]] = defaultdict(list)
        for (mi, s, _), lit in self.x.items():
            for p in lay.members[mi]:
                at[(p, s)].append(lit)
        for p, mine in enumerate(self.mine):
            if not mine:
                continue
            if len(mine) > lay.max_meetings[p]:
                self.never("max", p)
            row = []
            for s in range(lay.n_slots):
                lits = at.get((p, s), [])
                b = self.var("busy", p, s)
                self.busy[(p, s)] = b
                row.append(b)
                self.hard([-b, *lits])
                for lit in lits:
                    self.hard([-lit, b])
                self.card(lits, 1)
            self.card(row, len(mine), equals=True)
            for sess_mask in lay.session_mask:
                self._holes(p, iter_bits(sess_mask))

    def _holes(self, p: int, slots: list[int]) -> None:
        """`met` is true from p's first meeting of the session on, `later` up to its last; a
        hole starts at a free slot after a busy one while `later` holds (soft: not so)."""
        met = [self.var("met", p, s) for s in slots]
        later = [self.var("later", p, s) for s in slots]
        busy = [self.busy[(p, s)] for s in slots]
        n = len(slots)
        for i in range(n):
            self.hard([-busy[i], met[i]])
            self.hard([-busy[i], later[i]])
            if i == 0:
                self.hard([-met[0], busy[0]])
            else:
                self.hard([-met[i - 1], met[i]])
                self.hard([met[i - 1], busy[i], -met[i]])
            if i == n - 1:
                self.hard([-later[i], busy[i]])
            else:
                self.hard([-later[i + 1], later[i]])
                self.hard([later[i + 1], busy[i], -later[i]])
        for i in range(1, n):
            hole = self.var("hole", p, slots[i])
            self.hard([hole, -busy[i - 1], busy[i], -later[i]])
            self.wcnf.append([-hole], weight=1)
            self.hole_starts.append(hole)

    def _pools(self) -> None:
        """Table pool capacity per slot, and the implied seats rule: the people busy in a slot fit
        at its tables (as in cpsat._add_seats)."""
        lay = self.layout
        per_pool: dict[tuple[int, int], list[int]] = defaultdict(list)
        seats: dict[int, dict[int, int]] = defaultdict(dict)
        for (mi, s, v), lit in self.x.items():
            per_pool[(v, s)].append(lit)
            seats[s][v] = max(seats[s].get(v, 0), len(lay.members[mi]))
        for (v, _), lits in per_pool.items():
            self.card(lits, lay.capacity[v])
        people: dict[int, list[int]] = defaultdict(list)
        for (_, s), b in self.busy.items():
            people[s].append(b)
        first = len(self.wcnf.hard)
        for s, lits in people.items():
            room = sum(lay.capacity[v] * size for v, size in seats[s].items())
            self.card(lits, room)
        self.seats = (first, len(self.wcnf.hard))

    def _travel(self) -> None:
        """Two meetings of a participant too close for the walk between their table pools exclude
        each other (every pair on a day, as in cpsat.add_travel)."""
        lay = self.layout
        spots: dict[int, dict[tuple[int, int], list[int]]] = defaultdict(lambda: defaultdict(list))
        for (mi, s, v), lit in self.x.items():
            for p in lay.members[mi]:
                spots[p][(s, v)].append(lit)
        for p, where in spots.items():
            keys = sorted(where)
            here = {}
            for key in keys:
                lits = where[key]
                if len(lits) == 1:
                    here[key] = lits[0]
                    continue
                lit = here[key] = self.var("at", p, *key)
                self.hard([-lit, *lits])
                for one in lits:
                    self.hard([-one, lit])
            for i, (s1, v1) in enumerate(keys):
                for s2, v2 in keys[i + 1 :]:
                    if s1 != s2 and not lay.walk_ok(s1, v1, s2, v2):
                        self.hard([-here[(s1, v1)], -here[(s2, v2)]])

    def _intervals(self) -> None:
        """With one session, an agenda without holes is one feasible interval of slots (its
        start decides it, the length is the number of meetings). A Boolean per interval, one
        of them true unless the agenda has a hole; and each meeting's partners must have
        intervals that overlap where it may take place."""
        lay = self.layout
        n_slots = lay.n_slots
        starts: dict[int, dict[int, int]] = {}
        for p, mine in enumerate(self.mine):
            if not mine:
                continue
            n = len(mine)
            holed = self.var("holed", p)
            holes = [self.var("hole", p, s) for s in range(1, n_slots)]
            self.hard([-holed, *holes])
            for h in holes:
                self.hard([-h, holed])
            chosen: dict[int, int] = {}
            for a in range(n_slots - n + 1):
                window = ((1 << n) - 1) << a
                if lay.available[p] & window != window:
                    continue
                if not all(lay.allowed[mi] & window for mi in mine):
                    continue
                y = chosen[a] = self.var("interval", p, a)
                for s in range(n_slots):
                    self.hard([-y, self.busy[(p, s)] if window >> s & 1 else -self.busy[(p, s)]])
            options = [*chosen.values(), holed]
            self.hard(options)
            self.card(options, 1)
            starts[p] = chosen
        held = {mi for mine in self.mine for mi in mine}
        for mi, people in enumerate(lay.members):
            if mi not in held:
                continue
            for p in people:
                n_p = len(self.mine[p])
                for q in people:
                    if q == p:
                        continue
                    n_q = len(self.mine[q])
                    for a, y in starts[p].items():
                        inside = lay.allowed[mi] & (((1 << n_p) - 1) << a)
                        fits = [z for b, z in starts[q].items() if inside & (((1 << n_q) - 1) << b)]
                        self.hard([-y, self.var("holed", q), *fits])

    def plan(self, model: Iterable[int]) -> Positions:
        true = {lit for lit in model if lit > 0}
        return {mi: (s, v) for (mi, s, v), lit in self.x.items() if lit in true}


class HoleSearch:
    """The MaxSAT search for the fewest holes with every meeting held.

    `run` searches in place on a budget of conflicts. `start` runs searches under different
    variable numberings in worker processes (worker.py), one per core, and `stop` kills
    them: a process can be stopped at any moment, where CaDiCaL in a thread only honours a
    conflict budget, so the wall clock is kept however the conflict rate varies.

    On the wall clock the first search to finish wins. Given a budget of conflicts instead
    (a deterministic run), each search has the whole budget and the first in their order that
    finishes within it wins: the answer does not depend on which process ran faster, at the
    price of waiting for the searches before the winner to finish or spend their budget.
    (Reporting conflicts as they go, to pick the one finishing with the fewest, needs the
    solver stopped every few thousand conflicts, which doubled the conflicts to the optimum
    on forum-14 and ticf-13crafc.)

    Every second worker searches without the implied seats rule. The rule follows from the
    others, so both formulas have the same schedules and the same optimum, but the searches
    differ: on the real forums the rule makes forum-14 and ticf-14crafa fast (10–12 s, more
    than 60 s without) and ticf-13crafc slow (31–33 s, 5–9 s without); docs/benchmarks.md.
    """

    def __init__(self, layout: Layout) -> None:
        started = time.perf_counter()
        self.encoding = Encoding(layout)
        self.build_seconds = time.perf_counter() - started
        self.outcome: Outcome | None = None
        # The best lower bound the workers reported.
        self.bound = 0
        self._started = 0.0
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._processes: list[subprocess.Popen[bytes]] = []
        self._readers: list[threading.Thread] = []
        # How each search ended (None: still going), and its budget of conflicts.
        self._budget: int | None = None
        self._ended: list[worker.Found | None] = []

    def run(
        self,
        *,
        conflicts: int | None = None,
        seed: int = 0,
        report: Callable[[int], None] | None = None,
    ) -> Outcome:
        """Search in place until done or until `conflicts` (None: no limit) run out; `report`
        hears the lower bound each time it rises."""
        started = time.perf_counter()
        found = worker.search(self.encoding.wcnf, seed=seed, conflicts=conflicts, report=report)
        return self._outcome(found, time.perf_counter() - started)

    def _outcome(self, found: worker.Found, seconds: float) -> Outcome:
        plan = None if found.model is None else self.encoding.plan(found.model)
        return Outcome(
            plan,
            found.bound,
            infeasible=found.infeasible,
            seconds=seconds,
            conflicts=found.conflicts,
        )

    def start(
        self, seconds: float, *, seed: int = 0, processes: int = 1, conflicts: int | None = None
    ) -> None:
        """Start `processes` searches with different numberings, each on `conflicts` (None: the
        wall clock); each ends by itself after `seconds` and a little more should nobody stop
        it (its parent died, say)."""
        self._started = time.perf_counter()
        self._budget = conflicts
        self._ended = [None] * processes
        script = Path(worker.__file__)
        formula = pickle.dumps(self.encoding.wcnf)  # once, for every worker
        shown = sorted(self.encoding.x.values())  # what `plan` reads of a model
        for k in range(processes):
            without = self._without(k)
            try:
                process = subprocess.Popen(
                    [sys.executable, "-I", str(script)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
                self._processes.append(process)
                _lower_priority(process.pid)
                assert process.stdin is not None
                job = (seed * processes + k, seconds + 5, without, conflicts, shown)
                process.stdin.write(pickle.dumps(job))
                process.stdin.write(formula)
                process.stdin.close()
            except OSError:
                # No worker process here: the searches one after the other in place, each on
                # a budget, the first in order that finishes winning; with `conflicts`, the
                # very answer the worker processes give.
                for started in self._processes:
                    started.kill()
                budget = int(seconds * CONFLICTS_PER_SECOND) if conflicts is None else conflicts
                outcome = self._in_turn(budget, seed, processes)
                with self._lock:
                    self.outcome = outcome
                self._done.set()
                return
            reader = threading.Thread(target=self._read, args=(process, k), daemon=True)
            self._readers.append(reader)
            reader.start()

    def _without(self, k: int) -> tuple[int, int] | None:
        """The hard clauses search `k` goes without: every second one drops the seats rule
        (see the class docstring)."""
        return self.encoding.seats if k % 2 else None

    def _in_turn(self, budget: int, seed: int, processes: int) -> Outcome:
        started = time.perf_counter()
        bound = 0
        for k in range(processes):
            formula = worker.dropping(self.encoding.wcnf.copy(), self._without(k))
            found = worker.search(formula, seed=seed * processes + k, conflicts=budget)
            if found.model is not None or found.infeasible:
                return self._outcome(found, time.perf_counter() - started)
            bound = max(bound, found.bound)
        return Outcome(None, bound, seconds=time.perf_counter() - started)

    def _read(self, process: subprocess.Popen[bytes], k: int) -> None:
        assert process.stdout is not None
        found = None
        for line in process.stdout:
            if not line.endswith(b"\n"):
                break  # cut short by the kill
            event = json.loads(line)
            with self._lock:
                if "bound" in event:
                    self.bound = max(self.bound, event["bound"])
                else:
                    found = worker.Found(**event["found"])
                    self.bound = max(self.bound, found.bound)
                    break
        with self._lock:
            # A search that ended without a word (killed, or its process died) found nothing.
            self._ended[k] = found or worker.Found(None, 0, conflicts=self._budget or 0)
            self._decide()

    def _decide(self) -> None:
        """Set the outcome once it is known (under the lock): on the wall clock the first
        search that finished; on a budget the first in order that finished, once those before
        it ended; and, when none finished, once all ended."""
        if self.outcome is not None:
            return
        found = None
        for ended in self._ended:
            finished = ended is not None and (ended.model is not None or ended.infeasible)
            if finished:
                found = ended
                break
            if ended is None and self._budget is not None:
                return  # it may still finish, and it comes first
        if found is None and all(ended is not None for ended in self._ended):
            found = worker.Found(None, self.bound)
        if found is not None:
            self.outcome = self._outcome(found, time.perf_counter() - self._started)
            self._done.set()

    def drop(self, keep: int) -> None:
        """Kill every search but the first `keep` (they end as if their time ran out)."""
        for process in self._processes[keep:]:
            process.kill()

    def finished(self) -> bool:
        """Whether a search has ended (with a plan, or the hard clauses refuted)."""
        return self._done.is_set()

    def solved(self) -> bool:
        """Whether the searches' answer is known and is a plan or the clauses refuted."""
        with self._lock:
            outcome = self.outcome
        return outcome is not None and (outcome.plan is not None or outcome.infeasible)

    def wait(self, seconds: float) -> None:
        """Wait until a search finishes or `seconds` pass."""
        self._done.wait(seconds)

    def stop(self) -> Outcome:
        """Kill the searches and return what they reached: a plan, or a lower bound."""
        for process in self._processes:
            process.kill()
        for process in self._processes:
            process.wait()
        for reader in self._readers:
            reader.join()
        for process in self._processes:
            if process.stdout is not None:
                process.stdout.close()
        with self._lock:
            if self.outcome is None:
                return Outcome(None, self.bound, seconds=time.perf_counter() - self._started)
            return self.outcome


def _lower_priority(pid: int) -> None:
    """Set the worker `pid` WORKER_NICENESS below this process in priority, where the system
    has priorities (not on Windows); the kernel caps the niceness at its maximum."""
    if not hasattr(os, "setpriority"):
        return
    try:
        own = os.getpriority(os.PRIO_PROCESS, 0)
        os.setpriority(os.PRIO_PROCESS, pid, own + WORKER_NICENESS)
    except OSError:
        pass  # the worker has already ended
