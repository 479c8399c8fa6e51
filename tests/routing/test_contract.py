"""Tests for `matchfair.routing.contract`: every validation error, with its JSON path."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from matchfair.routing.contract import VisitsError, parse_visits
from matchfair.routing.model import Commitment, Day, Member, Stop, Window, Wish

from .instances import DAY, meeting, small, stop


def _errors(change: Callable[[dict[str, Any]], object]) -> list[str]:
    doc = small()
    change(doc)
    with pytest.raises(VisitsError) as caught:
        parse_visits(doc)
    return caught.value.errors


def test_parse_visits_small_request_gives_typed_values() -> None:
    visits = parse_visits(small())

    assert visits.days == (Day(DAY, 540, 1140),)
    assert visits.stops[0] == Stop(
        "bavaria", "Bavaria pavilion", "pavilion", "hall-1", (Window(DAY, 600, 1080),), 30, 2
    )
    assert visits.members == (
        Member(
            "m1",
            "Sofia Tech",
            (DAY,),
            "entrance",
            "entrance",
            (Wish("bavaria", 3), Wish("ubiwhere", 1)),
            (Commitment("b2b-1", "meeting", "B2B with Tampere", DAY, 600, 630, "hall-2"),),
        ),
    )
    assert (visits.walk("hall-2", "hall-1"), visits.walk("hall-1", "hall-1")) == (10, 0)


def test_parse_visits_positions_give_walking_minutes_rounded_up() -> None:
    doc = small()
    doc["walking"] = {"metres_per_minute": 80}
    doc["locations"] = [
        {"id": "entrance", "x": 0, "y": 0},
        {"id": "hall-1", "x": 400, "y": 0},
        {"id": "hall-2", "x": 0, "y": 250},
    ]
    doc["stops"].append({**stop("scs", "hall-1", 15), "location": None})
    del doc["stops"][2]["location"]
    doc["stops"][2].update(x=400, y=300)

    visits = parse_visits(doc)

    assert [visits.walk("entrance", p) for p in ("hall-1", "hall-2", "scs")] == [5, 4, 7]


def test_parse_visits_not_an_object_is_refused() -> None:
    with pytest.raises(VisitsError, match=re.escape("$: must be an object")):
        parse_visits([])


def test_parse_visits_collects_every_error_at_once() -> None:
    def change(doc: dict[str, Any]) -> None:
        doc["format"] = "matchfair-visits/2"
        doc["stops"][0]["kind"] = "booth"
        doc["members"][0]["wishes"][0]["stop"] = "s99"

    assert _errors(change) == [
        'format: must be "matchfair-visits/1"',
        "stops[0].kind: must be one of pavilion, stand, other",
        'members[0].wishes[0].stop: unknown stop "s99"',
    ]


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change that sets one field, given as a dotted path with list indexes."""

    def change(doc: dict[str, Any]) -> None:
        *parents, last = re.findall(r"[^.\[\]]+", path)
        target: Any = doc
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for key in parents:
            target = target[key]
        del target[last]

    return change


# With its only day gone, everything that names the day is reported too: it is unknown.
_DAY_GONE = [
    'stops[0].open[0].day: unknown day "2026-11-07"',
    'stops[1].open[0].day: unknown day "2026-11-07"',
    'members[0].days[0]: unknown day "2026-11-07"',
    'members[0].commitments[0].day: unknown day "2026-11-07"',
]

