from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.scheduling import (
    InstanceError,
    check,
    first_come_first_served,
    parse_instance,
    replan,
    solve,
)

from .builders import document, instance
from .exhaustive import best_by_hand, best_replan_by_hand, locks_can_hold, tiny_instances

SLOTS = 6


@st.composite
def instances(draw):
    n_people = draw(st.integers(2, 7))
    people = [f"p{i}" for i in range(n_people)]
    slots = [
        {
            "id": f"t{i}",
            "session": "am" if i < SLOTS // 2 else "pm",
            "start": f"2026-11-17T{9 + i:02d}:00:00+01:00",
            "minutes": 50,
        }
        for i in range(SLOTS)
    ]
    locations = ["north", "south"]
    tables = [
        {"id": f"T{i}", "location": draw(st.sampled_from(locations))}
        for i in range(draw(st.integers(0, 3)))
    ]
    participants = []
    for pid in people:
        available = [s["id"] for s in slots if draw(st.booleans()) or draw(st.booleans())]
        participant = {"id": pid, "available": available}
        if draw(st.integers(0, 4)) == 0:
            participant["booth"] = f"B{pid}"
            tables.append({"id": f"B{pid}", "location": draw(st.sampled_from(locations))})
        if draw(st.integers(0, 5)) == 0:
            participant["max_meetings"] = draw(st.integers(0, 3))
        participants.append(participant)
    meetings = []
    for i in range(draw(st.integers(0, 14))):
        size = draw(st.sampled_from([2, 2, 2, 3]))
        who = (
            draw(st.lists(st.sampled_from(people), min_size=size, max_size=size, unique=True))
            if n_people >= size
            else people[:2]
        )
        meeting = {"id": f"m{i}", "participants": who, "priority": draw(st.integers(1, 3))}
        if draw(st.integers(0, 4)) == 0:
            meeting["slots"] = [s["id"] for s in slots[: SLOTS // 2]]
        meetings.append(meeting)
    # A lock is only drawn where it is itself valid, so that the instance parses.
    busy: set[tuple[str, str]] = set()
    for meeting in meetings:
        if draw(st.integers(0, 5)) != 0:
            continue
        allowed = [
            s["id"]
            for s in slots
            if all(
                s["id"] in next(p for p in participants if p["id"] == q)["available"]
                for q in meeting["participants"]
            )
            and s["id"] in meeting.get("slots", [s["id"]])
            and all((q, s["id"]) not in busy for q in meeting["participants"])
        ]
        if allowed:
            slot = draw(st.sampled_from(allowed))
            meeting["locked"] = {"slot": slot}
            busy.update((q, slot) for q in meeting["participants"])
    doc = {
        "format": "matchfair-schedule/1",
        "slots": slots,
        "tables": tables,
        "participants": participants,
        "meetings": meetings,
        "travel_minutes": {"north": {"south": draw(st.sampled_from([0, 5, 15]))}},
    }
    return doc


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_solve_and_baseline_pass_checker(doc):
    try:
        inst = parse_instance(doc)
    except InstanceError as error:
        # Only drawn locks can make a document invalid: more of them in a slot than tables,
        # or locks that each fit but exclude each other (walking times between consecutive
        # slots, few tables at a location), which an exhaustive search must confirm.
        assert all("locked" in message for message in error.errors)
        if any("cannot all keep their slots" in message for message in error.errors):
            assert not locks_can_hold(doc)
        return
    baseline = first_come_first_served(inst)
    heard = []
    result = solve(inst, time_limit=0.5, workers=1, progress=heard.append)
    for schedule in (baseline, result):
        # The parser let the locks through, so all of them hold together.
        assert check(inst, schedule).violations == ()
    assert result.stats["priority_scheduled"] >= baseline.stats["priority_scheduled"]
    # Bounds are bounds: on the holes of a schedule of this priority, and (in progress) of one
    # reaching the priority bound.
    assert result.stats.get("holes_lower_bound", 0) <= result.stats["holes"]
    if result.stats["priority_scheduled"] == result.stats["priority_upper_bound"]:
        assert all((p.holes_bound or 0) <= result.stats["holes"] for p in heard)


@st.composite
def locked_instances(draw):
    """Every meeting locked, most without a table, in two locations 15 minutes apart with one
    or two tables each: consecutive slots leave 5 minutes, so locks exclude each other often."""
    people = ("a", "b", "c", "d", "e")[: draw(st.integers(3, 5))]
    pairs = [(p, q) for i, p in enumerate(people) for q in people[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=2, max_size=6))
    doc = document(slots=4, people=people, meetings=tuple(chosen))
    doc["tables"] = [
        {"id": f"{loc[0].upper()}{i}", "location": loc}
        for loc in ("north", "south")
        for i in range(draw(st.integers(1, 2)))
    ]
    doc["travel_minutes"] = {"north": {"south": 15}}
    busy: set[tuple[str, str]] = set()
    for meeting in doc["meetings"]:
        free = [
            s["id"]
            for s in doc["slots"]
            if all((p, s["id"]) not in busy for p in meeting["participants"])
        ]
        if not free:
            continue
        slot = draw(st.sampled_from(free))
        busy.update((p, slot) for p in meeting["participants"])
        meeting["locked"] = {"slot": slot}
        if draw(st.integers(0, 3)) == 0:
            meeting["locked"]["table"] = draw(st.sampled_from(doc["tables"]))["id"]
    doc["meetings"] = [m for m in doc["meetings"] if "locked" in m]
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(locked_instances())
def test_the_parser_rejects_locks_exactly_when_no_schedule_holds_them_all(doc):
    holds = locks_can_hold(doc)
    try:
        inst = parse_instance(doc)
    except InstanceError:
        assert not holds
        return
    assert holds
    for schedule in (first_come_first_served(inst), solve(inst, time_limit=0.5, workers=1)):
        assert check(inst, schedule).violations == ()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_instances(priorities=True))
def test_what_solve_claims_optimal_is_so_by_trying_every_placement(doc):
    best = best_by_hand(doc)
    assert best is not None  # leaving every meeting out is always valid
    result = solve(instance(doc), time_limit=2, deterministic=True)
    metrics = check(instance(doc), result).metrics
    got = (result.stats["priority_scheduled"], result.stats["holes"], metrics["max_unscheduled"])
    assert (got[0], -got[1], -got[2]) <= (best[0], -best[1], -best[2])  # nothing beats it
    if result.stats["priority_proved_optimal"]:
        assert got[0] == best[0]
    if result.stats["proved_optimal"]:
        assert got == best
    if got[0] == best[0]:
        # A lower bound on the holes of a schedule of this priority: at most the fewest.
        assert result.stats.get("holes_lower_bound", 0) <= best[1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_instances(priorities=True), st.data())
def test_what_a_replan_claims_optimal_is_so_by_trying_every_placement(doc, data):
    before = solve(instance(doc), time_limit=2, deterministic=True)
    # On the day: someone is no longer there in one slot, and a new meeting is asked for.
    person = data.draw(st.sampled_from(doc["participants"]))
    if person["available"]:
        gone = data.draw(st.sampled_from(person["available"]))
        person["available"] = [s for s in person["available"] if s != gone]
    pair = data.draw(st.sampled_from([m["participants"] for m in doc["meetings"]]))
    doc["meetings"].append({"id": "late", "participants": pair, "priority": 3})
    after = replan(instance(doc), before, time_limit=2)
    previous = {a.meeting: a.slot for a in before.assignments}
    best = best_replan_by_hand(doc, previous)
    held = {a.meeting: a.slot for a in after.assignments}
    moves = sum(1 for mid, slot in previous.items() if held.get(mid) != slot)
    got = (after.stats["priority_scheduled"], moves, after.stats["holes"])
    assert check(instance(doc), after).violations == ()
    assert (got[0], -got[1], -got[2]) <= (best[0], -best[1], -best[2])
    if after.stats["proved_optimal"]:
        assert got == best
