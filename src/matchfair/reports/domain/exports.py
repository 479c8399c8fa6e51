"""Meetings and statistics as rows, written out as CSV (streamed) or XLSX (openpyxl, write-only).

Rows are produced lazily, in batches of meetings, so 150,000 meetings never sit in memory as
model instances. A co-organiser's export lists only meetings that involve its own participants,
and names only them: anyone else in such a meeting appears as "participant of <organiser>".
"""

import csv
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import IO, Any

from django.db.models import F, QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook

from matchfair.events.models import Event, Organiser
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, Placement, Plan
from matchfair.ordering import natural_key
from matchfair.reports.domain.statistics import (
    Statistics,
    reason_group,
    reason_label,
    summary_rows,
)
from matchfair.spreadsheets import safe_cell

BATCH = 2000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs cells that start with these as formulas; a quote makes them plain text.
MORE_THAN_TWO = 2


@dataclass(frozen=True)
class DataTable:
    title: str
    headers: tuple[str, ...]
    rows: Iterable[Sequence[Any]]


def meeting_headers() -> tuple[str, ...]:
    return (
        _("Meeting"),
        _("Day"),
        _("Start"),
        _("End"),
        _("Table"),
        _("Location"),
        _("Participant 1"),
        _("Organisation 1"),
        _("Participant 2"),
        _("Organisation 2"),
        _("More participants"),
        _("Why not scheduled"),
    )


def _placements(release: Plan, scope: set[int] | None) -> QuerySet[Placement]:
    """The placements of the release's active meetings, those with one of `scope`'s people."""
    placements = Placement.objects.filter(plan=release, meeting__status=Meeting.Status.ACTIVE)
    if scope is None:
        return placements
    through = Meeting.participants.through
    return placements.filter(
        meeting_id__in=through.objects.filter(registration__organiser_id__in=scope).values(
            "meeting_id"
        )
    )


def _scope(organisers: Sequence[Organiser] | None) -> set[int] | None:
    return None if organisers is None else {organiser.pk for organiser in organisers}


def meeting_count(event: Event, *, organisers: Sequence[Organiser] | None = None) -> int:
    """How many rows `meeting_rows` gives."""
    release = latest_release(event)
    return 0 if release is None else _placements(release, _scope(organisers)).count()


def meeting_rows(event: Event, *, organisers: Sequence[Organiser] | None = None) -> Iterator[tuple]:
    """One row a meeting of the latest release, in time order, unscheduled ones last."""
    release = latest_release(event)
    if release is None:
        return
    scope = _scope(organisers)
    ordered = (
        _placements(release, scope)
        .order_by(F("slot__starts_at").asc(nulls_last=True), "table__name", "meeting_id")
        .values_list(
            "meeting_id",
            "slot__starts_at",
            "slot__ends_at",
            "table__name",
            "table__location",
            "reason",
        )
    )
    zone = event.zone
    batch: list[tuple] = []
    # The database orders table names as text ("Table 10" before "Table 2"); each slot's rows,
    # at most one per table, are put in natural order here.
    for _starts, in_slot in groupby(ordered.iterator(chunk_size=BATCH), key=itemgetter(1)):
        batch.extend(sorted(in_slot, key=lambda row: natural_key(row[3] or "")))
        if len(batch) >= BATCH:
            yield from _rows_for(batch, scope, zone)
            batch = []
    if batch:
        yield from _rows_for(batch, scope, zone)


