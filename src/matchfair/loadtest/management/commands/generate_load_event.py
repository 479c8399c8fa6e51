"""`manage.py generate_load_event`: a large generated event with a released schedule, for load tests."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from matchfair.loadtest.generate import delete_load_event, generate_load_event


class Command(BaseCommand):
    help = "Generate an event of many participants and meetings, scheduled and released."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--participants", type=int, default=25000)
        parser.add_argument("--meetings", type=int, default=150000)
        parser.add_argument("--slug", default="load-expo", help="the event's short name")
        parser.add_argument("--seed", type=int, default=0, help="seed of the random pairing")
        parser.add_argument("--reset", action="store_true", help="replace an event of this slug")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reset"]:
            delete_load_event(options["slug"])
        try:
            made = generate_load_event(
                participants=options["participants"],
                meetings=options["meetings"],
                slug=options["slug"],
                seed=options["seed"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(made.describe())
