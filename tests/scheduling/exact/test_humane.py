"""Humane days: breaks, at most N in a row, at most N a day, preferred slots."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.scheduling import (
    Assignment,
    InstanceError,
    Result,
    check,
    dump_instance,
    first_come_first_served,
    parse_instance,
    solve,
)
from matchfair.scheduling.exact.humane import without_breaks

from ..builders import document, instance
from ..exhaustive import _valid_schedules


def _two_days(per_day: int = 3, tables: int = 1, people: tuple[str, ...] = ("a", "b", "c")):
    """One session a day of `per_day` slots on two days, everyone available."""
    doc = document(slots=2 * per_day, tables=tables, people=people, meetings=())
    for i, slot in enumerate(doc["slots"]):
        day, k = divmod(i, per_day)
        slot["session"] = f"d{day + 1}"
        slot["start"] = f"2026-11-{17 + day}T{9 + k:02d}:00:00+01:00"
    return doc


def test_the_new_fields_parse_and_round_trip():
    doc = _two_days()
    doc["breaks"] = ["t2"]
    doc["max_consecutive"] = 2
    doc["max_per_day"] = 3
    doc["participants"][0].update(
        {"max_consecutive": 1, "max_per_day": 2, "preferred_slots": ["t4", "t5"]}
    )
    inst = parse_instance(doc)
    assert inst.breaks == {"t2"}
    assert inst.limits(inst.participants[0]) == (1, 2)
    assert inst.limits(inst.participants[1]) == (2, 3)
    assert inst.participants[0].preferred_slots == {"t4", "t5"}
    assert parse_instance(dump_instance(inst)) == inst


def test_every_bad_field_is_named_by_its_path():
    doc = _two_days()
    doc["meetings"] = [{"id": "m1", "participants": ["a", "b"], "locked": {"slot": "t2"}}]
    doc["breaks"] = ["t2", "nope"]
    doc["max_consecutive"] = 0
    doc["participants"][0].update(
        {"max_consecutive": "two", "max_per_day": -1, "preferred_slots": ["t1", "zz"]}
    )
    with pytest.raises(InstanceError) as caught:
        parse_instance(doc)
    errors = caught.value.errors
    assert 'breaks[1]: unknown slot "nope"' in errors
    assert "max_consecutive: must be an integer >= 1" in errors
    assert "participants[0].max_consecutive: must be an integer >= 1" in errors
    assert "participants[0].max_per_day: must be an integer >= 1" in errors
    assert 'participants[0].preferred_slots[1]: unknown slot "zz"' in errors
    doc = _two_days()
    doc["meetings"] = [{"id": "m1", "participants": ["a", "b"], "locked": {"slot": "t2"}}]
    doc["breaks"] = ["t2"]
    with pytest.raises(InstanceError) as caught:
        parse_instance(doc)
    assert caught.value.errors == ['meetings[0].locked.slot: slot "t2" is a break']


def test_the_checker_names_each_broken_rule():
    doc = _two_days(per_day=4, people=("a", "b", "c", "d"))
    doc["meetings"] = [
        {"id": f"m{i}", "participants": ["a", q]} for i, q in enumerate("bcdbcd", start=1)
    ]
    doc["max_consecutive"] = 2
    doc["participants"][0]["max_per_day"] = 2
    doc["breaks"] = ["t8"]
    inst = instance(doc)
    held = [("m1", "t1"), ("m2", "t2"), ("m3", "t3"), ("m4", "t8")]
    result = Result(tuple(Assignment(m, s, "T1") for m, s in held), ())
    assert check(inst, result).violations == (
        "meeting m4: slot t8 is a break",
        "meeting m3: a has 3 meetings on 2026-11-17, limit 2",
        "meeting m3: a has more than 2 meetings in a row",
    )


def test_a_rest_after_the_limit_and_a_break_are_no_holes():
    doc = _two_days(per_day=6, people=("a", "b", "c", "d", "e"))
    doc["meetings"] = [{"id": f"m{i}", "participants": ["a", q]} for i, q in enumerate("bcde")]
    doc["participants"][0]["max_consecutive"] = 2
    inst = instance(doc)
    # a: t1 t2 (rest) t4 t5: the rest after 2 in a row is no hole.
    held = [("m0", "t1"), ("m1", "t2"), ("m2", "t4"), ("m3", "t5")]
    result = Result(tuple(Assignment(m, s, "T1") for m, s in held), ())
    assert check(inst, result).metrics["holes"] == 0
    # t1 (free) t3: a hole, since only one meeting came before.
    held = [("m0", "t1"), ("m2", "t3")]
    result = Result(tuple(Assignment(m, s, "T1") for m, s in held), ())
    assert check(inst, result).metrics["holes"] == 1
    doc["breaks"] = ["t2"]
    result = Result(tuple(Assignment(m, s, "T1") for m, s in held), ())
    assert check(instance(doc), result).metrics["holes"] == 0


def test_breaks_leave_the_instance_and_split_their_session():
    doc = _two_days(per_day=4)
    doc["breaks"] = ["t2"]
    inst = without_breaks(instance(doc))
    assert [s.id for s in inst.slots] == ["t1", "t3", "t4", "t5", "t6", "t7", "t8"]
    assert len({s.session for s in inst.slots}) == 3
    assert all("t2" not in p.available for p in inst.participants)


def test_twelve_meetings_spread_at_most_four_in_a_row_and_never_at_lunch():
    """The demo's shape in small: one busy person, three days of 6 slots and a lunch."""
    people = ("a", *(f"q{i}" for i in range(12)))
    doc = document(slots=18, tables=2, people=people, meetings=())
    for i, slot in enumerate(doc["slots"]):
        day, k = divmod(i, 6)
        slot["session"] = f"d{day + 1}"
        slot["start"] = f"2026-11-{17 + day}T{9 + k:02d}:00:00+01:00"
    doc["meetings"] = [{"id": f"m{i}", "participants": ["a", q]} for i, q in enumerate(people[1:])]
    doc["breaks"] = ["t4", "t10", "t16"]
    doc["max_consecutive"] = 2
    doc["max_per_day"] = 4
    inst = parse_instance(doc)
    result = solve(inst, time_limit=5, workers=1)
    report = check(inst, result)
    assert report.violations == ()
    assert report.metrics["scheduled"] == 12  # 4 a day on 3 days
    assert report.metrics["holes"] == 0
    assert result.stats["holes"] == 0


