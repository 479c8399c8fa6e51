from __future__ import annotations

import subprocess
import sys


def test_recommend_package_imports_without_django() -> None:
    probe = (
        "import sys\n"
        "import matchfair.recommend, matchfair.recommend.cli, matchfair.recommend.generate\n"
        "import matchfair.recommend.evaluate\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
