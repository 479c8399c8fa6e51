"""tests/ mirrors src/: the tests of `src/matchfair/<app>/domain/<module>.py` are in
`tests/<app>/domain/test_<module>.py`, one file a domain module, so a module's tests are found
without a search and a module without tests shows."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "matchfair"
TESTS = ROOT / "tests"

# Domain modules whose mirrored test file is still to come (none now): the test fails both on a
# module missing from here and on a line that is no longer true.
NOT_YET_MIRRORED: set[str] = set()


def mirrored_test(module: Path) -> Path:
    app = module.relative_to(SOURCE).parts[0]
    return TESTS / app / "domain" / f"test_{module.stem}.py"


def domain_modules() -> list[Path]:
    return sorted(path for path in SOURCE.glob("*/domain/*.py") if path.name != "__init__.py")


def test_domain_modules_are_found():
    assert SOURCE / "meetings" / "domain" / "requests.py" in domain_modules()


def test_every_domain_module_has_its_mirrored_test_file():
    missing = {
        module.relative_to(SOURCE).as_posix(): mirrored_test(module).relative_to(ROOT).as_posix()
        for module in domain_modules()
        if not mirrored_test(module).is_file()
    }
    new_gaps = sorted(test for module, test in missing.items() if module not in NOT_YET_MIRRORED)
    stale = sorted(NOT_YET_MIRRORED - missing.keys())
    assert (new_gaps, stale) == ([], []), (
        f"Write these test files: {new_gaps}; "
        f"and remove these modules from NOT_YET_MIRRORED, their tests exist: {stale}"
    )
