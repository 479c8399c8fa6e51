import json
import os
from pathlib import Path

import pytest

from matchfair.scheduling import check, parse_instance, solve
from matchfair.scheduling.clock import guard

# The forums are reference data beside the project (../shared), never copied into it; a clone
# elsewhere names them with MATCHFAIR_FORUMS, as benchmarks/scheduling.py does.
FORUMS = Path(
    os.environ.get(
        "MATCHFAIR_FORUMS",
        Path(__file__).resolve().parents[3] / "shared" / "data" / "b2b-forums",
    )
)


@pytest.mark.skipif(not FORUMS.is_dir(), reason=f"real forum instances not found at {FORUMS}")
@pytest.mark.parametrize("name", ["tic-12", "forumt-14", "forum-13"])
def test_solve_real_forum_schedules_every_meeting(name):
    # Deterministic, so a busy machine does not cut the search short.
    inst = parse_instance(json.loads((FORUMS / f"{name}.json").read_text()))
    result = solve(inst, time_limit=4, deterministic=True, wall_limit=guard(4))
    report = check(inst, result)
    assert (report.violations, report.metrics["unscheduled"]) == ((), 0)


@pytest.mark.skipif(not FORUMS.is_dir(), reason=f"real forum instances not found at {FORUMS}")
@pytest.mark.parametrize("name", ["tic-12"])
def test_solve_real_forum_reaches_the_published_optimum_without_holes(name):
    # Published optimum: 0 holes. Deterministic, so it does not depend on machine speed.
    inst = parse_instance(json.loads((FORUMS / f"{name}.json").read_text()))
    result = solve(inst, time_limit=5, deterministic=True, wall_limit=guard(5))
    report = check(inst, result)
    assert (report.violations, report.metrics["unscheduled"]) == ((), 0)
    assert result.stats["holes"] == 0
    assert result.stats["proved_optimal"] is True


@pytest.mark.skipif(not FORUMS.is_dir(), reason=f"real forum instances not found at {FORUMS}")
def test_solve_real_forum_lower_bound_is_below_the_published_optimum():
    # forum-14: optimum 2. The loose-agenda bound must never exceed it, and the holes found
    # never fall below it.
    inst = parse_instance(json.loads((FORUMS / "forum-14.json").read_text()))
    result = solve(inst, time_limit=5, deterministic=True, wall_limit=guard(5))
    assert check(inst, result).violations == ()
    assert 0 < result.stats["holes_lower_bound"] <= 2 <= result.stats["holes"]
