"""Tests for `matchfair.routing.joint`: where joint visits go, and why one is skipped."""

from __future__ import annotations

from typing import Any

from matchfair.routing import parse_visits
from matchfair.routing.joint import plan_joint_visits
from matchfair.routing.model import JointOutcome

from .instances import DAY, DAY2, meeting, small


def _two_members() -> dict[str, Any]:
    doc = small()
    doc["members"].append(
        {"id": "m2", "name": "Plovdiv Labs", "days": [DAY], "wishes": [], "commitments": []}
    )
    return doc


def _outcomes(doc: dict[str, Any]) -> tuple[JointOutcome, ...]:
    return plan_joint_visits(parse_visits(doc), time_limit=2.0).outcomes


def test_plan_joint_visits_no_common_day_is_explained() -> None:
    doc = _two_members()
    doc["days"].append({"date": DAY2, "start": "09:00", "end": "19:00"})
    doc["members"][1]["days"] = [DAY2]
    doc["joint_visits"] = [{"id": "j1", "stop": "bavaria", "members": ["m1", "m2"]}]

    assert _outcomes(doc) == (JointOutcome("j1", reason="its members attend no common day"),)


def test_plan_joint_visits_closed_stop_is_explained() -> None:
    doc = _two_members()
    doc["stops"][0]["open"] = []
    doc["joint_visits"] = [{"id": "j1", "stop": "bavaria", "members": ["m1", "m2"]}]

    assert _outcomes(doc) == (
        JointOutcome("j1", reason="the stop is closed on the days all its members attend"),
    )


def test_plan_joint_visits_no_common_free_time_is_explained() -> None:
    doc = _two_members()
    doc["members"][0]["commitments"] = [meeting("a", "10:00", "14:00", "hall-1")]
    doc["members"][1]["commitments"] = [meeting("b", "13:30", "18:00", "hall-1")]
    doc["joint_visits"] = [{"id": "j1", "stop": "bavaria", "members": ["m1", "m2"]}]

    assert _outcomes(doc) == (
        JointOutcome("j1", reason="its members have no common free time while the stop is open"),
    )


def test_plan_joint_visits_clash_keeps_the_heavier_one() -> None:
    doc = _two_members()
    # Only 10:00–10:50 is free for both: one 30-minute visit fits, not two.
    for member, cid in zip(doc["members"], ("a", "b"), strict=True):
        member["commitments"] = [meeting(cid, "10:50", "18:00", "hall-1")]
    # Bavaria weighs 2 + 2 (the stop's priority), Ubiwhere 3 + 3 (both members' wishes).
    for member in doc["members"]:
        member["wishes"] = [{"stop": "ubiwhere", "priority": 3}]
    doc["joint_visits"] = [
        {"id": "j1", "stop": "bavaria", "members": ["m1", "m2"]},
        {"id": "j2", "stop": "ubiwhere", "members": ["m1", "m2"]},
    ]

    assert _outcomes(doc) == (
        JointOutcome("j1", reason="clashes with other joint visits of its members"),
        JointOutcome("j2", DAY, 600, 620),
    )
