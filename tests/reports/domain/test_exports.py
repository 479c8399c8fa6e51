import csv
import io

import openpyxl

from matchfair.meetings.domain.engine_ids import MEETINGS, SLOTS, TABLES
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.reports.domain.exports import (
    DataTable,
    csv_lines,
    meeting_count,
    meeting_headers,
    meeting_rows,
    statistics_tables,
    tables_csv_lines,
    write_xlsx,
)
from matchfair.reports.domain.statistics import event_statistics
from matchfair.scheduling.model import Assignment, Result
from matchfair.spreadsheets import safe_cell
from tests import factories


def read_csv(lines) -> list[list[str]]:
    text = "".join(lines)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_guard_quotes_cells_that_a_spreadsheet_would_run():
    assert [
        safe_cell(value) for value in ("=1+1", "+31 20", "-x", "@SUM(A1)", "\tx", "Ana", 5)
    ] == [
        "'=1+1",
        "'+31 20",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "Ana",
        5,
    ]


def test_meeting_rows_in_time_order_with_local_times_and_unscheduled_last(world):
    rows = list(meeting_rows(world.event))
    assert [row[6:10] for row in rows] == [
        ("Ana Petrova", "Ana Petrova Ltd", "Jonas Berg", "Jonas Berg Ltd"),
        ("Dan Ruiz", "Dan Ruiz Ltd", "Jonas Berg", "Jonas Berg Ltd"),
        ("Ana Petrova", "Ana Petrova Ltd", "Cleo Martin", "Cleo Martin Ltd"),
        ("Dan Ruiz", "Dan Ruiz Ltd", "Eve Ivanova", "Eve Ivanova Ltd"),
        ("Cleo Martin", "Cleo Martin Ltd", "Eve Ivanova", "Eve Ivanova Ltd"),
    ]
    assert (rows[0][1:6], rows[-1][1:6], rows[-1][-1]) == (
        ("2026-11-10", "09:00", "09:30", "Table 1", "Hall 2"),
        ("", "", "", "", ""),
        "Cleo Martin and Eve Ivanova share no free slot",
    )


def test_meeting_count_is_the_number_of_rows_in_the_scope(world):
    counts = (meeting_count(world.event), meeting_count(world.event, organisers=[world.co]))
    rows = (
        len(list(meeting_rows(world.event))),
        len(list(meeting_rows(world.event, organisers=[world.co]))),
    )
    assert (counts, rows) == ((5, 4), (5, 4))


def test_meetings_csv_parses_back(world):
    parsed = read_csv(csv_lines(meeting_rows(world.event), meeting_headers()))
    assert (parsed[0][:3], len(parsed), parsed[1][6]) == (
        ["Meeting", "Day", "Start"],
        6,
        "Ana Petrova",
    )


def test_meetings_xlsx_parses_back(world):
    table = DataTable("Meetings", meeting_headers(), meeting_rows(world.event))
    with write_xlsx([table]) as handle:
        workbook = openpyxl.load_workbook(handle)
    rows = list(workbook["Meetings"].iter_rows(values_only=True))
    assert (rows[0][0], len(rows), rows[1][4], rows[1][6]) == (
        "Meeting",
        6,
        "Table 1",
        "Ana Petrova",
    )


def test_co_organiser_export_has_only_meetings_of_its_participants_and_names_only_them(world):
    rows = list(meeting_rows(world.event, organisers=[world.co]))
    text = "".join(csv_lines(rows, meeting_headers()))
    others = ("Ana Petrova", "Jonas Berg", "Eve Ivanova")
    assert (
        sorted(row[0] for row in rows),
        [name for name in others if name in text],
        "Cleo Martin" in text and "Dan Ruiz" in text,
    ) == (
        sorted(world.meetings[key].pk for key in ("ana-cleo", "jonas-dan", "cleo-eve", "dan-eve")),
        [],
        True,
    )


def test_a_meeting_between_other_organisers_participants_is_not_in_a_co_export(world):
    rows = list(meeting_rows(world.event, organisers=[world.co]))
    assert world.meetings["ana-jonas"].pk not in [row[0] for row in rows]


def test_co_organiser_export_gives_the_reason_group_not_the_names_in_it(world):
    rows = list(meeting_rows(world.event, organisers=[world.co]))
    assert rows[-1][-1] == "No free slot in common"


def test_no_release_no_meeting_rows(world):
    world.release.delete()
    assert list(meeting_rows(world.event)) == []


def test_formula_in_a_name_is_neutralised_in_csv_and_xlsx(world):
    user = world.ana.user
    user.full_name = '=HYPERLINK("http://evil")'
    user.save()
    csv_rows = read_csv(csv_lines(meeting_rows(world.event), meeting_headers()))
    table = DataTable("Meetings", meeting_headers(), meeting_rows(world.event))
    with write_xlsx([table]) as handle:
        sheet = openpyxl.load_workbook(handle)["Meetings"]
    assert (
        csv_rows[1][6],
        sheet.cell(row=2, column=7).value,
        sheet.cell(row=2, column=7).data_type,
    ) == (
        '\'=HYPERLINK("http://evil")',
        '\'=HYPERLINK("http://evil")',
        "s",
    )


def test_statistics_tables_in_csv_sections_and_xlsx_sheets(world):
    tables = statistics_tables(event_statistics(world.event, named=True))
    parsed = read_csv(tables_csv_lines(tables))
    with write_xlsx(tables) as handle:
        workbook = openpyxl.load_workbook(handle)
    titles = [table.title for table in tables]
    assert (parsed[0], parsed[1], titles[-2:], len(workbook.sheetnames)) == (
        ["Summary"],
        ["Figure", "Value"],
        ["No-shows", "Most holes"],
        len(tables),
    )
    country = workbook["Participants by country"]
    assert list(country.iter_rows(values_only=True))[1] == ("Bulgaria", 2)


def test_sheet_titles_are_made_valid_and_unique():
    tables = [DataTable("A/B: [x]?", ("h",), [(1,)]), DataTable("A/B: [x]?", ("h",), [(2,)])]
    with write_xlsx(tables) as handle:
        workbook = openpyxl.load_workbook(handle)
    assert workbook.sheetnames == ["A B   x", "A B   x 2"]


def test_meeting_rows_list_one_slot_s_tables_in_natural_order(db):
    # Ten tables: "Table 10" sorts before "Table 2" as text, not as people count.
    event = factories.b2b_event(tables=10)
    slot = event.sessions.order_by("starts_at").first().slots.order_by("starts_at").first()
    tables = {table.name: table for table in event.tables.all()}
    people = [factories.RegistrationFactory(event=event) for _ in range(6)]
    organiser = factories.UserFactory()
    assignments = []
    for (first, second), name in zip(
        [people[0:2], people[2:4], people[4:6]], ["Table 10", "Table 2", "Table 1"], strict=True
    ):
        meeting = accept_request(
            send_request(sender=first, recipient=second, message="Hi", by=first.user),
            by=second.user,
        )
        assignments.append(
            Assignment(MEETINGS.key(meeting.pk), SLOTS.key(slot.pk), TABLES.key(tables[name].pk))
        )
    write_draft(
        event=event,
        result=Result(tuple(assignments), (), {"scheduled": 3}),
        by=organiser,
    )
    release_plan(event=event, by=organiser, notify=False)
    assert [row[4] for row in meeting_rows(event)] == ["Table 1", "Table 2", "Table 10"]
