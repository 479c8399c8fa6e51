from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.recommend import DOMAINS, Opportunity, Profile, Recommendation, recommend
from matchfair.recommend.reasons import shorten
from tests.recommend.conftest import TRAFFIC_OFFER, TRAFFIC_REQUEST, ProfileBuilder

SIGNAL_SOFTWARE = (
    "Adaptive traffic signal control software",
    "Signal timings that follow the traffic at junctions; runs on the traffic controllers a "
    "city already has.",
)
INTEGRATOR_REQUEST = (
    "System integrator partner in Spain and Portugal",
    "We look for an integrator who maintains traffic controllers and can run our "
    "deployments locally.",
)
INTEGRATOR_OFFER = (
    "Installation and maintenance of roadside equipment",
    "Our crews integrate, install and maintain controllers, cameras and cabinets for cities "
    "in Spain and Portugal, and run local deployments for software vendors.",
)


def _ids(recommendations: list[Recommendation]) -> list[str]:
    return [r.id for r in recommendations]


def test_recommend_competitor_trap_two_sellers_one_buyer(profile: ProfileBuilder) -> None:
    seller = profile("seller", offers=[TRAFFIC_OFFER])
    rival = profile("rival", country="ES", offers=[TRAFFIC_OFFER])
    buyer = profile("buyer", organisation_type="city", country="PT", requests=[TRAFFIC_REQUEST])
    result = recommend([seller, rival, buyer])
    assert {pid: _ids(recs) for pid, recs in result.items()} == {
        "seller": ["buyer"],
        "rival": ["buyer"],
        "buyer": ["seller", "rival"],
    }


def test_recommend_competitor_offer_never_answers_a_request_sharing_its_words(
    profile: ProfileBuilder,
) -> None:
    # The demo's trap: a seller's request for an integrator mentions traffic controllers,
    # and so does every rival's signal-control offer.
    seller = profile("seller", offers=[SIGNAL_SOFTWARE], requests=[INTEGRATOR_REQUEST])
    rivals = [profile(f"rival{i}", country="ES", offers=[SIGNAL_SOFTWARE]) for i in range(3)]
    integrator = profile("integrator", country="PT", offers=[INTEGRATOR_OFFER])
    result = recommend([seller, *rivals, integrator])
    assert _ids(result["seller"]) == ["integrator"]
    assert result["seller"][0].reasons[0] == (
        'Offers "Installation and maintenance of roadside equipment" — answers your request '
        '"System integrator partner in Spain and Portugal"'
    )
    assert [_ids(result[f"rival{i}"]) for i in range(3)] == [[], [], []]


def test_shorten_cuts_long_titles_at_a_word() -> None:
    assert shorten("Adaptive traffic lights") == "Adaptive traffic lights"
    long = "Partners for a positive energy district project in a Horizon Europe call for cities"
    assert shorten(long) == "Partners for a positive energy district project in a…"


def test_recommend_reasons_quote_shortened_titles(profile: ProfileBuilder) -> None:
    long_offer = (TRAFFIC_OFFER[0] + " with measured travel times before and after, in the cloud",)
    city = profile("city", organisation_type="city", requests=[TRAFFIC_REQUEST])
    supplier = profile("supplier", offers=[(long_offer[0], TRAFFIC_OFFER[1])])
    assert recommend([city, supplier])["city"][0].reasons[0] == (
        'Offers "Adaptive traffic lights with measured travel times before…" — answers your '
        'request "Reduce congestion at junctions"'
    )


_WORDS = [
    "traffic", "lights", "junction", "parking", "sensors", "solar", "roof", "leak",
    "water", "pipes", "air", "quality", "waste", "bins", "integrator", "controllers", "data",
]  # fmt: skip
_texts = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join)


def _opportunities(kinds: list[str]) -> st.SearchStrategy[list[Opportunity]]:
    return st.lists(
        st.builds(
            Opportunity,
            kind=st.sampled_from(kinds),
            title=_texts,
            description=_texts,
            domains=st.lists(st.sampled_from(list(DOMAINS)), max_size=2, unique=True).map(tuple),
        ),
        max_size=3,
    )


