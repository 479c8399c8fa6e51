"""Writing to the audit log; called by every domain function inside its transaction."""

from typing import Any

from django.db import models

from matchfair.audit.models import AuditEntry


def record(
    *,
    action: str,
    actor: Any = None,
    subject: models.Model | None = None,
    event: Any = None,
    **details: Any,
) -> AuditEntry:
    return AuditEntry.objects.create(
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        event=event,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        details=details,
    )
