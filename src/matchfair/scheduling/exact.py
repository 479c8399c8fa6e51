"""The whole instance in one CP-SAT model, for small and medium instances: best priority, then
compact agendas, then moves, exact holes and fairness under that priority."""

from __future__ import annotations

from ortools.sat.python import cp_model

from . import cpsat
from .clock import Clock, solver_parameters
from .placement import Board, Layout, board_priority

# Share of the time left that the lean spans model gets before the exact hole count.
SPANS_SHARE = 0.92


def _run(
    window: cpsat.Window,
    hint: dict[int, tuple[int, int]],
    *,
    seconds: float,
    seed: int,
    workers: int,
    clock: Clock,
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


def solve_whole(
    layout: Layout,
    board: Board,
    clock: Clock,
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
