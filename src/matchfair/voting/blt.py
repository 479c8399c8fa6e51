"""Reading BLT ballot files as they are found in the wild; every error names its line.

    4 2                 candidates and seats
    -3                  optional: withdrawn candidates, negative (several per line or lines)
    (b1) 3 1 2 4 0      ballots: an optional (id), a weight, preferences, and 0
    1 4 0
    0                   the end of the ballots
    "Ana Petrova"       one name per candidate: quoted (a doubled "" is a quote), unquoted,
    Boris Ivanov        or quoted with a label after it: "Ana Petrova" (Green Party);
    "Vera ""V."" Kos"   several quoted names may share a line
    "Di" "Board 2026"   and then the title
Blank lines, trailing spaces and whole-line `#` comments are skipped anywhere.
"""

from __future__ import annotations

import re

from .model import Ballot, Election, VotingError

_QUOTED = re.compile(r'"((?:[^"]|"")*)"')


def _strings(line: str) -> list[str] | None:
    """The names a line holds, or None where a quote is left open."""
    if not line.startswith('"'):
        return [line]
    found: list[str] = []
    rest = line
    while rest:
        match = _QUOTED.match(rest)
        if match is None:
            return None
        name = match.group(1).replace('""', '"')
        rest = rest[match.end() :].strip()
        if rest and not rest.startswith('"'):
            # A label after the name, as "Ana Petrova" (Green Party): one name with its label.
            return [*found, f"{name} {rest}"]
        found.append(name)
    return found


def parse_blt(text: str) -> Election:
    """An `Election` from a BLT file's text, or `VotingError` naming the first bad line."""
    lines = [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.strip().startswith("#")
    ]
    if not lines:
        raise VotingError(["line 1: empty file; expected candidates and seats"])
    number, head = lines[0]
    parts = head.split()
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise VotingError([f"line {number}: expected two numbers, candidates and seats: {head!r}"])
    size, seats = int(parts[0]), int(parts[1])
    if size < 1 or seats < 1:
        raise VotingError([f"line {number}: expected at least 1 candidate and 1 seat: {head!r}"])
    withdrawn: set[int] = set()
    at = 1
    while at < len(lines) and lines[at][1].startswith("-"):
        number, line = lines[at]
        for token in line.split():
            if not re.fullmatch(r"-\d+", token) or not 1 <= -int(token) <= size:
                raise VotingError(
                    [f"line {number}: expected withdrawn candidates from -1 to -{size}: {token!r}"]
                )
            withdrawn.add(-int(token) - 1)
        at += 1
    ballots: list[Ballot] = []
    while True:
        if at >= len(lines):
            raise VotingError([f"line {lines[-1][0]}: the ballots end without a line of 0"])
        number, line = lines[at]
        at += 1
        tokens = line.split()
        if tokens == ["0"]:
            break
        if tokens[0].startswith("(") and tokens[0].endswith(")"):
            tokens = tokens[1:]  # a ballot id
        if not tokens or not tokens[0].isdigit():
            raise VotingError(
                [f"line {number}: expected a ballot weight (a whole number): {line!r}"]
            )
        if tokens[-1] != "0":
            raise VotingError([f"line {number}: a ballot must end with 0: {line!r}"])
        ranking: list[int] = []
        for token in tokens[1:-1]:
            if "=" in token:
                raise VotingError(
                    [f"line {number}: equal preferences ({token}) are not supported: {line!r}"]
                )
            if token == "-":
                continue  # a skipped preference
            if not token.isdigit() or not 1 <= int(token) <= size:
                raise VotingError(
                    [f"line {number}: expected candidates from 1 to {size}, got {token!r}"]
                )
            if int(token) - 1 in ranking:
                raise VotingError([f"line {number}: candidate {token} is ranked twice: {line!r}"])
            ranking.append(int(token) - 1)
        ballots.append(Ballot(tuple(ranking), int(tokens[0])))
    names: list[str] = []
    title: str | None = None
    for number, line in lines[at:]:
        strings = _strings(line)
        if strings is None:
            raise VotingError([f"line {number}: a quote is not closed: {line!r}"])
        for string in strings:
            if len(names) < size:
                names.append(string)
            elif title is None:
                title = string
            else:
                raise VotingError([f"line {number}: unexpected text after the title: {string!r}"])
    if len(names) < size:
        last = lines[-1][0]
        raise VotingError(
            [f"line {last}: {size} candidate names expected, the file has {len(names)}"]
        )
    return Election(
        candidates=tuple(names),
        seats=seats,
        ballots=tuple(ballots),
        title=title or "",
        withdrawn=frozenset(withdrawn),
    )


def election_to_blt(election: Election) -> str:
    """The election as a BLT file (names and title quoted, quotes doubled)."""
    out = [f"{len(election.candidates)} {election.seats}"]
    if election.withdrawn:
        out.append(" ".join(f"-{c + 1}" for c in sorted(election.withdrawn)))
    for ballot in election.ballots:
        out.append(" ".join(str(x) for x in (ballot.count, *(c + 1 for c in ballot.ranking), 0)))
    out.append("0")
    out.extend('"' + name.replace('"', '""') + '"' for name in election.candidates)
    out.append('"' + election.title.replace('"', '""') + '"')
    return "\n".join(out) + "\n"
