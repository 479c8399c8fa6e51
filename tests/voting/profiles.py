"""Hypothesis strategies for elections: varied ones, and tie-heavy ones (few ballots of weight 1)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from matchfair.voting import Ballot, Election

# A few hundred examples in CI; MATCHFAIR_VOTING_EXAMPLES=5000 for the long run (docs/voting.md).
EXAMPLES = int(os.environ.get("MATCHFAIR_VOTING_EXAMPLES", "200"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def elections(
    draw: st.DrawFn,
    *,
    complete: bool = False,
    tie_heavy: bool | None = None,
    max_candidates: int = 6,
    max_seats: int = 3,
    one_seat: bool = False,
) -> Election:
    n = draw(st.integers(3, max_candidates))
    seats = 1 if one_seat else draw(st.integers(1, min(max_seats, n - 1)))
    heavy = draw(st.booleans()) if tie_heavy is None else tie_heavy
    size = draw(st.integers(1, 10 if heavy else 30))
    ballots = []
    for _ in range(size):
        order = draw(st.permutations(range(n)))
        length = n if complete else draw(st.integers(1, n))
        weight = 1 if heavy else draw(st.integers(1, 9))
        ballots.append(Ballot(tuple(order[:length]), weight))
    return Election(
        candidates=tuple(f"c{i + 1}" for i in range(n)),
        seats=seats,
        ballots=tuple(ballots),
        seed=draw(st.integers(0, 1000)),
    )
