"""The base module for spreadsheet cells: defusing formulas, and reading small CSV uploads with
fixed columns (the exhibitors and the work plan share this reader)."""

import pytest
from django.core.exceptions import ValidationError

from matchfair.spreadsheets import read_csv, safe_cell

COLUMNS = ("code", "name", "note")


def read(data: bytes, **limits):
    return read_csv(data, required=("code", "name"), columns=COLUMNS, max_rows=3, **limits)


def test_safe_cell_defuses_formulas_only():
    assert [safe_cell(v) for v in ("=1+1", "@SUM", "plain", 5)] == ["'=1+1", "'@SUM", "plain", 5]


def test_read_csv_takes_commas_semicolons_tabs_and_a_bom():
    rows = [
        read(b"Code,Name\nA1, Ana \n"),
        read("\ufeffcode;name\nA1;Ana\n".encode()),
        read(b"code\tname\tnote\nA1\tAna\t\n"),
    ]
    assert rows == [
        [{"code": "A1", "name": "Ana"}],
        [{"code": "A1", "name": "Ana"}],
        [{"code": "A1", "name": "Ana", "note": ""}],
    ]


@pytest.mark.parametrize(
    ("data", "limits", "message"),
    [
        (b"code\nA1\n", {}, "Missing columns: name."),
        (b"code,name,price\nA1,Ana,3\n", {}, "Unknown columns: price."),
        (b"code,name\n", {}, "The file has no rows."),
        (b"code,name\n1,a\n2,b\n3,c\n4,d\n", {}, "At most 3 rows at a time."),
        (b"\xff\xfe\x00c", {}, "The file is not UTF-8 text."),
        (b"code,name\n\x00,a\n", {}, "The file is not a CSV text file."),
        (b"code,name\n" + b"x" * 1_000_000, {}, "The file is larger than 1 MB."),
        (b"code,name\n" + b"x" * 1_500_000, {"max_bytes": 1_500_000}, "larger than 1.5 MB."),
    ],
)
def test_read_csv_refuses_with_the_reason(data, limits, message):
    with pytest.raises(ValidationError) as refused:
        read(data, **limits)
    assert message in refused.value.messages[0]
