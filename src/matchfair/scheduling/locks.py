"""Locked meetings: the checks that they can keep their slots, one by one, in pairs and all
together, and a location for each that lets them all.

A lock whose table is not given may take any general table (or any of its participants' booths),
so with walking times its location is a choice. Locks that each fit and pairwise leave time to
walk can still exclude each other: a meeting that must be near two others, or more locks forced
into one location than it has tables. The joint check is a small SAT problem over those
choices, solved only when a choice exists; when it fails, it names a set of locks that cannot
all hold. The same choices guide the engine's placement of locks. `locks_together(instance)`
keeps the answer while the instance lives, so the parser's check and the engine solve it once.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import cached_property

from pysat.card import CardEnc, EncType
from pysat.formula import IDPool
from pysat.solvers import Solver

from matchfair.documents import PathErrors, quote

from .model import Instance, Meeting

# Deletion steps spent shrinking a set of locks that cannot all hold, so that the error names
# few of them; each step is one small SAT call.
SHRINK_STEPS = 60


def check_locks(instance: Instance, index_of: Mapping[str, int], errors: PathErrors) -> None:
    """Add an error for every locked meeting that breaks a rule by itself, with another, or
    together with others."""
    _each_lock(instance, index_of, errors)
    if not errors.items:
        _lock_pairs(instance, index_of, errors)
    if not errors.items:
        core = locks_together(instance).conflict
        if core:
            first = min(core, key=index_of.__getitem__)
            names = _and([quote(mid) for mid in sorted(core, key=index_of.__getitem__)])
            errors.add(
                f"meetings[{index_of[first]}].locked",
                f"locked meetings {names} cannot all keep their slots: wherever they are"
                " placed, someone cannot walk between two of them in time or a location has"
                " too few tables for them",
            )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _each_lock(instance: Instance, index_of: Mapping[str, int], errors: PathErrors) -> None:
    """Locked meetings must obey every rule by themselves, or no schedule could exist."""
    taken_people: dict[tuple[str, str], str] = {}
    taken_tables: dict[tuple[str, str], str] = {}
    general_in_slot: dict[str, int] = {}
    locked_count: dict[str, int] = {}
    general = len(instance.general_tables)
    for meeting in instance.meetings:
        lock = meeting.locked
        if lock is None:
            continue
        path = f"meetings[{index_of[meeting.id]}].locked"
        if not instance.meeting_booths(meeting):
            general_in_slot[lock.slot] = general_in_slot.get(lock.slot, 0) + 1
            if general_in_slot[lock.slot] > general:
                errors.add(
                    f"{path}.slot",
                    f"more locked meetings in slot {quote(lock.slot)} than the {general}"
                    " general tables",
                )
        for pid in meeting.participants:
            locked_count[pid] = locked_count.get(pid, 0) + 1
            limit = instance.participant_by_id[pid].max_meetings
            if limit is not None and locked_count[pid] > limit:
                errors.add(path, f"participant {quote(pid)} has more locked meetings than {limit}")
            if lock.slot not in instance.participant_by_id[pid].available:
                errors.add(f"{path}.slot", f"participant {quote(pid)} is not available in it")
            other = taken_people.get((pid, lock.slot))
            if other is not None:
                errors.add(path, f"participant {quote(pid)} is also locked in meeting {other}")
            taken_people[(pid, lock.slot)] = meeting.id
        if lock.table is None:
            continue
        booths = instance.meeting_booths(meeting)
        if booths and lock.table not in booths:
            errors.add(
                f"{path}.table",
                f"the meeting must be held at booth {' or '.join(map(quote, booths))}",
            )
        elif not booths and lock.table in instance.booth_tables:
            errors.add(f"{path}.table", f"table {quote(lock.table)} is a booth of someone else")
        other = taken_tables.get((lock.table, lock.slot))
        if other is not None:
            errors.add(f"{path}.table", f"table is also locked for meeting {other}")
        taken_tables[(lock.table, lock.slot)] = meeting.id


def _lock_options(instance: Instance) -> dict[str, list[str | None]]:
    """The locations each locked meeting may take: its table's, its booths', or any general
    table's."""
    general = sorted({t.location for t in instance.general_tables}, key=str)
    options: dict[str, list[str | None]] = {}
    for m in instance.meetings:
        if m.locked is None:
            continue
        if m.locked.table is not None:
            options[m.id] = [instance.table_by_id[m.locked.table].location]
        elif booths := instance.meeting_booths(m):
            options[m.id] = sorted({instance.table_by_id[b].location for b in booths}, key=str)
        else:
            options[m.id] = general
    return options


def _lock_pairs(instance: Instance, index_of: Mapping[str, int], errors: PathErrors) -> None:
    """Two locked meetings of one participant must leave time to walk between them."""
    if not instance.travel_minutes:
        return
    options = locks_together(instance).options
    for pid, first, second, gap in _same_day_pairs(instance):
        if all(instance.travel(x, y) > gap for x in options[first.id] for y in options[second.id]):
            errors.add(
                f"meetings[{index_of[second.id]}].locked",
                f"participant {quote(pid)} cannot walk here in time from meeting {first.id}",
            )


