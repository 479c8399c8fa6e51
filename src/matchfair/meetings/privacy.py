"""The meetings app's sections of a person's data export and erasure (see
community.domain.privacy): the requests they sent and received and their meetings.

Requests and meetings stay after erasure, so the event's statistics stay right; the words in the
requests go, and the registrations they point to are anonymised by the events app.
"""

from typing import Any

from django.db.models import Q

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import ERASED_TEXT, moment
from matchfair.events.models import Registration
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan


def _name(registration: Registration) -> str:
    return registration.user.full_name


def _request(item: MeetingRequest, other: Registration, side: str) -> dict[str, Any]:
    return {
        "event": item.event.slug,
        side: _name(other),
        "status": item.status,
        "message": item.message,
        "reply": item.reply,
        "created": moment(item.created),
        "answered": moment(item.answered),
    }


def collect_requests(user: Any) -> dict[str, Any]:
    related = ("event", "sender__user", "recipient__user")
    return {
        "sent": [
            _request(item, item.recipient, "to")
            for item in MeetingRequest.objects.filter(sender__user=user).select_related(*related)
        ],
        "received": [
            _request(item, item.sender, "from")
            for item in MeetingRequest.objects.filter(recipient__user=user).select_related(*related)
        ],
    }


def erase_requests(user: Any) -> None:
    # The requests stay, so the event's statistics stay right; the words in them go.
    mine = MeetingRequest.objects.filter(Q(sender__user=user) | Q(recipient__user=user))
    mine.update(message=ERASED_TEXT)
    mine.exclude(reply="").update(reply=ERASED_TEXT)


def collect_meetings(user: Any) -> list[dict[str, Any]]:
    mine = set(user.registrations.values_list("pk", flat=True))
    meetings = (
        Meeting.objects.filter(participants__in=mine)
        .distinct()
        .select_related("event")
        .prefetch_related("participants__user")
    )
    placements: dict[int, list[dict[str, Any]]] = {}
    released = Placement.objects.filter(
        meeting__in=meetings, plan__kind=Plan.Kind.RELEASE
    ).select_related("plan", "slot", "table", "plan__event")
    for placement in released.order_by("plan__version"):
        zone = placement.plan.event.zone
        placements.setdefault(placement.meeting_id, []).append(
            {
                "release": placement.plan.version,
                "starts": moment(placement.slot.starts_at.astimezone(zone))
                if placement.slot
                else None,
                "table": placement.table.name if placement.table else None,
                "reason": placement.reason,
            }
        )
    return [
        {
            "event": meeting.event.slug,
            "status": meeting.status,
            "priority": meeting.priority,
            "with": [_name(r) for r in meeting.participants.all() if r.pk not in mine],
            "created": moment(meeting.created),
            "released_placements": placements.get(meeting.pk, []),
        }
        for meeting in meetings
    ]


def register_sections() -> None:
    privacy.register(
        "requests", collect=collect_requests, erase=erase_requests, models=[MeetingRequest]
    )
    # Meetings are kept whole: erasure anonymises the registrations they point to.
    privacy.register("meetings", collect=collect_meetings, models=[Meeting])
