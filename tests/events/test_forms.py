"""Tests for `events/forms.py`: the availability form's sessions."""

from django.utils import translation
from django.utils.formats import date_format

from matchfair.events.forms import AvailabilityForm


def test_a_session_named_with_its_day_shows_the_day_once(event):
    session = event.sessions.filter(is_b2b=True).order_by("starts_at").first()
    start, end = (t.astimezone(event.zone) for t in (session.starts_at, session.ends_at))
    with translation.override("en"):
        session.name = f"{date_format(start, 'l j F')}, morning B2B meetings"
        label = AvailabilityForm(event=event).session_label(session)

    assert label == f"{session.name} — {start:%H:%M}–{end:%H:%M}"


def test_a_session_named_without_its_day_shows_the_day(event):
    session = event.sessions.filter(is_b2b=True).order_by("starts_at").first()
    start, end = (t.astimezone(event.zone) for t in (session.starts_at, session.ends_at))
    with translation.override("en"):
        label = AvailabilityForm(event=event).session_label(session)
        day = date_format(start, "D j M, H:i")

    assert label == f"{session.name} — {day}–{end:%H:%M}"
