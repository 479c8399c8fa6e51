"""The dashboard's figures: each statistic as a chart plus the data table it was drawn from."""

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from matchfair.reports import charts
from matchfair.reports.domain.statistics import Breakdown, Statistics

TOP = 15  # a chart shows this many categories; its data table lists them all


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    chart: SafeString
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _top(rows: tuple[tuple[str, int], ...]) -> list[tuple[str, int]]:
    if len(rows) <= TOP:
        return list(rows)
    rest = sum(count for _label, count in rows[TOP - 1 :])
    return [*rows[: TOP - 1], (_("Others"), rest)]


def _bars(breakdown: Breakdown, prefix: str) -> Figure:
    description = "; ".join(f"{label}: {count}" for label, count in breakdown.rows[:TOP])
    return Figure(
        key=breakdown.key,
        title=breakdown.title,
        chart=charts.horizontal_bar_chart(
            _top(breakdown.rows),
            chart_id=f"{prefix}-{breakdown.key}",
            title=breakdown.title,
            description=description or _("No data yet."),
            empty_text=_("No data yet."),
        ),
        headers=(breakdown.category, _("Count")),
        rows=breakdown.rows,
    )


def figures_for(statistics: Statistics, prefix: str) -> list[Figure]:
    figures = [
        _bars(breakdown, prefix)
        for breakdown in (
            statistics.by_country,
            statistics.by_kind,
            statistics.by_organiser,
            statistics.requests,
            statistics.meetings,
            statistics.unscheduled_reasons,
        )
    ]
    holes = statistics.holes
    figures.append(
        Figure(
            key=holes.key,
            title=holes.title,
            chart=charts.histogram(
                list(holes.rows),
                chart_id=f"{prefix}-holes",
                title=holes.title,
                description=_(
                    "Participants with a scheduled meeting, by their number of holes: %(list)s"
                )
                % {"list": "; ".join(f"{label}: {count}" for label, count in holes.rows)},
                x_label=_("Holes"),
                y_label=_("Participants"),
                empty_text=_("No data yet."),
            ),
            headers=(holes.category, _("Participants")),
            rows=holes.rows,
        )
    )
    if statistics.table_use:
        uses = statistics.table_use
        title = _("Table use per slot")
        figures.append(
            Figure(
                key="table_use",
                title=title,
                chart=charts.stacked_bar_chart(
                    [use.label for use in uses],
                    [
                        (_("Used"), [use.used for use in uses]),
                        (_("Free"), [use.free for use in uses]),
                    ],
                    chart_id=f"{prefix}-table-use",
                    title=title,
                    description=_("Tables used and free in each of %(count)s slots.")
                    % {"count": len(uses)},
                    empty_text=_("No data yet."),
                ),
                headers=(_("Slot"), _("Tables used"), _("Tables free")),
                rows=tuple((use.label, use.used, use.free) for use in uses),
            )
        )
    return figures
