"""The commit-msg hook in .githooks/ refuses a subject line longer than 72 characters."""

import os
import subprocess
from pathlib import Path

import pytest

HOOK = Path(__file__).resolve().parent.parent / ".githooks" / "commit-msg"


def run_hook(tmp_path: Path, message: str) -> subprocess.CompletedProcess[str]:
    message_file = tmp_path / "COMMIT_EDITMSG"
    message_file.write_text(message, encoding="utf-8")
    return subprocess.run(
        ["sh", str(HOOK), str(message_file)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_hook_is_an_executable_file():
    assert HOOK.is_file()
    assert os.access(HOOK, os.X_OK)


@pytest.mark.parametrize(
    ("subject", "passes"),
    [
        ("a" * 72, True),
        ("a" * 73, False),
        ("é" * 72, True),  # characters, not bytes
        ("—" * 73, False),
        ("fixup! " + "b" * 65, True),
        ("Merge branch 'docs' into main", True),
    ],
)
def test_subject_lines_up_to_72_characters_pass(tmp_path, subject, passes):
    result = run_hook(
        tmp_path, f"{subject}\n\nThe body may have lines of any length. {'c' * 100}\n"
    )
    assert (result.returncode == 0) is passes, result.stderr
    if not passes:
        assert "the limit is 72" in result.stderr


def test_comment_lines_and_leading_blank_lines_are_ignored(tmp_path):
    long_comment = "# " + "d" * 100
    assert run_hook(tmp_path, f"{long_comment}\n\n{'a' * 72}\n# Please enter…\n").returncode == 0
    assert run_hook(tmp_path, f"{long_comment}\n\n{'a' * 73}\n").returncode != 0


def test_trailing_whitespace_does_not_count(tmp_path):
    assert run_hook(tmp_path, "a" * 72 + "   \r\n").returncode == 0
