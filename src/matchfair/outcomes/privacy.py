"""The outcomes app's section of a person's data export and erasure (see community.domain.privacy).

Erasing one side of a meeting keeps the other side's outcome and steps (they are the other
person's), with the erased name taken out of the other side's note. The erased person's own
outcomes and steps stay as anonymous figures (their registration is anonymised) so the event's
impact counts do not change, but their notes and evidence are emptied; their consents and the
introductions they asked for are deleted.
"""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.outcomes.models import (
    CampaignMail,
    Consent,
    FollowUpStep,
    IntroductionRequest,
    Outcome,
)


def _names(meeting: Any, user: Any) -> str:
    others = [p.user.full_name for p in meeting.participants.all() if p.user_id != user.pk]
    return ", ".join(others)


def collect(user: Any) -> dict[str, Any]:
    outcomes = Outcome.objects.filter(registration__user=user).select_related("meeting__event")
    steps = FollowUpStep.objects.filter(registration__user=user).select_related("meeting__event")
    return {
        "outcomes": [
            {
                "event": outcome.meeting.event.slug,
                "meeting": outcome.meeting_id,
                "with": _names(outcome.meeting, user),
                "took_place": outcome.took_place,
                "rating": outcome.rating,
                "next_steps": outcome.next_steps,
                "note": outcome.note,
                "created": outcome.created.isoformat(),
            }
            for outcome in outcomes.prefetch_related("meeting__participants__user")
        ],
        "follow_up": [
            {
                "event": step.meeting.event.slug,
                "meeting": step.meeting_id,
                "stage": step.get_stage_display(),
                "on": step.on.isoformat(),
                "agreement_type": step.agreement_type,
                "call_identifier": step.call_identifier,
                "value_band": step.value_band,
                "evidence": step.evidence,
            }
            for step in steps
        ],
        "consents": [
            {
                "scope": consent.scope,
                "audience": consent.audience,
                "notice_version": consent.notice_version,
                "granted": consent.granted.isoformat(),
                "withdrawn": consent.withdrawn.isoformat() if consent.withdrawn else None,
            }
            for consent in Consent.objects.filter(user=user)
        ],
        "follow_up_mails": [
            {
                "event": mail.campaign.event.slug,
                "days_after": mail.campaign.days_after,
                "sent": mail.sent.isoformat(),
                "reminded": mail.reminded.isoformat() if mail.reminded else None,
                "answered": mail.answered.isoformat() if mail.answered else None,
            }
            for mail in CampaignMail.objects.filter(registration__user=user).select_related(
                "campaign__event"
            )
        ],
        "introductions_asked": [
            {"event": intro.meeting.event.slug, "member": intro.member.user.full_name}
            for intro in IntroductionRequest.objects.filter(asked_by=user).select_related(
                "meeting__event", "member__user"
            )
        ],
    }


def erase(user: Any) -> None:
    Outcome.objects.filter(registration__user=user).update(note="")
    FollowUpStep.objects.filter(registration__user=user).update(evidence="")
    privacy.erase_name_from_texts(
        Outcome.objects.filter(meeting__participants__user=user).exclude(registration__user=user),
        user.full_name,
        ["note"],
    )
    Consent.objects.filter(user=user).delete()
    IntroductionRequest.objects.filter(asked_by=user).delete()
    IntroductionRequest.objects.filter(member__user=user).delete()


def register_sections() -> None:
    privacy.register(
        "outcomes",
        collect=collect,
        erase=erase,
        models=[Outcome, FollowUpStep, Consent, IntroductionRequest, CampaignMail],
    )
