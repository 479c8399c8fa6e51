"""The ballot counter: an election's ballots in, a tally with every round and tie out.

Django-free: plain dataclasses, and at the command line `matchfair-ballots/1` JSON or BLT in,
`matchfair-tally/1` out (docs/voting.md). What runs, in order:
- `model.py`: the values (`Election`, `Ballot`; `Tally`, `Round`, `Transfer`, `Tie`);
- `ballots.py` and `blt.py`: reading the two input formats, errors naming JSON path or line;
- `tally.py`: `count(election, method)` picks the method, and the tally's JSON;
- the methods: `single_round.py` (plurality, approval), `irv.py`, `scottish.py` (Scottish
  STV, exact 5-decimal arithmetic), `meek.py` (Meek STV, exact 9-decimal fixed point),
  `schulze.py`;
- `ties.py`: every tie, broken by earlier rounds and then by lot from the published seed;
- `checker.py`: an independent check that a tally's record adds up against the ballots;
- `cli.py`: `matchfair tally`.
"""

from .ballots import election_to_json, parse_ballots
from .blt import election_to_blt, parse_blt
from .checker import check
from .model import (
    BALLOTS_FORMAT,
    METHODS,
    TALLY_FORMAT,
    Ballot,
    Election,
    Round,
    Tally,
    Tie,
    Transfer,
    VotingError,
)
from .tally import count, tally_to_json

__all__ = [
    "BALLOTS_FORMAT",
    "METHODS",
    "TALLY_FORMAT",
    "Ballot",
    "Election",
    "Round",
    "Tally",
    "Tie",
    "Transfer",
    "VotingError",
    "check",
    "count",
    "election_to_blt",
    "election_to_json",
    "parse_ballots",
    "parse_blt",
    "tally_to_json",
]
