"""The mailings app's section of a person's data export (see community.domain.privacy): the
mailings a staff member wrote. They stay after erasure, pointing to the anonymous account
placeholder; the e-mails sent from them are the outbox's."""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.mailings.models import Mailing


def collect_mailings_written(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "event": mailing.event.slug,
            "subject": mailing.subject,
            "audience": mailing.audience,
            "recipients": mailing.recipients,
            "created": moment(mailing.created),
        }
        for mailing in Mailing.objects.filter(created_by=user).select_related("event")
    ]


def register_sections() -> None:
    privacy.register("organiser_work.mailings", collect=collect_mailings_written, models=[Mailing])
