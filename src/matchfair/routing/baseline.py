"""A greedy nearest-next baseline: what a careful person would do by hand, to measure the planner.

Joint visits take the earliest common time in input order; then each member, in each free gap,
walks to whichever wished stop they can reach soonest, until nothing more fits.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from .assemble import assemble, joined_stops, joint_anchors
from .joint import candidate_days, common_starts, preferred, skip_reason
from .member import Placed
from .model import Itineraries, JointOutcome, Member, Visits, Wish
from .timeline import Anchor, Gap, gaps, start_ranges


def greedy_member(
    visits: Visits,
    member: Member,
    wishes: Sequence[Wish],
    fixed: Mapping[str, Sequence[Anchor]],
) -> list[Placed]:
    """Fill each free gap in time order with the wished stop reachable soonest."""
    placed: list[Placed] = []
    left = list(wishes)
    for day_id in member.days:
        for gap in gaps(member, visits.day_by_id[day_id], fixed.get(day_id, ())):
            now, here = gap.start, gap.origin
            while left:
                best: tuple[int, int, Wish] | None = None
                for wish in left:
                    stop = visits.stop_by_id[wish.stop]
                    ranges = start_ranges(
                        visits, stop, Gap(day_id, now, here, gap.end, gap.destination)
                    )
                    if not ranges:
                        continue
                    # Soonest arrival (walk plus any wait for opening), then higher priority.
                    key = (ranges[0][0], -wish.priority, wish)
                    if best is None or key[:2] < best[:2]:
                        best = key
                if best is None:
                    break
                arrive, _, wish = best
                placed.append(Placed(day_id, wish.stop, arrive))
                left.remove(wish)
                stop = visits.stop_by_id[wish.stop]
                now, here = arrive + stop.minutes, stop.location
    return placed


def greedy_joint_visits(visits: Visits) -> list[JointOutcome]:
    """Each joint visit, in input order, at the earliest time all its members are still free.

    The earliest time that keeps its preferred day and window comes first, if there is one.
    """
    taken: dict[str, dict[str, list[Anchor]]] = {}  # day → member → anchors
    outcomes: list[JointOutcome] = []
    for joint in visits.joint_visits:
        days = candidate_days(visits, joint)
        stop = visits.stop_by_id[joint.stop]
        free = {day: common_starts(visits, joint, day, taken.get(day, {})) for day in days}
        wanted = {day: preferred(visits, joint, day, ranges) for day, ranges in free.items()}
        choice = next(((d, r[0][0], True) for d, r in wanted.items() if r), None)
        if choice is None:
            choice = next(((d, r[0][0], False) for d, r in free.items() if r), None)
        if choice is None:
            no_clash = any(common_starts(visits, joint, d) for d in days)
            reason = (
                "clashes with other joint visits of its members"
                if no_clash
                else skip_reason(visits, joint, days)
            )
            outcomes.append(JointOutcome(joint.id, reason=reason))
            continue
        day, arrive, kept = choice
        has_preference = joint.day is not None or joint.window is not None
        outcomes.append(
            JointOutcome(
                joint.id,
                day,
                arrive,
                arrive + stop.minutes,
                as_preferred=kept if has_preference else None,
            )
        )
        for mid in joint.members:
            taken.setdefault(day, {}).setdefault(mid, []).append(
                Anchor(arrive, arrive + stop.minutes, stop.location)
            )
    return outcomes


def plan_baseline(visits: Visits) -> Itineraries:
    """The greedy nearest-next itineraries, in the same format as the planner's."""
    began = time.perf_counter()
    outcomes = greedy_joint_visits(visits)
    own: dict[str, list[tuple[str, str, int]]] = {}
    for member in visits.members:
        fixed = joint_anchors(visits, outcomes, member)
        joined = joined_stops(visits, outcomes, member)
        wishes = [w for w in member.wishes if w.stop not in joined]
        own[member.id] = [
            (p.day, p.stop, p.arrive) for p in greedy_member(visits, member, wishes, fixed)
        ]
    stats = {"solver": "greedy", "optimal": False, "seconds": round(time.perf_counter() - began, 3)}
    return assemble(visits, outcomes, own, stats)
