"""A mutable board of who is busy when and which table pools have room, shared by the
constructive heuristics; slots are bit positions so that "where can this meeting go" is a few
integer ops.

A table pool is a booth table or the identical general tables at one location: general tables
only differ by location, so a per-slot count is exact and concrete tables are dealt at the end.
In the board's arrays a pool's index is `v` (`Board.pool`, `Layout.meeting_pools`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .locks import locks_together
from .model import Assignment, Instance

# The positions of a schedule: meeting -> (slot, table pool), by index.
Positions = dict[int, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class TablePool:
    """Tables the engine treats as one: the general tables of one location, or one booth. It
    counts a pool's free tables per slot; concrete tables are dealt at the end."""

    key: str
    location: str | None
    tables: tuple[str, ...]
    booth: bool


def iter_bits(mask: int) -> list[int]:
    out: list[int] = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class Layout:
    """Static facts about an instance in integer form (built once, read by every heuristic)."""

    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        self.n_slots = len(instance.slots)
        self.full = (1 << self.n_slots) - 1
        pos = instance.slot_position
        self.slot_pos = pos
        sessions: dict[str, int] = {}
        self.session_of = [sessions.setdefault(s.session, len(sessions)) for s in instance.slots]
        self.n_sessions = len(sessions)
        self.session_mask = [0] * self.n_sessions
        for i, sess in enumerate(self.session_of):
            self.session_mask[sess] |= 1 << i
        self.start_min = [s.start.timestamp() / 60 for s in instance.slots]
        self.end_min = [self.start_min[i] + s.minutes for i, s in enumerate(instance.slots)]
        self.day = [s.start.date() for s in instance.slots]
        # Per slot, the slots on its day.
        self.same_day = [
            sum(1 << j for j, other in enumerate(self.day) if other == day) for day in self.day
        ]
        groups: dict[str | None, list[str]] = defaultdict(list)
        for t in instance.general_tables:
            groups[t.location].append(t.id)
        self.pools: list[TablePool] = [
            TablePool(f"@{loc or ''}", loc, tuple(ids), False) for loc, ids in groups.items()
        ]
        self.general_pools = list(range(len(self.pools)))
        pool_of_table: dict[str, int] = {}
        for v, pool in enumerate(self.pools):
            for tid in pool.tables:
                pool_of_table[tid] = v
        order = {t.id: i for i, t in enumerate(instance.tables)}
        for tid in sorted(instance.booth_tables, key=order.__getitem__):
            pool_of_table[tid] = len(self.pools)
            loc = instance.table_by_id[tid].location
            self.pools.append(TablePool(tid, loc, (tid,), True))
        self.pool_of_table = pool_of_table
        self.capacity = [len(v.tables) for v in self.pools]
        self.meetings = instance.meetings
        self.meeting_index = {m.id: i for i, m in enumerate(instance.meetings)}
        self.person_index = {p.id: i for i, p in enumerate(instance.participants)}
        self.members = [
            tuple(self.person_index[p] for p in m.participants) for m in instance.meetings
        ]
        self.priority = [m.priority for m in instance.meetings]
        self.max_meetings = [
            p.max_meetings if p.max_meetings is not None else 1 << 30 for p in instance.participants
        ]
        self.allowed: list[int] = []
        self.meeting_pools: list[tuple[int, ...]] = []
        self.pinned_table: list[str | None] = []
        # Availability as bit masks once per participant: intersecting frozensets of slot ids
        # per meeting costs seconds on expo-size instances.
        masks: dict[frozenset[str], int] = {}
        available: dict[str, int] = {}
        for person in instance.participants:
            mask = masks.get(person.available)
            if mask is None:
                mask = masks[person.available] = sum(
                    1 << pos[sid] for sid in person.available if sid in pos
                )
            available[person.id] = mask
        self.available = [available[person.id] for person in instance.participants]
        # Break slots take no meeting (humane.without_breaks takes them out before a solve;
        # the baseline and the checks by hand build layouts of the instance as given).
        open_slots = self.full & ~sum(1 << pos[sid] for sid in instance.breaks)
        for m in instance.meetings:
            mask = open_slots
            for pid in m.participants:
                mask &= available[pid]
            if m.slots is not None:
                mask &= sum(1 << pos[sid] for sid in m.slots if sid in pos)
            booths = instance.meeting_booths(m)
            pools = tuple(pool_of_table[b] for b in booths) if booths else tuple(self.general_pools)
            pinned = None
            if m.locked is not None:
                mask = 1 << pos[m.locked.slot]
                if m.locked.table is not None:
                    pinned = m.locked.table
                    pools = (pool_of_table[pinned],)
            self.allowed.append(mask)
            self.meeting_pools.append(pools)
            self.pinned_table.append(pinned)
        self.travel_pairs = self._travel_pairs()
        # The rule asks for time to walk between consecutive meetings only. Where the minutes
        # keep the triangle inequality, that is enough: taking a meeting out from between two
        # others leaves them time, since the way through it was no shorter. Where they do not
        # (a detour through a third location is quicker, or a location without minutes costs
        # nothing to reach), the search keeps time between every two meetings of a participant
        # on a day, as the exact models do, so that no move that frees a slot breaks the rule.
        self.walk_every_pair = bool(self.travel_pairs) and not self._travel_metric()
        # A lock with a choice of location tries first the one where all locks hold together
        # (locks.py): placed one by one in the first table pool that fits, locks can shut each
        # other out.
        for mid, loc in locks_together(instance).locations.items():
            mi = self.meeting_index[mid]
            there = [v for v in self.meeting_pools[mi] if self.pools[v].location == loc]
            elsewhere = [v for v in self.meeting_pools[mi] if self.pools[v].location != loc]
            self.meeting_pools[mi] = (*there, *elsewhere)
        self.by_person: list[list[int]] = [[] for _ in instance.participants]
        for mi, people in enumerate(self.members):
            for p in people:
                self.by_person[p].append(mi)
        self._humane_limits(instance)

    def _humane_limits(self, instance: Instance) -> None:
        """Each participant's `max_consecutive` and `max_per_day` (0 for none), the days as
        slot masks, and `follows`: the slots that come right after the slot before them in one
        session, so that meetings in both are in a row (breaks are gone from the instance the
        engine solves, their sessions split: exact/humane.py)."""
        limits = [instance.limits(p) for p in instance.participants]
        self.in_a_row = [a or 0 for a, _ in limits]
        self.per_day = [d or 0 for _, d in limits]
        self.limited = any(self.in_a_row) or any(self.per_day)
        days: dict[object, int] = {}
        for i, day in enumerate(self.day):
            days[day] = days.get(day, 0) | 1 << i
        self.day_masks = list(days.values())
        breaks = {self.slot_pos[sid] for sid in instance.breaks}
        self.follows = sum(
            1 << i
            for i in range(1, self.n_slots)
            if self.session_of[i] == self.session_of[i - 1] and not {i, i - 1} & breaks
        )
        # Per meeting, the slots its members prefer: those all of them prefer, else those any
        # of them does; empty when nobody in the instance has preferred slots.
        self.wish: list[int] = []
        if any(p.preferred_slots is not None for p in instance.participants):
            pos = self.slot_pos
            prefer = [
                None
                if p.preferred_slots is None
                else sum(1 << pos[sid] for sid in p.preferred_slots if sid in pos)
                for p in instance.participants
            ]
            for people in self.members:
                masks = [m for m in (prefer[p] for p in people) if m is not None]
                common = self.full
                for m in masks:
                    common &= m
                any_of = 0
                for m in masks:
                    any_of |= m
                self.wish.append(common if masks and common else any_of)

    def _travel_pairs(self) -> dict[tuple[int, int], float]:
        """Walking minutes between table pools, only for pairs that need any."""
        pairs: dict[tuple[int, int], float] = {}
        if not self.instance.travel_minutes:
            return pairs
        for a, va in enumerate(self.pools):
            for b, vb in enumerate(self.pools):
                walk = self.instance.travel(va.location, vb.location)
                if walk > 0:
                    pairs[(a, b)] = walk
        return pairs

    def _travel_metric(self) -> bool:
        """Whether the walking minutes between the table pools' locations keep the triangle
        inequality. Locations the minutes do not name cost nothing to reach, from anywhere:
        one of them stands for all."""
        minutes = self.instance.travel_minutes
        named = set(minutes) | {b for row in minutes.values() for b in row}
        here = {v.location for v in self.pools}
        places: list[str | None] = [loc for loc in here if loc in named]
        if any(loc not in named for loc in here):
            places.append(None)
        walk = np.array([[self.instance.travel(a, b) for b in places] for a in places], float)
        # Through each location in turn, vectorised: a few hundred locations take milliseconds.
        return all(bool((walk <= walk[:, [b]] + walk[[b], :]).all()) for b in range(len(places)))

    def walks_fit(self, s: int, v: int, busy: int, venue_at: Callable[[int], int]) -> bool:
        """Whether a meeting at (s, v) leaves a participant busy in the other slots of `busy`
        (s not among them), each in the table pool `venue_at` gives, time to walk: from the meeting
        before and to the one after, or from and to every one on its day where the minutes
        break the triangle inequality (`walk_every_pair`)."""
        if not self.walk_every_pair:
            before = busy & ((1 << s) - 1)
            if before:
                t = before.bit_length() - 1
                if not self.walk_ok(t, venue_at(t), s, v):
                    return False
            after = busy >> (s + 1)
            if after:
                t = s + (after & -after).bit_length()
                return self.walk_ok(s, v, t, venue_at(t))
            return True
        for t in iter_bits(busy & self.same_day[s]):
            if t < s and not self.walk_ok(t, venue_at(t), s, v):
                return False
            if t > s and not self.walk_ok(s, v, t, venue_at(t)):
                return False
        return True

    def walk_ok(self, s1: int, v1: int, s2: int, v2: int) -> bool:
        """Whether meetings at (s1, v1) then (s2, v2), s1 < s2, leave time to walk."""
        walk = self.travel_pairs.get((v1, v2))
        if walk is None or self.day[s1] != self.day[s2]:
            return True
        return self.start_min[s2] - self.end_min[s1] >= walk


