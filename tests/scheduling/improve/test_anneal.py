"""The annealing over Kempe-chain slot swaps (anneal.py)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.scheduling import InstanceError, Result, check, parse_instance, solve
from matchfair.scheduling.clock import guard
from matchfair.scheduling.construct.greedy import construct
from matchfair.scheduling.construct.sweep import compact_start
from matchfair.scheduling.generate import generate
from matchfair.scheduling.improve.anneal import anneal, table_groups
from matchfair.scheduling.placement import Board, Layout, board_holes

from ..builders import document, instance
from ..test_properties import instances


def _result(board: Board) -> Result:
    return Result(tuple(board.assignments()), ())


def _held(board: Board) -> set[int]:
    return {mi for mi, s in enumerate(board.slot) if s >= 0}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.integers(0, 3))
def test_annealing_keeps_every_rule_and_meeting_and_never_adds_a_hole(doc, seed):
    try:
        inst = parse_instance(doc)
    except InstanceError:
        return
    layout = Layout(inst)
    board = construct(layout, seed)
    held, holes = _held(board), board_holes(board)
    locked = {mi: (board.slot[mi], board.pool[mi]) for mi in held if board.pinned[mi]}
    removed, tried = anneal(board, seconds=60, seed=seed, budget=3_000)
    assert check(inst, _result(board)).violations == ()
    assert _held(board) == held
    assert board_holes(board) == holes - removed <= holes
    assert all((board.slot[mi], board.pool[mi]) == here for mi, here in locked.items())
    assert tried <= 3_000 + 1024 or board_holes(board) == 0


def test_a_hole_is_closed_along_a_chain_of_swaps_in_a_full_slot():
    # a meets b in t1 and c in t3 (a hole in t2); t2 holds b-c... all tables in t2 are taken,
    # so a's meeting can only come into t2 if another meeting leaves it at the same time.
    doc = document(
        slots=3,
        tables=1,
        people=("a", "b", "c", "d", "e"),
        meetings=(("a", "b"), ("a", "c"), ("d", "e")),
    )
    layout = Layout(instance(doc))
    board = Board(layout)
    for mi, s in ((0, 0), (1, 2), (2, 1)):
        board.place(mi, s, 0)
    assert board_holes(board) == 1
    removed, _ = anneal(board, seconds=5, seed=0, budget=20_000)
    assert (removed, board_holes(board)) == (1, 0)
    assert check(instance(doc), _result(board)).violations == ()


def test_groups_gather_meetings_by_the_table_pools_they_may_use():
    doc = document(tables=2, people=("a", "b", "c"), meetings=(("a", "b"), ("b", "c")))
    doc["participants"][0]["booth"] = "BA"
    doc["tables"].append({"id": "BA"})
    layout = Layout(instance(doc))
    board = construct(layout, 0)
    tables = table_groups(layout, board)
    assert tables is not None
    names = [[layout.pools[v].key for v in row] for row in tables.pools]
    assert [names[k] for k in tables.of] == [["BA"], ["@"]]
    assert [tables.capacity[k] for k in tables.of] == [1, 2]


def test_a_meeting_that_may_use_two_booths_keeps_to_the_one_it_is_at():
    doc = document(people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    for i, booth in ((0, "BA"), (1, "BB")):
        doc["participants"][i]["booth"] = booth
        doc["tables"].append({"id": booth})
    layout = Layout(instance(doc))
    board = construct(layout, 0)
    tables = table_groups(layout, board)
    assert tables is not None
    # a-b may use BA or BB, a-c only BA, b-c only BB: a-b joins the group of its booth.
    at = layout.pools[board.pool[0]].key
    assert [layout.pools[v].key for v in tables.pools[tables.of[0]]] == [at]
    assert tables.of[0] == tables.of[1 if at == "BA" else 2]


def test_with_walking_times_every_meeting_keeps_its_venue_and_its_walks():
    # a meets b at the north tables and c at the south ones, 10 minutes apart, with 5 minutes
    # between slots: the two may not follow each other, so the hole between them stays.
    doc = document(slots=3, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c")))
    doc["tables"] = [{"id": "T1", "location": "north"}, {"id": "T2", "location": "south"}]
    doc["travel_minutes"] = {"north": {"south": 10}}
    inst = instance(doc)
    layout = Layout(inst)
    north, south = (layout.pool_of_table[t] for t in ("T1", "T2"))
    board = Board(layout)
    board.place(0, 0, north)
    board.place(1, 2, south)
    tables = table_groups(layout, board)
    assert [tables.pools[k] for k in tables.of] == [[north], [south]]
    removed, tried = anneal(board, seconds=5, seed=0, budget=5_000)
    assert (removed, board_holes(board)) == (0, 1) and tried > 5_000
    assert (board.slot, board.pool) == ([0, 2], [north, south])

    doc["travel_minutes"] = {"north": {"south": 5}}  # now they may follow each other
    layout = Layout(instance(doc))
    board = Board(layout)
    board.place(0, 0, north)
    board.place(1, 2, south)
    removed, _ = anneal(board, seconds=5, seed=0, budget=5_000)
    assert (removed, board_holes(board), board.pool) == (1, 0, [north, south])
    assert check(instance(doc), _result(board)).violations == ()


def test_annealing_with_a_budget_depends_only_on_the_board_and_the_seed():
    layout = Layout(generate("small-forum", seed=2))
    boards = [compact_start(layout, 0) for _ in range(2)]
    for board in boards:
        anneal(board, seconds=60, seed=5, budget=4_000)
    assert boards[0].slot == boards[1].slot


def test_small_forum_is_scheduled_without_a_hole_and_proved_optimal():
    inst = generate("small-forum", seed=0)
    result = solve(inst, time_limit=10, seed=0, deterministic=True, wall_limit=guard(10))
    assert check(inst, result).violations == ()
    assert result.stats["scheduled"] == len(inst.meetings)
    assert result.stats["holes"] == 0
    assert result.stats["proved_optimal"] is True
    assert result.stats["method"] == "greedy+annealing"
