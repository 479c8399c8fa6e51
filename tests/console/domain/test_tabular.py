"""Reading a participant list from CSV or XLSX, and guessing its columns:
`console.domain.tabular`."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from matchfair.console.domain import tabular


def test_the_columns_are_guessed_from_their_headers():
    headers = [
        "E-mail",
        "Name",
        "Company",
        "Type",
        "Country",
        "Position",
        "Phone",
        "Interests",
        "Topics",
        "Notes",
    ]
    mapping = tabular.guess_mapping(headers)
    assert mapping == {
        "email": 0,
        "full_name": 1,
        "organisation": 2,
        "organisation_type": 3,
        "country": 4,
        "job_title": 5,
        "phone": 6,
        "headline": 7,
        "domains": 8,
    }


def test_normalise_header_lowers_and_joins_separators():
    assert tabular.normalise_header("  E_Mail-Address: ") == "e mail address"


def test_guess_mapping_prefers_exact_names_and_uses_each_column_once():
    assert (
        tabular.guess_mapping(["Contact e-mail", "Name"]),
        tabular.guess_mapping(["Name", "Company name"]),
        tabular.guess_mapping(["Favourite colour"]),
    ) == ({"email": 0, "full_name": 1}, {"full_name": 0, "organisation": 1}, {})


def test_read_csv_numbers_rows_as_a_spreadsheet_and_pads_short_ones():
    headers, rows = tabular.read_csv(b"email,name,phone\n\nana@example.org,Ana Petrova\n")
    assert (headers, rows) == (
        ["email", "name", "phone"],
        [{"number": 3, "cells": ["ana@example.org", "Ana Petrova", ""]}],
    )


def test_read_csv_reads_semicolons_and_names_an_unnamed_column():
    headers, rows = tabular.read_csv(b"email;name;\nana@example.org;Ana Petrova;\n")
    assert (headers, rows) == (
        ["email", "name", "Column 3"],
        [{"number": 2, "cells": ["ana@example.org", "Ana Petrova", ""]}],
    )


def test_read_csv_without_rows_is_refused():
    with pytest.raises(ValidationError, match="The file holds no rows"):
        tabular.read_csv(b"\n\n")


def test_read_csv_with_a_header_only_is_refused():
    with pytest.raises(ValidationError, match="a header row but no people"):
        tabular.read_csv(b"email,name\n")


def test_read_csv_wider_than_the_limit_is_refused():
    header = ",".join(f"c{n}" for n in range(tabular.MAX_COLUMNS + 1))
    with pytest.raises(ValidationError, match="61 columns; at most 60 are read"):
        tabular.read_csv(f"{header}\n{header}\n".encode())


def test_read_csv_longer_than_the_limit_is_refused():
    body = "a@example.org,A\n" * (tabular.MAX_ROWS + 1)
    with pytest.raises(ValidationError, match="import at most 5000 at a time"):
        tabular.read_csv(f"email,name\n{body}".encode())


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_read_xlsx_turns_cells_into_text_and_drops_empty_trailing_cells():
    data = xlsx(
        [
            ["email", "phone", "since", "active", None],
            ["ola@example.org", 4722334455, dt.date(2026, 1, 2), True, None],
        ]
    )
    assert tabular.read_xlsx(data) == (
        ["email", "phone", "since", "active"],
        [{"number": 2, "cells": ["ola@example.org", "4722334455", "2026-01-02T00:00:00", "yes"]}],
    )


def test_read_table_reads_both_kinds_and_refuses_others():
    data = b"email,name\nana@example.org,Ana Petrova\n"
    with pytest.raises(ValueError, match="unknown kind 'pdf'"):
        tabular.read_table(data, "pdf")
    assert tabular.read_table(data, "csv") == tabular.read_csv(data)
    assert tabular.read_table(xlsx([["email"], ["ana@example.org"]]), "xlsx") == (
        ["email"],
        [{"number": 2, "cells": ["ana@example.org"]}],
    )
