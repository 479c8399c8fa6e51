"""The PDFs' font comes from the installed fontpkg-fira-sans package and prints Bulgarian.

The PDFs are read back with a small parser of ReportLab's uncompressed output: each string drawn
is decoded through the ToUnicode map of the font that draws it. ReportLab gives a letter the
font lacks code 0 (its empty box) with no entry in that map, so a font without Cyrillic reads
back as NULs, not as the text.
"""

import importlib.resources
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import reportlab
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

import matchfair
from matchfair.reports.domain.badges import badges_pdf, table_signs_pdf
from matchfair.reports.domain.pdf import (
    BOLD,
    FONT,
    agendas_pdf,
    font_files,
    new_canvas,
    tables_pdf,
)
from matchfair.visits.domain.day import member_days
from matchfair.visits.models import Delegation, DelegationMember
from matchfair.visits.pdf import itinerary_pdf

SENTENCE = "Среща с Иван Петров, зала 2"
BULGARIAN = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюяЍѝ"
PACKAGE = Path(str(importlib.resources.files("fontpkg_fira_sans")))
SYSTEM_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
REGULAR_FACE, BOLD_FACE = "FiraSans-Regular", "FiraSans-Bold"


# --- a reader of ReportLab's uncompressed PDFs ------------------------------------------------


@dataclass(frozen=True)
class Embedded:
    face: str  # the PostScript name, without the subset tag ("FiraSans-Regular")
    to_unicode: dict[int, str]
    font_file: bytes  # the embedded TrueType subset (FontFile2)


@dataclass(frozen=True)
class Run:
    face: str
    codes: bytes
    text: str


OPENED = re.compile(rb"(\d+) 0 obj\s*")
KEYWORD = re.compile(rb"(?<![A-Za-z])(?:(stream)\r?\n|endobj)")  # not the end of "Bitstream"


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Each object's dictionary and stream, found through the cross-reference table."""
    start = int(re.search(rb"startxref\s+(\d+)", pdf[-100:]).group(1))
    header = re.match(rb"xref\s+0 (\d+)\s+", pdf[start:])
    entries = pdf[start + header.end() :].split(b"\n")[: int(header.group(1))]
    found: dict[int, tuple[bytes, bytes | None]] = {}
    for number, entry in enumerate(entries):
        if not entry.rstrip().endswith(b"n"):
            continue
        offset = int(entry[:10])
        opened = OPENED.match(pdf, offset)
        assert opened and int(opened.group(1)) == number, entry
        body = opened.end()
        keyword = KEYWORD.search(pdf, body)  # the dictionary ends at the first of the two
        dictionary = pdf[body : keyword.start()]
        if keyword.group(1):
            length = int(re.search(rb"/Length (\d+)", dictionary).group(1))
            found[number] = (dictionary, pdf[keyword.end() : keyword.end() + length])
        else:
            found[number] = (dictionary, None)
    return found


def _ref(dictionary: bytes, key: bytes) -> int:
    return int(re.search(rb"/" + key + rb" (\d+) 0 R", dictionary).group(1))


def _unescape(literal: bytes) -> bytes:
    escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

    def one(match: re.Match[bytes]) -> bytes:
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8)])
        return escapes.get(escaped, escaped)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, literal, flags=re.S)


