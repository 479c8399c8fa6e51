"""The held-out benchmark prints one row per ranking and generator, labelled held out or tuned."""

from benchmarks import recommend_heldout


def test_heldout_table_labels_every_generator(capsys) -> None:
    assert recommend_heldout.main(["--participants", "120", "--only", "catalogue,prose"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[1:]]
    assert {(r[0], r[1]) for r in rows} == {("catalogue", "no (tuned)"), ("prose", "no (tuned)")}
    for generator in ("catalogue", "prose"):
        rankings = [r[2] for r in rows if r[0] == generator]
        assert rankings[:3] == ["tag overlap", "plain TF-IDF", "engine, default install"]
        for r in rows:
            assert 0.0 <= float(r[3]) <= 1.0


def test_heldout_rejects_an_unknown_generator(capsys) -> None:
    assert recommend_heldout.main(["--only", "poetry"]) == 2
    assert "unknown generator 'poetry'" in capsys.readouterr().err


def test_heldout_sets_run_the_later_generators_at_their_sizes(capsys) -> None:
    argv = ["--participants", "60", "--bilingual-participants", "50", "--sets"]
    assert recommend_heldout.main([*argv, "tenders,bilingual_generated,chatty"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("| ")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[1:]]
    assert {(r[0], r[1]) for r in rows} == {
        ("tenders", "yes"),
        ("bilingual_generated", "yes"),
        ("chatty", "yes"),
    }
    assert "60 participants per set (bilingual_generated: 50;" in out
    for generator in ("tenders", "bilingual_generated", "chatty"):
        rankings = [r[2] for r in rows if r[0] == generator]
        assert rankings[:3] == ["tag overlap", "plain TF-IDF", "engine, default install"]


def test_heldout_sets_are_kept_apart_from_the_first_generators(capsys) -> None:
    assert recommend_heldout.main(["--sets", "catalogue"]) == 2
    assert "choose from tenders, bilingual_generated, chatty" in capsys.readouterr().err
