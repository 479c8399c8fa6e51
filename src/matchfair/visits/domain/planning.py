"""Plans a delegation's visits with the engine, checks the answer and stores the itineraries."""

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from matchfair.audit.domain import record
from matchfair.events.models import Event
from matchfair.outbox.domain import queue_message
from matchfair.outbox.domain.links import absolute_url
from matchfair.routing import VisitsError, check, parse_visits, plan_visits
from matchfair.visits.domain.instance import Built, build_request
from matchfair.visits.models import Delegation, DelegationMember, ItineraryStop, SkippedStop

logger = logging.getLogger(__name__)


def time_limit() -> float:
    return float(getattr(settings, "VISITS_TIME_LIMIT", 10.0))


def _signature(member: DelegationMember) -> list[tuple[Any, ...]]:
    return list(
        member.itinerary.order_by("arrive").values_list(
            "stand_id", "pavilion_id", "arrive", "leave"
        )
    )


def _rows(built: Built, plan: Any, zone: Any) -> tuple[list[ItineraryStop], list[SkippedStop]]:
    stops: list[ItineraryStop] = []
    skipped: list[SkippedStop] = []
    for itinerary in plan.members:
        member = built.members[itinerary.member]
        for day_plan in itinerary.days:
            day = dt.date.fromisoformat(day_plan.day)
            walk: Any = None
            for entry in day_plan.entries:
                if entry.kind == "walk":
                    walk = entry
                    continue
                if entry.kind == "visit" and entry.stop is not None:
                    ref = built.stops[entry.stop]
                    came = walk if walk is not None and walk.leave == entry.arrive else None
                    stops.append(
                        ItineraryStop(
                            member=member,
                            stand=ref.stand,
                            pavilion=ref.pavilion,
                            joint_visit=ref.joint,
                            day=day,
                            arrive=_moment(day, entry.arrive, zone),
                            leave=_moment(day, entry.leave, zone),
                            walk_minutes=(came.leave - came.arrive) if came else 0,
                            walk_from=built.places.get(came.origin or "", "") if came else "",
                        )
                    )
                walk = None
        for wish in itinerary.skipped:
            ref = built.stops[wish.stop]
            skipped.append(
                SkippedStop(
                    member=member,
                    stand=ref.stand,
                    pavilion=ref.pavilion,
                    priority=wish.priority,
                    reason=wish.reason[:300],
                )
            )
    return stops, skipped


def _moment(day: dt.date, minutes: int, zone: Any) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=zone)


def plan_delegation(
    *,
    delegation: Delegation,
    by: Any = None,
    seconds: float | None = None,
    notify: Iterable[int] = (),
) -> list[str]:
    """Plan every member's visits; returns the validator's problems (empty when stored).

    `notify` holds registration ids whose meetings changed: those members, and every member
    whose itinerary changes, are told by e-mail.
    """
    try:
        built = build_request(delegation)
        visits = parse_visits(built.document)
    except VisitsError as error:
        problems = list(error.errors)
    except ValueError as error:  # no venue yet
        problems = [str(error)]
    else:
        plan = plan_visits(visits, time_limit=seconds if seconds is not None else time_limit())
        problems = check(visits, plan)
    if problems:
        with transaction.atomic():
            Delegation.objects.filter(pk=delegation.pk).update(
                plan_error="\n".join(problems)[:5000]
            )
            record(
                action="visits.planning_failed",
                actor=by,
                subject=delegation,
                event=delegation.event,
                problems=problems[:20],
            )
        logger.error("visits for delegation %s failed: %s", delegation.pk, problems[:5])
        return problems
    stops, skipped = _rows(built, plan, delegation.event.zone)
    wanted = set(notify)
    with transaction.atomic():
        members = list(delegation.members.select_related("registration__user"))
        before = {member.pk: _signature(member) for member in members}
        ItineraryStop.objects.filter(member__delegation=delegation).delete()
        SkippedStop.objects.filter(member__delegation=delegation).delete()
        ItineraryStop.objects.bulk_create(stops)
        SkippedStop.objects.bulk_create(skipped)
        delegation.planned = timezone.now()
        delegation.plan_error = ""
        delegation.plan_stats = {
            key: plan.stats.get(key)
            for key in (
                "wishes",
                "wishes_fitted",
                "share",
                "joint_visits_scheduled",
                "joint_visits_skipped",
                "walking_minutes",
                "seconds",
            )
        }
        delegation.save(update_fields=["planned", "plan_error", "plan_stats"])
        told = [
            member
            for member in members
            if (before[member.pk] and before[member.pk] != _signature(member))
            or member.registration_id in wanted
        ]
        record(
            action="visits.planned",
            actor=by,
            subject=delegation,
            event=delegation.event,
            visits=len(stops),
            skipped=len(skipped),
            told=len(told),
        )
        for member in told:
            _tell(member, delegation)
    return []


def _tell(member: DelegationMember, delegation: Delegation) -> None:
    """Mail a member whose itinerary changed; one message per member and plan."""
    member.delegation = delegation  # the mail's template reads it: no query per member
    user = member.registration.user
    event = delegation.event
    url = absolute_url(reverse("visits:member_day", kwargs={"event": event.slug, "pk": member.pk}))
    planned = delegation.planned.isoformat() if delegation.planned else ""
    queue_message(
        key=f"itinerary:{member.pk}:{planned}",
        kind="visits.itinerary_changed",
        user=user,
        template="visits/mail/itinerary_changed",
        context={"member": member, "event": event, "url": url},
        event=event,
    )


def request_planning(*, delegation: Delegation, by: Any) -> None:
    """Queue the planning as a background task once the caller's transaction commits."""
    with transaction.atomic():
        Delegation.objects.filter(pk=delegation.pk).update(plan_error="")
        record(
            action="visits.planning_requested", actor=by, subject=delegation, event=delegation.event
        )
        by_id = getattr(by, "pk", None)

        def queue() -> None:
            from matchfair.visits.tasks import plan_delegation_visits  # noqa: PLC0415 (import cycle)

            plan_delegation_visits.delay(delegation_id=delegation.pk, by_id=by_id)

        transaction.on_commit(queue)


def replan_after_release(*, event: Event, changed: Iterable[int]) -> list[int]:
    """Queue a re-plan of each planned delegation that holds a member whose meetings moved."""
    moved = set(changed)
    delegations = list(
        Delegation.objects.filter(
            event=event, planned__isnull=False, members__registration_id__in=moved
        ).distinct()
    )
    from matchfair.visits.tasks import plan_delegation_visits  # noqa: PLC0415 (import cycle)

    for delegation in delegations:
        ids = sorted(set(delegation.members.values_list("registration_id", flat=True)) & moved)
        plan_delegation_visits.delay(delegation_id=delegation.pk, notify=ids)
    return [delegation.pk for delegation in delegations]
