"""Printable agendas as PDF (ReportLab): per participant, per table, and everyone's in one file.

Pages are drawn straight onto one canvas, so printing all agendas of a large event is one
document built in batches of participants, not thousands of documents glued together.
Text is set in Fira Sans, which the install brings as a Python package (see `font_files`), so
Cyrillic, Greek and every European accent print the same on any machine; ReportLab's built-in
fonts cover Western European letters only.
"""

import datetime as dt
import functools
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import fontpkg
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import formats
from django.utils.translation import gettext as _
from django_countries import countries
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from matchfair.bilingual import localised, pick
from matchfair.events.models import Event, Registration, Table
from matchfair.meetings.models import Meeting, Placement, Plan

FONT = "MatchfairSans"
BOLD = "MatchfairSans-Bold"
BATCH = 500
MARGIN = 18 * mm
FAMILY = "Fira Sans"  # from the fontpkg-fira-sans package (pyproject.toml)


def font_files() -> tuple[Path, Path]:
    """The regular and the bold TrueType file the PDFs are set in.

    `REPORTS_PDF_FONT`, when a deployment sets it, is the path of the regular file; its bold is
    the file beside it named with `-Bold` (`DejaVuSans.ttf` → `DejaVuSans-Bold.ttf`,
    `NotoSans-Regular.ttf` → `NotoSans-Bold.ttf`), else the regular file again. Otherwise Fira
    Sans from the installed fontpkg-fira-sans package (Latin with every European accent,
    Cyrillic, Greek). No system font directory is consulted, so every machine prints alike.
    """
    configured = getattr(settings, "REPORTS_PDF_FONT", "")
    if configured:
        regular = Path(configured)
        if not regular.is_file():
            raise ImproperlyConfigured(f"REPORTS_PDF_FONT: no font file at {regular}")
        bold = regular.with_name(f"{regular.stem.removesuffix('-Regular')}-Bold{regular.suffix}")
        return regular, bold if bold.is_file() else regular
    return Path(fontpkg.path(FAMILY, weight=400)), Path(fontpkg.path(FAMILY, weight=700))


@functools.cache
def register_fonts() -> tuple[Path, Path]:
    """Register `FONT` and `BOLD` with ReportLab, once a process (the setting is read then)."""
    regular, bold = font_files()
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    return regular, bold


def new_canvas(
    buffer: io.BytesIO, *, title: str, compress: bool | None = None, pagesize=A4
) -> Canvas:
    """A canvas with our fonts; `compress=False` keeps page text greppable (tests do that)."""
    register_fonts()
    if compress is None:
        compress = getattr(settings, "REPORTS_PDF_COMPRESS", True)
    canvas = Canvas(buffer, pagesize=pagesize, pageCompression=1 if compress else 0, invariant=1)
    canvas.setTitle(title)
    canvas.setCreator("Matchfair")
    return canvas


def fit_font_size(text: str, font: str, largest: float, width: float, smallest: float = 6) -> float:
    size = largest
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 1
    return size


@dataclass(frozen=True)
class Person:
    name: str
    organisation: str
    country: str

    @property
    def line(self) -> str:
        where = ", ".join(part for part in (self.organisation, self.country) if part)
        return f"{self.name} — {where}" if where else self.name


@dataclass(frozen=True)
class Entry:
    starts_at: dt.datetime
    ends_at: dt.datetime
    table: str
    location: str
    people: tuple[Person, ...]


def _people(meeting_ids: Iterable[int]) -> dict[int, list[tuple[int, Person]]]:
    found: dict[int, list[tuple[int, Person]]] = defaultdict(list)
    for meeting_id, registration_id, name, organisation, country in (
        Meeting.participants.through.objects.filter(meeting_id__in=list(meeting_ids))
        .order_by("registration__user__full_name")
        .values_list(
            "meeting_id",
            "registration_id",
            "registration__user__full_name",
            "registration__user__organisation__name",
            "registration__user__organisation__country",
        )
    ):
        country_name = str(countries.name(country)) if country else ""
        found[meeting_id].append((registration_id, Person(name, organisation or "", country_name)))
    return found


def _placements(plan: Plan, meeting_ids: Iterable[int] | None = None, table: Table | None = None):
    queryset = Placement.objects.filter(
        plan=plan,
        slot__isnull=False,
        table__isnull=False,
        meeting__status=Meeting.Status.ACTIVE,
    )
    if meeting_ids is not None:
        queryset = queryset.filter(meeting_id__in=list(meeting_ids))
    if table is not None:
        queryset = queryset.filter(table=table)
    return queryset.order_by("slot__starts_at", "table__name").values_list(
        "meeting_id",
        "slot__starts_at",
        "slot__ends_at",
        "table_id",
        "table__name",
        "table__location",
        "table__name_bg",
        "table__location_bg",
    )


def _in_reader_language(rows) -> list[tuple[int, dt.datetime, dt.datetime, int, str, str]]:
    """Placement rows with the table and hall in the language the PDF is written in."""
    return [
        (meeting_id, starts_at, ends_at, table_id, pick(name, name_bg), pick(location, hall_bg))
        for meeting_id, starts_at, ends_at, table_id, name, location, name_bg, hall_bg in rows
    ]


