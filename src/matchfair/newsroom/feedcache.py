"""The feeds' cache (and the archive's list of months): kept until the newsroom changes. Every
change that readers could see (a save, a step of the workflow, a reviewed translation, an image)
calls `changed` after its commit, which moves the generation on (`matchfair.generations`), so
every feed is made afresh once, on any process sharing the cache."""

from collections.abc import Callable
from typing import TypeVar

from matchfair.generations import Generation

T = TypeVar("T")
KEEP_SECONDS = 24 * 3600
FEEDS = Generation("newsroom:feeds", keep_seconds=KEEP_SECONDS)


def key(path: str) -> str:
    return FEEDS.key("feed", path)


def remembered(name: str, make: Callable[[], T]) -> T:
    """`make()`, computed once for each state of the newsroom."""
    return FEEDS.remembered(name, make)


def changed() -> None:
    """The newsroom changed: the feeds are made afresh after the transaction commits."""
    FEEDS.changed()
