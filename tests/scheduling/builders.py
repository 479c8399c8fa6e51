"""Small instance documents for the scheduling tests, built in plain code with no surprises."""

from __future__ import annotations

import copy
from typing import Any

from matchfair.scheduling import Instance, parse_instance


def document(
    *,
    slots: int = 4,
    sessions: int = 1,
    tables: int = 2,
    people: tuple[str, ...] = ("a", "b", "c"),
    meetings: tuple[tuple[str, ...], ...] = (("a", "b"),),
) -> dict[str, Any]:
    """A valid `matchfair-schedule/1` document: slots of 20 minutes with 5-minute changeovers,
    sessions of equal length, everyone available everywhere, meetings named m1, m2, ..."""
    per_session = slots // sessions
    slot_list = []
    for i in range(slots):
        session, k = divmod(i, per_session)
        minute = k * 25
        hour = 9 + 5 * session + minute // 60
        slot_list.append(
            {
                "id": f"t{i + 1}",
                "session": f"s{session + 1}",
                "start": f"2026-11-17T{hour:02d}:{minute % 60:02d}:00+01:00",
                "minutes": 20,
            }
        )
    return {
        "format": "matchfair-schedule/1",
        "slots": slot_list,
        "tables": [{"id": f"T{i + 1}"} for i in range(tables)],
        "participants": [{"id": p, "available": [s["id"] for s in slot_list]} for p in people],
        "meetings": [
            {"id": f"m{i + 1}", "participants": list(who)} for i, who in enumerate(meetings)
        ],
    }


def instance(doc: dict[str, Any]) -> Instance:
    return parse_instance(copy.deepcopy(doc))
