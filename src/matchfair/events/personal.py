"""Other apps' entries in a person's own day at an event: the seam through which an app that
sits above `events` (the partnership assembly) puts its sessions into *My day* (visits) and the
personal calendar file and feed (meetings), without those apps importing it.

An app registers a provider in its `AppConfig.ready`; `entries_for` asks every provider."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from matchfair.events.models import Event


@dataclass(frozen=True)
class PersonalEntry:
    uid: str  # unique within the event, such as "assembly-session-4"
    label: str  # what kind of entry it is, in the reader's language ("Assembly")
    title: str
    starts_at: dt.datetime  # aware
    ends_at: dt.datetime
    place: str
    url: str = ""  # the page about it, a path


Provider = Callable[[Any, Event], Iterable[PersonalEntry]]
_providers: dict[str, Provider] = {}


def register(key: str, provider: Provider) -> None:
    """Add (or replace, so a second `ready()` is harmless) the provider `key`."""
    _providers[key] = provider


def unregister(key: str) -> None:
    _providers.pop(key, None)


def entries_for(user: Any, event: Event) -> list[PersonalEntry]:
    """Every provider's entries for `user` at `event`, in time order."""
    found = [entry for provider in _providers.values() for entry in provider(user, event)]
    return sorted(found, key=lambda entry: (entry.starts_at, entry.uid))
