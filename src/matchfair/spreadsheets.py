"""Cells bound for a CSV or XLSX file, and small CSV files read back.

Every export (participants, meetings, statistics, contacts) writes its cells through
`safe_cell`, so a name such as "=HYPERLINK(…)" arrives as text, not as a formula. `read_csv`
reads the small uploads that have fixed columns (exhibitors, the work plan); the participant
import, with its column mapping, has its own reader in the console.
"""

import csv
import io
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A cell starting with one of these is a formula (or a DDE payload) to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, with a leading apostrophe when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def read_csv(
    data: bytes,
    *,
    required: Collection[str],
    columns: Collection[str],
    max_rows: int,
    max_bytes: int = 1_000_000,
) -> list[dict[str, str]]:
    """Decode an uploaded CSV file into rows keyed by lower-case column name; refuse what is not
    one, a missing `required` column, a column not in `columns`, an empty file and more than
    `max_rows` rows. Commas, semicolons and tabs are recognised, and a byte-order mark."""
    if len(data) > max_bytes:
        raise ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": f"{max_bytes / 1_000_000:g}"}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not UTF-8 text.")) from error
    if "\x00" in text:
        raise ValidationError(_("The file is not a CSV text file."))
    dialect: Any
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in required if name not in header]
    if missing:
        raise ValidationError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    unknown = [name for name in header if name not in columns]
    if unknown:
        raise ValidationError(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    reader.fieldnames = header
    rows = [
        {key: (value or "").strip() for key, value in row.items() if key is not None}
        for row in reader
    ]
    if len(rows) > max_rows:
        raise ValidationError(_("At most %(count)s rows at a time.") % {"count": max_rows})
    if not rows:
        raise ValidationError(_("The file has no rows."))
    return rows
