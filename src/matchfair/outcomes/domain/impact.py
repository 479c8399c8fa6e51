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

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair.events.models import Event
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, MeetingRequest, Placement
from matchfair.outcomes.domain.ladder import CONFIRMED, ladder_from
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
    starts: dict[int, Any]  # scheduled meetings → the start of their slot
    held: set[int]
    followed_up: set[int]
    negotiation: set[int]
    agreements: dict[int, Any]  # meetings with an agreement → their ladder
    confirmed: set[int]
    steps: dict[int, list[FollowUpStep]]
    no_show_reports: int


def in_scope(queryset: Any, scope: list[Any] | None, *fields: str) -> Any:
    """The rows with a registration (through any of `fields`) supported by one of `scope`."""
    if scope is None:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__organiser__in": scope})
    return queryset.filter(condition)


def funnel_of(event: Event, *, scope: list[Any] | None) -> Funnel:
    requests = in_scope(MeetingRequest.objects.filter(event=event), scope, "sender", "recipient")
    meetings = in_scope(Meeting.objects.filter(event=event), scope, "participants")
    meeting_ids = set(meetings.values_list("pk", flat=True))
    # Rows are read for the whole event and kept in Python by the sets above: at 150,000
    # meetings, lists of ids in the queries cost more than the rows they leave out.
    release = latest_release(event)
    starts = {}
    if release is not None:
        placements = Placement.objects.filter(
            plan=release, slot__isnull=False, meeting__status=Meeting.Status.ACTIVE
        )
        starts = {
            pk: start
            for pk, start in placements.values_list("meeting_id", "slot__starts_at")
            if pk in meeting_ids
        }
    said = [
        (pk, took_place)
        for pk, took_place in Outcome.objects.filter(meeting__event=event).values_list(
            "meeting_id", "took_place"
        )
        if pk in starts
    ]
    # One read of the event's steps, with only what the ladder needs.
    event_steps = [
        step
        for step in FollowUpStep.objects.filter(meeting__event=event)
        .only("meeting_id", "registration_id", "stage", "on", "agreement_type")
        .order_by("on", "pk")
        if step.meeting_id in starts
    ]
    stepped = {step.meeting_id for step in event_steps}
    held = {pk for pk, took_place in said if took_place} | stepped
    people: dict[int, list[int]] = {}
    for meeting_id, registration_id in (
        Meeting.participants.through.objects.filter(
            meeting__event=event, meeting__follow_up_steps__stage=Stage.AGREEMENT_REACHED
        )
        .distinct()
        .values_list("meeting_id", "registration_id")
    ):
        if meeting_id in held:
            people.setdefault(meeting_id, []).append(registration_id)
    steps: dict[int, list[FollowUpStep]] = {}
    for step in event_steps:
        steps.setdefault(step.meeting_id, []).append(step)
    agreements = {
        pk: ladder_from(people.get(pk, []), rows)
        for pk, rows in steps.items()
        if any(s.stage == Stage.AGREEMENT_REACHED for s in rows)
    }
    return Funnel(
        requests=requests,
        accepted=meeting_ids,
        starts=starts,
        held=held,
        followed_up=set(steps),
        negotiation={
            pk
            for pk, rows in steps.items()
            if any(s.stage >= Stage.NEGOTIATION_STARTED for s in rows)
        },
        agreements=agreements,
        confirmed={pk for pk, ladder in agreements.items() if ladder.agreement == CONFIRMED},
        steps=steps,
        no_show_reports=len({pk for pk, took_place in said if not took_place}),
    )


def impact_of(event: Event, *, scope: list[Any] | None, found: Funnel | None = None) -> Impact:
    """The report's figures; `found`, the funnel already counted for this scope, saves
    counting it twice when the breakdowns are shown too."""
    if found is None:
        found = funnel_of(event, scope=scope)
    days = [
        (
            next(s.on for s in found.steps[pk] if s.stage == Stage.AGREEMENT_REACHED)
            - found.starts[pk].astimezone(event.zone).date()
        ).days
        for pk in found.agreements
    ]
    counts = [
        found.requests.count(),
        len(found.accepted),
        len(found.starts),
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
