"""Background jobs of the matchmaking app; they take ids and hand over to the domain."""

import datetime as dt
from typing import Any

from celery import shared_task

from matchfair.events.models import Event
from matchfair.matchmaking.domain.suggestions import last_refreshed, refresh_suggestions


@shared_task(acks_late=True)
def refresh_event_suggestions(event_id: int, changed_at: str | None = None) -> int | None:
    """Recompute an event's suggestions, unless a refresh has started since `changed_at`.

    A burst of profile edits queues one task each; the first recomputes the whole event and
    the rest find their change already covered, so they return None without work.
    """
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return None
    if changed_at is not None:
        refreshed = last_refreshed(event)
        if refreshed is not None and refreshed > dt.datetime.fromisoformat(changed_at):
            return None
    return refresh_suggestions(event=event)


def queue_refresh(sender: Any, *, event_id: int, changed_at: dt.datetime, **kwargs: Any) -> None:
    """Receives `events.signals.profile_changed`, which is sent after commit."""
    refresh_event_suggestions.delay(event_id, changed_at=changed_at.isoformat())
