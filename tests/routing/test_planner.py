"""Tests for `matchfair.routing.planner`: each rule, joint visits and the reasons for skips."""

from __future__ import annotations

from typing import Any

from matchfair.routing import check, itineraries_to_json, parse_visits, plan_visits

from .instances import DAY, DAY2, meeting, small, stop


def _plan(doc: dict[str, Any]) -> dict[str, Any]:
    visits = parse_visits(doc)
    itineraries = plan_visits(visits, time_limit=2.0)
    assert check(visits, itineraries) == []
    return itineraries_to_json(itineraries, visits)


def _stays(result: dict[str, Any], member: int = 0) -> list[tuple[str, str, str, str]]:
    """(what, arrive, leave, location) of one member's first day, walks left out."""
    entries = result["members"][member]["days"][0]["entries"]
    return [
        (e.get("stop") or e["commitment"], e["arrive"], e["leave"], e["location"])
        for e in entries
        if e["kind"] != "walk"
    ]


def _skipped(result: dict[str, Any], member: int = 0) -> list[tuple[str, str]]:
    return [(s["stop"], s["reason"]) for s in result["members"][member]["skipped"]]


def test_plan_visits_small_request_gives_whole_itinerary() -> None:
    result = _plan(small())

    assert result["members"][0]["days"] == [
        {
            "day": DAY,
            "entries": [
                {
                    "kind": "walk",
                    "start": "09:55",
                    "end": "10:00",
                    "from": "entrance",
                    "to": "hall-2",
                },
                {
                    "kind": "meeting",
                    "commitment": "b2b-1",
                    "title": "B2B with Tampere",
                    "arrive": "10:00",
                    "leave": "10:30",
                    "location": "hall-2",
                },
                {
                    "kind": "visit",
                    "stop": "ubiwhere",
                    "name": "Ubiwhere",
                    "arrive": "10:30",
                    "leave": "10:50",
                    "location": "hall-2",
                },
                {
                    "kind": "walk",
                    "start": "10:50",
                    "end": "11:00",
                    "from": "hall-2",
                    "to": "hall-1",
                },
                {
                    "kind": "visit",
                    "stop": "bavaria",
                    "name": "Bavaria pavilion",
                    "arrive": "11:00",
                    "leave": "11:30",
                    "location": "hall-1",
                },
                {
                    "kind": "walk",
                    "start": "11:30",
                    "end": "11:35",
                    "from": "hall-1",
                    "to": "entrance",
                },
            ],
        }
    ]
    assert result["stats"] == {
        "members": 1,
        "wishes": 2,
        "wishes_fitted": 2,
        "priority_wished": 4,
        "priority_fitted": 4,
        "share": 1.0,
        "joint_visits_scheduled": 0,
        "joint_visits_skipped": 0,
        "walking_minutes": 20,
        "solver": "routing+cp-sat",
        "optimal": True,
        "seconds": result["stats"]["seconds"],
    }


def test_plan_visits_walk_to_the_next_meeting_is_kept() -> None:
    doc = small()
    # Open 10:00–10:55 and 40 minutes long: leave at 10:40, ten minutes' walk to hall 2.
    doc["stops"] = [stop("bavaria", "hall-1", 40, end="10:55", priority=3)]
    doc["members"][0]["wishes"] = [{"stop": "bavaria"}]
    doc["members"][0]["commitments"] = [meeting("b2b-1", "10:50", "11:20", "hall-2")]

    assert _stays(_plan(doc)) == [
        ("bavaria", "10:00", "10:40", "hall-1"),
        ("b2b-1", "10:50", "11:20", "hall-2"),
    ]