CASES: list[tuple[Callable[[dict[str, Any]], object], list[str]]] = [
    (_set("colour", "red"), ["$.colour: unknown field"]),
    (_set("stops.0.open.0.colour", "red"), ["stops[0].open[0].colour: unknown field"]),
    (_set("members.0.name", ""), ["members[0].name: must be a non-empty string"]),
    (_set("members.0.commitments.0", 7), ["members[0].commitments[0]: must be an object"]),
    (
        _set("members.0.commitments.0.title", 5),
        ["members[0].commitments[0].title: must be a string"],
    ),
    (_set("days", []), ["days: must list at least one day", *_DAY_GONE]),
    (_set("days", {}), ["days: must be a list", *_DAY_GONE]),
    (_set("days.0.date", "7 Nov"), ['days[0].date: must be a date "YYYY-MM-DD"', *_DAY_GONE]),
    (_set("days.0.start", "9h"), ['days[0].start: must be a time "HH:MM"']),
    (_set("days.0.end", "08:00"), ["days[0].end: must be after start"]),
    (
        lambda d: d["days"].append(dict(d["days"][0])),
        ['days[1].date: duplicate day "2026-11-07"'],
    ),
    (
        _set("walking", {"metres_per_minute": 80, "minutes": {}}),
        ['walking: give either "minutes" (a matrix) or "metres_per_minute"'],
    ),
    (
        _set("walking.minutes.hall-1.hall-2", -1),
        ["walking.minutes.hall-1.hall-2: must be an integer >= 0"],
    ),
    (_set("walking", {"metres_per_minute": 0}), ["walking.metres_per_minute: must be positive"]),
    (_set("stops.0.minutes", 0), ["stops[0].minutes: must be an integer >= 1"]),
    (_set("stops.0.priority", 4), ["stops[0].priority: must be an integer from 1 to 3"]),
    (
        _set("stops.0.location", "hall-9"),
        ['stops[0].location: unknown location "hall-9": not in walking.minutes'],
    ),
    (
        _set("stops.0.x", 10),
        ['stops[0]: give either "location" or "x" and "y", not both'],
    ),
    (
        _set("stops.0.open.0.day", "2026-11-10"),
        ['stops[0].open[0].day: unknown day "2026-11-10"'],
    ),
    (
        lambda d: d["stops"][0]["open"].append({"day": DAY, "start": "17:00", "end": "19:00"}),
        ["stops[0].open[1]: overlaps another opening window of the same day"],
    ),
    (
        _set("stops.1.id", "bavaria"),
        [
            'stops[1].id: duplicate stop id "bavaria"',
            'members[0].wishes[1].stop: unknown stop "ubiwhere"',
        ],
    ),
    (_set("members.0.wishes.0.stop", "s99"), ['members[0].wishes[0].stop: unknown stop "s99"']),
    (
        _set("members.0.wishes.1.stop", "bavaria"),
        ['members[0].wishes[1].stop: stop "bavaria" wished twice'],
    ),
    (
        _set("members.0.wishes.0.priority", 0),
        ["members[0].wishes[0].priority: must be an integer from 1 to 3"],
    ),
    (_set("members.0.days", [DAY, DAY]), ['members[0].days[1]: day "2026-11-07" listed twice']),
    (
        _set("members.0.start", "gate-b"),
        ['members[0].start: unknown location "gate-b": not in walking.minutes'],
    ),
    (
        _delete("entrance"),
        [
            'members[0].start: required when there is no "entrance"',
            'members[0].end: required when there is no "entrance"',
        ],
    ),
    (
        _set("members.0.commitments.0.kind", "lunch"),
        ["members[0].commitments[0].kind: must be one of meeting, partnership, side-event"],
    ),
    (
        _set("members.0.commitments.0.end", "19:30"),
        ["members[0].commitments[0]: must lie within its day, 09:00–19:00"],
    ),
    (
        lambda d: (
            d["members"][0].update(days=[DAY])
            or d["days"].append({"date": "2026-11-08", "start": "09:00", "end": "19:00"})
            or d["members"][0]["commitments"][0].update(day="2026-11-08")
        ),
        ['members[0].commitments[0].day: the member does not attend "2026-11-08"'],
    ),
    (
        lambda d: d["members"][0]["commitments"].append(
            meeting("b2b-2", "10:15", "10:45", "hall-1")
        ),
        ['members[0].commitments[1]: overlaps commitment "b2b-1"'],
    ),
    (
        lambda d: d["members"][0]["commitments"].append(
            meeting("b2b-1", "11:00", "11:30", "hall-1")
        ),
        ['members[0].commitments[1].id: duplicate commitment id "b2b-1"'],
    ),
    (lambda d: d["members"].append(d["members"][0]), ['members[1].id: duplicate member id "m1"']),
    (
        _set("joint_visits", [{"id": "j1", "stop": "s99", "members": ["m1", "m9"]}]),
        [
            'joint_visits[0].stop: unknown stop "s99"',
            'joint_visits[0].members[1]: unknown member "m9"',
        ],
    ),
    (
        _set("joint_visits", [{"id": "j1", "stop": "bavaria", "members": ["m1"]}]),
        ["joint_visits[0].members: a joint visit needs at least two members"],
    ),
    (
        _set(
            "joint_visits",
            [
                {
                    "id": "j1",
                    "stop": "bavaria",
                    "members": ["m1", "m1"],
                    "day": "2026-11-09",
                    "window": {"start": "12:00", "end": "11:00"},
                }
            ],
        ),
        [
            'joint_visits[0].members[1]: member "m1" listed twice',
            'joint_visits[0].day: unknown day "2026-11-09"',
            "joint_visits[0].window.end: must be after start",
        ],
    ),
]


