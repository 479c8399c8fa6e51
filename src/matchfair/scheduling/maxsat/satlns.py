"""Large-neighbourhood search on the MaxSAT encoding: fewer holes, every meeting held.

RC2 (search.py) proves the optimum or nothing; on the hardest real forums it often proves a
bound early and then needs longer than the time limit to find a schedule at that bound. This
search always holds a schedule and improves it step by step, so that a search cut short still
ends near the optimum, and where it reaches the bound RC2 proved, the schedule is optimal.

One incremental SAT solver holds the encoding's hard clauses and a totaliser over its hole
literals. A step keeps the meetings outside a neighbourhood where the best schedule has them
(as assumptions) and asks for one hole fewer on a small budget of conflicts. The neighbourhood
is drawn at random: mostly meetings at random; sometimes a participant with a hole, its
meetings, its partners' and so on outwards; or a run of meetings in slot order. A refuted step
grows the neighbourhood by a twentieth, one that runs out of budget shrinks it by a tenth, so
that its size settles where steps are as often refuted as cut short. A step refuted with every
meeting free proves the schedule optimal.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable

from pysat.card import ITotalizer
from pysat.solvers import Solver

from ..placement import Positions, person_holes, plan_busy, plan_holes
from .search import Encoding
from .worker import ORACLE

# Conflicts a step may take before it gives up. Ten runs of 25 s from the same annealed starts
# on forum-13crafb and ticf-13crafb (docs/benchmarks.md): with 10,000 the optimum in 6 and 2
# (medians 6 and 4.5 holes), with 3,000 in 3 and 0 (7 and 5), with 30,000 or a Luby series
# of 1,000s worse.
STEP_CONFLICTS = 10_000
# Conflicts for one second of a deterministic run's LNS: alone on the idle 2-core machine it
# ran 7,900 a second on forum-13crafb and 8,900 on ticf-13crafb, and it keeps that core beside
# the MaxSAT workers, which run at a lower priority (maxsat.WORKER_NICENESS). At 30 s,
# forum-13crafb and ticf-13crafb ended at their optima of 6 and 3 holes in 29.8 and 23.0 s;
# with 8,000 at 7 and 3 (27.9 and 22.9 s), with 6,000 at 7 and 4 (22.2 and 22.8 s).
CONFLICTS_PER_SECOND = 9_000
# Smallest neighbourhood, in meetings.
MIN_FREE = 10
# Shares of the steps that free a holed participant's surroundings, and a run in slot order;
# the rest free meetings at random. Random neighbourhoods did best: twelve runs of 25 s each on
# forum-13crafb and ticf-13crafb reached the optimum in 10 and 5 with 0.1 and 0.2, in 6 and 6
# with 0.3 and 0.3, in 7 and 4 with all random; six with 0.5 and 0.3 in 3 and 0.
AROUND_HOLE_SHARE = 0.1
SLOT_RUN_SHARE = 0.2


class HoleLns:
    """The search on one instance's encoding: `first` finds a schedule, `begin` takes one as
    the best so far, `run` improves it."""

    def __init__(self, encoding: Encoding, seed: int) -> None:
        self.encoding = encoding
        self.layout = encoding.layout
        self.solver = Solver(name=ORACLE, bootstrap_with=encoding.wcnf.hard)
        self.rng = random.Random(seed)
        self.plan: Positions | None = None
        self.holes = 0
        self.conflicts = 0
        self.size = 0
        # A step with every meeting free was refuted: no schedule has fewer holes.
        self.proved = False
        self._totaliser: ITotalizer | None = None
        n = len(self.layout.meetings)
        self._partners: list[set[int]] = [set() for _ in range(n)]
        for mine in encoding.mine:
            for mi in mine:
                self._partners[mi].update(mine)
        self._held = sorted({mi for mine in encoding.mine for mi in mine})

    def close(self) -> None:
        self.solver.delete()

    def first(self, conflicts: int) -> Positions | None:
        """A schedule holding every meeting, found within `conflicts`, or None."""
        found = self._solve([], conflicts)
        return self.encoding.plan(self.solver.get_model()) if found else None

    def begin(self, plan: Positions) -> None:
        """Take `plan` (every meeting held) as the best schedule so far."""
        self.plan = dict(plan)
        self.holes = plan_holes(self.layout, plan)
        self.size = max(MIN_FREE, len(self._held) // 6)
        self.proved = self.holes == 0
        if self.proved:
            return
        self._totaliser = ITotalizer(
            lits=self.encoding.hole_starts, ubound=self.holes, top_id=self.solver.nof_vars()
        )
        self.solver.append_formula(self._totaliser.cnf.clauses)

    def run(self, *, conflicts: int | None, stop: Callable[[], bool]) -> bool:
        """Improve until the schedule is proved optimal, `conflicts` (None: no limit) are
        spent or `stop` says so (asked after every step); returns whether it improved."""
        assert self.plan is not None
        start = self.holes
        spent = self.conflicts
        while not self.proved and not stop():
            if conflicts is not None and self.conflicts - spent >= conflicts:
                break
            self.step()
        return self.holes < start

    def step(self) -> bool:
        """One step; returns whether it found a schedule with fewer holes."""
        assert self.plan is not None and self._totaliser is not None
        free = self._neighbourhood()
        fixed = [self.encoding.x[(mi, *self.plan[mi])] for mi in self._held if mi not in free]
        fewer = -self._totaliser.rhs[self.holes - 1]
        found = self._solve([*fixed, fewer], STEP_CONFLICTS)
        if found is None:
            self.size = max(MIN_FREE, int(self.size * 0.9))
            return False
        if not found:
            self.proved = len(free) == len(self._held)
            self.size = min(len(self._held), int(self.size * 1.05) + 1)
            return False
        self.plan = self.encoding.plan(self.solver.get_model())
        self.holes = plan_holes(self.layout, self.plan)
        self.proved = self.holes == 0
        return True

    def _solve(self, assumptions: list[int], conflicts: int) -> bool | None:
        before = self._conflicts()
        self.solver.conf_budget(conflicts)
        found: bool | None = self.solver.solve_limited(assumptions=assumptions)
        self.conflicts += self._conflicts() - before
        return found

    def _conflicts(self) -> int:
        return int(self.solver.accum_stats().get("conflicts", 0))

    def _neighbourhood(self) -> set[int]:
        assert self.plan is not None
        rng, held, size = self.rng, self._held, self.size
        kind = rng.random()
        if kind < AROUND_HOLE_SHARE:
            free: set[int] = set()
            frontier = deque(self.encoding.mine[self._holed()])
            while frontier and len(free) < size:
                mi = frontier.popleft()
                if mi in free:
                    continue
                free.add(mi)
                onwards = sorted(self._partners[mi] - free)
                rng.shuffle(onwards)
                frontier.extend(onwards)
            return free
        if kind < AROUND_HOLE_SHARE + SLOT_RUN_SHARE:
            plan = self.plan
            order = sorted(held, key=lambda mi: (plan[mi][0], mi))
            a = rng.randrange(len(order))
            return {order[(a + k) % len(order)] for k in range(size)}
        return set(rng.sample(held, min(size, len(held))))

    def _holed(self) -> int:
        """A participant with a hole in the best schedule, drawn at random."""
        assert self.plan is not None
        busy = plan_busy(self.layout, self.plan)
        holed = [p for p, mask in enumerate(busy) if person_holes(self.layout, mask)]
        return holed[self.rng.randrange(len(holed))]