def test_plan_visits_walk_too_long_before_the_meeting_skips_the_stop() -> None:
    doc = small()
    doc["stops"] = [stop("bavaria", "hall-1", 40, end="10:55", priority=3)]
    doc["members"][0]["wishes"] = [{"stop": "bavaria"}]
    doc["members"][0]["commitments"] = [meeting("b2b-1", "10:45", "11:20", "hall-2")]

    result = _plan(doc)

    assert _stays(result) == [("b2b-1", "10:45", "11:20", "hall-2")]
    assert _skipped(result) == [
        ("bavaria", "no time between meetings: 45 min free, 40 min needed plus 15 min walking")
    ]


def test_plan_visits_opening_hours_are_kept() -> None:
    doc = small()
    doc["stops"] = [stop("ubiwhere", "hall-2", 20, start="15:00", end="16:00")]
    doc["members"][0]["wishes"] = [{"stop": "ubiwhere"}]

    assert _stays(_plan(doc)) == [
        ("b2b-1", "10:00", "10:30", "hall-2"),
        ("ubiwhere", "15:00", "15:20", "hall-2"),
    ]


def test_plan_visits_no_overlap_with_a_long_meeting() -> None:
    doc = small()
    doc["stops"] = [stop("scs", "hall-1", 30, end="12:30")]
    doc["members"][0]["wishes"] = [{"stop": "scs"}]
    doc["members"][0]["commitments"] = [meeting("b2b-1", "10:00", "12:00", "hall-1")]

    assert _stays(_plan(doc)) == [
        ("b2b-1", "10:00", "12:00", "hall-1"),
        ("scs", "12:00", "12:30", "hall-1"),
    ]


def test_plan_visits_closed_while_in_meetings_is_explained() -> None:
    doc = small()
    doc["members"][0]["commitments"] = [meeting("b2b-1", "09:30", "18:30", "hall-2")]

    assert _skipped(_plan(doc)) == [
        ("bavaria", "closed when you are free"),
        ("ubiwhere", "closed when you are free"),
    ]


def test_plan_visits_closed_on_the_days_attended_is_explained() -> None:
    doc = small()
    doc["days"].append({"date": DAY2, "start": "09:00", "end": "19:00"})
    doc["stops"][0]["open"] = [{"day": DAY2, "start": "10:00", "end": "18:00"}]

    assert _skipped(_plan(doc)) == [("bavaria", "closed on the days you attend")]


def test_plan_visits_lower_priority_is_explained() -> None:
    doc = small()
    # One free hour between two meetings in hall 1: room for one of the two 40-minute stops.
    doc["stops"] = [stop("scs", "hall-1", 40, priority=3), stop("minalogic", "hall-1", 40)]
    doc["members"][0]["wishes"] = [{"stop": "minalogic"}, {"stop": "scs"}]
    doc["members"][0]["commitments"] = [
        meeting("b2b-1", "10:00", "11:00", "hall-1"),
        meeting("b2b-2", "12:00", "18:00", "hall-1"),
    ]

    result = _plan(doc)

    assert _stays(result) == [
        ("b2b-1", "10:00", "11:00", "hall-1"),
        ("scs", "11:00", "11:40", "hall-1"),
        ("b2b-2", "12:00", "18:00", "hall-1"),
    ]
    assert _skipped(result) == [("minalogic", "lower priority than the visits chosen")]


def _delegation() -> dict[str, Any]:
    doc = small()
    doc["members"].append(
        {
            "id": "m2",
            "name": "Plovdiv Labs",
            "days": [DAY],
            "wishes": [{"stop": "bavaria"}],
            "commitments": [meeting("b2b-9", "10:30", "11:00", "hall-1")],
        }
    )
    doc["joint_visits"] = [{"id": "joint-bavaria", "stop": "bavaria", "members": ["m1", "m2"]}]
    return doc


