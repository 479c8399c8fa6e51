"""Time keeping and progress reports shared by every phase of the solver: the deadline, the
work charged in deterministic mode, CP-SAT's parameters from both. It runs no search."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .placement import Board, board_holes, board_priority


@dataclass(frozen=True, slots=True)
class Progress:
    seconds: float
    phase: str
    scheduled: int
    priority: int
    priority_bound: int
    holes: int
    # Every schedule reaching `priority_bound` has at least this many holes, once a search has
    # proved a bound above 0 (None before). With the priority bound it bounds both objectives.
    holes_bound: int | None = None


class Clock:
    """Time left on the wall clock or, deterministic, as work charged: CP-SAT's deterministic
    time plus local-search steps. The wall clock stops every run at its `wall_limit` (the time
    limit unless given): where it stops a deterministic run before its work is spent, the run
    is no longer reproducible and `stopped_by_clock` says so."""

    def __init__(
        self,
        time_limit: float,
        progress: Callable[[Progress], None] | None,
        deterministic: bool,
        wall_limit: float | None = None,
    ) -> None:
        self.started = time.perf_counter()
        self.deterministic = deterministic
        self.deadline = self.started + (time_limit if wall_limit is None else wall_limit)
        self.time_limit = time_limit
        # A deterministic run whose time left the wall clock cut below the work left.
        self.stopped_by_clock = False
        self.spent = 0.0
        self.progress = progress
        self.first_complete: float | None = None
        self.best_at = 0.0
        # Seconds kept back from `left()` for the work after the search (tables, reasons).
        self.reserve = 0.0
        # The most seconds a CP-SAT step took beyond the time it was given: building the model,
        # then presolve and loading, which the solver's limit does not cut short.
        self.overhead = 0.0
        self._step_began = 0.0
        # The best lower bound on holes proved so far (`Progress.holes_bound`).
        self.holes_bound: int | None = None

    def begin_step(self) -> bool:
        """Whether a CP-SAT step may start now: more time is left than the largest overhead of
        a step so far, so that it does not run past the limit (on the wall clock; deterministic
        runs count work, model building included, and need only some left). The step's
        overhead is measured from here to `end_step`."""
        self._step_began = time.perf_counter()
        return self.left() > (0.0 if self.deterministic else self.overhead)

    def end_step(self, seconds: float) -> None:
        """The step begun last, given `seconds` to solve, has ended."""
        self.overhead = max(self.overhead, time.perf_counter() - self._step_began - seconds)

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def left(self) -> float:
        wall = self.deadline - time.perf_counter()
        if not self.deterministic:
            return max(0.0, wall - self.reserve)
        # The shares of a deterministic run come from the work left alone, so that they do not
        # depend on the machine's speed; the deadline only cuts it short.
        work = max(0.0, self.time_limit - self.spent - self.reserve)
        if wall <= 0 and work > 0:
            self.stopped_by_clock = True
            return 0.0
        return work

    def wall_left(self) -> float:
        """Wall seconds to the deadline, whatever the mode: what no step may run past."""
        return max(0.0, self.deadline - time.perf_counter())

    def cp_solver(self, *, seconds: float, seed: int, workers: int) -> cp_model.CpSolver:
        """A CP-SAT solver limited to `seconds` in this run's mode, never past its deadline."""
        solver = cp_model.CpSolver()
        solver_parameters(
            solver,
            seconds=seconds,
            seed=seed,
            workers=workers,
            deterministic=self.deterministic,
            wall=self.wall_left(),
        )
        return solver

    def charge(self, seconds: float) -> None:
        self.spent += seconds

    def report(self, phase: str, board: Board, bound: int, holes: int | None = None) -> None:
        """Report the board, or its meetings with `holes` when a search holds a better
        arrangement of them than the board yet."""
        if self.progress is not None:
            self.progress(
                Progress(
                    round(self.elapsed(), 2),
                    phase,
                    sum(1 for s in board.slot if s >= 0),
                    board_priority(board),
                    bound,
                    board_holes(board) if holes is None else holes,
                    self.holes_bound,
                )
            )

    def bound_holes(self, lower: int) -> bool:
        """A search proved that a schedule of the priority bound has at least `lower` holes;
        returns whether that raised the bound (a bound of 0 says nothing: it is not kept)."""
        if lower <= (self.holes_bound or 0):
            return False
        self.holes_bound = lower
        return True


# Deterministic runs count CP-SAT's work in wall seconds of the 2-core reference machine, so that
# a time limit lasts about as long in either mode. One of CP-SAT's deterministic seconds took
# 2.4 (whole forum models) to 4.4 (neighbourhood windows) wall seconds there, and building,
# hinting and loading a model took about 50 microseconds a variable, which CP-SAT's count leaves
# out: a 10 s limit ran 75 s on a 1,000-meeting event with walking times, forum-14's 17 s.
WALL_PER_DETERMINISTIC_SECOND = 3.0
SECONDS_PER_MODEL_VARIABLE = 5e-5


def cp_sat_work(solver: cp_model.CpSolver, model: cp_model.CpModel) -> float:
    """The seconds a deterministic run charges for one solve of `model`."""
    return (
        solver.deterministic_time * WALL_PER_DETERMINISTIC_SECOND
        + len(model.proto.variables) * SECONDS_PER_MODEL_VARIABLE
    )


def guard(seconds: float) -> float:
    """The wall-clock guard of a deterministic run of `seconds` of work: loose enough that it
    binds only on a machine many times slower or busier than the one the limit was set for
    (at 3x, a 2-core machine running two other solvers already broke determinism)."""
    return 10 * seconds + 30


def solver_parameters(
    solver: cp_model.CpSolver,
    *,
    seconds: float,
    seed: int,
    workers: int,
    deterministic: bool,
    wall: float | None = None,
) -> None:
    """Deterministic: one worker and CP-SAT's deterministic time as the binding limit, so a
    seed gives one answer; the wall clock is a guard, and `wall` (the seconds to the run's
    deadline) caps it. Otherwise the wall clock binds and `workers` threads share the search."""
    work = seconds / WALL_PER_DETERMINISTIC_SECOND if deterministic else seconds
    solver.parameters.max_deterministic_time = max(0.05, work)
    limit = guard(seconds) if deterministic else seconds
    if wall is not None:
        limit = min(limit, wall)
    solver.parameters.max_time_in_seconds = max(0.05, limit)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 1 if deterministic else max(1, workers)
    solver.parameters.max_presolve_iterations = 1