def participant_agendas(
    plan: Plan | None, registrations: Sequence[Registration]
) -> Iterator[tuple[Registration, list[Entry]]]:
    """Each registration with its scheduled meetings, fetched in batches of participants."""
    for start in range(0, len(registrations), BATCH):
        batch = registrations[start : start + BATCH]
        entries: dict[int, list[Entry]] = defaultdict(list)
        if plan is not None:
            mine: dict[int, list[int]] = defaultdict(list)
            for meeting_id, registration_id in Meeting.participants.through.objects.filter(
                registration_id__in=[registration.pk for registration in batch]
            ).values_list("meeting_id", "registration_id"):
                mine[meeting_id].append(registration_id)
            placements = _in_reader_language(_placements(plan, mine))
            people = _people(meeting_id for meeting_id, *_rest in placements)
            for meeting_id, starts_at, ends_at, _table_id, table, location in placements:
                for registration_id in mine[meeting_id]:
                    others = tuple(
                        person for pk, person in people[meeting_id] if pk != registration_id
                    )
                    entries[registration_id].append(
                        Entry(starts_at, ends_at, table, location, others)
                    )
        for registration in batch:
            yield registration, entries[registration.pk]


def table_agendas(
    plan: Plan | None, tables: Sequence[Table]
) -> Iterator[tuple[Table, list[Entry]]]:
    for start in range(0, len(tables), BATCH // 10):
        batch = tables[start : start + BATCH // 10]
        entries: dict[int, list[Entry]] = defaultdict(list)
        if plan is not None:
            placements = _in_reader_language(
                _placements(plan).filter(table_id__in=[table.pk for table in batch])
            )
            people = _people(meeting_id for meeting_id, *_rest in placements)
            for meeting_id, starts_at, ends_at, table_id, name, location in placements:
                entries[table_id].append(
                    Entry(
                        starts_at,
                        ends_at,
                        name,
                        location,
                        tuple(person for _pk, person in people[meeting_id]),
                    )
                )
        for table in batch:
            yield table, entries[table.pk]


class Page:
    """A cursor down an A4 page that starts a new page, with the running header, when full."""

    def __init__(self, canvas: Canvas, header: str) -> None:
        self.canvas = canvas
        self.header = header
        self.width, self.height = A4
        self.y = self.height - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.canvas.showPage()
            self.y = self.height - MARGIN
            self.text(self.header, size=8, font=FONT)
            self.y -= 4

    def text(self, value: str, *, size: float = 10, font: str = FONT, indent: float = 0) -> None:
        lines = simpleSplit(value, font, size, self.width - 2 * MARGIN - indent) or [""]
        for line in lines:
            self.need(size * 1.35)
            self.canvas.setFont(font, size)
            self.canvas.drawString(MARGIN + indent, self.y - size, line)
            self.y -= size * 1.35


def _day(value: dt.datetime) -> str:
    return formats.date_format(value, "l j F Y")


def _draw_entries(page: Page, entries: list[Entry], event: Event, *, with_table: bool) -> None:
    zone = event.zone
    current_day = None
    if not entries:
        page.text(_("No meetings in the released schedule."), size=11)
    for entry in entries:
        start, end = entry.starts_at.astimezone(zone), entry.ends_at.astimezone(zone)
        if start.date() != current_day:
            current_day = start.date()
            page.need(40)
            page.y -= 6
            page.text(_day(start), size=13, font=BOLD)
        page.need(36)
        when = f"{start:%H:%M}–{end:%H:%M}"
        where = f"{entry.table}, {entry.location}" if entry.location else entry.table
        page.text(f"{when}   {where}" if with_table else when, size=11, font=BOLD)
        for person in entry.people:
            page.text(person.line, size=10, indent=12 * mm)
        page.y -= 4


def _agenda_intro(page: Page, event: Event, plan: Plan | None, heading: str, sub: str) -> None:
    page.text(localised(event, "name"), size=10)
    page.text(heading, size=18, font=BOLD)
    if sub:
        page.text(sub, size=11)
    note = _("Times are local (%(zone)s).") % {"zone": event.time_zone}
    if plan is not None:
        released = formats.date_format(plan.created.astimezone(event.zone), "j F, H:i")
        note += " " + _("Schedule as released on %(when)s.") % {"when": released}
    page.text(note, size=9)
    page.y -= 6


def agendas_pdf(
    event: Event,
    plan: Plan | None,
    registrations: Sequence[Registration],
    *,
    compress: bool | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> bytes:
    """One document with each participant's agenda starting on a new page; `progress(done,
    total)` hears of each agenda drawn."""
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer,
        title=_("Agendas — %(event)s") % {"event": localised(event, "name")},
        compress=compress,
    )
    for number, (registration, entries) in enumerate(participant_agendas(plan, registrations)):
        if progress is not None:
            progress(number, len(registrations))
        if number:
            canvas.showPage()
        name = registration.user.full_name
        organisation = registration.user.organisation
        page = Page(canvas, f"{localised(event, 'name')} — {name}")
        _agenda_intro(
            page,
            event,
            plan,
            _("Agenda of %(name)s") % {"name": name},
            organisation.name if organisation else "",
        )
        _draw_entries(page, entries, event, with_table=True)
    if not registrations:
        Page(canvas, localised(event, "name")).text(_("No participants to print."), size=12)
    canvas.save()
    return buffer.getvalue()


def tables_pdf(
    event: Event, plan: Plan | None, tables: Sequence[Table], *, compress: bool | None = None
) -> bytes:
    """Each table's meetings by slot, a table to a page (and more pages when it is busy)."""
    buffer = io.BytesIO()
    canvas = new_canvas(
        buffer,
        title=_("Table agendas — %(event)s") % {"event": localised(event, "name")},
        compress=compress,
    )
    for number, (table, entries) in enumerate(table_agendas(plan, tables)):
        if number:
            canvas.showPage()
        page = Page(canvas, f"{localised(event, 'name')} — {localised(table, 'name')}")
        _agenda_intro(
            page,
            event,
            plan,
            _("Agenda of %(table)s") % {"table": table.name},
            table.location,
        )
        _draw_entries(page, entries, event, with_table=False)
    if not tables:
        Page(canvas, localised(event, "name")).text(_("No tables to print."), size=12)
    canvas.save()
    return buffer.getvalue()
