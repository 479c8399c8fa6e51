"""The console app's section of a person's data export (see community.domain.privacy): the
participant lists a staff member uploaded, by file name and status (their rows are other people's
data). The batches stay after erasure, pointing to the anonymous account placeholder.
"""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.console.models import ImportBatch


def collect_imports(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "event": batch.event.slug,
            "file": batch.file_name,
            "status": batch.status,
            "created": moment(batch.created),
            "finished": moment(batch.finished),
        }
        for batch in ImportBatch.objects.filter(created_by=user).select_related("event")
    ]


def register_sections() -> None:
    privacy.register(
        "organiser_work.imports",
        collect=collect_imports,
        models=[ImportBatch],
    )
