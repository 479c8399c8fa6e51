"""The outbox: every message is written once under its key, then claimed and sent at most once.

Delivery is **at most once**. A worker first claims the row with a conditional update
(queued → sending); only the worker whose update changed the row sends. A retried or duplicated
task finds the row no longer queued and does nothing. A crash after the claim leaves the row in
"sending": it is reported by `stuck_messages`, and resent only when an operator asks for it
(`matchfair manage resend_messages --stuck`), after checking the mail server's log. Each message
carries a Message-ID derived from its key, so a mail server or client that de-duplicates on it
can also absorb a resend.
"""

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from matchfair.outbox.domain.links import absolute_url, site_host
from matchfair.outbox.models import Message


@dataclass(frozen=True)
class Draft:
    """A message rendered but not yet stored: who it goes to, and what it says."""

    key: str
    to: str
    subject: str
    body: str
    user: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)


# Headers the outbox writes itself; a message cannot set them.
OWN_HEADERS = {"message-id", "x-matchfair-kind", "from", "to", "cc", "bcc", "subject", "date"}
HEADER_NAME = re.compile(r"[!-9;-~]+")  # RFC 5322: printable ASCII but the colon


def checked_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    """A message's extra headers, refused whole when one could break the mail: a name that is
    not a header name or that the outbox sets itself, or a value with a line break."""
    checked = {}
    for name, value in (headers or {}).items():
        if not HEADER_NAME.fullmatch(name) or name.lower() in OWN_HEADERS:
            raise ValueError(f"a message cannot carry the header {name!r}")
        if not isinstance(value, str) or "\r" in value or "\n" in value:
            raise ValueError(f"the header {name} needs a value of one line")
        checked[name] = value
    return checked


def render(
    *, template: str, context: dict[str, Any], user: Any = None, language: str | None = None
) -> tuple[str, str]:
    """Subject and body of `template` in the recipient's language.

    Links in the template go through the `absolute` filter (`{% load mail %}{{ url|absolute }}`),
    so a mail client gets them whole."""
    language = language or getattr(user, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {**context, "user": user}
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def queue_message(
    *,
    key: str,
    kind: str,
    user: Any = None,
    to: str = "",
    subject: str = "",
    body: str = "",
    template: str = "",
    context: dict[str, Any] | None = None,
    event: Any = None,
    batch: str = "",
    headers: Mapping[str, str] | None = None,
    drain: bool = False,
) -> Message | None:
    """Record a message under `key` and send it after the commit; None when the key is taken.

    `batch` groups messages sent together (such as "mailing:17"), for the app that sent them.
    `drain` sends it with the other queued messages of its `kind`, by one task for all of them
    (`drain_kind`): for a kind that comes in bursts, such as an election's tracker mails.

    Give either `template` (rendered in the recipient's language, `user.language`) or a
    ready `subject` and `body`, and either `user` or a bare address `to`. `headers` are the
    mail's own (such as List-Unsubscribe), beside the Message-ID the outbox gives it.
    """
    address = to or getattr(user, "email", "")
    if not address:
        raise ValueError("a message needs a user with an address, or `to`")
    extra = checked_headers(headers)
    if template:
        subject, body = render(template=template, context=context or {}, user=user)
    message = Message(
        key=key[:200],
        kind=kind,
        event=event,
        batch=batch,
        user=user,
        to=address,
        subject=subject[:300],
        body=body,
        headers=extra,
    )
    if not _insert(message):
        return None  # recorded already: a second call with the same key changes nothing
    if drain and settings.OUTBOX_DRAIN:
        _drain_after_commit(kind)
    else:
        _send_after_commit([message.pk])
    return message


def _insert(message: Message) -> bool:
    """Write the message's row unless its key is taken (then False): one `INSERT … ON CONFLICT
    (key) DO NOTHING RETURNING id`, where an INSERT in a savepoint, so that a taken key would not
    break the caller's transaction, took three statements. Values are prepared as the ORM's
    insert prepares them (`auto_now_add`, JSON, foreign keys)."""
    fields = [field for field in Message._meta.concrete_fields if not field.primary_key]
    values = [field.get_db_prep_save(field.pre_save(message, True), connection) for field in fields]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(Message._meta.db_table)}"
            f" ({', '.join(quote(str(field.column)) for field in fields)})"
            f" VALUES ({', '.join(['%s'] * len(fields))})"
            f" ON CONFLICT ({quote(str(Message._meta.get_field('key').column))}) DO NOTHING"
            f" RETURNING {quote(str(Message._meta.pk and Message._meta.pk.column))}",
            values,
        )
        row = cursor.fetchone()
    if row is None:
        return False
    message.pk = row[0]
    message._state.adding = False
    message._state.db = connection.alias
    return True


