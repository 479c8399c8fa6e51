"""`Registration.booked_meetings`: database triggers count active meetings, whatever writes them.

Each test compares the column with a count made from the meetings themselves, on SQLite and on
PostgreSQL (the same tests run in both suites).
"""

from django.db.models import Count, Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.events.models import Registration
from matchfair.meetings.domain.changes import cancel_meeting
from matchfair.meetings.domain.requests import accept_request, cancel_request, send_request
from matchfair.meetings.models import Meeting
from tests import factories


def drift(event) -> dict[str, tuple[int, int]]:
    """Participants whose stored count differs from their active meetings: name -> (stored, real)."""
    rows = Registration.objects.filter(event=event).annotate(
        real=Count("meetings", filter=Q(meetings__status=Meeting.Status.ACTIVE))
    )
    return {
        row.user.full_name: (row.booked_meetings, row.real)
        for row in rows.select_related("user")
        if row.booked_meetings != row.real
    }


def booked(*registrations) -> list[int]:
    return [Registration.objects.get(pk=r.pk).booked_meetings for r in registrations]


def test_accepting_and_cancelling_requests_counts_both_sides(event, ana, jonas, lead_staff):
    carl = factories.RegistrationFactory(event=event)
    first = send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user)
    second = send_request(sender=carl, recipient=ana, message="Hi", by=carl.user)
    accept_request(first, by=jonas.user)
    meeting = accept_request(second, by=ana.user)
    after_accepts = booked(ana, jonas, carl)
    cancel_request(first, by=ana.user)
    after_cancel = booked(ana, jonas, carl)
    cancel_meeting(meeting=meeting, by=lead_staff, notify=False)
    assert (after_accepts, after_cancel, booked(ana, jonas, carl)) == (
        [2, 1, 1],
        [1, 0, 1],
        [0, 0, 0],
    )


def test_bulk_writes_deletions_and_group_meetings_keep_the_count(event, ana, jonas):
    carl, dora = (factories.RegistrationFactory(event=event) for _ in range(2))
    group = Meeting.objects.create(event=event)
    group.participants.set([ana, jonas, carl])
    pair = Meeting.objects.create(event=event)
    pair.participants.set([ana, dora])
    counts = [booked(ana, jonas, carl, dora)]
    Meeting.objects.filter(pk=group.pk).update(status=Meeting.Status.CANCELLED)
    counts.append(booked(ana, jonas, carl, dora))
    Meeting.objects.filter(pk=group.pk).update(status=Meeting.Status.ACTIVE)
    group.participants.remove(carl)
    counts.append(booked(ana, jonas, carl, dora))
    pair.delete()
    jonas.delete()
    counts.append(booked(ana, carl, dora))
    assert counts == [[2, 1, 1, 1], [1, 0, 0, 1], [2, 1, 0, 1], [1, 0, 0]]
    assert drift(event) == {}


def test_a_cancelled_meeting_gains_participants_without_counting_them(event, ana, jonas):
    meeting = Meeting.objects.create(event=event, status=Meeting.Status.CANCELLED)
    meeting.participants.set([ana, jonas])
    assert booked(ana, jonas) == [0, 0]


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["create", "cancel", "reactivate", "add", "remove", "delete"]),
        st.integers(0, 5),
        st.integers(0, 5),
    ),
    max_size=25,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations=OPERATIONS)
def test_any_sequence_of_writes_keeps_the_count_true(event, operations):
    Meeting.objects.filter(event=event).delete()
    Registration.objects.filter(event=event).delete()
    people = [factories.RegistrationFactory(event=event) for _ in range(4)]
    meetings: list[Meeting] = []
    for action, a, b in operations:
        meeting = meetings[a % len(meetings)] if meetings else None
        person = people[b % len(people)]
        if action == "create" or meeting is None:
            made = Meeting.objects.create(event=event)
            made.participants.set({person.pk, people[(b + 1) % len(people)].pk})
            meetings.append(made)
        elif action == "cancel":
            Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
        elif action == "reactivate":
            Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.ACTIVE)
        elif action == "add":
            meeting.participants.add(person)
        elif action == "remove":
            meeting.participants.remove(person)
        else:
            meeting.delete()
            meetings.remove(meeting)
    assert drift(event) == {}
