"""Simulated annealing over Kempe-chain slot swaps: closes holes once the meetings are placed.

A move takes a meeting of a participant (mostly one with a hole) and a target slot, and swaps
the two slots along the Kempe chain: the meetings reachable from it through shared participants
among those held in either slot. Everyone stays single-booked by construction. A move is refused
when a chain meeting may not be held in its new slot, is pinned, or the chain is long.

Tables are counted per group: the table pools that the same meetings may use, whose tables are
then interchangeable. Where a chain would overfill a group in a slot, a second chain, from a
meeting of that group held there, goes the other way in the same move (the two never share
anybody, as chains are whole components); what still overfills is allowed at a cost, so that the
search can pass through full slots, but only schedules that fit are kept. A worse move is taken
with probability exp(-cost / temperature), the temperature falling geometrically over the run.

A meeting that may use either of two booths keeps to the one it is at, so that groups never
overlap. With walking times every meeting keeps its table pool and a move must leave everyone
in the chain time to walk between consecutive meetings. Priority and the set of held meetings
never change; only slots move, and then tables within their group.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterable
from functools import partial

from ..clock import Clock
from ..placement import Board, Layout, iter_bits, person_holes
from .polish import kempe_chain

# Temperatures at the start and at the end of a run, in holes. Measured with the generated
# families (docs/benchmarks.md): from 0.1 the expo start loses its 175 holes in 0.6 s and
# small-forum's its 48 in 0.3-0.8 s; 0.3 needs 10 s on the expo.
START_TEMPERATURE = 0.15
END_TEMPERATURE = 0.02
# The cost of one meeting over a group's tables, against one hole.
OVERFILL_COST = 3.0
# Longest chain a move may swap; longer ones mostly fail on a slot some meeting may not take.
CHAIN_LIMIT = 40
# Share of moves that start from a participant with a hole, and that aim next to the agenda.
HOLED_SHARE = 0.7
NEAR_SHARE = 0.6
# Moves tried per second on a 2-core test machine; turns a time into a work budget.
MOVES_PER_SECOND = 50_000


class TableGroups:
    """The group of each meeting that may move (-1 for the others), the table pools of each
    group, and the meetings per group and slot against the group's tables."""

    def __init__(self, layout: Layout, board: Board, of: list[int], pools: list[list[int]]):
        self.of = of
        self.pools = pools
        self.capacity = [sum(layout.capacity[v] for v in row) for row in pools]
        pool_group = {v: k for k, row in enumerate(pools) for v in row}
        self.count = [[0] * layout.n_slots for _ in pools]
        for mi, s in enumerate(board.slot):
            k = pool_group.get(board.pool[mi], -1) if s >= 0 else -1
            if k >= 0:
                self.count[k][s] += 1
        self.over = sum(
            max(0, c - self.capacity[k]) for k, row in enumerate(self.count) for c in row
        )

    def change(self, moves: dict[int, int], a: int, b: int) -> int:
        """The overfill added by `moves` (group: net meetings into slot a out of slot b)."""
        added = 0
        for k, d in moves.items():
            if d:
                cap, row = self.capacity[k], self.count[k]
                before = max(0, row[a] - cap) + max(0, row[b] - cap)
                added += max(0, row[a] + d - cap) + max(0, row[b] - d - cap) - before
        return added

    def apply(self, moves: dict[int, int], a: int, b: int) -> None:
        for k, d in moves.items():
            self.count[k][a] += d
            self.count[k][b] -= d


def table_groups(layout: Layout, board: Board) -> TableGroups:
    """The groups of the board's movable meetings. A meeting that may use either of two booths is
    kept to the one it is at, so that it shares that booth's group and no two groups overlap. With
    walking times every meeting keeps its table pool (a location's general tables, or a booth): the
    walk to it then depends only on its slot."""
    movable = [
        mi for mi in range(len(layout.meetings)) if board.slot[mi] >= 0 and not board.pinned[mi]
    ]
    keys: dict[int, tuple[int, ...]] = {
        mi: (board.pool[mi],) if layout.travel_pairs else tuple(sorted(layout.meeting_pools[mi]))
        for mi in movable
    }
    sharing: dict[int, set[tuple[int, ...]]] = {}
    for key in set(keys.values()):
        for v in key:
            sharing.setdefault(v, set()).add(key)
    for mi, key in keys.items():
        if len(key) > 1 and any(len(sharing[v]) > 1 for v in key):
            keys[mi] = (board.pool[mi],)
    index: dict[tuple[int, ...], int] = {}
    owner: dict[int, int] = {}
    of = [-1] * len(layout.meetings)
    for mi, key in keys.items():
        if key not in index:
            index[key] = len(index)
            for v in key:
                assert owner.setdefault(v, index[key]) == index[key], "groups overlap"
        of[mi] = index[key]
    return TableGroups(layout, board, of, [list(key) for key in index])


