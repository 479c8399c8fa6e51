"""Benchmark of the outcomes app at 25,000 participants and 150,000 meetings with outcomes.

    python benchmarks/outcomes.py                        # SQLite, 25,000 / 150,000
    python benchmarks/outcomes.py --participants 2000 --meetings 12000 --requests 3
    python benchmarks/outcomes.py --database-url postgres://postgres@127.0.0.1:5432/h_bench
    python benchmarks/outcomes.py --profile knowledge      # cProfile of one page, top 40

It builds a throwaway test database (SQLite in a temporary directory, or `test_<name>` on the
PostgreSQL server named) with `generate_load_event` (participants, accepted meetings, a
released schedule), then adds, with bulk_create: a co-organiser supporting half of the
participants, outcomes from about 40% of the sides, a follow-up ladder on about a third of the
held meetings (some agreements confirmed by both sides, some claimed), a home cluster whose
member organisations sent a delegation of `--delegation` people, and consent grants from a
third of everyone (`met` and `stage`, to the public). The meetings' summaries are then
written from those records (`summaries.rebuild`), as the data migration does.

Timed, through Django's test client with templates: the impact report (the lead's and the
co-organiser's page, its XLSX and PDF), the members' knowledge page, and a follow-up campaign
(one mail to every person with open meetings, queued in the outbox; Celery's publishing goes
to an in-memory broker, so only the queuing is timed). Each has a baseline from the same run:
the impact report against reading the counts of its three tables; the knowledge page against
the same member's list of their own meetings (`/e/<event>/outcomes/`); the campaign against
`queue_many` of as many ready-made drafts. The knowledge page is also timed with the cache
emptied before each request (the meetings' sides read afresh, as after a release, a meeting
called off or an organisation changed); the target is for the page as it is served between
such changes. Before the timings the database is vacuumed and analysed (what autovacuum does
after a bulk load), and what the process holds is frozen (`gc.freeze()`), as a web worker does
once the project is loaded.
Targets: impact report under 3 s, knowledge page p95 under 100 ms, a campaign of
25,000 mails queued in under 60 s. The script exits 1 when one is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORKDIR = Path(tempfile.mkdtemp(prefix="matchfair-outcomes-bench-"))
_early = argparse.ArgumentParser(add_help=False)
_early.add_argument("--database-url")
_EXISTING = _early.parse_known_args()[0].database_url
os.environ["DJANGO_SETTINGS_MODULE"] = "matchfair.settings_test"
os.environ["MATCHFAIR_DATA_DIR"] = str(WORKDIR)
os.environ["DATABASE_URL"] = _EXISTING or f"sqlite:///{WORKDIR / 'outcomes.sqlite3'}"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from matchfair.celery import app as celery_app  # noqa: E402
from matchfair.community.models import Cluster, Membership, Organisation, User  # noqa: E402
from matchfair.events.models import Event, Organiser, Registration  # noqa: E402
from matchfair.loadtest.generate import generate_load_event  # noqa: E402
from matchfair.meetings.models import Meeting  # noqa: E402
from matchfair.outbox.domain import Draft, queue_many  # noqa: E402
from matchfair.outcomes.domain import campaigns, summaries  # noqa: E402
from matchfair.outcomes.domain.consents import NOTICE_VERSION  # noqa: E402
from matchfair.outcomes.models import (  # noqa: E402
    AgreementType,
    Campaign,
    CampaignMail,
    Consent,
    FollowUpStep,
    Outcome,
    Stage,
)

BATCH = 5000
TYPES = [choice for choice in AgreementType.values if not AgreementType.needs_call(choice)]


def add_outcomes(event: Event, rng: random.Random) -> tuple[int, int]:
    """Outcomes from ~40% of the sides and ladders on a third of the held meetings."""
    sides: dict[int, list[int]] = {}
    for meeting_id, registration_id in (
        Meeting.participants.through.objects.filter(meeting__event=event)
        .order_by("meeting_id", "registration_id")
        .values_list("meeting_id", "registration_id")
    ):
        sides.setdefault(meeting_id, []).append(registration_id)
    outcomes, steps = [], []
    day = event.ends_on
    for meeting_id, people in sides.items():
        answered = [person for person in people if rng.random() < 0.4]
        failed = {person for person in answered if rng.random() < 0.05}
        for person in answered:
            took_place = person not in failed
            outcomes.append(
                Outcome(
                    meeting_id=meeting_id,
                    registration_id=person,
                    took_place=took_place,
                    rating=rng.randint(1, 5) if took_place else None,
                    next_steps=["call"] if took_place and rng.random() < 0.5 else [],
                )
            )
        if failed or rng.random() > 0.33:
            continue
        agreed = rng.choice(TYPES) if rng.random() < 0.15 else ""
        both = rng.random() < 0.5
        for index, person in enumerate(people):
            top = rng.randint(0, 3)
            for stage in range(top + 1):
                if rng.random() < 0.5 or stage == top:
                    steps.append(
                        FollowUpStep(
                            meeting_id=meeting_id,
                            registration_id=person,
                            stage=stage,
                            on=day + dt.timedelta(days=10 * stage + 1),
                        )
                    )
            if agreed and (both or index == 0):
                steps.append(
                    FollowUpStep(
                        meeting_id=meeting_id,
                        registration_id=person,
                        stage=Stage.AGREEMENT_REACHED,
                        on=day + dt.timedelta(days=60),
                        agreement_type=agreed,
                    )
                )
    Outcome.objects.bulk_create(outcomes, batch_size=BATCH)
    FollowUpStep.objects.bulk_create(steps, batch_size=BATCH)
    return len(outcomes), len(steps)


def add_co_organiser(event: Event) -> User:
    """A second organiser supporting every other participant; returns one of its staff."""
    cluster = Cluster.objects.create(
        organisation=Organisation.objects.create(name="Bench co-organiser", kind="cluster")
    )
    organiser = Organiser.objects.create(event=event, cluster=cluster, is_lead=False)
    staff = User.objects.create(email="co@bench.example.org", full_name="Co Organiser")
    organiser.staff.add(staff)
    ids = list(Registration.objects.filter(event=event).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 900):
        Registration.objects.filter(pk__in=ids[start : start + 900 : 2]).update(organiser=organiser)
    return staff


def add_delegation(event: Event, size: int, rng: random.Random) -> User:
    """The lead's cluster gets member organisations sending `size` people; a third of everyone
    grants `met` and `stage` to the public. Returns a member to view the knowledge page."""
    cluster = event.organisers.get(is_lead=True).cluster
    registrations = list(
        Registration.objects.filter(event=event)
        .order_by("pk")
        .values_list("user_id", "user__organisation_id")[:size]
    )
    Membership.objects.bulk_create(
        [
            Membership(cluster=cluster, organisation_id=org)
            for org in {o for _u, o in registrations}
        ],
        ignore_conflicts=True,
    )
    now = dt.datetime.now(dt.UTC)
    users = Registration.objects.filter(event=event).values_list("user_id", flat=True)
    Consent.objects.bulk_create(
        [
            Consent(
                user_id=user,
                scope=scope,
                audience="public",
                notice_version=NOTICE_VERSION,
                granted=now,
            )
            for user in users
            if rng.random() < 0.33
            for scope in ("met", "stage")
        ],
        batch_size=BATCH,
    )
    return User.objects.get(pk=registrations[0][0])


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    call()  # warm
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def queries(call: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def get(client: Client, url: str) -> Callable[[], object]:
    def call() -> object:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return b"".join(response) if response.streaming else response.content

    return call


def profile(call: Callable[[], object], repeat: int) -> None:
    call()  # warm
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(repeat):
        call()
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=25_000)
    parser.add_argument("--meetings", type=int, default=150_000)
    parser.add_argument("--delegation", type=int, default=200)
    parser.add_argument("--requests", type=int, default=5, help="timed impact reports")
    parser.add_argument("--page-requests", type=int, default=40, help="timed knowledge pages")
    parser.add_argument("--campaigns", type=int, default=3, help="timed campaigns")
    parser.add_argument("--database-url")
    parser.add_argument(
        "--profile",
        choices=["knowledge", "impact"],
        help="instead of the timings, profile this page (the member's knowledge page or the"
        " lead's impact report) over --page-requests requests",
    )
    args = parser.parse_args()
    setup_test_environment()
    celery_app.conf.task_always_eager = False  # publish to the in-memory broker: queuing only
    celery_app.conf.broker_url = "memory://"
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    missed = []
    try:
        started = time.perf_counter()
        rng = random.Random(27)
        generate_load_event(participants=args.participants, meetings=args.meetings, seed=27)
        event = Event.objects.get(slug="load-expo")
        co_staff = add_co_organiser(event)
        outcomes, steps = add_outcomes(event, rng)
        summaries.rebuild(event)  # bulk_create sends no signal: summarise as the migration does
        member = add_delegation(event, args.delegation, rng)
        with connection.cursor() as cursor:  # what autovacuum does after a bulk load
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        # As a web worker does once it has loaded the project (matchfair.wsgi): what is made
        # before the requests is kept out of the garbage collector's full collections.
        gc.collect()
        gc.freeze()
        built = time.perf_counter() - started
        lead = User.objects.get(email="organiser@load-expo.example.org")
        meetings = Meeting.objects.filter(event=event).count()
        print(
            f"{args.participants:,} participants, {meetings:,} meetings, {outcomes:,} outcomes, "
            f"{steps:,} follow-up steps, a delegation of {args.delegation} on "
            f"{connection.vendor}, built in {built:.0f} s; load average "
            f"{'/'.join(f'{n:.1f}' for n in os.getloadavg())} at the start.\n"
        )
        lead_client, co_client, member_client = Client(), Client(), Client()
        lead_client.force_login(lead)
        co_client.force_login(co_staff)
        member_client.force_login(member)
        base = f"/e/{event.slug}"
        if args.profile:
            client, url = {
                "knowledge": (member_client, f"{base}/knowledge/"),
                "impact": (lead_client, f"{base}/console/impact/"),
            }[args.profile]
            profile(get(client, url), args.page_requests)
            return 0

        def counts() -> object:
            return (
                Meeting.objects.filter(event=event).count(),
                Outcome.objects.filter(meeting__event=event).count(),
                FollowUpStep.objects.filter(meeting__event=event).count(),
            )

        # Answers to the first campaign, for its response rate in the report.
        now = dt.datetime.combine(
            event.ends_on + dt.timedelta(days=200), dt.time(12), tzinfo=dt.UTC
        )
        first = Campaign.objects.filter(event=event).order_by("days_after").first()
        assert first is not None
        queued_first = campaigns.send_campaign(first, now=now)
        mails = list(CampaignMail.objects.filter(campaign=first).values_list("pk", flat=True))
        CampaignMail.objects.filter(pk__in=rng.sample(mails, len(mails) // 3)[:900]).update(
            answered=now
        )

        print("| what is timed | median ms | p95 ms | max ms | queries | ratio to baseline |")
        print("|---|---:|---:|---:|---:|---:|")

        def line(name: str, samples: list[float], count: int, baseline: float | None) -> None:
            median = statistics.median(samples)
            ratio = f"{median / baseline:.1f}" if baseline else ""
            print(
                f"| {name} | {median:.0f} | {p95(samples):.0f} | {max(samples):.0f} | "
                f"{count} | {ratio} |",
                flush=True,
            )

        floor = timed(counts, args.requests)
        line("baseline: counting the meetings, outcomes and steps", floor, queries(counts), None)
        floor_ms = statistics.median(floor)
        for name, client, url in (
            ("impact report, the lead (page)", lead_client, f"{base}/console/impact/"),
            ("impact report, a co-organiser (page)", co_client, f"{base}/console/impact/"),
            ("impact report, the lead (XLSX)", lead_client, f"{base}/console/impact.xlsx"),
            ("impact report, the lead (PDF)", lead_client, f"{base}/console/impact.pdf"),
        ):
            call = get(client, url)
            samples = timed(call, args.requests)
            line(name, samples, queries(call), floor_ms)
            if statistics.median(samples) > 3000:
                missed.append(f"{name}: median {statistics.median(samples):.0f} ms > 3 s")

        agenda = get(member_client, f"{base}/outcomes/")
        agenda_samples = timed(agenda, args.page_requests)
        line(
            "baseline: the member's own meetings (/outcomes/)",
            agenda_samples,
            queries(agenda),
            None,
        )
        page = get(member_client, f"{base}/knowledge/")

        def page_afresh() -> object:
            cache.clear()  # the meetings' sides read afresh, as after a change
            return page()

        cold = timed(page_afresh, max(3, args.page_requests // 8))
        line("members' knowledge page, sides read afresh", cold, queries(page_afresh), None)
        samples = timed(page, args.page_requests)
        line("members' knowledge page", samples, queries(page), statistics.median(agenda_samples))
        if p95(samples) > 100:
            missed.append(f"knowledge page: p95 {p95(samples):.0f} ms > 100 ms")

        people = list(
            Registration.objects.filter(event=event).select_related("user")[:queued_first]
        )
        drafts = [
            Draft(
                key=f"bench:{r.pk}", to=r.user.email, subject="Bench", body="x" * 800, user=r.user
            )
            for r in people
        ]
        started = time.perf_counter()
        queue_many(drafts, kind="bench", event=event, batch="bench")
        plain = (time.perf_counter() - started) * 1000
        line(f"baseline: queue_many of {len(drafts):,} ready drafts", [plain], 0, None)
        runs = []
        for index in range(args.campaigns):
            campaign = Campaign.objects.create(event=event, days_after=300 + index)
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                queued = campaigns.send_campaign(campaign, now=now)
                runs.append((time.perf_counter() - started) * 1000)
            assert queued == queued_first, (queued, queued_first)
        line(f"a campaign of {queued_first:,} mails queued", runs, len(captured), plain)
        if statistics.median(runs) > 60_000:
            missed.append(f"campaign: median {statistics.median(runs) / 1000:.0f} s > 60 s")
        print(
            f"\nLoad average {'/'.join(f'{n:.1f}' for n in os.getloadavg())} at the end.",
            flush=True,
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    for miss in missed:
        print(f"MISSED {miss}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