@st.composite
def _worlds(draw: st.DrawFn, kinds: tuple[str, ...] = ("offer", "request")) -> list[Profile]:
    size = draw(st.integers(min_value=1, max_value=10))
    return [
        Profile(
            id=f"p{i}",
            organisation=f"Organisation {i}",
            organisation_type=draw(st.sampled_from(["city", "company", "startup", "research"])),
            country=draw(st.sampled_from(["BG", "ES", "PT"])),
            domains=tuple(draw(st.lists(st.sampled_from(list(DOMAINS)), max_size=2, unique=True))),
            opportunities=tuple(draw(_opportunities(list(kinds)))),
        )
        for i in range(size)
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=_worlds(kinds=("offer",)))
def test_recommend_offers_alone_justify_nothing(world: list[Profile]) -> None:
    assert recommend(world) == {p.id: [] for p in world}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    world=_worlds(),
    offers=_opportunities(["offer"]).filter(bool),
    requests=_opportunities(["request"]),
)
def test_recommend_seller_never_suggested_to_a_seller_of_the_same_offers(
    world: list[Profile], offers: list[Opportunity], requests: list[Opportunity]
) -> None:
    seller = Profile(
        id="seller",
        organisation="Seller",
        organisation_type="company",
        country="BG",
        opportunities=(*offers, *requests),
    )
    rival = Profile(
        id="rival",
        organisation="Rival",
        organisation_type="company",
        country="ES",
        opportunities=tuple(offers),
    )
    result = recommend([*world, seller, rival])
    assert "rival" not in _ids(result["seller"])
    assert "seller" not in _ids(result["rival"])


_OFFERS = re.compile(r'^Offers "(?P<offer>.*)" — answers your request "(?P<request>.*)"$')
_REQUESTS = re.compile(r'^Requests "(?P<request>.*)" — your offer "(?P<offer>.*)" answers it$')


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=_worlds())
def test_recommend_every_suggestion_quotes_a_request_and_the_offer_answering_it(
    world: list[Profile],
) -> None:
    by_id = {p.id: p for p in world}

    def titles(owner: Profile, kind: str) -> set[str]:
        return {shorten(o.title) for o in owner.opportunities if o.kind == kind}

    for pid, recommendations in recommend(world).items():
        me = by_id[pid]
        for recommendation in recommendations:
            them = by_id[recommendation.id]
            first = recommendation.reasons[0]
            offered, asked = _OFFERS.match(first), _REQUESTS.match(first)
            if offered is not None:
                assert offered["offer"] in titles(them, "offer")
                assert offered["request"] in titles(me, "request")
            else:
                assert asked is not None, first
                assert asked["request"] in titles(them, "request")
                assert asked["offer"] in titles(me, "offer")


def test_recommend_supplier_description_answers_when_it_lists_no_offer(
    profile: ProfileBuilder,
) -> None:
    city = profile("city", organisation_type="city", requests=[TRAFFIC_REQUEST])
    startup = profile("startup", organisation_type="startup", country="ES")
    startup = replace(
        startup,
        description="Adaptive traffic lights: signal control that adapts to queues and "
        "congestion at busy junctions, live in four cities across Spain.",
    )
    town = replace(
        profile("town", organisation_type="city", country="PT"),
        description="Adaptive traffic lights and congestion at busy junctions worry us too.",
    )
    result = recommend([city, startup, town])
    assert _ids(result["city"]) == ["startup"]
    assert result["city"][0].reasons[0] == (
        'Offers "Adaptive traffic lights: signal control that adapts to…" — answers '
        'your request "Reduce congestion at junctions"'
    )


BG_TRAFFIC_REQUEST = (
    "Намаляване на задръстванията по кръстовищата",
    "В час пик по натоварените кръстовища се образуват опашки.",
)
BG_SIGNAL_SOFTWARE = (
    "Софтуер за адаптивно управление на светофари",
    "Времената на светофарите следват трафика по кръстовищата.",
)
BG_INTEGRATOR_REQUEST = (
    "Системен интегратор в Испания и Португалия",
    "Търсим интегратор, който поддържа контролери и внедрява на място.",
)


def test_recommend_bulgarian_request_meets_english_offer_of_its_domain(
    profile: ProfileBuilder,
) -> None:
    # The texts share no word; the domain tags stand in for them across scripts.
    buyer = profile("buyer", organisation_type="city", requests=[BG_TRAFFIC_REQUEST])
    supplier = profile("supplier", country="ES", offers=[TRAFFIC_OFFER])
    plumber = profile(
        "plumber",
        country="PT",
        domains=("water",),
        offers=[("Acoustic leak detection", "Sensors that find leaks in water mains.")],
    )
    result = recommend([buyer, supplier, plumber])
    assert _ids(result["buyer"]) == ["supplier"]
    assert result["buyer"][0].reasons[:2] == (
        'Offers "Adaptive traffic lights" — answers your request '
        '"Намаляване на задръстванията по кръстовищата"',
        "Written in Bulgarian and another language: matched on shared domains and terms",
    )


def test_recommend_english_rival_never_answers_a_bulgarian_sellers_request(
    profile: ProfileBuilder,
) -> None:
    # Across scripts the rival's offer is as close to her own offer as to her request (the
    # same tags, no shared words): a tie, and a tie is a competitor.
    seller = profile("seller", offers=[BG_SIGNAL_SOFTWARE], requests=[BG_INTEGRATOR_REQUEST])
    rival = profile("rival", country="ES", offers=[SIGNAL_SOFTWARE])
    result = recommend([seller, rival])
    assert result == {"seller": [], "rival": []}
