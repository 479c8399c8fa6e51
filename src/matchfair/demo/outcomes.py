"""Last year's expo in the demo: sixteen meetings of the Sofia delegation, with outcomes at
every rung of the follow-up ladder, confirmed agreements (a funded joint EU proposal among
them), consents that share them with the cluster's members, and two members who shared
nothing, so their meetings show only in the counts. `load_last_year` is idempotent.
"""

import datetime as dt

from django.db import transaction

from matchfair.community.models import User
from matchfair.demo import scenario
from matchfair.events.domain.venue import add_session, add_tables
from matchfair.events.models import Event, Organiser, Registration
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan
from matchfair.outcomes.domain.campaigns import due_on
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.domain.outcomes import record_outcome
from matchfair.outcomes.models import CampaignMail, Stage

SLUG = scenario.PAST_EVENT_SLUG  # the newsroom's trip report is about the same expo
NAME = f"{scenario.EVENT_NAME} (last year)"
EU_CALL = "HORIZON-CL5-2025-D4-01"
# Per meeting: (each side's answer: True held, False not held, None silent), the steps of the
# Sofia side and of the other side as (weeks after the expo, stage, agreement type, value).
Step = tuple[int, int, str, str]
Story = tuple[tuple[bool | None, bool | None], list[Step], list[Step]]
STORIES: tuple[Story, ...] = (
    (
        (True, True),
        [(4, 3, "", ""), (20, 4, "eu_proposal_funded", "250k_1m")],
        [(20, 4, "eu_proposal_funded", "250k_1m")],
    ),
    ((True, True), [(2, 2, "", ""), (12, 4, "research", "")], [(12, 4, "research", "")]),
    ((True, True), [(8, 4, "supplier", "50k_250k")], [(9, 4, "supplier", "50k_250k")]),
    ((True, True), [(10, 4, "commercial", "under_50k")], [(6, 3, "", "")]),
    ((True, True), [(6, 3, "", "")], [(6, 3, "", "")]),
    ((True, None), [(5, 3, "", "")], []),
    ((True, True), [(2, 2, "", "")], [(3, 2, "", "")]),
    ((True, True), [(1, 4, "eu_proposal_submitted", "")], [(1, 4, "eu_proposal_submitted", "")]),
    ((True, True), [(1, 1, "", "")], [(1, 1, "", "")]),
    ((True, None), [(1, 1, "", "")], []),
    ((True, True), [(4, 0, "", "")], [(4, 0, "", "")]),
    ((True, True), [(2, 0, "", "")], []),
    ((None, False), [], []),
    ((True, True), [], []),
    ((None, None), [], []),
    ((True, True), [(3, 2, "", "")], [(2, 1, "", "")]),
)
# The Sofia members (by position) who shared nothing: their meetings are only counted.
SILENT = (6, 7)


def load_last_year(event: Event) -> Event | None:
    """Last year's edition of `event` with its outcomes; None when there are too few people."""
    found = Event.objects.filter(slug=SLUG).first()
    if found is not None:
        return found
    lead = event.organisers.get(is_lead=True)
    sofia = list(
        Registration.objects.filter(
            event=event, user__organisation__clusters=lead.cluster
        ).order_by("user__email")[:8]
    )
    abroad = list(
        Registration.objects.filter(event=event)
        .exclude(user__organisation__country="BG")
        .order_by("user__email")[: len(STORIES)]
    )
    if len(sofia) < 8 or len(abroad) < len(STORIES):
        return None
    with transaction.atomic():
        past = _event(event)
        people = {
            registration.user_id: Registration.objects.create(
                event=past,
                user=registration.user,
                organiser=past.organisers.get(cluster=registration.organiser.cluster),
                headline=registration.headline,
            )
            for registration in [*sofia, *abroad]
        }
        pairs = [
            (people[sofia[index % 8].user_id], people[abroad[index].user_id])
            for index in range(len(STORIES))
        ]
        meetings = _meetings(past, pairs)
        _requests_not_met(past, sofia, abroad, people)
        for index, (meeting, story) in enumerate(zip(meetings, STORIES, strict=True)):
            _outcomes(past, meeting, pairs[index], story)
        _campaigns(past, list(people.values()))
        for position, registration in enumerate(sofia):
            if position not in SILENT:
                for scope in ("met", "stage"):
                    grant(
                        user=registration.user,
                        scope=scope,
                        audience="cluster_members",
                        by=registration.user,
                    )
        for registration in abroad:
            for scope in ("met", "stage"):
                grant(user=registration.user, scope=scope, audience="public", by=registration.user)
    return past


