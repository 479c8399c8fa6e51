"""The tuning script scores tuning sets only and keeps a weight only when it helps."""

from benchmarks import recommend_tune


def test_tuning_refuses_a_set_that_is_not_for_tuning(capsys) -> None:
    assert recommend_tune.main(["--sets", "tenders"]) == 2
    assert "'tenders' is not a tuning set" in capsys.readouterr().out


def test_tuning_never_ends_below_where_it_started(capsys) -> None:
    argv = ["--participants", "80", "--sets", "catalogue", "--rounds", "1"]
    assert recommend_tune.main([*argv, "--only-weights", "mutual,domain"]) == 0
    out = capsys.readouterr().out.splitlines()
    start = float(out[1].split()[1])
    chosen = float(out[-1].rsplit(" ", 1)[1])
    trials = [line for line in out if line.startswith("round 1 ")]
    assert len(trials) == len(recommend_tune.GRID["mutual"]) + len(recommend_tune.GRID["domain"])
    assert chosen >= start
    assert chosen == max([start, *(float(t.split(": ")[1].split()[0]) for t in trials)])
