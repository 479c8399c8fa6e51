from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.recommend import DOMAINS, Opportunity, Profile, recommend

_WORDS = [
    "traffic", "lights", "junction", "parking", "sensors", "solar", "roof", "leak",
    "water", "pipes", "air", "quality", "waste", "bins", "tourism", "museum", "data",
]  # fmt: skip

_opportunities = st.lists(
    st.builds(
        Opportunity,
        kind=st.sampled_from(["offer", "request"]),
        title=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join),
        description=st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
        domains=st.lists(st.sampled_from(list(DOMAINS)), max_size=2, unique=True).map(tuple),
    ),
    max_size=4,
)


@st.composite
def _profile_sets(draw: st.DrawFn) -> list[Profile]:
    size = draw(st.integers(min_value=1, max_value=14))
    ids = [f"p{i}" for i in range(size)]
    return [
        Profile(
            id=pid,
            organisation=draw(st.sampled_from(["Velora", "Nordix", "Quorex", pid])),
            organisation_type=draw(st.sampled_from(["city", "company", "startup", "research"])),
            country=draw(st.sampled_from(["BG", "ES", "PT"])),
            domains=tuple(draw(st.lists(st.sampled_from(list(DOMAINS)), max_size=2, unique=True))),
            opportunities=tuple(draw(_opportunities)),
            exclude=frozenset(draw(st.lists(st.sampled_from(ids), max_size=3))),
        )
        for pid in ids
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles=_profile_sets(), top=st.integers(min_value=1, max_value=6))
def test_recommend_any_profiles_is_deterministic_and_never_recommends_self(
    profiles: list[Profile], top: int
) -> None:
    first = recommend(profiles, top=top)
    assert recommend(profiles, top=top, block_size=3, workers=2) == first
    organisation = {p.id: " ".join(p.organisation.casefold().split()) for p in profiles}
    for profile in profiles:
        recommended = [r.id for r in first[profile.id]]
        assert len(recommended) <= top
        assert len(set(recommended)) == len(recommended)
        assert profile.id not in recommended
        assert [r for r in recommended if organisation[r] == organisation[profile.id]] == []
        assert [r for r in recommended if r in profile.exclude] == []
        assert [r for r in first[profile.id] if not 1 <= len(r.reasons) <= 3] == []
        assert [r for r in first[profile.id] if r.score <= 0] == []
