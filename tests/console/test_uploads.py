"""The upload check: size limit, allowed extension, and content that matches the extension."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from matchfair.uploads import UploadValidator, check_upload, decode_text


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active.append(["email"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def check(name, data, max_bytes=1000):
    return check_upload(SimpleUploadedFile(name, data), max_bytes=max_bytes, kinds=("csv", "xlsx"))


def test_accepts_csv_and_xlsx():
    assert check("people.csv", b"email\nana@example.org\n") == "csv"
    assert check("People.XLSX", xlsx_bytes(), max_bytes=100_000) == "xlsx"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("people.csv", b"x" * 1001, "too_large"),
        ("people.exe", b"email\n", "extension"),
        ("people", b"email\n", "extension"),
        ("people.csv", b"", "empty"),
        ("people.xlsx", b"email\nana@example.org\n", "content"),
        ("people.csv", b"PK\x03\x04\x00\x00binary", "content"),
        ("people.csv", b"\x81\x8d\x8f\x90\x9d", "content"),
    ],
)
def test_refuses(name, data, code):
    with pytest.raises(ValidationError) as refused:
        check(name, data)
    assert refused.value.code == code


def test_a_zip_that_is_no_workbook_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ValidationError) as refused:
        check("people.xlsx", buffer.getvalue(), max_bytes=100_000)
    assert refused.value.code == "content"


def test_decodes_utf8_with_bom_and_cp1252():
    assert decode_text("\ufeffJosé".encode()) == "José"
    assert decode_text("José Müller".encode("cp1252")) == "José Müller"


def test_validator_for_form_fields_says_what_is_wrong():
    validator = UploadValidator(max_bytes=10, kinds=("csv",))
    with pytest.raises(ValidationError, match="at most"):
        validator(SimpleUploadedFile("a.csv", b"x" * 11))
    assert validator == UploadValidator(max_bytes=10, kinds=["csv"])
