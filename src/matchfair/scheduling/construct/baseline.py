"""First come, first served: what participants get when they book slots themselves.

Meetings are taken in input order and each gets the earliest slot where everyone is free and a
table has room; nothing is ever moved.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from ..model import Instance, Result
from ..placement import Board, Layout, iter_bits
from ..reasons import explain_unscheduled
from .greedy import place_locked


def first_come_first_served(
    instance: Instance, *, names: Mapping[str, str] | None = None
) -> Result:
    started = time.perf_counter()
    layout = Layout(instance)
    board = Board(layout)
    # Held meetings are facts, so they are placed before anyone books.
    place_locked(board)
    for mi in (mi for mi, m in enumerate(layout.meetings) if m.locked is None):
        for s in iter_bits(board.free_mask(mi)):
            v = board.pool_for(mi, s)
            if v >= 0:
                board.place(mi, s, v)
                break
    assignments = board.assignments()
    unscheduled = explain_unscheduled(layout, board, names=names)
    stats: dict[str, object] = {
        "method": "first-come-first-served",
        "scheduled": len(assignments),
        "priority_scheduled": sum(
            layout.priority[mi] for mi in range(len(board.slot)) if board.slot[mi] >= 0
        ),
        "seconds": round(time.perf_counter() - started, 3),
    }
    return Result(tuple(assignments), tuple(unscheduled), stats)
