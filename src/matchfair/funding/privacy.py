"""The funding app's section of a person's data export and erasure (see
community.domain.privacy): their subscriptions to funding calls, which go with the account."""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.funding.models import Subscription


def collect(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "programme": item.programme,
            "domain": item.domain,
            "created": moment(item.created),
        }
        for item in Subscription.objects.filter(user=user).order_by("pk")
    ]


def erase(user: Any) -> None:
    Subscription.objects.filter(user=user).delete()


def register_sections() -> None:
    privacy.register("funding_subscriptions", collect=collect, erase=erase, models=[Subscription])
