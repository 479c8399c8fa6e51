"""The assembly in the background: the work plan's deadline reminders, hourly by celery beat.
Tasks call the domain; the outbox delivers each mail."""

from celery import shared_task

from matchfair.assembly.domain import workplan


@shared_task
def remind_deadlines() -> int:
    return workplan.remind_deadlines()
