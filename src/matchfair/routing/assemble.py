"""Turn chosen joint and own visits into itineraries: walks, skip reasons, conflicts and stats.

The planner and the greedy baseline both end here, so their answers read the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from .model import (
    Conflict,
    DayItinerary,
    Entry,
    Itineraries,
    JointOutcome,
    Member,
    MemberItinerary,
    SkippedWish,
    Visits,
    clock,
)
from .reasons import explain_skip
from .timeline import Anchor, anchors


def joint_anchors(
    visits: Visits, outcomes: Sequence[JointOutcome], member: Member
) -> dict[str, list[Anchor]]:
    """The member's scheduled joint visits, per day, as fixed anchors."""
    fixed: dict[str, list[Anchor]] = {}
    by_id = {j.id: j for j in visits.joint_visits}
    for outcome in outcomes:
        joint = by_id[outcome.id]
        if outcome.day is None or outcome.arrive is None or outcome.leave is None:
            continue
        if member.id in joint.members:
            location = visits.stop_by_id[joint.stop].location
            fixed.setdefault(outcome.day, []).append(
                Anchor(outcome.arrive, outcome.leave, location)
            )
    return fixed


def joined_stops(visits: Visits, outcomes: Sequence[JointOutcome], member: Member) -> set[str]:
    """The stops the member visits with a scheduled joint visit; their own wish there is met."""
    by_id = {j.id: j for j in visits.joint_visits}
    return {
        by_id[outcome.id].stop
        for outcome in outcomes
        if outcome.day is not None and member.id in by_id[outcome.id].members
    }


def _with_walks(visits: Visits, member: Member, stays: list[Entry]) -> list[Entry]:
    """Insert a walk before each change of place, leaving as soon as the previous stay ends."""
    if not stays:
        return []
    entries: list[Entry] = []
    first = stays[0]
    walk_in = visits.walk(member.start, first.location)
    if walk_in:
        # The first walk ends on arrival: nobody waits at the entrance's far side.
        entries.append(
            Entry("walk", first.arrive - walk_in, first.arrive, first.location, origin=member.start)
        )
    for before, after in itertools.pairwise(stays):
        entries.append(before)
        walk = visits.walk(before.location, after.location)
        if walk:
            entries.append(
                Entry(
                    "walk",
                    before.leave,
                    before.leave + walk,
                    after.location,
                    origin=before.location,
                )
            )
    last = stays[-1]
    entries.append(last)
    walk_out = visits.walk(last.location, member.end)
    if walk_out:
        entries.append(
            Entry("walk", last.leave, last.leave + walk_out, member.end, origin=last.location)
        )
    return entries


def _conflicts(visits: Visits, member: Member) -> list[Conflict]:
    """Fixed points the member cannot walk between in time; no visit can mend these."""
    found: list[Conflict] = []
    for day_id in member.days:
        points = anchors(member, visits.day_by_id[day_id])
        for before, after in itertools.pairwise(points):
            walk = visits.walk(before.location, after.location)
            if before.end + walk > after.start:
                found.append(
                    Conflict(
                        member.id,
                        day_id,
                        f"{walk} min walk from {before.location} (free at {clock(before.end)}) "
                        f"to {after.location} (due at {clock(after.start)})",
                    )
                )
    return found


def assemble(
    visits: Visits,
    outcomes: Sequence[JointOutcome],
    own: Mapping[str, Sequence[tuple[str, str, int]]],
    stats: Mapping[str, object],
) -> Itineraries:
    """Build the answer; `own` maps a member to their own visits as (day, stop, arrival)."""
    by_joint = {j.id: j for j in visits.joint_visits}
    members: list[MemberItinerary] = []
    conflicts: list[Conflict] = []
    totals = {"wishes": 0, "fitted": 0, "priority_wished": 0, "priority_fitted": 0, "walking": 0}
    for member in visits.members:
        stays: dict[str, list[Entry]] = {d: [] for d in member.days}
        for c in member.commitments:
            kind = "meeting" if c.kind == "meeting" else "commitment"
            stays[c.day].append(
                Entry(kind, c.start, c.end, c.location, commitment=c.id, title=c.title)
            )
        visited: set[str] = set()
        for outcome in outcomes:
            joint = by_joint[outcome.id]
            if outcome.day is None or outcome.arrive is None or outcome.leave is None:
                continue
            if member.id in joint.members:
                stop = visits.stop_by_id[joint.stop]
                stays[outcome.day].append(
                    Entry(
                        "visit",
                        outcome.arrive,
                        outcome.leave,
                        stop.location,
                        stop=stop.id,
                        joint=joint.id,
                    )
                )
                visited.add(stop.id)
        for day_id, stop_id, arrive in own.get(member.id, ()):
            stop = visits.stop_by_id[stop_id]
            stays[day_id].append(
                Entry("visit", arrive, arrive + stop.minutes, stop.location, stop=stop.id)
            )
            visited.add(stop_id)
        days = tuple(
            DayItinerary(
                d, tuple(_with_walks(visits, member, sorted(stays[d], key=lambda e: e.arrive)))
            )
            for d in member.days
        )
        fixed = joint_anchors(visits, outcomes, member)
        priority = {w.stop: w.priority for w in member.wishes}
        skipped = tuple(
            SkippedWish(
                w.stop,
                w.priority,
                explain_skip(visits, member, w, fixed, own.get(member.id, ()), priority),
            )
            for w in member.wishes
            if w.stop not in visited
        )
        wished = sum(w.priority for w in member.wishes)
        fitted = sum(w.priority for w in member.wishes if w.stop in visited)
        walking = sum(e.leave - e.arrive for d in days for e in d.entries if e.kind == "walk")
        member_stats: dict[str, object] = {
            "wishes": len(member.wishes),
            "fitted": len(member.wishes) - len(skipped),
            "priority_wished": wished,
            "priority_fitted": fitted,
            "share": share(fitted, wished),
            "visits": sum(1 for d in days for e in d.entries if e.kind == "visit"),
            "walking_minutes": walking,
        }
        members.append(MemberItinerary(member.id, days, skipped, member_stats))
        conflicts.extend(_conflicts(visits, member))
        totals["wishes"] += len(member.wishes)
        totals["fitted"] += len(member.wishes) - len(skipped)
        totals["priority_wished"] += wished
        totals["priority_fitted"] += fitted
        totals["walking"] += walking
    summary: dict[str, object] = {
        "members": len(visits.members),
        "wishes": totals["wishes"],
        "wishes_fitted": totals["fitted"],
        "priority_wished": totals["priority_wished"],
        "priority_fitted": totals["priority_fitted"],
        "share": share(totals["priority_fitted"], totals["priority_wished"]),
        "joint_visits_scheduled": sum(1 for o in outcomes if o.day is not None),
        "joint_visits_skipped": sum(1 for o in outcomes if o.day is None),
        "walking_minutes": totals["walking"],
        **stats,
    }
    return Itineraries(tuple(members), tuple(outcomes), tuple(conflicts), summary)


def share(fitted: int, wished: int) -> float:
    """The priority-weighted share of wishes fitted; nothing wished counts as all fitted."""
    return round(fitted / wished, 4) if wished else 1.0
