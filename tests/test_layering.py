"""The house's layering, checked on the source: apps low in the house never import apps above
them, the base pieces import no feature app, tasks are leaves, and every import inside a
function says why it is there."""

import ast
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src" / "matchfair"

# Apps that offer something to users; the base pieces (web, outbox, audit, permissions, the
# community of people and organisations) sit below them.
FEATURE_APPS = {
    "api",
    "console",
    "contacts",
    "demo",
    "events",
    "loadtest",
    "mailings",
    "matchmaking",
    "meetings",
    "outcomes",
    "newsroom",
    "reports",
    "visits",
}

# The one list of reasons an import may sit inside a function, written beside it as
# `
INLINE_REASONS = {
    "app registry",  # in AppConfig.ready: models and signals exist only once apps are loaded
    "import cycle",  # the imported module imports this one, such as a domain queueing its task
    "slow import",  # a heavy module loaded only on the path that needs it
    "optional dependency",  # a package or engine that may be missing
}

REASON = re.compile(r"# noqa: [A-Z0-9, ]*PLC0415 \((?P<reason>[^)]*)\)")


def _modules(package: str = "") -> list[Path]:
    root = SOURCE / package if package else SOURCE
    return sorted(path for path in root.rglob("*.py") if "migrations" not in path.parts)


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module imported, line, at module level) for each import of `path`."""
    tree = ast.parse(path.read_text(), filename=str(path))
    # Module level: the module's own statements, and those under `if TYPE_CHECKING:`.
    top = {id(node) for node in tree.body}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            top.update(id(child) for child in node.body)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's own package
                base = path.relative_to(SOURCE.parent).with_suffix("").parts[: -node.level]
                names = [".".join([*base, *([node.module] if node.module else [])])]
            else:
                names = [node.module or ""]
        else:
            continue
        found.extend((name, node.lineno, id(node) in top) for name in names)
    return found


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "matchfair" else None


def test_events_never_imports_meetings():
    wrong = [
        f"{path.relative_to(SOURCE)}:{line} imports {module}"
        for path in _modules("events")
        for module, line, _top in _imports(path)
        if _app_of(module) == "meetings"
    ]
    assert wrong == []


@pytest.mark.parametrize("base", ["outbox", "jobs", "audit", "community"])
def test_base_pieces_import_no_feature_app(base):
    wrong = [
        f"{path.relative_to(SOURCE)}:{line} imports {module}"
        for path in _modules(base)
        for module, line, _top in _imports(path)
        if _app_of(module) in FEATURE_APPS
    ]
    assert wrong == []


# The apps under the organisers' mailings in the house (docs/architecture.md): they queue their
# mail in the outbox and never reach up into `mailings`.
BELOW_MAILINGS = ["events", "meetings", "outbox", "jobs", "audit", "permissions", "community"]


def test_no_app_below_mailings_imports_it():
    paths = [path for app in BELOW_MAILINGS for path in _modules(app)]
    paths += [SOURCE / "web.py", SOURCE / "limits.py"]
    wrong = [
        f"{path.relative_to(SOURCE)}:{line} imports {module}"
        for path in paths
        for module, line, _top in _imports(path)
        if _app_of(module) == "mailings"
    ]
    assert (len(paths) > 50, wrong) == (True, [])


def test_web_helpers_import_no_feature_app_but_events():
    wrong = [
        f"web.py:{line} imports {module}"
        for module, line, _top in _imports(SOURCE / "web.py")
        if _app_of(module) in FEATURE_APPS - {"events"}
    ]
    assert wrong == []


def test_no_domain_module_imports_tasks_at_module_level():
    wrong = [
        f"{path.relative_to(SOURCE)}:{line} imports {module}"
        for path in _modules()
        if "domain" in path.parts
        for module, line, top in _imports(path)
        if top and module.endswith(".tasks")
    ]
    assert wrong == []


def test_tasks_are_leaves():
    """Nothing imports a tasks module at module level, so a task can import its domain freely."""
    wrong = [
        f"{path.relative_to(SOURCE)}:{line} imports {module}"
        for path in _modules()
        for module, line, top in _imports(path)
        if top and module.endswith(".tasks") and module != "matchfair.celery"
    ]
    assert wrong == []


def test_every_inline_import_gives_a_reason_from_the_list():
    wrong = []
    for path in _modules():
        lines = path.read_text().splitlines()
        for _module, line, top in _imports(path):
            if top:
                continue
            text = lines[line - 1]
            reason = REASON.search(text)
            if reason is None or reason["reason"] not in INLINE_REASONS:
                wrong.append(f"{path.relative_to(SOURCE)}:{line}: {text.strip()}")
    assert wrong == []
