"""Seeded generator of synthetic instances for tests and benchmarks, in named families.

Four sizes: small forum, brokerage day, large fair and expo (FAMILIES), with variants for
popular participants, booths, group meetings, travel times, tight tables and unavailability.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from .model import Instance, Meeting, Participant, Slot, Table


@dataclass(frozen=True, slots=True)
class Family:
    participants: int
    meetings: int
    days: int
    sessions_per_day: int
    slots_per_session: int
    table_factor: float = 1.25
    popular: float = 0.0  # share of participants that are over-asked
    booths: float = 0.0  # share of participants with a booth
    groups: float = 0.0  # share of meetings with three participants
    travel: bool = False
    tight_tables: bool = False  # 10% fewer tables
    unavailable: float = 0.0  # share of participants missing one session
    priorities: bool = True
    slot_minutes: int = 20


FAMILIES: dict[str, Family] = {
    "small-forum": Family(150, 600, 1, 2, 10),
    "brokerage-day": Family(1_000, 6_000, 1, 2, 10),
    "large-fair": Family(5_000, 30_000, 2, 2, 8),
    "expo": Family(25_000, 150_000, 3, 2, 8, table_factor=1.15),
}
VARIANTS: dict[str, dict[str, object]] = {
    "popular": {"popular": 0.03},
    "booths": {"booths": 0.05},
    "groups": {"groups": 0.05},
    "travel": {"travel": True},
    "tight": {"tight_tables": True},
    "unavailable": {"unavailable": 0.15},
}


def family(name: str) -> Family:
    """A family by name, with `+variant` suffixes, e.g. `small-forum+booths+travel`."""
    base, *variants = name.split("+")
    spec = FAMILIES[base]
    for variant in variants:
        spec = replace(spec, **VARIANTS[variant])  # type: ignore[arg-type]
    return spec


def generate(spec: Family | str, seed: int = 0) -> Instance:
    if isinstance(spec, str):
        spec = family(spec)
    rng = random.Random(seed)
    slots = _slots(spec)
    n_slots = len(slots)
    sessions: dict[str, list[str]] = {}
    for s in slots:
        sessions.setdefault(s.session, []).append(s.id)
    pids = [f"p{i + 1}" for i in range(spec.participants)]
    # Skewed popularity: a few participants are asked far more often than others.
    weights = [rng.paretovariate(2.0) for _ in pids]
    popular = set(rng.sample(range(len(pids)), int(spec.popular * len(pids))))
    for i in popular:
        weights[i] *= 12
    cumulative = list(itertools.accumulate(weights))
    people_range = range(len(pids))
    meetings: list[Meeting] = []
    degree = [0] * len(pids)
    cap = int(n_slots * 0.8)
    seen: set[tuple[int, ...]] = set()
    attempts = 0
    while len(meetings) < spec.meetings and attempts < spec.meetings * 20:
        attempts += 1
        size = 3 if rng.random() < spec.groups else 2
        asker = rng.randrange(len(pids))
        if degree[asker] >= cap and asker not in popular:
            continue
        people = {asker}
        while len(people) < size:
            q = rng.choices(people_range, cum_weights=cumulative)[0]
            if degree[q] >= cap and q not in popular:
                q = rng.randrange(len(pids))
            people.add(q)
        key = tuple(sorted(people))
        if key in seen or any(degree[q] >= cap and q not in popular for q in key):
            continue
        seen.add(key)
        for q in key:
            degree[q] += 1
        priority = rng.choices((1, 2, 3), weights=(6, 3, 1))[0] if spec.priorities else 1
        meetings.append(Meeting(f"m{len(meetings) + 1}", tuple(pids[q] for q in key), priority))
    all_slots = frozenset(s.id for s in slots)
    session_ids = list(sessions)
    participants: list[Participant] = []
    booth_owners = set(rng.sample(range(len(pids)), int(spec.booths * len(pids))))
    locations = [f"hall-{c}" for c in "ABC"] if spec.travel else [None]
    tables: list[Table] = []
    for i, pid in enumerate(pids):
        available = all_slots
        if rng.random() < spec.unavailable:
            missing = rng.choice(session_ids)
            available = all_slots - frozenset(sessions[missing])
        booth = None
        if i in booth_owners:
            booth = f"booth-{pid}"
            tables.append(Table(booth, rng.choice(locations), pid))
        participants.append(Participant(pid, available, booth, None))
    owners = {pids[i] for i in booth_owners}
    general_meetings = sum(1 for m in meetings if not owners.intersection(m.participants))
    count = max(1, round(spec.table_factor * general_meetings / n_slots))
    if spec.tight_tables:
        count = max(1, round(count * 0.9))
    for t in range(count):
        tables.append(Table(f"T{t + 1}", locations[t * len(locations) // count], None))
    travel: dict[str, dict[str, int]] = {}
    if spec.travel:
        travel = {
            "hall-A": {"hall-B": 5, "hall-C": 12},
            "hall-B": {"hall-A": 5, "hall-C": 7},
            "hall-C": {"hall-A": 12, "hall-B": 7},
        }
    return Instance(tuple(slots), tuple(tables), tuple(participants), tuple(meetings), travel)


def _slots(spec: Family) -> list[Slot]:
    """Days of sessions (morning, afternoon); slots of `slot_minutes` with 5-minute changeovers."""
    slots: list[Slot] = []
    cet = timezone(timedelta(hours=1))
    for day in range(spec.days):
        for session in range(spec.sessions_per_day):
            start = datetime(2026, 11, 17 + day, 9 if session == 0 else 14, 0, tzinfo=cet)
            if spec.sessions_per_day > 2:
                start = datetime(2026, 11, 17 + day, 9 + 3 * session, 0, tzinfo=cet)
            name = f"d{day + 1}-{'am' if session == 0 else 'pm' if session == 1 else session}"
            for k in range(spec.slots_per_session):
                slots.append(
                    Slot(
                        f"{name}-{k + 1}",
                        name,
                        start + timedelta(minutes=k * (spec.slot_minutes + 5)),
                        spec.slot_minutes,
                    )
                )
    return slots


@dataclass(frozen=True, slots=True)
class Oversubscribed:
    """An event where people accept more meetings than the slots and tables hold, so the summed
    priority decides: two sessions of `slots_per_session` slots, `tables` general tables, and
    a share of participants (`half_day`) available for one session only."""

    participants: int
    meetings: int
    slots_per_session: int
    tables: int
    # Weights of priorities 1, 2 and 3.
    mix: tuple[float, float, float] = (3.0, 2.0, 1.0)
    half_day: float = 1 / 3


# Priority mixes: about half 1, a third 2, a sixth 3 (as at an oversubscribed brokerage
# event); even; mostly 1.
MIXES: dict[str, tuple[float, float, float]] = {
    "half": (3.0, 2.0, 1.0),
    "even": (1.0, 1.0, 1.0),
    "ones": (16.0, 3.0, 1.0),
}
OVERSUBSCRIBED: dict[str, Oversubscribed] = {
    "over-40": Oversubscribed(40, 150, 6, 8),
    "over-80-even": Oversubscribed(80, 320, 8, 12, MIXES["even"]),
    "over-150": Oversubscribed(150, 600, 10, 34),
    "over-150-ones-short": Oversubscribed(150, 600, 10, 22, MIXES["ones"]),
    "over-200-short": Oversubscribed(200, 1_000, 10, 36, MIXES["half"], 0.5),
    "over-1000": Oversubscribed(1_000, 6_000, 10, 200),
}


def oversubscribed(spec: Oversubscribed | str, seed: int = 0) -> Instance:
    """A seeded oversubscribed event (OVERSUBSCRIBED by name, or a spec): pairs drawn with
    skewed popularity, so some participants are asked for more meetings than they have slots."""
    if isinstance(spec, str):
        spec = OVERSUBSCRIBED[spec]
    rng = random.Random(seed)
    slots = _slots(Family(0, 0, 1, 2, spec.slots_per_session))
    sessions: dict[str, frozenset[str]] = {}
    for s in slots:
        sessions[s.session] = sessions.get(s.session, frozenset()) | {s.id}
    everything = frozenset(s.id for s in slots)
    pids = [f"p{i + 1}" for i in range(spec.participants)]
    participants = []
    for pid in pids:
        available = everything
        if rng.random() < spec.half_day:
            available = sessions[rng.choice(sorted(sessions))]
        participants.append(Participant(pid, available))
    weights = list(itertools.accumulate(rng.paretovariate(1.5) for _ in pids))
    pairs: set[tuple[int, int]] = set()
    limit = spec.participants * (spec.participants - 1) // 2
    while len(pairs) < min(spec.meetings, limit):
        a = rng.randrange(len(pids))
        b = rng.choices(range(len(pids)), cum_weights=weights)[0]
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    meetings = tuple(
        Meeting(f"m{k + 1}", (pids[a], pids[b]), rng.choices((1, 2, 3), weights=spec.mix)[0])
        for k, (a, b) in enumerate(sorted(pairs, key=lambda _: rng.random()))
    )
    tables = tuple(Table(f"T{t + 1}") for t in range(spec.tables))
    return Instance(tuple(slots), tables, tuple(participants), meetings)