def _humane_doc(draw: st.DrawFn) -> dict[str, Any]:
    """Two to three people, two days of 2 or 3 slots, one table, up to four meetings, with
    limits, a break and preferences drawn."""
    people = ("a", "b", "c")[: draw(st.integers(2, 3))]
    per_day = draw(st.integers(2, 3))
    doc = _two_days(per_day=per_day, people=people)
    pairs = list(itertools.combinations(people, 2))
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=4))
    doc["meetings"] = [
        {"id": f"m{i}", "participants": list(who), "priority": draw(st.integers(1, 3))}
        for i, who in enumerate(chosen)
    ]
    ids = [s["id"] for s in doc["slots"]]
    if draw(st.booleans()):
        doc["breaks"] = [draw(st.sampled_from(ids))]
    if draw(st.booleans()):
        doc["max_consecutive"] = draw(st.integers(1, 2))
    for participant in doc["participants"]:
        if draw(st.integers(0, 2)) == 0:
            participant["max_consecutive"] = draw(st.integers(1, 2))
        if draw(st.integers(0, 2)) == 0:
            participant["max_per_day"] = draw(st.integers(1, 2))
        if draw(st.integers(0, 2)) == 0:
            participant["preferred_slots"] = draw(st.lists(st.sampled_from(ids), unique=True))
    return doc


humane_docs = st.composite(_humane_doc)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(humane_docs())
def test_solve_is_optimal_against_every_placement(doc):
    """Against every valid placement the checker accepts: never beaten in (priority, holes,
    meetings outside preferences), and equal where it claims a proof."""
    inst = instance(doc)
    result = solve(inst, time_limit=3, workers=1)
    report = check(inst, result)
    assert report.violations == ()
    assert result.stats["holes"] == report.metrics["holes"]
    got = (
        report.metrics["priority_scheduled"],
        -report.metrics["holes"],
        -report.metrics["outside_preferred"],
    )
    best = max(
        (m["priority_scheduled"], -m["holes"], -m["outside_preferred"])
        for _, m in _valid_schedules(doc)
    )
    assert got <= best
    if result.stats.get("priority_proved_optimal"):
        assert got[0] == best[0]
        if result.stats.get("holes_and_preferences_proved_optimal"):
            assert got == best


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(humane_docs())
def test_the_baseline_keeps_the_limits_too(doc):
    inst = instance(doc)
    assert check(inst, first_come_first_served(inst)).violations == ()
