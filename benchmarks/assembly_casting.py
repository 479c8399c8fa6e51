"""Casting ranked ballots under load: gunicorn on PostgreSQL, many delegates voting at once.

    python benchmarks/assembly_casting.py                     # 2,000 members, 2 workers, 8 clients
    python benchmarks/assembly_casting.py --members 500 --clients 4 --workers 2
    python benchmarks/assembly_casting.py --database-url postgres://postgres@127.0.0.1:5432/NAME

It makes a throwaway database (`test_<name>` on the PostgreSQL server named, migrated, dropped
at the end) holding a partnership of `--members` member clusters, each with a checked-in voting
delegate signed in (a session made through Django's session engine), and a board election by
Scottish STV with `--candidates` accepted candidates, open. gunicorn serves it with `--workers`
sync worker processes on a free loopback port, as in production settings (no DEBUG, and the
shared Redis cache of `--cache`, through which sessions are read, when a server answers there).

Then a pool of `--clients` threads, each with its own connections, works in two phases over
loopback: every delegate GETs the ballot page (the baseline: the same page, session and
permission checks, without writing; it also hands the CSRF cookie and token a browser would
have), then every delegate POSTs a random ranked ballot with that token. Every answer must be
the tracker page (200, a tracker code). Afterwards the roll must hold exactly one entry per
member, the ballot box exactly one ballot per member, and the trackers shown must be the box's.
A last round posts again for 5 % of the members from the same sessions: the roll and the box
must not grow.

Target: at least 200 ballots/s and p95 under 100 ms. The script prints the figures and
whether the target is met; it exits 1 when a check fails, and 3 when only the target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CORES = len(os.sched_getaffinity(0))
WORKDIR = Path(tempfile.mkdtemp(prefix="matchfair-casting-bench-"))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/casting_bench"
TRACKER = re.compile(rb"\b[0-9a-f]{64}\b")
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--candidates", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync worker processes")
    parser.add_argument("--clients", type=int, default=8, help="client threads sending at once")
    parser.add_argument(
        "--broker",
        default="amqp://guest:guest@127.0.0.1:5672//",
        help="Celery broker for the tracker mails (a worker of its own sends them), or `eager`"
        " to send them inside the request as a development server without a broker does",
    )
    parser.add_argument(
        "--cache",
        default="redis://127.0.0.1:6379/7",
        help="the shared cache (MATCHFAIR_CACHE_URL) as in production, which also holds the"
        " sessions, or `none` for a per-process memory cache and sessions read from the database",
    )
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    if not arguments.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url must name a PostgreSQL server (postgres://…)")
    if arguments.members < 20 or arguments.candidates < 2:
        parser.error("--members must be at least 20 and --candidates at least 2")
    return arguments


ARGS = parse_arguments() if __name__ == "__main__" else None
os.environ["DJANGO_SETTINGS_MODULE"] = "matchfair.settings"
os.environ["MATCHFAIR_DATA_DIR"] = str(WORKDIR)
os.environ["MATCHFAIR_SECRET_KEY"] = "casting-bench-secret-key-" + "x" * 40
os.environ["MATCHFAIR_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
os.environ["MATCHFAIR_LOG_LEVEL"] = "WARNING"
os.environ["MATCHFAIR_EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
# Connections outlive the pauses between phases, so each backend's CPU is counted whole.
os.environ["MATCHFAIR_DB_CONN_MAX_AGE"] = "3600"
QUEUE = f"matchfair-casting-bench-{os.getpid()}"


def reachable(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 5672), 2):
            return True
    except OSError:
        return False


if ARGS is not None and ARGS.broker != "eager" and not reachable(ARGS.broker):
    print(f"No broker at {ARGS.broker}: the tracker mails are sent inside the request (eager).")
    ARGS.broker = "eager"
if ARGS is not None and ARGS.cache != "none" and not reachable(ARGS.cache):
    print(f"No cache at {ARGS.cache}: each process caches in its memory, sessions in the database.")
    ARGS.cache = "none"
if ARGS is not None:
    os.environ["DATABASE_URL"] = ARGS.database_url
    if ARGS.cache != "none":
        os.environ["MATCHFAIR_CACHE_URL"] = ARGS.cache
    if ARGS.broker != "eager":
        os.environ["MATCHFAIR_CELERY_BROKER_URL"] = ARGS.broker
        os.environ["MATCHFAIR_CELERY_QUEUE"] = QUEUE

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session as WebSession  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from matchfair.assembly.models import (  # noqa: E402
    Ballot,
    Election,
    RollEntry,
)
from assembly_setup import open_partnership_election  # noqa: E402
from matchfair.outbox.models import Message  # noqa: E402


def build(members: int, candidates: int) -> tuple[Election, list[tuple[int, str]], list[int]]:
    """The partnership, its open election, and (member cluster id, session key) per delegate."""
    election, clusters, users, standing = open_partnership_election(
        "Casting Bench Partnership", members, candidates
    )
    sessions = []
    expiry = timezone.now() + dt.timedelta(days=1)
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        key = store._get_new_session_key()
        sessions.append(
            WebSession(
                session_key=key, session_data=store.encode(store._session), expire_date=expiry
            )
        )
    WebSession.objects.bulk_create(sessions, batch_size=1000)
    voters = [(c.pk, s.session_key) for c, s in zip(clusters, sessions, strict=True)]
    with connection.cursor() as cursor:  # statistics, as autovacuum makes after a bulk load
        cursor.execute("ANALYZE")
    return election, voters, [c.pk for c in standing]


def mailed() -> int:
    """Tracker mails sent so far by the Celery worker."""
    return Message.objects.filter(kind="assembly.tracker", status=Message.Status.SENT).count()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of the test database that this process made, for gunicorn."""
    parts = urllib.parse.urlsplit(ARGS.database_url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


def cpu_seconds(pids: list[int]) -> float:
    """CPU time used so far by these processes (Linux /proc), user and system."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def server_pids(roots: list[int]) -> dict[str, list[int]]:
    """gunicorn's master and workers, the Celery worker, and the PostgreSQL backends of this
    database but this process's own, by part."""
    parts: dict[str, list[int]] = {}
    for name, root in zip(("web", "mail"), roots, strict=False):
        children = Path(f"/proc/{root}/task/{root}/children")
        parts[name] = [root, *(int(child) for child in children.read_text().split())]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        parts["db"] = [row[0] for row in cursor.fetchall()]
    return parts


def client_seconds() -> float:
    """CPU time used so far by this process: the load generator's threads (and its own
    database connection, which is not a server's)."""
    return time.process_time()


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


class Voter:
    """One delegate's browser: its session cookie, then the CSRF cookie and form token."""

    def __init__(self, cluster: int, session_key: str) -> None:
        self.cluster = cluster
        self.cookies = {settings.SESSION_COOKIE_NAME: session_key}
        self.token = ""

    def cookie_header(self) -> str:
        return "; ".join(f"{key}={value}" for key, value in self.cookies.items())

    def keep_cookies(self, response: http.client.HTTPResponse) -> None:
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]


