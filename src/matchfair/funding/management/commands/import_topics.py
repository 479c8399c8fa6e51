"""Import funding topics from a file of the Funding & Tenders Portal's search results (JSON)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matchfair.funding.domain.topics import import_topics
from matchfair.funding.portal import PortalError, read_search_results


class Command(BaseCommand):
    help = (
        "Import topics from the portal's search results (JSON). A bad file is reported by JSON "
        "path and nothing is written; a re-import updates topics in place and records changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="search-results JSON files")

    def handle(self, *args, files: list[Path], **options):
        records = []
        errors = []
        for path in files:
            try:
                records += read_search_results(path.read_text(encoding="utf-8"))
            except OSError as error:
                errors.append(f"{path}: {error.strerror}")
            except PortalError as error:
                errors += [f"{path}: {line}" for line in error.errors]
        if errors:
            raise CommandError("\n".join(errors), returncode=2)
        report = import_topics(records, source=", ".join(str(path) for path in files))
        for identifier, field, old, new in report.changes:
            self.stdout.write(f"changed: {identifier} {field}: {old} -> {new}")
        self.stdout.write(
            f"topics: {len(report.created)} new, {len(report.updated)} changed, "
            f"{report.unchanged} unchanged; {report.messages} messages to subscribers"
        )
