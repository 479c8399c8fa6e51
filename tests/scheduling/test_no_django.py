import subprocess
import sys


def test_scheduling_package_does_not_import_django():
    code = (
        "import sys, matchfair.scheduling, matchfair.scheduling.cli, matchfair.scheduling.generate;"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
