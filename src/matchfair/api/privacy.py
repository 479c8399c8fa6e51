"""The API app's sections of a person's data export and erasure (see community.domain.privacy):
their API tokens and calendar feeds, by name and date only, deleted on erasure."""

from typing import Any

from matchfair.api.models import ApiToken, CalendarFeed
from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment


def collect_tokens(user: Any) -> list[dict[str, Any]]:
    # Names and dates only: the key is a secret and is not even stored.
    return [
        {
            "name": token.name,
            "created": moment(token.created),
            "last_used": moment(token.last_used),
            "revoked": moment(token.revoked),
        }
        for token in ApiToken.objects.filter(user=user)
    ]


def erase_tokens(user: Any) -> None:
    ApiToken.objects.filter(user=user).delete()


def collect_feeds(user: Any) -> list[dict[str, Any]]:
    # The secret URL is left out: a downloaded file must not work as a key to the agenda.
    return [
        {
            "event": feed.registration.event.slug,
            "created": moment(feed.created),
            "revoked": moment(feed.revoked),
        }
        for feed in CalendarFeed.objects.filter(registration__user=user).select_related(
            "registration__event"
        )
    ]


def erase_feeds(user: Any) -> None:
    CalendarFeed.objects.filter(registration__user=user).delete()


def register_sections() -> None:
    privacy.register("api_tokens", collect=collect_tokens, erase=erase_tokens, models=[ApiToken])
    privacy.register(
        "calendar_feeds", collect=collect_feeds, erase=erase_feeds, models=[CalendarFeed]
    )
