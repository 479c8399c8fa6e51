"""Tests for `matchfair.consortia.checker`: it finds each broken rule in a tampered proposal."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from matchfair.consortia import Proposal, Request, build_consortium, check, parse_request

from .instances import small

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "matchfair" / "consortia"


def _proposal() -> tuple[Request, Proposal]:
    request = parse_request(small())
    return request, build_consortium(request)


def _without(proposal: Proposal, member: str) -> Proposal:
    return dataclasses.replace(
        proposal,
        seats=tuple(s for s in proposal.seats if s.id != member),
        independent_entities=tuple(m for m in proposal.independent_entities if m != member),
    )


def test_check_solver_proposal_is_valid() -> None:
    request, proposal = _proposal()

    assert check(request, proposal) == []


def test_check_missing_lead_and_coordinator() -> None:
    request, proposal = _proposal()

    problems = check(request, _without(proposal, "sofia-lab"))

    assert problems[:2] == [
        "the lead member sofia-lab is not in the consortium",
        "exactly one member must coordinate, found []",
    ]


def test_check_too_few_members_and_entities() -> None:
    request, proposal = _proposal()
    tampered = _without(_without(proposal, "fraunhofer"), "barcelona")

    assert check(request, tampered) == [
        "3 members, fewer than the 4 required",
        "independent legal entities: 1 listed, 3 required",
    ]


def test_check_entities_in_one_country_or_one_group() -> None:
    request, proposal = _proposal()
    seat = next(s for s in proposal.seats if s.id == "barcelona")
    tecnalia = dataclasses.replace(seat, id="tecnalia", domains=(), only_domains=(), roles=())
    tampered = dataclasses.replace(
        proposal,
        seats=(*proposal.seats, tecnalia),
        independent_entities=("sofia-lab", "barcelona", "tecnalia"),
    )

    assert check(request, tampered) == [
        "6 members, more than the 5 allowed",
        "2 independent legal entities in ES: each must be in a different country",
        "tecnalia: fit or relationship points do not match the request",
    ]


def test_check_unavailable_member_and_duplicate_seat() -> None:
    request, proposal = _proposal()
    seat = proposal.seats[-1]
    tampered = dataclasses.replace(
        proposal, seats=(*proposal.seats[:-1], dataclasses.replace(seat, id="thessaloniki"), seat)
    )

    assert check(request, tampered)[:2] == [
        "thessaloniki is not available",
        "6 members, more than the 5 allowed",
    ]


def test_check_claimed_objective_must_be_the_true_one() -> None:
    request, proposal = _proposal()
    assert proposal.objective is not None
    tampered = dataclasses.replace(
        proposal, objective=dataclasses.replace(proposal.objective, fit=999)
    )

    assert len(check(request, tampered)) == 1


def test_check_infeasible_proposal_listing_members_is_refused() -> None:
    request, proposal = _proposal()

    assert check(request, dataclasses.replace(proposal, feasible=False)) == [
        "an infeasible proposal must not list members"
    ]


def _imports(module: str) -> set[str]:
    """The modules `module` of the package imports: ".name" for the package's own."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_checker_module_imports_no_solver_even_indirectly() -> None:
    seen: set[str] = set()
    todo = [".checker"]
    while todo:
        module = todo.pop()
        seen.add(module)
        todo += [m for m in _imports(module[1:]) if m.startswith(".") and m not in seen]
    outside = {m for name in seen for m in _imports(name[1:]) if not m.startswith(".")}

    assert (sorted(seen), sorted(outside)) == (
        [".checker", ".countries", ".model", ".score"],
        [
            "__future__",
            "collections",
            "collections.abc",
            "dataclasses",
            "functools",
            "json",
            "pathlib",
            "typing",
        ],
    )
