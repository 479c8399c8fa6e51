"""`matchfair tally`: both formats in, `matchfair-tally/1` out, exit 2 on a bad file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from matchfair.cli import main as matchfair_main
from matchfair.voting.cli import main

BLT = '3 1\n4 1 0\n3 2 1 0\n2 3 2 0\n0\n"Ana"\n"Boris"\n"Cvetan"\n"Chair 2026"\n'


def test_tally_writes_the_documented_format(tmp_path: Path) -> None:
    source, target = tmp_path / "chair.blt", tmp_path / "tally.json"
    source.write_text(BLT, encoding="utf-8")

    status = matchfair_main(["tally", str(source), "--method", "irv", "-o", str(target)])

    doc = json.loads(target.read_text(encoding="utf-8"))
    assert status == 0
    assert {k: doc[k] for k in ("format", "method", "seats", "elected", "ties")} == {
        "format": "matchfair-tally/1",
        "method": "irv",
        "seats": 1,
        "elected": [{"index": 2, "name": "Boris"}],
        "ties": [],
    }
    assert [(r["round"], r["votes"], r["excluded"]) for r in doc["rounds"]] == [
        (1, ["4", "3", "2"], []),
        (2, ["4", "5", "0"], [3]),
    ]


def test_tally_reads_json_and_overrides_seats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "board.json"
    source.write_text(
        json.dumps(
            {
                "format": "matchfair-ballots/1",
                "seats": 1,
                "candidates": ["A", "B", "C"],
                "ballots": [
                    {"ranking": [1, 2], "count": 5},
                    {"ranking": [1], "count": 1},
                    {"ranking": [3], "count": 2},
                ],
            }
        ),
        encoding="utf-8",
    )

    status = main([str(source), "--method", "approval", "--seats", "2"])

    doc = json.loads(capsys.readouterr().out)
    assert (status, doc["seats"], [e["index"] for e in doc["elected"]]) == (0, 2, [1, 2])


def test_tally_bad_blt_names_the_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.blt"
    source.write_text("3 1\n4 1 9 0\n0\nA\nB\nC\n", encoding="utf-8")

    status = main([str(source), "--method", "scottish-stv"])

    assert (status, capsys.readouterr().err) == (
        2,
        f"{source}: line 2: expected candidates from 1 to 3, got '9'\n",
    )


def test_tally_bad_json_names_the_path_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(
        '{"format": "matchfair-ballots/1", "seats": 1, "candidates": ["A"], '
        '"ballots": [{"ranking": [2]}]}',
        encoding="utf-8",
    )

    status = main([str(source), "--method", "plurality", "-o", str(tmp_path / "out.json")])

    assert (status, capsys.readouterr().err) == (
        2,
        f"{source}: ballots[0].ranking[0]: expected a candidate position from 1 to 1\n",
    )
    assert not (tmp_path / "out.json").exists()


def test_tally_too_many_seats_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "chair.blt"
    source.write_text(BLT, encoding="utf-8")

    status = main([str(source), "--method", "schulze", "--seats", "4"])

    assert (status, capsys.readouterr().err) == (
        2,
        f"{source}: seats: 4 seats but 3 candidates who have not withdrawn\n",
    )


def test_python_dash_m_runs_the_command(tmp_path: Path) -> None:
    source = tmp_path / "chair.blt"
    source.write_text(BLT, encoding="utf-8")

    run = subprocess.run(
        [sys.executable, "-m", "matchfair.voting", str(source), "--method", "schulze"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert (run.returncode, json.loads(run.stdout)["elected"]) == (
        0,
        [{"index": 2, "name": "Boris"}],
    )
