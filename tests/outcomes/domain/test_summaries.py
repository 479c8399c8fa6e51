"""Each meeting's summary stays equal to what its records say, whatever is written in turn."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.outcomes.domain.ladder import ladder_of, record_joint_proposal_funded, record_step
from matchfair.outcomes.domain.outcomes import record_outcome
from matchfair.outcomes.domain.summaries import rebuild, summarise
from matchfair.outcomes.models import MeetingSummary, Outcome, Stage

DAY = dt.date(2026, 11, 20)

WRITE = st.one_of(
    st.tuples(st.just("outcome"), st.integers(0, 1), st.booleans()),
    st.tuples(
        st.just("step"),
        st.integers(0, 1),
        st.sampled_from(Stage.values),
        st.sampled_from(["supplier", "research"]),
        st.integers(0, 5),
    ),
    st.tuples(st.just("funded"), st.sampled_from(["HORIZON-A", "HORIZON-B"])),
)


def stored(event):
    return {
        row.meeting_id: (
            row.said_held,
            row.said_not_held,
            row.top_stage,
            row.agreement,
            row.first_agreement,
        )
        for row in MeetingSummary.objects.filter(event=event)
    }


def recounted(meeting):
    """The summary worked out again from the raw records, the ladder's own way."""
    said = set(Outcome.objects.filter(meeting=meeting).values_list("took_place", flat=True))
    steps = meeting.follow_up_steps.all()
    agreements = [step.on for step in steps if step.stage == Stage.AGREEMENT_REACHED]
    if not said and not steps:
        return None
    return (
        True in said,
        False in said,
        max((step.stage for step in steps), default=None),
        ladder_of(meeting).agreement,
        min(agreements, default=None),
    )


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(writes=st.lists(WRITE, max_size=8))
def test_the_summary_equals_the_records_after_any_writes(met, ana_in_sofia, tia, writes):
    people = [ana_in_sofia, tia]
    with transaction.atomic():
        for write in writes:
            try:
                if write[0] == "outcome":
                    _kind, side, took_place = write
                    record_outcome(
                        meeting=met,
                        took_place=took_place,
                        rating=4 if took_place else None,
                        next_steps=[],
                        note="",
                        by=people[side].user,
                    )
                elif write[0] == "step":
                    _kind, side, stage, agreement, days = write
                    record_step(
                        meeting=met,
                        stage=stage,
                        on=DAY + dt.timedelta(days=days),
                        by=people[side].user,
                        agreement_type=agreement if stage == Stage.AGREEMENT_REACHED else "",
                    )
                else:
                    record_joint_proposal_funded(
                        meeting=met, call_identifier=write[1], on=DAY, by=ana_in_sofia.user
                    )
            except ValidationError:
                pass  # refused, and nothing written: the summary must still hold
            expected = recounted(met)
            assert stored(met.event) == ({met.pk: expected} if expected else {})
        written = stored(met.event)
        MeetingSummary.objects.all().delete()
        rebuild(met.event)
        assert stored(met.event) == written
        transaction.set_rollback(True)


def test_a_meeting_without_records_has_no_summary(met):
    assert stored(met.event) == {}
    assert rebuild(met.event) == 0


def test_an_agreement_of_one_side_is_claimed_and_of_both_confirmed():
    one = [(1, Stage.AGREEMENT_REACHED, "supplier", DAY)]
    both = [*one, (2, Stage.AGREEMENT_REACHED, "supplier", DAY + dt.timedelta(days=1))]
    assert summarise([1, 2], [True], one).agreement == "claimed"
    assert summarise([1, 2], [True], both).agreement == "confirmed"
    assert summarise([1, 2], [True], both).first_agreement == DAY
    other = [*one, (2, Stage.AGREEMENT_REACHED, "research", DAY)]
    assert summarise([1, 2], [], other).agreement == "claimed"


def test_a_side_that_says_it_did_not_take_place_is_kept_apart(met, tia):
    record_outcome(meeting=met, took_place=False, rating=None, next_steps=[], note="", by=tia.user)
    assert stored(met.event) == {met.pk: (False, True, None, "", None)}