def test_plan_visits_joint_visit_is_made_together() -> None:
    result = _plan(_delegation())

    # m1 is free in hall 1 from 10:40, m2 from 11:00: together at 11:00.
    assert result["joint_visits"] == [
        {
            "id": "joint-bavaria",
            "stop": "bavaria",
            "members": ["m1", "m2"],
            "day": DAY,
            "arrive": "11:00",
            "leave": "11:30",
        }
    ]
    joint = [
        [e for e in m["days"][0]["entries"] if e.get("joint") == "joint-bavaria"]
        for m in result["members"]
    ]
    assert (
        joint[0]
        == joint[1]
        == [
            {
                "kind": "visit",
                "stop": "bavaria",
                "name": "Bavaria pavilion",
                "joint": "joint-bavaria",
                "arrive": "11:00",
                "leave": "11:30",
                "location": "hall-1",
            }
        ]
    )


def test_plan_visits_joint_visit_without_common_time_is_skipped_for_all() -> None:
    doc = _delegation()
    doc["members"][1]["commitments"] = [meeting("b2b-9", "09:30", "18:30", "hall-1")]

    result = _plan(doc)

    assert result["joint_visits"] == [
        {
            "id": "joint-bavaria",
            "stop": "bavaria",
            "members": ["m1", "m2"],
            "reason": "Plovdiv Labs has no free time while the stop is open (30 min needed plus walking)",
        }
    ]
    assert [e.get("joint") for m in result["members"] for d in m["days"] for e in d["entries"]] == [
        None
    ] * sum(len(d["entries"]) for m in result["members"] for d in m["days"])


def test_plan_visits_joint_visit_preferred_window_is_kept() -> None:
    doc = _delegation()
    doc["joint_visits"][0]["window"] = {"start": "14:00", "end": "15:00"}

    assert _plan(doc)["joint_visits"] == [
        {
            "id": "joint-bavaria",
            "stop": "bavaria",
            "members": ["m1", "m2"],
            "day": DAY,
            "arrive": "14:00",
            "leave": "14:30",
            "as_preferred": True,
        }
    ]


def test_plan_visits_joint_visit_preferred_day_is_kept() -> None:
    doc = _delegation()
    doc["days"].append({"date": DAY2, "start": "09:00", "end": "19:00"})
    doc["stops"][0]["open"].append({"day": DAY2, "start": "10:00", "end": "18:00"})
    for member in doc["members"]:
        member["days"] = [DAY, DAY2]
    doc["joint_visits"][0]["day"] = DAY2

    joint = _plan(doc)["joint_visits"][0]

    assert (joint["day"], joint["arrive"], joint["as_preferred"]) == (DAY2, "10:00", True)


def test_plan_visits_joint_visit_preference_that_cannot_be_kept_is_reported() -> None:
    doc = _delegation()
    # Between 10:00 and 11:00 one of the two is always in a meeting.
    doc["joint_visits"][0]["window"] = {"start": "10:00", "end": "11:00"}

    joint = _plan(doc)["joint_visits"][0]

    assert (joint["arrive"], joint["as_preferred"]) == ("11:00", False)


def test_plan_visits_meetings_too_close_to_walk_are_conflicts() -> None:
    doc = small()
    doc["members"][0]["commitments"].append(meeting("b2b-2", "10:35", "11:00", "hall-1"))

    result = _plan(doc)

    assert result["conflicts"] == [
        {
            "member": "m1",
            "day": DAY,
            "reason": "10 min walk from hall-2 (free at 10:30) to hall-1 (due at 10:35)",
        }
    ]


def test_plan_visits_positions_and_speed_give_the_walks() -> None:
    doc = small()
    doc["walking"] = {"metres_per_minute": 80}
    doc["locations"] = [
        {"id": "entrance", "x": 0, "y": 0},
        {"id": "hall-1", "x": 400, "y": 0},
        {"id": "hall-2", "x": 0, "y": 400},
    ]

    result = _plan(doc)

    assert [
        (e["start"], e["end"])
        for e in result["members"][0]["days"][0]["entries"]
        if e["kind"] == "walk"
    ] == [("09:55", "10:00"), ("10:50", "10:58"), ("11:28", "11:33")]
