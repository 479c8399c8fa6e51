"""Fewest holes with every meeting held, as weighted MaxSAT solved by PySAT's RC2.

The whole instance becomes clauses: one literal per meeting, slot and venue; each meeting held
exactly once; nobody in two meetings of a slot; venue capacity; walking time; and per
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

import random
import threading
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pysat.card import CardEnc, EncType
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool

from .placement import Layout, iter_bits

# The SAT solver under RC2: CaDiCaL 1.5.3 (see docs/benchmarks.md for the comparison).
ORACLE = "cd15"
# Conflicts taken for one second of work: the budget of a deterministic run, and the first
# guess of the rate otherwise (measured on the forums: 3,000 to 15,000 a second here; the
# low end, so that the first attempt does not overrun).
CONFLICTS_PER_SECOND = 3_000
# The share of the measured rate an attempt is given when the wall clock binds: the rate
# varies between attempts.
RATE_MARGIN = 0.8
# Conflicts of the first attempt; each restart doubles it.
FIRST_ATTEMPT = 60_000
# Above this many meeting × slot × venue literals the encoding is not built.
MAX_LITERALS = 40_000

Plan = dict[int, tuple[int, int]]


@dataclass(slots=True)
class Outcome:
    """What the MaxSAT search ended with: an optimal plan, or only a lower bound on holes."""

    plan: Plan | None
    holes_lower_bound: int
    # The hard clauses cannot all hold: not every meeting can be held.
    infeasible: bool = False
    seconds: float = 0.0


class _Encoding:
    """Clauses of one instance, with every meeting held."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.pool = IDPool()
        self.wcnf = WCNF()
        self.x: dict[tuple[int, int, int], int] = {}
        self.busy: dict[tuple[int, int], int] = {}
        self.hole_starts: list[int] = []
        # Each participant's meetings that can take place.
        self.mine: list[list[int]] = [[] for _ in layout.by_person]
        self._meetings()
        self._people()
        self._venues()
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
                for v in lay.meeting_venues[mi]:
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

    def _venues(self) -> None:
        """Venue capacity per slot, and the implied seats rule: the people busy in a slot fit
        at its tables (as in cpsat._add_seats)."""
        lay = self.layout
        per_venue: dict[tuple[int, int], list[int]] = defaultdict(list)
        seats: dict[int, dict[int, int]] = defaultdict(dict)
        for (mi, s, v), lit in self.x.items():
            per_venue[(v, s)].append(lit)
            seats[s][v] = max(seats[s].get(v, 0), len(lay.members[mi]))
        for (v, _), lits in per_venue.items():
            self.card(lits, lay.capacity[v])
        people: dict[int, list[int]] = defaultdict(list)
        for (_, s), b in self.busy.items():
            people[s].append(b)
        for s, lits in people.items():
            room = sum(lay.capacity[v] * size for v, size in seats[s].items())
            self.card(lits, room)

    def _travel(self) -> None:
        """Two meetings of a participant too close for the walk between their venues exclude
        each other (every pair on a day, as in cpsat._add_travel)."""
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

    def plan(self, model: Iterable[int]) -> Plan:
        true = {lit for lit in model if lit > 0}
        return {mi: (s, v) for (mi, s, v), lit in self.x.items() if lit in true}


def literal_count(layout: Layout) -> int:
    """How many meeting × slot × venue literals the encoding would have."""
    return sum(
        bin(layout.allowed[mi]).count("1") * len(layout.meeting_venues[mi])
        for mi in range(len(layout.meetings))
    )


class _Budgeted(RC2):  # type: ignore[misc]
    """RC2 on a budget of conflicts, counted over all its oracle calls.

    CaDiCaL cannot be interrupted from another thread, but it honours a conflict budget: a
    main-loop call that runs out returns no answer, RC2 keeps its cores, and `compute` can be
    called again with a larger `limit` to go on. RC2's core trimming runs unbudgeted (its calls
    are short: the core is already unsatisfiable); its conflicts count against the next
    main-loop call.
    """

    def __init__(self, formula: WCNF, **kwargs: Any) -> None:
        super().__init__(formula, **kwargs)
        self.limit = 0

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


