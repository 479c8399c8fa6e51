"""The docs, the code, its tests and benchmarks describe the system as it is, not the history of
its making: no "session N", no "the issue", no "issue 27" of the tracker. A tracker of another
project may be cited by its name ("google/or-tools issue 5141")."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HISTORY = re.compile(
    r"\bsessions? \d+\b|\bthe issue\b|\bissues? #?\d+|\bstop \d+\b|\bthis morning\b", re.IGNORECASE
)
# "owner/project issue 123": a bug of another project, named where it is worked around.
OTHER_PROJECT = re.compile(r"[\w.-]+/[\w.-]+ $")

# Files that still tell history and are another's to mend; the test fails once a line is no
# longer needed, so the list only shrinks.
NOT_YET_MENDED: dict[str, int] = {}


def described_files() -> list[Path]:
    docs = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md", ROOT / "CHANGELOG.md"]
    source = sorted(
        path
        for suffix in ("*.py", "*.html", "*.txt", "*.md")
        for folder in (ROOT / "src" / "matchfair", ROOT / "tests", ROOT / "benchmarks")
        for path in folder.rglob(suffix)
        if "migrations" not in path.parts and path != Path(__file__)
    )
    return docs + source


def history_in(text: str) -> list[str]:
    return [
        found.group(0)
        for found in HISTORY.finditer(text)
        if not OTHER_PROJECT.search(text[: found.start()])
    ]


def test_the_words_are_found_and_another_projects_tracker_is_not():
    assert history_in("as the issue says, session 12 tuned it (issue 27); stop 3") == [
        "the issue",
        "session 12",
        "issue 27",
        "stop 3",
    ]
    assert history_in("which can name the wrong literal (google/or-tools issue 5141)") == []


def test_docs_and_code_carry_no_history_of_their_making():
    found: dict[str, list[str]] = {}
    for path in described_files():
        words = history_in(path.read_text(encoding="utf-8"))
        if words:
            found[path.relative_to(ROOT).as_posix()] = words
    unexpected = {
        name: words for name, words in found.items() if len(words) != NOT_YET_MENDED.get(name)
    }
    mended = sorted(set(NOT_YET_MENDED) - set(found))
    assert (unexpected, mended) == ({}, [])
