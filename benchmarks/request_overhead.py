"""The fixed CPU cost of a signed-in request, measured in-process with Django's test client.

    python benchmarks/request_overhead.py                     # SQLite, 200 requests per page
    python benchmarks/request_overhead.py --requests 400
    python benchmarks/request_overhead.py --database-url postgres://postgres@127.0.0.1:5432/NAME
    python benchmarks/request_overhead.py --profile cast       # cProfile of one kind, top 40

It builds a throwaway test database (SQLite in a temporary directory, or `test_<name>` on the
PostgreSQL server named) holding an event with one registered participant, and a partnership of
`--requests` member clusters with a checked-in delegate each and an open board election of 10
candidates. Each delegate is signed in through a session of the session engine (as a browser
would be), and each kind of request is sent `--requests` times, one after the other:

- a near-empty page: the 404 page of an unknown address, signed in (middleware, session, user);
- the event's page (`events:detail`): the menu's permission checks and base.html;
- the ballot page of the election (GET), each delegate once;
- a cast ballot (POST), each delegate once; the tracker page answers.

It prints the median and the 90th percentile of this process's CPU time per request
(`time.process_time`: the test client runs the whole stack in this process) and the queries per
request. No target: the figures are compared with another commit's in the same way.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

WORKDIR = Path(tempfile.mkdtemp(prefix="matchfair-overhead-bench-"))
_early = argparse.ArgumentParser(add_help=False)
_early.add_argument("--database-url")
_EXISTING = _early.parse_known_args()[0].database_url
os.environ["DJANGO_SETTINGS_MODULE"] = "matchfair.settings_test"
os.environ["MATCHFAIR_DATA_DIR"] = str(WORKDIR)
os.environ["DATABASE_URL"] = _EXISTING or f"sqlite:///{WORKDIR / 'overhead.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.messages.storage.fallback import FallbackStorage  # noqa: E402
from django.contrib.sessions.backends.signed_cookies import (  # noqa: E402
    SessionStore as SignedCookieSession,
)
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from matchfair.assembly.models import Election  # noqa: E402
from matchfair.community.models import Cluster, Organisation, User  # noqa: E402
from assembly_setup import open_partnership_election  # noqa: E402
from matchfair.events.models import Event, Organiser, Registration  # noqa: E402

CANDIDATES = 10
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def session_key(user: User) -> str:
    """The key of a session of the configured engine in which `user` is signed in."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


class Browser:
    """One visitor's cookies (session, CSRF) and CSRF token, sent through the shared client:
    one handler, its middleware loaded once, as in a server's worker process."""

    def __init__(self, client: Client, user: User) -> None:
        self.client = client
        self.cookies = {settings.SESSION_COOKIE_NAME: session_key(user)}
        self.token = ""

    def send(self, method: str, path: str, data: dict[str, str] | None = None) -> HttpResponse:
        self.client.cookies.clear()
        for name, value in self.cookies.items():
            self.client.cookies[name] = value
        if method == "GET":
            response = self.client.get(path)
        else:
            response = self.client.post(path, {"csrfmiddlewaretoken": self.token, **(data or {})})
        self.cookies.update({name: morsel.value for name, morsel in response.cookies.items()})
        found = CSRF_INPUT.search(response.content)
        if found:
            self.token = found.group(1).decode()
        return response


