"""The console app's section of a person's data export and erasure (see community.domain.privacy):
the participant lists a staff member uploaded, by file name and status (their rows are other
people's data), and the rows of uploaded lists that carry the person's own e-mail address.

An uploaded list keeps its rows after the import. On erasure, every row that holds the person's
e-mail address has each of its cells replaced, so neither the address nor the name nor anything
else of them stays in it; the batch itself stays, pointing to the anonymous account placeholder
when the person uploaded it.
"""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import ERASED_TEXT, moment
from matchfair.console.models import ImportBatch, PendingRegistration


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


def _erased(row: dict[str, Any], email: str) -> dict[str, Any]:
    """A row (`{"number": …, "cells": […]}`) with every cell erased when one holds `email`."""
    cells = row["cells"]
    if not any(str(cell).strip().lower() == email for cell in cells):
        return row
    return {**row, "cells": [ERASED_TEXT] * len(cells)}


def erase_import_rows(user: Any) -> None:
    email = user.email.strip().lower()
    if not email:
        return
    for batch in ImportBatch.objects.filter(rows__icontains=email):
        rows = [_erased(row, email) for row in batch.rows]
        if rows != batch.rows:
            batch.rows = rows
            batch.save(update_fields=["rows"])


def collect_pending(user: Any) -> list[dict[str, Any]]:
    """Registrations organisers imported for the person's account, and the person's answers."""
    return [
        {
            "event": pending.event.slug,
            "organiser": str(pending.organiser.cluster),
            "headline": pending.headline,
            "status": pending.status,
            "asked": moment(pending.created),
            "answered": moment(pending.answered),
        }
        for pending in PendingRegistration.objects.filter(user=user).select_related(
            "event", "organiser__cluster__organisation"
        )
    ]


def erase_pending(user: Any) -> None:
    PendingRegistration.objects.filter(user=user).delete()


def register_sections() -> None:
    privacy.register(
        "organiser_work.imports",
        collect=collect_imports,
        erase=erase_import_rows,
        models=[ImportBatch],
    )
    privacy.register(
        "registrations_to_confirm",
        collect=collect_pending,
        erase=erase_pending,
        models=[PendingRegistration],
    )
