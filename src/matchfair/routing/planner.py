"""The visit planner: joint visits first for the whole delegation, then each member's own visits.

Both stages are CP-SAT models. The member stage starts from the greedy plan as a complete hint;
when it cannot prove its plan optimal, OR-Tools' routing solver gets a try and the better plan wins.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from .assemble import assemble, joined_stops, joint_anchors
from .baseline import greedy_member
from .joint import plan_joint_visits
from .member import Placed, compact, fits, plan_member, priority_weight
from .model import Itineraries, Member, Visits, Wish
from .route import route_member
from .timeline import Anchor

# The joint stage is one small model; most of the time goes to the members.
_JOINT_SHARE = 0.15
# Of each member's time, CP-SAT takes this share; the routing solver the rest, if not proved.
_CPSAT_SHARE = 0.4


def plan_visits(visits: Visits, *, time_limit: float = 30.0, seed: int = 0) -> Itineraries:
    """Plan every member's itinerary within about `time_limit` seconds."""
    began = time.perf_counter()
    joint = plan_joint_visits(visits, time_limit=time_limit * _JOINT_SHARE, seed=seed)
    optimal = joint.optimal
    own: dict[str, list[tuple[str, str, int]]] = {}
    for index, member in enumerate(visits.members):
        fixed = joint_anchors(visits, joint.outcomes, member)
        joined = joined_stops(visits, joint.outcomes, member)
        wishes = [w for w in member.wishes if w.stop not in joined]
        # Each member gets an even share of what is left, so an early slow one cannot starve
        # the rest.
        deadline = began + time_limit
        remaining = len(visits.members) - index
        placed, proved = _own_visits(visits, member, wishes, fixed, deadline, remaining, seed)
        optimal = optimal and proved
        own[member.id] = [(p.day, p.stop, p.arrive) for p in placed]
    stats = {
        "solver": "routing+cp-sat",
        "optimal": optimal,
        "seconds": round(time.perf_counter() - began, 3),
    }
    return assemble(visits, joint.outcomes, own, stats)


def _own_visits(
    visits: Visits,
    member: Member,
    wishes: Sequence[Wish],
    fixed: Mapping[str, Sequence[Anchor]],
    deadline: float,
    remaining: int,
    seed: int,
) -> tuple[list[Placed], bool]:
    """The member's own visits, compacted, and whether CP-SAT proved them optimal."""
    budget = max((deadline - time.perf_counter()) / remaining, 0.05)
    greedy = greedy_member(visits, member, wishes, fixed)
    plan = plan_member(
        visits, member, wishes, fixed, time_limit=budget * _CPSAT_SHARE, seed=seed, hint=greedy
    )
    # Without any CP-SAT answer in time, the greedy plan is the one known to be valid.
    chosen = list(plan.visits) if plan.found else greedy
    if not plan.optimal:
        # Large members: guided local search finds better plans than CP-SAT's proof search.
        routed = route_member(
            visits,
            member,
            wishes,
            fixed,
            time_limit=max((deadline - time.perf_counter()) / remaining, 0.05),
            weight=priority_weight(visits, member),
        )
        priority = {w.stop: w.priority for w in wishes}
        gain = sum(priority[p.stop] for p in routed) - sum(priority[p.stop] for p in chosen)
        if gain > 0 and fits(visits, member, fixed, routed):
            chosen = routed
    return compact(visits, member, fixed, chosen), plan.optimal
