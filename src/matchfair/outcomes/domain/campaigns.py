"""Follow-up campaigns: some days after the event, each person with meetings still to follow up
gets one mail with a signed link to those meetings, and one reminder if they do not answer.

- A campaign is **due** on the event's last day plus `days_after`; `send_due_campaigns`, run
  hourly by `celery beat`, claims it with a conditional update, so two workers never both send.
- Each mail is one outbox message under a key of the campaign and the person: a re-run queues
  nothing twice. A `CampaignMail` row dates it, and the first answer through its link.
- A meeting is **open** for a person until they said it did not take place, or reported an
  agreement on it; nobody is mailed about meetings that are not open.
- The link is signed for this purpose only (its salt), names the one `CampaignMail`, and
  expires after `OUTCOMES_LINK_DAYS`; the reminder carries a fresh one. It opens that person's
  open meetings and nothing else, without a login.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, Placement
from matchfair.outbox.domain import Draft, queue_many, render
from matchfair.outcomes.domain import links
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.models import Campaign, CampaignMail, FollowUpStep, Outcome, Stage

DEFAULT_DAYS = (7, 91, 182)  # one week, three months and six months after the last day
SALT = "matchfair.outcomes.campaign"


def add_default_campaigns(event: Event) -> None:
    """The usual three rounds; the organiser may change or remove them before they go out."""
    Campaign.objects.bulk_create(
        [Campaign(event=event, days_after=days) for days in DEFAULT_DAYS], ignore_conflicts=True
    )


def on_event_saved(sender: Any, instance: Event, created: bool, raw: bool = False, **kwargs: Any):
    """Every new event starts with the default campaigns (not when fixtures are loaded)."""
    if created and not raw:
        add_default_campaigns(instance)


def due_on(campaign: Campaign) -> dt.date:
    return campaign.event.ends_on + dt.timedelta(days=campaign.days_after)


def open_meetings(
    event: Event, *, now: dt.datetime, registrations: Iterable[int] | None = None
) -> dict[int, list[int]]:
    """For each person (registration id), the meetings they held that are still open to follow
    up: active, started in the latest release, not said to have failed, no agreement reported."""
    release = latest_release(event)
    if release is None:
        return {}
    held = Placement.objects.filter(
        plan=release,
        slot__starts_at__lte=now,
        meeting__status=Meeting.Status.ACTIVE,
    ).values("meeting_id")
    pairs = Meeting.participants.through.objects.filter(meeting__in=held)
    if registrations is not None:
        pairs = pairs.filter(registration__in=list(registrations))
    closed = set(
        Outcome.objects.filter(meeting__in=held, took_place=False).values_list(
            "meeting_id", "registration_id"
        )
    ) | set(
        FollowUpStep.objects.filter(meeting__in=held, stage=Stage.AGREEMENT_REACHED).values_list(
            "meeting_id", "registration_id"
        )
    )
    found: dict[int, list[int]] = defaultdict(list)
    for meeting_id, registration_id in pairs.order_by("meeting_id").values_list(
        "meeting_id", "registration_id"
    ):
        if (meeting_id, registration_id) not in closed:
            found[registration_id].append(meeting_id)
    return dict(found)


def link_for(mail: CampaignMail) -> str:
    """The path of the mail's own answer page (mails make it absolute)."""
    return reverse("outcomes:campaign_answer", args=[links.sign(mail.pk, salt=SALT)])


def mail_from_link(token: str) -> CampaignMail:
    """The campaign mail a link names, or a refusal that says why the link does not open."""
    pk = links.unsign(
        token,
        salt=SALT,
        days=settings.OUTCOMES_LINK_DAYS,
        expired=_("This link has expired. The next follow-up mail will bring a new one."),
    )
    mail = (
        CampaignMail.objects.select_related("campaign__event", "registration__user")
        .filter(pk=pk)
        .first()
    )
    if mail is None:
        raise ValidationError(_("This link is not valid any more."))
    return mail


