"""Fixtures of the API tests: a bearer token for each role, and a client that sends it."""

import pytest
from django.test import Client

from matchfair.api.domain.tokens import create_token


class ApiClient:
    """A test client that authenticates with `Authorization: Bearer <key>`, or not at all."""

    def __init__(self, user=None):
        self.client = Client()
        self.headers = {}
        if user is not None:
            _token, key = create_token(user=user, name="tests", by=user)
            self.headers = {"Authorization": f"Bearer {key}"}

    def get(self, path, **params):
        return self.client.get(f"/api{path}", params, headers=self.headers)

    def post(self, path, body=None):
        return self.client.post(
            f"/api{path}", body or {}, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def api_as():
    return ApiClient


@pytest.fixture
def released_meeting(event, ana, jonas, lead_staff):
    """Ana and Jonas meet in the event's first slot at its first table, in release 1."""
    from matchfair.events.models import Slot
    from matchfair.meetings.domain.engine_ids import MEETINGS, SLOTS, TABLES
    from matchfair.meetings.domain.plans import release_plan, write_draft
    from matchfair.meetings.domain.requests import accept_request, send_request
    from matchfair.scheduling.model import Assignment, Result

    meeting_request = send_request(sender=ana, recipient=jonas, message="Hello", by=ana.user)
    meeting = accept_request(meeting_request, by=jonas.user)
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    table = event.tables.first()
    result = Result(
        (Assignment(MEETINGS.key(meeting.pk), SLOTS.key(slot.pk), TABLES.key(table.pk)),),
        (),
        {"scheduled": 1},
    )
    write_draft(event=event, result=result, by=lead_staff)
    release_plan(event=event, by=lead_staff, notify=False)
    return meeting
