"""Reading `matchfair-ballots/1` JSON into an `Election`; every error names its JSON path.

{"format": "matchfair-ballots/1", "title"?: str, "seats": int >= 1, "seed"?: int,
 "candidates": [str | {"name": str, "withdrawn"?: bool}],
 "ballots": [{"ranking": [1-based candidate positions, most preferred first], "count"?: int}]}
"""

from __future__ import annotations

from typing import Any

from .model import BALLOTS_FORMAT, Ballot, Election, VotingError


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_ballots(raw: Any) -> Election:
    """An `Election` from parsed JSON, or `VotingError` listing every problem found."""
    errors: list[str] = []
    if not isinstance(raw, dict):
        raise VotingError(["$: expected an object"])
    if raw.get("format") != BALLOTS_FORMAT:
        errors.append(f"format: expected {BALLOTS_FORMAT!r}, got {raw.get('format')!r}")
    known = {"format", "title", "seats", "seed", "candidates", "ballots"}
    errors.extend(f"{key}: unknown field" for key in sorted(set(raw) - known))
    title = raw.get("title", "")
    if not isinstance(title, str):
        errors.append("title: expected a string")
        title = ""
    seats: Any = raw.get("seats")
    if not _is_int(seats) or seats < 1:
        errors.append("seats: expected an integer of at least 1")
        seats = 1
    seed = raw.get("seed", 0)
    if not _is_int(seed):
        errors.append("seed: expected an integer")
        seed = 0
    names: list[str] = []
    withdrawn: set[int] = set()
    candidates = raw.get("candidates")
    if not isinstance(candidates, list) or not candidates:
        errors.append("candidates: expected a non-empty list")
        candidates = []
    for i, entry in enumerate(candidates):
        path = f"candidates[{i}]"
        name: Any
        gone: Any
        if isinstance(entry, str):
            name, gone = entry, False
        elif isinstance(entry, dict):
            name, gone = entry.get("name"), entry.get("withdrawn", False)
            errors.extend(
                f"{path}.{key}: unknown field" for key in sorted(set(entry) - {"name", "withdrawn"})
            )
            if not isinstance(gone, bool):
                errors.append(f"{path}.withdrawn: expected true or false")
                gone = False
        else:
            errors.append(f"{path}: expected a name or an object with a name")
            continue
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{path}.name: expected a non-empty string")
            name = ""
        if name and name in names:
            errors.append(f"{path}.name: {name!r} is already candidate {names.index(name) + 1}")
        names.append(name)
        if gone:
            withdrawn.add(i)
    ballots: list[Ballot] = []
    entries = raw.get("ballots")
    if not isinstance(entries, list):
        errors.append("ballots: expected a list")
        entries = []
    for b, entry in enumerate(entries):
        path = f"ballots[{b}]"
        if not isinstance(entry, dict):
            errors.append(f"{path}: expected an object with a ranking")
            continue
        errors.extend(
            f"{path}.{key}: unknown field" for key in sorted(set(entry) - {"ranking", "count"})
        )
        count = entry.get("count", 1)
        if not _is_int(count) or count < 0:
            errors.append(f"{path}.count: expected an integer of at least 0")
            count = 0
        ranking = entry.get("ranking")
        if not isinstance(ranking, list):
            errors.append(f"{path}.ranking: expected a list of candidate positions")
            continue
        chosen: list[int] = []
        for r, position in enumerate(ranking):
            where = f"{path}.ranking[{r}]"
            if not _is_int(position) or not 1 <= position <= len(names):
                errors.append(f"{where}: expected a candidate position from 1 to {len(names)}")
            elif position - 1 in chosen:
                errors.append(f"{where}: candidate {position} is already ranked on this ballot")
            else:
                chosen.append(position - 1)
        ballots.append(Ballot(tuple(chosen), count))
    if errors:
        raise VotingError(errors)
    return Election(
        candidates=tuple(names),
        seats=seats,
        ballots=tuple(ballots),
        title=title,
        withdrawn=frozenset(withdrawn),
        seed=seed,
    )


def election_to_json(election: Election) -> dict[str, object]:
    """The inverse of `parse_ballots`."""
    return {
        "format": BALLOTS_FORMAT,
        "title": election.title,
        "seats": election.seats,
        "seed": election.seed,
        "candidates": [
            {"name": name, "withdrawn": True} if i in election.withdrawn else name
            for i, name in enumerate(election.candidates)
        ],
        "ballots": [
            {"ranking": [c + 1 for c in ballot.ranking], "count": ballot.count}
            for ballot in election.ballots
        ],
    }
