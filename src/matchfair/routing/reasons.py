"""Say, in words a member understands, why a wished stop is not in their itinerary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import Member, Visits, Wish
from .timeline import Anchor, Gap, gaps, start_ranges


def _free_gaps(visits: Visits, member: Member, fixed: Mapping[str, Sequence[Anchor]]) -> list[Gap]:
    return [g for d in member.days for g in gaps(member, visits.day_by_id[d], fixed.get(d, ()))]


def explain_skip(
    visits: Visits,
    member: Member,
    wish: Wish,
    fixed: Mapping[str, Sequence[Anchor]],
    chosen: Sequence[tuple[str, str, int]],
    wish_priority: Mapping[str, int],
) -> str:
    """Why `wish` was not fitted.

    `fixed` holds the joint visits per day (commitments come from the member); `chosen` the
    member's own visits as (day, stop, arrival).
    """
    stop = visits.stop_by_id[wish.stop]
    open_days = {w.day for w in stop.open}
    if not open_days & set(member.days):
        return "closed on the days you attend"
    free = _free_gaps(visits, member, fixed)
    fitting = [g for g in free if start_ranges(visits, stop, g)]
    if not fitting:
        return _no_time(visits, member, wish, free)
    # It would fit alone: the visits chosen in the same gaps are why it is out.
    rivals = [
        wish_priority.get(sid, 1)
        for day, sid, arrive in chosen
        if any(g.day == day and g.start <= arrive < g.end for g in fitting)
    ]
    if not rivals:
        return "not fitted within the time limit"
    if max(rivals) > wish.priority:
        return "lower priority than the visits chosen"
    return "no room left: the visits chosen where it fits are worth as much or more together"


def _no_time(visits: Visits, member: Member, wish: Wish, free: Sequence[Gap]) -> str:
    """The stop never fits: name the free time that comes closest."""
    stop = visits.stop_by_id[wish.stop]
    best: tuple[int, int, int] | None = None  # (shortfall, free minutes, walking minutes)
    for gap in free:
        walking = visits.walk(gap.origin, stop.location) + visits.walk(
            stop.location, gap.destination
        )
        for window in stop.open:
            if window.day != gap.day:
                continue
            minutes = min(gap.end, window.end) - max(gap.start, window.start)
            if minutes <= 0:
                continue
            shortfall = stop.minutes + walking - minutes
            if best is None or shortfall < best[0]:
                best = (shortfall, minutes, walking)
    if best is None:
        return "closed when you are free"
    _, minutes, walking = best
    return (
        f"no time between meetings: {minutes} min free, {stop.minutes} min needed "
        f"plus {walking} min walking"
    )
