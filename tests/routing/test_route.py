"""Tests for `matchfair.routing.route` and the planner's path through it on larger members."""

from __future__ import annotations

from matchfair.routing import check, parse_visits, plan_visits
from matchfair.routing.baseline import greedy_member
from matchfair.routing.generate import generate
from matchfair.routing.member import fits, priority_weight
from matchfair.routing.route import route_member


def test_route_member_plan_keeps_every_rule_and_beats_greedy() -> None:
    visits = parse_visits(generate(0, members=1, wishes=40, joint_visits=0))
    member = visits.members[0]
    priority = {w.stop: w.priority for w in member.wishes}

    routed = route_member(
        visits, member, member.wishes, {}, time_limit=1.0, weight=priority_weight(visits, member)
    )
    greedy = greedy_member(visits, member, member.wishes, {})

    assert fits(visits, member, {}, routed) is True
    assert sum(priority[p.stop] for p in routed) > sum(priority[p.stop] for p in greedy)


def test_plan_visits_large_members_under_a_short_limit_stay_valid() -> None:
    # Too little time to prove anything: the routing solver's plans are used, and must be valid.
    visits = parse_visits(generate(2, members=2, wishes=40, joint_visits=2))

    planned = plan_visits(visits, time_limit=1.5)

    assert (check(visits, planned), planned.stats["optimal"]) == ([], False)