def anneal(
    board: Board,
    *,
    seconds: float,
    seed: int = 0,
    budget: int | None = None,
    deadline: float = math.inf,
    on_better: Callable[[int], None] | None = None,
    halt: Callable[[], bool] | None = None,
) -> tuple[int, int]:
    """Anneal for `seconds` on the wall clock, or for `budget` moves (the result then depends
    only on the board and the seed, unless `deadline` comes first). Stops at 0 holes, or when
    `halt` says so (asked every thousand moves or so). Leaves the best schedule that fits on
    the board; returns the holes removed and the moves tried. `on_better` hears the holes of a
    better schedule, at most twice a second."""
    layout = board.layout
    tables = table_groups(layout, board)
    group = tables.of
    venue = board.pool if layout.travel_pairs else None
    rng = random.Random(seed)
    started = time.perf_counter()
    stop = started + seconds if budget is None else deadline
    slot = list(board.slot)
    in_slot = [_Bag() for _ in range(layout.n_slots)]
    for mi, s in enumerate(slot):
        if s >= 0:
            in_slot[s].add(mi)
    held = [dict(h) for h in board.held]
    busy = list(board.busy)
    holes = [person_holes(layout, b) for b in busy]
    people = [p for p in range(len(busy)) if busy[p]]
    holed = _Bag(p for p in people if holes[p])
    total = sum(holes)
    start_total = best = total
    best_slot: list[int] | None = None
    over = tables.over
    allowed, members, by_person = layout.allowed, layout.members, layout.by_person
    chain_of = partial(
        kempe_chain,
        slot=slot,
        held=held,
        members=members,
        allowed=allowed,
        fixed=[k < 0 for k in group],  # pinned, or not held
        limit=CHAIN_LIMIT,
    )
    session_mask, session_of = layout.session_mask, layout.session_of
    temperature = START_TEMPERATURE
    cooling = END_TEMPERATURE / START_TEMPERATURE
    reported = started
    tried = 0
    while best > 0 and people:
        tried += 1
        if tried & 1023 == 0:
            now = time.perf_counter()
            if now > stop or (budget is not None and tried > budget):
                break
            if halt is not None and halt():
                break
            done = tried / budget if budget is not None else (now - started) / seconds
            temperature = START_TEMPERATURE * cooling ** min(1.0, done)
        if holed and rng.random() < HOLED_SHARE:
            p = holed.choice(rng)
        else:
            p = people[rng.randrange(len(people))]
        mine = by_person[p]
        m = mine[rng.randrange(len(mine))]
        a = slot[m]
        if group[m] < 0:
            continue
        if rng.random() < NEAR_SHARE:
            session = session_mask[session_of[a]]
            own = busy[p] & session
            low = own & -own
            reach = ((1 << (own.bit_length() + 1)) - 1) & ~((low >> 1) - 1 if low > 1 else 0)
            targets = iter_bits(reach & session & allowed[m] & ~(1 << a))
            if not targets:
                continue
            b = targets[rng.randrange(len(targets))]
        else:
            b = rng.randrange(layout.n_slots)
            if b == a or not allowed[m] >> b & 1:
                continue
        chain = chain_of(m, a, b)
        if chain is None:
            continue
        net = _net(chain, b, slot, group)
        overfill = tables.change(net, a, b)
        if overfill > 0:
            k, d = next((k, d) for k, d in net.items() if tables.change({k: d}, a, b) > 0)
            full, other = (a, b) if d > 0 else (b, a)
            back = in_slot[full].choice(rng)
            if group[back] == k and back not in chain:
                more = chain_of(back, full, other)
                if more is not None:
                    both_net = _net(chain + more, b, slot, group)
                    both_overfill = tables.change(both_net, a, b)
                    if both_overfill < overfill:
                        chain, net, overfill = chain + more, both_net, both_overfill
        flips: dict[int, int] = {}
        for x in chain:
            for q in members[x]:
                flips[q] = flips.get(q, 0) ^ (1 << slot[x])
        both = (1 << a) | (1 << b)
        after: dict[int, int] = {}
        delta = 0
        for q, bits in flips.items():
            if bits != both:  # busy in one of the two slots: it swaps
                after[q] = person_holes(layout, busy[q] ^ both)
                delta += after[q] - holes[q]
        cost = delta + OVERFILL_COST * overfill
        if cost > 0 and rng.random() >= math.exp(-cost / temperature):
            continue
        if venue is not None and not _walks(layout, chain, a, b, slot, held, busy, venue):
            continue
        for x in chain:
            for q in members[x]:
                del held[q][slot[x]]
        for x in chain:
            in_slot[slot[x]].discard(x)
            slot[x] = a if slot[x] == b else b
            in_slot[slot[x]].add(x)
            for q in members[x]:
                held[q][slot[x]] = x
        tables.apply(net, a, b)
        for q, value in after.items():
            busy[q] ^= both
            holes[q] = value
            if value:
                holed.add(q)
            else:
                holed.discard(q)
        total += delta
        over += overfill
        if over == 0 and total < best:
            best, best_slot = total, list(slot)
            now = time.perf_counter()
            if on_better is not None and (now - reported > 0.5 or best == 0):
                reported = now
                on_better(best)
    if best_slot is not None:
        _write_back(board, best_slot, tables)
    return start_total - best, tried


