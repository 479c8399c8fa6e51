"""The work plan as a CSV file: exported with every item and its milestones, and imported back
(new items without an id, changes to those with one). An import checks every row first and
writes all of them or none; each problem names its row and field.

Columns: id, title, description, owner (the member's name), person (an e-mail address),
deadline (YYYY-MM-DD), status, progress (0–100), adopted_by (the motion's exact title, or its
id where several motions of the network share the title), ideas (ids; export only),
milestones (one a line: "YYYY-MM-DD title", "[x] " before a done one, no date for none).
"""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair import spreadsheets
from matchfair.assembly.domain.workplan import check_item, require_runs
from matchfair.assembly.models import Milestone, Motion, WorkItem
from matchfair.audit.domain import record
from matchfair.community.models import Network, User
from matchfair.spreadsheets import safe_cell

COLUMNS = (
    "id",
    "title",
    "description",
    "owner",
    "person",
    "deadline",
    "status",
    "progress",
    "adopted_by",
    "ideas",
    "milestones",
)
REQUIRED = ("title", "owner", "deadline")
MAX_BYTES = 1_000_000
MAX_ROWS = 2000
MILESTONE = re.compile(r"^(?P<done>\[[xX ]\]\s*)?(?:(?P<due>\d{4}-\d{2}-\d{2})\s+)?(?P<title>.+)$")


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


class WorkPlanImportError(ValidationError):
    """The file was refused; `row_errors` names each bad row and field."""

    def __init__(self, row_errors: list[RowError]) -> None:
        super().__init__([str(error) for error in row_errors])
        self.row_errors = row_errors


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _milestone_lines(item: WorkItem) -> str:
    return "\n".join(
        ("[x] " if m.done else "") + (f"{m.due.isoformat()} " if m.due else "") + m.title
        for m in item.milestones.all()
    )


def _motions(network: Network) -> list[Motion]:
    return list(Motion.objects.filter(session__network=network).only("pk", "title"))


def _motion_names(motions: list[Motion]) -> dict[int, str]:
    """How the file names each motion: its title, or its id where the title is not unique."""
    titles: dict[str, int] = {}
    for motion in motions:
        titles[motion.title] = titles.get(motion.title, 0) + 1
    return {m.pk: m.title if titles[m.title] == 1 else str(m.pk) for m in motions}


