"""Independent validator: recompute every rule and metric of a result from its instance.

Written apart from the solvers on purpose, so a solver bug cannot hide behind shared code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from .model import Instance, Result


@dataclass(frozen=True, slots=True)
class Report:
    violations: tuple[str, ...]
    metrics: dict[str, float | int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.violations


def _booth_tables(instance: Instance) -> dict[str, str]:
    owner_booth: dict[str, str] = {}
    for p in instance.participants:
        if p.booth is not None:
            owner_booth[p.id] = p.booth
    for t in instance.tables:
        if t.booth_of is not None and t.booth_of not in owner_booth:
            owner_booth[t.booth_of] = t.id
    return owner_booth


def _travel(instance: Instance, a: str | None, b: str | None) -> int:
    if a is None or b is None or a == b:
        return 0
    if b in instance.travel_minutes.get(a, {}):
        return instance.travel_minutes[a][b]
    return instance.travel_minutes.get(b, {}).get(a, 0)


def check(instance: Instance, result: Result) -> Report:
    """Every broken rule as a sentence naming the meeting, plus the quality metrics."""
    bad: list[str] = []
    slots = {s.id: s for s in instance.slots}
    tables = {t.id: t for t in instance.tables}
    people = {p.id: p for p in instance.participants}
    meetings = {m.id: m for m in instance.meetings}
    owner_booth = _booth_tables(instance)
    booth_owner = {table: owner for owner, table in owner_booth.items()}

    seen: set[str] = set()
    by_person_slot: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_table_slot: dict[tuple[str, str], list[str]] = defaultdict(list)
    placed: dict[str, tuple[str, str]] = {}
    for a in result.assignments:
        m = meetings.get(a.meeting)
        if m is None:
            bad.append(f"meeting {a.meeting}: not in the instance")
            continue
        if a.meeting in seen:
            bad.append(f"meeting {a.meeting}: scheduled more than once")
            continue
        seen.add(a.meeting)
        if a.slot not in slots:
            bad.append(f"meeting {a.meeting}: unknown slot {a.slot}")
            continue
        if a.table not in tables:
            bad.append(f"meeting {a.meeting}: unknown table {a.table}")
            continue
        placed[a.meeting] = (a.slot, a.table)
        if a.slot in instance.breaks:
            bad.append(f"meeting {a.meeting}: slot {a.slot} is a break")
        for pid in m.participants:
            if a.slot not in people[pid].available:
                bad.append(f"meeting {a.meeting}: {pid} is not available in slot {a.slot}")
            by_person_slot[(pid, a.slot)].append(a.meeting)
        by_table_slot[(a.table, a.slot)].append(a.meeting)
        own = [owner_booth[pid] for pid in m.participants if pid in owner_booth]
        if own and a.table not in own:
            bad.append(f"meeting {a.meeting}: must be held at booth {' or '.join(own)}")
        if not own and a.table in booth_owner:
            bad.append(
                f"meeting {a.meeting}: table {a.table} is the booth of {booth_owner[a.table]},"
                " who is not in the meeting"
            )
        if m.slots is not None and a.slot not in m.slots:
            bad.append(f"meeting {a.meeting}: slot {a.slot} is not one of its allowed slots")
        if m.locked is not None:
            if a.slot != m.locked.slot:
                bad.append(f"meeting {a.meeting}: locked to slot {m.locked.slot}, got {a.slot}")
            if m.locked.table is not None and a.table != m.locked.table:
                bad.append(f"meeting {a.meeting}: locked to table {m.locked.table}, got {a.table}")
    for m in instance.meetings:
        if m.locked is not None and m.id not in placed:
            bad.append(f"meeting {m.id}: locked but not scheduled")
    for (pid, slot), ids in sorted(by_person_slot.items()):
        if len(ids) > 1:
            bad.append(f"meeting {ids[1]}: {pid} is also in meeting {ids[0]} in slot {slot}")
    for (table, slot), ids in sorted(by_table_slot.items()):
        if len(ids) > 1:
            bad.append(f"meeting {ids[1]}: table {table} is also used by {ids[0]} in slot {slot}")

    position = {s.id: i for i, s in enumerate(instance.slots)}
    agenda: dict[str, list[str]] = defaultdict(list)
    for mid in placed:
        for pid in meetings[mid].participants:
            agenda[pid].append(mid)
    for pid, mids in agenda.items():
        limit = people[pid].max_meetings
        if limit is not None and len(mids) > limit:
            bad.append(f"meeting {mids[-1]}: {pid} has {len(mids)} meetings, limit {limit}")
        ordered = sorted(mids, key=lambda mid: position[placed[mid][0]])
        bad.extend(_limits(instance, pid, [placed[mid][0] for mid in ordered], ordered))
        for first, second in pairwise(ordered):
            s1, s2 = slots[placed[first][0]], slots[placed[second][0]]
            if s1.start.date() != s2.start.date():
                continue
            walk = _travel(
                instance, tables[placed[first][1]].location, tables[placed[second][1]].location
            )
            gap = (s2.start - s1.start).total_seconds() / 60 - s1.minutes
            if walk > 0 and gap < walk:
                bad.append(
                    f"meeting {second}: {pid} needs {walk} minutes from meeting {first},"
                    f" has {gap:g}"
                )
    return Report(tuple(bad), _metrics(instance, placed, agenda))


def _runs(instance: Instance) -> dict[str, tuple[int, int]]:
    """Slot id -> (run, position in it): a run is a session's slots between its breaks, so
    two slots are "in a row" when they share a run and their positions differ by one."""
    out: dict[str, tuple[int, int]] = {}
    run_of: dict[str, int] = {}
    counters: dict[int, int] = defaultdict(int)
    runs = 0
    for s in instance.slots:
        if s.id in instance.breaks:
            run_of.pop(s.session, None)  # the session goes on in a new run after the break
            continue
        if s.session not in run_of:
            run_of[s.session] = runs
            runs += 1
        run = run_of[s.session]
        out[s.id] = (run, counters[run])
        counters[run] += 1
    return out


def _limits(instance: Instance, pid: str, slot_ids: list[str], mids: list[str]) -> list[str]:
    """Broken limits of one participant's meetings, `slot_ids` in time order."""
    bad: list[str] = []
    in_a_row, per_day = instance.limits(instance.participant_by_id[pid])
    if per_day is not None:
        days: dict[object, list[str]] = defaultdict(list)
        for sid, mid in zip(slot_ids, mids, strict=True):
            days[instance.slot_by_id[sid].start.date()].append(mid)
        for day, ids in sorted(days.items(), key=lambda item: str(item[0])):
            if len(ids) > per_day:
                bad.append(
                    f"meeting {ids[-1]}: {pid} has {len(ids)} meetings on {day}, limit {per_day}"
                )
    if in_a_row is not None:
        runs = _runs(instance)
        length, last = 0, None
        for sid, mid in zip(slot_ids, mids, strict=True):
            here = runs.get(sid)
            follows = here is not None and last is not None and here == (last[0], last[1] + 1)
            length = length + 1 if follows else 1
            last = here
            if length == in_a_row + 1:
                bad.append(f"meeting {mid}: {pid} has more than {in_a_row} meetings in a row")
    return bad


