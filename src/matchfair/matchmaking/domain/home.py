"""An attendee's home: for each event they are registered for, what waits for them now.

The event running today comes first, then the next ones by date, then past ones. Each card
says how many requests wait for an answer, the next meetings (time, table, hall), the top
suggestions and when meeting requests open and close.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from matchfair.events.models import Event, Registration
from matchfair.matchmaking.domain.suggestions import suggestions_for
from matchfair.matchmaking.models import Suggestion
from matchfair.meetings.domain.agenda import AgendaItem, agenda_for
from matchfair.meetings.models import MeetingRequest

NEXT_MEETINGS = 3
TOP_SUGGESTIONS = 3


class Phase:
    RUNNING = "running"
    NEXT = "next"
    PAST = "past"


@dataclass(frozen=True)
class EventHome:
    event: Event
    registration: Registration
    phase: str
    waiting: int  # requests asked of this participant, not yet answered
    sent: int  # requests this participant asked, not yet answered
    accepted: int
    next_meetings: tuple[AgendaItem, ...]
    suggestions: tuple[Suggestion, ...]

    @property
    def booking_state(self) -> str:
        """ "open", "not_yet" or "closed": where the event's booking window stands now."""
        now = timezone.now()
        if self.event.booking_opens_at and now < self.event.booking_opens_at:
            return "not_yet"
        if self.event.booking_closes_at and now >= self.event.booking_closes_at:
            return "closed"
        return "open"


def phase_of(event: Event, today: dt.date) -> str:
    if event.starts_on <= today <= event.ends_on:
        return Phase.RUNNING
    return Phase.NEXT if event.starts_on > today else Phase.PAST


def _order(event: Event, today: dt.date) -> tuple[int, int]:
    phase = phase_of(event, today)
    if phase == Phase.PAST:
        return (2, -event.starts_on.toordinal())
    return (0 if phase == Phase.RUNNING else 1, event.starts_on.toordinal())


def home_for(user, *, now: dt.datetime | None = None) -> list[EventHome]:
    """The user's registered events (not withdrawn), running or next first."""
    now = now or timezone.now()
    registrations = list(
        Registration.objects.filter(user=user)
        .exclude(status__in=(Registration.Status.WITHDRAWN, Registration.Status.REJECTED))
        .select_related("event", "user")
    )
    # Each event's "today" is the day in its own time zone: Barcelona's day, not the server's.
    registrations.sort(key=lambda r: _order(r.event, now.astimezone(r.event.zone).date()))
    counts = _request_counts([r.pk for r in registrations])
    homes = []
    for registration in registrations:
        event = registration.event
        phase = phase_of(event, now.astimezone(event.zone).date())
        upcoming: tuple[AgendaItem, ...] = ()
        top: tuple[Suggestion, ...] = ()
        if phase != Phase.PAST:
            upcoming = tuple(item for item in agenda_for(registration) if item.ends_at > now)[
                :NEXT_MEETINGS
            ]
            top = tuple(suggestions_for(registration, limit=TOP_SUGGESTIONS))
        waiting, sent, accepted = counts.get(registration.pk, (0, 0, 0))
        homes.append(
            EventHome(
                event=event,
                registration=registration,
                phase=phase,
                waiting=waiting,
                sent=sent,
                accepted=accepted,
                next_meetings=upcoming,
                suggestions=top,
            )
        )
    return homes


def _request_counts(registration_ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """(waiting for them, sent and unanswered, accepted) per registration, in two queries."""
    asked = MeetingRequest.Status.ASKED
    accepted = MeetingRequest.Status.ACCEPTED
    received = dict(
        MeetingRequest.objects.filter(recipient_id__in=registration_ids)
        .values("recipient_id")
        .annotate(waiting=Count("pk", filter=Q(status=asked)))
        .values_list("recipient_id", "waiting")
    )
    sent = dict(
        MeetingRequest.objects.filter(sender_id__in=registration_ids)
        .values("sender_id")
        .annotate(open=Count("pk", filter=Q(status=asked)))
        .values_list("sender_id", "open")
    )
    mine = set(registration_ids)
    agreed: dict[int, int] = {}
    for row in MeetingRequest.objects.filter(
        Q(sender_id__in=registration_ids) | Q(recipient_id__in=registration_ids), status=accepted
    ).values_list("sender_id", "recipient_id"):
        for registration_id in row:
            if registration_id in mine:
                agreed[registration_id] = agreed.get(registration_id, 0) + 1
    return {
        pk: (received.get(pk, 0), sent.get(pk, 0), agreed.get(pk, 0)) for pk in registration_ids
    }
