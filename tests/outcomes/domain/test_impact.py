"""The impact report: every figure of the funnel is a count of the raw records."""

import datetime as dt

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.meetings.models import Meeting, MeetingRequest, Placement
from matchfair.outcomes.domain.impact import STEPS, impact_of
from matchfair.outcomes.models import FollowUpStep, Outcome, Stage
from tests import factories
from tests.outcomes.scene import release_meetings

SIDE = st.fixed_dictionaries(
    {
        "said": st.sampled_from([None, True, False]),
        "steps": st.lists(
            st.tuples(st.sampled_from(Stage.values), st.sampled_from(["supplier", "research"])),
            max_size=3,
        ),
    }
)
MEETING = st.fixed_dictionaries(
    {"placed": st.booleans(), "cancelled": st.booleans(), "sides": st.tuples(SIDE, SIDE)}
)


def write(event, people, history, requests):
    pairs = [
        (people[2 * i % len(people)], people[(2 * i + 1) % len(people)])
        for i in range(len(history))
    ]
    meetings = release_meetings(event, pairs)
    for meeting, story in zip(meetings, history, strict=True):
        if not story["placed"]:
            Placement.objects.filter(meeting=meeting).update(slot=None, table=None)
        if story["cancelled"]:
            Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
        for registration, side in zip(
            meeting.participants.order_by("pk"), story["sides"], strict=True
        ):
            if side["said"] is not None:
                Outcome.objects.create(
                    meeting=meeting, registration=registration, took_place=side["said"]
                )
            for day, (stage, kind) in enumerate(side["steps"]):
                FollowUpStep.objects.create(
                    meeting=meeting,
                    registration=registration,
                    stage=stage,
                    on=dt.date(2026, 11, 20 + day),
                    agreement_type=kind if stage == Stage.AGREEMENT_REACHED else "",
                )
    for index in range(requests):
        factories.MeetingRequestFactory(
            sender=people[index], recipient=people[index + 1], event=event
        )


def raw_counts(event):
    """The funnel counted straight from the tables, the way docs/outcomes.md defines it."""
    scheduled = Meeting.objects.filter(
        event=event,
        status=Meeting.Status.ACTIVE,
        placements__plan__kind="release",
        placements__slot__isnull=False,
    ).distinct()
    held = scheduled.filter(
        pk__in=set(Outcome.objects.filter(took_place=True).values_list("meeting", flat=True))
        | set(FollowUpStep.objects.values_list("meeting", flat=True))
    )
    followed = held.filter(follow_up_steps__isnull=False).distinct()
    negotiation = held.filter(follow_up_steps__stage__gte=Stage.NEGOTIATION_STARTED).distinct()
    agreement = held.filter(follow_up_steps__stage=Stage.AGREEMENT_REACHED).distinct()
    confirmed = 0
    for meeting in agreement:
        kinds = [
            set(
                FollowUpStep.objects.filter(
                    meeting=meeting, registration=person, stage=Stage.AGREEMENT_REACHED
                ).values_list("agreement_type", flat=True)
            )
            for person in meeting.participants.all()
        ]
        confirmed += bool(set.intersection(*kinds))
    counts = [
        MeetingRequest.objects.filter(event=event).count(),
        Meeting.objects.filter(event=event).count(),
        scheduled.count(),
        held.count(),
        followed.count(),
        negotiation.count(),
        agreement.count(),
    ]
    return dict(zip(STEPS, counts, strict=True)), confirmed, agreement.count() - confirmed


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=st.lists(MEETING, max_size=8), requests=st.integers(0, 3))
def test_impact_totals_equal_counts_of_the_raw_records(event, history, requests):
    people = [factories.RegistrationFactory(event=event) for _ in range(4)]
    with transaction.atomic():
        write(event, people, history, requests)
        impact = impact_of(event, scope=None)
        funnel, confirmed, claimed = raw_counts(event)
        assert {step.name: step.count for step in impact.funnel} == funnel
        assert (impact.confirmed, impact.claimed) == (confirmed, claimed)
        transaction.set_rollback(True)


def test_impact_rates_are_of_the_step_before(met, ana_in_sofia, tia):
    Outcome.objects.create(meeting=met, registration=tia, took_place=True)
    impact = impact_of(met.event, scope=None)
    assert [(step.name, step.count, step.rate) for step in impact.funnel] == [
        ("requested", 1, None),
        ("accepted", 1, 1.0),
        ("scheduled", 1, 1.0),
        ("held", 1, 1.0),
        ("followed_up", 0, 0.0),
        ("negotiation", 0, None),
        ("agreement", 0, None),
    ]


def test_impact_of_a_co_organiser_counts_its_own_participants_only(met, co_staff):
    co = met.event.organisers.get(is_lead=False)
    assert [step.count for step in impact_of(met.event, scope=[co]).funnel] == [0] * 7