def holes_by_participant(instance: Instance, slot_of: dict[str, str]) -> dict[str, int]:
    """Holes per participant: maximal runs of free slots between two meetings in one session.

    A break splits the session (the free time around it is no hole), and a single free slot
    right after `max_consecutive` meetings in a row is the rest the limit asks for, no hole."""
    runs = _runs(instance)
    busy: dict[tuple[str, int], list[int]] = defaultdict(list)
    for m in instance.meetings:
        sid = slot_of.get(m.id)
        if sid is not None and sid in runs:
            run, position = runs[sid]
            for pid in m.participants:
                busy[(pid, run)].append(position)
    holes: dict[str, int] = {p.id: 0 for p in instance.participants}
    for (pid, _), positions in busy.items():
        positions.sort()
        in_a_row = instance.limits(instance.participant_by_id[pid])[0]
        length = 1
        for a, b in pairwise(positions):
            if b == a + 1:
                length += 1
                continue
            if not (b == a + 2 and length == in_a_row):
                holes[pid] += 1
            length = 1
    return holes


def outside_preferred(instance: Instance, slot_of: dict[str, str]) -> int:
    """How many times a participant with preferred slots meets outside them."""
    count = 0
    for m in instance.meetings:
        sid = slot_of.get(m.id)
        if sid is None:
            continue
        for pid in m.participants:
            wish = instance.participant_by_id[pid].preferred_slots
            if wish is not None and sid not in wish:
                count += 1
    return count


def _metrics(
    instance: Instance, placed: dict[str, tuple[str, str]], agenda: dict[str, list[str]]
) -> dict[str, float | int]:
    requested: dict[str, int] = defaultdict(int)
    for m in instance.meetings:
        for pid in m.participants:
            requested[pid] += 1
    holes = holes_by_participant(instance, {mid: st[0] for mid, st in placed.items()})
    involved = [pid for pid in requested]
    hole_counts = [holes[pid] for pid in involved]
    lost = [requested[pid] - len(agenda.get(pid, ())) for pid in involved]
    lost_share = [lost[i] / requested[pid] for i, pid in enumerate(involved)]
    kept_share = sorted(1 - share for share in lost_share)
    n = len(kept_share)
    gini = 0.0
    if n and sum(kept_share) > 0:
        weighted = sum((2 * (i + 1) - n - 1) * v for i, v in enumerate(kept_share))
        gini = weighted / (n * sum(kept_share))
    return {
        "scheduled": len(placed),
        "unscheduled": len(instance.meetings) - len(placed),
        "priority_scheduled": sum(instance.meeting_by_id[mid].priority for mid in placed),
        "priority_requested": sum(m.priority for m in instance.meetings),
        "holes": sum(hole_counts),
        "participants": n,
        "holes_per_participant": sum(hole_counts) / n if n else 0.0,
        "max_holes": max(hole_counts, default=0),
        "no_holes_share": sum(1 for h in hole_counts if h == 0) / n if n else 1.0,
        "max_unscheduled": max(lost, default=0),
        "max_unscheduled_share": max(lost_share, default=0.0),
        "gini_scheduled_share": gini,
        "outside_preferred": outside_preferred(
            instance, {mid: st[0] for mid, st in placed.items()}
        ),
    }
