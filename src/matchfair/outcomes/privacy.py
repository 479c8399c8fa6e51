"""The outcomes app's section of a person's data export and erasure (see community.domain.privacy).

Erasing one side of a meeting keeps the other side's outcome and steps (they are the other
person's), with the erased name taken out of the other side's note and evidence. The erased person's own
outcomes and steps stay as anonymous figures (their registration is anonymised) so the event's
impact counts do not change, but their notes and evidence are emptied; their consents and the
introductions they asked for are deleted.

A success story the person is a party of stops (its draft, if made, is held back from readers, as
on a withdrawal) and their answers and quotes are deleted; a story they asked for, and a cluster's
retention they set, stay the cluster's, under the anonymised account.
"""

from typing import Any

from matchfair.community.domain import privacy
from matchfair.outcomes.domain.stories import stop
from matchfair.outcomes.models import (
    CampaignMail,
    Consent,
    FollowUpStep,
    IntroductionRequest,
    Outcome,
    Retention,
    StoryConsent,
    SuccessStory,
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
                "renewed": consent.renewed.isoformat() if consent.renewed else None,
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
        "success_stories": [
            {
                "event": answer.story.meeting.event.slug,
                "newsroom": str(answer.story.cluster),
                "answer": answer.answer,
                "quote": answer.quote,
                "answered": answer.answered.isoformat() if answer.answered else None,
                "story": answer.story.status,
            }
            for answer in StoryConsent.objects.filter(registration__user=user).select_related(
                "story__meeting__event", "story__cluster__organisation"
            )
        ],
        "success_stories_asked": [
            {
                "event": story.meeting.event.slug,
                "newsroom": str(story.cluster),
                "status": story.status,
            }
            for story in SuccessStory.objects.filter(requested_by=user).select_related(
                "meeting__event", "cluster__organisation"
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
    privacy.erase_name_from_texts(
        FollowUpStep.objects.filter(meeting__participants__user=user)
        .exclude(registration__user=user)
        .distinct(),
        user.full_name,
        ["evidence"],
    )
    Consent.objects.filter(user=user).delete()
    parties = StoryConsent.objects.filter(registration__user=user).values("story_id")
    for story in SuccessStory.objects.select_for_update().filter(pk__in=parties).order_by("pk"):
        stop(story, actor=None, reason="erased")
    StoryConsent.objects.filter(registration__user=user).delete()
    IntroductionRequest.objects.filter(asked_by=user).delete()
    IntroductionRequest.objects.filter(member__user=user).delete()


def register_sections() -> None:
    privacy.register(
        "outcomes",
        collect=collect,
        erase=erase,
        models=[
            Outcome,
            FollowUpStep,
            Consent,
            IntroductionRequest,
            CampaignMail,
            SuccessStory,
            StoryConsent,
            Retention,
        ],
    )
