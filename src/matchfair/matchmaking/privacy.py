"""The matchmaking app's section of a person's data export and erasure (see
community.domain.privacy): the partners suggested to them, exported; erasure deletes those and the
suggestions of them to others."""

from typing import Any

from django.db.models import Q

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.matchmaking.models import Suggestion


def collect(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "event": suggestion.registration.event.slug,
            "suggested": suggestion.suggested.user.full_name,
            "rank": suggestion.rank,
            "score": suggestion.score,
            "reasons": suggestion.reasons,
            "computed": moment(suggestion.computed),
        }
        for suggestion in Suggestion.objects.filter(registration__user=user).select_related(
            "registration__event", "suggested__user"
        )
    ]


def erase(user: Any) -> None:
    Suggestion.objects.filter(Q(registration__user=user) | Q(suggested__user=user)).delete()


def register_sections() -> None:
    privacy.register("suggestions", collect=collect, erase=erase, models=[Suggestion])
