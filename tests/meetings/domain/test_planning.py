import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from matchfair.events.models import Slot
from matchfair.meetings.domain.instance import (
    build_instance,
    meeting_key,
    participant_key,
    slot_key,
    table_key,
)
from matchfair.meetings.domain.planning import (
    agenda_changes,
    execute_run,
    release_plan,
    request_solve,
    write_draft,
)
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.models import Placement, Plan, SolverRun
from matchfair.scheduling.checker import check
from matchfair.scheduling.contract import parse_instance, parse_result
from tests import factories


def meet(first, second):
    meeting_request = send_request(sender=first, recipient=second, message="Hello", by=first.user)
    return accept_request(meeting_request, by=second.user)


@pytest.fixture
def meeting(ana, jonas):
    return meet(ana, jonas)


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


def test_build_instance_lists_slots_tables_participants_and_meetings(event, ana, jonas, meeting):
    second_session = event.sessions.order_by("starts_at")[1]
    ana.unavailable_sessions.add(second_session)
    instance = build_instance(event)
    all_slots = [entry["id"] for entry in instance["slots"]]
    first_session_slots = [
        slot_key(slot.pk)
        for slot in event.sessions.order_by("starts_at")[0].slots.order_by("starts_at")
    ]
    assert len(all_slots) == 8
    assert instance["slots"][0]["start"] == "2026-11-10T09:00:00+01:00"
    assert [entry["id"] for entry in instance["tables"]] == [
        table_key(t.pk) for t in event.tables.order_by("id")
    ]
    assert instance["participants"] == [
        {"id": participant_key(ana.pk), "available": first_session_slots},
        {"id": participant_key(jonas.pk), "available": all_slots},
    ]
    assert instance["meetings"] == [
        {
            "id": meeting_key(meeting.pk),
            "participants": [participant_key(ana.pk), participant_key(jonas.pk)],
            "priority": 1,
        }
    ]
    parse_instance(instance)  # the engine accepts what the web app builds


def test_build_instance_gives_booth_owners_their_booth(event, ana, jonas, meeting):
    booth = event.tables.first()
    booth.booth_of = ana
    booth.save()
    instance = build_instance(event)
    assert instance["participants"][0]["booth"] == table_key(booth.pk)
    assert instance["tables"][0] == {
        "id": table_key(booth.pk),
        "location": "Hall 2",
        "booth_of": participant_key(ana.pk),
    }


def test_build_instance_leaves_out_cancelled_meetings(event, meeting):
    meeting.status = "cancelled"
    meeting.save()
    assert build_instance(event)["meetings"] == []


def test_write_draft_replaces_the_previous_draft(event, meeting, lead_staff):
    first_slot, second_slot = slots_of(event)[:2]
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, first_slot, table), by=lead_staff)
    draft = write_draft(event=event, result=result_for(meeting, second_slot, table), by=lead_staff)
    assert list(Placement.objects.filter(plan__kind="draft").values_list("slot_id", flat=True)) == [
        second_slot.pk
    ]
    assert Plan.objects.filter(kind="draft").count() == 1
    assert draft.stats == {"scheduled": 1}


def test_release_plan_without_a_draft_is_refused(event, lead_staff):
    with pytest.raises(ValidationError, match="no draft to release"):
        release_plan(event=event, by=lead_staff)


def test_release_plan_snapshots_the_draft_and_numbers_releases(event, meeting, lead_staff):
    first_slot, second_slot = slots_of(event)[:2]
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, first_slot, table), by=lead_staff)
    first = release_plan(event=event, by=lead_staff, notify=False)
    write_draft(event=event, result=result_for(meeting, second_slot, table), by=lead_staff)
    second = release_plan(event=event, by=lead_staff, notify=False)
    assert (first.version, second.version, first.name) == (1, 2, "Release 1")
    # The first release keeps what it was when it was released.
    assert list(first.placements.values_list("slot_id", flat=True)) == [first_slot.pk]
    assert list(second.placements.values_list("slot_id", flat=True)) == [second_slot.pk]


