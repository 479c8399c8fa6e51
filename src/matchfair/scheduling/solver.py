"""The scheduling solver: greedy start, exact CP-SAT on small and medium instances, and
large-neighbourhood search with small CP-SAT windows when the full model would be too big.

Objectives, lexicographic: priority scheduled, then (re-plan) meetings moved, then holes, then
the largest number of meetings any one participant loses.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ortools.sat.python import cp_model

from . import cpsat, lns
from .bounds import upper_bounds
from .greedy import construct, place_one
from .model import Instance, Result
from .placement import Board, Layout, board_holes, board_priority
from .polish import STEPS_PER_SECOND, close_holes
from .reasons import explain_unscheduled

# Above this many meeting×slot×venue Booleans the whole-instance model is not built.
EXACT_LIMIT = 60_000
# Share of the time left that the lean spans model gets before the exact hole count.
SPANS_SHARE = 0.92


@dataclass(frozen=True, slots=True)
class Progress:
    seconds: float
    phase: str
    scheduled: int
    priority: int
    priority_bound: int
    holes: int


class _Clock:
    """Time left, either on the wall clock or, deterministic, as work charged: CP-SAT's
    deterministic time plus local-search steps; the wall clock is then only a guard."""

    def __init__(
        self,
        time_limit: float,
        progress: Callable[[Progress], None] | None,
        deterministic: bool,
    ) -> None:
        self.started = time.perf_counter()
        self.deterministic = deterministic
        self.deadline = self.started + (3 * time_limit + 5 if deterministic else time_limit)
        self.time_limit = time_limit
        self.spent = 0.0
        self.progress = progress
        self.first_complete: float | None = None
        self.best_at = 0.0

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def left(self) -> float:
        if self.deterministic:
            guard = self.deadline - time.perf_counter()
            return max(0.0, min(self.time_limit - self.spent, guard))
        return max(0.0, self.deadline - time.perf_counter())

    def charge(self, seconds: float) -> None:
        self.spent += seconds

    def polish(self, board: Board, share: float, seed: int) -> bool:
        """Run the hole-closing local search on `share` of the time left."""
        seconds = share * self.left()
        budget = int(seconds * STEPS_PER_SECOND) if self.deterministic else None
        deadline = self.deadline if self.deterministic else time.perf_counter() + seconds
        removed, steps = close_holes(board, deadline=deadline, seed=seed, budget=budget)
        self.charge(steps / STEPS_PER_SECOND)
        return removed > 0

    def report(self, phase: str, board: Board, bound: int) -> None:
        if self.progress is not None:
            self.progress(
                Progress(
                    round(self.elapsed(), 2),
                    phase,
                    sum(1 for s in board.slot if s >= 0),
                    board_priority(board),
                    bound,
                    board_holes(board),
                )
            )


def solver_parameters(
    solver: cp_model.CpSolver, *, seconds: float, seed: int, workers: int, deterministic: bool
) -> None:
    """Deterministic: one worker and CP-SAT's deterministic time as the binding limit, so a
    seed gives one answer; the wall clock is a guard that binds only on a far slower or busier
    machine. Otherwise the wall clock binds and `workers` threads share the search."""
    solver.parameters.max_deterministic_time = max(0.05, seconds)
    solver.parameters.max_time_in_seconds = max(0.2, 3 * seconds + 1 if deterministic else seconds)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 1 if deterministic else max(1, workers)
    solver.parameters.max_presolve_iterations = 1


def _start_from_previous(
    layout: Layout, board: Board, previous: Result
) -> dict[int, tuple[int, int]]:
    """Put meetings back where the previous result had them, when that is still allowed."""
    where: dict[int, tuple[int, int]] = {}
    for a in previous.assignments:
        mi = layout.meeting_index.get(a.meeting)
        s = layout.slot_pos.get(a.slot)
        v = layout.venue_of_table.get(a.table)
        if mi is None or s is None or v is None or v not in layout.meeting_venues[mi]:
            continue
        where[mi] = (s, v)
    order = sorted(where, key=lambda mi: layout.meetings[mi].locked is None)
    for mi in order:
        s, v = where[mi]
        fits = board.free_mask(mi) >> s & 1 and board.room[v] >> s & 1
        if fits and (not layout.travel_pairs or board.walk_fits(mi, s, v)):
            board.place(mi, s, v)
    return where


def _run(
    window: cpsat.Window,
    hint: dict[int, tuple[int, int]],
    *,
    seconds: float,
    seed: int,
    workers: int,
    clock: _Clock,
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    cpsat.add_full_hint(
        window.model, {var: hint.get(mi) == (s, v) for (mi, s, v), var in window.x.items()}
    )
    solver = cp_model.CpSolver()
    solver_parameters(
        solver, seconds=seconds, seed=seed, workers=workers, deterministic=clock.deterministic
    )
    status = solver.solve(window.model)
    clock.charge(solver.deterministic_time if clock.deterministic else 0.0)
    return solver, status


def _solution(window: cpsat.Window, solver: cp_model.CpSolver) -> dict[int, tuple[int, int]]:
    return {mi: (s, v) for (mi, s, v), var in window.x.items() if solver.boolean_value(var)}


def _exact(
    layout: Layout,
    board: Board,
    clock: _Clock,
    *,
    seed: int,
    workers: int,
    previous: dict[int, tuple[int, int]] | None,
    bound: int,
) -> dict[str, object]:
    """Solves on the whole instance: best priority; then, when every meeting fits, a lean model
    that makes agendas intervals; then moves, exact holes and fairness under that priority."""
    everything = list(range(len(layout.meetings)))
    best_plan = {mi: (board.slot[mi], board.venue[mi]) for mi in everything if board.slot[mi] >= 0}
    best = board_priority(board)
    stats: dict[str, object] = {}
    clock.report("cp-sat on the whole instance", board, bound)
    for mi in everything:
        board.remove(mi)
    schedulable = sum(
        layout.priority[mi]
        for mi in everything
        if board.free_mask(mi) and layout.meeting_venues[mi]
    )
    spans = previous is None
    spans_done = False
    status: cp_model.CpSolverStatus = cp_model.OPTIMAL
    if best < bound and bound >= schedulable:
        # The bounds allow every meeting: asking for all of them at once, holes minimised,
        # is a far easier model than maximising how many fit.
        window = cpsat.build(layout, board, everything, all_scheduled=True, spans_only=spans)
        window.model.minimize(window.holes)
        solver, status = _run(
            window, best_plan, seconds=0.5 * clock.left(), seed=seed, workers=workers, clock=clock
        )
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best, best_plan, spans_done = schedulable, _solution(window, solver), spans
            clock.best_at = clock.elapsed()
    if best < bound:
        window = cpsat.build(layout, board, everything, previous=previous)
        window.model.maximize(window.priority)
        solver, status = _run(
            window, best_plan, seconds=0.4 * clock.left(), seed=seed, workers=workers, clock=clock
        )
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) and solver.objective_value > best:
            best = round(solver.objective_value)
            best_plan = _solution(window, solver)
            clock.best_at = clock.elapsed()
    stats["priority_proved_optimal"] = status == cp_model.OPTIMAL or best >= bound
    all_scheduled = best >= schedulable
    if spans and not spans_done:
        window = cpsat.build(
            layout, board, everything, all_scheduled=all_scheduled, spans_only=True
        )
        window.model.add(window.priority >= best)
        window.model.minimize(window.holes)
        solver, status = _run(
            window,
            best_plan,
            seconds=SPANS_SHARE * clock.left(),
            seed=seed,
            workers=workers,
            clock=clock,
        )
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            best_plan = _solution(window, solver)
            clock.best_at = clock.elapsed()
    window = cpsat.build(layout, board, everything, previous=previous, all_scheduled=all_scheduled)
    window.model.add(window.priority >= best)
    hole_cap = len(layout.person_index) * layout.n_slots + 1
    fair_cap = layout.n_slots + 2
    window.model.minimize(
        window.moves * hole_cap * fair_cap + window.holes * fair_cap + window.fairness
    )
    solver, status = _run(
        window, best_plan, seconds=0.9 * clock.left(), seed=seed, workers=workers, clock=clock
    )
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        best_plan = _solution(window, solver)
        clock.best_at = clock.elapsed()
        stats["holes_lower_bound"] = max(0, round(solver.best_objective_bound) // fair_cap)
    stats["proved_optimal"] = status == cp_model.OPTIMAL and bool(stats["priority_proved_optimal"])
    for mi, (s, v) in best_plan.items():
        board.place(mi, s, v)
    return stats


def solve(
    instance: Instance,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
    previous: Result | None = None,
    names: Mapping[str, str] | None = None,
    deterministic: bool = False,
) -> Result:
    """Schedule as many (high-priority) meetings as possible with as few holes as possible.

    Always returns a valid schedule, also when the time limit cuts the search short. With
    `previous`, meetings that need not move stay in their previous slot and table.
    `deterministic` makes the result depend only on the instance, seed and time limit, at the
    price of one CP-SAT worker and a run that may end before or after `time_limit` seconds.
    """
    clock = _Clock(time_limit, progress, deterministic)
    layout = Layout(instance)
    board = Board(layout)
    previous_where: dict[int, tuple[int, int]] | None = None
    if previous is not None:
        previous_where = _start_from_previous(layout, board, previous)
    construct(layout, seed, board)
    clock.first_complete = clock.elapsed()
    clock.best_at = clock.first_complete
    bounds = upper_bounds(instance)  # after the greedy: a first schedule matters more
    clock.report("greedy", board, bounds.priority)
    if previous is None and clock.polish(board, 0.15, seed):
        clock.best_at = clock.elapsed()
        clock.report("closing holes", board, bounds.priority)
    size = sum(
        bin(layout.allowed[mi]).count("1") * len(layout.meeting_venues[mi])
        for mi in range(len(layout.meetings))
    )
    stats: dict[str, object] = {}
    if size <= EXACT_LIMIT:
        stats["method"] = "cp-sat"
        stats.update(
            _exact(
                layout,
                board,
                clock,
                seed=seed,
                workers=workers,
                previous=previous_where,
                bound=bounds.priority,
            )
        )
    else:
        stats["method"] = "greedy+local-search+lns"
        # The local search stops early at a local optimum; CP-SAT windows take the rest.
        if previous is None and clock.polish(board, 1.0, seed):
            clock.best_at = clock.elapsed()
            clock.report("closing holes", board, bounds.priority)
        stats.update(
            lns.improve(
                layout,
                board,
                left=clock.left,
                charge=clock.charge,
                seed=seed,
                workers=1 if deterministic else workers,
                previous=previous_where,
                on_better=lambda: _better(clock, board, bounds.priority),
            )
        )
    for mi in range(len(layout.meetings)):
        if board.slot[mi] < 0:
            place_one(board, mi)
    if previous is None and clock.left() > 0:
        clock.polish(board, 1.0, seed)
    clock.report("done", board, bounds.priority)
    assignments = board.assignments(
        preferred={} if previous is None else {a.meeting: a.table for a in previous.assignments}
    )
    unscheduled = explain_unscheduled(layout, board, names=names)
    stats.update(
        {
            "scheduled": len(assignments),
            "priority_scheduled": board_priority(board),
            "holes": board_holes(board),
            "upper_bound": bounds.meetings,
            "priority_upper_bound": bounds.priority,
            "seconds": round(clock.elapsed(), 3),
            "seconds_to_first": round(clock.first_complete, 3),
            "seconds_to_best": round(clock.best_at, 3),
            "seed": seed,
            "time_limit": time_limit,
        }
    )
    if previous is not None:
        before = {a.meeting: (a.slot, a.table) for a in previous.assignments}
        moved = [
            a.meeting
            for a in assignments
            if a.meeting in before and before[a.meeting] != (a.slot, a.table)
        ]
        dropped = [u.meeting for u in unscheduled if u.meeting in before]
        stats["moved"] = moved
        stats["moved_count"] = len(moved)
        stats["dropped"] = dropped
    return Result(tuple(assignments), tuple(unscheduled), stats)


def _better(clock: _Clock, board: Board, bound: int) -> None:
    clock.best_at = clock.elapsed()
    clock.report("improving", board, bound)


def replan(
    instance: Instance,
    previous: Result,
    *,
    time_limit: float = 5.0,
    seed: int = 0,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
    names: Mapping[str, str] | None = None,
) -> Result:
    """Re-solve after changes on the day; locked meetings stay, as few others as possible move."""
    return solve(
        instance,
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        progress=progress,
        previous=previous,
        names=names,
    )


__all__ = ["Progress", "replan", "solve"]
