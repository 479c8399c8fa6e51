"""The compact construction (slot-by-slot sweep) used as the start of large solves."""

from dataclasses import replace

from matchfair.scheduling import Lock, Result, check, solve
from matchfair.scheduling.clock import guard
from matchfair.scheduling.construct.greedy import construct
from matchfair.scheduling.construct.sweep import _slots_after, compact_start, sweep
from matchfair.scheduling.generate import Family, generate
from matchfair.scheduling.improve import lns
from matchfair.scheduling.placement import Board, Layout, board_holes, board_priority

from .builders import document, instance


def _result(board: Board) -> Result:
    return Result(tuple(board.assignments()), ())


def test_slots_after_counts_the_rest_of_the_session_and_later_sessions():
    layout = Layout(generate("small-forum", seed=0))  # one day, two sessions of ten slots
    in_session, later = _slots_after(layout)
    assert (in_session[0], later[0]) == (10, 10)
    assert (in_session[9], later[9]) == (1, 10)
    assert (in_session[10], later[10]) == (10, 0)
    assert (in_session[19], later[19]) == (1, 0)


def test_sweep_is_valid_and_more_compact_than_the_greedy():
    inst = generate("brokerage-day", seed=1)
    layout = Layout(inst)
    compact = sweep(layout, Board(layout), seed=0)
    greedy = construct(layout, seed=0)
    assert check(inst, _result(compact)).violations == ()
    assert board_priority(compact) == board_priority(greedy)
    assert board_holes(compact) < board_holes(greedy) // 2


def test_sweep_respects_booths_groups_travel_and_unavailability():
    inst = generate("small-forum+booths+groups+travel+unavailable", seed=3)
    layout = Layout(inst)
    board = sweep(layout, Board(layout), seed=1)
    assert check(inst, _result(board)).violations == ()
    assert sum(1 for s in board.slot if s >= 0) > 0.9 * len(inst.meetings)


def test_sweep_keeps_meetings_already_on_the_board():
    doc = document(
        slots=4, people=("a", "b", "c", "d"), meetings=(("a", "b"), ("c", "d"), ("a", "c"))
    )
    doc["meetings"][0]["locked"] = {"slot": "t3"}
    layout = Layout(instance(doc))
    board = compact_start(layout)
    assert board.slot[0] == 2
    assert all(s >= 0 for s in board.slot)


def test_sweep_respects_max_meetings():
    doc = document(people=("a", "b", "c", "d"), meetings=(("a", "b"), ("a", "c"), ("a", "d")))
    doc["participants"][0]["max_meetings"] = 2
    inst = instance(doc)
    layout = Layout(inst)
    board = sweep(layout, Board(layout))
    assert board.count[0] == 2
    assert check(inst, _result(board)).violations == ()


def test_compact_start_keeps_the_greedy_priority_when_not_everything_fits():
    inst = generate("brokerage-day+popular+tight", seed=0)
    layout = Layout(inst)
    board = compact_start(layout, seed=0)
    greedy = construct(layout, seed=0)
    assert check(inst, _result(board)).violations == ()
    assert board_priority(board) >= board_priority(greedy)
    assert board_holes(board) < board_holes(greedy)


def test_compact_start_depends_only_on_the_seed():
    layout = Layout(generate("small-forum", seed=4))
    first, again = compact_start(layout, seed=7), compact_start(layout, seed=7)
    assert (first.slot, first.pool) == (again.slot, again.pool)


def test_sweep_handles_more_slots_than_a_machine_word():
    inst = generate(Family(80, 400, days=5, sessions_per_day=2, slots_per_session=8), seed=2)
    layout = Layout(inst)
    assert layout.n_slots == 80
    board = compact_start(layout, seed=0)
    assert check(inst, _result(board)).violations == ()
    assert max(board.slot) >= 64
    assert all(s >= 0 for s in board.slot)


def test_sweep_keeps_a_locked_meeting_late_in_the_day():
    inst = generate("small-forum", seed=5)
    first = inst.meetings[0]
    late = inst.slots[-1].id
    locked = replace(first, locked=Lock(late, None))
    inst = replace(inst, meetings=(locked, *inst.meetings[1:]))
    layout = Layout(inst)
    board = compact_start(layout, seed=0)
    assert board.slot[0] == layout.n_slots - 1
    assert check(inst, _result(board)).violations == ()


def test_large_solve_same_seed_same_result():
    inst = generate("brokerage-day", seed=2)
    first = solve(inst, time_limit=1, seed=3, deterministic=True, wall_limit=guard(1))
    second = solve(inst, time_limit=1, seed=3, deterministic=True, wall_limit=guard(1))
    assert first.stats["method"] == "greedy+annealing+local-search+lns"
    assert first.assignments == second.assignments
    assert check(inst, first).violations == ()


def test_a_large_solve_ends_at_a_start_without_a_hole():
    # 96,000 meeting × slot Booleans: above the whole-instance model, and room to spare.
    inst = generate(Family(400, 1_200, 2, 2, 20), seed=0)
    result = solve(inst, time_limit=30)
    report = check(inst, result)
    assert (report.violations, report.metrics["scheduled"], report.metrics["holes"]) == (
        (),
        1_200,
        0,
    )
    assert (result.stats["method"], result.stats["proved_optimal"]) == ("greedy", True)


def test_the_neighbourhood_search_ends_once_nobody_can_gain():
    # The sweep leaves 4 holes and the windows close them; the search then stops at once
    # (it looked again only every 50 windows). The solver's annealing would close them first,
    # so the search is run on the sweep's schedule itself.
    inst = generate(Family(300, 1_000, 2, 2, 16), seed=0)
    layout = Layout(inst)
    board = compact_start(layout, 0)
    assert board_holes(board) > 0
    spent = [0.0]
    stats = lns.improve(
        layout,
        board,
        left=lambda: 30 - spent[0],
        charge=lambda seconds: spent.__setitem__(0, spent[0] + seconds),
        seed=0,
        workers=1,
        previous=None,
        on_better=lambda: None,
    )
    assert (check(inst, _result(board)).violations, board_holes(board)) == ((), 0)
    assert 0 < stats["lns_windows"] < 50