def queue_many(drafts: Iterable[Draft], *, kind: str, event: Any = None, batch: str = "") -> int:
    """Record many messages in bulk, skipping keys already taken; returns how many are new."""
    pending = {draft.key[:200]: draft for draft in drafts}
    if not pending:
        return 0
    extra = {key: checked_headers(draft.headers) for key, draft in pending.items()}
    taken: set[str] = set()
    keys = list(pending)
    for start in range(0, len(keys), 900):
        taken.update(
            Message.objects.filter(key__in=keys[start : start + 900]).values_list("key", flat=True)
        )
    fresh = [key for key in keys if key not in taken]
    Message.objects.bulk_create(
        [
            Message(
                key=key,
                kind=kind,
                event=event,
                batch=batch,
                user=pending[key].user,
                to=pending[key].to,
                subject=pending[key].subject[:300],
                body=pending[key].body,
                headers=extra[key],
            )
            for key in fresh
        ],
        batch_size=1000,
        ignore_conflicts=True,  # a concurrent run took the key: its row is the one that counts
    )
    ids: list[int] = []
    for start in range(0, len(fresh), 900):
        ids.extend(
            Message.objects.filter(
                key__in=fresh[start : start + 900], status=Message.Status.QUEUED
            ).values_list("pk", flat=True)
        )
    _send_after_commit(ids)
    return len(fresh)


# Messages queued together go to the workers in tasks of this many: a campaign of 25,000 mails
# publishes 50 tasks, not 25,000. Each message is still claimed, and sent, on its own.
TASK_BATCH = 500


def _send_after_commit(ids: list[int]) -> None:
    from matchfair.outbox.tasks import send_message, send_messages  # noqa: PLC0415 (import cycle)

    def enqueue() -> None:
        if len(ids) == 1:
            send_message.delay(message_id=ids[0])
            return
        for start in range(0, len(ids), TASK_BATCH):
            send_messages.delay(message_ids=ids[start : start + TASK_BATCH])

    if ids:
        transaction.on_commit(enqueue)


# A drain takes this many messages at a time: one claim, one mail connection and one update
# for them all.
DRAIN_BATCH = 50
# How long a drain task counts as queued: a cast finding the mark publishes no task of its own.
# A mark whose task was lost only delays the next publish by this long; the periodic resend
# picks up what stays queued.
DRAIN_MARK_SECONDS = 60
# A drain starts this long after it is published, so it finds the messages queued meanwhile:
# without the wait, at a few casts a second each drain found one mail and cost as much as a
# task per mail (docs/benchmarks.md). The tracker mails leave up to this much later.
DRAIN_WAIT_SECONDS = 0.5


def drain_mark(kind: str) -> str:
    """The shared cache's key that says a drain of `kind` is queued and has not started."""
    return f"outbox:drain:{kind}"


def _drain_after_commit(kind: str) -> None:
    """After the commit, make sure a drain of `kind` is queued: publish one unless the mark says
    one is queued and not yet started. The drain removes the mark before it reads the queued
    messages, so a message committed before the mark was seen is read by that drain or by the
    one this call publishes. The mark lives in the cache every web process and worker share
    (`settings.OUTBOX_DRAIN` says there is one, or tasks run in this process)."""
    from matchfair.outbox.tasks import drain_messages  # noqa: PLC0415 (import cycle)

    def enqueue() -> None:
        mark = drain_mark(kind)
        if not cache.add(mark, 1, DRAIN_MARK_SECONDS):
            return
        try:
            drain_messages.apply_async(kwargs={"kind": kind}, countdown=DRAIN_WAIT_SECONDS)
        except Exception:
            cache.delete(mark)  # no drain is queued: the next message publishes one
            raise

    transaction.on_commit(enqueue)


def _claim_queued(kind: str, limit: int) -> list[Message]:
    """Claim up to `limit` queued messages of `kind`, oldest first, in one statement (UPDATE …
    RETURNING); rows another drain holds are skipped, not waited for (PostgreSQL)."""
    table = connection.ops.quote_name(Message._meta.db_table)
    skip = (
        " FOR UPDATE SKIP LOCKED" if connection.features.has_select_for_update_skip_locked else ""
    )
    return list(
        Message.objects.raw(
            f"UPDATE {table} SET status = %s, claimed = %s, attempts = attempts + 1"
            f" WHERE status = %s AND id IN (SELECT id FROM {table} WHERE status = %s"
            f" AND kind = %s ORDER BY id LIMIT %s{skip}) RETURNING *",
            [
                Message.Status.SENDING,
                timezone.now(),
                Message.Status.QUEUED,
                Message.Status.QUEUED,
                kind,
                limit,
            ],
        )
    )


