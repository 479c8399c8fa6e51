"""`count(election, method)`: the one entry point, and the tally's JSON (`matchfair-tally/1`)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .irv import count_irv
from .meek import count_meek_stv
from .model import METHODS, TALLY_FORMAT, Election, Tally, VotingError
from .schulze import count_schulze
from .scottish import count_scottish_stv
from .single_round import count_approval, count_plurality

COUNTERS: dict[str, Callable[[Election], Tally]] = {
    "plurality": count_plurality,
    "approval": count_approval,
    "irv": count_irv,
    "scottish-stv": count_scottish_stv,
    "meek-stv": count_meek_stv,
    "schulze": count_schulze,
}
assert tuple(COUNTERS) == METHODS


def count(election: Election, method: str) -> Tally:
    """Count `election` by `method` (one of `METHODS`); `VotingError` if it cannot be counted."""
    if method not in COUNTERS:
        raise VotingError([f"method: unknown method {method!r}; choose from {', '.join(METHODS)}"])
    standing = len(election.candidates) - len(election.withdrawn)
    if election.seats < 1:
        raise VotingError([f"seats: {election.seats} seats; at least 1 is needed"])
    if method == "irv" and election.seats != 1:
        raise VotingError([f"seats: irv fills one seat, not {election.seats}"])
    if election.seats > standing:
        raise VotingError(
            [f"seats: {election.seats} seats but {standing} candidates who have not withdrawn"]
        )
    return COUNTERS[method](election)


def _text(value: Decimal) -> str:
    return format(value, "f")


def _candidate(tally: Tally, index: int | None) -> dict[str, object] | None:
    if index is None:
        return None
    return {"index": index + 1, "name": tally.candidates[index]}


def tally_to_json(tally: Tally, election: Election) -> dict[str, object]:
    """The tally as `matchfair-tally/1`; candidates are 1-based positions in the input."""
    doc: dict[str, object] = {
        "format": TALLY_FORMAT,
        "method": tally.method,
        "title": election.title,
        "seats": tally.seats,
        "candidates": [
            {"index": i + 1, "name": name, "withdrawn": i in election.withdrawn}
            for i, name in enumerate(tally.candidates)
        ],
        "valid_ballots": tally.valid_ballots,
        "quota": None if tally.quota is None else _text(tally.quota),
        "seed": tally.seed,
        "elected": [_candidate(tally, c) for c in tally.elected],
        "rounds": [
            {
                "round": r.number,
                "action": r.action,
                "subject": _candidate(tally, r.subject),
                "quota": None if r.quota is None else _text(r.quota),
                "votes": [_text(v) for v in r.votes],
                "transfers": [
                    {
                        "from": t.source + 1,
                        "to": None if t.target is None else t.target + 1,
                        "votes": _text(t.votes),
                        "papers": t.papers,
                    }
                    for t in r.transfers
                ],
                "non_transferable": _text(r.non_transferable),
                "lost_to_rounding": _text(r.lost_to_rounding),
                "elected": [c + 1 for c in r.elected],
                "excluded": [c + 1 for c in r.excluded],
                **({"keep_values": [_text(k) for k in r.keep_values]} if r.keep_values else {}),
                "note": r.note,
            }
            for r in tally.rounds
        ],
        "ties": [
            {
                "round": t.round,
                "purpose": t.purpose,
                "among": [c + 1 for c in t.among],
                "chosen": [c + 1 for c in t.chosen],
                "how": t.how,
                "detail": t.detail,
            }
            for t in tally.ties
        ],
    }
    if tally.pairwise:
        doc["pairwise"] = [list(row) for row in tally.pairwise]
        doc["strongest_paths"] = [list(row) for row in tally.strongest_paths]
    return doc
