"""Breaking ties: first by the votes at earlier rounds, then by lot from the election's seed.

Every choice among equals goes through here, so every one is written into the tally's ties.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal

from .model import Tie


class TieBreaker:
    """Chooses among tied candidates and keeps the record of each choice."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._lot = random.Random(seed)
        self._draws = 0
        self.ties: list[Tie] = []

    def draw(self, among: Sequence[int]) -> list[int]:
        """A lot: `among` in an order drawn from the seed (the first is the one chosen)."""
        self._draws += 1
        return self._lot.sample(sorted(among), k=len(among))

    def by_history(
        self,
        among: Sequence[int],
        history: Sequence[Sequence[Decimal]],
        *,
        lowest: bool,
        round_number: int,
        purpose: str,
    ) -> int:
        """One of `among`: the lowest (or highest) at the earliest round where they differ.

        `history` holds each earlier round's votes, earliest first. Where some of them stay
        equal at that round, the later rounds decide between those, and a lot after the last.
        """
        tied = sorted(among)
        if len(tied) == 1:
            return tied[0]
        steps: list[str] = []
        for number, votes in enumerate(history, start=1):
            values = {candidate: votes[candidate] for candidate in tied}
            if len(set(values.values())) == 1:
                continue
            target = min(values.values()) if lowest else max(values.values())
            tied = [candidate for candidate in tied if values[candidate] == target]
            steps.append(f"round {number}")
            if len(tied) == 1:
                self.ties.append(
                    Tie(
                        round_number,
                        purpose,
                        tuple(sorted(among)),
                        (tied[0],),
                        "earlier rounds",
                        f"{'fewest' if lowest else 'most'} votes at {', then '.join(steps)}",
                    )
                )
                return tied[0]
        chosen = self.draw(tied)[0]
        narrowed = f" after {', '.join(steps)}" if steps else ""
        self.ties.append(
            Tie(
                round_number,
                purpose,
                tuple(sorted(among)),
                (chosen,),
                "lot",
                f"equal at every earlier round{narrowed}; lot {self._draws} from seed "
                f"{self.seed} among {[c + 1 for c in sorted(tied)]}",
            )
        )
        return chosen

    def order(
        self,
        candidates: Sequence[int],
        votes: Sequence[Decimal],
        history: Sequence[Sequence[Decimal]],
        *,
        round_number: int,
        purpose: str = "election order",
    ) -> list[int]:
        """`candidates` from most votes to fewest, equals ordered by earlier rounds, then lot."""
        remaining = list(candidates)
        ordered: list[int] = []
        while remaining:
            best = max(votes[c] for c in remaining)
            tied = [c for c in remaining if votes[c] == best]
            chosen = self.by_history(
                tied, history, lowest=False, round_number=round_number, purpose=purpose
            )
            ordered.append(chosen)
            remaining.remove(chosen)
        return ordered

    def top(
        self,
        candidates: Sequence[int],
        votes: Sequence[Decimal],
        seats: int,
        *,
        round_number: int,
    ) -> list[int]:
        """The `seats` candidates with most votes, in order; equals by lot (single-round counts)."""
        remaining = sorted(candidates, key=lambda c: (-votes[c], c))
        chosen: list[int] = []
        while remaining and len(chosen) < seats:
            best = votes[remaining[0]]
            group = [c for c in remaining if votes[c] == best]
            remaining = [c for c in remaining if votes[c] != best]
            if len(group) == 1:
                chosen.extend(group)
                continue
            drawn = self.draw(group)
            room = seats - len(chosen)
            purpose = "election order" if len(group) <= room else "last seats"
            taken = drawn[:room]
            self.ties.append(
                Tie(
                    round_number,
                    purpose,
                    tuple(sorted(group)),
                    tuple(taken),
                    "lot",
                    f"{len(group)} candidates with {best} votes for {min(room, len(group))} "
                    f"place(s); lot {self._draws} from seed {self.seed}",
                )
            )
            chosen.extend(taken)
        return chosen
