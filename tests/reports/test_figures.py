import dataclasses
import xml.etree.ElementTree as ET

from matchfair.reports.domain.statistics import Breakdown, event_statistics
from matchfair.reports.figures import TOP, figures_for

SVG = "{http://www.w3.org/2000/svg}"


def bars(figure) -> list[tuple[str, str]]:
    root = ET.fromstring(figure.chart)
    return [
        (rect.find(f"{SVG}title").text, rect.get("data-value"))
        for rect in root.iter(f"{SVG}rect")
        if rect.get("data-value")
    ]


def test_a_chart_shows_the_largest_categories_and_others_while_its_table_lists_all(world):
    many = Breakdown(
        "country", "By country", "Country", tuple((f"Land {n}", 30 - n) for n in range(20))
    )
    statistics = dataclasses.replace(event_statistics(world.event), by_country=many)
    figure = next(f for f in figures_for(statistics, "all") if f.key == "country")
    shown = bars(figure)
    assert (len(shown), shown[-1][0], shown[-1][1], len(figure.rows)) == (
        TOP,
        "Others: 81",
        "81",
        20,
    )


def test_every_figure_has_a_chart_and_a_table_with_matching_ids(world):
    figures = figures_for(event_statistics(world.event), "own")
    ids = [ET.fromstring(figure.chart).get("id") for figure in figures]
    assert ids == [
        "own-country",
        "own-kind",
        "own-organiser",
        "own-requests",
        "own-meetings",
        "own-reasons",
        "own-holes",
        "own-table-use",
    ]


def test_an_event_without_anything_still_draws_every_figure(db):
    from tests import factories

    event = factories.b2b_event()
    figures = figures_for(event_statistics(event), "all")
    texts = [
        "".join(ET.fromstring(figure.chart).itertext()) for figure in figures if not figure.rows
    ]
    assert (len(figures), all("No data yet." in text for text in texts), len(texts)) == (8, True, 5)
