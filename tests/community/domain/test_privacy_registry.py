"""The privacy registry: the community app's registry imports no other app, which register their
own sections instead."""

import ast
from pathlib import Path

from django.apps import apps

from matchfair.community.domain import privacy


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, `from a import b` counted as both `a` and `a.b`."""
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def test_the_registry_imports_no_other_app():
    # matchfair.permissions is no app and may be imported; it imports the events and meetings
    # models itself, which a layering check of the whole community app will have to settle.
    other_apps = {
        config.name
        for config in apps.get_app_configs()
        if config.name.startswith("matchfair.") and config.name != "matchfair.community"
    }
    imports = imported_modules(Path(privacy.__file__))
    assert [
        name
        for name in imports
        if any(name == app or name.startswith(f"{app}.") for app in other_apps)
    ] == []
