"""Plain typed values for a delegation's visit request (`matchfair-visits/1`) and its itineraries.

Times are whole minutes after midnight of the day they belong to; `contract.py` reads "HH:MM".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

FORMAT = "matchfair-visits/1"
RESULT_FORMAT = "matchfair-itineraries/1"

STOP_KINDS = ("pavilion", "stand", "other")
COMMITMENT_KINDS = ("meeting", "partnership", "side-event")


@dataclass(frozen=True, slots=True)
class Window:
    """A span of one day, [start, end) in minutes after midnight."""

    day: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Day:
    id: str  # the ISO date, e.g. "2026-11-07"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Stop:
    id: str
    name: str
    kind: str
    location: str  # the place key used for walking times
    open: tuple[Window, ...]
    minutes: int
    priority: int


@dataclass(frozen=True, slots=True)
class Wish:
    stop: str
    priority: int


@dataclass(frozen=True, slots=True)
class Commitment:
    id: str
    kind: str
    title: str
    day: str
    start: int
    end: int
    location: str


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    name: str
    days: tuple[str, ...]
    start: str  # where the member is when the day starts
    end: str  # where the member must be back when the day ends
    wishes: tuple[Wish, ...]
    commitments: tuple[Commitment, ...]


@dataclass(frozen=True, slots=True)
class JointVisit:
    id: str
    stop: str
    members: tuple[str, ...]
    # Preferences, kept when the members' time allows: a day, and a window on any day.
    day: str | None = None
    window: tuple[int, int] | None = None


@dataclass(frozen=True)
class Visits:
    """A validated `matchfair-visits/1` request."""

    days: tuple[Day, ...]
    stops: tuple[Stop, ...]
    members: tuple[Member, ...]
    joint_visits: tuple[JointVisit, ...]
    # Exactly one of the two walking descriptions is set.
    walking_matrix: dict[str, dict[str, int]] | None = None
    positions: dict[str, tuple[float, float]] | None = None
    speed: float | None = None  # metres per minute

    @cached_property
    def stop_by_id(self) -> dict[str, Stop]:
        return {stop.id: stop for stop in self.stops}

    @cached_property
    def member_by_id(self) -> dict[str, Member]:
        return {member.id: member for member in self.members}

    @cached_property
    def day_by_id(self) -> dict[str, Day]:
        return {day.id: day for day in self.days}

    def walk(self, origin: str, destination: str) -> int:
        """Whole minutes to walk between two place keys (0 within one place)."""
        if origin == destination:
            return 0
        return self._walks[(origin, destination)]

    @cached_property
    def _walks(self) -> dict[tuple[str, str], int]:
        walks: dict[tuple[str, str], int] = {}
        if self.walking_matrix is not None:
            for a, row in self.walking_matrix.items():
                for b, minutes in row.items():
                    walks[(a, b)] = minutes
                    # A matrix given one way only is read as symmetric.
                    walks.setdefault((b, a), minutes)
            return walks
        assert self.positions is not None and self.speed is not None
        for a, (ax, ay) in self.positions.items():
            for b, (bx, by) in self.positions.items():
                # Round up: a walk planned too short makes a member late, one too long does not.
                walks[(a, b)] = math.ceil(math.hypot(ax - bx, ay - by) / self.speed - 1e-9)
        return walks


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of an itinerary: a visit, a fixed commitment, or the walk between two of them."""

    kind: str  # "visit" | "meeting" | "commitment" | "walk"
    arrive: int
    leave: int
    location: str  # for a walk, where it ends
    stop: str | None = None  # visits
    joint: str | None = None  # visits made as part of a joint visit
    commitment: str | None = None  # meetings and other commitments
    title: str = ""
    origin: str | None = None  # walks


@dataclass(frozen=True, slots=True)
class DayItinerary:
    day: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class SkippedWish:
    stop: str
    priority: int
    reason: str


@dataclass(frozen=True, slots=True)
class MemberItinerary:
    member: str
    days: tuple[DayItinerary, ...]
    skipped: tuple[SkippedWish, ...]
    stats: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class JointOutcome:
    """Where and when a joint visit happens, or why it was skipped for all its members."""

    id: str
    day: str | None = None
    arrive: int | None = None
    leave: int | None = None
    reason: str | None = None
    as_preferred: bool | None = None  # whether it kept its preferred day and window, if any


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two fixed commitments (or a commitment and the day's bounds) too close to walk between."""

    member: str
    day: str
    reason: str


@dataclass(frozen=True)
class Itineraries:
    """The `matchfair-itineraries/1` answer."""

    members: tuple[MemberItinerary, ...]
    joint_visits: tuple[JointOutcome, ...]
    conflicts: tuple[Conflict, ...] = ()
    stats: dict[str, object] = field(default_factory=dict)


def clock(minutes: int) -> str:
    """Minutes after midnight as "HH:MM"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
