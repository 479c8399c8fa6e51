from __future__ import annotations

from matchfair.recommend import parse_profiles, profiles_document
from matchfair.recommend.generate import generate


def test_generate_same_seed_gives_same_set() -> None:
    assert generate(60, seed=4).profiles == generate(60, seed=4).profiles


def test_generate_output_follows_contract() -> None:
    profiles = generate(80, seed=2).profiles
    assert parse_profiles(profiles_document(profiles)) == profiles


def test_generate_truth_excludes_self_and_colleagues() -> None:
    generated = generate(300, seed=5)
    bad = [
        (i, j)
        for i, me in enumerate(generated.profiles)
        for j in generated.relevant(i)
        if j == i or generated.profiles[j].organisation == me.organisation
    ]
    assert bad == []


def test_generate_truth_pairs_are_worded_differently() -> None:
    # Most truly complementary offer and request titles do not repeat each other.
    generated = generate(300, seed=6)
    same = total = 0
    for i, needs in enumerate(generated.needs):
        for (kind, need), mine in zip(needs, generated.profiles[i].opportunities, strict=True):
            if kind != "request":
                continue
            for j, other_needs in enumerate(generated.needs):
                for (other_kind, other_need), theirs in zip(
                    other_needs, generated.profiles[j].opportunities, strict=True
                ):
                    if other_kind == "offer" and other_need == need:
                        total += 1
                        same += mine.title == theirs.title
    assert total > 100
    assert same == 0