def export_csv(network: Network) -> str:
    """The network's work plan as CSV text, cells defused against spreadsheet formulas."""
    names = _motion_names(_motions(network))
    items = (
        WorkItem.objects.filter(network=network)
        .select_related("owner__organisation", "person")
        .prefetch_related("milestones", "ideas")
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for item in items:
        row = [
            item.pk,
            item.title,
            item.description,
            item.owner.organisation.name,
            item.person.email if item.person else "",
            item.deadline.isoformat(),
            item.status,
            item.progress,
            names.get(item.adopted_by_id, "") if item.adopted_by_id else "",
            " ".join(str(idea.pk) for idea in item.ideas.all()),
            _milestone_lines(item),
        ]
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def read_csv(data: bytes) -> list[dict[str, str]]:
    """Decode an uploaded CSV file into rows keyed by column name; refuse what is not one."""
    return spreadsheets.read_csv(
        data, required=REQUIRED, columns=COLUMNS, max_rows=MAX_ROWS, max_bytes=MAX_BYTES
    )


def _unquote(cell: str) -> str:
    """Undo the export's defusing apostrophe, so an export imports back unchanged."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@") else cell


def _date(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def _milestones(raw: str, line: int, errors: list[RowError]) -> list[Milestone]:
    found = []
    for text in raw.splitlines():
        text = _unquote(text.strip())
        if not text:
            continue
        match = MILESTONE.match(text)
        if match is None:
            errors.append(
                RowError(line, "milestones", _("“%(text)s” is no milestone") % {"text": text})
            )
            continue
        due = _date(match["due"]) if match["due"] else None
        if match["due"] and due is None:
            errors.append(
                RowError(line, "milestones", _("“%(date)s” is no date") % {"date": match["due"]})
            )
            continue
        found.append(
            Milestone(
                title=match["title"].strip()[:200],
                due=due,
                done=bool(match["done"]) and match["done"].strip()[1] in "xX",
            )
        )
    return found


def _motion(raw: str, line: int, motions: list[Motion], errors: list[RowError]) -> Motion | None:
    """The motion a row's adopted_by names: by id, or by its exact title when only one motion
    of the network has it."""
    if not raw:
        return None
    if raw.isdigit():
        found = [m for m in motions if m.pk == int(raw)]
    else:
        found = [m for m in motions if m.title == raw]
    if len(found) == 1:
        return found[0]
    errors.append(
        RowError(
            line,
            "adopted_by",
            _("several motions are titled “%(title)s”; give the motion's id") % {"title": raw}
            if found
            else _("no motion “%(motion)s” in this partnership's assemblies") % {"motion": raw},
        )
    )
    return None


def _check_row(
    row: dict[str, str],
    line: int,
    network: Network,
    existing: dict[int, WorkItem],
    owners: dict[str, Any],
    people: dict[str, User],
    motions: list[Motion],
    errors: list[RowError],
) -> tuple[WorkItem, list[Milestone] | None] | None:
    before = len(errors)
    item = WorkItem(network=network, status=WorkItem.Status.PLANNED, progress=0)
    if row.get("id"):
        pk = int(row["id"]) if row["id"].isdigit() else None
        if pk is None or pk not in existing:
            errors.append(
                RowError(line, "id", _("no item %(id)s in this work plan") % {"id": row["id"]})
            )
        else:
            item = existing[pk]
    item.title = _unquote(row.get("title", ""))[:200]
    item.description = _unquote(row.get("description", ""))
    owner = owners.get(_unquote(row.get("owner", "")).lower())
    if owner is None:
        errors.append(
            RowError(
                line,
                "owner",
                _("“%(name)s” is not a member of %(network)s")
                % {"name": row.get("owner", ""), "network": network},
            )
        )
    else:
        item.owner = owner
    email = row.get("person", "").lower()
    item.person = people.get(email) if email else None
    if email and item.person is None:
        errors.append(
            RowError(line, "person", _("nobody has the address %(email)s") % {"email": email})
        )
    deadline = _date(row.get("deadline", ""))
    if deadline is None:
        errors.append(RowError(line, "deadline", _("a date as YYYY-MM-DD is needed")))
    else:
        item.deadline = deadline
    if row.get("status"):
        item.status = row["status"].lower()
    progress = row.get("progress", "")
    if progress:
        if progress.isdigit():
            item.progress = int(progress)
        else:
            errors.append(RowError(line, "progress", _("a whole number from 0 to 100")))
    item.adopted_by = _motion(_unquote(row.get("adopted_by", "")).strip(), line, motions, errors)
    if owner is not None:
        for field, message in check_item(
            network,
            title=item.title,
            owner=owner,
            progress=item.progress,
            status=item.status,
        ).items():
            errors.append(RowError(line, field, message.rstrip(".")))
    milestones = _milestones(row["milestones"], line, errors) if "milestones" in row else None
    return (item, milestones) if len(errors) == before else None


def import_items(*, network: Network, rows: list[dict[str, str]], by: Any) -> ImportResult:
    """Create the rows without an id and update those with one, with their milestones when the
    file has the column; nothing at all when any row is wrong."""
    require_runs(network, by)
    existing = {item.pk: item for item in WorkItem.objects.filter(network=network)}
    owners = {
        cluster.organisation.name.lower(): cluster
        for cluster in network.clusters.select_related("organisation")
    }
    emails = {row.get("person", "").lower() for row in rows} - {""}
    people = {user.email.lower(): user for user in User.objects.filter(email__in=emails)}
    motions = _motions(network)
    errors: list[RowError] = []
    checked: list[tuple[WorkItem, list[Milestone] | None]] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        line = index + 2
        if row.get("id"):
            if row["id"] in seen:
                errors.append(
                    RowError(
                        line,
                        "id",
                        _("item %(id)s is already on row %(row)s")
                        % {"id": row["id"], "row": seen[row["id"]]},
                    )
                )
                continue
            seen[row["id"]] = line
        result = _check_row(row, line, network, existing, owners, people, motions, errors)
        if result is not None:
            checked.append(result)
    if errors:
        raise WorkPlanImportError(errors)
    created = updated = 0
    with transaction.atomic():
        for item, milestones in checked:
            if item.pk is None:
                created += 1
            else:
                updated += 1
            item.save()
            if milestones is not None:
                item.milestones.all().delete()
                for milestone in milestones:
                    milestone.item = item
                Milestone.objects.bulk_create(milestones)
        record(
            action="assembly.work_plan_imported",
            actor=by,
            network=network.pk,
            created=created,
            updated=updated,
        )
    return ImportResult(created=created, updated=updated)
