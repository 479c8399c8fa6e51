"""The load-test generator on a small scale: the numbers asked for, a released schedule that
books nobody and no table twice in a slot, and a replaceable event. Any database."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from matchfair.community.models import User
from matchfair.events.models import Event
from matchfair.loadtest.generate import delete_load_event, generate_load_event
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan

pytestmark = pytest.mark.django_db


def test_the_generated_event_has_its_meetings_released_without_double_booking():
    made = generate_load_event(participants=60, meetings=300, slug="small-load")
    event = Event.objects.get(slug="small-load")
    assert (made.participants, made.meetings) == (60, 300)
    assert event.registrations.filter(status="validated").count() == 60
    assert Meeting.objects.filter(event=event, status="active").count() == 300
    assert MeetingRequest.objects.filter(event=event, status="accepted").count() == 300
    release = Plan.objects.get(event=event, kind=Plan.Kind.RELEASE)
    placements = Placement.objects.filter(plan=release)
    assert placements.filter(slot__isnull=False, table__isnull=False).count() == 300
    seats = Counter(placements.values_list("slot_id", "meeting__participants").order_by())
    assert max(seats.values()) == 1
    tables = Counter(placements.values_list("slot_id", "table_id").order_by())
    assert max(tables.values()) == 1


def test_a_second_generation_needs_reset():
    generate_load_event(participants=10, meetings=20, slug="small-load")
    with pytest.raises(ValidationError):
        generate_load_event(participants=10, meetings=20, slug="small-load")
    delete_load_event("small-load")
    assert not Event.objects.filter(slug="small-load").exists()
    assert not User.objects.filter(email__endswith="@small-load.example.org").exists()
    generate_load_event(participants=10, meetings=20, slug="small-load")
    assert Meeting.objects.filter(event__slug="small-load").count() == 20


def test_the_command_reports_and_resets(capsys):
    call_command("generate_load_event", participants=12, meetings=30, slug="cmd-load")
    call_command("generate_load_event", participants=12, meetings=30, slug="cmd-load", reset=True)
    assert "12 participants, 30 meetings" in capsys.readouterr().out
    with pytest.raises(CommandError, match="exists already"):
        call_command("generate_load_event", participants=12, meetings=30, slug="cmd-load")
