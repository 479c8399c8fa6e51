"""The clock that every phase of the solver asks for time."""

import time

from ortools.sat.python import cp_model

from matchfair.scheduling import check, solve
from matchfair.scheduling.clock import (
    SECONDS_PER_MODEL_VARIABLE,
    WALL_PER_DETERMINISTIC_SECOND,
    Clock,
    cp_sat_work,
    solver_parameters,
)
from matchfair.scheduling.generate import generate


def test_a_step_does_not_start_when_its_overhead_would_pass_the_limit():
    clock = Clock(30.0, None, deterministic=False)
    assert clock.begin_step()  # nothing measured yet
    clock.overhead = 5.0
    assert clock.begin_step()  # about 30 s left
    clock.overhead = 31.0
    assert not clock.begin_step()


def test_a_step_overhead_is_the_time_beyond_what_it_was_given():
    clock = Clock(30.0, None, deterministic=False)
    clock.begin_step()
    time.sleep(0.05)
    clock.end_step(0.0)  # given nothing, it took at least the 0.05 s slept
    assert clock.overhead >= 0.05
    clock.begin_step()
    clock.end_step(10.0)  # well within its time: the largest overrun stays
    assert clock.overhead >= 0.05


def test_a_deterministic_run_counts_work_and_ignores_overhead():
    # A step starts while some of the limit is left, whatever a step took on the wall clock.
    clock = Clock(30.0, None, deterministic=True)
    clock.overhead = 31.0
    assert clock.begin_step()
    clock.charge(29.0)
    assert clock.begin_step()
    clock.charge(1.0)  # the work charged has reached the limit
    assert not clock.begin_step()


def test_a_deterministic_run_charges_building_a_model_as_well_as_solving_it():
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(1_000)]
    model.add(sum(x) == 500)
    model.maximize(sum(i * v for i, v in enumerate(x)))
    solver = cp_model.CpSolver()
    solver_parameters(solver, seconds=3.0, seed=0, workers=2, deterministic=True)
    assert solver.parameters.max_deterministic_time == 3.0 / WALL_PER_DETERMINISTIC_SECOND
    assert solver.parameters.num_workers == 1
    solver.solve(model)
    # 1,000 variables cost 0.05 s of the limit even where CP-SAT counts no work at all.
    assert cp_sat_work(solver, model) >= 1_000 * SECONDS_PER_MODEL_VARIABLE
    assert cp_sat_work(solver, model) >= solver.deterministic_time * WALL_PER_DETERMINISTIC_SECOND


def test_the_wall_clock_stops_a_deterministic_run_and_says_so():
    clock = Clock(30.0, None, deterministic=True, wall_limit=0.05)
    assert clock.left() > 29.0  # shares come from the work left
    assert not clock.stopped_by_clock
    time.sleep(0.06)
    assert clock.left() == 0.0
    assert clock.stopped_by_clock


def test_a_deterministic_run_done_before_the_wall_clock_is_not_stopped_by_it():
    clock = Clock(1.0, None, deterministic=True, wall_limit=0.05)
    clock.charge(1.0)
    time.sleep(0.06)
    assert clock.left() == 0.0
    assert not clock.stopped_by_clock


def test_a_cp_sat_step_never_runs_past_the_deadline():
    solver = cp_model.CpSolver()
    solver_parameters(solver, seconds=20.0, seed=0, workers=1, deterministic=True, wall=1.5)
    assert solver.parameters.max_time_in_seconds == 1.5
    solver_parameters(solver, seconds=20.0, seed=0, workers=2, deterministic=False, wall=30.0)
    assert solver.parameters.max_time_in_seconds == 20.0


def test_the_clocks_cp_sat_solver_takes_its_mode_and_stops_at_its_deadline():
    deterministic = Clock(30.0, None, deterministic=True, wall_limit=2.0)
    solver = deterministic.cp_solver(seconds=20.0, seed=3, workers=2)
    assert solver.parameters.num_workers == 1
    assert solver.parameters.random_seed == 3
    assert 0.05 <= solver.parameters.max_time_in_seconds <= 2.0
    wall = Clock(30.0, None, deterministic=False)
    assert wall.cp_solver(seconds=5.0, seed=0, workers=2).parameters.num_workers == 2


def test_a_deterministic_solve_the_clock_stops_says_so_and_is_valid():
    inst = generate("brokerage-day", seed=0)
    result = solve(inst, time_limit=60, deterministic=True, wall_limit=2.0)
    assert (result.stats["deterministic"], result.stats["stopped_by_clock"]) == (True, True)
    assert check(inst, result).violations == ()
