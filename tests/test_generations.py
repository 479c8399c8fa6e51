"""Generations of cached values: moved on after the commit only, and never back to a number
whose values could still be in the cache."""

import pytest
from django.core.cache import cache
from django.db import transaction

from matchfair.generations import Generation

pytestmark = pytest.mark.django_db


def test_a_change_moves_the_generation_on_after_the_commit(django_capture_on_commit_callbacks):
    kept = Generation("test:kept", keep_seconds=60)
    before = kept.current()
    with django_capture_on_commit_callbacks(execute=True):
        kept.changed()
        assert kept.current() == before
    assert kept.current() == before + 1


def test_a_rolled_back_change_moves_nothing(django_capture_on_commit_callbacks):
    kept = Generation("test:kept", keep_seconds=60)
    before = kept.current()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                kept.changed()
                raise RuntimeError
        except RuntimeError:
            pass
    assert kept.current() == before


def test_remembered_makes_a_value_once_a_generation(django_capture_on_commit_callbacks):
    kept = Generation("test:kept", keep_seconds=60)
    made = []

    def make():
        made.append(len(made))
        return len(made)

    assert [kept.remembered("x", make), kept.remembered("x", make)] == [1, 1]
    with django_capture_on_commit_callbacks(execute=True):
        kept.changed()
    assert kept.remembered("x", make) == 2


def test_a_lost_generation_starts_again_elsewhere():
    kept = Generation("test:kept", keep_seconds=60)
    seen = set()
    for _ in range(5):
        seen.add(kept.current())
        cache.delete(kept.counter)
    assert len(seen) == 5
