"""Check itineraries against the request, independently of the planner's code.

It reads only the request and the answer, and recomputes walking times itself, so a bug in the
planner's gaps or models cannot hide behind the same bug here.
"""

from __future__ import annotations

import itertools
import math

from .model import Commitment, Entry, Itineraries, Member, Visits


def _walk(visits: Visits, a: str, b: str) -> int:
    if a == b:
        return 0
    if visits.walking_matrix is not None:
        forward = visits.walking_matrix.get(a, {}).get(b)
        return forward if forward is not None else visits.walking_matrix[b][a]
    assert visits.positions is not None and visits.speed is not None
    (ax, ay), (bx, by) = visits.positions[a], visits.positions[b]
    return math.ceil(math.hypot(ax - bx, ay - by) / visits.speed - 1e-9)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _label(entry: Entry) -> str:
    if entry.kind == "visit":
        return f"visit to {entry.stop}"
    return f"{entry.kind} {entry.commitment}"


def _check_day(
    visits: Visits, member: Member, day_id: str, entries: tuple[Entry, ...], problems: list[str]
) -> None:
    day = visits.day_by_id[day_id]
    where = f"{member.id} {day_id}"
    stays = [e for e in entries if e.kind != "walk"]
    fixed_ids = {e.commitment for e in stays if e.kind in ("meeting", "commitment")}

    expected = {c.id: c for c in member.commitments if c.day == day_id}
    for cid in sorted(set(expected) - fixed_ids):
        problems.append(f"{where}: commitment {cid} is missing")
    for entry in stays:
        if entry.kind in ("meeting", "commitment"):
            c: Commitment | None = expected.get(entry.commitment or "")
            kind = None if c is None else ("meeting" if c.kind == "meeting" else "commitment")
            if c is None:
                problems.append(f"{where}: unknown commitment {entry.commitment}")
            elif (entry.arrive, entry.leave, entry.location, entry.kind) != (
                c.start,
                c.end,
                c.location,
                kind,
            ):
                problems.append(f"{where}: commitment {c.id} moved or changed")
        elif entry.kind == "visit":
            stop = visits.stop_by_id.get(entry.stop or "")
            if stop is None:
                problems.append(f"{where}: visit to unknown stop {entry.stop}")
                continue
            if entry.location != stop.location:
                problems.append(f"{where}: visit to {stop.id} at the wrong location")
            if entry.leave - entry.arrive < stop.minutes:
                problems.append(
                    f"{where}: visit to {stop.id} lasts {entry.leave - entry.arrive} min,"
                    f" {stop.minutes} needed"
                )
            if not any(
                w.day == day_id and w.start <= entry.arrive and entry.leave <= w.end
                for w in stop.open
            ):
                problems.append(
                    f"{where}: visit to {stop.id} {_hhmm(entry.arrive)}–{_hhmm(entry.leave)}"
                    " outside its opening hours"
                )
        else:
            problems.append(f"{where}: unknown entry kind {entry.kind}")
        if entry.arrive < day.start or entry.leave > day.end or entry.leave < entry.arrive:
            problems.append(f"{where}: {_label(entry)} outside the day's bounds")

    # Walk checks: a fixed point is a commitment or the day's start or end; only walks that
    # touch a visit are the planner's to answer for.
    points: list[tuple[int, int, str, bool, str]] = [
        (day.start, day.start, member.start, True, "start")
    ]
    points += [(e.arrive, e.leave, e.location, e.kind != "visit", _label(e)) for e in stays]
    points.append((day.end, day.end, member.end, True, "end of day"))
    for before, after in itertools.pairwise(points):
        if after[0] < before[1]:
            problems.append(f"{where}: {after[4]} overlaps {before[4]}")
            continue
        walk = _walk(visits, before[2], after[2])
        if not (before[3] and after[3]) and after[0] - before[1] < walk:
            problems.append(
                f"{where}: {after[4]} at {_hhmm(after[0])} leaves {after[0] - before[1]} min after"
                f" {before[4]}, walking takes {walk} min"
            )

    # Walk entries must sit between the stays they join and take the walking time.
    position = 0
    for index, entry in enumerate(entries):
        if entry.kind != "walk":
            position += 1
            continue
        before, after = points[position], points[position + 1]
        walk = _walk(visits, before[2], after[2])
        if (entry.origin, entry.location) != (before[2], after[2]):
            problems.append(f"{where}: walk #{index} does not join {before[4]} and {after[4]}")
        elif entry.leave - entry.arrive != walk:
            problems.append(
                f"{where}: walk #{index} takes {entry.leave - entry.arrive} min, not {walk}"
            )
        elif not (before[3] and after[3]) and (entry.arrive < before[1] or entry.leave > after[0]):
            problems.append(
                f"{where}: walk #{index} does not fit between {before[4]} and {after[4]}"
            )