class _Bag:
    """A set of ints with constant-time add, removal and random choice."""

    def __init__(self, items: Iterable[int] = ()) -> None:
        self.items: list[int] = []
        self.position: dict[int, int] = {}
        for item in items:
            self.add(item)

    def __len__(self) -> int:
        return len(self.items)

    def add(self, item: int) -> None:
        if item not in self.position:
            self.position[item] = len(self.items)
            self.items.append(item)

    def discard(self, item: int) -> None:
        i = self.position.pop(item, None)
        if i is None:
            return
        last = self.items.pop()
        if i < len(self.items):
            self.items[i], self.position[last] = last, i

    def choice(self, rng: random.Random) -> int:
        return self.items[rng.randrange(len(self.items))]


def _net(chain: list[int], b: int, slot: list[int], group: list[int]) -> dict[int, int]:
    """Per group, the meetings the swap of slots a and b brings into slot a (those now in b)
    less those it takes out of it."""
    net: dict[int, int] = {}
    for x in chain:
        net[group[x]] = net.get(group[x], 0) + (1 if slot[x] == b else -1)
    return net


def _walks(
    layout: Layout,
    chain: list[int],
    a: int,
    b: int,
    slot: list[int],
    held: list[dict[int, int]],
    busy: list[int],
    venue: list[int],
) -> bool:
    """Whether, after swapping slots a and b for the chain, everyone in it has time to walk
    between its meetings (every meeting keeps its table pool; `Layout.walks_fit`)."""
    moved: dict[int, dict[int, int]] = {}
    for x in chain:
        for q in layout.members[x]:
            moved.setdefault(q, {})[a if slot[x] == b else b] = x
    both = (1 << a) | (1 << b)
    for q, mine in moved.items():
        now = busy[q] & ~both
        for s in mine:
            now |= 1 << s

        def venue_at(t: int, mine: dict[int, int] = mine, q: int = q) -> int:
            return venue[mine[t] if t in mine else held[q][t]]

        for s, x in mine.items():
            if not layout.walks_fit(s, venue[x], now & ~(1 << s), venue_at):
                return False
    return True


def _write_back(board: Board, slots: list[int], tables: TableGroups) -> None:
    """Move the board's meetings to `slots`, each in a table pool of its group with room."""
    moved = [mi for mi, s in enumerate(slots) if s != board.slot[mi]]
    for mi in moved:
        board.remove(mi)
    for mi in moved:
        s = slots[mi]
        v = next((v for v in tables.pools[tables.of[mi]] if board.room[v] >> s & 1), -1)
        if v < 0:  # the groups' counts rule this out
            raise AssertionError(f"no table left for meeting {mi} in slot {s}")
        board.place(mi, s, v)


def run_anneal(
    clock: Clock,
    board: Board,
    share: float,
    seed: int,
    bound: int,
    *,
    label: str = "closing holes",
    at_most: float = float("inf"),
    halt: Callable[[], bool] | None = None,
) -> bool:
    """The annealing on `share` of the time the clock has left, `at_most` seconds, reporting
    better schedules under `label`; `halt` may stop it sooner. Returns whether it removed a
    hole. Deterministic, its budget is moves, charged to the clock."""
    seconds = min(at_most, share * clock.left())
    removed, moves = anneal(
        board,
        seconds=seconds,
        seed=seed,
        budget=int(seconds * MOVES_PER_SECOND) if clock.deterministic else None,
        deadline=clock.deadline,
        on_better=lambda holes: clock.report(label, board, bound, holes),
        halt=halt,
    )
    clock.charge(moves / MOVES_PER_SECOND)
    return removed > 0
