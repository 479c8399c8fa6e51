"""Benchmark of the directory search: median latency at 25,000 participants.

    python benchmarks/search.py                       # 25,000 participants, 20 queries
    python benchmarks/search.py --participants 5000 --queries 20
    python benchmarks/search.py --database-url postgres://postgres@127.0.0.1:5432/matchfair_load

It builds a throwaway database under the test settings (SQLite in a temporary directory, or,
with `--database-url`, a database `matchfair_search_bench` on that server), fills it with bulk_create
(the search and meeting-count triggers see every row as it goes in), and times what the
directory and opportunity pages run. The baseline, measured in the same run, is the one-step
page: the filtered rows sorted with all their joins. `--event SLUG` times an event already in
the database named instead (`make load-data` makes one on PostgreSQL), changing nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORKDIR = Path(tempfile.mkdtemp(prefix="matchfair-search-bench-"))
# Django reads the database at setup, before argparse runs: take --database-url early.
_early = argparse.ArgumentParser(add_help=False)
_early.add_argument("--database-url")
_EXISTING = _early.parse_known_args()[0].database_url
os.environ["DJANGO_SETTINGS_MODULE"] = "matchfair.settings_test"
os.environ["MATCHFAIR_DATA_DIR"] = str(WORKDIR)
os.environ["DATABASE_URL"] = _EXISTING or f"sqlite:///{WORKDIR / 'search.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402

from matchfair.community.models import Cluster, Organisation, User  # noqa: E402
from matchfair.events.domain import directory, search  # noqa: E402
from matchfair.events.models import (  # noqa: E402
    Domain,
    Event,
    Opportunity,
    Organiser,
    Registration,
    Session,
    Slot,
)
from matchfair.meetings.models import Meeting  # noqa: E402
from matchfair.recommend.generate import generate  # noqa: E402

PAGE_SIZE = 24
THROWAWAY: list[str] = []  # the test database built on --database-url, dropped at the end
MEETINGS_PER_PARTICIPANT = 6
PLATFORM_TYPES = {
    "public-body": "institution",
    "university": "research",
    "association": "institution",
}
FIRST = ["Ana", "Jonas", "Maria", "Petar", "Laura", "Mikko", "Sofia", "Joan", "Elena", "Tomas"]
LAST = ["Petrova", "Berg", "Silva", "Ivanov", "Rossi", "Virtanen", "Garcia", "Novak", "Weber"]
# Twenty searches people type: one word, a prefix, two words, a place, an organisation.
QUERIES = [
    "traffic",
    "parking",
    "energy",
    "water leak",
    "ambulances",
    "food surplus",
    "sensors",
    "heat",
    "city",
    "docks",
    "flood",
    "air quality",
    "smart lighting",
    "campus",
    "waste",
    "Velella",
    "Petrova",
    "emergency response",
    "tourists old town",
    "zeppelin",
]


def build(participants: int, seed: int) -> Event:
    rng = random.Random(seed)
    generated = generate(participants, seed=seed)
    lead_org, *co_orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Cluster {n}", kind="cluster", country="BG") for n in range(5)
    )
    clusters = Cluster.objects.bulk_create(
        Cluster(organisation=org) for org in [lead_org, *co_orgs]
    )
    event = Event.objects.create(
        slug="bench",
        name="Benchmark Expo",
        venue="Fira",
        city="Barcelona",
        starts_on=dt.date(2026, 11, 10),
        ends_on=dt.date(2026, 11, 12),
    )
    organisers = Organiser.objects.bulk_create(
        Organiser(event=event, cluster=cluster, is_lead=n == 0)
        for n, cluster in enumerate(clusters)
    )
    start = dt.datetime(2026, 11, 10, 9, tzinfo=dt.UTC)
    sessions = Session.objects.bulk_create(
        Session(
            event=event,
            name=f"Morning {day + 1}",
            starts_at=start + dt.timedelta(days=day),
            ends_at=start + dt.timedelta(days=day, hours=3),
        )
        for day in range(3)
    )
    Slot.objects.bulk_create(
        Slot(
            session=session,
            starts_at=session.starts_at + dt.timedelta(minutes=30 * n),
            ends_at=session.starts_at + dt.timedelta(minutes=30 * (n + 1)),
        )
        for session in sessions
        for n in range(6)
    )
    keys = sorted({(p.organisation, p.country) for p in generated.profiles})
    organisations = Organisation.objects.bulk_create(
        Organisation(name=name, country=country, kind="company") for name, country in keys
    )
    by_key = dict(zip(keys, organisations, strict=True))
    for profile in generated.profiles:
        org = by_key[(profile.organisation, profile.country)]
        org.kind = PLATFORM_TYPES.get(profile.organisation_type, profile.organisation_type)
    Organisation.objects.bulk_update(organisations, ["kind"], batch_size=2000)
    users = User.objects.bulk_create(
        (
            User(
                email=f"p{n}@bench.invalid",
                full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                organisation=by_key[(p.organisation, p.country)],
                password="!",
            )
            for n, p in enumerate(generated.profiles)
        ),
        batch_size=2000,
    )
    registrations = Registration.objects.bulk_create(
        (
            Registration(
                event=event,
                user=user,
                organiser=rng.choice(organisers),
                headline=p.description[:200],
                description=p.description,
            )
            for user, p in zip(users, generated.profiles, strict=True)
        ),
        batch_size=2000,
    )
    Opportunity.objects.bulk_create(
        (
            Opportunity(
                registration=registration,
                kind=o.kind,
                title=o.title[:200],
                description=o.description,
            )
            for registration, p in zip(registrations, generated.profiles, strict=True)
            for o in p.opportunities
        ),
        batch_size=2000,
    )
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    Registration.domains.through.objects.bulk_create(
        (
            Registration.domains.through(registration=registration, domain=domains[slug])
            for registration, p in zip(registrations, generated.profiles, strict=True)
            for slug in p.domains
        ),
        batch_size=5000,
    )
    # As many meetings as at the expo (150,000 for 25,000 people), so "has free slots" counts.
    meetings = Meeting.objects.bulk_create(
        (Meeting(event=event) for _ in range(participants * MEETINGS_PER_PARTICIPANT)),
        batch_size=5000,
    )
    Meeting.participants.through.objects.bulk_create(
        (
            Meeting.participants.through(meeting=meeting, registration=registration)
            for meeting in meetings
            for registration in rng.sample(registrations, 2)
        ),
        batch_size=5000,
    )
    return event


def timed(function: Callable[[], object], runs: list[float]) -> None:
    started = time.perf_counter()
    function()
    runs.append((time.perf_counter() - started) * 1000)


def page_of(listing: object) -> tuple[int, int]:
    """What a directory page runs: the count, then one page with its related rows."""
    page = Paginator(listing, PAGE_SIZE).get_page(1)  # type: ignore[arg-type]
    rows = list(page.object_list)
    return page.paginator.count, len(rows)


def participants_page(event: Event, filters: dict[str, object]) -> tuple[int, int]:
    return page_of(directory.participants(event, filters=filters))


def one_step_participants_page(event: Event, filters: dict[str, object]) -> tuple[int, int]:
    """The baseline: the same filter, with the page's rows sorted whole, joins and all."""
    ids = directory.participants(event, filters=filters).ids.order_by()
    return page_of(
        Registration.objects.filter(pk__in=ids)
        .select_related("user__organisation", "event")
        .prefetch_related("domains", "opportunities")
        .order_by("user__organisation__name", "user__full_name", "pk")
    )