def check(visits: Visits, itineraries: Itineraries) -> list[str]:
    """Every broken rule, one line each; an empty list means the itineraries are valid."""
    problems: list[str] = []
    plans = {p.member: p for p in itineraries.members}
    if len(plans) != len(itineraries.members):
        problems.append("a member has two itineraries")
    for mid in sorted(set(plans) - set(visits.member_by_id)):
        problems.append(f"{mid}: itinerary for an unknown member")

    outcomes = {o.id: o for o in itineraries.joint_visits}
    joint_by_id = {j.id: j for j in visits.joint_visits}
    if set(outcomes) != set(joint_by_id) or len(outcomes) != len(itineraries.joint_visits):
        problems.append("joint visits: each must be reported exactly once")
    for outcome in outcomes.values():
        spec = joint_by_id.get(outcome.id)
        if spec is None or outcome.day is None or outcome.arrive is None or outcome.leave is None:
            continue
        if outcome.leave - outcome.arrive < visits.stop_by_id[spec.stop].minutes:
            problems.append(f"joint visit {outcome.id}: too short")

    fitted_total = 0
    for member in visits.members:
        plan = plans.get(member.id)
        if plan is None:
            problems.append(f"{member.id}: no itinerary")
            continue
        day_ids = [d.day for d in plan.days]
        if sorted(day_ids) != sorted(member.days):
            problems.append(f"{member.id}: itinerary days {day_ids} are not the days attended")
        seen_stops: dict[str, int] = {}
        joint_seen: dict[str, tuple[str, int, int]] = {}
        for day_plan in plan.days:
            if day_plan.day not in visits.day_by_id or day_plan.day not in member.days:
                continue
            _check_day(visits, member, day_plan.day, day_plan.entries, problems)
            for entry in day_plan.entries:
                if entry.kind != "visit" or entry.stop is None:
                    continue
                seen_stops[entry.stop] = seen_stops.get(entry.stop, 0) + 1
                if entry.joint is not None:
                    joint_seen[entry.joint] = (day_plan.day, entry.arrive, entry.leave)
                    spec = joint_by_id.get(entry.joint)
                    if spec is None or member.id not in spec.members or spec.stop != entry.stop:
                        problems.append(
                            f"{member.id}: visit to {entry.stop} claims joint visit {entry.joint}"
                        )
        wished = {w.stop: w.priority for w in member.wishes}
        joined = {j.stop for j in visits.joint_visits if member.id in j.members}
        for stop_id, count in sorted(seen_stops.items()):
            if count > 1:
                problems.append(f"{member.id}: visits {stop_id} {count} times")
            if stop_id not in wished and stop_id not in joined:
                problems.append(f"{member.id}: visits {stop_id}, which they did not wish")
        for spec in visits.joint_visits:
            if member.id not in spec.members:
                continue
            reported = outcomes.get(spec.id)
            placed = None if reported is None or reported.day is None else reported
            got = joint_seen.get(spec.id)
            if placed is None and got is not None:
                problems.append(f"{member.id}: makes joint visit {spec.id}, reported skipped")
            elif placed is not None and got != (placed.day, placed.arrive, placed.leave):
                problems.append(f"{member.id}: joint visit {spec.id} not made with the others")
        skipped = [s.stop for s in plan.skipped]
        for stop_id in sorted(wished):
            if (stop_id in seen_stops) == (stop_id in skipped):
                problems.append(f"{member.id}: wish {stop_id} must be either fitted or skipped")
        for stop_id in skipped:
            if stop_id not in wished:
                problems.append(f"{member.id}: skipped {stop_id}, which they did not wish")
        fitted_total += sum(p for s, p in wished.items() if s in seen_stops)

    claimed = itineraries.stats.get("priority_fitted")
    if claimed is not None and claimed != fitted_total:
        problems.append(f"stats: priority_fitted is {claimed}, the itineraries fit {fitted_total}")
    return problems
