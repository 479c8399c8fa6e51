"""The visits app's section of a person's data export and erasure (see community.domain.privacy).

A delegation member's wishes, joint visits and itinerary say where they wanted to go and went:
they are exported, and erasure takes the person out of every delegation, which removes them (a
joint visit stays for the other members).
"""

from typing import Any

from django.db.models import Prefetch

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.visits.models import (
    DelegationMember,
    Invitation,
    ItineraryStop,
    JointVisit,
    SkippedStop,
    Wish,
)

TARGETS = ("stand", "pavilion")


def collect(user: Any) -> list[dict[str, Any]]:
    members = (
        DelegationMember.objects.filter(registration__user=user)
        .select_related("delegation__event")
        .prefetch_related(
            Prefetch("wishes", queryset=Wish.objects.select_related(*TARGETS)),
            Prefetch("itinerary", queryset=ItineraryStop.objects.select_related(*TARGETS)),
            Prefetch("skipped", queryset=SkippedStop.objects.select_related(*TARGETS)),
            Prefetch("joint_visits", queryset=JointVisit.objects.select_related(*TARGETS)),
        )
    )
    return [
        {
            "event": member.delegation.event.slug,
            "delegation": member.delegation.name,
            "wishes": [
                {"place": wish.target_name, "priority": wish.priority}
                for wish in member.wishes.all()
            ],
            "itinerary": [
                {
                    "place": stop.target_name,
                    "arrive": moment(stop.arrive),
                    "leave": moment(stop.leave),
                }
                for stop in member.itinerary.all()
            ],
            "not_fitted": [
                {"place": skipped.target_name, "reason": skipped.reason}
                for skipped in member.skipped.all()
            ],
            "joint_visits": [
                {"place": joint.target_name, "minutes": joint.minutes, "day": moment(joint.day)}
                for joint in member.joint_visits.all()
            ],
        }
        for member in members
    ]


def erase(user: Any) -> None:
    DelegationMember.objects.filter(registration__user=user).delete()


def collect_invitations(user: Any) -> list[dict[str, Any]]:
    """Each delegation that asked the person to join, and their answer: the record of consent."""
    return [
        {
            "event": invitation.delegation.event.slug,
            "delegation": invitation.delegation.name,
            "status": invitation.status,
            "asked": moment(invitation.asked),
            "answered": moment(invitation.answered),
        }
        for invitation in Invitation.objects.filter(registration__user=user).select_related(
            "delegation__event"
        )
    ]


def erase_invitations(user: Any) -> None:
    Invitation.objects.filter(registration__user=user).delete()


def register_sections() -> None:
    privacy.register(
        "visits",
        collect=collect,
        erase=erase,
        models=[DelegationMember, Wish, JointVisit, ItineraryStop, SkippedStop],
    )
    privacy.register(
        "delegation_invitations",
        collect=collect_invitations,
        erase=erase_invitations,
        models=[Invitation],
    )
