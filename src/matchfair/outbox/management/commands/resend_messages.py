"""Queue again the messages that did not leave, and report the ones stuck after a crash."""

from django.core.management.base import BaseCommand

from matchfair.outbox.domain import resend, stuck_messages


class Command(BaseCommand):
    help = (
        "Queue failed messages (below the attempt limit) and queued ones whose task was lost. "
        "Messages stuck in 'sending' after a crash are listed, and resent only with --stuck."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stuck",
            action="store_true",
            help="also resend messages stuck in 'sending' (they may have left once already)",
        )

    def handle(self, *args, stuck: bool = False, **options):
        if not stuck:
            for message in stuck_messages():
                self.stdout.write(
                    f"stuck: message {message.pk} to {message.to} ({message.kind}), "
                    f"claimed {message.claimed:%Y-%m-%d %H:%M:%S} UTC"
                )
        counts = resend(stuck=stuck)
        self.stdout.write(
            f"queued again: {counts['failed']} failed, {counts['queued']} lost, "
            f"{counts['stuck']} stuck"
        )
