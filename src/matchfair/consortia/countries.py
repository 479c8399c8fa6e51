"""Which countries count for Horizon Europe's eligibility rules: data in `countries.json`, not code.

The file carries the date the list is true for (`as_of`) and where it comes from (`source`).
A country is a member state, an associated country (some only for certain pillars of the
programme) or a third country. Codes are ISO 3166-1 alpha-2; the file's `aliases` map the EU's
own spellings (EL for Greece, UK for the United Kingdom) onto them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

DATA = Path(__file__).resolve().parent / "countries.json"

Standing = Literal["member_state", "associated", "third"]


@dataclass(frozen=True, slots=True)
class Countries:
    as_of: str
    source: str
    names: dict[str, str]
    member_states: frozenset[str]
    # Associated country → the pillars it is associated to; None means the whole programme.
    associated: dict[str, tuple[int, ...] | None]
    aliases: dict[str, str]

    def canonical(self, code: str) -> str:
        upper = code.upper()
        return self.aliases.get(upper, upper)

    def standing(self, code: str, pillar: int | None) -> Standing:
        """A member state, an associated country for this pillar (any pillar when None), or third."""
        code = self.canonical(code)
        if code in self.member_states:
            return "member_state"
        if code in self.associated:
            pillars = self.associated[code]
            if pillars is None or pillar is None or pillar in pillars:
                return "associated"
        return "third"

    def eligible(self, code: str, pillar: int | None) -> bool:
        """A member state or an associated country: its entities count towards the rules."""
        return self.standing(code, pillar) != "third"

    def name(self, code: str) -> str:
        code = self.canonical(code)
        return self.names.get(code, code)


def parse_countries(raw: dict[str, object]) -> Countries:
    """Read the countries document (the shape of `countries.json`)."""
    members = raw["member_states"]
    associated = raw["associated_countries"]
    aliases = raw.get("aliases", {})
    assert isinstance(members, list) and isinstance(associated, list)
    assert isinstance(aliases, dict)
    names = {str(c["code"]): str(c["name"]) for c in [*members, *associated]}
    return Countries(
        as_of=str(raw["as_of"]),
        source=str(raw["source"]),
        names=names,
        member_states=frozenset(str(c["code"]) for c in members),
        associated={
            str(c["code"]): None if c.get("pillars") is None else tuple(c["pillars"])
            for c in associated
        },
        aliases={str(k): str(v) for k, v in aliases.items()},
    )


@cache
def load_countries() -> Countries:
    """The countries shipped with Matchfair (`countries.json`), read once."""
    parsed: dict[str, object] = json.loads(DATA.read_text(encoding="utf-8"))
    return parse_countries(parsed)
