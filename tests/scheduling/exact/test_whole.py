"""The compact-or-loose interval structure (compact.py) and the whole-instance steps built on it."""

from __future__ import annotations

from ortools.sat.python import cp_model

from matchfair.scheduling import check, solve
from matchfair.scheduling.clock import guard
from matchfair.scheduling.exact import cpsat
from matchfair.scheduling.placement import Board, Layout, board_holes

from ..builders import document, instance


def _forced_hole() -> dict:
    """`a` meets b only in the first slot and c only in the third: one hole for `a`, and b and
    c meeting in between keeps both of them hole-free."""
    doc = document(slots=4, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t3"]
    return doc


def _minimise(
    doc: dict, objective: str, *, all_scheduled: bool = True
) -> tuple[int, int, dict[int, int]]:
    inst = instance(doc)
    layout = Layout(inst)
    board = Board(layout)
    window = cpsat.build(
        layout,
        board,
        range(len(layout.meetings)),
        all_scheduled=all_scheduled,
        compact=True,
        spans_only=True,
    )
    if not all_scheduled:
        window.model.add(window.priority >= len(layout.meetings))
    window.model.minimize(getattr(window, objective))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    status = solver.solve(window.model)
    assert status == cp_model.OPTIMAL
    cpsat.read(window, solver, board)
    slots = {mi: board.slot[mi] for mi in range(len(layout.meetings))}
    return round(solver.objective_value), board_holes(board), slots


def test_no_loose_agenda_when_a_hole_free_schedule_exists():
    doc = document(
        slots=4, people=("a", "b", "c", "d"), meetings=(("a", "b"), ("b", "c"), ("c", "d"))
    )
    loose, holes, slots = _minimise(doc, "holed")
    assert (loose, holes) == (0, 0)
    assert all(s >= 0 for s in slots.values())


def test_a_forced_hole_makes_exactly_one_loose_agenda():
    loose, holes, slots = _minimise(_forced_hole(), "holed")
    assert loose == 1
    assert holes >= 1
    assert (slots[0], slots[1]) == (0, 2)


def test_split_steps_count_holes_of_a_badly_split_agenda():
    # `a` meets b, c and d only in the first, third and fifth slots: two holes, loose + split.
    doc = document(
        slots=5, people=("a", "b", "c", "d"), meetings=(("a", "b"), ("a", "c"), ("a", "d"))
    )
    for mi, slot in enumerate(("t1", "t3", "t5")):
        doc["meetings"][mi]["slots"] = [slot]
    value, holes, _ = _minimise(doc, "split")
    assert value == 1
    assert holes == 2


def test_intervals_respect_sessions_when_not_all_meetings_must_fit():
    # Two sessions, `a` unavailable in the second: its agenda must be compact in the first.
    doc = document(slots=6, sessions=2, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c")))
    doc["participants"][0]["available"] = ["t1", "t2", "t3"]
    loose, holes, slots = _minimise(doc, "holed", all_scheduled=False)
    assert (loose, holes) == (0, 0)
    assert sorted((slots[0], slots[1])) in ([0, 1], [1, 2])


def test_solve_proves_a_forced_hole_optimal():
    inst = instance(_forced_hole())
    result = solve(inst, time_limit=10, deterministic=True, wall_limit=guard(10))
    report = check(inst, result)
    assert report.violations == ()
    assert report.metrics["unscheduled"] == 0
    assert result.stats["holes"] == 1
    assert result.stats["holes_lower_bound"] == 1
    assert result.stats["proved_optimal"] is True


def test_solve_compact_steps_keep_priority_first_when_not_everything_fits():
    # One table and two slots: only two of the three meetings fit; the priority-3 one is kept.
    doc = document(
        slots=2, tables=1, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c"))
    )
    doc["meetings"][2]["priority"] = 3
    inst = instance(doc)
    result = solve(inst, time_limit=10, deterministic=True, wall_limit=guard(10))
    report = check(inst, result)
    assert report.violations == ()
    assert "m3" in {a.meeting for a in result.assignments}
    assert len(result.assignments) == 2
    assert result.stats["holes"] == 0
