"""Tests for `matchfair.consortia.countries`: the dated list of member states and associated
countries."""

from __future__ import annotations

from matchfair.consortia import load_countries
from matchfair.consortia.countries import parse_countries


def test_load_countries_carries_its_date_source_and_sizes() -> None:
    countries = load_countries()

    assert (countries.as_of, "Horizon Europe" in countries.source) == ("2024-11-21", True)
    assert (len(countries.member_states), len(countries.associated)) == (27, 20)


def test_standing_member_associated_and_third() -> None:
    countries = load_countries()

    assert [countries.standing(c, 2) for c in ("BG", "NO", "GB", "US")] == [
        "member_state",
        "associated",
        "associated",
        "third",
    ]


def test_standing_pillar_two_only_association() -> None:
    countries = load_countries()

    assert [countries.standing("CA", pillar) for pillar in (1, 2, None)] == [
        "third",
        "associated",
        "associated",
    ]


def test_canonical_maps_the_eu_spellings() -> None:
    countries = load_countries()

    assert [countries.canonical(c) for c in ("EL", "uk", "de")] == ["GR", "GB", "DE"]
    assert countries.name("EL") == "Greece"


def test_parse_countries_reads_a_document_of_the_same_shape() -> None:
    countries = parse_countries(
        {
            "as_of": "2030-01-01",
            "source": "test",
            "member_states": [{"code": "DE", "name": "Germany"}],
            "associated_countries": [{"code": "CH", "name": "Switzerland", "pillars": None}],
        }
    )

    assert (countries.standing("CH", 1), countries.standing("FR", 1)) == ("associated", "third")
