"""The synthetic large event at a small size: its figures add up, and the queries stay few."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.reports.domain.exports import meeting_rows
from matchfair.reports.domain.statistics import event_statistics
from tests.reports.scale import build_large_event


def test_generated_event_figures_add_up(db):
    event = build_large_event(
        participants=300, meetings=900, tables=20, days=1, slots_per_day=8, seed=3
    )
    with CaptureQueriesContext(connection) as queries:
        statistics = event_statistics(event, named=True)
    meetings = dict(statistics.meetings.rows)
    holes = dict(statistics.holes.rows)
    uses = statistics.table_use
    assert (
        statistics.participants,
        meetings["Scheduled"] + meetings["Unscheduled"],
        sum(use.used for use in uses),
        all(use.used + use.free == 20 for use in uses),
        statistics.attendances,
        sum(holes.values()) <= 300,
        statistics.unscheduled_reasons.total,
        len(queries) < 30,
    ) == (
        300,
        900,
        meetings["Scheduled"],
        True,
        2 * meetings["Scheduled"],
        True,
        meetings["Unscheduled"],
        True,
    )


def test_generated_event_exports_every_meeting_in_batches(db):
    event = build_large_event(
        participants=200, meetings=2500, tables=200, days=1, slots_per_day=12, seed=4
    )
    with CaptureQueriesContext(connection) as queries:
        rows = list(meeting_rows(event))
    assert (len(rows), len({row[0] for row in rows}), len(queries) < 10) == (2500, 2500, True)
