"""The assembly's sessions in an attendee's day at the linked expo event: registered through
`events.personal` (AssemblyConfig.ready), so *My day* and the personal calendar show them."""

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair.assembly.models import Session
from matchfair.events.models import Event
from matchfair.events.personal import PersonalEntry


def session_times(session: Session, event: Event) -> tuple[dt.datetime, dt.datetime]:
    """When the session starts and ends in the event's zone: its start time, and its agenda's
    time boxes added up (an hour while the agenda is empty)."""
    starts = dt.datetime.combine(session.date, session.starts_at, tzinfo=event.zone)
    return starts, starts + dt.timedelta(minutes=session.length_minutes)


def entries(user: Any, event: Event) -> list[PersonalEntry]:
    """The sessions linked to `event` where `user` is a registered delegate or substitute."""
    if not user.is_authenticated:
        return []
    sessions = (
        Session.objects.filter(event=event, attendees__user=user)
        .select_related("network")
        .prefetch_related("agenda")
        .distinct()
    )
    found = []
    for session in sessions:
        starts, ends = session_times(session, event)
        found.append(
            PersonalEntry(
                uid=f"assembly-session-{session.pk}",
                label=_("Assembly"),
                title=session.title,
                starts_at=starts,
                ends_at=ends,
                place=session.place or _("Online"),
                url=reverse("assembly:session", kwargs={"pk": session.pk}),
            )
        )
    return found
