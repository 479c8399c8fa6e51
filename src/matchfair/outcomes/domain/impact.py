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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from statistics import median
from typing import Any

from django.db.models import Case, Exists, FilteredRelation, OuterRef, Q, Value, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from matchfair.events.models import Event
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, MeetingRequest, Placement
from matchfair.outcomes.models import Stage

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


# How far a meeting went, as a number: each step is a subset of the one before, so a meeting
# at a level counts in that step and every step before it.
ACCEPTED, SCHEDULED, HELD, FOLLOWED_UP, NEGOTIATION, CLAIMED, CONFIRMED = range(1, 8)


@dataclass(frozen=True)
class Funnel:
    """How far each meeting in a scope went, from its summary (`MeetingSummary`)."""

    requests: Any  # a queryset of the meeting requests in scope
    at: dict[int, int]  # meeting id → its level: ACCEPTED … CONFIRMED
    days_to_agreement: list[int]  # per agreement: from the meeting's day to its first agreement
    no_show_reports: int

    def levels(self) -> dict[int, int]:
        """Each accepted meeting → how far it went: 1 accepted, 2 scheduled, 3 held, 4 followed
        up, 5 negotiation, 6 agreement (claimed), 7 agreement (confirmed); each step is a
        subset of the one before, so a meeting's level says every step it counts in."""
        return self.at

    @cached_property
    def tally(self) -> Counter[int]:
        return Counter(self.at.values())

    def reached(self, level: int) -> int:
        """How many meetings went at least as far as `level`."""
        return sum(count for at, count in self.tally.items() if at >= level)


def in_scope(queryset: Any, scope: list[Any] | None, *fields: str) -> Any:
    """The rows with a registration (through any of `fields`) supported by one of `scope`."""
    if scope is None:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__organiser__in": scope})
    return queryset.filter(condition)


def has_side_in(scope: list[Any], meeting: str = "pk") -> Exists:
    """Whether the meeting (`meeting`: the outer field holding its id) has a participant that
    one of the organisers in `scope` supports; looked up on the meeting's own sides."""
    return Exists(
        Meeting.participants.through.objects.filter(
            meeting_id=OuterRef(meeting), registration__organiser__in=scope
        )
    )


def with_level(queryset: Any, event: Event, meeting: str = "") -> Any:
    """The queryset (of meetings, or with `meeting` the path to one: "meeting__" on its sides)
    annotated with `level`, how far the meeting went: accepted, then scheduled (active with a
    slot in the latest release, joined once rather than looked up a row), then by its summary
    of outcomes and steps (`MeetingSummary`) held, followed up, at negotiation, at an
    agreement claimed or confirmed."""
    release = latest_release(event)
    if release is None:
        return queryset.annotate(level=Value(ACCEPTED))
    placements = f"{meeting}placements"
    summary = f"{meeting}outcome_summary__"
    return queryset.annotate(
        placed=FilteredRelation(
            placements,
            condition=Q(**{f"{placements}__plan": release, f"{placements}__slot__isnull": False}),
        ),
        level=Case(
            When(~Q(**{f"{meeting}status": Meeting.Status.ACTIVE}), then=Value(ACCEPTED)),
            When(placed__isnull=True, then=Value(ACCEPTED)),
            When(Q(**{f"{summary}agreement": "confirmed"}), then=Value(CONFIRMED)),
            When(Q(**{f"{summary}agreement": "claimed"}), then=Value(CLAIMED)),
            When(
                Q(**{f"{summary}top_stage__gte": Stage.NEGOTIATION_STARTED}),
                then=Value(NEGOTIATION),
            ),
            When(Q(**{f"{summary}top_stage__isnull": False}), then=Value(FOLLOWED_UP)),
            When(Q(**{f"{summary}said_held": True}), then=Value(HELD)),
            default=Value(SCHEDULED),
        ),
    )


def funnel_of(event: Event, *, scope: list[Any] | None) -> Funnel:
    """The funnel in two queries whatever the event's size: each meeting in scope with how far
    it went (`with_level`, from its summary: one row a meeting, no record of a side, outcome or
    step), and the dates of the agreements, which are few."""
    requests = in_scope(MeetingRequest.objects.filter(event=event), scope, "sender", "recipient")
    meetings = Meeting.objects.filter(event=event)
    if scope is not None:
        meetings = meetings.filter(has_side_in(scope))
    at: dict[int, int] = {}
    no_show = 0
    # One row a meeting, read without the default order: its id, level and whether a side said
    # it did not take place.
    for pk, level, said_not_held in (
        with_level(meetings.order_by(), event)
        .values_list("pk", "level", "outcome_summary__said_not_held")
        .iterator(chunk_size=10_000)
    ):
        at[pk] = level
        if said_not_held and level >= SCHEDULED:
            no_show += 1
    days = []
    release = latest_release(event)
    if release is not None:
        agreed = Placement.objects.filter(
            plan=release,
            slot__isnull=False,
            meeting__event=event,
            meeting__status=Meeting.Status.ACTIVE,
            meeting__outcome_summary__agreement__gt="",
        )
        if scope is not None:
            agreed = agreed.filter(has_side_in(scope, "meeting_id"))
        days = [
            (first - start.astimezone(event.zone).date()).days
            for first, start in agreed.order_by().values_list(
                "meeting__outcome_summary__first_agreement", "slot__starts_at"
            )
            if first is not None  # always set with an agreement
        ]
    return Funnel(requests=requests, at=at, days_to_agreement=days, no_show_reports=no_show)


def impact_of(event: Event, *, scope: list[Any] | None, found: Funnel | None = None) -> Impact:
    """The report's figures; `found`, the funnel already counted for this scope, saves
    counting it twice when the breakdowns are shown too."""
    if found is None:
        found = funnel_of(event, scope=scope)
    days = found.days_to_agreement
    counts = [found.requests.count()] + [
        found.reached(level)
        for level in (ACCEPTED, SCHEDULED, HELD, FOLLOWED_UP, NEGOTIATION, CLAIMED)
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
        claimed=found.reached(CLAIMED) - found.reached(CONFIRMED),
        confirmed=found.reached(CONFIRMED),
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