def _drafts(
    campaign: Campaign, mails: list[CampaignMail], open_by: dict[int, list[int]], *, reminder: bool
) -> list[Draft]:
    event = campaign.event
    meetings = Meeting.objects.in_bulk({pk for pks in open_by.values() for pk in pks})
    partners: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for (
        meeting_id,
        registration_id,
        name,
        organisation,
    ) in Meeting.participants.through.objects.filter(meeting__in=meetings).values_list(
        "meeting_id",
        "registration_id",
        "registration__user__full_name",
        "registration__user__organisation__name",
    ):
        label = f"{name} ({organisation})" if organisation else name
        partners[meeting_id].append((registration_id, label))
    drafts = []
    for mail in mails:
        user = mail.registration.user
        lines = [
            " & ".join(
                sorted(label for pk, label in partners[meeting] if pk != mail.registration_id)
            )
            for meeting in open_by.get(mail.registration_id, [])
            if meeting in meetings
        ]
        subject, body = render(
            template="outcomes/mail/campaign_reminder" if reminder else "outcomes/mail/campaign",
            context={
                "event": event,
                "campaign": campaign,
                "meetings": lines,
                "url": link_for(mail),
                "expires": settings.OUTCOMES_LINK_DAYS,
            },
            user=user,
        )
        suffix = ":reminder" if reminder else ""
        drafts.append(
            Draft(
                key=f"outcomes-campaign:{campaign.pk}:{mail.registration_id}{suffix}",
                to=user.email,
                subject=subject,
                body=body,
                user=user,
            )
        )
    return drafts


def send_campaign(campaign: Campaign, *, now: dt.datetime) -> int:
    """Mail everyone with open meetings once, if this caller is the one that claims the
    campaign; returns how many mails were queued (0 when another caller sent it)."""
    with transaction.atomic():
        if not Campaign.objects.filter(pk=campaign.pk, sent__isnull=True).update(sent=now):
            return 0
        open_by = open_meetings(campaign.event, now=now)
        people = Registration.objects.filter(
            pk__in=list(open_by), user__is_active=True
        ).select_related("user__organisation")
        CampaignMail.objects.bulk_create(
            [CampaignMail(campaign=campaign, registration=r, sent=now) for r in people],
            ignore_conflicts=True,
            batch_size=2000,
        )
        mails = list(
            CampaignMail.objects.filter(campaign=campaign).select_related(
                "registration__user__organisation"
            )
        )
        queued = queue_many(
            _drafts(campaign, mails, open_by, reminder=False),
            kind="outcomes.campaign",
            event=campaign.event,
            batch=f"campaign:{campaign.pk}",
        )
        record(
            action="campaign.sent",
            actor=None,
            subject=campaign,
            event=campaign.event,
            mails=queued,
        )
    return queued


def send_reminder(campaign: Campaign, *, now: dt.datetime) -> int:
    """One reminder to those who have not answered and still have open meetings."""
    with transaction.atomic():
        if not Campaign.objects.filter(
            pk=campaign.pk, sent__isnull=False, reminded__isnull=True
        ).update(reminded=now):
            return 0
        waiting = list(
            CampaignMail.objects.filter(
                campaign=campaign, answered__isnull=True, registration__user__is_active=True
            ).select_related("registration__user__organisation")
        )
        open_by = open_meetings(
            campaign.event, now=now, registrations=[mail.registration_id for mail in waiting]
        )
        waiting = [mail for mail in waiting if open_by.get(mail.registration_id)]
        CampaignMail.objects.filter(pk__in=[mail.pk for mail in waiting]).update(reminded=now)
        queued = queue_many(
            _drafts(campaign, waiting, open_by, reminder=True),
            kind="outcomes.campaign_reminder",
            event=campaign.event,
            batch=f"campaign:{campaign.pk}",
        )
        record(
            action="campaign.reminded",
            actor=None,
            subject=campaign,
            event=campaign.event,
            mails=queued,
        )
    return queued


