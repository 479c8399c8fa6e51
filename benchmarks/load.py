"""`make load`: drives a generated event through gunicorn with wrk and reports throughput and
latency (p50/p95/p99) for the participant directory, the personal agenda, the iCal feed and the
request endpoint.

It needs a database already holding the event (`matchfair manage generate_load_event`) and
Debian's `wrk` (`apt-get install wrk`); it installs nothing itself. gunicorn runs in a process of
its own; wrk drives it from another, over loopback.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/matchfair_load \\
        python benchmarks/load.py --workers 2 --duration 20

Sessions, API tokens and feed URLs for `--users` participants are made up front, in the database,
so every request is a signed-in request of a different person in turn.
"""

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ENDPOINTS = ["directory", "agenda", "ical", "request"]
WRK_OPTIONS = ["--timeout", "10s"]  # a slow answer counts in the latency, not as an error
DONE_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nRESULT {"requests": %d, "duration_us": %d, "status_errors": %d, "socket_errors": %d, '
    .. '"p50": %d, "p95": %d, "p99": %d, "max": %d}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal here


def wrk_script(requests: list[tuple[str, str, dict[str, str], str]]) -> str:
    """A wrk script that sends the prepared requests in turn, each thread from its own offset."""
    lines = ["local prepared = {}", "init = function(args)"]
    for method, path, headers, body in requests:
        header_table = ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items())
        lines.append(
            f"  prepared[#prepared + 1] = wrk.format({lua_string(method)}, {lua_string(path)}, "
            f"{{{header_table}}}, {lua_string(body) if body else 'nil'})"
        )
    lines += [
        "  counter = math.random(#prepared)",
        "end",
        "request = function()",
        "  counter = counter % #prepared + 1",
        "  return prepared[counter]",
        "end",
        DONE_LUA,
    ]
    return "\n".join(lines)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(slug: str, users: int, seed: int) -> dict[str, list[tuple[str, str, dict, str]]]:
    """Sign in `users` participants (sessions in the database) and give each a feed and a token."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Q
    from django.urls import reverse
    from django.utils.crypto import get_random_string

    from matchfair.api.domain.tokens import create_feed, create_token
    from matchfair.events.models import Event, Registration
    from matchfair.meetings.models import MeetingRequest

    event = Event.objects.get(slug=slug)
    people = list(
        Registration.objects.filter(event=event).select_related("user").order_by("pk")[:users]
    )
    everyone = list(Registration.objects.filter(event=event).values_list("pk", flat=True))
    rng = random.Random(seed)
    cookie_name = settings.SESSION_COOKIE_NAME
    directory = reverse("events:directory", kwargs={"event": slug})
    agenda = reverse("meetings:agenda", kwargs={"event": slug})
    send = f"/api/events/{slug}/requests"
    prepared: dict[str, list[tuple[str, str, dict, str]]] = {name: [] for name in ENDPOINTS}
    for person in people:
        session = SessionStore()
        session[SESSION_KEY] = str(person.user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = person.user.get_session_auth_hash()
        session.create()
        # A browser also holds the CSRF cookie that the first page it saw set.
        csrf = get_random_string(32)
        cookie = {
            "Cookie": f"{cookie_name}={session.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
        }
        page = rng.randint(1, 40)
        prepared["directory"].append(("GET", f"{directory}?page={page}", cookie, ""))
        prepared["agenda"].append(("GET", agenda, cookie, ""))
        feed = create_feed(registration=person, by=person.user)
        prepared["ical"].append(("GET", reverse("api_pages:feed", args=[feed.token]), {}, ""))
        _token, key = create_token(user=person.user, name="load test", by=person.user)
        bearer = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        # Fresh recipients each time: every request creates a request (no "already open" refusal).
        asked = set(
            MeetingRequest.objects.filter(Q(sender=person) | Q(recipient=person)).values_list(
                "pair", flat=True
            )
        )
        for recipient in rng.sample(everyone, 200):
            if recipient == person.pk or MeetingRequest.pair_of(person.pk, recipient) in asked:
                continue
            body = json.dumps({"recipient": recipient, "message": "Load test: shall we meet?"})
            prepared["request"].append(("POST", send, bearer, body))
    rng.shuffle(prepared["request"])
    return prepared


def check(base: str, requests: list[tuple[str, str, dict, str]]) -> str:
    """One request of the kind through the running server: it must succeed, not redirect."""
    method, path, headers, body = requests[0]
    request = urllib.request.Request(
        base + path, data=body.encode() if body else None, headers=headers, method=method
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return f"{response.status} {len(response.read())} bytes"
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{method} {path} answered {error.code}: {error.read()[:300]!r}") from None


def query_counts(prepared: dict[str, list[tuple[str, str, dict, str]]]) -> dict[str, int]:
    """SQL queries one request of each kind makes, through Django's test client in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, requests in prepared.items():
        # A request of its own: wrk must not repeat it (a repeated request is refused).
        method, path, headers, body = requests.pop() if requests[-1][0] == "POST" else requests[-1]
        client = Client(headers=headers)
        for pair in headers.get("Cookie", "").split("; "):
            if pair:
                key, value = pair.split("=", 1)
                client.cookies[key] = value
        with CaptureQueriesContext(connection) as queries:
            if method == "GET":
                client.get(path)
            else:
                client.post(path, data=body, content_type="application/json")
        counts[name] = len(queries)
    return counts


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by gunicorn's master and its workers (Linux /proc)."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    ticks = 0
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slug", default="load-expo")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=1, help="threads per gthread worker")
    parser.add_argument("--duration", type=int, default=20, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=8, help="open connections of wrk")
    parser.add_argument("--users", type=int, default=200, help="signed-in participants used")
    parser.add_argument("--endpoints", default=",".join(ENDPOINTS))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    wrk = shutil.which("wrk")
    if wrk is None:
        print("wrk is missing: install it with `apt-get install wrk`", file=sys.stderr)
        return 2
    if "DATABASE_URL" not in os.environ:
        print("set DATABASE_URL to the database holding the generated event", file=sys.stderr)
        return 2
    chosen = [name.strip() for name in args.endpoints.split(",") if name.strip()]
    unknown = set(chosen) - set(ENDPOINTS)
    if unknown:
        print(f"unknown endpoint {sorted(unknown)}; choose from {ENDPOINTS}", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="matchfair-load-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matchfair.settings")
    os.environ.setdefault("MATCHFAIR_DATA_DIR", str(work / "data"))
    os.environ.setdefault("MATCHFAIR_SECRET_KEY", "load-test-secret-key-" + "x" * 40)
    os.environ["MATCHFAIR_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    os.environ.setdefault("MATCHFAIR_LOG_LEVEL", "WARNING")
    os.environ.setdefault("MATCHFAIR_EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
    started = time.perf_counter()
    prepared = prepare(args.slug, args.users, args.seed)
    print(f"prepared {args.users} signed-in participants in {time.perf_counter() - started:.0f} s")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = [
        sys.executable,
        *("-m", "gunicorn", "matchfair.wsgi:application", "--bind", f"127.0.0.1:{port}"),
        *("--workers", str(args.workers), "--worker-class", args.worker_class),
        *("--threads", str(args.threads), "--log-level", "warning", "--no-control-socket"),
    ]
    server = subprocess.Popen(gunicorn, env=os.environ.copy(), start_new_session=True)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/accounts/login/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        for name in chosen:
            print(f"check {name}: {check(base, prepared[name])}")
        queries = query_counts({name: prepared[name] for name in chosen})
        database = os.environ["DATABASE_URL"].split(":", 1)[0]
        print(
            f"\n{platform.machine()}, {len(os.sched_getaffinity(0))} cores, {database}, gunicorn "
            f"{args.workers} x {args.worker_class}"
            + (f" ({args.threads} threads)" if args.worker_class == "gthread" else "")
            + f", wrk 1 thread {args.connections} connections {args.duration} s each\n"
        )
        print(
            "| endpoint | requests/s | p50 ms | p95 ms | p99 ms | errors | SQL queries "
            "| gunicorn CPU ms/request | load before |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for name in chosen:
            script = work / f"{name}.lua"
            script.write_text(wrk_script(prepared[name]))
            before = load_average()
            cpu_before = cpu_seconds(server.pid)
            command = [wrk, "-t1", f"-c{args.connections}", f"-d{args.duration}s", *WRK_OPTIONS]
            completed = subprocess.run(
                [*command, "-s", str(script), base],
                capture_output=True,
                text=True,
                check=True,
            )
            line = next(row for row in completed.stdout.splitlines() if row.startswith("RESULT "))
            result = json.loads(line.removeprefix("RESULT "))
            rate = result["requests"] / (result["duration_us"] / 1e6)
            errors = result["status_errors"] + result["socket_errors"]
            cpu = (cpu_seconds(server.pid) - cpu_before) / max(result["requests"], 1) * 1000
            print(
                f"| {name} | {rate:.0f} | {result['p50'] / 1000:.1f} | {result['p95'] / 1000:.1f} "
                f"| {result['p99'] / 1000:.1f} | {errors} | {queries[name]} | {cpu:.1f} | {before} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
