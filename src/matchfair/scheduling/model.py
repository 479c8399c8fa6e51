"""Plain typed values for a scheduling instance and its result, plus the index solvers share.

Nothing here knows about JSON or Django; `contract.py` turns JSON into these values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

FORMAT = "matchfair-schedule/1"
RESULT_FORMAT = "matchfair-schedule-result/1"


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    session: str
    start: datetime
    minutes: int

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True, slots=True)
class Table:
    id: str
    location: str | None = None
    booth_of: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    available: frozenset[str]
    booth: str | None = None
    max_meetings: int | None = None
    # At most this many meetings in a row (adjacent slots of one session), then a rest slot.
    max_consecutive: int | None = None
    max_per_day: int | None = None
    # Soft: slots the participant would rather meet in; None means no preference.
    preferred_slots: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Lock:
    slot: str
    table: str | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    participants: tuple[str, ...]
    priority: int = 1
    slots: frozenset[str] | None = None
    locked: Lock | None = None


@dataclass(frozen=True, slots=True)
class Assignment:
    meeting: str
    slot: str
    table: str


@dataclass(frozen=True, slots=True)
class Unscheduled:
    meeting: str
    reason: str


@dataclass(frozen=True, slots=True)
class Result:
    assignments: tuple[Assignment, ...]
    unscheduled: tuple[Unscheduled, ...]
    stats: Mapping[str, object] = field(default_factory=dict)


def changes_since(
    previous: Result, assignments: Sequence[Assignment], unscheduled: Sequence[Unscheduled]
) -> dict[str, object]:
    """What a re-plan changed against the schedule it started from: the meetings moved to
    another slot or table, and those it no longer holds."""
    before = {a.meeting: (a.slot, a.table) for a in previous.assignments}
    moved = [
        a.meeting
        for a in assignments
        if a.meeting in before and before[a.meeting] != (a.slot, a.table)
    ]
    return {
        "moved": moved,
        "moved_count": len(moved),
        "dropped": [u.meeting for u in unscheduled if u.meeting in before],
    }


@dataclass(frozen=True)
class Instance:
    """A whole scheduling problem; slots are in time order.

    Not slotted so that the derived indexes below can be cached on the instance.
    """

    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    travel_minutes: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    # Slots nobody is scheduled in (lunch), and the event's defaults for the participants'
    # limits: a participant's own value wins.
    breaks: frozenset[str] = frozenset()
    max_consecutive: int | None = None
    max_per_day: int | None = None

    def limits(self, participant: Participant) -> tuple[int | None, int | None]:
        """The participant's (max_consecutive, max_per_day), the event's where unset."""
        return (
            participant.max_consecutive
            if participant.max_consecutive is not None
            else self.max_consecutive,
            participant.max_per_day if participant.max_per_day is not None else self.max_per_day,
        )

    @cached_property
    def humane(self) -> bool:
        """Whether any rule of humane days applies: breaks, limits or preferences."""
        return bool(
            self.breaks
            or self.max_consecutive is not None
            or self.max_per_day is not None
            or any(
                p.max_consecutive is not None
                or p.max_per_day is not None
                or p.preferred_slots is not None
                for p in self.participants
            )
        )

    @cached_property
    def slot_by_id(self) -> dict[str, Slot]:
        return {s.id: s for s in self.slots}

    @cached_property
    def slot_position(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.slots)}

    @cached_property
    def table_by_id(self) -> dict[str, Table]:
        return {t.id: t for t in self.tables}

    @cached_property
    def participant_by_id(self) -> dict[str, Participant]:
        return {p.id: p for p in self.participants}

    @cached_property
    def meeting_by_id(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.meetings}

    @cached_property
    def booth_of_participant(self) -> dict[str, str]:
        """Participant id -> booth table id, from either side of the link."""
        booths = {p.id: p.booth for p in self.participants if p.booth is not None}
        for t in self.tables:
            if t.booth_of is not None:
                booths.setdefault(t.booth_of, t.id)
        return booths

    @cached_property
    def booth_tables(self) -> frozenset[str]:
        return frozenset(self.booth_of_participant.values())

    @cached_property
    def general_tables(self) -> tuple[Table, ...]:
        booths = self.booth_tables
        return tuple(t for t in self.tables if t.id not in booths)

    def meeting_booths(self, meeting: Meeting) -> tuple[str, ...]:
        """Booth tables the meeting may use; empty means any general table."""
        booths = self.booth_of_participant
        found = [booths[p] for p in meeting.participants if p in booths]
        return tuple(dict.fromkeys(found))

    def allowed_slots(self, meeting: Meeting) -> frozenset[str]:
        """Slots where every participant is available and the meeting's `slots` allow it."""
        allowed = frozenset(self.slot_by_id) - self.breaks
        for pid in meeting.participants:
            allowed &= self.participant_by_id[pid].available
        if meeting.slots is not None:
            allowed &= meeting.slots
        return allowed

    def travel(self, a: str | None, b: str | None) -> int:
        """Walking minutes between two locations; unknown pairs and no location cost nothing."""
        if a is None or b is None or a == b:
            return 0
        row = self.travel_minutes.get(a)
        if row is not None and b in row:
            return row[b]
        back = self.travel_minutes.get(b)
        if back is not None and a in back:
            return back[a]
        return 0

    def gap_minutes(self, first: Slot, second: Slot) -> float:
        return (second.start - first.end).total_seconds() / 60.0


def day_of(slot: Slot) -> object:
    """The calendar day of a slot in its own offset; travel is only checked within one day."""
    return slot.start.date()