def _event(event: Event) -> Event:
    year = dt.timedelta(days=364)  # the same weekdays a year before
    past = Event.objects.create(
        slug=SLUG,
        name=NAME,
        description=event.description,
        venue=event.venue,
        city=event.city,
        time_zone=event.time_zone,
        starts_on=event.starts_on - year,
        ends_on=event.ends_on - year,
    )
    for organiser in event.organisers.all():
        copy = Organiser.objects.create(
            event=past, cluster=organiser.cluster, is_lead=organiser.is_lead
        )
        copy.staff.set(organiser.staff.all())
    day = scenario.EXPO_DAYS[0] - year
    add_session(
        event=past,
        name="B2B morning",
        starts_at=dt.datetime.combine(day, dt.time(9), tzinfo=past.zone),
        ends_at=dt.datetime.combine(day, dt.time(13), tzinfo=past.zone),
    )
    add_tables(event=past, count=4, location="Hall 2")
    return past


def _meetings(past: Event, pairs: list[tuple[Registration, Registration]]) -> list[Meeting]:
    """Accepted requests become meetings, all in release 1: two meetings a slot, so nobody
    has two at once (a Sofia member's second meeting is four slots later)."""
    plan = Plan.objects.create(event=past, kind=Plan.Kind.RELEASE, version=1, name="Final")
    slots = list(past.sessions.get().slots.order_by("starts_at"))
    tables = list(past.tables.order_by("pk"))
    meetings = []
    for index, (sender, recipient) in enumerate(pairs):
        request = MeetingRequest.objects.create(
            event=past,
            sender=sender,
            recipient=recipient,
            pair=MeetingRequest.pair_of(sender.pk, recipient.pk),
            status=MeetingRequest.Status.ACCEPTED,
            message="Shall we talk about a pilot in Sofia?",
        )
        meeting = Meeting.objects.create(event=past, request=request)
        meeting.participants.set([sender, recipient])
        Placement.objects.create(
            plan=plan, meeting=meeting, slot=slots[index // 2], table=tables[index % 2]
        )
        meetings.append(meeting)
    return meetings


def _requests_not_met(
    past: Event, sofia: list[Registration], abroad: list[Registration], people: dict
) -> None:
    """Requests that never became meetings, for the top of the funnel."""
    for index in range(6):
        sender, recipient = people[sofia[index].user_id], people[abroad[-1 - index].user_id]
        MeetingRequest.objects.create(
            event=past,
            sender=sender,
            recipient=recipient,
            pair=MeetingRequest.pair_of(sender.pk, recipient.pk),
            status=MeetingRequest.Status.DECLINED,
            message="Could we meet?",
        )


def _outcomes(
    past: Event, meeting: Meeting, pair: tuple[Registration, Registration], story: Story
) -> None:
    answers, *steps = story
    for registration, said, side_steps in zip(pair, answers, steps, strict=True):
        user: User = registration.user
        if said is not None:
            record_outcome(
                meeting=meeting,
                took_place=said,
                rating=(4 if side_steps else 3) if said else None,
                next_steps=["call", "send_information"] if said and side_steps else [],
                note="",
                by=user,
            )
        for weeks, stage, kind, value in side_steps:
            record_step(
                meeting=meeting,
                stage=Stage(stage),
                on=past.ends_on + dt.timedelta(weeks=weeks),
                by=user,
                agreement_type=kind,
                call_identifier=EU_CALL if kind.startswith("eu_proposal") else "",
                value_band=value,
                evidence="Signed on both sides" if stage == Stage.AGREEMENT_REACHED else "",
            )


# Of everyone mailed by each default campaign, every n-th person answered: fewer each time.
ANSWERED_EVERY = {7: 2, 91: 3, 182: 4}


def _campaigns(past: Event, people: list[Registration]) -> None:
    """Last year's three campaigns, all sent, their reminders too (the 6-month one finished),
    with the answers they got; written as history, so no mail goes out for them."""
    for campaign in past.follow_up_campaigns.all():
        sent = dt.datetime.combine(due_on(campaign), dt.time(9), tzinfo=past.zone)
        reminded = sent + dt.timedelta(days=campaign.reminder_days)
        every = ANSWERED_EVERY.get(campaign.days_after, 3)
        CampaignMail.objects.bulk_create(
            [
                CampaignMail(
                    campaign=campaign,
                    registration=registration,
                    sent=sent,
                    answered=sent + dt.timedelta(days=2) if index % every == 0 else None,
                    reminded=None if index % every == 0 else reminded,
                )
                for index, registration in enumerate(people)
            ]
        )
        campaign.sent, campaign.reminded = sent, reminded
        campaign.save(update_fields=["sent", "reminded"])
