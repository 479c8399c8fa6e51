"""First planning stage: place the joint visits, one CP-SAT model for the whole delegation.

Each joint visit takes one day and one arrival time that fits every member's free time, or none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from ortools.sat.python import cp_model

from .model import JointOutcome, JointVisit, Visits
from .timeline import Anchor, gaps, intersect, start_ranges


@dataclass(frozen=True, slots=True)
class JointPlan:
    outcomes: tuple[JointOutcome, ...]
    optimal: bool


def candidate_days(visits: Visits, joint: JointVisit) -> list[str]:
    """Days every member of the joint visit attends."""
    members = [visits.member_by_id[m] for m in joint.members]
    return [d.id for d in visits.days if all(d.id in m.days for m in members)]


def preferred(
    visits: Visits, joint: JointVisit, day: str, ranges: list[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """The part of `ranges` that keeps the preferred day and window; None without a preference."""
    if joint.day is None and joint.window is None:
        return None
    if joint.day is not None and day != joint.day:
        return []
    if joint.window is None:
        return ranges
    latest = joint.window[1] - visits.stop_by_id[joint.stop].minutes
    return intersect(ranges, [(joint.window[0], latest)])


def common_starts(
    visits: Visits,
    joint: JointVisit,
    day: str,
    fixed: Mapping[str, Sequence[Anchor]] | None = None,
) -> list[tuple[int, int]]:
    """Arrival times on `day` at which every member is free, walks on both sides included.

    `fixed` adds anchors per member (on `day`) beyond their commitments.
    """
    stop = visits.stop_by_id[joint.stop]
    common: list[tuple[int, int]] | None = None
    for mid in joint.members:
        member = visits.member_by_id[mid]
        own: list[tuple[int, int]] = []
        extra = fixed.get(mid, ()) if fixed is not None else ()
        for gap in gaps(member, visits.day_by_id[day], extra):
            own.extend(start_ranges(visits, stop, gap))
        common = own if common is None else intersect(common, sorted(own))
    return common or []


def skip_reason(visits: Visits, joint: JointVisit, days: list[str]) -> str:
    stop = visits.stop_by_id[joint.stop]
    if not days:
        return "its members attend no common day"
    if not any(w.day in days for w in stop.open):
        return "the stop is closed on the days all its members attend"
    for mid in joint.members:
        member = visits.member_by_id[mid]
        if not any(
            start_ranges(visits, stop, gap)
            for day in days
            for gap in gaps(member, visits.day_by_id[day])
        ):
            return (
                f"{member.name} has no free time while the stop is open "
                f"({stop.minutes} min needed plus walking)"
            )
    return "its members have no common free time while the stop is open"


def joint_weight(visits: Visits, joint: JointVisit) -> int:
    """What the joint visit is worth: each member's wish priority for the stop, else the stop's."""
    total = 0
    for mid in joint.members:
        wishes = {w.stop: w.priority for w in visits.member_by_id[mid].wishes}
        total += wishes.get(joint.stop, visits.stop_by_id[joint.stop].priority)
    return total


def plan_joint_visits(visits: Visits, *, time_limit: float, seed: int = 0) -> JointPlan:
    model = cp_model.CpModel()
    options: dict[tuple[str, str], tuple[cp_model.IntVar, cp_model.IntVar]] = {}
    # (joint visit, day) → literal "held as preferred", for joint visits with a preference
    kept: dict[tuple[str, str], cp_model.IntVar] = {}
    reasons: dict[str, str] = {}
    for joint in visits.joint_visits:
        days = candidate_days(visits, joint)
        feasible = {d: common_starts(visits, joint, d) for d in days}
        if not any(feasible.values()):
            reasons[joint.id] = skip_reason(visits, joint, days)
            continue
        present = []
        for day, ranges in feasible.items():
            if not ranges:
                continue
            flat = [bound for span in ranges for bound in span]
            start = model.new_int_var_from_domain(
                cp_model.Domain.from_flat_intervals(flat), f"start_{joint.id}_{day}"
            )
            chosen = model.new_bool_var(f"on_{joint.id}_{day}")
            options[(joint.id, day)] = (chosen, start)
            present.append(chosen)
            wanted = preferred(visits, joint, day, ranges)
            if wanted:
                as_preferred = model.new_bool_var(f"preferred_{joint.id}_{day}")
                model.add_implication(as_preferred, chosen)
                model.add_linear_expression_in_domain(
                    start,
                    cp_model.Domain.from_flat_intervals([b for span in wanted for b in span]),
                ).only_enforce_if(as_preferred)
                kept[(joint.id, day)] = as_preferred
        model.add_at_most_one(present)

    by_id = {j.id: j for j in visits.joint_visits}
    for (a, day_a), (b, day_b) in combinations(options, 2):
        ja, jb = by_id[a], by_id[b]
        if day_a != day_b or not set(ja.members) & set(jb.members):
            continue
        # Two joint visits sharing a member happen one after the other, with the walk between.
        (on_a, start_a), (on_b, start_b) = options[(a, day_a)], options[(b, day_b)]
        stop_a, stop_b = visits.stop_by_id[ja.stop], visits.stop_by_id[jb.stop]
        a_first = model.new_bool_var(f"order_{a}_{b}_{day_a}")
        walk_ab = visits.walk(stop_a.location, stop_b.location)
        walk_ba = visits.walk(stop_b.location, stop_a.location)
        model.add(start_b >= start_a + stop_a.minutes + walk_ab).only_enforce_if(
            [on_a, on_b, a_first]
        )
        model.add(start_a >= start_b + stop_b.minutes + walk_ba).only_enforce_if(
            [on_a, on_b, a_first.negated()]
        )

    # Lexicographic through weights: the joint visits' weight, then the preferences kept, then
    # the earliest times. Early times make the answer repeatable and keep the later hours free
    # in one piece for the members' own visits.
    shift = 1 + 1440 * len(options)
    keep = shift
    weigh = keep * (1 + len(kept))
    model.maximize(
        cp_model.LinearExpr.sum(
            [
                weigh * joint_weight(visits, by_id[j]) * on - start
                for (j, _), (on, start) in options.items()
            ]
            + [keep * literal for literal in kept.values()]
        )
    )
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.05)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 1
    status = solver.solve(model) if options else cp_model.OPTIMAL
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)

    outcomes: list[JointOutcome] = []
    for joint in visits.joint_visits:
        if joint.id in reasons:
            outcomes.append(JointOutcome(joint.id, reason=reasons[joint.id]))
            continue
        placed = [
            (day, solver.value(start))
            for (j, day), (on, start) in options.items()
            if j == joint.id and found and solver.value(on)
        ]
        if placed:
            day, arrive = placed[0]
            leave = arrive + visits.stop_by_id[joint.stop].minutes
            wanted = preferred(visits, joint, day, [(arrive, arrive)])
            outcomes.append(
                JointOutcome(
                    joint.id,
                    day,
                    arrive,
                    leave,
                    as_preferred=None if wanted is None else bool(wanted),
                )
            )
        else:
            outcomes.append(
                JointOutcome(joint.id, reason="clashes with other joint visits of its members")
            )
    return JointPlan(tuple(outcomes), status == cp_model.OPTIMAL)
