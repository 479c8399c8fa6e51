"""The audit app's section of a person's data export and erasure (see community.domain.privacy):
the entries where they are the actor.

Erasure scrubs the log last, on the community app's `account_erased` signal, so that nothing an
earlier step records escapes it: entries where the person is the actor keep only their action,
event and time, entries about the account lose their details, and `account.erased` is recorded.
"""

from typing import Any

from matchfair.audit.domain import record
from matchfair.audit.models import AuditEntry
from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.community.signals import account_erased


def collect(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "when": moment(entry.created),
            "action": entry.action,
            "event": entry.event.slug if entry.event else None,
            "subject": f"{entry.subject_type}#{entry.subject_id}" if entry.subject_type else None,
            "details": entry.details,
        }
        for entry in AuditEntry.objects.filter(actor=user).select_related("event")
    ]


def scrub(sender: Any, *, user: Any, **kwargs: Any) -> None:
    AuditEntry.objects.filter(actor=user).update(subject_type="", subject_id="", details={})
    AuditEntry.objects.filter(subject_type=user._meta.label_lower, subject_id=str(user.pk)).update(
        details={}
    )
    record(action="account.erased", actor=user, subject=user)


def register_sections() -> None:
    privacy.register("audit", collect=collect, models=[AuditEntry])
    account_erased.connect(scrub, dispatch_uid="audit.scrub")
