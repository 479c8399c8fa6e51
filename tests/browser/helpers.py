"""Steps shared by the browser tests."""

import os

import pytest
from playwright.sync_api import expect

from matchfair.meetings.domain.engine_ids import MEETINGS, SLOTS, TABLES
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.scheduling.model import Assignment, Result
from tests import factories


def missing(reason):
    """Skip for want of a tool; CI sets MATCHFAIR_REQUIRE_BROWSER, and there it is a failure."""
    if os.environ.get("MATCHFAIR_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


def log_in(page, live_server, email, *, lands="/"):
    """Log in; `lands` is where the login leads: the front page, or /home/ for a participant of a
    running or coming event."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}{lands}")


def release_meeting(event, first, second, *, slot_index=1, slot=None, notify=False):
    """An accepted meeting between two registrations, placed in a released plan (in `slot`, or
    the first session's slot number `slot_index`)."""
    if slot is None:
        slot = event.sessions.order_by("starts_at").first().slots.order_by("starts_at")[slot_index]
    return release_meetings(event, [(first, second, slot)], notify=notify)[0]


def release_meetings(event, placements, *, notify=False):
    """Accepted meetings, one per (first, second, slot), released together at the first table."""
    organiser = factories.UserFactory()
    meetings = [
        accept_request(
            send_request(sender=first, recipient=second, message="Hello", by=first.user),
            by=second.user,
        )
        for first, second, _slot in placements
    ]
    table = event.tables.first()
    write_draft(
        event=event,
        result=Result(
            tuple(
                Assignment(MEETINGS.key(meeting.pk), SLOTS.key(slot.pk), TABLES.key(table.pk))
                for meeting, (_first, _second, slot) in zip(meetings, placements, strict=True)
            ),
            (),
            {"scheduled": len(meetings)},
        ),
        by=organiser,
    )
    release_plan(event=event, by=organiser, notify=notify, confirmed=True)
    return meetings
