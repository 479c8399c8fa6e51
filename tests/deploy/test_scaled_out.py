"""The scaled-out deployment for real: two gunicorn web processes and one Celery worker on a
fresh PostgreSQL database, with Redis or RabbitMQ as the broker and Redis as the shared cache.

The organiser starts a solve on web process A, follows its progress there, and web process B
shows the same draft and release; the run is recorded, and a second delivery of its task changes
nothing. `make test-services` runs these; they skip (or fail under MATCHFAIR_REQUIRE_SERVICES=1)
when a service is down.
"""

import http.cookiejar
import json
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg
import pytest

from tests.deploy.conftest import (
    AMQP_URL,
    REDIS_HOST,
    REDIS_PORT,
    Processes,
    free_port,
    need,
    wait_for,
)

pytestmark = [pytest.mark.services, pytest.mark.slow]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """A cookie-keeping HTTP client; the same cookie jar talks to both web processes, since
    cookies belong to the host, not the port. So B must know A's session: it is in the database."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str, headers: dict[str, str] | None = None) -> str:
        request = urllib.request.Request(url, headers=headers or {})
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()

    def post_form(self, page_url: str, action_url: str, fields: dict[str, str]) -> str:
        """Read the page for its CSRF token, then post the form as a browser would."""
        token = CSRF.search(self.get(page_url))
        assert token, f"no CSRF token on {page_url}"
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), **fields}).encode()
        request = urllib.request.Request(action_url, data=body, headers={"Referer": page_url})
        with self.opener.open(request, timeout=60) as response:
            return response.read().decode()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def scheduled_count(console_html: str) -> int | None:
    found = re.search(r"<strong>(\d+)</strong>\s*scheduled", console_html)
    return int(found.group(1)) if found else None


def released_version(console_html: str) -> str | None:
    found = re.search(r"<strong>([^<]+)</strong>\s*released version", console_html)
    return found.group(1) if found else None


def table_rows(url: str, sql: str) -> list[tuple]:
    with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
        return db.execute(sql).fetchall()


def redis_database() -> int:
    # Databases 10-14 of the local Redis, by process, away from the default 0 others may use.
    return 10 + os.getpid() % 5


def flush_redis(number: int) -> None:
    import redis

    redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=number).flushdb()


@pytest.mark.parametrize("broker", ["redis", "rabbitmq"])
def test_two_web_processes_and_a_worker_share_a_solve(broker, postgres_database, tmp_path):
    need("Redis", REDIS_HOST, REDIS_PORT)
    if broker == "rabbitmq":
        need("RabbitMQ", "127.0.0.1", 5672)
    number = redis_database()
    flush_redis(number)
    broker_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{number}" if broker == "redis" else AMQP_URL
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("MATCHFAIR_")},
        "DJANGO_SETTINGS_MODULE": "matchfair.settings",
        "DATABASE_URL": postgres_database,
        "MATCHFAIR_DATA_DIR": str(tmp_path / "data"),
        "MATCHFAIR_SECRET_KEY": "integration-test-secret-key-shared-by-every-process-0123456789",
        "MATCHFAIR_CELERY_BROKER_URL": broker_url,
        "MATCHFAIR_CELERY_QUEUE": f"matchfair-it-{os.getpid()}-{broker}",
        "MATCHFAIR_CACHE_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{number}",
        "MATCHFAIR_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(Path.cwd()), os.environ.get("PYTHONPATH")])
        ),
    }
    processes = Processes(env, tmp_path)
    try:
        processes.run("migrate", "-m", "matchfair.cli", "manage", "migrate", "--no-input")
        seeded = json.loads(processes.run("seed", "-m", "tests.deploy.seed"))
        ports = [free_port(), free_port()]
        for name, port in zip("ab", ports, strict=True):
            processes.start(
                f"web-{name}",
                *("-m", "gunicorn", "matchfair.wsgi:application"),
                *("--bind", f"127.0.0.1:{port}", "--workers", "2", "--access-logfile", "-"),
                "--no-control-socket",
            )
        worker_log = processes.start(
            "worker",
            *("-m", "celery", "-A", "matchfair", "worker", "--pool", "solo", "--loglevel", "INFO"),
            *("--without-gossip", "--without-mingle", "--without-heartbeat"),
        )
        site_a, site_b = (f"http://127.0.0.1:{port}" for port in ports)
        for site in (site_a, site_b):
            wait_for(
                lambda site=site: answers(site + "/accounts/login/"),
                timeout=60,
                what=f"gunicorn at {site}",
                processes=processes,
            )
        wait_for(
            lambda: " ready." in worker_log.read_text(),
            timeout=60,
            what="the Celery worker",
            processes=processes,
        )

        browser = Browser()
        login = site_a + "/accounts/login/"
        browser.post_form(
            login, login, {"username": seeded["email"], "password": seeded["password"]}
        )
        console_path = f"/e/{seeded['slug']}/console/"
        page = browser.post_form(
            site_a + console_path,
            site_a + console_path + "schedule/",
            {"time_limit": "3", "seed": "0"},
        )
        status_url = re.search(rf"{re.escape(console_path)}runs/(\d+)/", page)
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert status_url, (
            "the console shows no progress indicator for the run; the page was "
            f"{title.group(1).strip() if title else page[:300]!r}"
        )
        run_id = int(status_url.group(1))

        def finished() -> str | None:
            partial = browser.get(site_a + status_url.group(0), headers={"HX-Request": "true"})
            return partial if "hx-get" not in partial else None

        partial = wait_for(finished, timeout=120, what="the solve to finish", processes=processes)
        assert "Done" in partial, partial

        status, plan_id, started, finished_at = table_rows(
            postgres_database,
            f"SELECT status, plan_id, started, finished FROM meetings_solverrun WHERE id = {run_id}",
        )[0]
        assert (status, plan_id is not None) == ("done", True)
        assert started is not None and finished_at >= started
        console_a = browser.get(site_a + console_path)
        console_b = browser.get(site_b + console_path)  # the same session cookie, the other process
        scheduled = scheduled_count(console_a)
        assert scheduled and scheduled_count(console_b) == scheduled

        browser.post_form(site_a + console_path, site_a + console_path + "release/", {"name": ""})
        assert released_version(browser.get(site_b + console_path)) == "1"

        # The broker delivers the same task again: the worker runs it, and nothing changes.
        processes.run(
            "send-again",
            *("-m", "celery", "-A", "matchfair", "call", "matchfair.meetings.tasks.run_solver"),
            *("--kwargs", json.dumps({"run_id": run_id}), "--queue", env["MATCHFAIR_CELERY_QUEUE"]),
        )
        wait_for(
            lambda: worker_log.read_text().count("succeeded in") >= 2,
            timeout=60,
            what="the worker to take the second delivery",
            processes=processes,
        )
        counts = table_rows(
            postgres_database,
            "SELECT (SELECT count(*) FROM meetings_solverrun),"
            " (SELECT count(*) FROM meetings_plan WHERE kind = 'draft'),"
            " (SELECT count(*) FROM audit_auditentry WHERE action = 'plan.draft_written')",
        )[0]
        assert counts == (1, 1, 1)
        assert scheduled_count(browser.get(site_b + console_path)) == scheduled
    finally:
        processes.stop()
        flush_redis(number)
