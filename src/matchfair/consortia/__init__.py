"""The consortium builder: a consortium for a funding call, chosen from the organisations the
cluster knows, that meets the call's eligibility rules.

Django-free: plain dataclasses and the JSON formats `matchfair-consortium-request/1` →
`matchfair-consortium-proposal/1` (docs/funding.md, "Consortium builder"). The modules:

- `model.py`: the typed values, the follow-up ladder's points and the objective's weights;
- `countries.py` + `countries.json`: member states and associated countries, as dated data;
- `contract.py`: reads the request JSON, every error by its JSON path;
- `score.py`: the objective of a consortium, term by term;
- `formulation.py`: the CP-SAT model, its hard rules grouped by rule;
- `builder.py`: solves it (`build_consortium`), hinted by the greedy baseline;
- `explain.py`: for an infeasible request, a smallest set of rules that cannot be met together;
- `greedy.py`: the greedy baseline (`plan_baseline`);
- `reasons.py`: why each member is there and which rules it satisfies;
- `checker.py`: the independent eligibility checker (imports no solver);
- `result.py`: the proposal JSON, written and read back;
- `edit.py`: the request JSON written back, and the proposal for a consortium chosen by hand;
- `generate.py`: two generators of requests for tests and benchmarks;
- `cli.py`: `matchfair build-consortium REQUEST.json -o PROPOSAL.json`.

The funding app calls `build_consortium(request)` with a `Request` it assembles from the
candidates it gathers, and `check(request, proposal)` after every edit.
"""

from .builder import build_consortium
from .checker import check
from .contract import RequestError, parse_request
from .countries import Countries, load_countries
from .edit import rebuild, request_to_json
from .greedy import plan_baseline
from .model import (
    FORMAT,
    RESULT_FORMAT,
    Candidate,
    Proposal,
    Relationship,
    Request,
    RoleRule,
    Rules,
    Weights,
)
from .result import proposal_from_json, proposal_to_json
from .score import objective

__all__ = [
    "FORMAT",
    "RESULT_FORMAT",
    "Candidate",
    "Countries",
    "Proposal",
    "Relationship",
    "Request",
    "RequestError",
    "RoleRule",
    "Rules",
    "Weights",
    "build_consortium",
    "check",
    "load_countries",
    "objective",
    "parse_request",
    "plan_baseline",
    "proposal_from_json",
    "proposal_to_json",
    "rebuild",
    "request_to_json",
]
