"""Cells bound for a CSV or XLSX file: text a spreadsheet would run as a formula is defused.

Every export (participants, meetings, statistics, contacts) writes its cells through
`safe_cell`, so a name such as "=HYPERLINK(…)" arrives as text, not as a formula.
"""

from typing import Any

# A cell starting with one of these is a formula (or a DDE payload) to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value, with a leading apostrophe when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
