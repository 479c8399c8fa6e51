"""Values kept in the shared cache until what they were made from changes.

Each kind of value has a generation, a number in the cache that is part of every key of its
values. A change calls `changed()`, which moves the generation on once the transaction commits:
every process that shares the cache (CACHES: Redis when there is more than one web process)
then makes the value afresh, once. A generation that the cache lost (evicted, or cleared) starts
again from a random number, so a value kept under an earlier one is never read back by chance.
"""

import secrets
from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")


class Generation:
    def __init__(self, name: str, *, keep_seconds: int) -> None:
        self.name = name
        self.keep_seconds = keep_seconds
        self.counter = f"{name}:generation"

    def current(self) -> int:
        value = cache.get(self.counter)
        if value is None:
            cache.add(self.counter, secrets.randbelow(2**40) + 1, timeout=None)
            value = cache.get(self.counter, 0)
        return int(value)

    def key(self, *parts: object) -> str:
        return ":".join([self.name, str(self.current()), *map(str, parts)])

    def remembered(self, part: str, make: Callable[[], T]) -> T:
        """`make()`, computed once for each generation."""
        return cast(T, cache.get_or_set(self.key(part), make, timeout=self.keep_seconds))

    def _bump(self) -> None:
        try:
            cache.incr(self.counter)
        except ValueError:  # lost since it was read: any new number will do
            cache.set(self.counter, secrets.randbelow(2**40) + 1, timeout=None)

    def changed(self) -> None:
        """What the values are made from changed: they are made afresh after the commit."""
        transaction.on_commit(self._bump)
