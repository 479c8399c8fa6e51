"""The voting engine's typed values: an election's ballots in, a tally with its rounds out."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

BALLOTS_FORMAT = "matchfair-ballots/1"
TALLY_FORMAT = "matchfair-tally/1"

METHODS = ("plurality", "approval", "irv", "scottish-stv", "meek-stv", "schulze")


class VotingError(ValueError):
    """Bad input: each line of `errors` names the line (BLT) or the JSON path, then the problem."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Ballot:
    """One or more identical ballots: candidates by 0-based position, most preferred first.

    For approval, the candidates on the ballot are the ones it approves; their order is ignored.
    """

    ranking: tuple[int, ...]
    count: int = 1


@dataclass(frozen=True)
class Election:
    """What is counted. `withdrawn` candidates are skipped on every ballot; `seed` draws lots."""

    candidates: tuple[str, ...]
    seats: int
    ballots: tuple[Ballot, ...]
    title: str = ""
    withdrawn: frozenset[int] = frozenset()
    seed: int = 0


@dataclass(frozen=True)
class Transfer:
    """Votes moved in a round: from a candidate to another, or to no one (non-transferable)."""

    source: int
    target: int | None
    votes: Decimal
    papers: int


@dataclass(frozen=True)
class Tie:
    """Candidates equal where the rules had to choose one, and how the choice was made."""

    round: int
    purpose: str  # "exclusion", "surplus", "election order", "last seats"
    among: tuple[int, ...]
    chosen: tuple[int, ...]
    how: str  # "earlier rounds", "lot"
    detail: str


@dataclass(frozen=True)
class Round:
    """One round (a stage of the count): the votes at its end and what happened in it."""

    number: int
    action: str  # "first preferences", "surplus", "exclusion", "count", "pairwise", ...
    subject: int | None
    votes: tuple[Decimal, ...]  # one entry per candidate, at the end of the round
    elected: tuple[int, ...] = ()
    excluded: tuple[int, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    non_transferable: Decimal = Decimal(0)
    lost_to_rounding: Decimal = Decimal(0)
    quota: Decimal | None = None
    keep_values: tuple[Decimal, ...] = ()  # Meek STV only
    note: str = ""


@dataclass(frozen=True)
class Tally:
    """The result: who is elected, in order of election, with every round and every tie."""

    method: str
    seats: int
    candidates: tuple[str, ...]
    elected: tuple[int, ...]
    rounds: tuple[Round, ...]
    ties: tuple[Tie, ...]
    valid_ballots: int
    quota: Decimal | None = None
    seed: int = 0
    # Schulze only: d[i][j] voters preferring i to j, and the strongest path strengths p[i][j].
    pairwise: tuple[tuple[int, ...], ...] = field(default=())
    strongest_paths: tuple[tuple[int, ...], ...] = field(default=())
