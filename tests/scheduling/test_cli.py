import json

from matchfair.scheduling.cli import main

from .builders import document


def test_main_writes_checked_result(tmp_path, capsys):
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(document()))
    target = tmp_path / "result.json"
    assert main([str(source), "-o", str(target), "--time-limit", "1", "--check"]) == 0
    written = json.loads(target.read_text())
    assert (written["format"], written["assignments"]) == (
        "matchfair-schedule-result/1",
        [{"meeting": "m1", "slot": "t1", "table": "T1"}],
    )
    assert capsys.readouterr().err.splitlines()[-1] == "check: every rule holds"


def test_main_bad_input_exits_2_with_every_error(tmp_path, capsys):
    doc = document()
    doc["meetings"][0]["participants"][1] = "p99"
    doc["meetings"][0]["priority"] = 7
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(doc))
    assert main([str(source), "-o", str(tmp_path / "r.json")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        'error: meetings[0].participants[1]: unknown participant "p99"',
        "error: meetings[0].priority: must be 1, 2 or 3, not 7",
    ]


def test_main_replans_from_previous(tmp_path):
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(document()))
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    assert main([str(source), "-o", str(first), "--time-limit", "1"]) == 0
    assert (
        main([str(source), "-o", str(second), "--time-limit", "1", "--previous", str(first)]) == 0
    )
    assert json.loads(second.read_text())["stats"]["moved"] == []


def test_progress_gives_the_holes_bound_the_search_proved(tmp_path, capsys):
    # a must meet b at t1 and c at t3: a hole at t2 that no schedule avoids, proved by MaxSAT.
    doc = document(slots=4, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t3"]
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(doc))
    assert main([str(source), "-o", str(tmp_path / "r.json"), "--time-limit", "10"]) == 0
    last = capsys.readouterr().err.splitlines()[-2]
    assert last.endswith(
        "done: best so far 3 meetings, priority 3, 1 holes (bound 3, then at least 1 holes)"
    )


def test_the_wall_clock_is_the_default_and_deterministic_mode_an_option(tmp_path, capsys):
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(document()))
    wall, work = tmp_path / "wall.json", tmp_path / "work.json"
    assert main([str(source), "-o", str(wall), "--time-limit", "1"]) == 0
    assert main([str(source), "-o", str(work), "--time-limit", "1", "--deterministic"]) == 0
    assert json.loads(wall.read_text())["stats"]["deterministic"] is False
    stats = json.loads(work.read_text())["stats"]
    assert (stats["deterministic"], stats["stopped_by_clock"]) == (True, False)
    assert "note:" not in capsys.readouterr().err


def test_time_spent_before_the_call_leaves_the_search_none_and_still_a_valid_schedule(
    tmp_path, capsys
):
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(document()))
    target = tmp_path / "result.json"
    assert main([str(source), "-o", str(target), "--time-limit", "5", "--check"], spent=5.0) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "check: every rule holds"
    assert len(json.loads(target.read_text())["assignments"]) == 1


def test_since_start_is_the_age_of_this_process():
    from matchfair.scheduling.cli import since_start

    assert 0.0 < since_start() < 24 * 3600
