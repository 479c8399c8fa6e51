"""The mailings app's section of a person's data export and erasure (see
community.domain.privacy): the mailings a staff member wrote. They stay after erasure, pointing to
the anonymous account placeholder; every mailing that names the erased person loses the name, as
the outbox's e-mails made from it do."""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import erase_name_from_texts, moment
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


def erase_from_mailings(user: Any) -> None:
    erase_name_from_texts(Mailing.objects.all(), user.full_name, ["subject", "body"])


def register_sections() -> None:
    privacy.register(
        "organiser_work.mailings",
        collect=collect_mailings_written,
        erase=erase_from_mailings,
        models=[Mailing],
    )
