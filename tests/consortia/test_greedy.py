"""Tests for `matchfair.consortia.greedy`: the greedy baseline."""

from __future__ import annotations

from matchfair.consortia import build_consortium, check, parse_request, plan_baseline

from .instances import small


def test_plan_baseline_small_is_valid_and_no_better_than_the_solver() -> None:
    request = parse_request(small())

    baseline = plan_baseline(request)
    solver = build_consortium(request)

    assert (baseline.stats["solver"], check(request, baseline)) == ("greedy", [])
    assert baseline.objective is not None and solver.objective is not None
    assert baseline.objective.total <= solver.objective.total


def test_plan_baseline_takes_the_lead_first_as_coordinator() -> None:
    proposal = plan_baseline(parse_request(small()))

    assert (proposal.coordinator, proposal.seats[0].id) == ("sofia-lab", "sofia-lab")


def test_plan_baseline_stuck_greedy_gives_up_without_members() -> None:
    # The greedy spends its seats on the best scores and cannot take one back for a role.
    doc = small()
    doc["rules"].update(
        {"min_members": 3, "max_members": 3, "required_roles": [{"role": "city", "at_least": 2}]}
    )
    doc["weights"] = {"domain": 0, "role": 0}
    request = parse_request(doc)

    baseline = plan_baseline(request)
    solver = build_consortium(request)

    assert (baseline.feasible, baseline.members, solver.feasible) == (False, (), True)
    assert check(request, baseline) == []
