"""The jobs app is a base piece below every feature app: it imports none of them."""

import ast
from pathlib import Path

import matchfair.jobs

ALLOWED = ("matchfair.jobs", "matchfair.audit")


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def test_the_jobs_app_imports_no_feature_app():
    root = Path(matchfair.jobs.__file__).parent
    found = {
        f"{path.relative_to(root)}: {name}"
        for path in root.rglob("*.py")
        for name in imported_modules(path)
        if name.startswith("matchfair") and not name.startswith(ALLOWED)
    }
    assert found == set()
