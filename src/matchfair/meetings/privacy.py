"""The meetings app's sections of a person's data export and erasure (see
community.domain.privacy): the requests they sent and received, their meetings and the ones
they missed, and, for organiser staff, the plans, solver runs and no-shows they made.

All of these stay after erasure, so the event's statistics and schedules stay right: the words in
the requests go, the registrations they point to are anonymised by the events app, and what staff
made points to the anonymous account placeholder.
"""

from typing import Any

from django.db.models import Q

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import ERASED_TEXT, moment
from matchfair.events.models import Registration
from matchfair.meetings.models import Meeting, MeetingRequest, NoShow, Placement, Plan, SolverRun


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


def collect_no_shows(user: Any) -> list[dict[str, Any]]:
    """The meetings the person missed, as their organiser recorded it on the day."""
    return [
        {
            "event": no_show.meeting.event.slug,
            "with": [
                _name(r)
                for r in no_show.meeting.participants.all()
                if r.pk != no_show.registration_id
            ],
            "recorded": moment(no_show.created),
        }
        for no_show in NoShow.objects.filter(registration__user=user)
        .select_related("meeting__event")
        .prefetch_related("meeting__participants__user")
    ]


def collect_plans(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "event": plan.event.slug,
            "kind": plan.kind,
            "version": plan.version,
            "name": plan.name,
            "created": moment(plan.created),
        }
        for plan in Plan.objects.filter(created_by=user).select_related("event")
    ]


def collect_solver_runs(user: Any) -> list[dict[str, Any]]:
    return [
        {"event": run.event.slug, "status": run.status, "created": moment(run.created)}
        for run in SolverRun.objects.filter(requested_by=user).select_related("event")
    ]


def collect_no_shows_recorded(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "event": no_show.meeting.event.slug,
            "participant": _name(no_show.registration),
            "recorded": moment(no_show.created),
        }
        for no_show in NoShow.objects.filter(recorded_by=user).select_related(
            "meeting__event", "registration__user"
        )
    ]


def register_sections() -> None:
    privacy.register(
        "requests", collect=collect_requests, erase=erase_requests, models=[MeetingRequest]
    )
    # Meetings are kept whole: erasure anonymises the registrations they point to.
    privacy.register("meetings", collect=collect_meetings, models=[Meeting])
    privacy.register("no_shows", collect=collect_no_shows, models=[NoShow])
    privacy.register("organiser_work.plans", collect=collect_plans, models=[Plan])
    privacy.register("organiser_work.solver_runs", collect=collect_solver_runs, models=[SolverRun])
    privacy.register(
        "organiser_work.no_shows_recorded", collect=collect_no_shows_recorded, models=[NoShow]
    )
