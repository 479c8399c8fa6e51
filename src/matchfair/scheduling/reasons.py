"""Sentences that tell a person why a meeting was left out of the schedule.

Reasons use participant ids unless a `names` mapping is given, so the web app can show names.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Unscheduled
from .placement import Board, Layout, iter_bits


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _slot_range(layout: Layout, mask: int) -> str:
    ids = [layout.instance.slots[s].id for s in iter_bits(mask)]
    return ids[0] if len(ids) == 1 else f"{ids[0]}–{ids[-1]}" if len(ids) > 2 else _join(ids)


def explain_unscheduled(
    layout: Layout, board: Board, *, names: Mapping[str, str] | None = None
) -> list[Unscheduled]:
    inst = layout.instance
    people = inst.participants

    def name(p: int) -> str:
        pid = people[p].id
        return names.get(pid, pid) if names else pid

    available = [0] * len(people)
    for p, person in enumerate(people):
        for sid in person.available:
            available[p] |= 1 << layout.slot_pos[sid]
    requests = [len(ms) for ms in layout.by_person]
    out: list[Unscheduled] = []
    for mi, meeting in enumerate(layout.meetings):
        if board.slot[mi] >= 0:
            continue
        members = layout.members[mi]
        who = _join([name(p) for p in members])
        common = layout.full
        for p in members:
            common &= available[p]
        out.append(
            Unscheduled(
                meeting.id, _reason(layout, board, mi, who, common, requests, available, name)
            )
        )
    return out


def _reason(
    layout: Layout,
    board: Board,
    mi: int,
    who: str,
    common: int,
    requests: list[int],
    available: list[int],
    name: object,
) -> str:
    assert callable(name)
    members = layout.members[mi]
    meeting = layout.meetings[mi]
    if not common:
        return f"{who} share no free slot"
    if meeting.slots is not None and not layout.allowed[mi]:
        limited = 0
        for sid in meeting.slots:
            limited |= 1 << layout.slot_pos[sid]
        return f"limited to slots {_slot_range(layout, limited)}, when {who} are not all free"
    if not layout.meeting_pools[mi]:
        return "no table can host it: there are no general tables"
    for p in members:
        limit = layout.max_meetings[p]
        if board.count[p] >= limit:
            return f"{name(p)} already has the maximum of {limit} meetings"
    for p in members:
        slots = bin(available[p]).count("1")
        if requests[p] > slots:
            return f"{name(p)} has {requests[p]} requests for {slots} available slots"
    allowed = layout.allowed[mi]
    free = board.free_mask(mi)
    if meeting.slots is not None and not free:
        return f"limited to slots {_slot_range(layout, allowed)}, all taken for {who}"
    if not free:
        return f"in every slot {who} can meet, one of them already has another meeting"
    roomy = 0
    for v in layout.meeting_pools[mi]:
        roomy |= board.room[v]
    if not free & roomy:
        booths = [layout.pools[v] for v in layout.meeting_pools[mi] if layout.pools[v].booth]
        if booths:
            return f"booth {booths[0].key} is taken in every slot {who} are free"
        return f"no table free in the slots {who} are free"
    return f"no slot left where {who} can walk between meetings in time"
