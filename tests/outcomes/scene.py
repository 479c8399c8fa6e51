"""Meetings of an event placed in one released schedule, written in bulk for the tests."""

import itertools

from matchfair.meetings.models import Meeting, Placement, Plan


def release_meetings(event, pairs):
    """One active meeting per pair of registrations, all in release 1, each in its own slot
    and table cell; returns the meetings in the order of `pairs`."""
    plan = Plan.objects.create(event=event, kind=Plan.Kind.RELEASE, version=1)
    cells = itertools.product(
        event.sessions.first().slots.order_by("starts_at")
        if event.sessions.count() == 1
        else [slot for session in event.sessions.all() for slot in session.slots.all()],
        event.tables.all(),
    )
    meetings = []
    for (first, second), (slot, table) in zip(pairs, cells, strict=False):
        meeting = Meeting.objects.create(event=event)
        meeting.participants.set([first, second])
        Placement.objects.create(plan=plan, meeting=meeting, slot=slot, table=table)
        meetings.append(meeting)
    return meetings
