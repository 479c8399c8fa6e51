"""The exhibitor directory, and its import from CSV: every row is checked before any is written."""

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from matchfair import spreadsheets
from matchfair.audit.domain import record
from matchfair.events.models import Event
from matchfair.visits.models import Hall, Pavilion, Stand

COLUMNS = (
    "code",
    "exhibitor",
    "organisation",
    "country",
    "hall",
    "pavilion",
    "description",
    "website",
    "x",
    "y",
    "width",
    "depth",
    "opens",
    "closes",
    "minutes",
)
REQUIRED = ("code", "exhibitor", "hall", "x", "y")
MAX_BYTES = 1_000_000
MAX_ROWS = 5000


@dataclass(frozen=True)
class RowError:
    row: int  # the line number in the file, the header being line 1
    field: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, %(field)s: %(message)s") % {
            "row": self.row,
            "field": self.field,
            "message": self.message,
        }


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


class ImportError_(ValidationError):
    """The file was refused; `row_errors` names each bad row and field."""

    def __init__(self, row_errors: list[RowError]) -> None:
        super().__init__([str(error) for error in row_errors])
        self.row_errors = row_errors


def exhibitors(event: Event, query: str = "") -> QuerySet[Stand]:
    stands = Stand.objects.filter(event=event).select_related("event", "hall", "pavilion")
    for word in query.split()[:8]:
        stands = stands.filter(
            Q(exhibitor__icontains=word)
            | Q(organisation__icontains=word)
            | Q(country__icontains=word)
            | Q(code__icontains=word)
            | Q(description__icontains=word)
            | Q(pavilion__name__icontains=word)
            | Q(hall__name__icontains=word)
        )
    return stands.order_by("exhibitor", "code")


def read_csv(data: bytes) -> list[dict[str, str]]:
    """Decode an uploaded CSV file into rows keyed by column name; refuse what is not one."""
    return spreadsheets.read_csv(
        data, required=REQUIRED, columns=COLUMNS, max_rows=MAX_ROWS, max_bytes=MAX_BYTES
    )


def _number(row: dict[str, str], name: str, default: float | None, errors: list, line: int):
    raw = row.get(name, "")
    if raw == "":
        if default is None:
            errors.append(RowError(line, name, _("required")))
        return default
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        errors.append(RowError(line, name, _("“%(value)s” is not a number") % {"value": raw}))
        return None
    if value < 0:
        errors.append(RowError(line, name, _("must not be negative")))
        return None
    return value


def _time(row: dict[str, str], name: str, errors: list, line: int) -> dt.time | None:
    raw = row.get(name, "")
    if raw == "":
        return None
    try:
        return dt.time.fromisoformat(raw)
    except ValueError:
        errors.append(RowError(line, name, _("“%(value)s” is not a time HH:MM") % {"value": raw}))
        return None


def _check_row(
    row: dict[str, str],
    line: int,
    event: Event,
    halls: dict[str, Hall],
    pavilions: dict[str, Pavilion],
    errors: list[RowError],
) -> Stand | None:
    before = len(errors)
    for name in ("code", "exhibitor", "hall"):
        if not row.get(name):
            errors.append(RowError(line, name, _("required")))
    limits = {"code": 20, "exhibitor": 200, "organisation": 200, "country": 80}
    for name, limit in limits.items():
        if len(row.get(name, "")) > limit:
            errors.append(
                RowError(line, name, _("longer than %(limit)s characters") % {"limit": limit})
            )
    hall = halls.get(row.get("hall", "").lower())
    if row.get("hall") and hall is None:
        errors.append(RowError(line, "hall", _("no hall “%(name)s”") % {"name": row["hall"]}))
    pavilion = None
    if row.get("pavilion"):
        pavilion = pavilions.get(row["pavilion"].lower())
        if pavilion is None:
            errors.append(
                RowError(line, "pavilion", _("no pavilion “%(name)s”") % {"name": row["pavilion"]})
            )
        elif hall is not None and pavilion.hall_id != hall.pk:
            errors.append(RowError(line, "pavilion", _("is not in hall %(hall)s") % {"hall": hall}))
    if row.get("website"):
        try:
            URLValidator(schemes=["http", "https"])(row["website"])
        except ValidationError:
            errors.append(RowError(line, "website", _("not a web address")))
    x = _number(row, "x", None, errors, line)
    y = _number(row, "y", None, errors, line)
    width = _number(row, "width", 3.0, errors, line)
    depth = _number(row, "depth", 3.0, errors, line)
    opens = _time(row, "opens", errors, line)
    closes = _time(row, "closes", errors, line)
    if (opens is None) != (closes is None) and not errors[before:]:
        errors.append(RowError(line, "closes", _("give both opening and closing time, or neither")))
    if opens and closes and closes <= opens:
        errors.append(RowError(line, "closes", _("must be after the opening time")))
    minutes = _number(row, "minutes", 20, errors, line)
    if minutes is not None and not 5 <= minutes <= 240:
        errors.append(RowError(line, "minutes", _("must be between 5 and 240")))
    if len(errors) > before or hall is None:
        return None
    assert x is not None and y is not None and width and depth and minutes is not None
    if width < 0.5 or depth < 0.5:
        errors.append(RowError(line, "width", _("a stand is at least 0.5 m wide and deep")))
        return None
    stand = Stand(
        event=event,
        hall=hall,
        pavilion=pavilion,
        code=row["code"],
        exhibitor=row["exhibitor"],
        organisation=row.get("organisation", ""),
        country=row.get("country", ""),
        description=row.get("description", ""),
        website=row.get("website", ""),
        x=x,
        y=y,
        width=width,
        depth=depth,
        opens=opens,
        closes=closes,
        visit_minutes=int(minutes),
    )
    if not stand.inside(hall):
        errors.append(
            RowError(line, "x", _("the stand lies outside hall %(hall)s") % {"hall": hall})
        )
        return None
    return stand