def read_pdf(pdf: bytes) -> tuple[list[Run], dict[str, Embedded]]:
    """The strings drawn, in order, and the embedded TrueType fonts by resource name."""
    assert pdf.startswith(b"%PDF"), "not a PDF"
    objects = _objects(pdf)
    fonts: dict[str, Embedded] = {}
    for dictionary, _stream in objects.values():
        if b"/Subtype /TrueType" not in dictionary:
            continue
        name = re.search(rb"/Name /(\S+)", dictionary).group(1).decode()
        face = re.search(rb"/BaseFont /[A-Z]{6}\+(\S+)", dictionary).group(1).decode()
        cmap = objects[_ref(dictionary, b"ToUnicode")][1] or b""
        pairs = re.findall(rb"<([0-9A-F]{2})> <([0-9A-F]{4})>", cmap)
        descriptor = objects[_ref(dictionary, b"FontDescriptor")][0]
        font_file = objects[_ref(descriptor, b"FontFile2")][1] or b""
        fonts[name] = Embedded(
            face, {int(code, 16): chr(int(char, 16)) for code, char in pairs}, font_file
        )
    runs: list[Run] = []
    for dictionary, _stream in objects.values():
        if not re.search(rb"/Type /Page\b(?!s)", dictionary):
            continue
        content = objects[_ref(dictionary, b"Contents")][1] or b""
        current = None
        for match in re.finditer(
            rb"/(\S+) [\d.]+ Tf|\(((?:\\.|[^\\()])*)\) Tj", content, flags=re.S
        ):
            if match.group(1) is not None:
                current = match.group(1).decode()
                continue
            assert current in fonts, f"text drawn in {current}, a font that is not embedded"
            font = fonts[current]
            codes = _unescape(match.group(2))
            text = "".join(font.to_unicode.get(code, "\ufffd") for code in codes)
            runs.append(Run(font.face, codes, text))
    return runs, fonts


def packaged(face: str) -> Path:
    return PACKAGE / "files" / f"{face}.ttf"


def assert_is_the_packaged_font(embedded: Embedded) -> None:
    """The subset ReportLab embeds keeps the font's own name and OS/2 tables byte for byte."""
    inside, original = (
        TTFontFile(io.BytesIO(embedded.font_file)),
        TTFontFile(packaged(embedded.face)),
    )
    for table in ("name", "OS/2"):
        assert inside.get_table(table) == original.get_table(table), (embedded.face, table)


def bulgarian_canvas_pdf() -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, title=SENTENCE, compress=False)
    canvas.setFont(FONT, 12)
    canvas.drawString(50, 700, SENTENCE)
    canvas.setFont(BOLD, 12)
    canvas.drawString(50, 680, SENTENCE)
    canvas.save()
    return buffer.getvalue()


# --- where the font comes from ----------------------------------------------------------------


def test_the_regular_and_bold_files_are_the_installed_packages_fira_sans():
    regular, bold = font_files()
    assert (regular, bold) == (packaged(REGULAR_FACE), packaged(BOLD_FACE))
    assert (TTFontFile(regular).name, TTFontFile(bold).name) == (
        b"FiraSans-Regular",
        b"FiraSans-Bold",
    )
    assert not any(str(path).startswith(SYSTEM_FONT_DIRS) for path in (regular, bold))


def test_every_bulgarian_letter_has_a_glyph_in_both_faces():
    for path in font_files():
        glyphs = TTFontFile(path).charToGlyph
        missing = [letter for letter in BULGARIAN + SENTENCE if not glyphs.get(ord(letter))]
        assert missing == [], (path.name, missing)


def test_the_override_setting_still_picks_a_font_and_its_bold_beside_it(tmp_path):
    shutil.copy(packaged(REGULAR_FACE), tmp_path / "House.ttf")
    with override_settings(REPORTS_PDF_FONT=str(tmp_path / "House.ttf")):
        alone = font_files()
        shutil.copy(packaged(BOLD_FACE), tmp_path / "House-Bold.ttf")
        paired = font_files()
    shutil.copy(packaged(REGULAR_FACE), tmp_path / "Other-Regular.ttf")
    shutil.copy(packaged(BOLD_FACE), tmp_path / "Other-Bold.ttf")
    with override_settings(REPORTS_PDF_FONT=str(tmp_path / "Other-Regular.ttf")):
        named = font_files()
    assert (alone, paired, named) == (
        (tmp_path / "House.ttf", tmp_path / "House.ttf"),
        (tmp_path / "House.ttf", tmp_path / "House-Bold.ttf"),
        (tmp_path / "Other-Regular.ttf", tmp_path / "Other-Bold.ttf"),
    )


def test_an_override_naming_no_file_is_an_error_not_a_silent_other_font(tmp_path):
    with (
        override_settings(REPORTS_PDF_FONT=str(tmp_path / "Missing.ttf")),
        pytest.raises(ImproperlyConfigured, match=r"Missing\.ttf"),
    ):
        font_files()


