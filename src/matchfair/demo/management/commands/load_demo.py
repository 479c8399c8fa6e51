"""`manage.py load_demo`: load the Smart City Expo demo, solve it and release the schedule."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from matchfair.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the Smart City Expo demo scenario (idempotent), solve and release its schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="delete the demo and load it anew")
        parser.add_argument(
            "--time-limit", type=float, default=15.0, help="seconds for the optimiser"
        )
        parser.add_argument("--no-solve", action="store_true", help="load the data only")
        parser.add_argument("--host", default="127.0.0.1", help="host shown in the printed URL")
        parser.add_argument("--port", type=int, default=8000, help="port shown in the printed URL")

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo(
            reset=options["reset"], time_limit=options["time_limit"], solve=not options["no_solve"]
        )
        self.stdout.write(summary.describe(host=options["host"], port=options["port"]))
