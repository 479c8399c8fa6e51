import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.meetings.models import Meeting, Placement, Plan
from matchfair.reports.domain.statistics import (
    event_statistics,
    holes_distribution,
    meetings_in_plan,
    plan_for_statistics,
    reason_label,
    summary_rows,
    table_use_per_slot,
)


def test_participants_by_country_type_and_organiser(world):
    statistics = event_statistics(world.event)
    organisers = dict(statistics.by_organiser.rows)
    assert (
        statistics.participants,
        statistics.by_country.rows,
        dict(statistics.by_kind.rows),
        sorted(organisers.values()),
    ) == (
        5,
        (("Bulgaria", 2), ("Finland", 1), ("France", 1), ("Spain", 1)),
        {
            "Company": 2,
            "Start-up": 1,
            "University or research body": 1,
            "City or public authority": 1,
        },
        [2, 3],
    )


def test_participants_by_organiser_names_the_clusters(world):
    rows = dict(event_statistics(world.event).by_organiser.rows)
    assert rows == {
        world.lead.cluster.organisation.name: 3,
        world.co.cluster.organisation.name: 2,
    }


def test_requests_by_status_and_acceptance_rate(world):
    statistics = event_statistics(world.event)
    assert (dict(statistics.requests.rows), statistics.acceptance_rate) == (
        {"Asked": 1, "Accepted": 5, "Declined": 1, "Cancelled": 0},
        pytest.approx(5 / 6),
    )


def test_meetings_scheduled_unscheduled_and_reasons_grouped(world):
    statistics = event_statistics(world.event)
    assert (dict(statistics.meetings.rows), statistics.unscheduled_reasons.rows) == (
        {"Scheduled": 4, "Unscheduled": 1, "Accepted after the plan": 0},
        ((reason_label("no_common_slot"), 1),),
    )


def test_a_meeting_accepted_after_the_release_counts_as_not_planned(world):
    from tests.reports.conftest import meet

    meet(world.cleo, world.jonas)
    assert dict(event_statistics(world.event).meetings.rows)["Accepted after the plan"] == 1


def test_reasons_the_engine_does_not_word_fall_into_other(world):
    Placement.objects.filter(plan=world.release, slot__isnull=True).update(reason="moved by hand")
    _meetings, reasons = meetings_in_plan(world.event, world.release)
    assert reasons.rows == ((reason_label("other"), 1),)


def test_table_use_per_slot_counts_used_and_free_tables(world):
    uses = table_use_per_slot(world.event, world.release)
    assert [(use.used, use.free) for use in uses] == [
        (1, 3),
        (1, 3),
        (1, 3),
        (0, 4),
        (1, 3),
        (0, 4),
        (0, 4),
        (0, 4),
    ]


def test_table_use_labels_are_in_the_event_time_zone(world):
    assert table_use_per_slot(world.event, world.release)[0].label.endswith("09:00")


def test_holes_distribution_counts_gaps_within_a_session_only(world):
    # Ana meets in slots 1 and 3 of the first morning: one hole. Dan meets in slot 2 of the
    # first morning and slot 1 of the second: different sessions, no hole.
    assert holes_distribution(world.event, world.release).rows == (("0", 4), ("1", 1))


def test_holes_count_each_gap_once_however_long(world):
    placement = Placement.objects.get(plan=world.release, meeting=world.meetings["ana-cleo"])
    placement.slot = world.slots[3]
    placement.save()
    assert holes_distribution(world.event, world.release).rows == (("0", 4), ("1", 1))


def test_no_shows_count_and_rate(world):
    statistics = event_statistics(world.event)
    assert (statistics.no_shows, statistics.attendances, statistics.no_show_rate) == (1, 8, 1 / 8)


def test_named_lists_only_when_asked(world):
    plain = event_statistics(world.event)
    named = event_statistics(world.event, named=True)
    assert (
        plain.no_show_people,
        plain.most_holes,
        named.no_show_people[0][:2],
        named.most_holes,
    ) == (
        (),
        (),
        ("Jonas Berg", "Jonas Berg Ltd"),
        (("Ana Petrova", "Ana Petrova Ltd", 1),),
    )


def test_scoped_to_a_co_organiser_counts_only_its_participants(world):
    own = event_statistics(world.event, organisers=[world.co], named=True)
    assert (
        own.participants,
        dict(own.by_country.rows),
        dict(own.requests.rows)["Accepted"],
        dict(own.requests.rows)["Declined"],
        dict(own.meetings.rows),
        own.holes.rows,
        own.no_shows,
        own.attendances,
        own.most_holes,
        own.table_use,
    ) == (
        2,
        {"France": 1, "Spain": 1},
        4,
        1,
        {"Scheduled": 3, "Unscheduled": 1, "Accepted after the plan": 0},
        (("0", 2),),
        0,
        3,
        (),
        (),
    )


def test_the_draft_counts_until_something_is_released(world):
    world.release.delete()
    plan = plan_for_statistics(world.event)
    assert (plan.kind, dict(event_statistics(world.event).meetings.rows)["Scheduled"]) == (
        Plan.Kind.DRAFT,
        4,
    )


def test_without_any_plan_meetings_are_not_planned_and_holes_empty(world):
    world.event.plans.all().delete()
    statistics = event_statistics(world.event)
    assert (dict(statistics.meetings.rows), statistics.holes.rows, statistics.attendances) == (
        {"Not planned yet": 5},
        (),
        0,
    )


def test_cancelled_meetings_are_left_out(world):
    Meeting.objects.filter(pk=world.meetings["ana-cleo"].pk).update(status=Meeting.Status.CANCELLED)
    statistics = event_statistics(world.event)
    assert (dict(statistics.meetings.rows)["Scheduled"], statistics.holes.rows) == (
        3,
        (("0", 4),),
    )


def test_summary_rows(world):
    rows = dict(summary_rows(event_statistics(world.event)))
    assert (rows["Participants"], rows["Acceptance rate"], rows["No-show rate"]) == (
        "5",
        "83.3 %",
        "12.5 %",
    )


def test_the_number_of_queries_does_not_grow_with_participants(world):
    from tests.reports.conftest import meet, person

    with CaptureQueriesContext(connection) as before:
        event_statistics(world.event, named=True)
    for number in range(10):
        first = person(world.event, f"Extra {number}", "DE", "company")
        second = person(world.event, f"Other {number}", "IT", "company")
        meet(first, second)
    with CaptureQueriesContext(connection) as after:
        event_statistics(world.event, named=True)
    assert len(after) == len(before)
