"""Reasons are recognised by the engine's fixed patterns and rebuilt through gettext."""

import pytest
from django.utils import translation

from matchfair.matchmaking.reasons import translated

ENGINE_REASONS = [
    'Offers "Adaptive traffic lights" — answers your request "Reduce congestion at junctions"',
    'Requests "Find free parking faster" — your offer "Parking occupancy sensors" answers it',
    "A city looking for suppliers",
    "A startup looking for investors",
    "A company looking for startups",
    "A university looking for test-beds in cities",
    "An investor for what you request",
    "A company offering what you request",
    "An association offering what you request",
    "You both look for partners in energy",
    "Both work in water and in ICT and data",
    "Written in Bulgarian and another language: matched on shared domains and terms",
]


@pytest.mark.parametrize("reason", ENGINE_REASONS)
def test_translated_in_english_gives_the_engine_text_back(reason):
    with translation.override("en"):
        assert translated(reason) == reason


@pytest.mark.parametrize(
    "reason",
    ["Both work in basket weaving", "A spaceship looking for suppliers", "Something else"],
)
def test_translated_leaves_unknown_text_as_it_is(reason):
    with translation.override("bg"):
        assert translated(reason) == reason


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("A startup looking for investors", "Стартъп търси инвеститори"),
        (
            "Both work in water and in ICT and data",
            "И двамата работите в областите: води, ИКТ и данни",
        ),
        ("An investor for what you request", "Инвеститор за това, което търсите"),
        (
            "Written in Bulgarian and another language: matched on shared domains and terms",
            "Написано на български и на друг език: съпоставено по общи области и термини",
        ),
    ],
)
def test_translated_in_bulgarian(reason, expected):
    with translation.override("bg"):
        assert translated(reason) == expected


def test_a_suggestion_stored_with_the_old_wording_reads_as_the_new():
    with translation.override("en"):
        assert translated("Both request partners in energy") == (
            "You both look for partners in energy"
        )
