"""Events: the event and its organisers, the venue's sessions, slots and tables, and registrations."""

from matchfair.events.models.event import Event, Organiser
from matchfair.events.models.registration import (
    Domain,
    Opportunity,
    Registration,
)
from matchfair.events.models.venue import Session, Slot, Table

__all__ = [
    "Domain",
    "Event",
    "Opportunity",
    "Organiser",
    "Registration",
    "Session",
    "Slot",
    "Table",
]
