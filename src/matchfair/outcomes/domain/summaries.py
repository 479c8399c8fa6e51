"""Each meeting's summary of its outcomes and follow-up steps (`MeetingSummary`), kept in step
with them.

A summary says whether a side said the meeting took place, whether a side said it did not, the
highest stage of its ladder, its agreement (claimed or confirmed, as `ladder.py` defines them)
and the date of its first agreement step. It is written again from the meeting's records every
time an outcome or a step of the meeting is saved, in the same transaction, with the meeting's
row locked, so two sides writing at once cannot leave it short of the other's record
(`on_saved`, connected in `apps.py`). Outcomes and steps are never deleted but with their
meeting (a personal-data erasure keeps them, anonymised), and the summary goes with the meeting.
A meeting without outcome or step has no summary.

`rebuild` writes the summaries of a whole event from its records: the data migration that made
the table, and data loaded in bulk (bulk_create sends no signal), use it.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from matchfair.meetings.models import Meeting
from matchfair.outcomes.models import FollowUpStep, MeetingSummary, Outcome, Stage

CHUNK = 5000  # meetings a query, well under SQLite's limit of bound parameters

StepRow = tuple[int, int, str, dt.date]  # registration, stage, agreement type, date


@dataclass(frozen=True)
class Summary:
    said_held: bool
    said_not_held: bool
    top_stage: int | None
    agreement: str
    first_agreement: dt.date | None


def summarise(people: Iterable[int], said: Iterable[bool], steps: Iterable[StepRow]) -> Summary:
    """A meeting's summary from its people (registration ids), the sides' answers "it took
    place" and its steps. An agreement is confirmed when every person reported one of the same
    type, claimed when some did."""
    answers = set(said)
    top: int | None = None
    kinds: dict[int, set[str]] = {}
    first: dt.date | None = None
    for person, stage, kind, on in steps:
        top = stage if top is None else max(top, stage)
        if stage == Stage.AGREEMENT_REACHED:
            kinds.setdefault(person, set()).add(kind)
            first = on if first is None else min(first, on)
    agreement = MeetingSummary.Agreement.NONE
    if kinds:
        everyone = [kinds.get(person, set()) for person in people] or [set()]
        agreement = (
            MeetingSummary.Agreement.CONFIRMED
            if set.intersection(*everyone)
            else MeetingSummary.Agreement.CLAIMED
        )
    return Summary(
        said_held=True in answers,
        said_not_held=False in answers,
        top_stage=top,
        agreement=agreement,
        first_agreement=first,
    )


def _write(meetings: Any, outcomes: Any, steps: Any, sides: Any) -> int:
    """Summarise the meetings (a queryset) from the querysets of their outcomes, steps and
    sides, replacing their summaries; returns how many meetings have one."""
    said: dict[int, list[bool]] = {}
    for meeting_id, took_place in outcomes.order_by().values_list("meeting_id", "took_place"):
        said.setdefault(meeting_id, []).append(took_place)
    ladder: dict[int, list[StepRow]] = {}
    for meeting_id, *row in steps.order_by().values_list(
        "meeting_id", "registration_id", "stage", "agreement_type", "on"
    ):
        ladder.setdefault(meeting_id, []).append(tuple(row))  # type: ignore[arg-type]
    agreed = {
        pk for pk, rows in ladder.items() if any(r[1] == Stage.AGREEMENT_REACHED for r in rows)
    }
    people: dict[int, list[int]] = {}
    for meeting_id, person in sides.order_by().values_list("meeting_id", "registration_id"):
        if meeting_id in agreed:
            people.setdefault(meeting_id, []).append(person)
    events = {
        pk: event_id
        for pk, event_id in meetings.order_by().values_list("pk", "event_id")
        if pk in said or pk in ladder
    }
    rows = []
    for pk, event_id in events.items():
        summary = summarise(people.get(pk, []), said.get(pk, []), ladder.get(pk, []))
        rows.append(MeetingSummary(meeting_id=pk, event_id=event_id, **summary.__dict__))
    MeetingSummary.objects.filter(meeting__in=meetings).delete()
    MeetingSummary.objects.bulk_create(rows, batch_size=CHUNK)
    return len(rows)


def refresh(meeting_ids: Iterable[int]) -> None:
    """Write again the summaries of these meetings from their records, with their rows locked
    (in a transaction of its own when the caller has none)."""
    ids = sorted(set(meeting_ids))
    if not ids:
        return
    with transaction.atomic():
        # Lock the meetings: a side writing at the same time waits, then summarises both.
        list(Meeting.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
        _write(
            Meeting.objects.filter(pk__in=ids),
            Outcome.objects.filter(meeting__in=ids),
            FollowUpStep.objects.filter(meeting__in=ids),
            Meeting.participants.through.objects.filter(meeting__in=ids),
        )


def rebuild(event: Any) -> int:
    """Write every summary of the event from its records; returns how many there are."""
    with transaction.atomic():
        meetings = Meeting.objects.filter(event=event)
        return _write(
            meetings,
            Outcome.objects.filter(meeting__event=event),
            FollowUpStep.objects.filter(meeting__event=event),
            Meeting.participants.through.objects.filter(meeting__event=event),
        )


def on_saved(
    sender: Any, instance: Outcome | FollowUpStep, raw: bool = False, **kwargs: Any
) -> None:
    """An outcome or a step was saved: summarise its meeting again (fixtures load raw)."""
    if not raw:
        refresh([instance.meeting_id])
