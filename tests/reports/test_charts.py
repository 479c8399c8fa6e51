import xml.etree.ElementTree as ET

import pytest

from matchfair.reports.charts import (
    grouped_bar_chart,
    histogram,
    horizontal_bar_chart,
    stacked_bar_chart,
)

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def values(root: ET.Element) -> list[str]:
    return [rect.get("data-value") for rect in root.iter(f"{SVG}rect") if rect.get("data-value")]


def test_bar_chart_is_well_formed_with_one_bar_per_item_and_its_value():
    root = parse(
        horizontal_bar_chart(
            [("Bulgaria", 12), ("Finland", 3), ("Spain", 0)],
            chart_id="c",
            title="By country",
            description="Bulgaria 12",
        )
    )
    assert (
        root.tag,
        root.get("role"),
        root.find(f"{SVG}title").text,
        root.find(f"{SVG}desc").text,
        values(root),
    ) == (f"{SVG}svg", "img", "By country", "Bulgaria 12", ["12", "3", "0"])


def test_bar_lengths_are_proportional_to_values():
    root = parse(
        horizontal_bar_chart([("a", 10), ("b", 5)], chart_id="c", title="t", description="d")
    )
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(2 * widths[1])


def test_labels_are_escaped_and_no_style_attribute_is_used():
    svg = horizontal_bar_chart(
        [("<script>alert(1)</script> & Co", 1)], chart_id="c", title='Say "hi"', description="<d>"
    )
    root = parse(svg)
    assert ("<script>" not in svg, "style=" not in svg, root.find(f"{SVG}title").text) == (
        True,
        True,
        'Say "hi"',
    )


def test_empty_chart_says_so_and_stays_well_formed():
    root = parse(
        horizontal_bar_chart([], chart_id="c", title="t", description="d", empty_text="No data")
    )
    assert ([text.text for text in root.iter(f"{SVG}text")], values(root)) == (["No data"], [])


def test_histogram_has_one_column_per_bin_and_axis_labels():
    root = parse(
        histogram(
            [("0", 4), ("1", 1), ("2", 0)],
            chart_id="h",
            title="Holes",
            description="d",
            x_label="Holes",
            y_label="Participants",
        )
    )
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert (values(root), "Holes" in texts, "Participants" in texts) == (
        ["4", "1", "0"],
        True,
        True,
    )


def test_stacked_bar_stacks_each_series_per_category():
    root = parse(
        stacked_bar_chart(
            ["09:00", "09:30"],
            [("Used", [3, 1]), ("Free", [1, 3])],
            chart_id="s",
            title="Tables",
            description="d",
        )
    )
    stacks = [group for group in root.iter(f"{SVG}g") if group.get("class") == "stack"]
    first = [
        (rect.get("data-series"), rect.get("data-value")) for rect in stacks[0].iter(f"{SVG}rect")
    ]
    heights = [float(rect.get("height")) for rect in stacks[0].iter(f"{SVG}rect")]
    assert (len(stacks), first, heights[0] == pytest.approx(3 * heights[1])) == (
        2,
        [("Used", "3"), ("Free", "1")],
        True,
    )


def test_stacked_bar_refuses_a_series_of_the_wrong_length():
    with pytest.raises(ValueError, match="Used"):
        stacked_bar_chart(["a", "b"], [("Used", [1])], chart_id="s", title="t", description="d")


def test_ids_link_title_and_description_for_screen_readers():
    root = parse(horizontal_bar_chart([("a", 1)], chart_id="x-1", title="t", description="d"))
    assert (root.get("aria-labelledby"), root.find(f"{SVG}title").get("id")) == (
        "x-1-title x-1-desc",
        "x-1-title",
    )


def test_grouped_bars_one_group_per_label_one_bar_per_series_each_labelled():
    svg = grouped_bar_chart(
        [("Camille", [3, 4.5]), ("Rita <R>", [2, 0])],
        ["Round 1", "Round 2"],
        chart_id="rounds",
        title="Votes per round",
        description="Camille 3 then 4.5",
    )
    root = parse(svg)
    groups = root.findall(f"{SVG}g")
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert (
        [g.get("data-group") for g in groups],
        values(root),
        [rect.get("data-series") for rect in root.iter(f"{SVG}rect")],
        widths[1] == pytest.approx(1.5 * widths[0], rel=1e-2),
        "Round 2: 4.5" in [t.text for t in root.iter(f"{SVG}text")],
        "style=" in svg,
        root.find(f"{SVG}title").text,
    ) == (
        ["Camille", "Rita <R>"],
        ["3", "4.5", "2", "0"],
        ["Round 1", "Round 2", "Round 1", "Round 2"],
        True,
        True,
        False,
        "Votes per round",
    )


def test_grouped_bars_refuse_a_group_without_a_value_per_series():
    with pytest.raises(ValueError, match="'Camille' has 1 values for 2 series"):
        grouped_bar_chart(
            [("Camille", [3])], ["Round 1", "Round 2"], chart_id="c", title="t", description="d"
        )
