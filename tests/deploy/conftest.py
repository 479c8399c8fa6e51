"""Helpers for the deployment tests: reachable services, fresh PostgreSQL databases, and real
subprocesses (gunicorn, Celery) that are always torn down."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADMIN_URL = os.environ.get("MATCHFAIR_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
AMQP_URL = "amqp://guest:guest@127.0.0.1:5672//"


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "services: needs PostgreSQL, Redis and RabbitMQ on 127.0.0.1 (`make test-services`)",
    )


def services_required() -> bool:
    """CI sets this, so a missing service fails the run instead of skipping it."""
    return os.environ.get("MATCHFAIR_REQUIRE_SERVICES") == "1"


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def need(service: str, host: str, port: int) -> None:
    if reachable(host, port):
        return
    message = f"{service} is not reachable on {host}:{port}"
    if services_required():
        pytest.fail(message + " (MATCHFAIR_REQUIRE_SERVICES=1)")
    pytest.skip(message + ": start it, then run `make test-services`")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def postgres_database():
    """A database of its own on the local server, dropped afterwards; yields its URL."""
    parts = urlsplit(ADMIN_URL)
    need("PostgreSQL", parts.hostname or "127.0.0.1", parts.port or 5432)
    import psycopg

    name = f"matchfair_it_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(
            ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
        ) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Processes:
    """Starts subprocesses in their own process groups and stops every one of them at the end."""

    def __init__(self, env: dict[str, str], logs: Path):
        self.env = env
        self.logs = logs
        self.running: list[tuple[str, subprocess.Popen]] = []

    def run(self, name: str, *args: str, timeout: float = 300) -> str:
        completed = subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert completed.returncode == 0, f"{name} failed:\n{completed.stdout}\n{completed.stderr}"
        return completed.stdout

    def start(self, name: str, *args: str) -> Path:
        log = self.logs / f"{name}.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, *args],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running.append((name, process))
        return log

    def check_alive(self) -> None:
        for name, process in self.running:
            if process.poll() is not None:
                log = (self.logs / f"{name}.log").read_text()
                pytest.fail(f"{name} exited with {process.returncode}:\n{log[-4000:]}")

    def stop(self) -> None:
        for _name, process in reversed(self.running):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for _name, process in self.running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        self.running.clear()


def wait_for(condition, *, timeout: float, what: str, processes: Processes | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if processes is not None:
            processes.check_alive()
        time.sleep(0.25)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def pytest_collection_modifyitems(config, items):
    """The services tests start real servers (a minute each): they run when asked for with
    `-m services` (`make test-services`, CI's own step), not inside the whole suite."""
    if "services" in (config.option.markexpr or ""):
        return
    reason = pytest.mark.skip(reason="starts real servers: run `make test-services`")
    for item in items:
        if "services" in item.keywords:
            item.add_marker(reason)
