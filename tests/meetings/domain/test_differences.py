import datetime as dt
import zoneinfo

import pytest
from django.utils import translation

from matchfair.meetings.domain.differences import Change, Spot, agenda_changes
from matchfair.meetings.domain.plans import release_plan, write_draft
from tests import factories
from tests.meetings.domain.helpers import assignment, meet, result_for, slots_of

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")
AT_NINE = dt.datetime(2026, 11, 10, 9, 0, tzinfo=MADRID)
HALL = Spot(starts_at=AT_NINE, table="Table 2", location="Hall 6", others=("Jonas Berg (Nord)",))
BARE = Spot(starts_at=AT_NINE + dt.timedelta(minutes=30), table="Table 3", location="")


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            Change(Change.Kind.NEW, 1, new=HALL),
            "New meeting with Jonas Berg (Nord): Tue 10 Nov 09:00, Table 2, Hall 6",
        ),
        (
            Change(Change.Kind.MOVED, 1, old=HALL, new=BARE),
            "Meeting with Jonas Berg (Nord) moved: Tue 10 Nov 09:00, Table 2, Hall 6"
            " → Tue 10 Nov 09:30, Table 3",
        ),
        (
            Change(Change.Kind.CANCELLED, 1, old=HALL),
            "Meeting with Jonas Berg (Nord) cancelled: was Tue 10 Nov 09:00, Table 2, Hall 6",
        ),
        (
            Change(Change.Kind.REMOVED, 1, old=BARE),
            "Meeting with (nobody else) removed from the schedule: was Tue 10 Nov 09:30, Table 3",
        ),
    ],
)
def test_a_change_says_what_when_where_and_with_whom(change, line):
    with translation.override("en"):
        assert str(change) == line


def test_a_change_is_worded_in_the_language_it_is_rendered_in():
    with translation.override("bg"):
        line = str(Change(Change.Kind.NEW, 1, new=HALL))
    assert line.startswith("Нова среща с Jonas Berg (Nord): ")


def test_the_people_do_not_count_as_a_move():
    assert Spot(starts_at=AT_NINE, table="Table 2", location="Hall 6", others=()) == HALL


def test_agenda_changes_come_in_the_order_of_the_agenda(event, ana, lead_staff):
    first, second = slots_of(event)[:2]
    table = event.tables.first()
    late = meet(ana, factories.RegistrationFactory(event=event, user__full_name="Zoe Early"))
    early = meet(ana, factories.RegistrationFactory(event=event, user__full_name="Adam Late"))
    result = result_for(late, second, table, assignment(early, first, table))
    write_draft(event=event, result=result, by=lead_staff)
    release = release_plan(event=event, by=lead_staff, notify=False)
    lines = agenda_changes(None, release)[ana.pk]
    assert [(line.kind, line.meeting, line.new.starts_at) for line in lines] == [
        ("new", early.pk, first.starts_at),
        ("new", late.pk, second.starts_at),
    ]
