"""Cheap upper bounds on how many meetings (and how much priority) any schedule can hold.

Used to report "scheduled share of the bound" and to explain unscheduled meetings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.graph.python import max_flow

from .model import Instance

# The table-capacity flow costs one arc per meeting and allowed slot; beyond this it is skipped.
MAX_FLOW_ARCS = 3_000_000


@dataclass(frozen=True, slots=True)
class Bounds:
    meetings: int
    priority: int
    possible: int
    participant_excess: dict[str, int]
    table_flow: int | None


def _participant_matching(meetings: list[int], allowed: list[int]) -> int:
    """Most of one participant's meetings (indexes into `allowed`, slot bit masks) that fit
    distinct slots (augmenting paths)."""
    slot_of: dict[int, int] = {}

    def augment(mi: int, visited: list[int]) -> bool:
        mask = allowed[mi] & ~visited[0]
        while mask:
            low = mask & -mask
            mask ^= low
            visited[0] |= low
            holder = slot_of.get(low)
            if holder is None or augment(holder, visited):
                slot_of[low] = mi
                return True
            mask &= ~visited[0]
        return False

    return sum(1 for mi in meetings if augment(mi, [0]))


def _allowed_masks(instance: Instance) -> list[int]:
    """Per meeting, its allowed slots as a bit mask (slot positions): intersecting frozensets
    of slot ids per meeting takes seconds at expo size, the masks once per availability."""
    pos = instance.slot_position
    masks: dict[frozenset[str], int] = {}

    def mask(ids: frozenset[str]) -> int:
        found = masks.get(ids)
        if found is None:
            found = masks[ids] = sum(1 << pos[sid] for sid in ids if sid in pos)
        return found

    person = {p.id: mask(p.available) for p in instance.participants}
    full = (1 << len(instance.slots)) - 1
    allowed: list[int] = []
    for m in instance.meetings:
        here = full if m.slots is None else mask(m.slots)
        for pid in m.participants:
            here &= person[pid]
        allowed.append(here)
    return allowed


def _table_flow(
    instance: Instance, possible: list[int], allowed: list[int], booths: list[tuple[str, ...]]
) -> int:
    """Max flow meeting -> (slot, table pool) with pool capacity = tables there, ignoring people."""
    general = len(instance.general_tables)
    flow = max_flow.SimpleMaxFlow()
    node: dict[tuple[int, str], int] = {}
    source, sink = 0, 1
    next_node = 2 + len(possible)
    for i, mi in enumerate(possible):
        flow.add_arc_with_capacity(source, 2 + i, 1)
        for slot in _bits(allowed[mi]):
            for venue in booths[mi] or ("",):
                key = (slot, venue)
                if key not in node:
                    node[key] = next_node
                    flow.add_arc_with_capacity(next_node, sink, 1 if venue else general)
                    next_node += 1
                flow.add_arc_with_capacity(2 + i, node[key], 1)
    flow.solve(source, sink)
    return int(flow.optimal_flow())


def _bits(mask: int) -> list[int]:
    out: list[int] = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def upper_bounds(instance: Instance) -> Bounds:
    """Meetings that can possibly happen, less what the tightest participant or the tables force out.

    1. a meeting with no common allowed slot (or no table it may use) cannot happen;
    2. each participant holds at most a matching of its meetings into its slots, capped by
       `max_meetings`; each lost meeting relieves at most `k` participants (k = largest group),
       so at least max(max excess, ceil(sum excess / k)) meetings are lost;
    3. a max flow of meetings into slot-and-table-pool capacities (tables) bounds the count too.
    """
    allowed = _allowed_masks(instance)
    has_general = bool(instance.general_tables)
    booths = [instance.meeting_booths(m) for m in instance.meetings]
    possible = [mi for mi, mask in enumerate(allowed) if mask and (booths[mi] or has_general)]
    meetings = instance.meetings
    by_person: dict[str, list[int]] = defaultdict(list)
    for mi in possible:
        for pid in meetings[mi].participants:
            by_person[pid].append(mi)
    excess: dict[str, int] = {}
    lost_priority = 0
    for pid, mine in by_person.items():
        cap = _participant_matching(mine, allowed)
        limit = instance.participant_by_id[pid].max_meetings
        if limit is not None:
            cap = min(cap, limit)
        if cap < len(mine):
            excess[pid] = len(mine) - cap
            cheapest = sorted(meetings[mi].priority for mi in mine)[: excess[pid]]
            lost_priority = max(lost_priority, sum(cheapest))
    group = max((len(meetings[mi].participants) for mi in possible), default=2)
    lost = max(max(excess.values(), default=0), -(-sum(excess.values()) // group))
    bound = len(possible) - lost
    flow: int | None = None
    if sum(allowed[mi].bit_count() for mi in possible) <= MAX_FLOW_ARCS:
        flow = _table_flow(instance, possible, allowed, booths)
        bound = min(bound, flow)
    priority = sum(meetings[mi].priority for mi in possible) - lost_priority
    if flow is not None and flow < len(possible):
        # With fewer table places than meetings, at best the highest priorities get them.
        top = sorted((meetings[mi].priority for mi in possible), reverse=True)[:flow]
        priority = min(priority, sum(top))
    return Bounds(bound, priority, len(possible), excess, flow)
