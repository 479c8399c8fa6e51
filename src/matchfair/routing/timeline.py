"""A member's day as fixed anchors (day bounds, commitments, joint visits) and the free gaps between.

The planner stages, the baseline and the skip reasons share this view; the validator does not.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Day, Member, Stop, Visits


@dataclass(frozen=True, slots=True)
class Anchor:
    """Something that happens at a fixed time and place: the member must be there."""

    start: int
    end: int
    location: str


@dataclass(frozen=True, slots=True)
class Gap:
    """Free time between two anchors: leave `origin` at `start`, be at `destination` by `end`."""

    day: str
    start: int
    origin: str
    end: int
    destination: str


def anchors(member: Member, day: Day, extra: Iterable[Anchor] = ()) -> list[Anchor]:
    """The member's fixed points of one day, in time order, bracketed by the day's bounds."""
    fixed = [Anchor(c.start, c.end, c.location) for c in member.commitments if c.day == day.id]
    fixed.extend(extra)
    fixed.sort(key=lambda a: (a.start, a.end))
    return [
        Anchor(day.start, day.start, member.start),
        *fixed,
        Anchor(day.end, day.end, member.end),
    ]


def gaps(member: Member, day: Day, extra: Iterable[Anchor] = ()) -> list[Gap]:
    points = anchors(member, day, extra)
    return [
        Gap(day.id, before.end, before.location, after.start, after.location)
        for before, after in itertools.pairwise(points)
    ]


def start_ranges(visits: Visits, stop: Stop, gap: Gap) -> list[tuple[int, int]]:
    """Inclusive ranges of arrival times at `stop` that fit in `gap`, walks and opening hours kept."""
    earliest = gap.start + visits.walk(gap.origin, stop.location)
    latest = gap.end - visits.walk(stop.location, gap.destination) - stop.minutes
    ranges: list[tuple[int, int]] = []
    for window in sorted(stop.open, key=lambda w: w.start):
        if window.day != gap.day:
            continue
        low, high = max(earliest, window.start), min(latest, window.end - stop.minutes)
        if low <= high:
            ranges.append((low, high))
    return ranges


def intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Intersection of two sorted lists of disjoint inclusive ranges."""
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if low <= high:
            out.append((low, high))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out
