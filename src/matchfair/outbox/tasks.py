"""Background delivery: tasks take ids and hand over to the outbox, which sends at most once."""

from celery import shared_task
from django.core.cache import cache

from matchfair.outbox import domain as outbox


@shared_task(acks_late=True)
def send_message(*, message_id: int) -> str:
    return outbox.deliver(message_id)


@shared_task(acks_late=True)
def send_messages(*, message_ids: list[int]) -> dict[str, int]:
    """Messages queued together, each claimed and sent on its own: a redelivered task skips
    those already claimed. Returns how many ended in each status."""
    statuses: dict[str, int] = {}
    for message_id in message_ids:
        status = outbox.deliver(message_id)
        statuses[status] = statuses.get(status, 0) + 1
    return statuses


@shared_task(acks_late=True)
def drain_messages(*, kind: str) -> dict[str, int]:
    """Every queued message of `kind`: the drain's mark comes off first, so a message queued
    from now on publishes a new drain, and the one queued before is read by this one."""
    cache.delete(outbox.drain_mark(kind))
    return outbox.drain_kind(kind)


@shared_task
def resend_messages() -> dict[str, int]:
    return outbox.resend()
