"""The outbox's section of a person's data export and erasure (see community.domain.privacy).

The outbox keeps each e-mail with its address and text: the person's own mail is exported and,
on erasure, deleted; mail to other people that names them loses the name.
"""

from typing import Any

from django.db.models import Q, QuerySet

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import erase_name_from_texts, moment
from matchfair.outbox.models import Message


def _outbox(user: Any) -> QuerySet[Message]:
    return Message.objects.filter(Q(user=user) | Q(to__iexact=user.email))


def collect(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "subject": message.subject,
            "text": message.body,
            "kind": message.kind,
            "status": message.status,
            "created": moment(message.created),
            "sent": moment(message.sent),
        }
        for message in _outbox(user).order_by("created", "id")
    ]


def erase(user: Any) -> None:
    _outbox(user).delete()
    # Mail to other people about this person ("Ana asked you for a meeting") loses the name.
    erase_name_from_texts(Message.objects.all(), user.full_name, ["subject", "body"])


def register_sections() -> None:
    privacy.register("outbox", collect=collect, erase=erase, models=[Message])
