"""A large synthetic event written with bulk inserts, to measure the reports at the design's size.

`build_large_event(participants=25_000, meetings=150_000)` makes three days of 24 slots and
1,000 tables, three organisers, the accepted requests behind every meeting, a release that
places as many meetings as the tables hold (the rest unscheduled with engine-worded reasons)
and a sprinkling of no-shows. Deterministic: the same arguments give the same event.
"""

import datetime as dt
import random

from matchfair.community.models import Organisation, OrganisationType, User
from matchfair.events.models import Event, Registration, Session, Slot, Table
from matchfair.meetings.models import Meeting, MeetingRequest, NoShow, Placement, Plan
from tests import factories

COUNTRIES = ("BG", "ES", "FI", "FR", "DE", "PT", "IT", "PL", "NL", "SE", "RO", "GR")
REASONS = (
    "{a} and {b} share no free slot",
    "in every slot {a} and {b} can meet, one of them already has another meeting",
    "{a} has 12 requests for 8 available slots",
    "no table free in the slots {a} and {b} are free",
)
BATCH = 5000


def build_large_event(
    *,
    participants: int = 25_000,
    meetings: int = 150_000,
    tables: int = 1_000,
    days: int = 3,
    slots_per_day: int = 24,
    seed: int = 1,
) -> Event:
    rng = random.Random(seed)
    lead = factories.OrganiserFactory()
    event = lead.event
    organisers = [lead] + [
        factories.OrganiserFactory(event=event, is_lead=False) for _n in range(2)
    ]
    for day in range(days):
        session = Session.objects.create(
            event=event,
            name=f"Day {day + 1}",
            starts_at=factories.local(10 + day, 9),
            ends_at=factories.local(10 + day, 9) + dt.timedelta(minutes=30 * slots_per_day),
        )
        Slot.objects.bulk_create(
            Slot(
                session=session,
                starts_at=session.starts_at + dt.timedelta(minutes=30 * number),
                ends_at=session.starts_at + dt.timedelta(minutes=30 * (number + 1)),
            )
            for number in range(slots_per_day)
        )
    Table.objects.bulk_create(
        Table(event=event, name=f"Table {number + 1}", location=f"Hall {number % 8 + 1}")
        for number in range(tables)
    )
    kinds = [value for value, _label in OrganisationType.choices]
    first = Organisation.objects.count()
    Organisation.objects.bulk_create(
        (
            Organisation(
                name=f"Scale organisation {first + number}",
                kind=kinds[number % len(kinds)],
                country=COUNTRIES[number % len(COUNTRIES)],
            )
            for number in range(participants // 5 + 1)
        ),
        batch_size=BATCH,
    )
    organisation_ids = list(
        Organisation.objects.filter(name__startswith="Scale organisation").values_list(
            "pk", flat=True
        )
    )
    tag = f"{event.slug}-{seed}"
    User.objects.bulk_create(
        (
            User(
                email=f"scale-{tag}-{number}@example.org",
                full_name=f"Scale Person {number}",
                password=factories._PASSWORD_HASH,
                organisation_id=organisation_ids[number % len(organisation_ids)],
                email_verified=True,
            )
            for number in range(participants)
        ),
        batch_size=BATCH,
    )
    user_ids = list(
        User.objects.filter(email__startswith=f"scale-{tag}-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    Registration.objects.bulk_create(
        (
            Registration(event=event, user_id=user_id, organiser=organisers[number % 3])
            for number, user_id in enumerate(user_ids)
        ),
        batch_size=BATCH,
    )
    people = list(event.registrations.order_by("pk").values_list("pk", flat=True))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < meetings:
        low, high = sorted(rng.sample(people, 2))
        pairs.add((low, high))
    ordered = sorted(pairs)
    MeetingRequest.objects.bulk_create(
        (
            MeetingRequest(
                event=event,
                sender_id=low,
                recipient_id=high,
                pair=f"{low}:{high}",
                status=MeetingRequest.Status.ACCEPTED,
                message="Shall we meet?",
            )
            for low, high in ordered
        ),
        batch_size=BATCH,
    )
    Meeting.objects.bulk_create((Meeting(event=event) for _pair in ordered), batch_size=BATCH)
    meeting_ids = list(event.meetings.order_by("pk").values_list("pk", flat=True))
    through = Meeting.participants.through
    through.objects.bulk_create(
        (
            through(meeting_id=meeting_id, registration_id=registration_id)
            for meeting_id, pair in zip(meeting_ids, ordered, strict=True)
            for registration_id in pair
        ),
        batch_size=BATCH,
    )
    plan = Plan.objects.create(event=event, kind=Plan.Kind.RELEASE, version=1, name="Release 1")
    slot_ids = list(
        Slot.objects.filter(session__event=event).order_by("starts_at").values_list("pk", flat=True)
    )
    table_ids = list(event.tables.order_by("pk").values_list("pk", flat=True))
    busy: set[tuple[int, int]] = set()
    free_tables = {slot_id: list(table_ids) for slot_id in slot_ids}
    placements = []
    for meeting_id, (low, high) in zip(meeting_ids, ordered, strict=True):
        options = [
            slot_id
            for slot_id in rng.sample(slot_ids, 6)
            if free_tables[slot_id] and (low, slot_id) not in busy and (high, slot_id) not in busy
        ]
        if options:
            slot_id = options[0]
            busy.update({(low, slot_id), (high, slot_id)})
            placements.append(
                Placement(
                    plan=plan,
                    meeting_id=meeting_id,
                    slot_id=slot_id,
                    table_id=free_tables[slot_id].pop(),
                )
            )
        else:
            reason = rng.choice(REASONS).format(a=f"Person {low}", b=f"Person {high}")
            placements.append(Placement(plan=plan, meeting_id=meeting_id, reason=reason))
    Placement.objects.bulk_create(placements, batch_size=BATCH)
    pair_of = dict(zip(meeting_ids, ordered, strict=True))
    scheduled = [placement for placement in placements if placement.slot_id][::200]
    NoShow.objects.bulk_create(
        NoShow(meeting_id=placement.meeting_id, registration_id=pair_of[placement.meeting_id][0])
        for placement in scheduled[:50]
    )
    return event
