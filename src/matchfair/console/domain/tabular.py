"""Reading a participant list from CSV or XLSX into rows of text, and guessing which column holds
which field.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first person row 2.
"""

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair.uploads import decode_text

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # an XLSX is a zip: refuse one that unpacks to more
KINDS = ("csv", "xlsx")


@dataclass(frozen=True)
class Field:
    key: str
    label: Any
    required: bool
    max_length: int | None
    aliases: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field(
        "email",
        gettext_lazy("E-mail"),
        True,
        254,
        ("email", "e mail", "mail", "email address", "e mail address", "correo"),
    ),
    Field(
        "full_name",
        gettext_lazy("Full name"),
        True,
        150,
        ("full name", "name", "fullname", "participant", "person", "contact", "contact name"),
    ),
    Field(
        "organisation",
        gettext_lazy("Organisation"),
        False,
        200,
        ("organisation", "organization", "company", "institution", "employer", "entity"),
    ),
    Field(
        "organisation_type",
        gettext_lazy("Organisation type"),
        False,
        None,
        ("organisation type", "organization type", "type", "kind", "company type", "category"),
    ),
    Field("country", gettext_lazy("Country"), False, None, ("country", "country code", "nation")),
    Field(
        "job_title",
        gettext_lazy("Job title"),
        False,
        150,
        ("job title", "title", "position", "role", "function", "job"),
    ),
    Field(
        "phone",
        gettext_lazy("Phone"),
        False,
        40,
        ("phone", "telephone", "mobile", "tel", "phone number", "mobile phone"),
    ),
    Field(
        "headline",
        gettext_lazy("Headline"),
        False,
        200,
        ("headline", "interest", "interests", "looking for", "what do you come for"),
    ),
    Field(
        "description",
        gettext_lazy("Description"),
        False,
        None,
        ("description", "about", "profile", "bio", "presentation"),
    ),
    Field(
        "domains",
        gettext_lazy("Domains"),
        False,
        None,
        ("domains", "domain", "topics", "sectors", "themes", "areas"),
    ),
)
FIELDS_BY_KEY = {field.key: field for field in FIELDS}


def normalise_header(text: str) -> str:
    return re.sub(r"[\s_\-.:]+", " ", text.strip().lower()).strip()


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """For each field, the index of the column that most likely holds it (exact names first,
    then columns whose name contains an alias); each column is used once."""
    normalised = [normalise_header(header) for header in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for field in FIELDS:
            if field.key in mapping:
                continue
            for alias in field.aliases:
                match = next(
                    (
                        index
                        for index, header in enumerate(normalised)
                        if index not in used
                        and header
                        and (header == alias if exact else len(alias) > 3 and alias in header)
                    ),
                    None,
                )
                if match is not None:
                    mapping[field.key] = match
                    used.add(match)
                    break
    return mapping


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _table(records: list[tuple[int, list[str]]]) -> tuple[list[str], list[dict[str, Any]]]:
    """Headers from the first non-empty record; then the non-empty records with their numbers."""
    records = [(number, cells) for number, cells in records if any(cells)]
    if not records:
        raise ValidationError(_("The file holds no rows."), code="no_rows")
    _header_number, headers = records[0]
    if len(headers) > MAX_COLUMNS:
        raise ValidationError(
            _("The file has %(count)d columns; at most %(limit)d are read.")
            % {"count": len(headers), "limit": MAX_COLUMNS},
            code="too_wide",
        )
    body = records[1:]
    if not body:
        raise ValidationError(_("The file has a header row but no people."), code="no_rows")
    if len(body) > MAX_ROWS:
        raise ValidationError(
            _("The file has %(count)d rows; import at most %(limit)d at a time.")
            % {"count": len(body), "limit": MAX_ROWS},
            code="too_long",
        )
    width = len(headers)
    rows = [{"number": number, "cells": (cells + [""] * width)[:width]} for number, cells in body]
    headers = [
        header or _("Column %(number)d") % {"number": index + 1}
        for index, header in enumerate(headers)
    ]
    return headers, rows


def read_csv(data: bytes) -> tuple[list[str], list[dict[str, Any]]]:
    text = decode_text(data)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    records: list[tuple[int, list[str]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            records.append((number, [cell.strip() for cell in cells]))
            if number > MAX_ROWS + 50:
                break
    except csv.Error as error:
        raise ValidationError(
            _("The CSV file cannot be read: %(error)s") % {"error": error}, code="csv"
        ) from error
    return _table(records)


def read_xlsx(data: bytes) -> tuple[list[str], list[dict[str, Any]]]:
    from openpyxl import load_workbook  # noqa: PLC0415 (slow import)

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(item.file_size for item in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("The XLSX file unpacks to more than %(limit)d MB; split it into smaller files.")
            % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)},
            code="too_large",
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a malformed workbook
        raise ValidationError(
            _("The XLSX file cannot be read; save it again from your spreadsheet."), code="xlsx"
        ) from error
    sheet = workbook.worksheets[0]
    if sheet.max_row > MAX_ROWS + 50:
        raise ValidationError(
            _("The file has %(count)d rows; import at most %(limit)d at a time.")
            % {"count": sheet.max_row - 1, "limit": MAX_ROWS},
            code="too_long",
        )
    records = [
        (number, [_cell_text(value) for value in values])
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]
    for index, (number, cells) in enumerate(records):
        while cells and not cells[-1]:
            cells.pop()
        records[index] = (number, cells)
    return _table(records)


def read_table(data: bytes, kind: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The headers and the numbered rows of a CSV or XLSX file; ValidationError when unreadable."""
    if kind == "xlsx":
        return read_xlsx(data)
    if kind == "csv":
        return read_csv(data)
    raise ValueError(f"unknown kind {kind!r}")
