import json
import socket
import subprocess
import sys
import time
import urllib.request

from matchfair.cli import main

INSTANCE = {
    "format": "matchfair-schedule/1",
    "slots": [
        {"id": "a", "session": "morning", "start": "2026-11-10T09:00:00+01:00", "minutes": 30},
        {"id": "b", "session": "morning", "start": "2026-11-10T09:30:00+01:00", "minutes": 30},
    ],
    "tables": [{"id": "t1"}],
    "participants": [
        {"id": "ana", "available": ["a", "b"]},
        {"id": "jonas", "available": ["a", "b"]},
        {"id": "carla", "available": ["b"]},
    ],
    "meetings": [
        {"id": "m1", "participants": ["ana", "jonas"]},
        {"id": "m2", "participants": ["ana", "carla"]},
    ],
}


def test_cli_schedule_writes_a_result(tmp_path):
    instance, result = tmp_path / "instance.json", tmp_path / "result.json"
    instance.write_text(json.dumps(INSTANCE))
    assert main(["schedule", str(instance), "-o", str(result), "--time-limit", "2"]) == 0
    written = json.loads(result.read_text())
    assert sorted((a["meeting"], a["slot"]) for a in written["assignments"]) == [
        ("m1", "a"),
        ("m2", "b"),
    ]


def test_cli_schedule_names_the_bad_field(tmp_path, capsys):
    broken = {**INSTANCE, "meetings": [{"id": "m1", "participants": ["ana", "p99"]}]}
    instance = tmp_path / "instance.json"
    instance.write_text(json.dumps(broken))
    assert main(["schedule", str(instance), "-o", str(tmp_path / "out.json")]) == 2
    assert 'meetings[0].participants[1]: unknown participant "p99"' in capsys.readouterr().err


def test_cli_manage_passes_through_to_django(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "matchfair.cli", "manage", "check"],
        capture_output=True,
        text=True,
        env={"MATCHFAIR_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert (completed.returncode, completed.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    )


def test_cli_recommend_writes_recommendations(tmp_path):
    from matchfair.recommend.contract import profiles_document
    from matchfair.recommend.generate import generate

    profiles = generate(40, seed=1).profiles
    source, out = tmp_path / "profiles.json", tmp_path / "out.json"
    source.write_text(json.dumps(profiles_document(profiles)))
    assert main(["recommend", str(source), "--top", "5", "-o", str(out)]) == 0
    written = json.loads(out.read_text())
    assert written["format"] == "matchfair-recommendations/1"
    assert all(len(items) <= 5 for items in written["recommendations"].values())


def test_cli_plan_visits_writes_valid_itineraries(tmp_path):
    from matchfair.routing.generate import generate

    source, out = tmp_path / "visits.json", tmp_path / "itineraries.json"
    source.write_text(json.dumps(generate(seed=2, members=2, wishes=4, days=1)))
    assert main(["plan-visits", str(source), "-o", str(out), "--time-limit", "2"]) == 0
    assert json.loads(out.read_text())["format"] == "matchfair-itineraries/1"


def test_cli_demo_with_production_settings_is_refused_before_any_write(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "matchfair.cli", "demo", "--no-serve"],
        capture_output=True,
        text=True,
        env={
            "MATCHFAIR_DATA_DIR": str(tmp_path),
            "MATCHFAIR_PRODUCTION": "1",
            "MATCHFAIR_SECRET_KEY": "x" * 60,
            "MATCHFAIR_ALLOWED_HOSTS": "example.org",
            "PATH": "/usr/bin:/bin",
        },
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert "refused with MATCHFAIR_PRODUCTION on" in completed.stderr
    assert not (tmp_path / "matchfair.sqlite3").exists()  # no migrate, no demo accounts


def test_cli_serve_answers_and_leaves_gunicorns_control_socket_alone(tmp_path):
    """`matchfair serve` migrates and serves; it opens no control socket in the user's home,
    which a second server of the same user (a demo beside a deployment) would take over."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "matchfair.cli", "serve", "--port", str(port), "--workers", "1"],
        env={"MATCHFAIR_DATA_DIR": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        status = None
        for _attempt in range(600):  # migrating a new database takes a while
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    status = answer.status
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200
        assert not (tmp_path / ".gunicorn").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)
