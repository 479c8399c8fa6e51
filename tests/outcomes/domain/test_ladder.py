"""The follow-up ladder: dated steps, and agreements claimed by one side or confirmed by both."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.outcomes.domain.ladder import (
    CLAIMED,
    CONFIRMED,
    Ladder,
    ladder_of,
    record_joint_proposal_funded,
    record_step,
)
from matchfair.outcomes.domain.outcomes import record_outcome
from matchfair.outcomes.models import AgreementType, FollowUpStep, Stage
from tests import factories

DAY = dt.date(2026, 11, 20)


def step(meeting, registration, stage, **fields):
    return record_step(meeting=meeting, stage=stage, on=DAY, by=registration.user, **fields)


def test_ladder_of_a_meeting_without_steps_is_empty(met):
    assert ladder_of(met) == Ladder(stages={}, agreement="", agreement_types=())


def test_ladder_keeps_each_sides_latest_step(met, ana_in_sofia, tia):
    step(met, ana_in_sofia, Stage.KNOWLEDGE_GAINED)
    record_step(
        meeting=met,
        stage=Stage.NEGOTIATION_STARTED,
        on=DAY + dt.timedelta(days=3),
        by=ana_in_sofia.user,
    )
    step(met, tia, Stage.VALUABLE_CONTACT)
    assert ladder_of(met) == Ladder(
        stages={ana_in_sofia.pk: Stage.NEGOTIATION_STARTED, tia.pk: Stage.VALUABLE_CONTACT},
        agreement="",
        agreement_types=(),
    )


def test_agreement_reported_by_one_side_is_claimed(met, ana_in_sofia):
    step(met, ana_in_sofia, Stage.AGREEMENT_REACHED, agreement_type="supplier")
    assert (ladder_of(met).agreement, ladder_of(met).agreement_types) == (CLAIMED, ("supplier",))


def test_agreement_reported_by_both_sides_is_confirmed(met, ana_in_sofia, tia):
    step(met, ana_in_sofia, Stage.AGREEMENT_REACHED, agreement_type="research")
    step(met, tia, Stage.AGREEMENT_REACHED, agreement_type="research", value_band="50k_250k")
    assert (ladder_of(met).agreement, ladder_of(met).agreement_types) == (CONFIRMED, ("research",))


def test_agreements_of_different_types_stay_claimed(met, ana_in_sofia, tia):
    step(met, ana_in_sofia, Stage.AGREEMENT_REACHED, agreement_type="research")
    step(met, tia, Stage.AGREEMENT_REACHED, agreement_type="supplier")
    assert ladder_of(met).agreement == CLAIMED


def test_joint_eu_proposal_keeps_the_calls_identifier(met, ana_in_sofia):
    saved = step(
        met,
        ana_in_sofia,
        Stage.AGREEMENT_REACHED,
        agreement_type="eu_proposal_submitted",
        call_identifier=" HORIZON-CL5-2026-D4-01 ",
        evidence="Proposal 101234567",
    )
    assert (saved.call_identifier, saved.evidence) == (
        "HORIZON-CL5-2026-D4-01",
        "Proposal 101234567",
    )


def test_joint_eu_proposal_without_a_call_is_refused(met, ana_in_sofia):
    with pytest.raises(ValidationError, match="needs the call's identifier"):
        step(met, ana_in_sofia, Stage.AGREEMENT_REACHED, agreement_type="eu_proposal_funded")
    assert FollowUpStep.objects.count() == 0


def test_agreement_without_a_type_is_refused(met, ana_in_sofia):
    with pytest.raises(ValidationError, match="Choose the type of agreement"):
        step(met, ana_in_sofia, Stage.AGREEMENT_REACHED)


def test_a_type_on_a_step_that_is_no_agreement_is_refused(met, ana_in_sofia):
    with pytest.raises(ValidationError, match="Only an agreement has a type"):
        step(met, ana_in_sofia, Stage.VALUABLE_CONTACT, agreement_type="supplier")


def test_a_step_dated_in_the_future_is_refused(met, ana_in_sofia):
    with pytest.raises(ValidationError, match="today or earlier"):
        record_step(
            meeting=met,
            stage=Stage.KNOWLEDGE_GAINED,
            on=dt.date(2026, 11, 21),
            by=ana_in_sofia.user,
            now=dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC),
        )


def test_a_step_of_someone_elses_meeting_is_refused(met, jonas):
    with pytest.raises(PermissionDenied, match="not yours"):
        step(met, jonas, Stage.KNOWLEDGE_GAINED)


def test_a_step_after_saying_the_meeting_did_not_happen_is_refused(met, tia):
    record_outcome(meeting=met, took_place=False, rating=None, next_steps=[], note="", by=tia.user)
    with pytest.raises(ValidationError, match="did not take place; change that first"):
        step(met, tia, Stage.KNOWLEDGE_GAINED)


def test_a_funded_joint_proposal_is_confirmed_for_both_sides_once(met, ana_in_sofia, tia):
    staff = factories.UserFactory()
    first = record_joint_proposal_funded(
        meeting=met, call_identifier=" HORIZON-CL5-2027-D5-02 ", on=DAY, by=staff
    )
    again = record_joint_proposal_funded(
        meeting=met, call_identifier="HORIZON-CL5-2027-D5-02", on=DAY, by=staff
    )
    ladder = ladder_of(met)
    assert (len(first), again, ladder.agreement, ladder.agreement_types) == (
        2,
        [],
        CONFIRMED,
        (AgreementType.EU_PROPOSAL_FUNDED,),
    )
    assert set(FollowUpStep.objects.values_list("call_identifier", flat=True)) == {
        "HORIZON-CL5-2027-D5-02"
    }


def test_a_funded_proposal_skips_a_side_that_said_it_did_not_meet(met, ana_in_sofia, tia):
    record_outcome(meeting=met, took_place=False, rating=None, next_steps=[], note="", by=tia.user)
    created = record_joint_proposal_funded(
        meeting=met, call_identifier="LIFE-2027-CET", on=DAY, by=factories.UserFactory()
    )
    assert [s.registration for s in created] == [ana_in_sofia]
    with pytest.raises(ValidationError):
        record_joint_proposal_funded(meeting=met, call_identifier=" ", on=DAY, by=tia.user)
