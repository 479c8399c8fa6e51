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

from django.db.models import Count, Q
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
    """The funnel's counts within a scope, and the agreements, which are few, by meeting."""

    requests: Any  # a queryset of the meeting requests in scope
    counts: dict[str, int]  # one per STEPS but "requested"
    agreements: dict[int, list[int]]  # meetings with an agreement → their people
    confirmed: set[int]
    days_to_agreement: list[int]  # per agreement: from the meeting's day to its first agreement
    no_show_reports: int


def in_scope(queryset: Any, scope: list[Any] | None, *fields: str) -> Any:
    """The rows with a registration (through any of `fields`) supported by one of `scope`."""
    if scope is None:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__organiser__in": scope})
    return queryset.filter(condition)


def steps_of(event: Event, key: str) -> dict[str, Q]:
    """What each step of the funnel asks of a meeting, as conditions on the rows whose meeting
    is `key` ("pk" for meetings, "meeting_id" for their sides), for counting in the database:
    each is an IN over a subquery the database runs once, never a list of ids."""
    release = latest_release(event)
    placed = Placement.objects.filter(
        plan=release, slot__isnull=False, meeting__status=Meeting.Status.ACTIVE
    ).values("meeting_id")
    outcomes = Outcome.objects.filter(meeting__event=event)
    steps = FollowUpStep.objects.filter(meeting__event=event)

    def among(rows: Any) -> Q:
        return Q(**{f"{key}__in": rows.values("meeting_id")})

    scheduled = Q(**{f"{key}__in": placed})
    return {
        "scheduled": scheduled,
        "held": scheduled & (among(outcomes.filter(took_place=True)) | among(steps)),
        "followed_up": scheduled & among(steps),
        "negotiation": scheduled & among(steps.filter(stage__gte=Stage.NEGOTIATION_STARTED)),
        "agreement": scheduled & among(steps.filter(stage=Stage.AGREEMENT_REACHED)),
        "not_held": scheduled & among(outcomes.filter(took_place=False)),
    }


def funnel_of(event: Event, *, scope: list[Any] | None) -> Funnel:
    """The funnel counted in the database, one conditional count a step in one query; then the
    agreements, which are few, are read to tell confirmed from claimed and to date them."""
    requests = in_scope(MeetingRequest.objects.filter(event=event), scope, "sender", "recipient")
    meetings = Meeting.objects.filter(event=event)
    if scope is not None:
        meetings = meetings.filter(
            pk__in=Meeting.participants.through.objects.filter(
                registration__organiser__in=scope
            ).values("meeting_id")
        )
    conditions = steps_of(event, "pk")
    counts = meetings.order_by().aggregate(
        accepted=Count("pk"),
        **{name: Count("pk", filter=condition) for name, condition in conditions.items()},
    )
    agreed = list(meetings.filter(conditions["agreement"]).values_list("pk", flat=True))
    kinds: dict[int, dict[int, set[str]]] = {pk: {} for pk in agreed}  # person → types
    first: dict[int, dt.date] = {}  # meeting → the date of its first agreement step
    for meeting_id, registration_id, kind, on in FollowUpStep.objects.filter(
        meeting__in=agreed, stage=Stage.AGREEMENT_REACHED
    ).values_list("meeting_id", "registration_id", "agreement_type", "on"):
        kinds[meeting_id].setdefault(registration_id, set()).add(kind)
        first[meeting_id] = min(on, first.get(meeting_id, on))
    people: dict[int, list[int]] = {pk: [] for pk in agreed}
    for meeting_id, registration_id in Meeting.participants.through.objects.filter(
        meeting__in=agreed
    ).values_list("meeting_id", "registration_id"):
        people[meeting_id].append(registration_id)
    starts = Placement.objects.filter(
        plan=latest_release(event), meeting__in=agreed, slot__isnull=False
    ).values_list("meeting_id", "slot__starts_at")
    return Funnel(
        requests=requests,
        counts={name: counts[name] or 0 for name in STEPS[1:]},
        agreements=people,
        confirmed={
            pk
            for pk, reported in kinds.items()
            if people[pk]
            and set.intersection(*(reported.get(person, set()) for person in people[pk]))
        },
        days_to_agreement=[
            (first[pk] - start.astimezone(event.zone).date()).days for pk, start in starts
        ],
        no_show_reports=counts["not_held"] or 0,
    )


def impact_of(event: Event, *, scope: list[Any] | None, found: Funnel | None = None) -> Impact:
    """The report's figures; `found`, the funnel already counted for this scope, saves
    counting it twice when the breakdowns are shown too."""
    if found is None:
        found = funnel_of(event, scope=scope)
    days = found.days_to_agreement
    counts = [found.requests.count(), *(found.counts[name] for name in STEPS[1:])]
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
