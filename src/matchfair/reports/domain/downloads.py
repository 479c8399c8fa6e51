"""The audit trail of report downloads: exports and printouts carry personal data, so each one
is written down with who took it and whose participants it covered."""

from typing import Any

from django.db import models, transaction

from matchfair.audit.domain import record
from matchfair.events.models import Event, Organiser


def record_download(
    *,
    kind: str,
    by: Any,
    event: Event,
    organisers: list[Organiser] | None,
    subject: models.Model | None = None,
    **details: Any,
) -> None:
    """`organisers` is the scope that was applied: None for the whole event."""
    with transaction.atomic():
        record(
            action=f"reports.{kind}_downloaded",
            actor=by,
            subject=subject,
            event=event,
            scope="event" if organisers is None else [organiser.pk for organiser in organisers],
            **details,
        )
