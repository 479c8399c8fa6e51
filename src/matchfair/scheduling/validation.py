"""The contract's rules for an `Instance` built in code, as `parse_instance` applies them to a
document: the web app builds its instance straight from the database and checks it here.

Each error names the JSON path that the same problem has in the instance's
`matchfair-schedule/1` document (`dump_instance`), so both ways read alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from matchfair.documents import PathErrors, quote

from .locks import check_locks
from .model import Instance, Meeting, Participant, Slot, Table


class InstanceError(ValueError):
    """The input does not follow the contract; `errors` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


def validate(instance: Instance) -> None:
    """Raise `InstanceError` naming every way the instance breaks the contract."""
    errors = PathErrors()
    _check_slots(instance.slots, errors)
    _unique("tables", [t.id for t in instance.tables], "table", errors)
    _unique("participants", [p.id for p in instance.participants], "participant", errors)
    _unique("meetings", [m.id for m in instance.meetings], "meeting", errors)
    _known("breaks", instance.breaks, instance.slot_by_id, "slot", errors)
    for key in ("max_consecutive", "max_per_day"):
        value = getattr(instance, key)
        if value is not None and value < 1:
            errors.add(key, "must be an integer >= 1")
    _check_tables(instance, errors)
    for i, p in enumerate(instance.participants):
        _check_participant(instance, f"participants[{i}]", p, errors)
    for i, m in enumerate(instance.meetings):
        _check_meeting(instance, f"meetings[{i}]", m, errors)
    if not errors.items:
        check_rules(instance, errors)
    if errors.items:
        raise InstanceError(errors.items)


def check_rules(instance: Instance, errors: PathErrors) -> None:
    """The rules that take the whole instance, once every item is valid by itself: no meeting
    is locked into a break, and the locked meetings can all keep their slots (locks.py)."""
    for i, m in enumerate(instance.meetings):
        if m.locked is not None and m.locked.slot in instance.breaks:
            errors.add(f"meetings[{i}].locked.slot", f"slot {quote(m.locked.slot)} is a break")
    if not errors.items:
        check_locks(instance, {m.id: i for i, m in enumerate(instance.meetings)}, errors)


def _unique(path: str, ids: Sequence[str], kind: str, errors: PathErrors) -> None:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if not item:
            errors.add(f"{path}[{i}].id", "must be a non-empty string")
        elif item in seen:
            errors.add(f"{path}[{i}].id", f"duplicate {kind} id {quote(item)}")
        seen.add(item)


def _known(
    path: str, ids: Iterable[str], known: Mapping[str, object], kind: str, errors: PathErrors
) -> None:
    for item in sorted(ids):
        if item not in known:
            errors.add(path, f"unknown {kind} {quote(item)}")


def _check_slots(slots: Sequence[Slot], errors: PathErrors) -> None:
    _unique("slots", [s.id for s in slots], "slot", errors)
    for i, s in enumerate(slots):
        if s.minutes < 1:
            errors.add(f"slots[{i}].minutes", "must be an integer >= 1")
        if s.start.tzinfo is None:
            errors.add(f"slots[{i}].start", "not an ISO 8601 time with offset")
        elif i and slots[i - 1].start.tzinfo is not None and s.start < slots[i - 1].end:
            errors.add(
                f"slots[{i}].start",
                "slots must be in time order without overlap; starts before"
                f" {quote(slots[i - 1].id)} ends",
            )


def _check_tables(instance: Instance, errors: PathErrors) -> None:
    owned: dict[str, str] = {}
    for i, t in enumerate(instance.tables):
        owner = t.booth_of
        if owner is None:
            continue
        path = f"tables[{i}].booth_of"
        if owner not in instance.participant_by_id:
            errors.add(path, f"unknown participant {quote(owner)}")
        elif owner in owned:
            errors.add(path, f"participant {quote(owner)} already has booth {quote(owned[owner])}")
        owned[owner] = t.id


def _check_participant(instance: Instance, path: str, p: Participant, errors: PathErrors) -> None:
    _known(f"{path}.available", p.available, instance.slot_by_id, "slot", errors)
    _known(f"{path}.preferred_slots", p.preferred_slots or (), instance.slot_by_id, "slot", errors)
    if p.booth is not None:
        table: Table | None = instance.table_by_id.get(p.booth)
        if table is None:
            errors.add(f"{path}.booth", f"unknown table {quote(p.booth)}")
        elif table.booth_of is not None and table.booth_of != p.id:
            errors.add(f"{path}.booth", f"table {quote(p.booth)} is the booth of {table.booth_of}")
    if p.max_meetings is not None and p.max_meetings < 0:
        errors.add(f"{path}.max_meetings", "must be an integer >= 0")
    for key in ("max_consecutive", "max_per_day"):
        value = getattr(p, key)
        if value is not None and value < 1:
            errors.add(f"{path}.{key}", "must be an integer >= 1")


def _check_meeting(instance: Instance, path: str, m: Meeting, errors: PathErrors) -> None:
    if len(m.participants) < 2:
        errors.add(f"{path}.participants", "a meeting needs at least 2 participants")
    for j, pid in enumerate(m.participants):
        if pid not in instance.participant_by_id:
            errors.add(f"{path}.participants[{j}]", f"unknown participant {quote(pid)}")
        elif pid in m.participants[:j]:
            errors.add(f"{path}.participants[{j}]", f"participant {quote(pid)} listed twice")
    if not 1 <= m.priority <= 3:
        errors.add(f"{path}.priority", f"must be 1, 2 or 3, not {m.priority!r}")
    _known(f"{path}.slots", m.slots or (), instance.slot_by_id, "slot", errors)
    lock = m.locked
    if lock is None:
        return
    if lock.slot not in instance.slot_by_id:
        errors.add(f"{path}.locked.slot", f"unknown slot {quote(lock.slot)}")
    elif m.slots is not None and lock.slot not in m.slots:
        errors.add(f"{path}.locked.slot", f"slot {quote(lock.slot)} is not in the meeting's slots")
    if lock.table is not None and lock.table not in instance.table_by_id:
        errors.add(f"{path}.locked.table", f"unknown table {quote(lock.table)}")
