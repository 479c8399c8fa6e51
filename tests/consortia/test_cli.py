"""Tests for `matchfair.consortia.cli`: `matchfair build-consortium` and `python -m`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from matchfair.cli import main as matchfair_main
from matchfair.consortia import check, parse_request, proposal_from_json
from matchfair.consortia.cli import main

from .instances import small


def _write(tmp_path: Path, doc: object) -> Path:
    source = tmp_path / "request.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    return source


def test_main_round_trip_writes_a_checked_proposal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = _write(tmp_path, small()), tmp_path / "proposal.json"

    status = main([str(source), "-o", str(target), "--time-limit", "5"])

    written = json.loads(target.read_text(encoding="utf-8"))
    assert (status, capsys.readouterr().out) == (
        0,
        f"5 members coordinated by sofia-lab, objective 685 → {target}\n",
    )
    assert (written["format"], written["coordinator"], written["countries"]["as_of"]) == (
        "matchfair-consortium-proposal/1",
        "sofia-lab",
        "2024-11-21",
    )
    assert check(parse_request(small()), proposal_from_json(written)) == []


def test_main_through_the_matchfair_command(tmp_path: Path) -> None:
    source, target = _write(tmp_path, small()), tmp_path / "proposal.json"

    status = matchfair_main(["build-consortium", str(source), "-o", str(target), "--baseline"])

    assert (status, json.loads(target.read_text())["stats"]["solver"]) == (0, "greedy")


def test_main_invalid_request_lists_errors_by_path_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = small()
    doc["candidates"][1]["fit"] = "high"
    doc["rules"]["min_members"] = 0
    source = _write(tmp_path, doc)

    status = main([str(source), "-o", str(tmp_path / "out.json")])

    assert (status, capsys.readouterr().err) == (
        2,
        f"{source}: rules.min_members: must be an integer >= 1\n"
        f"{source}: candidates[1].fit: must be a number from 0 to 1\n",
    )
    assert not (tmp_path / "out.json").exists()


def test_main_unreadable_json_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "request.json"
    source.write_text("{not json", encoding="utf-8")

    assert main([str(source), "-o", str(tmp_path / "out.json")]) == 2


def test_main_infeasible_request_explains_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = small()
    doc["rules"]["required_roles"] = [{"role": "ngo", "at_least": 1}]
    source, target = _write(tmp_path, doc), tmp_path / "proposal.json"

    status = main([str(source), "-o", str(target)])

    written = json.loads(target.read_text(encoding="utf-8"))
    assert (status, written["feasible"], written["members"], written["unmet"]) == (
        3,
        False,
        [],
        [
            {
                "rule": "role:ngo",
                "text": "the topic needs at least 1 in the role ngo; 0 available candidates play it",
                "phrase": {
                    "key": "unmet.role",
                    "params": {"role": "ngo", "at_least": 1, "ids": []},
                },
            }
        ],
    )
    assert capsys.readouterr().out.startswith("no consortium can meet this rule: role:ngo")


def test_python_dash_m_runs_the_command(tmp_path: Path) -> None:
    source, target = _write(tmp_path, small()), tmp_path / "proposal.json"

    run = subprocess.run(
        [sys.executable, "-m", "matchfair.consortia", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert (run.returncode, run.stderr) == (0, "")
    assert re.match(r"5 members coordinated by sofia-lab", run.stdout)
