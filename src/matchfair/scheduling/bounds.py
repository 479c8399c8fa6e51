"""Cheap upper bounds on how many meetings (and how much priority) any schedule can hold.

Used to report "scheduled share of the bound" and to explain unscheduled meetings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.graph.python import max_flow

from .model import Instance, Meeting

# The table-capacity flow costs one arc per meeting and allowed slot; beyond this it is skipped.
MAX_FLOW_ARCS = 3_000_000


@dataclass(frozen=True, slots=True)
class Bounds:
    meetings: int
    priority: int
    possible: int
    participant_excess: dict[str, int]
    table_flow: int | None


def _participant_matching(meetings: list[Meeting], allowed: dict[str, frozenset[str]]) -> int:
    """Most of one participant's meetings that fit distinct slots (augmenting paths)."""
    slot_of: dict[str, str] = {}

    def augment(mid: str, visited: set[str]) -> bool:
        for slot in allowed[mid]:
            if slot in visited:
                continue
            visited.add(slot)
            holder = slot_of.get(slot)
            if holder is None or augment(holder, visited):
                slot_of[slot] = mid
                return True
        return False

    return sum(1 for m in meetings if augment(m.id, set()))


def _table_flow(
    instance: Instance, possible: list[Meeting], allowed: dict[str, frozenset[str]]
) -> int:
    """Max flow meeting -> (slot, venue) with venue capacity = tables there, ignoring people."""
    general = len(instance.general_tables)
    flow = max_flow.SimpleMaxFlow()
    node: dict[tuple[str, str], int] = {}
    source, sink = 0, 1
    next_node = 2 + len(possible)
    for i, m in enumerate(possible):
        flow.add_arc_with_capacity(source, 2 + i, 1)
        booths = instance.meeting_booths(m) or ("",)
        for slot in allowed[m.id]:
            for venue in booths:
                key = (slot, venue)
                if key not in node:
                    node[key] = next_node
                    flow.add_arc_with_capacity(next_node, sink, 1 if venue else general)
                    next_node += 1
                flow.add_arc_with_capacity(2 + i, node[key], 1)
    flow.solve(source, sink)
    return int(flow.optimal_flow())


def upper_bounds(instance: Instance) -> Bounds:
    """Meetings that can possibly happen, less what the tightest participant or the tables force out.

    1. a meeting with no common allowed slot (or no table it may use) cannot happen;
    2. each participant holds at most a matching of its meetings into its slots, capped by
       `max_meetings`; each lost meeting relieves at most `k` participants (k = largest group),
       so at least max(max excess, ceil(sum excess / k)) meetings are lost;
    3. a max flow of meetings into slot-and-venue capacities (tables) bounds the count too.
    """
    allowed = {m.id: instance.allowed_slots(m) for m in instance.meetings}
    has_general = bool(instance.general_tables)
    possible = [
        m
        for m in instance.meetings
        if allowed[m.id] and (instance.meeting_booths(m) or has_general)
    ]
    by_person: dict[str, list[Meeting]] = defaultdict(list)
    for m in possible:
        for pid in m.participants:
            by_person[pid].append(m)
    excess: dict[str, int] = {}
    lost_priority = 0
    for pid, mine in by_person.items():
        cap = _participant_matching(mine, allowed)
        limit = instance.participant_by_id[pid].max_meetings
        if limit is not None:
            cap = min(cap, limit)
        if cap < len(mine):
            excess[pid] = len(mine) - cap
            cheapest = sorted(m.priority for m in mine)[: excess[pid]]
            lost_priority = max(lost_priority, sum(cheapest))
    group = max((len(m.participants) for m in possible), default=2)
    lost = max(max(excess.values(), default=0), -(-sum(excess.values()) // group))
    bound = len(possible) - lost
    flow: int | None = None
    if sum(len(allowed[m.id]) for m in possible) <= MAX_FLOW_ARCS:
        flow = _table_flow(instance, possible, allowed)
        bound = min(bound, flow)
    priority = sum(m.priority for m in possible) - lost_priority
    if flow is not None and flow < len(possible):
        # With fewer table places than meetings, at best the highest priorities get them.
        top = sorted((m.priority for m in possible), reverse=True)[:flow]
        priority = min(priority, sum(top))
    return Bounds(bound, priority, len(possible), excess, flow)
