"""Complementarity between participants: what one side requests against what the other offers.

An offer answers a request only when it is closer to that request than to anything the
requester already offers. Otherwise it is a competitor's offer that happens to share the
request's words (a seller of signal software asking for an integrator "for traffic
controllers" is not answered by another seller of signal software).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from matchfair.recommend.features import Side

FloatMatrix = npt.NDArray[np.float32]
Float64Matrix = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# An offer must beat the requester's own closest offer by this much. Similarities are
# products in float64 whose last bits depend on the BLAS tile shape; a margin far above
# that noise keeps exact ties (a request worded like one's own offer) on one side always.
RIVAL_MARGIN = 1e-6


def segment_max(
    matrix: Float64Matrix, owners: IntArray, count: int, *, axis: int, fill: float
) -> Float64Matrix:
    """Maximum over the rows (axis 0) or columns (axis 1) of each owner, `fill` where an
    owner has none. `owners` is sorted and lies in 0..count-1.
    """
    shape = (count, matrix.shape[1]) if axis == 0 else (matrix.shape[0], count)
    out = np.full(shape, fill, dtype=np.float64)
    if len(owners) == 0 or matrix.size == 0:
        return out
    present = np.unique(owners)
    starts = np.searchsorted(owners, present)
    reduced = np.maximum.reduceat(matrix, starts, axis=axis)
    if axis == 0:
        out[present] = reduced
    else:
        out[:, present] = reduced
    return out


class BlockComplements:
    """For a block of participants against everyone from `start` on: how well they answer
    the block's requests, and how well the block's offers answer theirs.
    """

    def __init__(self, offers: Side, requests: Side, participants: int) -> None:
        self.offers = offers
        self.requests = requests
        self.n = participants
        # Products in float64, rounded to float32 at the end: a float32 product's last bits
        # depend on the shape of the tile (the kernel's summation order), which would let
        # a score straddling the rounding grid come out differently per block size.
        self.offer_vectors = offers.vectors.astype(np.float64)
        self.request_vectors = requests.vectors.astype(np.float64)

    def __call__(self, first: int, last: int, start: int) -> tuple[FloatMatrix, FloatMatrix]:
        """Two (n - start) × (last - first) matrices, candidates along rows: the best
        similarity between a block member's request and a candidate's offer (they answer),
        and between a member's offer and a candidate's request (the member answers), each
        without the pairs where the offer is a rival's. 0 where a side has nothing.
        """
        offers, requests, n = self.offers, self.requests, self.n
        width, height = last - first, n - start
        my_offers = slice(int(offers.starts[first]), int(offers.starts[last]))
        my_requests = slice(int(requests.starts[first]), int(requests.starts[last]))
        their_offers = slice(int(offers.starts[start]), int(offers.starts[n]))
        their_requests = slice(int(requests.starts[start]), int(requests.starts[n]))
        my_offer_owner = offers.owners[my_offers] - first
        my_request_owner = requests.owners[my_requests] - first
        their_offer_owner = offers.owners[their_offers] - start
        their_request_owner = requests.owners[their_requests] - start

        # Offer against offer: how close each offer is to what the other side sells.
        alike = self.offer_vectors[their_offers] @ self.offer_vectors[my_offers].T
        # Each candidate offer's closest offer of each member, and each member offer's
        # closest offer of each candidate.
        rival_to_me = segment_max(alike, my_offer_owner, width, axis=1, fill=-np.inf)
        rival_to_them = segment_max(alike, their_offer_owner, height, axis=0, fill=-np.inf)
        del alike

        answers_me = self.offer_vectors[their_offers] @ self.request_vectors[my_requests].T
        answers_me[answers_me <= rival_to_me[:, my_request_owner] + RIVAL_MARGIN] = 0.0
        they_answer = segment_max(
            segment_max(answers_me, their_offer_owner, height, axis=0, fill=0.0),
            my_request_owner,
            width,
            axis=1,
            fill=0.0,
        )
        del answers_me, rival_to_me

        answers_them = self.request_vectors[their_requests] @ self.offer_vectors[my_offers].T
        answers_them[answers_them <= rival_to_them[their_request_owner] + RIVAL_MARGIN] = 0.0
        i_answer = segment_max(
            segment_max(answers_them, their_request_owner, height, axis=0, fill=0.0),
            my_offer_owner,
            width,
            axis=1,
            fill=0.0,
        )
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
        similarity = np.einsum(
            "ij,ij->i",
            offers.vectors[seller_rows[owner_row]].astype(np.float64),
            offers.vectors[rival_rows].astype(np.float64),
        )
        present = np.flatnonzero(sizes > 0)
        best[present] = np.maximum.reduceat(similarity, combo_start[present])
    return best
