"""Small charts drawn on the server as SVG: horizontal bars, grouped bars, a histogram and
stacked bars.

No JavaScript and no style attributes, so the Content-Security-Policy stays strict: colours and
positions are SVG presentation attributes. Each chart carries a `<title>` and a `<desc>` that
screen readers announce; pages show the same numbers in a data table next to the chart.
"""

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe

PALETTE = ("#1f5fa8", "#e0a526", "#2e8540", "#b03a2e", "#6c4f9c", "#5b6b7f")
INK = "#1d2433"
GRID = "#d5dae3"
FONT = 12
LABEL_WIDTH = 190
WIDTH = 640


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:.1f}"


def _open(chart_id: str, width: int, height: int, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id={quoteattr(chart_id)}'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img"'
        f' aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc"'
        f' font-family="sans-serif" font-size="{FONT}">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
    ]


def _clip(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _empty(parts: list[str], width: int, height: int, empty_text: str) -> SafeString:
    parts.append(
        f'<text x="{width // 2}" y="{height // 2}" text-anchor="middle" fill="{INK}">'
        f"{escape(empty_text)}</text></svg>"
    )
    return mark_safe("".join(parts))


def horizontal_bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    chart_id: str,
    title: str,
    description: str,
    empty_text: str = "—",
) -> SafeString:
    """One bar per (label, value), longest scale first as given; values are written at the bar end."""
    bar, gap, top = 18, 6, 8
    height = top * 2 + max(len(items), 1) * (bar + gap)
    parts = _open(chart_id, WIDTH, height, title, description)
    if not items:
        return _empty(parts, WIDTH, height, empty_text)
    largest = max(value for _label, value in items) or 1
    room = WIDTH - LABEL_WIDTH - 70
    parts.append(
        f'<line class="axis" x1="{LABEL_WIDTH}" y1="{top}" x2="{LABEL_WIDTH}"'
        f' y2="{height - top}" stroke="{INK}"/>'
    )
    for index, (label, value) in enumerate(items):
        y = top + index * (bar + gap)
        length = round(room * value / largest, 1)
        parts.append(
            f'<g class="bar"><text x="{LABEL_WIDTH - 6}" y="{y + bar - 5}" text-anchor="end"'
            f' fill="{INK}">{escape(_clip(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{bar}"'
            f' fill="{PALETTE[0]}" data-value="{escape(str(value))}"><title>'
            f"{escape(label)}: {_number(value)}</title></rect>"
            f'<text x="{LABEL_WIDTH + length + 5}" y="{y + bar - 5}" fill="{INK}">'
            f"{_number(value)}</text></g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def grouped_bar_chart(
    groups: Sequence[tuple[str, Sequence[float]]],
    series: Sequence[str],
    *,
    chart_id: str,
    title: str,
    description: str,
    empty_text: str = "—",
) -> SafeString:
    """Horizontal bars in groups: one group per (label, values), one bar per series within it
    (such as a candidate's votes in each round of a count). Each bar is labelled with its
    series and value, so colour is never the only cue; one scale for all bars."""
    bar, gap, group_gap, top = 14, 2, 12, 8
    if not groups or not series:
        return _empty(_open(chart_id, WIDTH, 60, title, description), WIDTH, 60, empty_text)
    for label, values in groups:
        if len(values) != len(series):
            raise ValueError(f"group {label!r} has {len(values)} values for {len(series)} series")
    group_height = len(series) * (bar + gap) + group_gap
    height = top * 2 + len(groups) * group_height
    parts = _open(chart_id, WIDTH, height, title, description)
    largest = max((value for _label, values in groups for value in values), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 130
    parts.append(
        f'<line class="axis" x1="{LABEL_WIDTH}" y1="{top}" x2="{LABEL_WIDTH}"'
        f' y2="{height - top}" stroke="{INK}"/>'
    )
    for index, (label, values) in enumerate(groups):
        y0 = top + index * group_height
        parts.append(
            f'<g class="group" data-group="{escape(label)}"><text x="{LABEL_WIDTH - 6}"'
            f' y="{y0 + bar - 3}" text-anchor="end" fill="{INK}">{escape(_clip(label))}</text>'
        )
        for number, (name, value) in enumerate(zip(series, values, strict=True)):
            y = y0 + number * (bar + gap)
            length = round(room * value / largest, 1)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{bar}"'
                f' fill="{PALETTE[number % len(PALETTE)]}" data-series="{escape(name)}"'
                f' data-value="{escape(str(value))}"><title>{escape(label)}, {escape(name)}:'
                f" {_number(value)}</title></rect>"
                f'<text x="{LABEL_WIDTH + length + 5}" y="{y + bar - 3}" fill="{INK}">'
                f"{escape(name)}: {_number(value)}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))


def histogram(
    bins: Sequence[tuple[str, float]],
    *,
    chart_id: str,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    empty_text: str = "—",
) -> SafeString:
    """Vertical columns, one a bin, touching each other as a histogram's do."""
    height, left, bottom, top = 260, 60, 46, 20
    parts = _open(chart_id, WIDTH, height, title, description)
    if not bins:
        return _empty(parts, WIDTH, height, empty_text)
    largest = max(value for _label, value in bins) or 1
    plot_width = WIDTH - left - 20
    plot_height = height - top - bottom
    column = plot_width / len(bins)
    base = height - bottom
    parts.append(
        f'<line class="axis" x1="{left}" y1="{base}" x2="{WIDTH - 20}" y2="{base}" stroke="{INK}"/>'
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="{INK}"/>'
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" fill="{INK}">'
        f"{_number(largest)}</text>"
        f'<text x="{left - 6}" y="{base}" text-anchor="end" fill="{INK}">0</text>'
        f'<text x="{left + plot_width / 2:.1f}" y="{height - 6}" text-anchor="middle"'
        f' fill="{INK}">{escape(x_label)}</text>'
        f'<text x="14" y="{top + plot_height / 2:.1f}" text-anchor="middle" fill="{INK}"'
        f' transform="rotate(-90 14 {top + plot_height / 2:.1f})">{escape(y_label)}</text>'
    )
    for index, (label, value) in enumerate(bins):
        x = left + index * column
        tall = round(plot_height * value / largest, 1)
        parts.append(
            f'<g class="bar"><rect x="{x:.1f}" y="{base - tall:.1f}" width="{column:.1f}"'
            f' height="{tall}" fill="{PALETTE[0]}" stroke="#ffffff"'
            f' data-value="{escape(str(value))}"><title>{escape(label)}: {_number(value)}'
            f"</title></rect>"
            f'<text x="{x + column / 2:.1f}" y="{base + 16}" text-anchor="middle"'
            f' fill="{INK}">{escape(_clip(label, 8))}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def stacked_bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    chart_id: str,
    title: str,
    description: str,
    empty_text: str = "—",
) -> SafeString:
    """One column a category, its series stacked from the bottom, with a legend above."""
    height, left, bottom, top = 330, 70, 100, 34
    parts = _open(chart_id, WIDTH, height, title, description)
    if not categories or not series:
        return _empty(parts, WIDTH, height, empty_text)
    for name, values in series:
        if len(values) != len(categories):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(categories)}")
    totals = [sum(values[index] for _name, values in series) for index in range(len(categories))]
    largest = max(totals) or 1
    plot_width = WIDTH - left - 20
    plot_height = height - top - bottom
    column = plot_width / len(categories)
    base = height - bottom
    label_every = max(1, round(len(categories) / 12))
    parts.append(
        f'<line class="axis" x1="{left}" y1="{base}" x2="{WIDTH - 20}" y2="{base}" stroke="{INK}"/>'
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="{INK}"/>'
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" fill="{INK}">'
        f"{_number(largest)}</text>"
        f'<text x="{left - 6}" y="{base}" text-anchor="end" fill="{INK}">0</text>'
    )
    for index, category in enumerate(categories):
        x = left + index * column
        y = float(base)
        parts.append(f'<g class="stack" data-category="{escape(category)}">')
        for number, (name, values) in enumerate(series):
            value = values[index]
            tall = plot_height * value / largest
            y -= tall
            parts.append(
                f'<rect x="{x + column * 0.1:.1f}" y="{y:.1f}" width="{column * 0.8:.1f}"'
                f' height="{tall:.1f}" fill="{PALETTE[number % len(PALETTE)]}"'
                f' data-series="{escape(name)}" data-value="{escape(str(value))}"><title>'
                f"{escape(category)}, {escape(name)}: {_number(value)}</title></rect>"
            )
        if index % label_every == 0:
            parts.append(
                f'<text x="{x + column / 2:.1f}" y="{base + 14}" text-anchor="end"'
                f' fill="{INK}" transform="rotate(-45 {x + column / 2:.1f} {base + 14})">'
                f"{escape(_clip(category, 16))}</text>"
            )
        parts.append("</g>")
    legend_x = left
    for number, (name, _values) in enumerate(series):
        parts.append(
            f'<g class="legend"><rect x="{legend_x}" y="4" width="12" height="12"'
            f' fill="{PALETTE[number % len(PALETTE)]}"/><text x="{legend_x + 16}"'
            f' y="14" fill="{INK}">{escape(name)}</text></g>'
        )
        legend_x += 30 + 8 * len(name)
    parts.append("</svg>")
    return mark_safe("".join(parts))
