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
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.events.models import Event, Registration
from matchfair.meetings.domain.plans import latest_release
from matchfair.meetings.models import Meeting, Placement
from matchfair.outbox.domain import Draft, queue_many, render
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.models import Campaign, CampaignMail, FollowUpStep, Outcome, Stage
from matchfair.signed_links import sign, unsign

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
    up: active, started in the latest release, not said to have failed, no agreement reported.
    `registrations`: only these people's (a few: the ids go into the query)."""
    if registrations is None:
        return _open_rows(event, now=now)[0]
    release = latest_release(event)
    if release is None:
        return {}
    held = Placement.objects.filter(
        plan=release,
        slot__starts_at__lte=now,
        meeting__status=Meeting.Status.ACTIVE,
    ).values("meeting_id")
    people = list(registrations)
    pairs = Meeting.participants.through.objects.filter(meeting__in=held, registration__in=people)
    closed = set(
        Outcome.objects.filter(
            meeting__in=held, registration__in=people, took_place=False
        ).values_list("meeting_id", "registration_id")
    ) | set(
        FollowUpStep.objects.filter(
            meeting__in=held, registration__in=people, stage=Stage.AGREEMENT_REACHED
        ).values_list("meeting_id", "registration_id")
    )
    found: dict[int, list[int]] = defaultdict(list)
    for meeting_id, registration_id in pairs.order_by("meeting_id").values_list(
        "meeting_id", "registration_id"
    ):
        if (meeting_id, registration_id) not in closed:
            found[registration_id].append(meeting_id)
    return dict(found)


def _open_rows(
    event: Event, *, now: dt.datetime
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """`open_meetings` of everyone, and each held meeting's people, from the event's rows read
    whole (ids only) and matched here: no list of ids as long as the event goes to the
    database, which at 150,000 meetings costs more than the rows it leaves out."""
    release = latest_release(event)
    if release is None:
        return {}, {}
    held = set(
        Placement.objects.filter(
            plan=release, slot__starts_at__lte=now, meeting__status=Meeting.Status.ACTIVE
        ).values_list("meeting_id", flat=True)
    )
    closed = set(
        Outcome.objects.filter(meeting__event=event, took_place=False).values_list(
            "meeting_id", "registration_id"
        )
    ) | set(
        FollowUpStep.objects.filter(
            meeting__event=event, stage=Stage.AGREEMENT_REACHED
        ).values_list("meeting_id", "registration_id")
    )
    found: dict[int, list[int]] = defaultdict(list)
    people: dict[int, list[int]] = defaultdict(list)
    for meeting_id, registration_id in (
        Meeting.participants.through.objects.filter(meeting__event=event)
        .order_by("meeting_id", "registration_id")
        .values_list("meeting_id", "registration_id")
    ):
        if meeting_id in held:
            people[meeting_id].append(registration_id)
            if (meeting_id, registration_id) not in closed:
                found[registration_id].append(meeting_id)
    return dict(found), dict(people)


def link_for(mail: CampaignMail) -> str:
    """The path of the mail's own answer page (mails make it absolute)."""
    return reverse("outcomes:campaign_answer", args=[sign(mail.pk, salt=SALT)])


def mail_from_link(token: str) -> CampaignMail:
    """The campaign mail a link names, or a refusal that says why the link does not open."""
    pk = unsign(
        token,
        salt=SALT,
        max_age=dt.timedelta(days=settings.OUTCOMES_LINK_DAYS),
        expired=_("This link has expired. The next follow-up mail will bring a new one."),
        invalid=_("This link is not valid. Copy the whole link from the mail."),
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
    campaign: Campaign,
    mails: list[CampaignMail],
    open_by: dict[int, list[int]],
    people: dict[int, list[int]],
    *,
    reminder: bool,
) -> list[Draft]:
    """One mail a person, listing whom they met in each open meeting. Names come from one read
    of the event's registrations; the templates are looked up once, not once a mail."""
    event = campaign.event
    labels = {
        pk: f"{name} ({organisation})" if organisation else name
        for pk, name, organisation in Registration.objects.filter(event=event).values_list(
            "pk", "user__full_name", "user__organisation__name"
        )
    }
    template = "outcomes/mail/campaign_reminder" if reminder else "outcomes/mail/campaign"
    suffix = ":reminder" if reminder else ""
    drafts = []
    for mail in mails:
        user = mail.registration.user
        lines = [
            " & ".join(
                sorted(labels[pk] for pk in people.get(meeting, []) if pk != mail.registration_id)
            )
            for meeting in open_by.get(mail.registration_id, [])
        ]
        subject, body = render(
            template=template,
            context={
                "event": event,
                "campaign": campaign,
                "meetings": lines,
                "url": link_for(mail),
                "expires": settings.OUTCOMES_LINK_DAYS,
            },
            user=user,
        )
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
        open_by, people = _open_rows(campaign.event, now=now)
        active = Registration.objects.filter(event=campaign.event, user__is_active=True)
        CampaignMail.objects.bulk_create(
            [
                CampaignMail(campaign=campaign, registration_id=pk, sent=now)
                for pk in active.values_list("pk", flat=True)
                if pk in open_by
            ],
            ignore_conflicts=True,
            batch_size=2000,
        )
        mails = list(
            CampaignMail.objects.filter(campaign=campaign).select_related("registration__user")
        )
        queued = queue_many(
            _drafts(campaign, mails, open_by, people, reminder=False),
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
            ).select_related("registration__user")
        )
        open_by, people = _open_rows(campaign.event, now=now)
        waiting = [mail for mail in waiting if open_by.get(mail.registration_id)]
        reminded = [mail.pk for mail in waiting]
        for start in range(0, len(reminded), 900):
            CampaignMail.objects.filter(pk__in=reminded[start : start + 900]).update(reminded=now)
        queued = queue_many(
            _drafts(campaign, waiting, open_by, people, reminder=True),
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
    """Each campaign of the event with its mails and answers (a co-organiser: its people only),
    in two queries however many campaigns: the database counts the mails of each."""
    mails = CampaignMail.objects.filter(campaign__event=event)
    if scope is not None:
        mails = mails.filter(registration__organiser__in=scope)
    counts = {
        row["campaign_id"]: row
        for row in mails.order_by()
        .values("campaign_id")
        .annotate(
            mailed=Count("pk"),
            reminded=Count("pk", filter=Q(reminded__isnull=False)),
            answered=Count("pk", filter=Q(answered__isnull=False)),
        )
    }
    nothing = {"mailed": 0, "reminded": 0, "answered": 0}
    return [
        Response(
            campaign=campaign,
            mailed=counts.get(campaign.pk, nothing)["mailed"],
            reminded=counts.get(campaign.pk, nothing)["reminded"],
            answered=counts.get(campaign.pk, nothing)["answered"],
        )
        for campaign in Campaign.objects.filter(event=event).select_related("event")
    ]