class Board:
    """The current partial schedule: slot and table pool per meeting, busy masks per participant."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.slot: list[int] = [-1] * len(layout.meetings)
        self.pool: list[int] = [-1] * len(layout.meetings)
        self.busy = [0] * len(layout.person_index)
        self.count = [0] * len(layout.person_index)
        self.used = [[0] * layout.n_slots for _ in layout.pools]
        self.room = [layout.full if c > 0 else 0 for c in layout.capacity]
        self.where: list[dict[int, int]] = [{} for _ in layout.person_index]
        self.held: list[dict[int, int]] = [{} for _ in layout.person_index]
        # Meetings the local search must leave alone: locked ones, and in a re-plan also those
        # still where the previous schedule had them.
        self.pinned = [m.locked is not None for m in layout.meetings]

    def free_mask(self, mi: int) -> int:
        """Slots where the meeting's participants are free and could still take a meeting."""
        lay = self.layout
        mask = lay.allowed[mi]
        for p in lay.members[mi]:
            if self.count[p] >= lay.max_meetings[p]:
                return 0
            mask &= ~self.busy[p]
        if lay.limited:
            for p in lay.members[mi]:
                mask &= ~over_limit(lay, p, self.busy[p], mask)
        return mask

    def meeting_at(self, p: int, s: int) -> int:
        """The meeting participant p holds in slot s, or -1."""
        return self.held[p].get(s, -1)

    def free_mask_ignoring(self, mi: int) -> int:
        """Like `free_mask` for a placed meeting, as if it were not placed."""
        lay = self.layout
        mask = lay.allowed[mi]
        own = ~(1 << self.slot[mi]) if self.slot[mi] >= 0 else -1
        for p in lay.members[mi]:
            mask &= ~(self.busy[p] & own)
        return mask

    def pool_for(self, mi: int, s: int) -> int:
        """A table pool with room in slot s that leaves everyone time to walk, or -1."""
        lay = self.layout
        for v in lay.meeting_pools[mi]:
            if not (self.room[v] >> s) & 1:
                continue
            if lay.travel_pairs and not self.walk_fits(mi, s, v):
                continue
            return v
        return -1

    def walk_fits(self, mi: int, s: int, v: int) -> bool:
        """Whether meeting mi at (s, v) leaves each of its participants time to walk."""
        lay = self.layout
        return all(
            lay.walks_fit(s, v, self.busy[p], self.where[p].__getitem__) for p in lay.members[mi]
        )

    def place(self, mi: int, s: int, v: int) -> None:
        lay = self.layout
        self.slot[mi], self.pool[mi] = s, v
        bit = 1 << s
        for p in lay.members[mi]:
            self.busy[p] |= bit
            self.count[p] += 1
            self.where[p][s] = v
            self.held[p][s] = mi
        self.used[v][s] += 1
        if self.used[v][s] >= lay.capacity[v]:
            self.room[v] &= ~bit

    def remove(self, mi: int) -> None:
        lay = self.layout
        s, v = self.slot[mi], self.pool[mi]
        if s < 0:
            return
        bit = 1 << s
        for p in lay.members[mi]:
            self.busy[p] &= ~bit
            self.count[p] -= 1
            del self.where[p][s]
            del self.held[p][s]
        self.used[v][s] -= 1
        self.room[v] |= bit
        self.slot[mi] = self.pool[mi] = -1

    def assignments(self, preferred: Mapping[str, str] | None = None) -> list[Assignment]:
        """Deal concrete tables per slot and table pool: pinned (locked) tables first, then each
        meeting's preferred (previous) table when still free there, then in table order."""
        lay = self.layout
        taken: dict[tuple[int, int], set[str]] = defaultdict(set)
        chosen: dict[int, str] = {}
        for mi, pinned in enumerate(lay.pinned_table):
            if pinned is not None and self.slot[mi] >= 0:
                taken[(self.slot[mi], self.pool[mi])].add(pinned)
                chosen[mi] = pinned
        for mi, m in enumerate(lay.meetings):
            wish = preferred.get(m.id) if preferred else None
            s, v = self.slot[mi], self.pool[mi]
            if wish is None or s < 0 or mi in chosen or wish not in lay.pools[v].tables:
                continue
            if wish not in taken[(s, v)]:
                taken[(s, v)].add(wish)
                chosen[mi] = wish
        out: list[Assignment] = []
        # Where the search for a free table resumes per slot and table pool: tables before it are
        # taken, so dealing stays linear in the tables (expo: 3,600 tables a slot).
        cursor: dict[tuple[int, int], int] = defaultdict(int)
        for mi, m in enumerate(lay.meetings):
            s, v = self.slot[mi], self.pool[mi]
            if s < 0:
                continue
            table = chosen.get(mi)
            if table is None:
                used = taken[(s, v)]
                tables = lay.pools[v].tables
                k = cursor[(s, v)]
                while tables[k] in used:
                    k += 1
                table = tables[k]
                cursor[(s, v)] = k + 1
                used.add(table)
            out.append(Assignment(m.id, lay.instance.slots[s].id, table))
        return out


