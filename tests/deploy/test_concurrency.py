"""Two people (or two web processes) doing the same thing at the same moment, on PostgreSQL.

Each thread has its own database connection, and a barrier lines them up so both statements
reach the server together. "Double-booking" has two meanings here: at acceptance a meeting has
no time yet, so the guard is one meeting per request and one open request per pair; at planning
the database's `placement_table_once_per_slot` keeps a table to one meeting a slot, and the
draft's row lock makes two organisers' hand moves take turns.
"""

import datetime as dt
import threading
from collections import Counter

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from matchfair.celery import app
from matchfair.events.models import Slot, Table
from matchfair.meetings.domain.changes import ensure_draft, move_meeting
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.domain.solver_runs import execute_run, request_solve
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan, SolverRun
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

BEFORE = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)  # a clock set before the event's first slot


def at_once(*jobs):
    """Run each job in its own thread and connection, released together; returns each job's
    result or the exception it raised, in order."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list = [None] * len(jobs)

    def run(index, job):
        try:
            outcomes[index] = job(barrier)
        except Exception as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def kinds(outcomes):
    return Counter(type(outcome).__name__ for outcome in outcomes)


def test_two_accepts_of_the_same_request_make_one_meeting(event, ana, jonas):
    meeting_request = send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user)

    def accept(barrier):
        barrier.wait()
        return accept_request(MeetingRequest.objects.get(pk=meeting_request.pk), by=jonas.user)

    outcomes = at_once(accept, accept)
    assert kinds(outcomes) == {"Meeting": 1, "ValidationError": 1}
    assert Meeting.objects.filter(request=meeting_request).count() == 1
    assert MeetingRequest.objects.get(pk=meeting_request.pk).status == "accepted"


def test_two_requests_between_the_same_pair_at_once_leave_one_open(event, ana, jonas):
    def ask(sender, recipient):
        def job(barrier):
            barrier.wait()
            return send_request(sender=sender, recipient=recipient, message="Hi", by=sender.user)

        return job

    outcomes = at_once(ask(ana, jonas), ask(jonas, ana))
    assert kinds(outcomes) == {"MeetingRequest": 1, "ValidationError": 1}
    refused = next(outcome for outcome in outcomes if isinstance(outcome, ValidationError))
    assert "already an open request" in refused.messages[0]
    assert MeetingRequest.objects.filter(event=event).count() == 1


def test_simultaneous_accepts_of_different_requests_never_double_book_in_the_plan(
    event, ana, jonas, lead_staff
):
    others = [factories.RegistrationFactory(event=event) for _ in range(3)]
    asked = [
        send_request(sender=other, recipient=ana, message="Hi", by=other.user) for other in others
    ] + [send_request(sender=jonas, recipient=others[0], message="Hi", by=jonas.user)]

    def accept(meeting_request, by):
        def job(barrier):
            barrier.wait()
            return accept_request(MeetingRequest.objects.get(pk=meeting_request.pk), by=by)

        return job

    outcomes = at_once(
        *(accept(request, ana.user) for request in asked[:3]), accept(asked[3], others[0].user)
    )
    assert kinds(outcomes) == {"Meeting": 4}
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=2)
    draft = execute_run(run)
    placed = list(draft.placements.filter(slot__isnull=False))
    assert len(placed) == 4
    seats = Counter(
        (placement.slot_id, person)
        for placement in placed
        for person in placement.meeting.participants.values_list("pk", flat=True)
    )
    tables = Counter((placement.slot_id, placement.table_id) for placement in placed)
    assert max(seats.values()) == 1 and max(tables.values()) == 1


def test_two_placements_into_one_table_and_slot_cannot_both_commit(event, ana, jonas):
    people = [factories.RegistrationFactory(event=event) for _ in range(2)]
    meetings = []
    for pair in ((ana, jonas), tuple(people)):
        meeting = Meeting.objects.create(event=event)
        meeting.participants.set(pair)
        meetings.append(meeting)
    draft = Plan.objects.create(event=event, kind=Plan.Kind.DRAFT)
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    table = Table.objects.filter(event=event).first()

    def place(meeting):
        def job(barrier):
            with transaction.atomic():
                barrier.wait()
                return Placement.objects.create(plan=draft, meeting=meeting, slot=slot, table=table)

        return job

    outcomes = at_once(*(place(meeting) for meeting in meetings))
    assert kinds(outcomes) == {"Placement": 1, "IntegrityError": 1}
    assert isinstance(next(o for o in outcomes if not isinstance(o, Placement)), IntegrityError)
    assert Placement.objects.filter(plan=draft, slot=slot, table=table).count() == 1


def test_two_organisers_moving_meetings_into_one_table_at_once(event, ana, jonas, lead_staff):
    second_staff = factories.UserFactory()
    event.organisers.get(is_lead=True).staff.add(second_staff)
    people = [factories.RegistrationFactory(event=event) for _ in range(2)]
    meetings = []
    for pair in ((ana, jonas), tuple(people)):
        meeting = Meeting.objects.create(event=event)
        meeting.participants.set(pair)
        meetings.append(meeting)
    with transaction.atomic():
        ensure_draft(event=event, by=lead_staff)
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").last()
    table = Table.objects.filter(event=event).last()

    def move(meeting, by):
        def job(barrier):
            barrier.wait()
            return move_meeting(meeting=meeting, slot=slot, table=table, by=by, now=BEFORE)

        return job

    outcomes = at_once(move(meetings[0], lead_staff), move(meetings[1], second_staff))
    assert kinds(outcomes) == {"Placement": 1, "ValidationError": 1}
    refused = next(outcome for outcome in outcomes if isinstance(outcome, ValidationError))
    assert "One meeting per table and slot" in str(refused)
    assert Placement.objects.filter(slot=slot, table=table).count() == 1


def test_the_first_hand_moves_of_two_organisers_share_one_new_draft(event, ana, jonas, lead_staff):
    second_staff = factories.UserFactory()
    event.organisers.get(is_lead=True).staff.add(second_staff)
    people = [factories.RegistrationFactory(event=event) for _ in range(2)]
    meetings = []
    for pair in ((ana, jonas), tuple(people)):
        meeting = Meeting.objects.create(event=event)
        meeting.participants.set(pair)
        meetings.append(meeting)
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").last()
    tables = list(Table.objects.filter(event=event)[:2])

    def move(meeting, table, by):
        def job(barrier):
            barrier.wait()
            return move_meeting(meeting=meeting, slot=slot, table=table, by=by, now=BEFORE)

        return job

    # No draft exists yet: both moves must create it, and only one may.
    outcomes = at_once(
        move(meetings[0], tables[0], lead_staff), move(meetings[1], tables[1], second_staff)
    )
    assert kinds(outcomes) == {"Placement": 2}
    assert Plan.objects.filter(event=event, kind=Plan.Kind.DRAFT).count() == 1
    assert Placement.objects.filter(plan__kind=Plan.Kind.DRAFT, slot=slot).count() == 2


@pytest.fixture
def queued_tasks():
    """Tasks go to Celery's in-memory broker and wait there, as they would for a busy worker."""
    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = True


