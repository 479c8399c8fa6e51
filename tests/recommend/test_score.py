from __future__ import annotations

import pytest

from matchfair.recommend import Engine, Recommendation, Weights, recommend
from matchfair.recommend.generate import generate
from tests.recommend.conftest import (
    LEAK_OFFER,
    PARKING_OFFER,
    PARKING_REQUEST,
    TRAFFIC_OFFER,
    TRAFFIC_REQUEST,
    ProfileBuilder,
)


def _ids(recommendations: list[Recommendation]) -> list[str]:
    return [r.id for r in recommendations]


def test_recommend_offer_answering_request_gives_reasons_with_titles(
    profile: ProfileBuilder,
) -> None:
    city = profile("city", organisation_type="city", requests=[TRAFFIC_REQUEST])
    supplier = profile("supplier", country="ES", offers=[TRAFFIC_OFFER])
    result = recommend([city, supplier])
    assert result["city"][0].reasons == (
        'Offers "Adaptive traffic lights" — answers your request "Reduce congestion at junctions"',
        "A company offering what you request",
        "Both work in mobility",
    )
    assert result["supplier"][0].reasons == (
        'Requests "Reduce congestion at junctions" — your offer "Adaptive traffic lights" '
        "answers it",
        "A city looking for suppliers",
        "Both work in mobility",
    )


def test_recommend_never_recommends_self(profile: ProfileBuilder) -> None:
    both = profile("both", offers=[TRAFFIC_OFFER], requests=[TRAFFIC_REQUEST])
    assert recommend([both]) == {"both": []}


def test_recommend_skips_own_organisation(profile: ProfileBuilder) -> None:
    asker = profile("asker", organisation="Velora", requests=[TRAFFIC_REQUEST])
    colleague = profile("colleague", organisation=" velora ", offers=[TRAFFIC_OFFER])
    outsider = profile("outsider", offers=[TRAFFIC_OFFER])
    result = recommend([asker, colleague, outsider])
    assert _ids(result["asker"]) == ["outsider"]
    # The colleague and the outsider sell the same thing: competitors, not a match.
    assert _ids(result["colleague"]) == []


def test_recommend_skips_excluded_one_way(profile: ProfileBuilder) -> None:
    asker = profile("asker", requests=[TRAFFIC_REQUEST], exclude=["first"])
    first = profile("first", offers=[TRAFFIC_OFFER])
    second = profile("second", offers=[TRAFFIC_OFFER])
    result = recommend([asker, first, second])
    assert _ids(result["asker"]) == ["second"]
    assert _ids(result["first"]) == ["asker"]


def test_recommend_mutual_interest_ranks_above_one_way(profile: ProfileBuilder) -> None:
    asker = profile("asker", requests=[TRAFFIC_REQUEST], offers=[PARKING_OFFER])
    one_way = profile("one-way", offers=[TRAFFIC_OFFER])
    mutual = profile("mutual", offers=[TRAFFIC_OFFER], requests=[PARKING_REQUEST])
    result = recommend([asker, one_way, mutual])
    assert _ids(result["asker"]) == ["mutual", "one-way"]
    assert sorted(result["asker"][0].reasons[:2]) == [
        'Offers "Adaptive traffic lights" — answers your request "Reduce congestion at junctions"',
        'Requests "Find free parking faster" — your offer "Parking occupancy sensors" answers it',
    ]


def test_recommend_nothing_in_common_recommends_nobody(profile: ProfileBuilder) -> None:
    asker = profile("asker", requests=[TRAFFIC_REQUEST])
    water = profile("water", domains=["water"], offers=[LEAK_OFFER])
    assert recommend([asker, water]) == {"asker": [], "water": []}


def test_recommend_shared_domain_alone_recommends_nobody(profile: ProfileBuilder) -> None:
    asker = profile("asker", requests=[TRAFFIC_REQUEST])
    also_asking = profile("also", requests=[PARKING_REQUEST])
    assert recommend([asker, also_asking]) == {"asker": [], "also": []}