def test_release_plan_tells_only_people_whose_agenda_changed(
    event, ana, jonas, meeting, lead_staff, django_capture_on_commit_callbacks
):
    carla = factories.RegistrationFactory(event=event, user__full_name="Carla Duarte")
    other = meet(carla, factories.RegistrationFactory(event=event, user__full_name="Dieter Weiss"))
    first_slot, second_slot = slots_of(event)[:2]
    table, other_table = event.tables.all()[:2]
    both = result_for(meeting, first_slot, table)
    both["assignments"].append(result_for(other, first_slot, other_table)["assignments"][0])
    write_draft(event=event, result=both, by=lead_staff)
    release_plan(event=event, by=lead_staff, notify=False)
    moved = result_for(meeting, second_slot, table)
    moved["assignments"].append(both["assignments"][1])
    write_draft(event=event, result=moved, by=lead_staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release_plan(event=event, by=lead_staff, notify=True)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [ana.user.email, jonas.user.email]
    )
    assert (
        "Meeting moved: Tue 10 Nov 09:00, Table 1 → Tue 10 Nov 09:30, Table 1"
        in mail.outbox[0].body
    )


def test_agenda_changes_lists_new_and_removed_meetings(event, ana, jonas, meeting, lead_staff):
    slot = slots_of(event)[0]
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, slot, table), by=lead_staff)
    release = release_plan(event=event, by=lead_staff, notify=False)
    assert agenda_changes(None, release) == {
        ana.pk: ["New meeting: Tue 10 Nov 09:00, Table 1"],
        jonas.pk: ["New meeting: Tue 10 Nov 09:00, Table 1"],
    }
    assert agenda_changes(release, release) == {}


def test_execute_run_solves_into_a_valid_draft(event, ana, jonas, meeting, lead_staff):
    carla = factories.RegistrationFactory(event=event)
    meet(ana, carla)
    meet(jonas, carla)
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=2)
    draft = execute_run(run)
    run.refresh_from_db()
    assert (run.status, run.plan_id) == ("done", draft.pk)
    assert draft.stats["scheduled"] == 3
    instance = parse_instance(build_instance(event))
    assert check(instance, result_from_draft(draft)).violations == ()


def result_from_draft(draft):
    return parse_result(
        {
            "format": "matchfair-schedule-result/1",
            "assignments": [
                {
                    "meeting": meeting_key(p.meeting_id),
                    "slot": slot_key(p.slot_id),
                    "table": table_key(p.table_id),
                }
                for p in draft.placements.filter(slot__isnull=False)
            ],
            "unscheduled": [
                {"meeting": meeting_key(p.meeting_id), "reason": p.reason}
                for p in draft.placements.filter(slot__isnull=True)
            ],
            "stats": {},
        }
    )


def test_execute_run_runs_once_only(event, meeting, lead_staff):
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=1)
    execute_run(run)
    assert execute_run(run) is None
    assert SolverRun.objects.get().status == "done"


def test_request_solve_returns_the_run_under_way(event, lead_staff):
    running = SolverRun.objects.create(event=event, status="running")
    assert request_solve(event=event, by=lead_staff) == running


def test_execute_run_without_tables_reports_the_meeting_unscheduled(event, meeting, lead_staff):
    event.tables.update(is_active=False)
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=1)
    draft = execute_run(run)
    [placement] = draft.placements.all()
    assert (placement.slot_id, placement.reason != "") == (None, True)


def test_execute_run_after_a_release_moves_no_meeting_it_need_not(event, ana, jonas, lead_staff):
    people = [ana, jonas] + [factories.RegistrationFactory(event=event) for _ in range(6)]
    for index, first in enumerate(people):
        for second in people[index + 1 :: 2]:
            if second is not people[5] or first is not people[0]:
                meet(first, second)
    execute_run(SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=2))
    first_release = release_plan(event=event, by=lead_staff, notify=False)
    # A late request between two people who already have meetings.
    meet(people[0], people[5])
    execute_run(SolverRun.objects.create(event=event, requested_by=lead_staff, time_limit=2))
    second_release = release_plan(event=event, by=lead_staff, notify=False)
    before = {p.meeting_id: (p.slot_id, p.table_id) for p in first_release.placements.all()}
    after = {p.meeting_id: (p.slot_id, p.table_id) for p in second_release.placements.all()}
    assert {meeting: after[meeting] for meeting in before} == before
    assert len(after) == len(before) + 1
