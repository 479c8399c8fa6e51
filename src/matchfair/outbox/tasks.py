"""Background delivery: tasks take ids and hand over to the outbox, which sends at most once."""

from celery import shared_task

from matchfair.outbox import domain as outbox


@shared_task(acks_late=True)
def send_message(*, message_id: int) -> str:
    return outbox.deliver(message_id)


@shared_task
def resend_messages() -> dict[str, int]:
    return outbox.resend()
