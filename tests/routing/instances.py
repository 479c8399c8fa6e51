"""Small hand-made `matchfair-visits/1` requests the routing tests start from."""

from __future__ import annotations

import copy
from typing import Any

DAY = "2026-11-07"
DAY2 = "2026-11-08"

# Hall 1 and hall 2 are 10 minutes apart; the entrance is 5 minutes from each.
_SMALL: dict[str, Any] = {
    "format": "matchfair-visits/1",
    "days": [{"date": DAY, "start": "09:00", "end": "19:00"}],
    "entrance": "entrance",
    "walking": {
        "minutes": {
            "entrance": {"hall-1": 5, "hall-2": 5},
            "hall-1": {"hall-2": 10},
        }
    },
    "stops": [
        {
            "id": "bavaria",
            "name": "Bavaria pavilion",
            "kind": "pavilion",
            "location": "hall-1",
            "open": [{"day": DAY, "start": "10:00", "end": "18:00"}],
            "minutes": 30,
            "priority": 2,
        },
        {
            "id": "ubiwhere",
            "name": "Ubiwhere",
            "kind": "stand",
            "location": "hall-2",
            "open": [{"day": DAY, "start": "10:00", "end": "18:00"}],
            "minutes": 20,
        },
    ],
    "members": [
        {
            "id": "m1",
            "name": "Sofia Tech",
            "days": [DAY],
            "wishes": [{"stop": "bavaria", "priority": 3}, {"stop": "ubiwhere"}],
            "commitments": [
                {
                    "id": "b2b-1",
                    "kind": "meeting",
                    "title": "B2B with Tampere",
                    "day": DAY,
                    "start": "10:00",
                    "end": "10:30",
                    "location": "hall-2",
                }
            ],
        }
    ],
}


def small() -> dict[str, Any]:
    """One day, two halls, two stops, one member with one B2B meeting."""
    return copy.deepcopy(_SMALL)


def stop(
    sid: str,
    location: str,
    minutes: int,
    *,
    start: str = "10:00",
    end: str = "18:00",
    day: str = DAY,
    priority: int = 1,
    kind: str = "stand",
) -> dict[str, Any]:
    return {
        "id": sid,
        "name": sid.title(),
        "kind": kind,
        "location": location,
        "open": [{"day": day, "start": start, "end": end}],
        "minutes": minutes,
        "priority": priority,
    }


def meeting(cid: str, start: str, end: str, location: str, *, day: str = DAY) -> dict[str, Any]:
    return {
        "id": cid,
        "kind": "meeting",
        "title": f"B2B {cid}",
        "day": day,
        "start": start,
        "end": end,
        "location": location,
    }