def send_due_campaigns(*, now: dt.datetime | None = None) -> int:
    """Send every campaign and reminder whose day has come; returns the mails queued."""
    now = now or timezone.now()
    queued = 0
    for campaign in Campaign.objects.filter(sent__isnull=True).select_related("event"):
        if due_on(campaign) <= timezone.localdate(now, campaign.event.zone):
            queued += send_campaign(campaign, now=now)
    for campaign in Campaign.objects.filter(
        sent__isnull=False, reminded__isnull=True
    ).select_related("event"):
        if campaign.sent and campaign.sent + dt.timedelta(days=campaign.reminder_days) <= now:
            queued += send_reminder(campaign, now=now)
    return queued


def answer(
    *, mail: CampaignMail, meeting_id: int, now: dt.datetime | None = None, **step: Any
) -> FollowUpStep:
    """Record a follow-up step from a campaign link: only for a meeting of that person."""
    registration = mail.registration
    meeting = (
        Meeting.objects.select_related("event")
        .filter(pk=meeting_id, event=mail.campaign.event, participants=registration)
        .first()
    )
    if meeting is None:
        raise ValidationError(_("This meeting is not one of yours."))
    with transaction.atomic():
        created = record_step(meeting=meeting, by=registration.user, now=now, **step)
        CampaignMail.objects.filter(pk=mail.pk, answered__isnull=True).update(
            answered=now or timezone.now()
        )
    return created


def change_campaign(
    *, event: Event, by: Any, days_after: int, reminder_days: int, campaign: Campaign | None = None
) -> Campaign:
    """Add a campaign, or change one that has not gone out."""
    if campaign is not None and campaign.sent is not None:
        raise ValidationError(_("This campaign has been sent; it can no longer change."))
    if not 1 <= days_after <= 730:
        raise ValidationError({"days_after": _("Between 1 and 730 days after the event.")})
    if not 1 <= reminder_days <= 90:
        raise ValidationError({"reminder_days": _("Between 1 and 90 days.")})
    taken = Campaign.objects.filter(event=event, days_after=days_after)
    if campaign is not None:
        taken = taken.exclude(pk=campaign.pk)
    if taken.exists():
        raise ValidationError(
            {
                "days_after": _("There is already a campaign %(days)s days after the event.")
                % {"days": days_after}
            }
        )
    with transaction.atomic():
        if campaign is None:
            campaign = Campaign.objects.create(
                event=event, days_after=days_after, reminder_days=reminder_days
            )
        else:
            campaign.days_after, campaign.reminder_days = days_after, reminder_days
            campaign.save(update_fields=["days_after", "reminder_days"])
        record(
            action="campaign.changed",
            actor=by,
            subject=campaign,
            event=event,
            days_after=days_after,
            reminder_days=reminder_days,
        )
    return campaign


def remove_campaign(*, campaign: Campaign, by: Any) -> None:
    if campaign.sent is not None:
        raise ValidationError(_("This campaign has been sent; it stays in the record."))
    with transaction.atomic():
        record(action="campaign.removed", actor=by, subject=campaign, event=campaign.event)
        campaign.delete()


@dataclass(frozen=True)
class Response:
    """How a campaign was answered, within an organiser's scope."""

    campaign: Campaign
    mailed: int
    reminded: int
    answered: int

    @property
    def due(self) -> dt.date:
        return due_on(self.campaign)

    @property
    def rate(self) -> float | None:
        return self.answered / self.mailed if self.mailed else None


def responses(event: Event, *, scope: list[Any] | None) -> list[Response]:
    """Each campaign of the event with its mails and answers (a co-organiser: its people only)."""
    found = []
    for campaign in Campaign.objects.filter(event=event).select_related("event"):
        mails = CampaignMail.objects.filter(campaign=campaign)
        if scope is not None:
            mails = mails.filter(registration__organiser__in=scope)
        found.append(
            Response(
                campaign=campaign,
                mailed=mails.count(),
                reminded=mails.filter(reminded__isnull=False).count(),
                answered=mails.filter(answered__isnull=False).count(),
            )
        )
    return found