def _rows_for(batch: list[tuple], scope: set[int] | None, zone: Any) -> Iterator[tuple]:
    people: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for meeting_id, name, organisation, organiser_id, organiser_name in (
        Meeting.participants.through.objects.filter(meeting_id__in=[row[0] for row in batch])
        .order_by("meeting_id", "registration__user__full_name")
        .values_list(
            "meeting_id",
            "registration__user__full_name",
            "registration__user__organisation__name",
            "registration__organiser_id",
            "registration__organiser__cluster__organisation__name",
        )
    ):
        if scope is not None and organiser_id not in scope:
            people[meeting_id].append(
                (_("Participant of %(organiser)s") % {"organiser": organiser_name}, "")
            )
        else:
            people[meeting_id].append((name, organisation or ""))
    for meeting_id, starts_at, ends_at, table, location, reason in batch:
        members = people[meeting_id] + [("", "")] * max(0, MORE_THAN_TWO - len(people[meeting_id]))
        more = "; ".join(
            f"{name} ({organisation})" if organisation else name
            for name, organisation in members[MORE_THAN_TWO:]
        )
        start = starts_at.astimezone(zone) if starts_at else None
        yield (
            meeting_id,
            start.date().isoformat() if start else "",
            start.strftime("%H:%M") if start else "",
            ends_at.astimezone(zone).strftime("%H:%M") if ends_at else "",
            table or "",
            location or "",
            members[0][0],
            members[0][1],
            members[1][0],
            members[1][1],
            more,
            _reason(reason, scope) if not starts_at else "",
        )


def _reason(reason: str, scope: set[int] | None) -> str:
    # The engine's reasons name the people; a co-organiser gets the reason's group instead.
    return reason if scope is None else reason_label(reason_group(reason))


def statistics_tables(statistics: Statistics, *, prefix: str = "") -> list[DataTable]:
    """The statistics as plain tables: the headline figures, each breakdown, table use per slot."""
    tables = [DataTable(prefix + _("Summary"), (_("Figure"), _("Value")), summary_rows(statistics))]
    for breakdown in statistics.breakdowns:
        tables.append(
            DataTable(prefix + breakdown.title, (breakdown.category, _("Count")), breakdown.rows)
        )
    if statistics.table_use:
        tables.append(
            DataTable(
                prefix + _("Table use per slot"),
                (_("Slot"), _("Tables used"), _("Tables free")),
                [(use.label, use.used, use.free) for use in statistics.table_use],
            )
        )
    if statistics.no_show_people:
        tables.append(
            DataTable(
                prefix + _("No-shows"),
                (_("Participant"), _("Organisation"), _("Meeting")),
                statistics.no_show_people,
            )
        )
    if statistics.most_holes:
        tables.append(
            DataTable(
                prefix + _("Most holes"),
                (_("Participant"), _("Organisation"), _("Holes")),
                statistics.most_holes,
            )
        )
    return tables


class _Echo:
    """A file-like object whose write returns the text, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Sequence[Any]], headers: Sequence[str] | None = None) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a byte-order mark, so spreadsheet programs read the file as UTF-8
    if headers is not None:
        yield writer.writerow([safe_cell(value) for value in headers])
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def tables_csv_lines(tables: Sequence[DataTable]) -> Iterator[str]:
    """Several tables in one CSV file: a title line, the header, the rows, then a blank line."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for number, table in enumerate(tables):
        if number:
            yield writer.writerow([])
        yield writer.writerow([safe_cell(table.title)])
        yield writer.writerow([safe_cell(value) for value in table.headers])
        for row in table.rows:
            yield writer.writerow([safe_cell(value) for value in row])


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", title)[:28].strip() or "Sheet"
    name, number = base, 1
    while name.lower() in used:
        number += 1
        name = f"{base[:25]} {number}"
    used.add(name.lower())
    return name


def write_xlsx(sheets: Sequence[DataTable] | Iterable[DataTable]) -> IO[bytes]:
    """An XLSX workbook in write-only mode, one sheet a table, in a temporary file."""
    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for table in sheets:
        sheet = workbook.create_sheet(title=_sheet_title(table.title, used))
        sheet.append([safe_cell(value) for value in table.headers])
        for row in table.rows:
            sheet.append([safe_cell(value) for value in row])
    # Handed to the caller, which closes it (Django's FileResponse does once it is sent).
    output = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output
