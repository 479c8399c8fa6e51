"""The follow-up ladder: dated steps each side reports, and when an agreement is confirmed.

An agreement is **confirmed** when every person of the meeting reported an agreement of the
same type, and **claimed** when only some did.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.meetings.models import Meeting
from matchfair.outcomes.domain.outcomes import check_took_place, side_of
from matchfair.outcomes.models import AgreementType, FollowUpStep, Outcome, Stage, ValueBand

CLAIMED = "claimed"
CONFIRMED = "confirmed"


def record_step(
    *,
    meeting: Meeting,
    stage: int,
    on: dt.date,
    by: Any,
    agreement_type: str = "",
    call_identifier: str = "",
    value_band: str = "",
    evidence: str = "",
    now: dt.datetime | None = None,
) -> FollowUpStep:
    """Add one dated rung of the ladder for the user's side of the meeting."""
    registration = side_of(meeting, by)
    check_took_place(meeting, now=now)
    today = timezone.localdate(now or timezone.now())
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Unknown stage.")})
    if on > today:
        raise ValidationError({"on": _("A step is dated today or earlier.")})
    if Outcome.objects.filter(meeting=meeting, registration=registration, took_place=False):
        raise ValidationError(_("You said this meeting did not take place; change that first."))
    call_identifier = call_identifier.strip()
    if stage == Stage.AGREEMENT_REACHED:
        if agreement_type not in AgreementType.values:
            raise ValidationError({"agreement_type": _("Choose the type of agreement.")})
        if AgreementType.needs_call(agreement_type) and not call_identifier:
            raise ValidationError(
                {"call_identifier": _("A joint EU proposal needs the call's identifier.")}
            )
        if not AgreementType.needs_call(agreement_type):
            call_identifier = ""
        if value_band and value_band not in ValueBand.values:
            raise ValidationError({"value_band": _("Unknown value band.")})
    elif agreement_type or call_identifier or value_band or evidence.strip():
        raise ValidationError(_("Only an agreement has a type, a call, a value and evidence."))
    with transaction.atomic():
        step = FollowUpStep.objects.create(
            meeting=meeting,
            registration=registration,
            stage=stage,
            on=on,
            agreement_type=agreement_type if stage == Stage.AGREEMENT_REACHED else "",
            call_identifier=call_identifier,
            value_band=value_band,
            evidence=evidence.strip(),
        )
        record(
            action="follow_up.recorded",
            actor=by,
            subject=step,
            event=meeting.event,
            stage=stage,
        )
    return step


@dataclass(frozen=True)
class Ladder:
    """Where a meeting stands: each side's latest stage and the agreement's status."""

    stages: dict[int, int]  # registration id → latest stage reported
    agreement: str  # "", CLAIMED or CONFIRMED
    agreement_types: tuple[str, ...]  # the types both sides reported (confirmed) or any side

    @property
    def highest(self) -> int | None:
        return max(self.stages.values()) if self.stages else None


def ladder_from(people: Iterable[int], steps: Iterable[FollowUpStep]) -> Ladder:
    """The ladder of one meeting from its steps, for the people (registration ids) in it."""
    latest: dict[int, tuple[dt.date, int, int]] = {}
    agreed: dict[int, set[str]] = {}
    for step in steps:
        key = (step.on, step.pk or 0, step.stage)
        if step.registration_id not in latest or key > latest[step.registration_id]:
            latest[step.registration_id] = key
        if step.stage == Stage.AGREEMENT_REACHED:
            agreed.setdefault(step.registration_id, set()).add(step.agreement_type)
    people = list(people)
    both = set.intersection(*(agreed.get(person, set()) for person in people)) if people else set()
    if both:
        return Ladder(
            stages={pk: key[2] for pk, key in latest.items()},
            agreement=CONFIRMED,
            agreement_types=tuple(sorted(both)),
        )
    anyone = set().union(*agreed.values()) if agreed else set()
    return Ladder(
        stages={pk: key[2] for pk, key in latest.items()},
        agreement=CLAIMED if anyone else "",
        agreement_types=tuple(sorted(anyone)),
    )


def ladder_of(meeting: Meeting) -> Ladder:
    people = list(meeting.participants.values_list("pk", flat=True))
    return ladder_from(people, meeting.follow_up_steps.all())


def record_joint_proposal_funded(
    *, meeting: Meeting, call_identifier: str, on: dt.date, by: Any, evidence: str = ""
) -> list[FollowUpStep]:
    """A joint EU proposal that came from this meeting was funded: record the agreement
    ("joint EU proposal funded", with the call) for each side of the meeting, as the staff who
    saw the grant (`by`) attest it. Sides that recorded it already for this call, and sides
    that said the meeting did not take place, are left as they are; returns the new steps."""
    call_identifier = call_identifier.strip()
    if not call_identifier:
        raise ValidationError(
            {"call_identifier": _("A joint EU proposal needs the call's identifier.")}
        )
    funded = AgreementType.EU_PROPOSAL_FUNDED
    done = set(
        FollowUpStep.objects.filter(
            meeting=meeting, agreement_type=funded, call_identifier=call_identifier
        ).values_list("registration_id", flat=True)
    )
    absent = set(
        Outcome.objects.filter(meeting=meeting, took_place=False).values_list(
            "registration_id", flat=True
        )
    )
    created = []
    with transaction.atomic():
        for registration in meeting.participants.order_by("pk"):
            if registration.pk in done or registration.pk in absent:
                continue
            step = FollowUpStep.objects.create(
                meeting=meeting,
                registration=registration,
                stage=Stage.AGREEMENT_REACHED,
                on=on,
                agreement_type=funded,
                call_identifier=call_identifier,
                evidence=evidence.strip()[:500],
            )
            record(
                action="follow_up.recorded",
                actor=by,
                subject=step,
                event=meeting.event,
                stage=Stage.AGREEMENT_REACHED,
                attested_for=registration.pk,
            )
            created.append(step)
    return created
