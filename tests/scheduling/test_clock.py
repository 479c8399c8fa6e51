"""The clock that every phase of the solver asks for time."""

from matchfair.scheduling.clock import Clock


def test_a_step_does_not_start_when_its_overhead_would_pass_the_limit():
    clock = Clock(30.0, None, deterministic=False)
    assert clock.step_fits()  # nothing measured yet
    clock.overhead = 5.0
    assert clock.step_fits()  # about 30 s left
    clock.overhead = 31.0
    assert not clock.step_fits()


def test_a_deterministic_run_counts_work_and_ignores_overhead():
    clock = Clock(30.0, None, deterministic=True)
    clock.overhead = 31.0
    assert clock.step_fits()
