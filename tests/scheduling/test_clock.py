"""The clock that every phase of the solver asks for time."""

import time

from matchfair.scheduling.clock import Clock


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
    clock = Clock(30.0, None, deterministic=True)
    clock.overhead = 31.0
    assert clock.begin_step()