def _same_day_pairs(instance: Instance) -> Iterator[tuple[str, Meeting, Meeting, float]]:
    """Every two locked meetings of a participant on one day, in time order, with the minutes
    between them."""
    locked: dict[str, list[Meeting]] = defaultdict(list)
    for m in instance.meetings:
        if m.locked is not None:
            for pid in m.participants:
                locked[pid].append(m)
    position = instance.slot_position
    for pid, mine in locked.items():
        mine.sort(key=lambda m: position[_slot(m)])
        for i, first in enumerate(mine):
            a = instance.slot_by_id[_slot(first)]
            for second in mine[i + 1 :]:
                b = instance.slot_by_id[_slot(second)]
                if a.start.date() == b.start.date():
                    yield pid, first, second, instance.gap_minutes(a, b)


class LocksTogether:
    """The locks' locations as Booleans: each lock (under its own selector) at one of its
    locations, walking time between every two locks of a participant on one day, and no more
    general-table locks in a slot and location than it has general tables."""

    def __init__(self, instance: Instance) -> None:
        # Weakly: `locks_together` keeps this answer for as long as the instance lives.
        self.source = weakref.ref(instance)
        self.locks = [m for m in instance.meetings if m.locked is not None]
        self.options = _lock_options(instance) if instance.travel_minutes else {}

    def _formula(self) -> tuple[list[list[int]], dict[str, int], dict[tuple[str, str | None], int]]:
        inst = self.source()
        assert inst is not None, "asked after its instance was gone"
        pool = IDPool()
        clauses: list[list[int]] = []
        selector = {m.id: pool.id(("lock", m.id)) for m in self.locks}
        at = {
            (m.id, loc): pool.id(("at", m.id, loc))
            for m in self.locks
            for loc in self.options[m.id]
        }
        for m in self.locks:
            clauses.append([-selector[m.id], *(at[(m.id, loc)] for loc in self.options[m.id])])
        for _, first, second, gap in _same_day_pairs(inst):
            for x in self.options[first.id]:
                for y in self.options[second.id]:
                    if inst.travel(x, y) > gap:
                        clauses.append([-at[(first.id, x)], -at[(second.id, y)]])
        tables: dict[str | None, int] = defaultdict(int)
        for t in inst.general_tables:
            tables[t.location] += 1
        crowd: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        for m in self.locks:
            if not inst.meeting_booths(m):
                for loc in self.options[m.id]:
                    crowd[(_slot(m), loc)].append(at[(m.id, loc)])
        for (_, loc), lits in crowd.items():
            if len(lits) > tables[loc]:
                card = CardEnc.atmost(lits, tables[loc], vpool=pool, encoding=EncType.seqcounter)
                clauses.extend(card.clauses)
        return clauses, selector, at

    @cached_property
    def conflict(self) -> list[str]:
        """Meeting ids of locks that cannot all hold (shrunk by deletion), or [] if all can."""
        return self._solved[1]

    @cached_property
    def locations(self) -> dict[str, str | None]:
        """A location for every lock with a choice of several, such that all locks hold
        together (empty when no lock has a choice, or when they cannot all hold)."""
        return self._solved[0]

    @cached_property
    def _solved(self) -> tuple[dict[str, str | None], list[str]]:
        # Without a choice of location, the per-lock and pairwise checks decide everything.
        if not any(len(options) > 1 for options in self.options.values()):
            return {}, []
        clauses, selector, at = self._formula()
        with Solver(name="g4", bootstrap_with=clauses) as solver:
            if solver.solve(assumptions=list(selector.values())):
                true = set(solver.get_model() or ())
                chosen = {
                    m.id: next(loc for loc in self.options[m.id] if at[(m.id, loc)] in true)
                    for m in self.locks
                    if len(self.options[m.id]) > 1
                }
                return chosen, []
            named = {lit: mid for mid, lit in selector.items()}
            core = [named[lit] for lit in solver.get_core() or () if lit in named]
            for mid in core[:SHRINK_STEPS]:
                rest = [other for other in core if other != mid]
                if not solver.solve(assumptions=[selector[other] for other in rest]):
                    core = rest
        return {}, core


# id(instance) -> its answer; an entry leaves when its instance is collected.
_ANSWERS: dict[int, LocksTogether] = {}


def locks_together(instance: Instance) -> LocksTogether:
    """Whether the locked meetings of `instance` can all keep their slots, and where those with
    a choice of location go: solved at most once per instance, for the parser's check and the
    engine's placement alike. `Instance` holds plain values only, so the answer is kept here."""
    key = id(instance)
    found = _ANSWERS.get(key)
    if found is None or found.source() is not instance:
        found = _ANSWERS[key] = LocksTogether(instance)
        weakref.finalize(instance, _forget, key, found)
    return found


def _forget(key: int, answer: LocksTogether) -> None:
    if _ANSWERS.get(key) is answer:
        del _ANSWERS[key]


def _slot(meeting: Meeting) -> str:
    assert meeting.locked is not None
    return meeting.locked.slot
