"""Reading BLT files as found in the wild, and errors that name the line."""

from __future__ import annotations

import pytest

from matchfair.voting import Ballot, Election, VotingError, election_to_blt, parse_blt

# Trailing spaces, a blank line, a comment, an id, a skipped preference, three name styles.
WILD = "\n".join(
    [
        "4 2   ",
        "-4",
        "",
        "(a1) 6 1 2 0",
        "3 2 0   ",
        "# a comment",
        "2 3 1 0",
        "1 - 4 0",
        "0",
        '"Ana ""Ani"" Petrova" (Green Party)',
        "Boris Ivanov   ",
        '"Cvetan" "Dora"',
        "",
        '"Board 2026"',
        "",
    ]
)


def test_parse_blt_reads_quotes_labels_withdrawn_ids_and_blank_lines() -> None:
    assert parse_blt(WILD) == Election(
        candidates=('Ana "Ani" Petrova (Green Party)', "Boris Ivanov", "Cvetan", "Dora"),
        seats=2,
        ballots=(Ballot((0, 1), 6), Ballot((1,), 3), Ballot((2, 0), 2), Ballot((3,), 1)),
        title="Board 2026",
        withdrawn=frozenset({3}),
    )


def test_parse_blt_round_trips_its_own_output() -> None:
    election = parse_blt(WILD)

    assert parse_blt(election_to_blt(election)) == election


def test_parse_blt_without_a_title_has_an_empty_one() -> None:
    assert parse_blt("2 1\n1 1 0\n0\nA\nB\n").title == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "line 1: empty file"),
        ("3\n", "line 1: expected two numbers, candidates and seats: '3'"),
        ("2 1\n-3\n0\nA\nB\n", "line 2: expected withdrawn candidates from -1 to -2: '-3'"),
        ("2 1\n1 1 2\n0\nA\nB\n", "line 2: a ballot must end with 0: '1 1 2'"),
        ("2 1\n1 1 3 0\n0\nA\nB\n", "line 2: expected candidates from 1 to 2, got '3'"),
        ("2 1\n1 1 1 0\n0\nA\nB\n", "line 2: candidate 1 is ranked twice"),
        ("2 1\n1 1=2 0\n0\nA\nB\n", r"line 2: equal preferences \(1=2\) are not supported"),
        ("2 1\n\nx 1 0\n0\nA\nB\n", "line 3: expected a ballot weight"),
        ("2 1\n1 1 0\n", "line 2: the ballots end without a line of 0"),
        ("2 1\n1 1 0\n0\nA\n", "line 4: 2 candidate names expected, the file has 1"),
        ('2 1\n1 1 0\n0\n"A\nB\n', "line 4: a quote is not closed"),
        ("2 1\n1 1 0\n0\nA\nB\nT\nextra\n", "line 7: unexpected text after the title: 'extra'"),
    ],
)
def test_parse_blt_bad_file_names_the_line(text: str, message: str) -> None:
    with pytest.raises(VotingError, match=message):
        parse_blt(text)
