"""Background delivery: tasks take ids and hand over to the outbox, which sends at most once."""

from celery import shared_task

from matchfair.mailings.domain import announcements, mailings, outbox


@shared_task(acks_late=True)
def send_message(*, message_id: int) -> str:
    return outbox.deliver(message_id)


@shared_task(acks_late=True)
def fan_out_mailing(*, mailing_id: int) -> int:
    return mailings.fan_out(mailing_id)


@shared_task
def resend_messages() -> dict[str, int]:
    return outbox.resend()


@shared_task
def remind_pending_requests() -> int:
    return announcements.remind_pending_requests()


@shared_task
def announce_booking_windows() -> int:
    return announcements.announce_due_booking_windows()
