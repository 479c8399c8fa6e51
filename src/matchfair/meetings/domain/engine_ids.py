"""The one mapping between database keys and the scheduling engine's ids.

The engine names things by strings: slot 7 is "s7", table 3 "t3", registration 17 "p17",
meeting 99 "m99", and a session "session-" and its key. Whatever hands the engine a key, or
reads one back from its result, goes through a codec here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Codec:
    prefix: str

    def key(self, pk: int) -> str:
        """The engine's id for a database key."""
        return f"{self.prefix}{pk}"

    def pk(self, key: str) -> int:
        """The database key of an engine id; ValueError for an id of another kind."""
        digits = key.removeprefix(self.prefix)
        if digits == key or not (digits.isascii() and digits.isdigit()):
            raise ValueError(f"{key!r} is not an engine id of the form {self.prefix}<number>")
        return int(digits)


SLOTS = Codec("s")
TABLES = Codec("t")
PARTICIPANTS = Codec("p")  # a participant is a registration
MEETINGS = Codec("m")
SESSIONS = Codec("session-")
