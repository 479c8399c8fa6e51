"""How a meeting went, as each side says right after it, and the no-show questions it raises."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, Placement
from matchfair.outcomes.models import NextStep, Outcome


def held_slot_start(meeting: Meeting) -> dt.datetime | None:
    """When the meeting started in the latest released schedule; None if it has no slot there."""
    release = latest_release(meeting.event)
    if release is None:
        return None
    placement = (
        Placement.objects.filter(plan=release, meeting=meeting, slot__isnull=False)
        .select_related("slot")
        .first()
    )
    return placement.slot.starts_at if placement and placement.slot else None


def side_of(meeting: Meeting, user: Any) -> Registration:
    """The user's registration in the meeting, or a refusal that says it is not theirs."""
    if not permissions.can_report_outcome(user, meeting):
        raise PermissionDenied(
            _("This meeting is not yours: only the people who met can say how it went.")
        )
    return meeting.participants.select_related("user").get(user=user)


def check_took_place(meeting: Meeting, *, now: dt.datetime | None = None) -> None:
    """Refuse an outcome or a step for a meeting that was called off, never scheduled or has
    not started yet, with the reason."""
    if meeting.status != Meeting.Status.ACTIVE:
        raise ValidationError(_("This meeting was called off, so it has no outcome."))
    starts = held_slot_start(meeting)
    if starts is None:
        raise ValidationError(
            _("This meeting is not in the released schedule, so it did not take place.")
        )
    if starts > (now or timezone.now()):
        raise ValidationError(_("This meeting has not started yet: say how it went after it."))


def record_outcome(
    *,
    meeting: Meeting,
    took_place: bool,
    rating: int | None,
    next_steps: list[str],
    note: str,
    by: Any,
    now: dt.datetime | None = None,
) -> Outcome:
    """Record, or change, the user's side of how the meeting went (one outcome a side)."""
    registration = side_of(meeting, by)
    check_took_place(meeting, now=now)
    steps = list(dict.fromkeys(next_steps))
    unknown = [step for step in steps if step not in NextStep.values]
    if unknown:
        raise ValidationError({"next_steps": _("Unknown next step: %s.") % ", ".join(unknown)})
    if rating is not None and not 1 <= rating <= 5:
        raise ValidationError({"rating": _("A rating is from 1 to 5.")})
    if not took_place and (rating is not None or steps):
        raise ValidationError(
            _("A meeting that did not take place has no rating and no next steps.")
        )
    with transaction.atomic():
        outcome, created = Outcome.objects.select_for_update().update_or_create(
            meeting=meeting,
            registration=registration,
            defaults={
                "took_place": took_place,
                "rating": rating,
                "next_steps": steps,
                "note": note.strip(),
            },
        )
        record(
            action="outcome.recorded" if created else "outcome.changed",
            actor=by,
            subject=outcome,
            event=meeting.event,
            took_place=took_place,
        )
    return outcome


@dataclass(frozen=True)
class NoShowQuestion:
    """A meeting one side says did not take place: a question for the organiser, not a fact."""

    meeting: Meeting
    answers: tuple[tuple[Registration, bool | None], ...]  # each side: took place? None: silent


def _reported_not_held(event: Event, scope: list[Any] | None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(
        pk__in=Outcome.objects.filter(meeting__event=event, took_place=False).values("meeting_id")
    )
    if scope is not None:
        # Each reported meeting's own sides are looked up (an index on the meeting): an IN of
        # the scope's sides listed every meeting of half the event first.
        meetings = meetings.filter(
            Exists(
                Meeting.participants.through.objects.filter(
                    meeting_id=OuterRef("pk"), registration__organiser__in=scope
                )
            )
        )
    return meetings


def no_show_questions(
    event: Event, *, scope: list[Any] | None, limit: int | None = None
) -> list[NoShowQuestion]:
    """Meetings of the event that a side reported as not held, within an organiser's scope
    (None: every participant's; else the participants those organisers support), the oldest
    first; `limit`: only so many of them (count them all with `count_no_show_questions`)."""
    meetings = _reported_not_held(event, scope).order_by("pk")
    if limit is not None:
        meetings = meetings[:limit]
    questions = []
    for meeting in meetings.prefetch_related("participants__user", "outcomes"):
        said = {outcome.registration_id: outcome.took_place for outcome in meeting.outcomes.all()}
        answers = tuple((person, said.get(person.pk)) for person in meeting.participants.all())
        questions.append(NoShowQuestion(meeting=meeting, answers=answers))
    return questions


def count_no_show_questions(event: Event, *, scope: list[Any] | None) -> int:
    return _reported_not_held(event, scope).count()
