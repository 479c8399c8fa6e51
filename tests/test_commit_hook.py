"""The commit-msg hook in .githooks/ refuses a subject line longer than 72 characters."""

import os
import shutil
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


MAKEFILE = HOOK.parent.parent / "Makefile"


def make_install(directory: Path) -> subprocess.CompletedProcess[str]:
    """`make install` of the real Makefile in `directory`, with the virtualenv up to date already
    (so nothing is synced) and `true` standing in for uv."""
    (directory / ".venv").mkdir()
    (directory / ".venv" / ".installed").write_text("", encoding="utf-8")
    for name in ("pyproject.toml", "uv.lock"):
        (directory / name).write_text("", encoding="utf-8")
        earlier = (directory / name).stat().st_mtime - 60
        os.utime(directory / name, (earlier, earlier))
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(MAKEFILE), "install", "UV=/bin/true"],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )


def hooks_path(directory: Path) -> str:
    return subprocess.run(
        ["git", "config", "--get", "core.hooksPath"],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


@pytest.fixture
def make_and_git():
    for tool in ("make", "git"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def test_make_install_enables_the_hooks_in_a_git_checkout(tmp_path, make_and_git):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert hooks_path(tmp_path) == ""
    result = make_install(tmp_path)
    assert result.returncode == 0, result.stderr
    assert hooks_path(tmp_path) == ".githooks"


def test_make_install_in_an_unpacked_tarball_leaves_git_alone(tmp_path, make_and_git):
    unpacked = tmp_path / "matchfair"
    unpacked.mkdir()
    result = make_install(unpacked)
    assert (result.returncode, result.stderr) == (0, "")
    assert not (unpacked / ".git").exists()