def _relabelled(wcnf: WCNF, seed: int) -> tuple[WCNF, list[int]]:
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


class HoleSearch:
    """The MaxSAT search for the fewest holes with every meeting held.

    It restarts under a new variable numbering after FIRST_ATTEMPT conflicts, then after twice
    as many each time (see `_relabelled`). `run` searches in place on a budget of conflicts
    (deterministic) or seconds; `start` runs it in a thread beside the caller (the oracle
    releases the GIL), `wait` waits for it and `stop` ends it.
    """

    def __init__(self, layout: Layout) -> None:
        started = time.perf_counter()
        self.encoding = _Encoding(layout)
        self.build_seconds = time.perf_counter() - started
        self.outcome: Outcome | None = None
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def run(
        self, *, seconds: float | None = None, conflicts: int | None = None, seed: int = 0
    ) -> Outcome:
        """Search until done, or until `conflicts` or about `seconds` run out; `stop()` ends it
        after the attempt under way. An attempt cannot be interrupted (CaDiCaL only honours a
        budget, and cutting an attempt into chunks made forum-14 take 18 s instead of 5 s), so
        with `seconds` each attempt's budget is the time left at the conflict rate measured so
        far."""
        started = time.perf_counter()
        deadline = started + seconds if seconds is not None else None
        left = conflicts
        rate = float(CONFLICTS_PER_SECOND)
        attempt = 0
        bound = 0
        outcome: Outcome | None = None
        while outcome is None:
            allowed = FIRST_ATTEMPT << attempt
            if left is not None:
                allowed = min(allowed, left)
            if deadline is not None:
                seconds_left = deadline - time.perf_counter()
                if attempt == 0:
                    # The first attempt also measures the rate: a few seconds at most.
                    seconds_left = min(seconds_left, 3.0)
                allowed = min(allowed, int(seconds_left * rate * RATE_MARGIN))
            wcnf, back = _relabelled(self.encoding.wcnf, seed * 1009 + attempt)
            began = time.perf_counter()
            model, cost, spent, finished = self._attempt(wcnf, max(1, allowed))
            took = time.perf_counter() - began
            if spent > 1000 and took > 0.2:
                rate = spent / took
            bound = max(bound, cost)
            if left is not None:
                left -= spent
            if finished and model is not None:
                plan = self.encoding.plan(back[abs(lit)] * (1 if lit > 0 else -1) for lit in model)
                outcome = Outcome(plan, cost)
            elif finished:
                outcome = Outcome(None, bound, infeasible=True)
            elif (
                (left is not None and left <= 0)
                or self._stopping.is_set()
                or (deadline is not None and (deadline - time.perf_counter()) * rate < 1000)
            ):
                outcome = Outcome(None, bound)
            attempt += 1
        outcome.seconds = time.perf_counter() - started
        self.outcome = outcome
        return outcome

    def _attempt(self, wcnf: WCNF, conflicts: int) -> tuple[list[int] | None, int, int, bool]:
        """One RC2 run on `conflicts` conflicts: (model, cost or bound, conflicts spent,
        finished). Core minimisation is off: its many short calls made the run times of
        forumt-14crafe range from 1.5 to 30 s over numberings, against 1.4 to 2.7 s without.
        Core exhaustion is off too: its calls would run past the budget."""
        rc2 = _Budgeted(wcnf, solver=ORACLE, adapt=True, exhaust=False, minz=False, trim=5)
        try:
            rc2.limit = conflicts
            model = rc2.compute(expect_interrupt=True)
            finished = not rc2.interrupted
            return model if finished else None, int(rc2.cost), rc2.conflicts(), finished
        finally:
            rc2.delete()

    def start(self, seconds: float, *, seed: int = 0) -> None:
        """Run the search on `seconds` in a thread of its own."""
        self._thread = threading.Thread(
            target=self.run, kwargs={"seconds": seconds, "seed": seed}, daemon=True
        )
        self._thread.start()

    def wait(self, seconds: float) -> None:
        """Wait until the search finishes or `seconds` pass."""
        if self._thread is not None:
            self._thread.join(seconds)

    def stop(self) -> Outcome | None:
        """End the search after the attempt under way (it ends with its budget) and return
        what it reached."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
        return self.outcome