def drain_kind(kind: str) -> dict[str, int]:
    """Send every queued message of `kind`, `DRAIN_BATCH` at a time: each batch claimed in one
    statement, sent over one mail connection, and marked sent in one update. At most once, as
    `deliver`: a crash after a claim leaves its messages in "sending", reported as stuck.
    Returns how many ended in each status."""
    statuses = {Message.Status.SENT: 0, Message.Status.FAILED: 0}
    while batch := _claim_queued(kind, DRAIN_BATCH):
        mail = get_connection()
        try:
            mail.open()
        except Exception as error:  # no mail server: the batch fails, to be retried later
            Message.objects.filter(pk__in=[message.pk for message in batch]).update(
                status=Message.Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
            )
            statuses[Message.Status.FAILED] += len(batch)
            break
        try:
            sent = [
                message.pk
                for message in batch
                if _send(message, mail=mail, mark_sent=False) == Message.Status.SENT
            ]
        finally:
            mail.close()
        Message.objects.filter(pk__in=sent).update(
            status=Message.Status.SENT, sent=timezone.now(), error=""
        )
        statuses[Message.Status.SENT] += len(sent)
        statuses[Message.Status.FAILED] += len(batch) - len(sent)
        if len(batch) < DRAIN_BATCH:
            break
    return {status: count for status, count in statuses.items() if count}


def claim(message_id: int) -> bool:
    """Take the message for sending; only one caller ever gets True for one queued row."""
    return bool(
        Message.objects.filter(pk=message_id, status=Message.Status.QUEUED).update(
            status=Message.Status.SENDING, claimed=timezone.now(), attempts=F("attempts") + 1
        )
    )


def _claimed(message_id: int) -> Message | None:
    """`claim` and the read of the claimed row in one statement (UPDATE … RETURNING): the
    message, or None when another caller claimed it first or it is not queued."""
    table = connection.ops.quote_name(Message._meta.db_table)
    rows = list(
        Message.objects.raw(
            f"UPDATE {table} SET status = %s, claimed = %s, attempts = attempts + 1"
            " WHERE id = %s AND status = %s RETURNING *",
            [Message.Status.SENDING, timezone.now(), message_id, Message.Status.QUEUED],
        )
    )
    return rows[0] if rows else None


def message_id_header(key: str) -> str:
    domain = site_host() or "matchfair"
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"<{digest}.matchfair@{domain}>"


def deliver(message_id: int) -> str:
    """Claim and send one message; returns the status it ends in. Sending twice cannot happen."""
    message = _claimed(message_id)
    if message is None:
        return str(Message.objects.filter(pk=message_id).values_list("status", flat=True).first())
    return _send(message)


def send_claimed(message_id: int) -> str:
    """Send a message this worker has claimed, and record the outcome."""
    return _send(Message.objects.get(pk=message_id))


def _send(message: Message, *, mail: Any = None, mark_sent: bool = True) -> str:
    """Send one claimed message (over `mail`, a connection open for several, or its own) and
    record a failure; the sent mark too, unless the caller marks several at once."""
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        headers={
            **message.headers,
            "Message-ID": message_id_header(message.key),
            "X-Matchfair-Kind": message.kind,
        },
        connection=mail or get_connection(),
    )
    try:
        email.send(fail_silently=False)
    except Exception as error:  # every transport failure is recorded for the organiser to see
        Message.objects.filter(pk=message.pk).update(
            status=Message.Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        return Message.Status.FAILED
    if not mark_sent:
        return Message.Status.SENT
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.SENT, sent=timezone.now(), error=""
    )
    return Message.Status.SENT


def stuck_messages(*, older_than: dt.timedelta | None = None, now: dt.datetime | None = None):
    """Messages claimed but never marked sent: a worker died between the claim and the mail."""
    limit = (now or timezone.now()) - (older_than or _stale_after())
    return Message.objects.filter(status=Message.Status.SENDING, claimed__lt=limit)


def _stale_after() -> dt.timedelta:
    return dt.timedelta(minutes=settings.MAILINGS_STALE_MINUTES)


def resend(
    *,
    failed: bool = True,
    stale_queued: bool = True,
    stuck: bool = False,
    now: dt.datetime | None = None,
) -> dict[str, int]:
    """Queue again what did not leave: failed messages (up to the attempt limit), queued ones
    whose task was lost, and, only when asked, stuck ones. Returns how many of each."""
    now = now or timezone.now()
    limit = now - _stale_after()
    counts = {"failed": 0, "queued": 0, "stuck": 0}
    ids: list[int] = []
    with transaction.atomic():
        if failed:
            rows = Message.objects.filter(
                status=Message.Status.FAILED, attempts__lt=settings.MAILINGS_MAX_ATTEMPTS
            )
            found = list(rows.values_list("pk", flat=True))
            Message.objects.filter(pk__in=found).update(status=Message.Status.QUEUED)
            counts["failed"] = len(found)
            ids += found
        if stale_queued:
            found = list(
                Message.objects.filter(status=Message.Status.QUEUED, created__lt=limit)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            counts["queued"] = len(found)
            ids += found
        if stuck:
            found = list(stuck_messages(now=now).values_list("pk", flat=True))
            Message.objects.filter(pk__in=found).update(status=Message.Status.QUEUED)
            counts["stuck"] = len(found)
            ids += found
        _send_after_commit(ids)
    return counts


__all__ = [
    "Draft",
    "absolute_url",
    "claim",
    "deliver",
    "drain_kind",
    "drain_mark",
    "queue_many",
    "queue_message",
    "render",
    "resend",
    "send_claimed",
    "stuck_messages",
]
