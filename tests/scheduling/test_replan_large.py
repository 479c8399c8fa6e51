"""Re-planning instances too large for the whole-instance model: windows around the changes."""

from dataclasses import replace

from matchfair.scheduling import Lock, Meeting, check, replan, solve
from matchfair.scheduling.generate import generate


def _day_changes(seed: int = 0):
    """A solved brokerage day, then: first session held, participants p1-p40 gone, 30 late
    requests (the benchmark's re-plan scenario, smaller)."""
    inst = generate("brokerage-day", seed=seed)
    before = solve(inst, time_limit=2, seed=seed)
    held = {a.meeting: a for a in before.assignments}
    first = inst.slots[0].session
    gone = {f"p{i}" for i in range(1, 41)}
    meetings = []
    for m in inst.meetings:
        a = held.get(m.id)
        if a is not None and inst.slot_by_id[a.slot].session == first:
            meetings.append(replace(m, locked=Lock(a.slot, a.table)))
        elif not gone.intersection(m.participants):
            meetings.append(m)
    for k in range(30):
        meetings.append(Meeting(f"late{k}", (f"p{100 + 2 * k}", f"p{101 + 2 * k}"), 1))
    return inst, before, replace(inst, meetings=tuple(meetings))


def test_replan_large_keeps_locks_places_late_requests_and_lists_moves():
    _, before, changed = _day_changes()
    after = replan(changed, before, time_limit=5)
    assert check(changed, after).violations == ()
    assert after.stats["method"] == "greedy+local-search+lns"
    placed = {a.meeting: (a.slot, a.table) for a in after.assignments}
    previous = {a.meeting: (a.slot, a.table) for a in before.assignments}
    for m in changed.meetings:
        if m.locked is not None:
            assert placed[m.id] == (m.locked.slot, m.locked.table)
    moved = [mid for mid, where in placed.items() if mid in previous and previous[mid] != where]
    assert after.stats["moved"] == moved
    assert len(moved) <= 0.01 * len(previous)
    late = [mid for mid in placed if mid.startswith("late")]
    assert len(late) >= 25


def test_replan_large_stops_when_nothing_changed():
    inst = generate("brokerage-day", seed=1)
    before = solve(inst, time_limit=2, seed=1)
    after = replan(inst, before, time_limit=5)
    assert after.stats["method"] == "greedy+local-search+lns"
    assert (after.stats["moved"], after.stats["lns_windows"]) == ([], 0)
    assert len(after.assignments) == len(before.assignments)
