"""The organiser's impact report: the funnel from requests to agreements, with its rates.

Every figure is a count of records, within the organiser's scope (the meetings and requests
with a participant its organisers support; the lead sees all):

- requested: meeting requests; accepted: meetings (each accepted request made one);
- scheduled: active meetings with a slot in the latest released schedule;
- held: scheduled meetings at least one side said took place, or followed up;
- followed up: held meetings with a follow-up step; negotiation: with a step at
  "negotiation started" or higher; agreement: with an agreement, split into claimed and
  confirmed (both sides reported the same type).
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from django.db.models import Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair.events.models import Event
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, MeetingRequest, Placement
from matchfair.outcomes.models import FollowUpStep, Outcome, Stage

STEPS = ("requested", "accepted", "scheduled", "held", "followed_up", "negotiation", "agreement")
STEP_LABELS = {
    "requested": gettext_lazy("Requested"),
    "accepted": gettext_lazy("Accepted"),
    "scheduled": gettext_lazy("Scheduled"),
    "held": gettext_lazy("Held"),
    "followed_up": gettext_lazy("Followed up"),
    "negotiation": gettext_lazy("Negotiation"),
    "agreement": gettext_lazy("Agreement"),
}


@dataclass(frozen=True)
class FunnelStep:
    name: str
    count: int
    rate: float | None  # of the step before, None for the first or when that one is 0

    @property
    def label(self) -> str:
        return str(STEP_LABELS[self.name])


@dataclass(frozen=True)
class Impact:
    funnel: list[FunnelStep]
    claimed: int
    confirmed: int
    median_days_to_agreement: float | None  # from the meeting's day to the first agreement step
    no_show_reports: int  # meetings a side said did not take place (questions, not facts)


@dataclass(frozen=True)
class Funnel:
    """The records each step of the funnel counts, within a scope (ids of meetings)."""

    requests: Any  # a queryset of the meeting requests in scope
    accepted: set[int]
    scheduled: set[int]
    held: set[int]
    followed_up: set[int]
    negotiation: set[int]
    agreements: set[int]
    confirmed: set[int]
    days_to_agreement: list[int]  # per agreement: from the meeting's day to its first agreement
    no_show_reports: int

    def levels(self) -> dict[int, int]:
        """Each accepted meeting → how far it went: 1 accepted, 2 scheduled, 3 held, 4 followed
        up, 5 negotiation, 6 agreement (claimed), 7 agreement (confirmed); each step is a
        subset of the one before, so a meeting's level says every step it counts in."""
        level = dict.fromkeys(self.accepted, 1)
        for value, ids in enumerate(
            (
                self.scheduled,
                self.held,
                self.followed_up,
                self.negotiation,
                self.agreements,
                self.confirmed,
            ),
            start=2,
        ):
            level.update(dict.fromkeys(ids, value))
        return level


def in_scope(queryset: Any, scope: list[Any] | None, *fields: str) -> Any:
    """The rows with a registration (through any of `fields`) supported by one of `scope`."""
    if scope is None:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__organiser__in": scope})
    return queryset.filter(condition)


