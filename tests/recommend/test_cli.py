from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from matchfair.recommend import profiles_document
from matchfair.recommend.cli import main
from matchfair.recommend.generate import generate


def test_main_writes_recommendations_file(tmp_path: Path) -> None:
    source = tmp_path / "profiles.json"
    source.write_text(json.dumps(profiles_document(generate(40, seed=3).profiles)))
    target = tmp_path / "out.json"
    assert main([str(source), "--top", "5", "-o", str(target)]) == 0
    written = json.loads(target.read_text())
    assert written["format"] == "matchfair-recommendations/1"
    assert sorted(written["recommendations"]) == [f"p{i:06d}" for i in range(40)]
    assert [k for k, v in written["recommendations"].items() if len(v) > 5] == []


def test_main_input_errors_print_paths_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "profiles.json"
    source.write_text(
        json.dumps(
            {
                "format": "matchfair-profiles/1",
                "participants": [
                    {
                        "id": "a",
                        "organisation": "Velora",
                        "organisation_type": "city",
                        "country": "BG",
                        "opportunities": [{"kind": "sell", "title": "Lights"}],
                    }
                ],
            }
        )
    )
    assert main([str(source)]) == 2
    assert capsys.readouterr().err == (
        'error: participants[0].opportunities[0].kind: must be "offer" or "request", got "sell"\n'
    )


def test_main_not_json_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "profiles.json"
    source.write_text("{")
    assert main([str(source)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {source}: not JSON (line 1, column 2)")


def test_main_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    absent = tmp_path / "absent.json"
    assert main([str(absent)]) == 2
    assert capsys.readouterr().err == f"error: cannot read {absent}: No such file or directory\n"


def test_main_semantic_on_without_extra_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("numpy")
    from matchfair.recommend.semantic import semantic_available

    if semantic_available():
        pytest.skip("the semantic extra is installed")
    source = tmp_path / "profiles.json"
    source.write_text(json.dumps(profiles_document(generate(3).profiles)))
    assert main([str(source), "--semantic", "on"]) == 2
    assert capsys.readouterr().err == (
        "error: --semantic on needs the semantic extra: pip install matchfair[semantic]\n"
    )


def test_python_m_matchfair_recommend_runs(tmp_path: Path) -> None:
    source = tmp_path / "profiles.json"
    source.write_text(json.dumps(profiles_document(generate(10, seed=1).profiles)))
    done = subprocess.run(
        [sys.executable, "-m", "matchfair.recommend", str(source), "--top", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, json.loads(done.stdout)["format"]) == (
        0,
        "matchfair-recommendations/1",
    )