def request(
    port: int, method: str, path: str, voter: Voter, body: str = ""
) -> tuple[int, bytes, float]:
    """One request on a new connection (gunicorn's sync workers close each one)."""
    headers = {"Cookie": voter.cookie_header(), "Host": f"127.0.0.1:{port}"}
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = f"http://127.0.0.1:{port}{path}"
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body.encode() if body else None, headers=headers)
        response = conn.getresponse()
        content = response.read()
    finally:
        conn.close()
    elapsed = (time.perf_counter() - started) * 1000
    voter.keep_cookies(response)
    return response.status, content, elapsed


class Phase:
    """One phase's latencies, wall time, server CPU and the load average before it."""

    def __init__(
        self,
        name: str,
        work: list[Voter],
        job: Callable[[Voter], float],
        roots: list[int],
        settle: Callable[[], None] | None = None,
        **how: int,
    ):
        self.name = name
        self.load = load_average()
        before = {part: cpu_seconds(pids) for part, pids in server_pids(roots).items()}
        client = client_seconds()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=how["clients"]) as pool:
            self.latencies = sorted(pool.map(job, work))
        self.wall = time.perf_counter() - started
        self.client_ms = (client_seconds() - client) * 1000 / len(work)
        if settle is not None:  # the work the requests left behind (the mails) counts too
            settle()
        # Backends that opened during the phase count from zero.
        self.parts = {
            part: (cpu_seconds(pids) - before.get(part, 0.0)) * 1000 / len(work)
            for part, pids in server_pids(roots).items()
        }
        self.cpu_ms = sum(self.parts.values())

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.wall

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p95(self) -> float:
        return self.latencies[min(len(self.latencies) - 1, round(0.95 * (len(self.latencies) - 1)))]

    def row(self) -> str:
        return (
            f"| {self.name} | {len(self.latencies)} | {self.rate:.0f} | {self.median:.1f} "
            f"| {self.p95:.1f} | {self.latencies[-1]:.1f} | {self.cpu_ms:.1f} "
            f"| {CORES * 1000 / self.cpu_ms:.0f} | {self.load} |"
        )

    def split(self) -> str:
        parts = " + ".join(f"{self.parts.get(part, 0.0):.1f}" for part in ("web", "mail", "db"))
        return f"| {self.name} | {parts} = {self.cpu_ms:.1f} | {self.client_ms:.1f} |"