def import_exhibitors(*, event: Event, rows: list[dict[str, str]], by: Any) -> ImportResult:
    """Create or update (by stand code) one stand a row, or nothing when any row is wrong."""
    halls = {hall.name.lower(): hall for hall in Hall.objects.filter(event=event)}
    pavilions = {p.name.lower(): p for p in Pavilion.objects.filter(event=event)}
    errors: list[RowError] = []
    stands: list[Stand] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        line = index + 2
        code = row.get("code", "")
        if code and code.lower() in seen:
            errors.append(
                RowError(
                    line,
                    "code",
                    _("“%(code)s” is already on row %(row)s")
                    % {"code": code, "row": seen[code.lower()]},
                )
            )
            continue
        if code:
            seen[code.lower()] = line
        stand = _check_row(row, line, event, halls, pavilions, errors)
        if stand is not None:
            stands.append(stand)
    if errors:
        raise ImportError_(errors)
    fields = [name for name in COLUMNS if name not in ("hall", "pavilion", "minutes", "code")]
    fields += ["hall", "pavilion", "visit_minutes"]
    with transaction.atomic():
        existing = {
            s.code: s for s in Stand.objects.filter(event=event, code__in=[s.code for s in stands])
        }
        new = [stand for stand in stands if stand.code not in existing]
        changed = []
        for stand in stands:
            if stand.code in existing:
                stand.pk = existing[stand.code].pk
                changed.append(stand)
        Stand.objects.bulk_create(new)
        Stand.objects.bulk_update(changed, fields)
        record(
            action="visits.exhibitors_imported",
            actor=by,
            subject=event,
            event=event,
            created=len(new),
            updated=len(changed),
        )
    return ImportResult(created=len(new), updated=len(changed))


# The speed the meeting schedule assumes between halls: the delegation's default walking pace.
WALKING_METRES_PER_MINUTE = 70


def walking_minutes(event: Event, locations: list[str]) -> dict[str, dict[str, int]]:
    """Minutes to walk between the halls of these table locations, for the meeting schedule.

    A location is placed in the hall whose name it starts with ("Hall 2 — B2B area"); the walk
    runs between hall centres. Locations in no hall, or in the same hall, need no walk.
    """
    from matchfair.visits.domain.instance import hall_for  # noqa: PLC0415 (import cycle)

    halls = list(Hall.objects.filter(event=event))
    centre = {}
    for location in locations:
        hall = hall_for(location, halls)
        if hall is not None:
            centre[location] = (hall.x + hall.width / 2, hall.y + hall.depth / 2)
    minutes: dict[str, dict[str, int]] = {}
    for a, (ax, ay) in centre.items():
        for b, (bx, by) in centre.items():
            walk = math.ceil(math.hypot(ax - bx, ay - by) / WALKING_METRES_PER_MINUTE - 1e-9)
            if a != b and walk > 0:
                minutes.setdefault(a, {})[b] = walk
    return minutes
