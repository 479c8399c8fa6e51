"""Event data in the reader's language: Bulgarian where it is filled in, English otherwise."""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation

from matchfair.bilingual import localised, pick
from tests.browser.helpers import release_meeting

TABLE = SimpleNamespace(name="Table 3", name_bg="Маса 3", location="Hall 2", location_bg="")


@pytest.mark.parametrize(
    ("language", "field", "shown"),
    [
        ("bg", "name", "Маса 3"),
        ("bg", "location", "Hall 2"),  # no Bulgarian: the English one
        ("en", "name", "Table 3"),
        ("en-gb", "name", "Table 3"),
        ("de", "name", "Table 3"),  # a language without fields of its own
    ],
)
def test_localised_picks_the_readers_language_or_english(language, field, shown):
    assert localised(TABLE, field, language) == shown


def test_localised_follows_the_active_language():
    with translation.override("bg"):
        assert (localised(TABLE, "name"), pick("Hall 6", "Зала 6")) == ("Маса 3", "Зала 6")
    with translation.override("en"):
        assert (localised(TABLE, "name"), pick("Hall 6", "Зала 6")) == ("Table 3", "Hall 6")


def test_pick_falls_back_to_english_when_the_bulgarian_is_empty():
    assert pick("Hall 6", "", "bg") == "Hall 6"


def test_the_local_filter_is_a_builtin_of_every_template():
    template = Template(
        '{{ table|local:"name" }} · {{ table|local:"location" }}|{{ none|local:"name" }}'
    )
    with translation.override("bg"):
        assert template.render(Context({"table": TABLE, "none": None})) == "Маса 3 · Hall 2|"


def bulgarian_table(event):
    table = event.tables.first()
    table.name_bg, table.location_bg = "Маса 1", "Зала 2"
    table.save(update_fields=["name_bg", "location_bg"])
    return table


def test_the_agenda_shows_table_and_hall_in_the_readers_language(client, event, ana, jonas):
    bulgarian_table(event)
    release_meeting(event, ana, jonas)
    client.force_login(ana.user)
    agenda = f"/e/{event.slug}/agenda/"
    bulgarian = client.get(agenda, HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    english = client.get(agenda, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    place = '<p class="timeline-place"><strong>{}</strong> · {}</p>'
    assert (place.format("Маса 1", "Зала 2") in bulgarian, "Маса 1" in english) == (True, False)
    assert place.format("Table 1", "Hall 2") in english


def test_a_change_mail_names_table_and_hall_in_its_readers_language(
    event, ana, jonas, django_capture_on_commit_callbacks
):
    bulgarian_table(event)
    ana.user.language = "bg"
    ana.user.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        release_meeting(event, ana, jonas, notify=True)
    changes = {
        message.to[0]: message.body
        for message in mail.outbox
        if message.extra_headers["X-Matchfair-Kind"].endswith("agenda_changed")
    }
    to_ana, to_jonas = changes[ana.user.email], changes[jonas.user.email]
    assert ("Маса 1, Зала 2" in to_ana, "Table 1, Hall 2" in to_jonas) == (True, True)
