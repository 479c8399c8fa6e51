"""Helpers of the meetings domain tests: a meeting between two participants, and a result for it."""

from matchfair.events.models import Slot
from matchfair.meetings.domain.instance import meeting_key, slot_key, table_key
from matchfair.meetings.domain.requests import accept_request, send_request


def meet(first, second):
    meeting_request = send_request(sender=first, recipient=second, message="Hello", by=first.user)
    return accept_request(meeting_request, by=second.user)


def slots_of(event):
    return list(Slot.objects.filter(session__event=event).order_by("starts_at"))


def result_for(meeting, slot, table):
    return {
        "format": "matchfair-schedule-result/1",
        "assignments": [
            {
                "meeting": meeting_key(meeting.pk),
                "slot": slot_key(slot.pk),
                "table": table_key(table.pk),
            }
        ],
        "unscheduled": [],
        "stats": {"scheduled": 1},
    }
