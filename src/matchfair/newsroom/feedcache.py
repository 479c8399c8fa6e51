"""The feeds' cache (and the archive's list of months): kept until the newsroom changes. Every change that readers could
see (a save, a step of the workflow, a reviewed translation, an image) calls `changed` after
its commit, which moves the generation on, so every feed is made afresh once, on any process
sharing the cache (CACHES, Redis when more than one machine)."""

from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")
GENERATION = "newsroom:feeds:generation"
KEEP_SECONDS = 24 * 3600


def generation() -> int:
    value = cache.get(GENERATION)
    if value is None:
        cache.add(GENERATION, 1, timeout=None)
        value = cache.get(GENERATION, 1)
    return int(value)


def key(path: str) -> str:
    return f"newsroom:feed:{generation()}:{path}"


def remembered(name: str, make: Callable[[], T]) -> T:
    """`make()`, computed once for each state of the newsroom."""
    return cast(T, cache.get_or_set(f"newsroom:{name}:{generation()}", make, timeout=KEEP_SECONDS))


def _bump() -> None:
    try:
        cache.incr(GENERATION)
    except ValueError:
        cache.set(GENERATION, 2, timeout=None)


def changed() -> None:
    """The newsroom changed: the feeds are made afresh after the transaction commits."""
    transaction.on_commit(_bump)
