"""The consortium builder must run without Django: importing all of it loads no Django module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import matchfair.consortia


def test_consortia_package_imports_without_django() -> None:
    modules = [
        f"matchfair.consortia.{m.name}"
        for m in pkgutil.iter_modules(matchfair.consortia.__path__)
        if m.name != "__main__"  # running it would build, not just import
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )

    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )

    assert (run.stdout, len(modules) >= 12) == ("[]\n", True)
