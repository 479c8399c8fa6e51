"""Helpers of the meetings domain tests: a meeting between two participants, and a result for it."""

from matchfair.events.models import Slot
from matchfair.meetings.domain.engine_ids import MEETINGS, SLOTS, TABLES
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.scheduling.model import Assignment, Result, Unscheduled


def meet(first, second):
    meeting_request = send_request(sender=first, recipient=second, message="Hello", by=first.user)
    return accept_request(meeting_request, by=second.user)


def slots_of(event):
    return list(Slot.objects.filter(session__event=event).order_by("starts_at"))


def assignment(meeting, slot, table):
    return Assignment(MEETINGS.key(meeting.pk), SLOTS.key(slot.pk), TABLES.key(table.pk))


def plan_result(plan, meeting_ids=None):
    """The plan's placements in the engine's terms (only those of `meeting_ids` when given),
    for the independent checker."""
    placements = [
        p for p in plan.placements.all() if meeting_ids is None or p.meeting_id in meeting_ids
    ]
    return Result(
        tuple(
            Assignment(MEETINGS.key(p.meeting_id), SLOTS.key(p.slot_id), TABLES.key(p.table_id))
            for p in placements
            if p.slot_id is not None
        ),
        tuple(
            Unscheduled(MEETINGS.key(p.meeting_id), p.reason) for p in placements if not p.slot_id
        ),
    )


def result_for(meeting, slot, table, *more, stats=None):
    """The engine's result placing `meeting` in `slot` at `table`, and the `more` assignments."""
    placed = (assignment(meeting, slot, table), *more)
    return Result(placed, (), stats if stats is not None else {"scheduled": len(placed)})
