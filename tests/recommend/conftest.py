"""Builders for small, explicit profile sets used across the recommend tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from matchfair.recommend import Opportunity, Profile

ProfileBuilder = Callable[..., Profile]


def make_profile(
    pid: str,
    *,
    organisation: str | None = None,
    organisation_type: str = "company",
    country: str = "BG",
    domains: Sequence[str] = ("mobility",),
    offers: Sequence[tuple[str, str]] = (),
    requests: Sequence[tuple[str, str]] = (),
    exclude: Sequence[str] = (),
) -> Profile:
    """A profile whose offers and requests are (title, description) pairs."""
    opportunities = [
        Opportunity(kind="offer", title=t, description=d, domains=tuple(domains)) for t, d in offers
    ] + [
        Opportunity(kind="request", title=t, description=d, domains=tuple(domains))
        for t, d in requests
    ]
    return Profile(
        id=pid,
        organisation=organisation or f"Organisation {pid}",
        organisation_type=organisation_type,
        country=country,
        domains=tuple(domains),
        description="",
        opportunities=tuple(opportunities),
        exclude=frozenset(exclude),
    )


@pytest.fixture
def profile() -> ProfileBuilder:
    return make_profile


TRAFFIC_REQUEST = (
    "Reduce congestion at junctions",
    "Rush-hour queues at our busy junctions; we want adaptive traffic signal control.",
)
TRAFFIC_OFFER = (
    "Adaptive traffic lights",
    "Traffic signal control that adapts to queues and congestion at busy junctions.",
)
PARKING_REQUEST = (
    "Find free parking faster",
    "Drivers circle for parking spaces; we need parking occupancy sensors.",
)
PARKING_OFFER = (
    "Parking occupancy sensors",
    "Sensors show free parking spaces so drivers stop circling.",
)
LEAK_OFFER = ("Acoustic leak detection", "Sensors that find leaks in water mains and pipes.")
