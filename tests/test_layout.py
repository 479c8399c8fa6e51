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


# The scheduling engine is no Django app: its tests mirror its folders, a file
# `src/matchfair/scheduling/<folder>/<module>.py` tested in `tests/scheduling/<folder>/test_<module>.py`.
ENGINE = SOURCE / "scheduling"
ENGINE_TESTS = TESTS / "scheduling"
# Engine modules tested only through the solver and the scenario tests at the top of
# tests/scheduling/ (test_large, test_walking, test_forums, test_properties) so far.
ENGINE_NOT_YET_MIRRORED = {
    "construct/greedy.py",
    "construct/sweep.py",
    "exact/compact.py",
    "exact/cpsat.py",
    "improve/lns.py",
    "improve/polish.py",
    "locks.py",
    "maxsat/fewest_holes.py",
    "maxsat/worker.py",
    "placement.py",
    "reasons.py",
}
# The command line's entry point, run by tests/scheduling/test_cli.py.
ENGINE_WITHOUT_TESTS = {"__main__.py"}


def engine_modules() -> list[str]:
    return sorted(
        path.relative_to(ENGINE).as_posix()
        for path in ENGINE.rglob("*.py")
        if path.name != "__init__.py"
    )


def test_every_engine_module_has_its_mirrored_test_file():
    def mirrored(module: str) -> Path:
        path = Path(module)
        return ENGINE_TESTS / path.parent / f"test_{path.name}"

    missing = {m for m in engine_modules() if not mirrored(m).is_file()} - ENGINE_WITHOUT_TESTS
    assert (
        sorted(missing - ENGINE_NOT_YET_MIRRORED),
        sorted(ENGINE_NOT_YET_MIRRORED - missing),
    ) == (
        [],
        [],
    ), "write the first list's test files; drop the second list's from ENGINE_NOT_YET_MIRRORED"


def test_engine_test_folders_name_engine_modules():
    """A test file in a folder of tests/scheduling/ tests a module of the same folder."""
    modules = set(engine_modules())
    orphans = [
        path.relative_to(ENGINE_TESTS).as_posix()
        for path in ENGINE_TESTS.glob("*/test_*.py")
        if f"{path.parent.name}/{path.name.removeprefix('test_')}" not in modules
    ]
    assert (len(modules) > 25, orphans) == (True, [])
