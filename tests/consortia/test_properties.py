"""Property tests: every proposal passes the checker, and on tiny requests (at most 8
candidates) the solver's objective is the optimum an exhaustive search finds."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.consortia import build_consortium, check, parse_request, plan_baseline

from .exhaustive import best_objective

_COUNTRIES = ["BG", "DE", "ES", "EL", "NO", "UK", "CA", "US", "CN"]
_TYPES = ["research", "higher_education", "sme", "large_company", "public_body", "city", "ngo"]
_DOMAINS = ["mobility", "energy", "ai", "water"]
_STAGES = [None, "held", "knowledge_gained", "valuable_contact", "agreement_reached"]


@st.composite
def requests(draw: st.DrawFn, most: int = 8) -> dict[str, Any]:
    n = draw(st.integers(1, most))
    # A few countries per request, so that requests with no member state, or too few distinct
    # countries, come up as often as roomy ones.
    pool = draw(st.lists(st.sampled_from(_COUNTRIES), min_size=1, max_size=5, unique=True))
    candidates = [
        {
            "id": f"c{i}",
            "name": f"Candidate {i}",
            "country": draw(st.sampled_from(pool)),
            "type": draw(st.sampled_from(_TYPES)),
            "domains": draw(st.lists(st.sampled_from(_DOMAINS), max_size=3, unique=True)),
            "roles": draw(st.lists(st.just("end_user"), max_size=1)),
            "fit": draw(st.integers(0, 20)) / 20,
            "relationship": {
                "expo_stage": draw(st.sampled_from(_STAGES)),
                "past_projects": draw(st.integers(0, 4)),
                "same_partnership": draw(st.booleans()),
            },
            "available": draw(st.booleans()) if i else True,
            "legal_group": draw(st.sampled_from([None, None, "g1", "g2"])),
            "can_coordinate": draw(st.booleans()) if i else True,
        }
        for i in range(n)
    ]
    low = draw(st.integers(1, 4))
    rules: dict[str, Any] = {
        "call": "TOPIC",
        "type_of_action": draw(st.sampled_from(["RIA", "IA", "CSA", "other"])),
        "pillar": draw(st.sampled_from([None, 1, 2])),
        "min_members": low,
        "max_members": draw(st.sampled_from([None, low, low + 2])),
        "required_roles": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "role": st.sampled_from(["city", "end_user", "research"]),
                        "at_least": st.integers(1, 2),
                    }
                ),
                max_size=2,
                unique_by=lambda r: r["role"],
            )
        ),
        "wanted_roles": draw(st.lists(st.sampled_from(["sme", "ngo", "end_user"]), unique=True)),
        "domains": draw(st.lists(st.sampled_from(_DOMAINS), unique=True)),
        "only_eligible_countries": draw(st.booleans()),
        "coordinator_in_member_state": draw(st.booleans()),
    }
    weights = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "seat": st.integers(0, 120),
                "domain": st.integers(0, 80),
                "role": st.integers(0, 80),
                "coordinator": st.integers(0, 3),
            },
        )
    )
    return {
        "format": "matchfair-consortium-request/1",
        "rules": rules,
        "lead": "c0",
        "lead_coordinates": draw(st.booleans()),
        "weights": weights,
        "candidates": candidates,
    }


_SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@_SETTINGS
@given(requests())
def test_build_consortium_tiny_request_reaches_the_exhaustive_optimum(doc: dict[str, Any]) -> None:
    request = parse_request(doc)

    proposal = build_consortium(request, time_limit=5.0)

    found = proposal.objective.total if proposal.objective is not None else None
    assert (found, check(request, proposal)) == (best_objective(request), [])
    assert (proposal.stats["status"], bool(proposal.unmet)) == (
        ("OPTIMAL", False) if proposal.feasible else ("INFEASIBLE", True)
    )


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(requests(most=30))
def test_build_consortium_and_baseline_pass_the_checker(doc: dict[str, Any]) -> None:
    request = parse_request(doc)

    proposal = build_consortium(request, time_limit=5.0)
    baseline = plan_baseline(request)

    assert (check(request, proposal), check(request, baseline)) == ([], [])
    if baseline.objective is not None:
        assert proposal.objective is not None
        assert proposal.objective.total >= baseline.objective.total
