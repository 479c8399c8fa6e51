"""The fewest holes with every meeting held: the MaxSAT searches (search.py) in worker
processes and the large-neighbourhood search (satlns.py) beside them in this one.

This runs first on a fresh solve of a one-session instance of exact size when the bounds allow
every meeting. A MaxSAT search that finishes has the optimum; otherwise the LNS's schedule,
which holds every meeting, is optimal when its holes reach the searches' lower bound. Should
neither have a schedule, the CP-SAT steps of exact/whole.py take the rest of the time.
"""

from __future__ import annotations

from collections.abc import Callable

from ..clock import Clock, guard
from ..improve.anneal import run_anneal
from ..placement import Board, Layout, Positions, board_holes, on_board
from . import satlns
from . import search as maxsat

# Share of the time for the MaxSAT search, which runs first when every meeting can be held;
# CP-SAT has the rest when it does not finish. Measured on the 20 real forums at 30 s
# (docs/benchmarks.md): 17 of 20 at their optimum and 58–59 holes in all with 0.65,
# against 15–16 and 63–68 with 0.5.
MAXSAT_SHARE = 0.65
# Below this many seconds the time is better spent on CP-SAT alone, whose first schedules
# come sooner (forumt-14 within 4 s).
MAXSAT_MIN_SECONDS = 8.0
# Share of the time for the MaxSAT searches when the large-neighbourhood search (satlns.py)
# runs beside them: it always holds a schedule with every meeting and ends near the optimum
# when RC2 does not finish, so the CP-SAT steps after the share are not needed.
LNS_SHARE = 0.95
# Seconds the MaxSAT searches run alone first: most real forums are proved within them, and a
# third search on the two cores would only slow them.
LNS_AFTER = 1.5
# Seconds of annealing the LNS's first schedule gets (on forum-13crafb: from 103-107 holes to
# 12-19 in 3 s, where the LNS alone needs about 20 s to reach 9).
LNS_ANNEAL = 3.0
# Conflicts for the LNS's first schedule (forum-13crafb needs a few hundred).
FIRST_CONFLICTS = 100_000
# The phase's label in progress reports.
PHASE = "maxsat: fewest holes with every meeting held"


def _hole_search(
    layout: Layout,
    clock: Clock,
    seed: int,
    start: Positions,
    bound: int,
    workers: int,
    share: float,
) -> tuple[maxsat.Outcome, Positions | None]:
    """The MaxSAT search for the fewest holes with every meeting held, and the LNS's best
    schedule where it ran (`_searches`)."""
    watch = _Watch(layout, clock, maxsat.HoleSearch(layout), start, bound)
    lns = satlns.HoleLns(watch.search.encoding, seed)
    try:
        outcome, found = _searches(watch, lns, seed, workers, share)
        if found is not None and lns.proved:
            outcome.holes_lower_bound = max(outcome.holes_lower_bound, lns.holes)
        return outcome, found
    finally:
        lns.close()
        watch.search.stop()  # a second time is harmless; on an error it ends the workers


class _Watch:
    """The MaxSAT searches and the LNS as progress sees them: the workers' lower bound, and
    the LNS's best schedule once it has one (the start before)."""

    def __init__(
        self,
        layout: Layout,
        clock: Clock,
        search: maxsat.HoleSearch,
        start: Positions,
        bound: int,
    ) -> None:
        self.clock, self.search, self.bound = clock, search, bound
        self.shown = Board(layout)
        self.show(start)
        self.ticked = clock.elapsed()
        self.shown_holes: int | None = None

    def show(self, plan: Positions) -> None:
        for mi in range(len(self.shown.slot)):
            self.shown.remove(mi)
        for mi, (s, v) in plan.items():
            self.shown.place(mi, s, v)
        self.clock.report(PHASE, self.shown, self.bound)

    def tick(self) -> None:
        """Report a raised lower bound (call about once a second)."""
        self.ticked = self.clock.elapsed()
        if self.clock.bound_holes(self.search.bound):
            self.clock.report(PHASE, self.shown, self.bound)

    def wait(self, until: float) -> None:
        """Until the searches finish or `until` (elapsed seconds) comes."""
        while not self.search.finished() and (left := until - self.clock.elapsed()) > 0:
            self.search.wait(min(1.0, left))
            self.tick()

    def follow(self, lns: satlns.HoleLns) -> None:
        """Show the LNS's schedule when it has improved since last shown."""
        if lns.plan is not None and lns.holes != self.shown_holes:
            self.shown_holes = lns.holes
            self.clock.best_at = self.clock.elapsed()
            self.show(lns.plan)

    def lns(self, lns: satlns.HoleLns, until: float = float("inf")) -> bool:
        """Between two LNS steps: report, and whether to stop: a MaxSAT search finished (its
        schedule wins), the LNS reached their lower bound (no step can better its schedule),
        or `until` (elapsed seconds) came. None of these changes a deterministic answer."""
        self.follow(lns)
        if self.clock.elapsed() - self.ticked >= 1.0:
            self.tick()
        return (
            self.search.solved() or self.clock.elapsed() >= until or lns.holes <= self.search.bound
        )


