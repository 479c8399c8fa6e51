"""Reading CORDIS's published `project.csv` and `organization.csv` (`;`-separated, the columns as
CORDIS names them) into typed rows; every error names its file, row and column.

Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

PROJECT_COLUMNS = (
    "id",
    "acronym",
    "status",
    "title",
    "topics",
    "frameworkProgramme",
    "fundingScheme",
    "objective",
)
ORGANISATION_COLUMNS = (
    "projectID",
    "organisationID",
    "vatNumber",
    "name",
    "shortName",
    "SME",
    "activityType",
    "country",
    "role",
)
# CORDIS writes Greece and the United Kingdom as the EU does, not as ISO 3166.
COUNTRIES = {"EL": "GR", "UK": "GB"}
_NOT_ALNUM = re.compile(r"[^A-Z0-9]")


@dataclass(frozen=True)
class ProjectRow:
    cordis_id: str
    acronym: str
    status: str
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    topics: str
    programme: str
    funding_scheme: str
    objective: str


@dataclass(frozen=True)
class ParticipationRow:
    project_id: str
    cordis_organisation_id: str
    name: str
    short_name: str
    vat_number: str
    sme: bool | None
    activity_type: str
    country: str
    role: str


class CordisError(ValueError):
    def __init__(self, errors: Sequence[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = list(errors)


def normalise_vat(value: str) -> str:
    return _NOT_ALNUM.sub("", value.upper())


def _rows(
    text: str, file: str, required: Sequence[str], errors: list[str]
) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    missing = [column for column in required if column not in (reader.fieldnames or [])]
    if missing:
        errors.append(f"{file}: row 1: missing columns {', '.join(missing)}")
        return []
    # line_num counts physical lines; a quoted objective spans several, so number records instead.
    return [(index, row) for index, row in enumerate(reader, start=2)]


def _date(value: str, where: str, errors: list[str]) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        errors.append(f"{where}: is not a date, got {value!r}")
        return None


def read_projects(text: str, *, file: str = "project.csv") -> list[ProjectRow]:
    errors: list[str] = []
    projects = []
    for number, row in _rows(text, file, PROJECT_COLUMNS, errors):
        where = f"{file}: row {number}"
        cordis_id = (row.get("id") or "").strip()
        if not cordis_id:
            errors.append(f"{where}: id: is empty")
            continue
        if not (row.get("title") or "").strip():
            errors.append(f"{where}: title: is empty")
            continue
        projects.append(
            ProjectRow(
                cordis_id=cordis_id,
                acronym=(row.get("acronym") or "").strip(),
                status=(row.get("status") or "").strip(),
                title=row["title"].strip(),
                start_date=_date(row.get("startDate") or "", f"{where}: startDate", errors),
                end_date=_date(row.get("endDate") or "", f"{where}: endDate", errors),
                topics=(row.get("topics") or "").strip(),
                programme=(row.get("frameworkProgramme") or "").strip(),
                funding_scheme=(row.get("fundingScheme") or "").strip(),
                objective=(row.get("objective") or "").strip(),
            )
        )
    if errors:
        raise CordisError(errors)
    return projects


def _sme(value: str, where: str, errors: list[str]) -> bool | None:
    value = value.strip().lower()
    if value in ("", "null"):
        return None
    if value in ("true", "false"):
        return value == "true"
    errors.append(f"{where}: SME: must be true or false, got {value!r}")
    return None


def read_participations(text: str, *, file: str = "organization.csv") -> list[ParticipationRow]:
    errors: list[str] = []
    participations = []
    for number, row in _rows(text, file, ORGANISATION_COLUMNS, errors):
        where = f"{file}: row {number}"
        before = len(errors)
        for column in ("projectID", "organisationID", "name"):
            if not (row.get(column) or "").strip():
                errors.append(f"{where}: {column}: is empty")
        country = (row.get("country") or "").strip().upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            errors.append(f"{where}: country: must be a two-letter code, got {country!r}")
        sme = _sme(row.get("SME") or "", where, errors)
        if len(errors) > before:
            continue
        participations.append(
            ParticipationRow(
                project_id=row["projectID"].strip(),
                cordis_organisation_id=row["organisationID"].strip(),
                name=row["name"].strip(),
                short_name=(row.get("shortName") or "").strip(),
                vat_number=normalise_vat(row.get("vatNumber") or ""),
                sme=sme,
                activity_type=(row.get("activityType") or "").strip(),
                country=COUNTRIES.get(country, country),
                role=(row.get("role") or "").strip(),
            )
        )
    if errors:
        raise CordisError(errors)
    return participations
