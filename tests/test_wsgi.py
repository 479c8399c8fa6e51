"""The WSGI entry point: the project loaded, with what loading made kept out of the garbage
collector's reach."""

import gc
import importlib


def test_the_entry_point_loads_the_project_and_freezes_what_it_made():
    gc.unfreeze()
    try:
        wsgi = importlib.reload(importlib.import_module("matchfair.wsgi"))
        assert callable(wsgi.application)
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
