import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from matchfair.outbox.domain import (
    Draft,
    claim,
    deliver,
    drain_kind,
    drain_mark,
    message_id_header,
    queue_many,
    queue_message,
    resend,
    stuck_messages,
)
from matchfair.outbox.models import Message
from matchfair.outbox.tasks import drain_messages, send_message
from tests import factories


class BrokenBackend:
    """A mail server that refuses every message, as an unreachable SMTP host would."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return False

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("connection refused by smtp.example.org")


BROKEN = "tests.outbox.test_domain.BrokenBackend"


class UnreachableBackend(BrokenBackend):
    """A mail server that cannot be reached at all: opening the connection fails."""

    def open(self):
        raise ConnectionRefusedError("smtp.example.org is unreachable")


UNREACHABLE = "tests.outbox.test_domain.UnreachableBackend"


@pytest.fixture
def person(db):
    return factories.UserFactory(full_name="Ana Petrova", email="ana@example.org")


def queue(person, key="test:1", **extra):
    return queue_message(key=key, kind="test", user=person, subject="Hello", body="Text", **extra)


def test_queue_message_twice_with_one_key_records_and_sends_once(
    person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue(person)
        second = queue(person)
    assert (second, Message.objects.count(), len(mail.outbox)) == (None, 1, 1)
    first.refresh_from_db()
    assert (first.status, first.attempts, mail.outbox[0].to) == ("sent", 1, ["ana@example.org"])


def test_send_task_run_twice_sends_one_mail(person, django_capture_on_commit_callbacks):
    message = queue(person)  # not committed: no task ran yet
    assert send_message.delay(message_id=message.pk).get() == "sent"
    assert send_message.delay(message_id=message.pk).get() == "sent"
    assert len(mail.outbox) == 1


def test_message_carries_a_message_id_from_its_key(person):
    message = queue(person, key="request:7:received")
    deliver(message.pk)
    assert mail.outbox[0].extra_headers["Message-ID"] == message_id_header("request:7:received")
    assert message_id_header("a") != message_id_header("b")


def test_a_message_carries_its_own_headers_beside_the_outboxs(person):
    unsubscribe = {
        "List-Unsubscribe": "<https://example.org/stop/abc/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    deliver(queue(person, key="digest:1", headers=unsubscribe).pk)
    queue_many(
        [Draft(key="digest:2", to="bo@example.org", subject="S", body="B", headers=unsubscribe)],
        kind="digest",
    )
    deliver(Message.objects.get(key="digest:2").pk)
    sent = [email.message() for email in sorted(mail.outbox, key=lambda email: email.to[0])]
    assert [(m["List-Unsubscribe"], m["List-Unsubscribe-Post"], m["Message-ID"]) for m in sent] == [
        (
            "<https://example.org/stop/abc/>",
            "List-Unsubscribe=One-Click",
            message_id_header(key),
        )
        for key in ("digest:1", "digest:2")
    ]


@pytest.mark.parametrize(
    "headers",
    [
        {"Message-ID": "<forged@example.org>"},
        {"subject": "Another"},
        {"Bad Name": "x"},
        {"X-Note": "one\r\nBcc: someone@example.org"},
    ],
)
def test_a_header_that_could_break_the_mail_is_refused_and_nothing_is_queued(person, headers):
    with pytest.raises(ValueError, match="header"):
        queue(person, headers=headers)
    with pytest.raises(ValueError, match="header"):
        queue_many(
            [Draft(key="k", to="a@example.org", subject="S", body="B", headers=headers)], kind="t"
        )
    assert Message.objects.count() == 0


def test_crash_between_claim_and_send_is_reported_not_resent(person):
    message = queue(person)
    assert claim(message.pk) is True  # the worker claimed the row, then died
    assert deliver(message.pk) == "sending"  # the retried task does nothing
    later = timezone.now() + dt.timedelta(hours=1)
    assert list(stuck_messages(now=later)) == [message]
    assert resend(now=later) == {"failed": 0, "queued": 0, "stuck": 0}
    assert len(mail.outbox) == 0


def test_stuck_message_is_resent_only_when_asked(person, django_capture_on_commit_callbacks):
    message = queue(person)
    claim(message.pk)
    later = timezone.now() + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert resend(stuck=True, now=later) == {"failed": 0, "queued": 0, "stuck": 1}
    message.refresh_from_db()
    assert (message.status, message.attempts, len(mail.outbox)) == ("sent", 2, 1)


def test_failure_is_recorded_with_the_error_and_retried_later(
    person, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = BROKEN
    message = queue(person)
    assert deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert (message.status, message.error) == (
        "failed",
        "ConnectionRefusedError: connection refused by smtp.example.org",
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert resend()["failed"] == 1
    message.refresh_from_db()
    assert (message.status, message.error, message.attempts, len(mail.outbox)) == (
        "sent",
        "",
        2,
        1,
    )


def test_failed_message_past_the_attempt_limit_stays_failed(person, settings):
    settings.EMAIL_BACKEND = BROKEN
    settings.MAILINGS_MAX_ATTEMPTS = 1
    message = queue(person)
    deliver(message.pk)
    assert resend()["failed"] == 0
    assert Message.objects.get(pk=message.pk).status == "failed"


def test_queued_message_whose_task_was_lost_is_queued_again(
    person, django_capture_on_commit_callbacks
):
    message = queue(person)
    later = timezone.now() + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert resend(now=later)["queued"] == 1
    assert (Message.objects.get(pk=message.pk).status, len(mail.outbox)) == ("sent", 1)


def test_message_is_written_in_the_recipients_language(db):
    person = factories.UserFactory(full_name="Ivan Ivanov", language="bg")
    event = factories.b2b_event()
    message = queue_message(
        key="booking:1",
        kind="booking_closed",
        user=person,
        template="mailings/mail/booking_closed",
        context={"event": event},
        event=event,
    )
    english = factories.UserFactory(full_name="Eve English", language="en")
    other = queue_message(
        key="booking:2",
        kind="booking_closed",
        user=english,
        template="mailings/mail/booking_closed",
        context={"event": event},
        event=event,
    )
    assert other.body.startswith("Hello Eve English,")
    assert message.body != other.body.replace("Eve English", "Ivan Ivanov")


def test_resend_command_lists_stuck_messages(person, capsys):
    message = queue(person)
    claim(message.pk)
    Message.objects.filter(pk=message.pk).update(claimed=timezone.now() - dt.timedelta(hours=2))
    call_command("resend_messages")
    output = capsys.readouterr().out
    assert output.splitlines()[-1] == "queued again: 0 failed, 0 lost, 0 stuck"
    assert f"stuck: message {message.pk} to ana@example.org (test)" in output


def test_queue_message_without_an_address_is_refused(db):
    with pytest.raises(ValueError, match="needs a user with an address"):
        queue_message(key="x", kind="test", subject="s", body="b")


def drained(person, key, kind="burst"):
    return queue_message(key=key, kind=kind, user=person, subject="Hello", body="Text", drain=True)


def test_a_drain_sends_every_queued_message_of_its_kind_and_no_other(
    person, django_capture_on_commit_callbacks
):
    other = queue(person, key="other")  # another kind, its task not run
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first, second = drained(person, "burst:1"), drained(person, "burst:2")
    assert (len(callbacks), len(mail.outbox), cache.get(drain_mark("burst"))) == (2, 2, None)
    statuses = dict(Message.objects.values_list("key", "status"))
    assert statuses == {first.key: "sent", second.key: "sent", other.key: "queued"}
    assert set(Message.objects.filter(kind="burst").values_list("attempts", flat=True)) == {1}


def test_no_task_is_published_while_a_drain_waits_and_that_drain_sends_the_message(
    person, django_capture_on_commit_callbacks
):
    cache.set(drain_mark("burst"), 1)  # a drain is queued and has not started
    try:
        with django_capture_on_commit_callbacks(execute=True):
            message = drained(person, "burst:1")
        assert (Message.objects.get(pk=message.pk).status, len(mail.outbox)) == ("queued", 0)
        assert drain_messages.delay(kind="burst").get() == {"sent": 1}
    finally:
        cache.delete(drain_mark("burst"))
    assert (Message.objects.get(pk=message.pk).status, len(mail.outbox)) == ("sent", 1)
    assert cache.get(drain_mark("burst")) is None


def test_a_drain_leaves_claimed_messages_alone_and_sends_in_batches(person, monkeypatch):
    monkeypatch.setattr("matchfair.outbox.domain.DRAIN_BATCH", 2)
    messages = [drained(person, f"burst:{n}") for n in range(5)]  # not committed: no task ran
    assert claim(messages[0].pk) is True  # another worker holds it
    assert drain_kind("burst") == {"sent": 4}
    assert drain_kind("burst") == {}
    assert (len(mail.outbox), Message.objects.get(pk=messages[0].pk).status) == (4, "sending")


@pytest.mark.parametrize("backend", [BROKEN, UNREACHABLE])
def test_a_drain_records_each_failure_for_a_later_retry(person, settings, backend):
    settings.EMAIL_BACKEND = backend
    message = drained(person, "burst:1")
    assert drain_kind("burst") == {"failed": 1}
    message.refresh_from_db()
    assert (message.status, message.error.split(":")[0], message.attempts) == (
        "failed",
        "ConnectionRefusedError",
        1,
    )
    assert resend()["failed"] == 1


def test_a_taken_key_leaves_the_callers_transaction_usable(person):
    """No savepoint: the taken key is skipped by the insert itself, so the caller's
    transaction goes on (on PostgreSQL a failed statement would have ended it)."""
    with transaction.atomic():
        first = queue(person, key="taken")
        assert queue(person, key="taken") is None
        later = queue(person, key="later")
    rows = list(Message.objects.order_by("pk").values_list("pk", "key", "status", "headers"))
    assert rows == [(first.pk, "taken", "queued", {}), (later.pk, "later", "queued", {})]
    assert not Message.objects.filter(created__isnull=True).exists()
