"""Complementarity between participants: what one side requests against what the other offers.

An offer answers a request only when it is closer to that request than to anything the
requester already offers. Otherwise it is a competitor's offer that happens to share the
request's words (a seller of signal software asking for an integrator "for traffic
controllers" is not answered by another seller of signal software).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from matchfair.recommend.features import Side, side_product

FloatMatrix = npt.NDArray[np.float32]
Float64Matrix = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# An offer must beat the requester's own closest offer by this much. Similarities are
# products in float64 whose last bits depend on the BLAS tile shape; a margin far above
# that noise keeps exact ties (a request worded like one's own offer) on one side always.
RIVAL_MARGIN = 1e-6


def _ragged_max(
    table: Float64Matrix, fixed: IntArray, starts: IntArray, counts: IntArray, *, along_rows: bool
) -> Float64Matrix:
    """For each entry e: the maximum of table[starts[e] : starts[e] + counts[e], fixed[e]]
    (along_rows) or of table[fixed[e], starts[e] : starts[e] + counts[e]]; -inf when empty.
    """
    best = np.full(len(fixed), -np.inf, dtype=np.float64)
    total = int(counts.sum())
    if total == 0:
        return best
    entry = np.repeat(np.arange(len(fixed), dtype=np.int64), counts)
    first = np.cumsum(counts) - counts
    position = starts[entry] + np.arange(total, dtype=np.int64) - first[entry]
    values = table[position, fixed[entry]] if along_rows else table[fixed[entry], position]
    present = np.flatnonzero(counts > 0)
    best[present] = np.maximum.reduceat(values, first[present])
    return best


class BlockComplements:
    """For a block of participants against everyone from `start` on: how well they answer
    the block's requests, and how well the block's offers answer theirs.

    Only opportunity pairs at or above `threshold` can count, a few per cent of all pairs,
    so the competitor rule is checked for those alone, and the per-participant maxima are
    taken over them alone.
    """

    def __init__(self, offers: Side, requests: Side, participants: int, threshold: float) -> None:
        self.offers = offers
        self.requests = requests
        self.n = participants
        self.threshold = threshold
        # Products in float64, rounded to float32 at the end: a float32 product's last bits
        # depend on the shape of the tile (the kernel's summation order), which would let
        # a score straddling the rounding grid come out differently per block size.
        self.offer_vectors = offers.vectors.astype(np.float64)
        self.request_vectors = requests.vectors.astype(np.float64)
        self.offer_terms = offers.terms
        self.request_terms = requests.terms
        self.offer_signed = offers.signed
        self.request_signed = requests.signed

    def __call__(self, first: int, last: int, start: int) -> tuple[FloatMatrix, FloatMatrix]:
        """Two (n - start) × (last - first) matrices, candidates along rows: the best
        similarity between a block member's request and a candidate's offer (they answer),
        and between a member's offer and a candidate's request (the member answers), each
        without the pairs where the offer is a rival's. 0 where nothing reaches the threshold.
        """
        offers, requests, n = self.offers, self.requests, self.n
        width, height = last - first, n - start
        o0, o1 = int(offers.starts[first]), int(offers.starts[last])
        their_o0 = int(offers.starts[start])
        r0, r1 = int(requests.starts[first]), int(requests.starts[last])
        their_r0 = int(requests.starts[start])
        their_offer_vectors = self.offer_vectors[their_o0:]
        my_offer_vectors = self.offer_vectors[o0:o1]
        their_offer_terms = self.offer_terms[their_o0:]
        my_offer_terms = self.offer_terms[o0:o1]
        # Offer against offer: how close each offer is to what the other side sells.
        alike = side_product(
            their_offer_vectors,
            their_offer_terms,
            my_offer_vectors,
            my_offer_terms,
            self.offer_signed[their_o0:],
            self.offer_signed[o0:o1],
        )
        # Rows of each participant's offers within `alike` (theirs) or its columns (mine).
        my_offer_start = offers.starts[first:last] - o0
        my_offer_count = offers.starts[first + 1 : last + 1] - offers.starts[first:last]
        their_offer_start = offers.starts[start:n] - their_o0
        their_offer_count = offers.starts[start + 1 : n + 1] - offers.starts[start:n]

        they_answer = np.zeros((height, width), dtype=np.float64)
        answers = side_product(
            their_offer_vectors,
            their_offer_terms,
            self.request_vectors[r0:r1],
            self.request_terms[r0:r1],
            self.offer_signed[their_o0:],
            self.request_signed[r0:r1],
        )
        rows, columns = np.nonzero(answers >= self.threshold)
        values = answers[rows, columns]
        del answers
        member = requests.owners[r0 + columns] - first
        rival = _ragged_max(
            alike, rows, my_offer_start[member], my_offer_count[member], along_rows=False
        )
        keep = values > rival + RIVAL_MARGIN
        candidate = offers.owners[their_o0 + rows[keep]] - start
        np.maximum.at(they_answer, (candidate, member[keep]), values[keep])

        i_answer = np.zeros((height, width), dtype=np.float64)
        answers = side_product(
            self.request_vectors[their_r0:],
            self.request_terms[their_r0:],
            my_offer_vectors,
            my_offer_terms,
            self.request_signed[their_r0:],
            self.offer_signed[o0:o1],
        )
        rows, columns = np.nonzero(answers >= self.threshold)
        values = answers[rows, columns]
        del answers
        candidate = requests.owners[their_r0 + rows] - start
        rival = _ragged_max(
            alike,
            columns,
            their_offer_start[candidate],
            their_offer_count[candidate],
            along_rows=True,
        )
        keep = values > rival + RIVAL_MARGIN
        member = offers.owners[o0 + columns[keep]] - first
        np.maximum.at(i_answer, (candidate[keep], member), values[keep])
        return they_answer.astype(np.float32), i_answer.astype(np.float32)


def rival_best(offers: Side, sellers: IntArray, rivals: IntArray) -> Float64Matrix:
    """For each pair p and each offer of sellers[p] (in row order, pairs laid end to end):
    its best similarity to an offer of rivals[p], -inf when rivals[p] offers nothing.
    """
    count = offers.count(sellers)
    rival_count = offers.count(rivals)
    total = int(count.sum())
    best = np.full(total, -np.inf, dtype=np.float64)
    if total == 0:
        return best
    row_pair = np.repeat(np.arange(len(sellers), dtype=np.int64), count)
    row_start = np.cumsum(count) - count
    seller_rows = offers.starts[sellers][row_pair] + (
        np.arange(total, dtype=np.int64) - row_start[row_pair]
    )
    # Every (seller offer, rival offer) combination, grouped by seller offer.
    sizes = rival_count[row_pair]
    combos = int(sizes.sum())
    if combos:
        owner_row = np.repeat(np.arange(total, dtype=np.int64), sizes)
        combo_start = np.cumsum(sizes) - sizes
        rival_rows = offers.starts[rivals][row_pair[owner_row]] + (
            np.arange(combos, dtype=np.int64) - combo_start[owner_row]
        )
        similarity = offers.dot_rows(seller_rows[owner_row], offers, rival_rows)
        present = np.flatnonzero(sizes > 0)
        best[present] = np.maximum.reduceat(similarity, combo_start[present])
    return best
