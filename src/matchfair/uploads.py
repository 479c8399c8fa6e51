"""Checking uploaded files before anything reads them: a size limit, and a type that is allowed
both by the file name's extension and by what the content really is.

    kind = check_upload(request.FILES["file"], max_bytes=2 * 1024 * 1024, kinds=("csv", "xlsx"))

`UploadValidator` wraps the same check for a form field's `validators`. Text files are decoded
with `decode_text`, which accepts UTF-8 (with or without a byte-order mark) and Windows-1252.
"""

import io
import zipfile
from collections.abc import Callable, Iterable
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

TEXT_ENCODINGS = ("utf-8-sig", "cp1252")


def decode_text(data: bytes) -> str:
    """The text of `data`; ValidationError when it is binary or in an unknown encoding."""
    if b"\x00" in data:
        raise ValidationError(_("The file is not a text file."), code="binary")
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        _("The file is neither UTF-8 nor Windows-1252 text; save it as UTF-8 CSV."),
        code="encoding",
    )


def _is_text(data: bytes) -> bool:
    try:
        decode_text(data)
    except ValidationError:
        return False
    return True


def _is_xlsx(data: bytes) -> bool:
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        return False
    try:
        with zipfile.ZipFile(buffer) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def _is_jpeg(data: bytes) -> bool:
    return data.startswith(b"\xff\xd8\xff")


def _is_png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n")


def _is_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def _is_pdf(data: bytes) -> bool:
    # The header may follow a little junk (the PDF reference allows it within the first 1024 bytes).
    return b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:]


SNIFFERS: dict[str, Callable[[bytes], bool]] = {
    "csv": _is_text,
    "txt": _is_text,
    "xlsx": _is_xlsx,
    "jpg": _is_jpeg,
    "jpeg": _is_jpeg,
    "png": _is_png,
    "webp": _is_webp,
    "pdf": _is_pdf,
}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_all(upload: Any) -> bytes:
    """The bytes of an uploaded file (or any binary file object), from its start."""
    handle: IO[bytes] = upload
    if hasattr(handle, "seek"):
        handle.seek(0)
    data = handle.read()
    if hasattr(handle, "seek"):
        handle.seek(0)
    return data


def check_upload(upload: Any, *, max_bytes: int, kinds: Iterable[str]) -> str:
    """The kind (an extension in `kinds`) of the uploaded file; ValidationError when the file is
    empty, too large, or its name or content is not one of `kinds`."""
    allowed = tuple(kinds)
    unknown = [kind for kind in allowed if kind not in SNIFFERS]
    if unknown:
        raise ValueError(f"no content check for: {unknown}")
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s is accepted.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    kind = extension_of(getattr(upload, "name", "") or "")
    if kind not in allowed:
        raise ValidationError(
            _("Upload a file of one of these types: %(kinds)s.")
            % {"kinds": ", ".join(f".{kind}" for kind in allowed)},
            code="extension",
        )
    data = read_all(upload)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s is accepted.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    if not SNIFFERS[kind](data):
        raise ValidationError(
            _("The file is called .%(kind)s but its content is not a %(kind)s file.")
            % {"kind": kind},
            code="content",
        )
    return kind


@deconstructible
class UploadValidator:
    """A form field validator running `check_upload`."""

    def __init__(self, *, max_bytes: int, kinds: Iterable[str]) -> None:
        self.max_bytes = max_bytes
        self.kinds = tuple(kinds)

    def __call__(self, upload: Any) -> None:
        check_upload(upload, max_bytes=self.max_bytes, kinds=self.kinds)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UploadValidator)
            and other.max_bytes == self.max_bytes
            and other.kinds == self.kinds
        )