def test_two_schedule_presses_at_once_queue_one_run(event, lead_staff, queued_tasks):
    def press(barrier):
        barrier.wait()
        return request_solve(event=event, by=lead_staff).pk

    runs = at_once(press, press)
    assert len(set(runs)) == 1, runs
    assert event.solver_runs.get().status == SolverRun.Status.QUEUED


def test_a_double_submitted_request_form_creates_one_request(event, ana, jonas):
    url = reverse("meetings:send", kwargs={"event": event.slug, "pk": jonas.pk})

    def submit(barrier):
        client = Client()
        client.force_login(ana.user)
        barrier.wait()
        response = client.post(url, {"message": "Shall we talk about sensors?"})
        return response.status_code, [str(m) for m in get_messages(response.wsgi_request)]

    outcomes = at_once(submit, submit)
    assert [status for status, _messages in outcomes] == [302, 302]
    said = sorted(message for _status, texts in outcomes for message in texts)
    assert len(said) == 2
    assert any("already an open request" in message for message in said), said
    assert any("was sent to" in message for message in said), said
    assert MeetingRequest.objects.filter(sender=ana, recipient=jonas).count() == 1


def test_accepts_around_a_triangle_at_once_all_book_and_count_right(event):
    """Ana-Jonas, Jonas-Carl and Carl-Ana accepted together: each accept locks two registrations
    (the meeting-count triggers update their rows), in id order, so no cycle of waits forms."""
    people = [factories.RegistrationFactory(event=event) for _ in range(3)]
    asked = [
        send_request(
            sender=people[i], recipient=people[(i + 1) % 3], message="Hi", by=people[i].user
        )
        for i in range(3)
    ]

    def accept(meeting_request):
        def job(barrier):
            barrier.wait()
            recipient = meeting_request.recipient.user
            return accept_request(MeetingRequest.objects.get(pk=meeting_request.pk), by=recipient)

        return job

    outcomes = at_once(*(accept(meeting_request) for meeting_request in asked))
    counts = [type(person).objects.get(pk=person.pk).booked_meetings for person in people]
    assert (kinds(outcomes), counts) == ({"Meeting": 3}, [2, 2, 2])
