"""The worked example in docs/funding.md is the request the tests use, and gives the
documented consortium, so the page stays true."""

from __future__ import annotations

import json
import re
from pathlib import Path

from matchfair.consortia import build_consortium, parse_request
from matchfair.consortia.result import proposal_to_json

from .instances import small

PAGE = Path(__file__).resolve().parents[2] / "docs" / "funding.md"


def _section() -> str:
    text = PAGE.read_text(encoding="utf-8")
    return text[text.index("### Worked example") : text.index("### How it is checked")]


def test_worked_example_request_is_the_small_instance() -> None:
    (block,) = re.findall(r"```json\n(.*?)```", _section(), re.S)

    assert json.loads(block) == small()


def test_worked_example_gives_the_documented_table() -> None:
    request = parse_request(small())
    written = proposal_to_json(build_consortium(request), request)

    rows = [
        f"| {m['id']} | {m['role']} | {m['why']['text']} | {'; '.join(m['rules']) or '—'} |"
        for m in written["members"]  # type: ignore[attr-defined]
    ]

    assert [row for row in rows if row not in _section()] == []
    assert f"objective {written['objective']['total']}" in _section()  # type: ignore[index]
