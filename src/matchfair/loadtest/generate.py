"""Generates a large event with a released schedule, fast: rows go in with bulk_create in batches.

The schedule is built while the meetings are made, slot by slot: each slot draws distinct
participants and pairs them, one pair a table, so no person and no table is booked twice in a
slot by construction. Every meeting comes from an accepted request, as in a real event.
Works on PostgreSQL and SQLite.
"""

import datetime as dt
import math
import random
import time
import zoneinfo
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.community.models import Cluster, Organisation, User
from matchfair.events.domain.venue import MAX_TABLES_AT_ONCE, add_session, add_tables
from matchfair.events.models import Event, Organiser, Registration, Slot, Table
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan

PASSWORD = "load-test-password"
BATCH = 5000
DAYS = 3
DAY_START, DAY_END = dt.time(9, 0), dt.time(17, 0)
SLOT_MINUTES = 20
FIRST_DAY = dt.date(2027, 3, 9)
COUNTRIES = ["ES", "BG", "FI", "DE", "FR", "IT", "PT", "PL", "NL", "SE", "RO", "GR"]


@dataclass(frozen=True)
class LoadEvent:
    slug: str
    participants: int
    meetings: int
    slots: int
    tables: int
    seconds: float

    def describe(self) -> str:
        return (
            f"Event {self.slug}: {self.participants} participants, {self.meetings} meetings "
            f"released into {self.slots} slots x {self.tables} tables, in {self.seconds:.0f} s.\n"
            f"Participants sign in as load<N>@{self.slug}.example.org (N from 1), "
            f"the organiser as organiser@{self.slug}.example.org; password {PASSWORD!r}."
        )


def email_domain(slug: str) -> str:
    return f"@{slug}.example.org"


def participant_email(slug: str, number: int) -> str:
    return f"load{number}{email_domain(slug)}"


def delete_load_event(slug: str) -> None:
    """Remove a generated event with its people, so it can be generated anew."""
    with transaction.atomic():
        # Placements protect slots and tables, registrations their organiser: those go first.
        Plan.objects.filter(event__slug=slug).delete()
        Registration.objects.filter(event__slug=slug).delete()
        Event.objects.filter(slug=slug).delete()
        people = User.objects.filter(email__endswith=email_domain(slug))
        Organisation.objects.filter(people__in=people).delete()
        Organisation.objects.filter(name=f"{slug} cluster").delete()
        people.delete()


def _slots_and_tables(event: Event, meetings: int) -> tuple[list[Slot], list[Table]]:
    zone = zoneinfo.ZoneInfo(event.time_zone)
    for day in range(DAYS):
        date = FIRST_DAY + dt.timedelta(days=day)
        add_session(
            event=event,
            name=_("B2B meetings, day %(day)s") % {"day": day + 1},
            starts_at=dt.datetime.combine(date, DAY_START, tzinfo=zone),
            ends_at=dt.datetime.combine(date, DAY_END, tzinfo=zone),
            slot_minutes=SLOT_MINUTES,
        )
    slots = list(Slot.objects.filter(session__event=event).order_by("starts_at"))
    # A little room above the average, for the slots that take what others could not place.
    needed = math.ceil(meetings / len(slots) * 1.02) + 2
    while needed > 0:
        add_tables(event=event, count=min(needed, MAX_TABLES_AT_ONCE), location="Hall 1")
        needed -= MAX_TABLES_AT_ONCE
    return slots, list(Table.objects.filter(event=event).order_by("pk"))


def _people(slug: str, participants: int, event: Event, organiser: Organiser) -> list[int]:
    password = make_password(PASSWORD)
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{slug} company {number}",
                kind="company",
                country=COUNTRIES[number % len(COUNTRIES)],
                city="Barcelona",
            )
            for number in range(1, participants // 2 + 2)
        ],
        batch_size=BATCH,
    )
    users = User.objects.bulk_create(
        [
            User(
                email=participant_email(slug, number),
                full_name=f"Load Person {number}",
                password=password,
                organisation=organisations[number // 2],
                job_title="Business developer",
                email_verified=True,
            )
            for number in range(1, participants + 1)
        ],
        batch_size=BATCH,
    )
    registrations = Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=user,
                organiser=organiser,
                status=Registration.Status.VALIDATED,
                headline=f"Looking for partners in smart mobility ({number})",
            )
            for number, user in enumerate(users, start=1)
        ],
        batch_size=BATCH,
    )
    return [registration.pk for registration in registrations]


