"""Tests for `matchfair.routing.cli`: the `plan-visits` command and `python -m matchfair.routing`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from matchfair.routing import check, itineraries_from_json, parse_visits
from matchfair.routing.cli import main

from .instances import small


def test_main_round_trip_writes_valid_itineraries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "visits.json", tmp_path / "itinerary.json"
    source.write_text(json.dumps(small()), encoding="utf-8")

    status = main([str(source), "-o", str(target), "--time-limit", "2", "--seed", "7"])

    result = json.loads(target.read_text(encoding="utf-8"))
    out = re.sub(r"[\d.]+ s →", "N s →", capsys.readouterr().out)
    assert (status, out) == (
        0,
        f"2/2 wishes fitted, priority-weighted share 100.0%, 0 joint visits, N s → {target}\n",
    )
    assert check(parse_visits(small()), itineraries_from_json(result)) == []


def test_main_baseline_flag_uses_the_greedy_plan(tmp_path: Path) -> None:
    source, target = tmp_path / "visits.json", tmp_path / "itinerary.json"
    source.write_text(json.dumps(small()), encoding="utf-8")

    status = main([str(source), "-o", str(target), "--baseline"])

    assert (status, json.loads(target.read_text())["stats"]["solver"]) == (0, "greedy")


def test_main_invalid_request_lists_errors_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = small()
    doc["members"][0]["wishes"][0]["stop"] = "s99"
    source = tmp_path / "visits.json"
    source.write_text(json.dumps(doc), encoding="utf-8")

    status = main([str(source), "-o", str(tmp_path / "out.json")])

    assert (status, capsys.readouterr().err) == (
        2,
        f'{source}: members[0].wishes[0].stop: unknown stop "s99"\n',
    )
    assert not (tmp_path / "out.json").exists()


def test_main_unreadable_json_exits_2(tmp_path: Path) -> None:
    source = tmp_path / "visits.json"
    source.write_text("{not json", encoding="utf-8")

    assert main([str(source), "-o", str(tmp_path / "out.json")]) == 2


def test_python_dash_m_runs_the_command(tmp_path: Path) -> None:
    source, target = tmp_path / "visits.json", tmp_path / "itinerary.json"
    source.write_text(json.dumps(small()), encoding="utf-8")

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "matchfair.routing",
            str(source),
            "-o",
            str(target),
            "--time-limit",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert (run.returncode, run.stderr, json.loads(target.read_text())["format"]) == (
        0,
        "",
        "matchfair-itineraries/1",
    )