def funnel_of(event: Event, *, scope: list[Any] | None) -> Funnel:
    """The funnel in nine queries whatever the event's size: the database aggregates the steps
    per meeting (their highest stage), only ids come back for the large sets, which are
    intersected here, and whole rows only for the agreements. Lists of ids are never sent to the database: at 150,000
    meetings they cost more than the rows they leave out."""
    requests = in_scope(MeetingRequest.objects.filter(event=event), scope, "sender", "recipient")
    meetings = in_scope(Meeting.objects.filter(event=event), scope, "participants")
    accepted = set(meetings.order_by().values_list("pk", flat=True))
    release = latest_release(event)
    placed = Placement.objects.none()
    if release is not None:
        placed = Placement.objects.filter(
            plan=release, slot__isnull=False, meeting__status=Meeting.Status.ACTIVE
        )
    # Unordered: a placement's default order joins its slot, which a set of ids does not need.
    scheduled = accepted & set(placed.order_by().values_list("meeting_id", flat=True))
    outcomes = Outcome.objects.filter(meeting__event=event).order_by()
    said_yes = set(outcomes.filter(took_place=True).values_list("meeting_id", flat=True))
    said_no = set(outcomes.filter(took_place=False).values_list("meeting_id", flat=True))
    tops = {
        pk: top
        for pk, top in FollowUpStep.objects.filter(meeting__event=event)
        .values("meeting_id")
        .annotate(top=Max("stage"))
        .values_list("meeting_id", "top")
        if pk in scheduled
    }
    held = scheduled & (said_yes | set(tops))
    agreed = FollowUpStep.objects.filter(meeting__event=event, stage=Stage.AGREEMENT_REACHED)
    kinds: dict[int, dict[int, set[str]]] = {}  # meeting → person → agreement types reported
    first: dict[int, dt.date] = {}  # meeting → the date of its first agreement step
    for meeting_id, registration_id, kind, on in agreed.values_list(
        "meeting_id", "registration_id", "agreement_type", "on"
    ):
        if meeting_id in scheduled:
            kinds.setdefault(meeting_id, {}).setdefault(registration_id, set()).add(kind)
            first[meeting_id] = min(on, first.get(meeting_id, on))
    people: dict[int, list[int]] = {}
    for meeting_id, registration_id in (
        Meeting.participants.through.objects.filter(meeting__in=agreed.values("meeting_id"))
        .values_list("meeting_id", "registration_id")
        .distinct()
    ):
        people.setdefault(meeting_id, []).append(registration_id)
    confirmed = {
        pk
        for pk, reported in kinds.items()
        if set.intersection(*(reported.get(person, set()) for person in people.get(pk, [0])))
    }
    starts = placed.filter(meeting__in=agreed.values("meeting_id")).values_list(
        "meeting_id", "slot__starts_at"
    )
    return Funnel(
        requests=requests,
        accepted=accepted,
        scheduled=scheduled,
        held=held,
        followed_up=set(tops),
        negotiation={pk for pk, top in tops.items() if top >= Stage.NEGOTIATION_STARTED},
        agreements=set(kinds),
        confirmed=confirmed,
        days_to_agreement=[
            (first[pk] - start.astimezone(event.zone).date()).days
            for pk, start in starts
            if pk in first
        ],
        no_show_reports=len(scheduled & said_no),
    )


def impact_of(event: Event, *, scope: list[Any] | None, found: Funnel | None = None) -> Impact:
    """The report's figures; `found`, the funnel already counted for this scope, saves
    counting it twice when the breakdowns are shown too."""
    if found is None:
        found = funnel_of(event, scope=scope)
    days = found.days_to_agreement
    counts = [
        found.requests.count(),
        len(found.accepted),
        len(found.scheduled),
        len(found.held),
        len(found.followed_up),
        len(found.negotiation),
        len(found.agreements),
    ]
    funnel = [
        FunnelStep(
            name=name,
            count=count,
            rate=count / counts[index - 1] if index and counts[index - 1] else None,
        )
        for index, (name, count) in enumerate(zip(STEPS, counts, strict=True))
    ]
    return Impact(
        funnel=funnel,
        claimed=len(found.agreements) - len(found.confirmed),
        confirmed=len(found.confirmed),
        median_days_to_agreement=float(median(days)) if days else None,
        no_show_reports=found.no_show_reports,
    )


def impact_rows(
    impact: Impact, responses: Sequence[Any] = ()
) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """The report as one table for a spreadsheet: the funnel, the agreements, then each
    follow-up campaign's answers against its mails (`campaigns.responses`)."""
    headers = (_("Step"), _("Meetings"), _("Of the step before"))
    rows: list[tuple[object, ...]] = [
        (step.label, step.count, round(step.rate, 4) if step.rate is not None else "")
        for step in impact.funnel
    ]
    rows += [
        (_("Agreements confirmed"), impact.confirmed, ""),
        (_("Agreements claimed"), impact.claimed, ""),
        (_("Median days to agreement"), impact.median_days_to_agreement or "", ""),
        (_("Reported as not held"), impact.no_show_reports, ""),
    ]
    rows += [
        (
            _("Campaign %(days)s days after: answered of %(mailed)s mailed")
            % {"days": response.campaign.days_after, "mailed": response.mailed},
            response.answered,
            round(response.rate, 4) if response.rate is not None else "",
        )
        for response in responses
    ]
    return headers, rows
