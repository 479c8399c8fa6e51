"""Last year's expo in the demo: sixteen meetings of the Sofia delegation, with outcomes at
every rung of the follow-up ladder, confirmed agreements (a funded joint EU proposal among
them), consents that share them with the cluster's members, and two members who shared
nothing, so their meetings show only in the counts. The lead member of the demo's consortium
(`demo.funding`) met three smart-charging partners from abroad there, up to "negotiation
started", and both people of each meeting share the stage reached with the Sofia cluster's staff,
so the consortium proposed for it starts from them. `load_last_year` is idempotent.
"""

import datetime as dt
from typing import Any

from django.db import transaction

from matchfair.community.models import User
from matchfair.demo import scenario
from matchfair.demo.funding import cordis_members
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
# The consortium lead's meetings, with partners from abroad whose organisations' names say one of
# LEAD_FIELDS, each from another country: all reached "valuable contact", two "negotiation started".
LEAD_STORIES: tuple[Story, ...] = (
    ((True, True), [(3, 2, "", ""), (10, 3, "", "")], [(10, 3, "", "")]),
    ((True, True), [(4, 2, "", ""), (14, 3, "", "")], [(6, 2, "", "")]),
    ((True, True), [(5, 2, "", "")], [(5, 2, "", "")]),
)
LEAD_FIELDS = ("Mobility", "Energy", "Power", "Transit")


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
        silent = {sofia[position].user_id for position in SILENT}
        _lead_meetings(event, past, people, silent=silent)
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


def _lead_meetings(
    event: Event, past: Event, people: dict[int, Registration], *, silent: set[int]
) -> None:
    """The consortium lead's person meets LEAD_STORIES' partners, on the tables the delegation's
    other meetings leave free (they use the first two).
    Each person grants `met` and `stage` to an audience of theirs that the Sofia cluster's staff
    are in (the pairwise rule judges each grant against its own person's audiences): the lead's
    person to `cluster_staff`, the partners (of no Sofia cluster) to `public`."""
    lead = event.organisers.get(is_lead=True)
    members = cordis_members(lead.cluster)
    person = members[0].people.order_by("pk").first() if members else None
    if person is None:
        return
    this_year = Registration.objects.filter(event=event, user=person).first()
    if this_year is None:
        return
    countries: set[str] = set()
    partners = []
    candidates = (
        Registration.objects.filter(event=event)
        .exclude(user__organisation__country="BG")
        .exclude(user_id__in=list(people))
        .select_related("user__organisation", "organiser")
        .order_by("user__email")
    )
    for registration in candidates:
        organisation = registration.user.organisation
        if organisation is None:  # a person of no organisation brings none to a consortium
            continue
        named = any(word in organisation.name for word in LEAD_FIELDS)
        if named and str(organisation.country) not in countries:
            countries.add(str(organisation.country))
            partners.append(registration)
        if len(partners) == len(LEAD_STORIES):
            break
    if len(partners) < len(LEAD_STORIES):
        return
    for registration in [this_year, *partners]:
        if registration.user_id not in people:
            people[registration.user_id] = Registration.objects.create(
                event=past,
                user=registration.user,
                organiser=past.organisers.get(cluster=registration.organiser.cluster),
                headline=registration.headline,
            )
    plan = past.plans.get(kind=Plan.Kind.RELEASE)
    slots = list(past.sessions.get().slots.order_by("starts_at"))
    tables = list(past.tables.order_by("pk"))
    busy = set(
        Placement.objects.filter(plan=plan, meeting__participants=people[person.pk]).values_list(
            "slot_id", flat=True
        )
    )
    free = [slot for slot in slots if slot.pk not in busy]
    for index, (partner, story) in enumerate(zip(partners, LEAD_STORIES, strict=True)):
        pair = (people[person.pk], people[partner.user_id])
        meeting = _meeting(past, plan, pair, free[index], tables[2 + index % 2])
        _outcomes(past, meeting, pair, story)
    if person.pk not in silent:
        for scope in ("met", "stage"):
            grant(user=person, scope=scope, audience="cluster_staff", by=person)
    for partner in partners:
        for scope in ("met", "stage"):
            grant(user=partner.user, scope=scope, audience="public", by=partner.user)


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
    return [
        _meeting(past, plan, pair, slots[index // 2], tables[index % 2])
        for index, pair in enumerate(pairs)
    ]


def _meeting(
    past: Event, plan: Plan, pair: tuple[Registration, Registration], slot: Any, table: Any
) -> Meeting:
    """An accepted request, its meeting and the meeting's place in the release."""
    sender, recipient = pair
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
    Placement.objects.create(plan=plan, meeting=meeting, slot=slot, table=table)
    return meeting


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
