"""Search results in the portal's shape, built small for one test."""

import copy
import json
from pathlib import Path
from typing import Any

from matchfair.funding.domain import edits

FIXTURE = Path(__file__).resolve().parents[2] / "src/matchfair/funding/fixtures/topics.json"


def fixture_results() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def one_topic(**metadata: Any) -> dict[str, Any]:
    """A one-topic search result; `metadata` replaces fields of the first fixture topic."""
    document = fixture_results()
    result = copy.deepcopy(document["results"][0])
    result["metadata"].update(metadata)
    return {"totalResults": 1, "results": [result]}


def budget_overview(identifier: str, *, budget: int, sibling_budget: int = 9_000_000) -> str:
    return json.dumps(
        {
            "budgetTopicActionMap": {
                "1": [
                    {
                        "action": f"{identifier} - HORIZON-IA",
                        "budgetYearMap": {"2027": budget},
                        "expectedGrants": 3,
                        "minContribution": 1_000_000,
                        "maxContribution": 2_000_000,
                        "deadlineModel": "single-stage",
                    }
                ],
                "2": [
                    {
                        "action": "OTHER-TOPIC-01 - HORIZON-RIA",
                        "budgetYearMap": {"2027": sibling_budget},
                    }
                ],
            }
        }
    )


def partners(stored: Any) -> list[str]:
    """A proposed consortium's seats other than the lead's."""

    return [m for m in edits.members_of(stored) if m != str(stored.lead_id)]