@pytest.mark.parametrize(("change", "expected"), CASES)
def test_parse_visits_each_error_is_named_with_its_path(
    change: Callable[[dict[str, Any]], object], expected: list[str]
) -> None:
    assert _errors(change) == expected


def _two_members(doc: dict[str, Any]) -> None:
    second = {**doc["members"][0], "id": "m2", "name": "Plovdiv Labs", "commitments": []}
    doc["members"].append(second)


def test_parse_visits_member_twice_at_one_stop_in_joint_visits_is_refused() -> None:
    def change(doc: dict[str, Any]) -> None:
        _two_members(doc)
        doc["joint_visits"] = [
            {"id": "j1", "stop": "bavaria", "members": ["m1", "m2"]},
            {"id": "j2", "stop": "bavaria", "members": ["m2", "m1"]},
        ]

    assert _errors(change) == [
        'joint_visits[1].members[0]: member "m2" already visits this stop in "j1"',
        'joint_visits[1].members[1]: member "m1" already visits this stop in "j1"',
    ]


def test_parse_visits_duplicate_joint_visit_id_is_refused() -> None:
    def change(doc: dict[str, Any]) -> None:
        _two_members(doc)
        doc["joint_visits"] = [
            {"id": "j1", "stop": "bavaria", "members": ["m1", "m2"]},
            {"id": "j1", "stop": "ubiwhere", "members": ["m1", "m2"]},
        ]

    assert _errors(change) == ['joint_visits[1].id: duplicate joint visit id "j1"']


def test_parse_visits_missing_walking_time_is_refused() -> None:
    def change(doc: dict[str, Any]) -> None:
        del doc["walking"]["minutes"]["hall-1"]

    assert _errors(change) == ['walking.minutes: no walking time between "hall-1" and "hall-2"']


def test_parse_visits_position_in_matrix_mode_is_refused() -> None:
    def change(doc: dict[str, Any]) -> None:
        del doc["stops"][0]["location"]
        doc["stops"][0].update(x=1, y=2)

    assert _errors(change) == ['stops[0]: positions "x", "y" need walking.metres_per_minute']


def test_parse_visits_location_without_position_is_refused() -> None:
    def change(doc: dict[str, Any]) -> None:
        doc["walking"] = {"metres_per_minute": 80}
        doc["locations"] = [{"id": "entrance", "x": 0, "y": 0}, {"id": "hall-1", "x": 1}]

    assert _errors(change) == [
        "locations[1].y: must be a number",
        'stops[0].location: unknown location "hall-1": not in locations',
        'stops[1].location: unknown location "hall-2": not in locations',
        'members[0].commitments[0].location: unknown location "hall-2": not in locations',
    ]


def test_parse_visits_location_missing_from_matrix_is_refused() -> None:
    def change(doc: dict[str, Any]) -> None:
        doc["locations"] = [{"id": "hall-7"}]

    assert _errors(change) == ['locations[0].id: location "hall-7" is not in walking.minutes']


def test_parse_visits_position_clashes_are_refused() -> None:
    def change(doc: dict[str, Any]) -> None:
        doc["walking"] = {"metres_per_minute": 80}
        doc["locations"] = [
            {"id": "entrance", "x": 0, "y": 0},
            {"id": "hall-1", "x": 400, "y": 0},
            {"id": "hall-2", "x": 0, "y": 400},
            {"id": "hall-2", "x": 0, "y": 500},
            {"id": "scs", "x": 0, "y": 600},
        ]
        doc["stops"].append({**stop("scs", "hall-1", 15), "x": 5, "y": 5})
        del doc["stops"][2]["location"]

    assert _errors(change) == [
        'locations[3].id: duplicate location "hall-2"',
        'stops[2].id: "scs" is already a location',
    ]
