"""Tiny instances, and their optimum found by trying every placement: the yardstick for the
engines' claims of optimality, judged by the independent checker alone."""

from __future__ import annotations

import copy
import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from matchfair.scheduling import Instance, Lock, Result, check
from matchfair.scheduling.placement import Board, Layout

from .builders import document, instance


@st.composite
def tiny_instances(draw: st.DrawFn, priorities: bool = False) -> dict[str, Any]:
    """Two to four people, two to four slots of one session, one or two tables, up to four
    meetings between them, with slots where someone is away (and priorities, if asked)."""
    people = ("a", "b", "c", "d")[: draw(st.integers(2, 4))]
    slots = draw(st.integers(2, 4))
    pairs = list(itertools.combinations(people, 2))
    meetings = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=4))
    doc = document(slots=slots, tables=draw(st.integers(1, 2)), people=people, meetings=meetings)
    for participant in doc["participants"]:
        ids = participant["available"]
        participant["available"] = [s for s in ids if draw(st.integers(0, 4))]
    if priorities:
        for meeting in doc["meetings"]:
            meeting["priority"] = draw(st.integers(1, 3))
    return doc


def _valid_schedules(
    doc: dict[str, Any], *, every_meeting: bool = False
) -> Iterator[tuple[dict[str, str], dict[str, Any]]]:
    """Every placement of every meeting (or leaving it out, unless `every_meeting`) that the
    independent checker accepts: (meeting -> slot held, the checker's metrics)."""
    inst = _unchecked(doc)
    layout = Layout(inst)
    slot_ids = [s.id for s in inst.slots]
    options: list[list[tuple[int, int] | None]] = [
        [(s, v) for s in range(layout.n_slots) if layout.allowed[mi] >> s & 1 for v in venues]
        + ([] if every_meeting else [None])
        for mi, venues in enumerate(layout.meeting_pools)
    ]
    for choice in itertools.product(*options):
        board = Board(layout)
        held: dict[str, str] = {}
        for mi, where in enumerate(choice):
            if where is None:
                continue
            s, v = where
            if not board.free_mask(mi) >> s & 1 or not board.room[v] >> s & 1:
                break
            board.place(mi, s, v)
            held[inst.meetings[mi].id] = slot_ids[s]
        else:
            report = check(inst, Result(tuple(board.assignments()), ()))
            if not report.violations:
                yield held, report.metrics


def best_by_hand(
    doc: dict[str, Any], *, every_meeting: bool = False
) -> tuple[int, int, int] | None:
    """The best (summed priority, holes, most meetings one participant loses) of a valid
    schedule, in the order of the objectives: highest priority, then fewest holes, then the
    smallest largest loss; None when no valid schedule exists."""
    values = (
        (m["priority_scheduled"], m["holes"], m["max_unscheduled"])
        for _, m in _valid_schedules(doc, every_meeting=every_meeting)
    )
    return max(values, key=lambda v: (v[0], -v[1], -v[2]), default=None)


def best_replan_by_hand(doc: dict[str, Any], previous: dict[str, str]) -> tuple[int, int, int]:
    """The best (summed priority, meetings of `previous` (meeting -> slot) not held in their
    slot, holes) of a valid schedule, in the order a re-plan weighs them: highest priority,
    then fewest moves, then fewest holes."""
    values = (
        (
            m["priority_scheduled"],
            sum(1 for mid, slot in previous.items() if held.get(mid) != slot),
            m["holes"],
        )
        for held, m in _valid_schedules(doc)
    )
    # Leaving every meeting out is valid, so there is always one.
    return max(values, key=lambda v: (v[0], -v[1], -v[2]))


def _unchecked(doc: dict[str, Any]) -> Instance:
    """The instance of `doc`, with its locks added after parsing: so that locks the parser
    rejects because they cannot all hold can still be tried by hand."""
    bare = copy.deepcopy(doc)
    for meeting in bare["meetings"]:
        meeting.pop("locked", None)
    inst = instance(bare)
    locks = {m["id"]: m["locked"] for m in doc["meetings"] if "locked" in m}
    meetings = tuple(
        dataclasses.replace(m, locked=Lock(locks[m.id]["slot"], locks[m.id].get("table")))
        if m.id in locks
        else m
        for m in inst.meetings
    )
    return dataclasses.replace(inst, meetings=meetings)


def locks_can_hold(doc: dict[str, Any]) -> bool:
    """Whether some valid schedule holds every locked meeting in its slot (the others left out):
    walking times and booths can make locks that each fit exclude each other."""
    locked = copy.deepcopy(doc)
    locked["meetings"] = [m for m in doc["meetings"] if "locked" in m]
    return next(_valid_schedules(locked, every_meeting=True), None) is not None
