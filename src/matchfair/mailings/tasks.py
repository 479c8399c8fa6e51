"""The organisers' mailings in the background: fanning a mailing out, reminders and booking
announcements. Tasks take ids and call the domain; the outbox delivers each mail."""

from celery import shared_task

from matchfair.mailings.domain import announcements, mailings


@shared_task(acks_late=True)
def fan_out_mailing(*, mailing_id: int) -> int:
    return mailings.fan_out(mailing_id)


@shared_task
def remind_pending_requests() -> int:
    return announcements.remind_pending_requests()


@shared_task
def announce_booking_windows() -> int:
    return announcements.announce_due_booking_windows()
