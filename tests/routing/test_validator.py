"""Tests for `matchfair.routing.validator`: it catches each broken rule in hand-made itineraries."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from matchfair.routing import check, itineraries_from_json, parse_visits

from .instances import DAY, small


def _walk(start: str, end: str, origin: str, to: str) -> dict[str, Any]:
    return {"kind": "walk", "start": start, "end": end, "from": origin, "to": to}


def _visit(stop: str, arrive: str, leave: str, location: str, **extra: str) -> dict[str, Any]:
    return {
        "kind": "visit",
        "stop": stop,
        "arrive": arrive,
        "leave": leave,
        "location": location,
        **extra,
    }


MEETING = {
    "kind": "meeting",
    "commitment": "b2b-1",
    "title": "B2B with Tampere",
    "arrive": "10:00",
    "leave": "10:30",
    "location": "hall-2",
}

# A valid itinerary for `instances.small()`, written by hand.
GOOD: dict[str, Any] = {
    "format": "matchfair-itineraries/1",
    "members": [
        {
            "id": "m1",
            "days": [
                {
                    "day": DAY,
                    "entries": [
                        _walk("09:55", "10:00", "entrance", "hall-2"),
                        MEETING,
                        _visit("ubiwhere", "10:30", "10:50", "hall-2"),
                        _walk("10:50", "11:00", "hall-2", "hall-1"),
                        _visit("bavaria", "11:00", "11:30", "hall-1"),
                        _walk("11:30", "11:35", "hall-1", "entrance"),
                    ],
                }
            ],
            "skipped": [],
        }
    ],
    "joint_visits": [],
    "stats": {"priority_fitted": 4},
}


def _problems(doc: dict[str, Any], result: dict[str, Any]) -> list[str]:
    return check(parse_visits(doc), itineraries_from_json(result))


def _with_entries(entries: list[dict[str, Any]], **stats: int) -> dict[str, Any]:
    result = copy.deepcopy(GOOD)
    result["members"][0]["days"][0]["entries"] = entries
    result["stats"].update(stats)
    return result


def test_check_hand_made_good_itinerary_passes() -> None:
    assert _problems(small(), GOOD) == []


def test_check_visit_overlapping_a_meeting_is_caught() -> None:
    result = _with_entries(
        [
            _walk("09:55", "10:00", "entrance", "hall-2"),
            MEETING,
            _visit("ubiwhere", "10:20", "10:40", "hall-2"),
            _walk("10:40", "10:50", "hall-2", "hall-1"),
            _visit("bavaria", "11:00", "11:30", "hall-1"),
            _walk("11:30", "11:35", "hall-1", "entrance"),
        ]
    )

    assert _problems(small(), result) == ["m1 2026-11-07: visit to ubiwhere overlaps meeting b2b-1"]


def test_check_visit_outside_opening_hours_is_caught() -> None:
    doc = small()
    doc["stops"][0]["open"][0]["end"] = "11:15"

    assert _problems(doc, GOOD) == [
        "m1 2026-11-07: visit to bavaria 11:00–11:30 outside its opening hours"
    ]


def test_check_walk_too_short_between_visits_is_caught() -> None:
    result = _with_entries(
        [
            _walk("09:55", "10:00", "entrance", "hall-2"),
            MEETING,
            _visit("ubiwhere", "10:30", "10:50", "hall-2"),
            _walk("10:50", "11:00", "hall-2", "hall-1"),
            _visit("bavaria", "10:55", "11:25", "hall-1"),
            _walk("11:25", "11:30", "hall-1", "entrance"),
        ]
    )

    assert _problems(small(), result) == [
        "m1 2026-11-07: visit to bavaria at 10:55 leaves 5 min after visit to ubiwhere,"
        " walking takes 10 min",
        "m1 2026-11-07: walk #3 does not fit between visit to ubiwhere and visit to bavaria",
    ]


def test_check_walk_too_short_after_a_meeting_is_caught() -> None:
    doc = small()
    doc["members"][0]["commitments"][0]["location"] = "hall-1"
    result = _with_entries(
        [
            _walk("09:55", "10:00", "entrance", "hall-1"),
            {**MEETING, "location": "hall-1"},
            _visit("ubiwhere", "10:30", "10:50", "hall-2"),
            _visit("bavaria", "11:00", "11:30", "hall-1"),
        ]
    )

    assert _problems(doc, result) == [
        "m1 2026-11-07: visit to ubiwhere at 10:30 leaves 0 min after meeting b2b-1,"
        " walking takes 10 min"
    ]


def test_check_moved_or_missing_meeting_is_caught() -> None:
    moved = _with_entries([{**MEETING, "arrive": "09:50", "leave": "10:20"}])
    missing = _with_entries([], priority_fitted=0)
    missing["members"][0]["skipped"] = [
        {"stop": "bavaria", "priority": 3, "reason": "x"},
        {"stop": "ubiwhere", "priority": 1, "reason": "x"},
    ]

    assert _problems(small(), moved) == [
        "m1 2026-11-07: commitment b2b-1 moved or changed",
        "m1: wish bavaria must be either fitted or skipped",
        "m1: wish ubiwhere must be either fitted or skipped",
        "stats: priority_fitted is 4, the itineraries fit 0",
    ]
    assert _problems(small(), missing) == ["m1 2026-11-07: commitment b2b-1 is missing"]


def test_check_same_stop_twice_is_caught() -> None:
    result = _with_entries(
        [
            _walk("09:55", "10:00", "entrance", "hall-2"),
            MEETING,
            _visit("ubiwhere", "10:30", "10:50", "hall-2"),
            _walk("10:50", "11:00", "hall-2", "hall-1"),
            _visit("bavaria", "11:00", "11:30", "hall-1"),
            _visit("bavaria", "11:30", "12:00", "hall-1"),
        ]
    )

    assert _problems(small(), result) == ["m1: visits bavaria 2 times"]


def test_check_day_bounds_are_caught() -> None:
    doc = small()
    doc["days"][0]["end"] = "11:32"

    assert _problems(doc, GOOD) == [
        "m1 2026-11-07: end of day at 11:32 leaves 2 min after visit to bavaria, walking takes 5 min",
        "m1 2026-11-07: walk #5 does not fit between visit to bavaria and end of day",
    ]


def test_check_visit_shorter_than_needed_is_caught() -> None:
    result = copy.deepcopy(GOOD)
    result["members"][0]["days"][0]["entries"][4]["leave"] = "11:20"
    result["members"][0]["days"][0]["entries"][5] = _walk("11:20", "11:25", "hall-1", "entrance")

    assert _problems(small(), result) == ["m1 2026-11-07: visit to bavaria lasts 20 min, 30 needed"]


def test_check_wrong_walk_entry_is_caught() -> None:
    result = copy.deepcopy(GOOD)
    result["members"][0]["days"][0]["entries"][3] = _walk("10:50", "10:55", "hall-2", "hall-1")

    assert _problems(small(), result) == ["m1 2026-11-07: walk #3 takes 5 min, not 10"]


def test_check_unwished_stop_and_unknown_member_are_caught() -> None:
    doc = small()
    doc["members"][0]["wishes"] = [{"stop": "ubiwhere"}]
    result = copy.deepcopy(GOOD)
    result["members"].append({"id": "m9", "days": [], "skipped": []})
    result["stats"]["priority_fitted"] = 1

    assert _problems(doc, result) == [
        "m9: itinerary for an unknown member",
        "m1: visits bavaria, which they did not wish",
    ]


def _joint_doc() -> dict[str, Any]:
    doc = small()
    doc["members"].append(
        {"id": "m2", "name": "Plovdiv Labs", "days": [DAY], "wishes": [{"stop": "bavaria"}]}
    )
    doc["joint_visits"] = [{"id": "j1", "stop": "bavaria", "members": ["m1", "m2"]}]
    return doc


def _joint_result(m2_arrive: str, m2_leave: str) -> dict[str, Any]:
    result = copy.deepcopy(GOOD)
    result["members"][0]["days"][0]["entries"][4]["joint"] = "j1"
    result["members"].append(
        {
            "id": "m2",
            "days": [
                {
                    "day": DAY,
                    "entries": [
                        _walk("10:55", "11:00", "entrance", "hall-1"),
                        _visit("bavaria", m2_arrive, m2_leave, "hall-1", joint="j1"),
                    ],
                }
            ],
            "skipped": [],
        }
    )
    result["joint_visits"] = [
        {
            "id": "j1",
            "stop": "bavaria",
            "members": ["m1", "m2"],
            "day": DAY,
            "arrive": "11:00",
            "leave": "11:30",
        }
    ]
    result["stats"]["priority_fitted"] = 6
    return result


def test_check_joint_visit_made_together_passes() -> None:
    result = _joint_result("11:00", "11:30")
    result["members"][1]["days"][0]["entries"].append(_walk("11:30", "11:35", "hall-1", "entrance"))

    assert _problems(_joint_doc(), result) == []


def test_check_joint_visit_out_of_step_is_caught() -> None:
    result = _joint_result("11:05", "11:35")
    result["members"][1]["days"][0]["entries"][0] = _walk("11:00", "11:05", "entrance", "hall-1")
    result["members"][1]["days"][0]["entries"].append(_walk("11:35", "11:40", "hall-1", "entrance"))

    assert _problems(_joint_doc(), result) == ["m2: joint visit j1 not made with the others"]


def test_check_joint_visit_reported_skipped_but_made_is_caught() -> None:
    result = _joint_result("11:00", "11:30")
    result["members"][1]["days"][0]["entries"].append(_walk("11:30", "11:35", "hall-1", "entrance"))
    result["joint_visits"] = [
        {"id": "j1", "stop": "bavaria", "members": ["m1", "m2"], "reason": "x"}
    ]

    assert _problems(_joint_doc(), result) == [
        "m1: makes joint visit j1, reported skipped",
        "m2: makes joint visit j1, reported skipped",
    ]


def test_itineraries_from_json_unknown_entry_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown entry kind 'lunch'"):
        itineraries_from_json(
            _with_entries([{"kind": "lunch", "arrive": "12:00", "leave": "13:00"}])
        )