def _searches(
    watch: _Watch, lns: satlns.HoleLns, seed: int, workers: int, share: float
) -> tuple[maxsat.Outcome, Positions | None]:
    """The MaxSAT searches alone for LNS_AFTER seconds, then the LNS beside them until one
    finishes, the LNS reaches their lower bound or proves its schedule optimal, or its time is
    up. Without an LNS schedule the searches keep `share` of the time (MAXSAT_SHARE).

    On the wall clock `workers` searches have up to LNS_SHARE of the time, and at MAXSAT_SHARE
    every search but the first stops, so that it and the LNS have a core each (three searches
    on two cores: on forum-13crafb and ticf-13crafb 6, 7, 9 and 3, 5, 6 holes at 30 s,
    against 7, 8 and 6, 6 with all three to the end).

    Deterministic, two searches each have a budget of conflicts for MAXSAT_SHARE, and the
    first in order that finishes within it wins, so the answer is the same however fast each
    process runs; the LNS has a budget for LNS_SHARE, and its schedule is taken when neither
    search finished. Stopping it early when a search has finished or its holes reach their
    bound changes no answer, and the run then waits for the searches' own end. The work
    charged is the winner's conflicts, else the share of whichever ran longer."""
    clock, search = watch.clock, watch.search
    left, spent, rate = clock.left(), clock.spent, maxsat.CONFLICTS_PER_SECOND
    if clock.deterministic:
        budget = int(share * left * rate)
        processes = maxsat.DETERMINISTIC_SEARCHES
        wall = min(guard(LNS_SHARE * left), clock.wall_left())
        search.start(wall, seed=seed, processes=processes, conflicts=budget)
        alone = until = clock.elapsed() + wall
    else:
        search.start(LNS_SHARE * left, seed=seed, processes=max(1, workers))
        alone = clock.elapsed() + share * left
        until = clock.elapsed() + LNS_SHARE * left
    watch.wait(min(alone, clock.elapsed() + LNS_AFTER))
    found = None
    if not search.solved() and _lns_start(watch, lns, seed, halt=search.solved):
        lns_rate = satlns.CONFLICTS_PER_SECOND
        conflicts = int(LNS_SHARE * left * lns_rate) if clock.deterministic else None
        lns.run(conflicts=conflicts, stop=lambda: watch.lns(lns, alone))
        if not clock.deterministic and not lns.proved and not search.solved():
            search.drop(1)
            lns.run(conflicts=None, stop=lambda: watch.lns(lns, until))
        found = lns.plan
    if found is None or clock.deterministic:
        watch.wait(alone)
    outcome = search.stop()
    if clock.deterministic:
        finished = outcome.plan is not None or outcome.infeasible
        spent_share = LNS_SHARE if found is not None else share
        work = outcome.conflicts / rate if finished else spent_share * left
        clock.charge(work - (clock.spent - spent))  # the annealing charged its part already
    if outcome.plan is not None:
        clock.bound_holes(outcome.holes_lower_bound)
    return outcome, found


def _lns_start(
    watch: _Watch, lns: satlns.HoleLns, seed: int, halt: Callable[[], bool] | None = None
) -> Positions | None:
    """The LNS's first schedule, annealed for up to LNS_ANNEAL seconds (`halt` may stop the
    annealing), given to the LNS as its start; None when none was found."""
    clock = watch.clock
    first = lns.first(FIRST_CONFLICTS)
    if first is None:
        return None
    board = Board(watch.shown.layout)
    plan = on_board(
        board,
        first,
        lambda: run_anneal(clock, board, 1.0, seed, watch.bound, at_most=LNS_ANNEAL, halt=halt),
    )
    lns.begin(plan)
    watch.follow(lns)
    return plan


def _from_search(board: Board, clock: Clock, outcome: maxsat.Outcome) -> dict[str, object]:
    """Place the MaxSAT optimum: every meeting held, fewest holes, so nobody loses a meeting."""
    assert outcome.plan is not None
    for mi, (s, v) in outcome.plan.items():
        board.place(mi, s, v)
    clock.best_at = clock.elapsed()
    return {
        "method": "maxsat",
        "priority_proved_optimal": True,
        "holes_lower_bound": outcome.holes_lower_bound,
        "proved_optimal": True,
        "holes_method": "maxsat",
    }


def _from_lns(board: Board, outcome: maxsat.Outcome, plan: Positions) -> dict[str, object]:
    """Place the LNS's best schedule: every meeting held, so nobody loses one; optimal when
    its holes reach the MaxSAT searches' lower bound."""
    for mi, (s, v) in plan.items():
        board.place(mi, s, v)
    return {
        "method": "maxsat+lns",
        "priority_proved_optimal": True,
        "holes_lower_bound": outcome.holes_lower_bound,
        "proved_optimal": board_holes(board) <= outcome.holes_lower_bound,
        "holes_method": "lns",
    }


def hole_search(
    layout: Layout,
    board: Board,
    clock: Clock,
    seed: int,
    start: Positions,
    bound: int,
    workers: int,
    *,
    share: float = MAXSAT_SHARE,
) -> tuple[maxsat.Outcome, dict[str, object] | None]:
    """Search from the empty `board`, the MaxSAT searches on `share` of the time left; where a
    schedule was found, it is placed on the board and its stats are returned beside the
    MaxSAT outcome. When the phase runs is solver.PHASES's to say."""
    outcome, found = _hole_search(layout, clock, seed, start, bound, workers, share)
    if outcome.plan is not None:
        return outcome, _from_search(board, clock, outcome)
    if found is not None:
        return outcome, _from_lns(board, outcome, found)
    return outcome, None