def test_recommend_request_and_offer_sharing_only_tags_recommends_nobody(
    profile: ProfileBuilder,
) -> None:
    # Both tagged mobility, not one word in common: the tags' share of the opportunity
    # similarity must not reach the threshold on its own.
    asker = profile("asker", requests=[TRAFFIC_REQUEST])
    bikes = profile("bikes", offers=[("Shared bicycle docks", "Stations for city bikes.")])
    assert recommend([asker, bikes]) == {"asker": [], "bikes": []}


def test_recommend_top_twenty_is_not_one_country(profile: ProfileBuilder) -> None:
    asker = profile("asker", organisation_type="city", requests=[TRAFFIC_REQUEST])
    # Thirty equally good suppliers from Spain, five slightly weaker ones from elsewhere.
    spanish = [profile(f"es{i:02d}", country="ES", offers=[TRAFFIC_OFFER]) for i in range(30)]
    others = [
        profile(
            f"x{i}",
            country=country,
            offers=[("Traffic lights", "Signal control for junctions with queues.")],
        )
        for i, country in enumerate(["PT", "FI", "DE", "IT", "PL"])
    ]
    result = recommend([asker, *spanish, *others], top=20)
    countries = sorted({p.country for p in [*spanish, *others] if p.id in _ids(result["asker"])})
    assert countries == ["DE", "ES", "FI", "IT", "PL", "PT"]
    assert len(result["asker"]) == 20


def test_recommend_without_diversity_pressure_keeps_score_order(profile: ProfileBuilder) -> None:
    asker = profile("asker", requests=[TRAFFIC_REQUEST])
    strong = profile("strong", offers=[TRAFFIC_OFFER])
    weaker = profile("weaker", offers=[("Traffic lights", "Signal control for junctions.")])
    result = recommend([asker, weaker, strong], weights=Weights(country_decay=1.0))
    assert _ids(result["asker"]) == ["strong", "weaker"]
    assert result["asker"][0].score > result["asker"][1].score


def test_recommend_top_limits_list_length(profile: ProfileBuilder) -> None:
    asker = profile("asker", requests=[TRAFFIC_REQUEST])
    suppliers = [profile(f"s{i}", offers=[TRAFFIC_OFFER]) for i in range(5)]
    assert len(recommend([asker, *suppliers], top=3)["asker"]) == 3


def test_recommend_blocks_and_threads_give_same_result(profile: ProfileBuilder) -> None:
    people = [
        profile(f"p{i}", country="BG" if i % 2 else "ES", offers=[TRAFFIC_OFFER])
        if i % 3
        else profile(f"p{i}", requests=[TRAFFIC_REQUEST], offers=[PARKING_OFFER])
        for i in range(30)
    ]
    single = recommend(people, block_size=1000, workers=1)
    assert recommend(people, block_size=4, workers=2) == single


def test_recommend_empty_set_gives_empty_result() -> None:
    assert recommend([]) == {}


def test_recommend_only_stop_words_recommends_nobody(profile: ProfileBuilder) -> None:
    asker = profile("asker", domains=[], requests=[("The", "of and")])
    answer = profile("answer", domains=[], offers=[("And the", "")])
    assert recommend([asker, answer]) == {"asker": [], "answer": []}


def test_engine_recommend_for_equals_full_run() -> None:
    profiles = generate(300, seed=9).profiles
    engine = Engine(profiles)
    everyone = engine.all(top=10)
    chosen = ["p000000", "p000150", "p000299"]
    assert engine.recommend_for(chosen, top=10) == {pid: everyone[pid] for pid in chosen}


def test_engine_recommend_for_unknown_id_raises() -> None:
    engine = Engine(generate(5).profiles)
    with pytest.raises(KeyError, match="not in the profile set: nobody"):
        engine.recommend_for(["nobody"])