def test_only_the_pdf_module_makes_canvases_or_registers_fonts():
    """Agendas, badges, table signs, itineraries and assembly minutes all draw on `new_canvas`,
    with its fonts, and no module names a system font directory."""
    root = Path(matchfair.__file__).parent
    sources = {path.relative_to(root).as_posix(): path.read_text() for path in root.rglob("*.py")}
    elsewhere = ("Canvas(", "registerFont", "TTFont(")
    found = sorted(
        f"{name}: {word}"
        for name, source in sources.items()
        for word in (*SYSTEM_FONT_DIRS, *(elsewhere if name != "reports/domain/pdf.py" else ()))
        if word in source
    )
    users = sorted(name for name, source in sources.items() if "new_canvas(" in source)
    assert (found, users) == (
        [],
        [
            "assembly/domain/minutes.py",
            "outcomes/pdf.py",
            "reports/domain/badges.py",
            "reports/domain/pdf.py",
            "visits/pdf.py",
        ],
    )


# --- what the PDFs hold -----------------------------------------------------------------------


def test_bulgarian_text_is_drawn_in_the_embedded_packaged_font():
    runs, fonts = read_pdf(bulgarian_canvas_pdf())
    assert [(run.face, run.text) for run in runs] == [
        (REGULAR_FACE, SENTENCE),
        (BOLD_FACE, SENTENCE),
    ]
    assert sorted(font.face for font in fonts.values()) == [BOLD_FACE, REGULAR_FACE]
    for font in fonts.values():
        assert_is_the_packaged_font(font)
    for run in runs:  # every code drawn is a real glyph of the embedded subset, not its box
        [font] = [font for font in fonts.values() if font.face == run.face]
        glyphs = TTFontFile(io.BytesIO(font.font_file)).charToGlyph
        assert all(glyphs.get(code) for code in run.codes), run


def test_the_reading_catches_a_font_without_cyrillic():
    """ReportLab's Vera has no Cyrillic: the same check reads empty boxes, not the sentence."""
    pdfmetrics.registerFont(
        TTFont("LatinOnly", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"))
    )
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, title="Latin only", compress=False)
    canvas.setFont("LatinOnly", 12)
    canvas.drawString(50, 700, SENTENCE)
    canvas.save()
    [run], _fonts = read_pdf(buffer.getvalue())
    boxes = re.sub(
        "[А-Яа-я]", "\x00", SENTENCE
    )  # "\x00\x00\x00\x00\x00 \x00 …, \x00\x00\x00\x00 2"
    assert (run.face, run.text) == ("BitstreamVeraSans-Roman", boxes)


def _bulgarian_world(world):
    world.event.name = SENTENCE
    world.event.save()
    user = world.ana.user
    user.full_name = "Иван Петров"
    user.save()
    user.organisation.name = "Техно ООД"
    user.organisation.save()
    table = world.tables[0]
    table.name = "Маса 1"
    table.save()
    return world


def _itinerary(world):
    delegation = Delegation.objects.create(
        event=world.event, cluster=world.lead.cluster, name="София"
    )
    member = DelegationMember.objects.create(delegation=delegation, registration=world.ana)
    return itinerary_pdf(member, member_days(member, viewer=world.ana.user), compress=False)