def opportunities_page(event: Event, filters: dict[str, object]) -> tuple[int, int]:
    return page_of(directory.opportunities(event, filters=filters))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=25_000)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="build on this server, e.g. PostgreSQL")
    parser.add_argument("--event", help="time this event of --database-url; build nothing")
    args = parser.parse_args(argv)
    queries = (QUERIES * (args.queries // len(QUERIES) + 1))[: args.queries]

    if args.event:
        event = Event.objects.get(slug=args.event)
        described = (
            f"event {event.slug!r} as it is in the database "
            f"({event.registrations.count():,} registrations, "
            f"{Opportunity.objects.filter(registration__event=event).count():,} opportunities); "
            f"{connection.vendor} {connection.Database.__name__}"
        )
    else:
        if args.database_url:
            # A name of its own, so the PostgreSQL test suite's test database is left alone.
            connection.settings_dict["TEST"]["NAME"] = "matchfair_search_bench"
            THROWAWAY.append(
                connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            )
        else:
            call_command("migrate", verbosity=0)
        started = time.perf_counter()
        event = build(args.participants, args.seed)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        server = (
            f"SQLite {connection.Database.sqlite_version}"
            if connection.vendor == "sqlite"
            else f"PostgreSQL {connection.pg_version // 10000}"
        )
        described = (
            f"{args.participants:,} participants, "
            f"{args.participants * MEETINGS_PER_PARTICIPANT:,} meetings, "
            f"loaded with bulk_create in {time.perf_counter() - started:.1f} s; {server}"
        )
    country = event.registrations.values_list("user__organisation__country", flat=True).first()

    def found(text: str) -> int:
        return event.registrations.filter(search.participants_matching(text)).count()

    cases: list[tuple[str, Callable[[str], object]]] = [
        ("full-text match, count only", found),
        (
            "directory page, no text (baseline: one-step page)",
            lambda q: one_step_participants_page(event, {}),
        ),
        (
            "directory page, no text (every participant, sorted)",
            lambda q: participants_page(event, {}),
        ),
        (
            "directory page: text (baseline: one-step page)",
            lambda q: one_step_participants_page(event, {"q": q}),
        ),
        ("directory page: text", lambda q: participants_page(event, {"q": q})),
        (
            "directory page: text + country + has free slots",
            lambda q: participants_page(event, {"q": q, "country": country, "free": True}),
        ),
        ("opportunity page: text", lambda q: opportunities_page(event, {"q": q})),
        (
            "opportunity page: text + country + has free slots",
            lambda q: opportunities_page(event, {"q": q, "country": country, "free": True}),
        ),
    ]
    for _label, run in cases:  # warm the page cache once, as a running server would have it
        run(queries[0])
    print(f"{described}; {len(queries)} queries each\n")
    print("| what is timed | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|")
    for label, run in cases:
        runs: list[float] = []
        for query in queries:
            timed(lambda q=query, r=run: r(q), runs)
        runs.sort()
        p95 = runs[min(len(runs) - 1, round(0.95 * (len(runs) - 1)))]
        print(f"| {label} | {statistics.median(runs):.1f} | {p95:.1f} | {runs[-1]:.1f} |")
    hits = {query: found(query) for query in queries}
    print("\nMatches per query: " + ", ".join(f"{q!r} {n:,}" for q, n in hits.items()))
    return 0


if __name__ == "__main__":
    try:
        status = main(sys.argv[1:])
    finally:
        for name in THROWAWAY:
            connection.creation.destroy_test_db(name, verbosity=0, keepdb=False)
        connection.close()
        shutil.rmtree(WORKDIR, ignore_errors=True)
    sys.exit(status)
