"""The demo event's sessions and tables, named in English and Bulgarian: the assembly day, two
B2B sessions on each expo day, and the tables of two halls."""

import datetime as dt

from django.utils import translation
from django.utils.formats import date_format

from matchfair.community.models import User
from matchfair.demo import scenario
from matchfair.events.domain.registrations import set_limits
from matchfair.events.domain.venue import add_session, add_tables
from matchfair.events.models import Event, Registration, Session


def _day_name(day: dt.date, language: str) -> str:
    """ "Tuesday 8 December" / "вторник 8 декември", as the language writes a day."""
    with translation.override(language):
        return date_format(day, "l j F")


def add_sessions_and_tables(event: Event, by: User) -> list[Session]:
    """The assembly day, two B2B sessions on each expo day, tables in two halls."""
    zone = event.zone
    name, name_bg, start, end = scenario.ASSEMBLY_SESSION
    add_session(
        event=event,
        name=name,
        name_bg=name_bg,
        starts_at=dt.datetime.combine(scenario.ASSEMBLY_DAY, start, tzinfo=zone),
        ends_at=dt.datetime.combine(scenario.ASSEMBLY_DAY, end, tzinfo=zone),
        is_b2b=False,
        by=by,
    )
    sessions = [
        add_session(
            event=event,
            name=f"{_day_name(day, 'en')}, {label}",
            name_bg=f"{_day_name(day, 'bg')}, {label_bg}",
            starts_at=dt.datetime.combine(day, start, tzinfo=zone),
            ends_at=dt.datetime.combine(day, end, tzinfo=zone),
            slot_minutes=scenario.SLOT_MINUTES,
            by=by,
        )
        for day in scenario.EXPO_DAYS
        for label, label_bg, start, end in scenario.B2B_SESSIONS
    ]
    for location, location_bg, count in scenario.HALLS:
        add_tables(
            event=event,
            count=count,
            location=location,
            location_bg=location_bg,
            prefix="Table",
            prefix_bg="Маса",
            by=by,
        )
    return sessions


def prefer_days(registrations: list[Registration]) -> None:
    """Each participant prefers one expo day, in turn, so that the optimiser spreads the
    meetings over the three days rather than filling the first (the event's limits of 4 in a
    row and 6 a day apply to everyone)."""
    days = [day.isoformat() for day in scenario.EXPO_DAYS]
    for index, registration in enumerate(registrations):
        set_limits(
            registration=registration,
            by=registration.user,
            max_in_a_row=None,
            max_per_day=None,
            preferred_days=[days[index % len(days)]],
        )