def _pairs(
    people: list[int], meetings: int, slots: int, tables: int, rng: random.Random
) -> list[list[tuple[int, int]]]:
    """For each slot, the pairs meeting in it; no person twice in a slot, no pair twice at all."""
    seen: set[tuple[int, int]] = set()
    schedule: list[list[tuple[int, int]]] = []
    remaining = meetings
    for index in range(slots):
        wanted = min(tables, math.ceil(remaining / (slots - index)), len(people) // 2)
        # A few spare people replace the pairs that met already.
        drawn = rng.sample(people, min(len(people) // 2, wanted + 8) * 2)
        chosen: list[tuple[int, int]] = []
        for first, second in zip(drawn[::2], drawn[1::2], strict=True):
            pair = (min(first, second), max(first, second))
            if pair not in seen and len(chosen) < wanted:
                seen.add(pair)
                chosen.append(pair)
        schedule.append(chosen)
        remaining -= len(chosen)
    return schedule


def generate_load_event(
    *, participants: int, meetings: int, slug: str = "load-expo", seed: int = 0
) -> LoadEvent:
    """Create the event, its participants, accepted meetings and a released schedule."""
    started = time.perf_counter()
    if participants < 4 or meetings < 1:
        raise ValidationError(_("Generate at least 4 participants and 1 meeting."))
    if Event.objects.filter(slug=slug).exists():
        raise ValidationError(
            _("An event “%(slug)s” exists already; pass --reset to replace it.") % {"slug": slug}
        )
    rng = random.Random(seed)
    with transaction.atomic():
        cluster = Cluster.objects.create(
            organisation=Organisation.objects.create(
                name=f"{slug} cluster", kind="cluster", country="ES"
            )
        )
        event = Event.objects.create(
            slug=slug,
            name=f"Load test expo ({participants} participants)",
            venue="Fira Gran Via",
            city="Barcelona",
            time_zone="Europe/Madrid",
            starts_on=FIRST_DAY,
            ends_on=FIRST_DAY + dt.timedelta(days=DAYS - 1),
            requires_validation=False,
        )
        organiser = Organiser.objects.create(event=event, cluster=cluster, is_lead=True)
        staff = User.objects.create(
            email=f"organiser{email_domain(slug)}",
            full_name="Load Organiser",
            password=make_password(PASSWORD),
            organisation=cluster.organisation,
            email_verified=True,
        )
        organiser.staff.add(staff)
        slots, tables = _slots_and_tables(event, meetings)
        people = _people(slug, participants, event, organiser)
        schedule = _pairs(people, meetings, len(slots), len(tables), rng)

        pairs = [pair for in_slot in schedule for pair in in_slot]
        now = timezone.now()
        requests = MeetingRequest.objects.bulk_create(
            [
                MeetingRequest(
                    event=event,
                    sender_id=first,
                    recipient_id=second,
                    pair=MeetingRequest.pair_of(first, second),
                    status=MeetingRequest.Status.ACCEPTED,
                    message="Shall we meet to talk about a joint project?",
                    answered=now,
                )
                for first, second in pairs
            ],
            batch_size=BATCH,
        )
        made = Meeting.objects.bulk_create(
            [Meeting(event=event, request=request) for request in requests], batch_size=BATCH
        )
        through = Meeting.participants.through
        through.objects.bulk_create(
            [
                through(meeting_id=meeting.pk, registration_id=person)
                for meeting, pair in zip(made, pairs, strict=True)
                for person in pair
            ],
            batch_size=BATCH,
        )
        stats = {"scheduled": len(made), "unscheduled": 0, "generated": True}
        release = Plan.objects.create(
            event=event, kind=Plan.Kind.RELEASE, version=1, name="Release 1", stats=stats
        )
        placements = []
        made_iter = iter(made)
        for slot, in_slot in zip(slots, schedule, strict=True):
            for table, _pair in zip(tables, in_slot, strict=False):
                placements.append(
                    Placement(plan=release, meeting=next(made_iter), slot=slot, table=table)
                )
        Placement.objects.bulk_create(placements, batch_size=BATCH)
        record(
            action="loadtest.generated",
            subject=event,
            event=event,
            participants=participants,
            meetings=len(made),
        )
    # Fresh planner statistics: without them PostgreSQL plans the agenda query for an empty table.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return LoadEvent(
        slug=slug,
        participants=participants,
        meetings=len(made),
        slots=len(slots),
        tables=len(tables),
        seconds=time.perf_counter() - started,
    )
