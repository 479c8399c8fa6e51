"""Moving the message model from the mailings app to the outbox keeps every row and its state."""

import pytest
from django.db import connection

from tests.migrations import latest, migrate

BEFORE = [("mailings", "0001_initial"), ("events", "0003_search")]
AFTER = [("outbox", "0002_batch"), ("mailings", "0002_message_to_outbox")]


@pytest.mark.django_db(transaction=True)
def test_moving_the_outbox_keeps_rows_status_and_mailing():
    old = migrate(BEFORE)
    Event = old.get_model("events", "Event")
    Mailing = old.get_model("mailings", "Mailing")
    Message = old.get_model("mailings", "Message")
    event = Event.objects.create(
        name="Expo", slug="expo", starts_on="2030-01-01", ends_on="2030-01-02"
    )
    mailing = Mailing.objects.create(event=event, subject="Hello", body="Text")
    Message.objects.create(
        key="mailing:a",
        kind="mailing",
        to="a@example.org",
        subject="S",
        body="B",
        event=event,
        mailing=mailing,
        status="sent",
    )
    Message.objects.create(
        key="request:b",
        kind="request",
        to="b@example.org",
        subject="S",
        body="B",
        status="queued",
    )

    new = migrate(AFTER)
    moved = new.get_model("outbox", "Message")
    rows = sorted(moved.objects.values_list("key", "status", "batch", "event_id"))
    assert rows == [
        ("mailing:a", "sent", f"mailing:{mailing.pk}", event.pk),
        ("request:b", "queued", "", None),
    ]
    assert moved._meta.db_table == "outbox_message"
    assert "mailings_message" not in connection.introspection.table_names()
    migrate(latest())
