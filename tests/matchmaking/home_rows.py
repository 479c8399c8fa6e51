"""An event that runs today with a meeting tomorrow, for the attendee home's tests."""

import datetime as dt

from django.utils import timezone

from matchfair.events.domain.venue import add_session
from matchfair.matchmaking.models import Suggestion
from tests.browser.helpers import release_meeting


def running(event, *, days_before=0):
    """Move the event so that it started `days_before` days ago and lasts three days; add a
    session tomorrow at 09:00–11:00 in the event's zone, and return it."""
    today = timezone.now().astimezone(event.zone).date()
    event.starts_on = today - dt.timedelta(days=days_before)
    event.ends_on = event.starts_on + dt.timedelta(days=2)
    event.save()
    tomorrow = today + dt.timedelta(days=1)
    return add_session(
        event=event,
        name="Tomorrow",
        starts_at=dt.datetime.combine(tomorrow, dt.time(9), tzinfo=event.zone),
        ends_at=dt.datetime.combine(tomorrow, dt.time(11), tzinfo=event.zone),
    )


def meeting_tomorrow(event, session, first, second, *, index=0):
    slot = session.slots.order_by("starts_at")[index]
    return release_meeting(event, first, second, slot=slot)


def suggest(registration, *others):
    for rank, other in enumerate(others, start=1):
        Suggestion.objects.create(
            registration=registration,
            suggested=other,
            rank=rank,
            score=1.0 / rank,
            reasons=[],
            computed=timezone.now(),
        )