def build(
    client: Client, members: int
) -> tuple[Event, Browser, Election, list[tuple[Browser, int]], list[int]]:
    organisation = Organisation.objects.create(name="Lyon Urban Lab", kind="cluster", country="FR")
    cluster = Cluster.objects.create(organisation=organisation)
    event = Event.objects.create(
        slug="expo",
        name="Expo",
        venue="Fira Gran Via",
        city="Barcelona",
        time_zone="Europe/Madrid",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    organiser = Organiser.objects.create(event=event, cluster=cluster, is_lead=True)
    visitor = User.objects.create(
        email="visitor@bench.example", full_name="Vera Visitor", password="!", email_verified=True
    )
    Registration.objects.create(
        event=event, user=visitor, organiser=organiser, status=Registration.Status.VALIDATED
    )
    election, clusters, users, standing = open_partnership_election(
        "Bench Partnership", members, CANDIDATES
    )
    voters = [(Browser(client, u), c.pk) for u, c in zip(users, clusters, strict=True)]
    return event, Browser(client, visitor), election, voters, [c.pk for c in standing]


def base_template_parts(visitor: Browser, count: int) -> None:
    """CPU of rendering base.html (no event, signed in) alone, and with each kind of tag taken
    out: the difference is what those tags cost."""
    source = (Path(settings.BASE_DIR) / "templates" / "base.html").read_text()
    factory = RequestFactory()
    user = User.objects.get(email="visitor@bench.example")
    variants = {
        "base.html": source,
        "without {% translate %}": re.sub(r"{% translate ([\"']).*?\1 %}", "x", source),
        "without {% url %}": re.sub(r"{% url [^%]*%}", "/u/", source),
        "without {% static %}": re.sub(r"{% static [^%]*%}", "/s/", source),
        "without the CSRF token": source.replace("{% csrf_token %}", "").replace(
            "{{ csrf_token }}", ""
        ),
        "without the language form": re.sub(
            r"{% get_available_languages.*?{% endfor %}", "", source, flags=re.S
        ),
    }
    engine = engines["django"]
    for name, text in variants.items():
        template = engine.from_string(text)
        cpu = []
        for _ in range(count):
            request = factory.get("/")
            request.user = user
            request.session = SignedCookieSession()
            request._messages = FallbackStorage(request)
            started = time.process_time()
            template.render({}, request)
            cpu.append((time.process_time() - started) * 1000)
        print(f"{name:28} CPU ms median {statistics.median(cpu):6.3f}")


def measure(call: Callable[[int], object], count: int) -> tuple[list[float], float]:
    """CPU milliseconds of each of `count` calls, and the queries per call on average."""
    cpu = []
    with CaptureQueriesContext(connection) as queries:
        for n in range(count):
            started = time.process_time()
            call(n)
            cpu.append((time.process_time() - started) * 1000)
    return cpu, len(queries) / count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database-url")
    parser.add_argument("--profile", choices=["missing", "event", "ballot", "cast"])
    parser.add_argument("--queries", action="store_true", help="print each kind's queries once")
    parser.add_argument(
        "--template", action="store_true", help="base.html alone, and without each kind of tag"
    )
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["testserver"]  # not setup_test_environment: templates as served
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404s
    logging.getLogger("celery").setLevel(logging.WARNING)  # a line per eager mail
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        client = Client(enforce_csrf_checks=True)  # CSRF checked, as in production
        event, visitor, election, voters, standing = build(client, max(args.requests, CANDIDATES + 1))
        ballot = f"/assembly/elections/{election.pk}/ballot/"

        def missing(n: int) -> None:
            assert visitor.send("GET", "/no-such-page/").status_code == 404

        def event_page(n: int) -> None:
            assert visitor.send("GET", f"/e/{event.slug}/").status_code == 200

        def ballot_page(n: int) -> None:
            assert voters[n][0].send("GET", ballot).status_code == 200

        def cast(n: int) -> None:
            browser, cluster = voters[n]
            ranks = {f"rank-{c}": str(r) for r, c in enumerate(standing[: 1 + n % 10], start=1)}
            response = browser.send("POST", ballot, {"for": str(cluster), **ranks})
            assert response.status_code == 200 and b"tracker" in response.content.lower()

        kinds = {"missing": missing, "event": event_page, "ballot": ballot_page, "cast": cast}
        for call in (missing, event_page):  # warm: imports, templates, catalogues
            for n in range(5):
                call(n)
        vendor = connection.vendor
        print(f"{vendor}, {args.requests} requests per kind, load {os.getloadavg()[0]:.2f}")
        if args.template:
            base_template_parts(visitor, args.requests)
            return 0
        if args.queries:
            for name, call in kinds.items():
                with CaptureQueriesContext(connection) as queries:
                    call(args.requests - 1)
                print(f"{name}:", *(q["sql"][:160] for q in queries.captured_queries), sep="\n  ")
            return 0
        if args.profile:
            if args.profile == "cast":  # each delegate's CSRF cookie and token, from its page
                for n in range(args.requests):
                    ballot_page(n)
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            for n in range(args.requests):
                kinds[args.profile](n)
            profiler.disable()
            stats = pstats.Stats(profiler).strip_dirs()
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(30)
            stats.sort_stats("cumulative").print_stats(
                "process_request|process_response|process_view|middleware|context_processors", 40
            )
            stats.sort_stats("tottime").print_callers("functional.py:(224|276)|local.py:141", 8)
            return 0
        for name, call in kinds.items():
            cpu, queries = measure(call, args.requests)
            cpu.sort()
            print(
                f"{name:8} CPU ms median {statistics.median(cpu):6.2f}"
                f"  p90 {cpu[int(len(cpu) * 0.9)]:6.2f}  queries {queries:4.1f}"
            )
        print(f"load after {os.getloadavg()[0]:.2f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
