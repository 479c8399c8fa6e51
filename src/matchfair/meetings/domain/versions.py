"""The event's agenda version: cached agenda pages are keyed by it, so a change shows at once."""

from django.db.models import F

from matchfair.events.models import Event


def agendas_changed(event_id: int) -> None:
    """Called inside the transaction that changes what an agenda shows: a release, or a meeting
    called off. Every cached agenda page of the event is then out of date."""
    Event.objects.filter(pk=event_id).update(agenda_version=F("agenda_version") + 1)
