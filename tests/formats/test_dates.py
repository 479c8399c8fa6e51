"""Bulgarian dates as Bulgarian writes them, lowercase, on pages and in mails; English unchanged."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import dates, translation
from django.utils.formats import date_format

from matchfair.formats import lowercase_names
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.domain.requests import accept_request, send_request
from tests import factories
from tests.browser.helpers import release_meeting
from tests.meetings.domain.helpers import result_for

TUESDAY = dt.datetime(2026, 12, 8, 11, 0)


def capitalised_names() -> re.Pattern[str]:
    """Every Bulgarian month and weekday name Django knows, capitalised: what must not appear."""
    with translation.override("bg"):
        names = {
            str(name).capitalize()
            for table in (
                dates.MONTHS,
                dates.MONTHS_ALT,
                dates.MONTHS_AP,
                dates.MONTHS_3,
                dates.WEEKDAYS,
                dates.WEEKDAYS_ABBR,
            )
            for name in table.values()
        }
    names.discard("")
    return re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, names))) + r")(?!\w)")


CAPITALISED = capitalised_names()


@pytest.mark.parametrize(
    ("language", "format_string", "written"),
    [
        ("bg", "D j M", "вт 8 дек."),
        ("bg", "l j F Y", "вторник 8 декември 2026"),
        ("bg", "j M Y H:i", "8 дек. 2026 11:00"),
        ("bg", "F Y", "декември 2026"),
        ("bg", "DATE_FORMAT", "8 декември 2026"),
        ("bg", "DATETIME_FORMAT", "8 декември 2026, 11:00"),
        ("en", "D j M", "Tue 8 Dec"),
        ("en", "l j F Y", "Tuesday 8 December 2026"),
        ("en", "j M Y H:i", "8 Dec 2026 11:00"),
    ],
)
def test_date_format_writes_names_as_the_language_does(language, format_string, written):
    with translation.override(language):
        assert date_format(TUESDAY, format_string) == written


def test_bulgarian_weekday_abbreviations_are_the_two_letter_ones():
    week = [TUESDAY + dt.timedelta(days=offset) for offset in range(-1, 6)]
    with translation.override("bg"):
        assert [date_format(day, "D") for day in week] == ["пн", "вт", "ср", "чт", "пт", "сб", "нд"]


def test_bulgarian_short_months_keep_their_dot_only_when_shortened():
    months = [dt.date(2026, month, 1) for month in range(1, 13)]
    with translation.override("bg"):
        shown = [date_format(day, "M") for day in months]
    assert shown == [
        "ян.", "фев.", "март", "апр.", "май", "юни", "юли", "авг.", "септ.", "окт.", "ноем.", "дек.",
    ]  # fmt: skip


def test_lowercase_names_installs_once():
    lowercase_names()
    lowercase_names()
    with translation.override("bg"):
        assert date_format(TUESDAY, "D F") == "вт декември"


def test_the_check_finds_a_capitalised_name():
    assert CAPITALISED.findall("вторник 8 Декември, Вт 8 дек.") == ["Декември", "Вт"]


def test_agenda_and_event_pages_in_bulgarian_have_no_capitalised_names(client, event, ana, jonas):
    release_meeting(event, ana, jonas)
    client.force_login(ana.user)
    for path in (f"/e/{event.slug}/agenda/", f"/e/{event.slug}/", "/home/", "/"):
        page = client.get(path, HTTP_ACCEPT_LANGUAGE="bg").content.decode()
        assert (path, CAPITALISED.findall(page)) == (path, [])


def test_a_bulgarian_change_mail_has_no_capitalised_names(
    event, ana, jonas, django_capture_on_commit_callbacks
):
    ana.user.language = "bg"
    ana.user.save(update_fields=["language"])
    lead = factories.UserFactory()
    event.organisers.get().staff.add(lead)
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    slot = event.sessions.first().slots.first()
    write_draft(event=event, result=result_for(meeting, slot, event.tables.first()), by=lead)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release_plan(event=event, by=lead)
    body = next(message.body for message in mail.outbox if message.to == [ana.user.email])
    with translation.override("bg"):
        when = date_format(slot.starts_at.astimezone(event.zone), "D j M H:i")
    assert when == when.lower()
    assert when in body
    assert CAPITALISED.findall(body) == []
