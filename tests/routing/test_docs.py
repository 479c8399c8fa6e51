"""The worked example in docs/routing.md is planned as the page says, so the page stays true."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, cast

from matchfair.routing import check, itineraries_to_json, parse_visits, plan_visits

PAGE = Path(__file__).resolve().parents[2] / "docs" / "routing.md"


def _example_blocks() -> list[Any]:
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index("## Worked example") : text.index("## How it plans")]
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", section, re.S)]


def test_worked_example_gives_the_documented_day() -> None:
    request, day = _example_blocks()
    visits = parse_visits(request)

    itineraries = plan_visits(visits, time_limit=2.0)
    first = cast(list[dict[str, Any]], itineraries_to_json(itineraries, visits)["members"])[0]

    assert check(visits, itineraries) == []
    assert first["days"] == [day]
    assert first["skipped"] == [
        {
            "stop": "minalogic",
            "name": "Minalogic cluster",
            "priority": 1,
            "reason": "no time between meetings: 15 min free, 25 min needed plus 0 min walking",
        }
    ]
