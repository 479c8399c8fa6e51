"""The examples in docs/voting.md read and count as the page says, so the page stays true."""

from __future__ import annotations

import json
import re
from pathlib import Path

from matchfair.voting import Ballot, Election, check, count, parse_ballots, parse_blt

PAGE = Path(__file__).resolve().parents[2] / "docs" / "voting.md"


def _block(heading: str, language: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    found = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert found is not None
    return found.group(1)


def test_json_example_reads_with_its_withdrawn_candidate() -> None:
    election = parse_ballots(json.loads(_block("## Input: `matchfair-ballots/1`", "json")))

    assert (election.seed, election.withdrawn, election.ballots[0]) == (
        2026,
        frozenset({2}),
        Ballot((0, 1), 3),
    )


def test_blt_example_reads_the_names_as_the_page_says() -> None:
    election = parse_blt(_block("## Input: BLT", ""))

    assert (election.candidates[0], election.title, election.withdrawn) == (
        'Ana "Ani" Petrova (Green Party)',
        "Board 2026",
        frozenset({3}),
    )


def test_python_example_counts() -> None:
    election = Election(
        candidates=("Ana", "Boris", "Cvetan"),
        seats=1,
        ballots=(Ballot((0, 2), count=4), Ballot((1,))),
        seed=2026,
    )

    tally = count(election, "irv")

    assert (tally.elected, check(election, tally)) == ((0,), [])