DOCUMENTS = {
    # document: (how to print it, what the regular face draws, what the bold face draws)
    "agendas": (
        lambda w: agendas_pdf(w.event, w.release, [w.ana], compress=False),
        [SENTENCE, "Техно ООД"],
        ["Agenda of Иван Петров", "Маса 1"],
    ),
    "table agendas": (
        lambda w: tables_pdf(w.event, w.release, [w.tables[0]], compress=False),
        [SENTENCE, "Иван Петров — Техно ООД, Bulgaria"],
        ["Agenda of Маса 1"],
    ),
    "badges": (
        lambda w: badges_pdf(w.event, [w.ana], compress=False),
        ["Техно ООД"],
        [SENTENCE, "Иван Петров"],
    ),
    "table signs": (
        lambda w: table_signs_pdf(w.event, w.tables[:1], compress=False),
        [SENTENCE],
        ["Маса 1"],
    ),
    "itinerary": (_itinerary, [f"{SENTENCE}, ", "Маса 1"], ["Иван Петров — "]),
}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_printed_document_sets_bulgarian_in_the_packaged_font(world, document):
    build, regular, bold = DOCUMENTS[document]
    runs, fonts = read_pdf(build(_bulgarian_world(world)))
    for face, texts in ((REGULAR_FACE, regular), (BOLD_FACE, bold)):
        drawn = [run.text for run in runs if run.face == face]
        for text in texts:
            assert any(text in line for line in drawn), (face, text, drawn)
    assert {run.face for run in runs} == {REGULAR_FACE, BOLD_FACE}
    for font in fonts.values():
        assert_is_the_packaged_font(font)


# --- in a fresh process, and with the system's fonts gone --------------------------------------

SCRIPT = r"""
import io, json, os, sys

SYSTEM = ("/usr/share/fonts", "/usr/local/share/fonts")
touched = []


def audit(event, args):
    path = args[0] if event == "open" and args else None
    if isinstance(path, (str, bytes, os.PathLike)) and os.fsdecode(path).startswith(SYSTEM):
        touched.append(os.fsdecode(path))


sys.addaudithook(audit)
import django

django.setup()
from matchfair.reports.domain.pdf import BOLD, FONT, font_files, new_canvas

buffer = io.BytesIO()
canvas = new_canvas(buffer, title="t", compress=False)
canvas.setFont(FONT, 12)
canvas.drawString(50, 700, sys.argv[1])
canvas.setFont(BOLD, 12)
canvas.drawString(50, 680, sys.argv[1])
canvas.save()
json.dump(
    {
        "files": [str(path) for path in font_files()],
        "touched": touched,
        "system_fonts": os.listdir(SYSTEM[0]) if os.path.isdir(SYSTEM[0]) else None,
        "pdf": buffer.getvalue().decode("latin-1"),
    },
    sys.stdout,
)
"""


def _run(prefix: list[str]) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "matchfair.settings_test"}
    done = subprocess.run(
        [*prefix, sys.executable, "-c", SCRIPT, SENTENCE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _assert_bulgarian_in_the_packaged_font(result: dict) -> None:
    assert [Path(path) for path in result["files"]] == [
        packaged(REGULAR_FACE),
        packaged(BOLD_FACE),
    ]
    runs, fonts = read_pdf(result["pdf"].encode("latin-1"))
    assert [(run.face, run.text) for run in runs] == [
        (REGULAR_FACE, SENTENCE),
        (BOLD_FACE, SENTENCE),
    ]
    for font in fonts.values():
        assert_is_the_packaged_font(font)


def test_a_fresh_process_reads_no_file_from_the_system_font_directories():
    """Every file opened while the fonts are found, registered and embedded is seen. (ReportLab
    lists those directories when imported, for a search path that fonts given by their full
    path, as ours are, never go through.)"""
    result = _run([])
    assert result["touched"] == []
    _assert_bulgarian_in_the_packaged_font(result)


def _mount_namespace() -> list[str]:
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed: no way to hide /usr/share/fonts")
    prefix = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True, check=False)
    if probe.returncode:
        pytest.skip(f"unshare cannot make a mount namespace here: {probe.stderr.strip()}")
    return prefix


def test_pdfs_print_bulgarian_with_the_system_fonts_hidden():
    """In a mount namespace of its own, empty tmpfs lie over the system's font directories."""
    hide = "set -e; " + "".join(
        f"if [ -d {path} ]; then mount -t tmpfs tmpfs {path}; fi; " for path in SYSTEM_FONT_DIRS
    )
    result = _run([*_mount_namespace(), "sh", "-c", hide + 'exec "$@"', "sh"])
    assert result["system_fonts"] in ([], None)
    _assert_bulgarian_in_the_packaged_font(result)
