"""Import CORDIS's project.csv and organization.csv and propose which members took part."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from matchfair.funding.cordis import CordisError, read_participations, read_projects
from matchfair.funding.domain.participations import import_cordis


class Command(BaseCommand):
    help = (
        "Import CORDIS projects and organisations (`;`-separated, as published) and propose a "
        "member for each participation by VAT number or by name in the same country. A bad file "
        "is reported by row and column and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("projects", type=Path, help="CORDIS project.csv")
        parser.add_argument("organisations", type=Path, help="CORDIS organization.csv")

    def handle(self, *args, projects: Path, organisations: Path, **options):
        errors: list[str] = []
        project_rows, participation_rows = [], []
        try:
            project_rows = read_projects(projects.read_text(encoding="utf-8"), file=projects.name)
        except CordisError as error:
            errors += error.errors
        try:
            participation_rows = read_participations(
                organisations.read_text(encoding="utf-8"), file=organisations.name
            )
        except CordisError as error:
            errors += error.errors
        if not errors:
            try:
                report = import_cordis(projects=project_rows, participations=participation_rows)
            except CordisError as error:
                errors += error.errors
        if errors:
            raise CommandError("\n".join(errors), returncode=2)
        self.stdout.write(
            f"projects: {report.projects_created} new, {report.projects_updated} changed; "
            f"participations: {report.participations_created} new, "
            f"{report.participations_updated} changed; {report.proposed} members proposed"
        )
