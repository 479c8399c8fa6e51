from matchfair.scheduling import dump_instance, parse_instance
from matchfair.scheduling.generate import family, generate


def test_generate_same_seed_same_instance():
    assert generate("small-forum", seed=4) == generate("small-forum", seed=4)


def test_generate_small_forum_size_and_validity():
    inst = generate("small-forum+booths+groups+travel+tight+unavailable", seed=1)
    assert (len(inst.participants), len(inst.meetings), len(inst.slots)) == (150, 600, 20)
    assert parse_instance(dump_instance(inst)) == inst


def test_generate_variants_change_the_family():
    spec = family("brokerage-day+popular+tight")
    assert (spec.participants, spec.meetings, spec.popular, spec.tight_tables) == (
        1000,
        6000,
        0.03,
        True,
    )