def main() -> int:
    args = ARGS
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    server = worker = None
    failures: list[str] = []
    try:
        started = time.perf_counter()
        election, pairs, standing = build(args.members, args.candidates)
        print(
            f"{args.members:,} members with a signed-in delegate each, {args.candidates} "
            f"candidates (Scottish STV), built in {time.perf_counter() - started:.0f} s."
        )
        port = free_port()
        environment = {**os.environ, "DATABASE_URL": database_url()}
        gunicorn = [
            *(sys.executable, "-m", "gunicorn", "matchfair.wsgi:application"),
            *("--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)),
            *("--worker-class", "sync", "--log-level", "warning", "--no-control-socket"),
        ]
        server = subprocess.Popen(gunicorn, env=environment, start_new_session=True)
        if args.broker != "eager":
            worker = subprocess.Popen(
                [
                    *(sys.executable, "-m", "celery", "-A", "matchfair", "worker"),
                    *("--pool", "solo", "--loglevel", "WARNING", "--without-gossip"),
                    *("--without-mingle", "--without-heartbeat"),
                ],
                env=environment,
                stdout=subprocess.DEVNULL,
                start_new_session=True,
            )
        for _ in range(120):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.5)
        path = f"/assembly/elections/{election.pk}/ballot/"
        voters = [Voter(cluster, key) for cluster, key in pairs]
        rng = random.Random(args.seed)
        rankings = {v.cluster: rng.sample(standing, rng.randint(1, len(standing))) for v in voters}
        # Warm both workers (imports, templates, connections) outside the timed phases; on a
        # busy machine a worker may take more than a request's timeout to start.
        for voter in voters[: 2 * args.workers]:
            for attempt in range(5):
                try:
                    request(port, "GET", "/accounts/login/", voter)
                    break
                except TimeoutError:
                    if attempt == 4:
                        raise
        shown: dict[int, bytes] = {}
        lock = threading.Lock()

        def open_page(voter: Voter) -> float:
            status, content, elapsed = request(port, "GET", path, voter)
            found = CSRF_INPUT.search(content)
            if status != 200 or found is None:
                with lock:
                    failures.append(f"GET {path} for member {voter.cluster}: {status}")
            else:
                voter.token = found.group(1).decode()
            return elapsed

        def body(voter: Voter) -> str:
            fields = {"csrfmiddlewaretoken": voter.token, "for": str(voter.cluster)}
            for rank, candidacy in enumerate(rankings[voter.cluster], start=1):
                fields[f"rank-{candidacy}"] = str(rank)
            return urllib.parse.urlencode(fields)

        def cast(voter: Voter) -> float:
            status, content, elapsed = request(port, "POST", path, voter, body(voter))
            found = TRACKER.search(content)
            with lock:
                if status != 200 or found is None:
                    failures.append(f"POST {path} for member {voter.cluster}: {status}")
                else:
                    shown[voter.cluster] = found.group(0)
            return elapsed

        def again(voter: Voter) -> float:
            status, _content, elapsed = request(port, "POST", path, voter, body(voter))
            if status != 200:
                with lock:
                    failures.append(f"second POST for member {voter.cluster}: {status}")
            return elapsed

        how = {"clients": args.clients}
        roots = [process.pid for process in (server, worker) if process is not None]
        pages = Phase("GET the ballot page (baseline)", voters, open_page, roots, **how)
        drained: list[float] = []

        def mails_sent() -> None:
            waited = time.perf_counter()
            while worker is not None and time.perf_counter() - waited < 300:
                if mailed() >= len(shown):
                    break
                time.sleep(0.2)
            drained.append(time.perf_counter() - waited)

        casts = Phase("POST a ranked ballot (cast)", voters, cast, roots, mails_sent, **how)
        roll = RollEntry.objects.filter(election=election).count()
        box = Ballot.objects.filter(box=election.box).count()
        repeats = voters[::20]
        repeated = Phase("POST again for a member that voted", repeats, again, roots, **how)
        print(
            f"\ngunicorn {args.workers} × sync, {args.clients} client threads, PostgreSQL "
            f"{connection.pg_version // 10000}, tracker mails "
            f"{'in the request' if worker is None else 'by a Celery worker'}, "
            f"{'a per-process cache' if args.cache == 'none' else 'sessions read through Redis'};"
            " server CPU is "
            "gunicorn's, the Celery worker's and their PostgreSQL backends' per request, and "
            f"'CPU-bound rate' the requests per second that {CORES} cores of that CPU would "
            "serve; load average (1, 5, 15 min) before each phase.\n"
        )
        print(
            "| phase | requests | per second | median ms | p95 ms | max ms | server CPU ms "
            "| CPU-bound rate | load before |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        print("\n".join(phase.row() for phase in (pages, casts, repeated)))
        print(
            "\nServer CPU per request by part: gunicorn + Celery worker + PostgreSQL backends;"
            " and the CPU of this load generator (its client threads) per request.\n"
        )
        print("| phase | server CPU ms: web + mail + db | client CPU ms |")
        print("|---|---|---:|")
        print("\n".join(phase.split() for phase in (pages, casts, repeated)))

        members_on_roll = set(
            RollEntry.objects.filter(election=election).values_list("cluster", flat=True)
        )
        trackers = set(Ballot.objects.filter(box=election.box).values_list("tracker", flat=True))
        if roll != len(shown) or box != len(shown):
            failures.append(f"{len(shown)} trackers shown, {roll} roll entries, {box} ballots")
        if members_on_roll != set(shown):
            failures.append("the roll's members are not the members that were shown a tracker")
        if trackers != {tracker.decode() for tracker in shown.values()}:
            failures.append("the box's trackers are not the trackers shown")
        after = (
            RollEntry.objects.filter(election=election).count(),
            Ballot.objects.filter(box=election.box).count(),
        )
        if after != (roll, box):
            failures.append(f"posting again changed the roll and box from {(roll, box)} to {after}")
        print(
            f"\nRoll: {roll} entries for {len(members_on_roll)} members; box: {box} ballots; "
            f"trackers shown: {len(shown)}; after {len(repeats)} second posts: {after[0]} and "
            f"{after[1]}. Ratio of cast to page medians: "
            f"{casts.median / pages.median:.2f}."
        )
        if worker is not None:
            print(
                f"The Celery worker sent {mailed()} tracker mails of {len(shown)}, the last "
                f"{drained[0]:.1f} s after the last ballot (the cast phase's CPU includes them)."
            )
            if mailed() != len(shown):
                failures.append("not every voter's tracker mail was sent")
        rate, p95 = casts.rate, casts.p95
        met = rate >= 200 and p95 < 100
        print(
            f"Target (≥ 200 ballots/s, p95 < 100 ms): {'met' if met else 'missed'} "
            f"({rate:.0f} ballots/s, p95 {p95:.1f} ms)."
        )
    finally:
        for process in (server, worker):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
        if worker is not None:
            from matchfair.celery import app  # noqa: PLC0415 (only with a broker)

            with app.connection_for_write() as broker:
                broker.default_channel.queue_delete(QUEUE)
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(WORKDIR, ignore_errors=True)
    for failure in failures[:20]:
        print(f"FAILED: {failure}", file=sys.stderr)
    if failures:
        return 1
    return 0 if met else 3


if __name__ == "__main__":
    sys.exit(main())