def over_limit(layout: Layout, p: int, busy: int, candidates: int) -> int:
    """The candidate slots (free for p) where one more meeting would break p's
    `max_per_day` or `max_consecutive`."""
    out = 0
    per_day = layout.per_day[p]
    if per_day:
        for day in layout.day_masks:
            if (busy & day).bit_count() >= per_day:
                out |= day
    in_a_row = layout.in_a_row[p]
    if in_a_row and busy:
        follows = layout.follows
        for s in iter_bits(candidates & ~out):
            run = 1
            t = s
            while follows >> t & 1 and busy >> (t - 1) & 1:
                run += 1
                t -= 1
            t = s + 1
            while follows >> t & 1 and busy >> t & 1:
                run += 1
                t += 1
            if run > in_a_row:
                out |= 1 << s
    return out & candidates


def person_holes(layout: Layout, busy: int) -> int:
    """Holes in one busy mask: per session, the number of busy blocks minus one."""
    holes = 0
    for mask in layout.session_mask:
        b = busy & mask
        if b:
            starts = b & ~(b << 1)
            holes += bin(starts).count("1") - 1
    return holes


def board_holes(board: Board) -> int:
    return sum(person_holes(board.layout, busy) for busy in board.busy)


def choice_count(layout: Layout) -> int:
    """How many meeting × slot × table-pool choices the instance has: the Booleans of the
    whole-instance models (CP-SAT's and the MaxSAT encoding's literals)."""
    return sum(
        bin(layout.allowed[mi]).count("1") * len(layout.meeting_pools[mi])
        for mi in range(len(layout.meetings))
    )


def plan_busy(layout: Layout, plan: Positions) -> list[int]:
    """Each participant's busy slots, as a mask, in a schedule given as a plan."""
    busy = [0] * len(layout.person_index)
    for mi, (s, _) in plan.items():
        for p in layout.members[mi]:
            busy[p] |= 1 << s
    return busy


def plan_holes(layout: Layout, plan: Positions) -> int:
    """The holes of a schedule given as a plan (`board_holes` for one on a board)."""
    return sum(person_holes(layout, mask) for mask in plan_busy(layout, plan))


def board_priority(board: Board) -> int:
    return sum(board.layout.priority[mi] for mi, s in enumerate(board.slot) if s >= 0)


def on_board(board: Board, plan: Positions, improve: Callable[[], object]) -> Positions:
    """`plan` placed on the empty `board`, improved there, and taken off again."""
    for mi, (s, v) in plan.items():
        board.place(mi, s, v)
    improve()
    out = {mi: (s, board.pool[mi]) for mi, s in enumerate(board.slot) if s >= 0}
    for mi in out:
        board.remove(mi)
    return out
