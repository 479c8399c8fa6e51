"""The whole instance in CP-SAT models, for small and medium instances: the last phases of
solver.PHASES at exact size (after the fewest-holes phase where it runs and does not end with
a schedule): best priority, then compact agendas, then moves, exact holes and fairness under
that priority.

Without a previous schedule, holes are minimised in steps (compact.py has the structure):
1. the fewest loose agendas: its LP bound is strong and the search, free to let loose agendas
   take any shape, finds near hole-free schedules fast;
2. loose agendas plus split steps (holes counted exactly up to a few per agenda), from there;
3. local search on the holes left, then the exact objective (moves, holes, fairness) with the
   hole-free agendas that meet no loose participant kept on their intervals: a small problem
   about the loose agendas.
The bounds of steps 1 and 2 are lower bounds on the holes of any schedule with that priority,
reported as `holes_lower_bound`.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from ..clock import Clock, cp_sat_work
from ..improve.polish import run_polish
from ..placement import Board, Layout, Positions, on_board, person_holes, plan_busy
from . import cpsat
from .priority import most_priority

# Shares of the time left for the loose-agenda step, then the split step, then local search.
LOOSE_SHARE = 0.55
SPLIT_SHARE = 0.6
POLISH_SHARE = 0.3
# Most seconds for completing a hint (cpsat.add_full_hint).
HINT_SECONDS = 5.0
# Share of the time left for the plain priority model when the start misses the bound.
PRIORITY_SHARE = 0.6
# Share of the time for polishing the greedy start of a fresh solve.
START_POLISH_SHARE = 0.15


def _run(
    window: cpsat.Window,
    hint: dict[int, tuple[int, int]],
    *,
    seconds: float,
    seed: int,
    workers: int,
    clock: Clock,
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """Solve the window of the step begun last (`Clock.begin_step`) on `seconds`."""
    cpsat.add_full_hint(
        window.model,
        {var: hint.get(mi) == (s, v) for (mi, s, v), var in window.x.items()},
        # Completing the hint is propagation, seconds at most, but never past the deadline.
        seconds=min(HINT_SECONDS, clock.wall_left()),
    )
    solver = clock.cp_solver(seconds=seconds, seed=seed, workers=workers)
    status = solver.solve(window.model)
    clock.charge(cp_sat_work(solver, window.model) if clock.deterministic else 0.0)
    clock.end_step(seconds)
    return solver, status


def _solution(window: cpsat.Window, solver: cp_model.CpSolver) -> dict[int, tuple[int, int]]:
    return {mi: (s, v) for (mi, s, v), var in window.x.items() if solver.boolean_value(var)}


def _found(status: cp_model.CpSolverStatus) -> bool:
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _compact_steps(
    layout: Layout,
    board: Board,
    clock: Clock,
    plan: dict[int, tuple[int, int]],
    *,
    all_scheduled: bool,
    priority: int,
    seed: int,
    workers: int,
    loose_done: bool,
) -> tuple[dict[int, tuple[int, int]], int]:
    """Steps 1 (unless `loose_done`) and 2 of the module docstring from `plan`; returns the new
    plan and a lower bound on the holes (each step's objective is at most the holes of any
    schedule)."""
    everything = list(range(len(layout.meetings)))
    bound = 0
    steps = [(LOOSE_SHARE, False), (SPLIT_SHARE, True)]
    for share, split in steps[1:] if loose_done else steps:
        if not clock.begin_step():
            break
        window = cpsat.build(
            layout,
            board,
            everything,
            all_scheduled=all_scheduled,
            compact=True,
            spans_only=True,
        )
        window.model.add(window.priority >= priority)
        window.model.minimize(window.holed + window.split if split else window.holed)
        solver, status = _run(
            window, plan, seconds=share * clock.left(), seed=seed, workers=workers, clock=clock
        )
        if _found(status):
            plan = _solution(window, solver)
            clock.best_at = clock.elapsed()
            bound = max(bound, round(solver.best_objective_bound))
            clock.bound_holes(bound)
            if status == cp_model.OPTIMAL and round(solver.objective_value) == 0:
                break  # hole-free: nothing left to split
    return plan, bound


def polish_plan(
    board: Board,
    plan: dict[int, tuple[int, int]],
    clock: Clock,
    seed: int,
    share: float = POLISH_SHARE,
) -> dict[int, tuple[int, int]]:
    """Close holes by local search on `share` of the time left: of the start before CP-SAT,
    and of the loose agendas before the exact count takes over."""
    return on_board(board, plan, lambda: run_polish(clock, board, share, seed))


def _keep_compact(layout: Layout, window: cpsat.Window, plan: dict[int, tuple[int, int]]) -> int:
    """Keep hole-free agendas of `plan` on their intervals; returns how many were kept.

    Freezing the compact intervals (meetings may still swap slots inside them) makes the exact
    hole count a small problem about the loose agendas. Participants meeting a loose one stay
    free, so a loose agenda can pull its partners along.
    """
    busy = plan_busy(layout, plan)
    loose = {p for p, mask in enumerate(busy) if person_holes(layout, mask)}
    near = set(loose)
    for p in loose:
        for mi in layout.by_person[p]:
            near.update(layout.members[mi])
    kept: dict[int, int] = {}
    for p, mask in enumerate(busy):
        if p in near:
            continue
        for sess_mask in layout.session_mask:
            if mask & sess_mask:
                kept[p] = kept.get(p, 0) | sess_mask
    for (mi, s, _), var in window.x.items():
        if any(p in kept and kept[p] >> s & 1 and not busy[p] >> s & 1 for p in layout.members[mi]):
            window.model.add(var == 0)
    return len(kept)


def take_off(board: Board) -> tuple[Positions, int]:
    """The board's schedule as the start plan of the whole-instance phases, which work on the
    board empty; and the summed priority of the meetings that can be held at all."""
    layout = board.layout
    everything = range(len(layout.meetings))
    plan = {mi: (board.slot[mi], board.pool[mi]) for mi in everything if board.slot[mi] >= 0}
    for mi in everything:
        board.remove(mi)
    schedulable = sum(
        layout.priority[mi] for mi in everything if board.free_mask(mi) and layout.meeting_pools[mi]
    )
    return plan, schedulable


def _exact_model(
    layout: Layout,
    board: Board,
    clock: Clock,
    stats: dict[str, object],
    best: int,
    plan: dict[int, tuple[int, int]],
    loose_bound: int,
    seed: int,
    workers: int,
    previous: dict[int, tuple[int, int]] | None,
    all_scheduled: bool,
) -> tuple[dict[int, tuple[int, int]], bool]:
    """The exact model under priority `best` (moves, holes, fairness) from `plan`; returns the
    plan and whether it is proved optimal, and sets `holes_lower_bound` in `stats`."""
    fresh = previous is None
    window = cpsat.build(
        layout,
        board,
        list(range(len(layout.meetings))),
        previous=previous,
        all_scheduled=all_scheduled,
        compact=fresh,
    )
    window.model.add(window.priority >= best)
    kept = _keep_compact(layout, window, plan) if fresh else 0
    hole_cap = len(layout.person_index) * layout.n_slots + 1
    # Above the fairness term's largest value (the most meetings one participant can lose, which
    # may exceed the slots), so that one hole always outweighs it.
    fair_cap = max((len(mine) for mine in layout.by_person), default=0) + 1
    window.model.minimize(
        window.moves * hole_cap * fair_cap + window.holes * fair_cap + window.fairness
    )
    solver, status = _run(
        window, plan, seconds=0.9 * clock.left(), seed=seed, workers=workers, clock=clock
    )
    if not _found(status):
        return plan, False
    clock.best_at = clock.elapsed()
    holes = round(solver.objective_value) // fair_cap
    # With agendas kept on their intervals, only the loose-agenda bound holds overall. In a
    # re-plan the objective's bound mixes in the moves, which come first: a schedule that moves
    # more may have fewer holes, so it bounds no holes at all.
    holes_bound = (
        loose_bound if kept or not fresh else round(solver.best_objective_bound) // fair_cap
    )
    lower = stats["holes_lower_bound"] = max(0, holes_bound, loose_bound)
    if fresh:
        clock.bound_holes(lower)
    proved = status == cp_model.OPTIMAL and (not kept or holes <= loose_bound)
    return _solution(window, solver), proved


def cp_sat_steps(
    layout: Layout,
    board: Board,
    clock: Clock,
    best: int,
    best_plan: dict[int, tuple[int, int]],
    bound: int,
    schedulable: int,
    seed: int,
    workers: int,
    previous: dict[int, tuple[int, int]] | None,
) -> dict[str, object]:
    """The CP-SAT steps of the module docstring, from the start plan `best_plan`."""
    everything = list(range(len(layout.meetings)))
    stats: dict[str, object] = {}
    fresh = previous is None
    loose_done, loose_bound = False, 0
    if best < bound and bound >= schedulable and clock.begin_step():
        # The bounds allow every meeting: asking for all of them at once is a far easier
        # model than maximising how many fit.
        window = cpsat.build(
            layout, board, everything, all_scheduled=True, compact=fresh, spans_only=fresh
        )
        # Fresh, this is step 1 of the module docstring already: the loose-agenda model.
        window.model.minimize(window.holed if fresh else window.holes)
        share = LOOSE_SHARE if fresh else 0.5
        solver, status = _run(
            window, best_plan, seconds=share * clock.left(), seed=seed, workers=workers, clock=clock
        )
        if _found(status):
            best, best_plan = schedulable, _solution(window, solver)
            clock.best_at = clock.elapsed()
            loose_done = fresh
            loose_bound = round(solver.best_objective_bound) if fresh else 0
            if fresh:
                clock.bound_holes(loose_bound)
    if best < bound:
        # The plain model of objective (1) (priority.py): without the hole structure it proves
        # what the full model does not, and its bound is reported.
        outcome = most_priority(
            layout, board, clock, best_plan, share=PRIORITY_SHARE, seed=seed, workers=workers
        )
        if outcome is not None:
            if outcome.priority > best:
                best, best_plan = outcome.priority, outcome.plan
                clock.best_at = clock.elapsed()
            bound = min(bound, outcome.bound)
            stats["priority_upper_bound"] = bound
    stats["priority_proved_optimal"] = best >= min(bound, schedulable)
    all_scheduled = best >= schedulable
    if fresh:
        best_plan, step_bound = _compact_steps(
            layout,
            board,
            clock,
            best_plan,
            all_scheduled=all_scheduled,
            priority=best,
            seed=seed,
            workers=workers,
            loose_done=loose_done,
        )
        loose_bound = max(loose_bound, step_bound)
        best_plan = polish_plan(board, best_plan, clock, seed)
    if fresh:
        stats["holes_lower_bound"] = loose_bound
    proved = False
    # Unless too little time is left for the exact model to pay for its own building.
    if clock.begin_step():
        best_plan, proved = _exact_model(
            layout,
            board,
            clock,
            stats,
            best,
            best_plan,
            loose_bound,
            seed,
            workers,
            previous,
            all_scheduled,
        )
    stats["proved_optimal"] = proved and bool(stats["priority_proved_optimal"])
    for mi, (s, v) in best_plan.items():
        board.place(mi, s, v)
    return stats
