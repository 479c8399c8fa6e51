"""A whole event: an import of participants, requests, schedule, release, a no-show, a cancellation and a late request on
the day, a re-plan with what has started locked, and a re-release that tells only the changed."""

import datetime as dt

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from matchfair.console.domain import importing, tabular
from matchfair.events.models import Registration
from matchfair.meetings.domain.changes import (
    accept_late_request,
    cancel_meeting,
    record_no_show,
)
from matchfair.meetings.domain.instance import build_instance
from matchfair.meetings.domain.plans import agenda_changes, release_plan
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.domain.solver_runs import request_solve, started_placements
from matchfair.meetings.models import Meeting, NoShow, SolverRun
from matchfair.scheduling.checker import check
from matchfair.scheduling.validation import validate
from tests.meetings.domain.helpers import plan_result


def where(plan):
    return {
        p.meeting_id: (p.slot_id, p.table_id) for p in plan.placements.filter(slot__isnull=False)
    }


def imported_people(event, lead_staff, count):
    """The organiser imports the participants from a CSV file; each gets an invitation."""
    rows = "".join(
        f"guest{n}@imported.example,Person {n},Company {n},company,ES\n" for n in range(count)
    )
    upload = SimpleUploadedFile(
        "people.csv", ("E-mail,Name,Organisation,Type,Country\n" + rows).encode()
    )
    batch = importing.create_batch(
        event=event, organiser=event.organisers.get(is_lead=True), by=lead_staff, upload=upload
    )
    importing.set_mapping(batch=batch, by=lead_staff, mapping=tabular.guess_mapping(batch.headers))
    report = importing.import_batch(batch=batch, by=lead_staff)
    assert (report["imported"], report["invited"]) == (count, count)
    return list(
        Registration.objects.filter(
            event=event, user__email__endswith="@imported.example"
        ).order_by("user__email")
    )


def test_whole_event_with_changes_on_the_day(event, lead_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        people = imported_people(event, lead_staff, 8)
    assert len(mail.outbox) == 8  # the invitations to set a password
    mail.outbox.clear()
    pairs = [(0, 1), (2, 3), (4, 5), (6, 7), (0, 2), (1, 3), (4, 6), (5, 7), (0, 4), (1, 5)]
    with django_capture_on_commit_callbacks(execute=True):
        for first, second in pairs:
            asked = send_request(
                sender=people[first], recipient=people[second], message="Hi", by=people[first].user
            )
            accept_request(asked, by=people[second].user)
        late = send_request(
            sender=people[3], recipient=people[6], message="Late", by=people[3].user
        )
    assert SolverRun.objects.count() == 0

    # Schedule before the event and release: everybody gets an agenda.
    with django_capture_on_commit_callbacks(execute=True):
        run = request_solve(event=event, by=lead_staff, time_limit=2)
    run.refresh_from_db()
    assert (run.status, run.progress["scheduled"]) == ("done", len(pairs))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first_release = release_plan(event=event, by=lead_staff)
    assert len(mail.outbox) == len(people)

    # The day: the first slot has begun, booking is closed.
    slots = sorted(
        {p.slot for p in first_release.placements.select_related("slot") if p.slot},
        key=lambda slot: slot.starts_at,
    )
    now = slots[0].starts_at + dt.timedelta(minutes=10)
    event.booking_closes_at = now - dt.timedelta(days=1)
    event.save()
    started = started_placements(first_release, now)
    assert started  # at least one meeting is under way
    held = Meeting.objects.get(pk=next(iter(started)))
    missing = held.participants.first()
    record_no_show(meeting=held, registration=missing, by=lead_staff, now=now)
    upcoming = [
        p.meeting
        for p in first_release.placements.select_related("meeting", "slot")
        if p.slot and p.slot.starts_at > now
    ]
    dropped = upcoming[-1]
    with django_capture_on_commit_callbacks(execute=True):
        cancel_meeting(meeting=dropped, by=lead_staff)
        added = accept_late_request(late, by=lead_staff)

    # Re-plan with what has started locked.
    with django_capture_on_commit_callbacks(execute=True):
        replan = request_solve(event=event, by=lead_staff, time_limit=2, now=now)
    replan.refresh_from_db()
    stats = replan.progress
    assert (replan.status, stats["locked"]) == ("done", len(started))
    assert stats["scheduled"] == len(pairs)  # minus the cancelled one, plus the late one
    draft = replan.plan
    placed = where(draft)
    assert {meeting: placed[meeting] for meeting in started} == {
        meeting: where(first_release)[meeting] for meeting in started
    }
    late_slot = draft.placements.select_related("slot").get(meeting=added).slot
    assert late_slot.starts_at > now  # nothing new goes into a slot that has begun
    # There is room for the late meeting, so no other meeting has to move.
    assert stats["moved_count"] == 0
    kept = {
        meeting: spot for meeting, spot in where(first_release).items() if meeting != dropped.pk
    }
    assert {meeting: placed[meeting] for meeting in kept} == kept

    # Re-release: only the people whose agenda changed hear about it.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second_release = release_plan(event=event, by=lead_staff)
    changed = agenda_changes(first_release, second_release)
    expected = {registration.user.email for registration in people if registration.pk in changed}
    assert {message.to[0] for message in mail.outbox} == expected
    assert len(mail.outbox) == len(changed)
    for registration in dropped.participants.all():
        assert any(line.kind == "cancelled" for line in changed[registration.pk])
    for registration in added.participants.all():
        assert any(line.kind == "new" for line in changed[registration.pk])
    lines = changed[people[3].pk]
    body = next(m.body for m in mail.outbox if m.to == [people[3].user.email])
    assert all(str(line) in body for line in lines)
    assert NoShow.objects.get().registration == missing

    # The independent checker accepts the final plan under the day's locks.
    instance = build_instance(event, locked=started_placements(first_release, now), not_before=now)
    validate(instance)
    active = set(Meeting.objects.filter(event=event, status="active").values_list("pk", flat=True))
    result = plan_result(second_release, active)
    assert check(instance, result).violations == ()
