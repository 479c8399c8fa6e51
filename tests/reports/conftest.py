"""A small hand-built event whose every statistic is known, shared by the reports tests.

Lead organiser's participants: Ana (BG company), Jonas (FI company), Eve (BG start-up).
Co-organiser's participants: Cleo (FR research), Dan (ES city).
Release 1 places four meetings and leaves one unscheduled; Jonas missed one meeting.
"""

from dataclasses import dataclass

import pytest

from matchfair.events.models import Organiser, Registration, Slot, Table
from matchfair.meetings.domain.engine_ids import MEETINGS, SLOTS, TABLES
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.domain.requests import accept_request, decline_request, send_request
from matchfair.meetings.models import Meeting, NoShow, Plan
from matchfair.scheduling.model import Assignment, Result, Unscheduled
from tests import factories


def meet(first, second) -> Meeting:
    meeting_request = send_request(sender=first, recipient=second, message="Hello", by=first.user)
    return accept_request(meeting_request, by=second.user)


@dataclass
class World:
    event: object
    lead: Organiser
    co: Organiser
    ana: Registration
    jonas: Registration
    eve: Registration
    cleo: Registration
    dan: Registration
    meetings: dict[str, Meeting]
    slots: list[Slot]
    tables: list[Table]
    release: Plan


def person(event, name, country, kind, organiser=None):
    extra = {"organiser": organiser} if organiser is not None else {}
    return factories.RegistrationFactory(
        event=event,
        user__full_name=name,
        user__organisation__name=f"{name} Ltd",
        user__organisation__country=country,
        user__organisation__kind=kind,
        **extra,
    )


@pytest.fixture
def world(event, lead_staff, co_staff) -> World:
    lead = event.organisers.get(is_lead=True)
    co = event.organisers.get(is_lead=False)
    ana = person(event, "Ana Petrova", "BG", "company")
    jonas = person(event, "Jonas Berg", "FI", "company")
    eve = person(event, "Eve Ivanova", "BG", "startup")
    cleo = person(event, "Cleo Martin", "FR", "research", co)
    dan = person(event, "Dan Ruiz", "ES", "city", co)
    meetings = {
        "ana-jonas": meet(ana, jonas),
        "ana-cleo": meet(ana, cleo),
        "jonas-dan": meet(jonas, dan),
        "cleo-eve": meet(cleo, eve),
        "dan-eve": meet(dan, eve),
    }
    declined = send_request(sender=ana, recipient=dan, message="Hi", by=ana.user)
    decline_request(declined, by=dan.user)
    send_request(sender=jonas, recipient=eve, message="Hi", by=jonas.user)
    slots = list(Slot.objects.filter(session__event=event).order_by("starts_at"))
    tables = list(event.tables.order_by("pk"))
    placed = {
        "ana-jonas": (0, 0),
        "ana-cleo": (2, 0),  # Ana waits one slot between her meetings: one hole
        "jonas-dan": (1, 1),
        "dan-eve": (4, 0),
    }
    write_draft(
        event=event,
        result=Result(
            tuple(
                Assignment(
                    MEETINGS.key(meetings[key].pk),
                    SLOTS.key(slots[slot].pk),
                    TABLES.key(tables[table].pk),
                )
                for key, (slot, table) in placed.items()
            ),
            (
                Unscheduled(
                    MEETINGS.key(meetings["cleo-eve"].pk),
                    "Cleo Martin and Eve Ivanova share no free slot",
                ),
            ),
            {"scheduled": 4},
        ),
        by=lead_staff,
    )
    release = release_plan(event=event, by=lead_staff, notify=False, confirmed=True)
    NoShow.objects.create(meeting=meetings["ana-jonas"], registration=jonas, recorded_by=lead_staff)
    return World(event, lead, co, ana, jonas, eve, cleo, dan, meetings, slots, tables, release)
