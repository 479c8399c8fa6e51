"""How a meeting went, as each side says: one answer a side, refusals with their reasons, and
no-shows as questions."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from matchfair.meetings.domain.changes import cancel_meeting
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.outcomes.domain.outcomes import (
    count_no_show_questions,
    no_show_questions,
    record_outcome,
)
from matchfair.outcomes.models import Outcome
from tests import factories
from tests.outcomes.scene import release_meetings


def answer(meeting, registration, **changes):
    fields = {"took_place": True, "rating": 4, "next_steps": ["call"], "note": "Good fit"}
    return record_outcome(meeting=meeting, by=registration.user, **{**fields, **changes})


def test_record_outcome_saves_the_side_of_the_person(met, ana_in_sofia):
    outcome = answer(met, ana_in_sofia, next_steps=["call", "quote", "call"])
    assert Outcome.objects.values_list(
        "registration", "took_place", "rating", "next_steps", "note"
    ).get() == (ana_in_sofia.pk, True, 4, ["call", "quote"], "Good fit")
    assert outcome.meeting == met


def test_record_outcome_again_changes_the_one_answer(met, ana_in_sofia):
    answer(met, ana_in_sofia)
    answer(met, ana_in_sofia, rating=2, next_steps=[], note="")
    assert list(Outcome.objects.values_list("rating", "note")) == [(2, "")]


def test_two_outcomes_of_one_side_are_refused_by_the_database(met, ana_in_sofia):
    answer(met, ana_in_sofia)
    with pytest.raises(IntegrityError):
        Outcome.objects.create(meeting=met, registration=ana_in_sofia, took_place=False)


def test_each_side_has_its_own_outcome(met, ana_in_sofia, tia):
    answer(met, ana_in_sofia)
    answer(met, tia, took_place=False, rating=None, next_steps=[])
    assert sorted(Outcome.objects.values_list("registration", "took_place")) == sorted(
        [(ana_in_sofia.pk, True), (tia.pk, False)]
    )


def test_record_outcome_of_a_meeting_that_is_not_yours_is_refused(met, jonas):
    with pytest.raises(PermissionDenied, match="This meeting is not yours"):
        answer(met, jonas)
    assert Outcome.objects.count() == 0


def test_record_outcome_of_a_cancelled_meeting_is_refused(met, ana_in_sofia, lead_staff):
    cancel_meeting(meeting=met, by=lead_staff)
    with pytest.raises(ValidationError, match="called off"):
        answer(met, ana_in_sofia)


def test_record_outcome_of_an_unscheduled_meeting_is_refused(event, ana_in_sofia, tia):
    meeting = accept_request(
        send_request(sender=ana_in_sofia, recipient=tia, message="Hi", by=ana_in_sofia.user),
        by=tia.user,
    )
    with pytest.raises(ValidationError, match="not in the released schedule"):
        answer(meeting, ana_in_sofia)


def test_record_outcome_before_the_meeting_is_refused(met, ana_in_sofia):
    before = factories.local(10, 9, 29)
    with pytest.raises(ValidationError, match="has not started yet"):
        answer(met, ana_in_sofia, now=before)
    assert answer(met, ana_in_sofia, now=before + dt.timedelta(minutes=1)).took_place is True


def test_record_outcome_not_held_with_a_rating_is_refused(met, ana_in_sofia):
    with pytest.raises(ValidationError, match="no rating and no next steps"):
        answer(met, ana_in_sofia, took_place=False)


def test_record_outcome_with_a_rating_out_of_range_is_refused(met, ana_in_sofia):
    with pytest.raises(ValidationError, match="from 1 to 5"):
        answer(met, ana_in_sofia, rating=6)


def test_record_outcome_with_an_unknown_next_step_is_refused(met, ana_in_sofia):
    with pytest.raises(ValidationError, match="Unknown next step: dinner"):
        answer(met, ana_in_sofia, next_steps=["dinner"])


def test_no_show_reported_by_one_side_is_a_question(met, ana_in_sofia, tia):
    answer(met, tia, took_place=False, rating=None, next_steps=[])
    questions = no_show_questions(met.event, scope=None)
    assert [(q.meeting, dict((p.pk, said) for p, said in q.answers)) for q in questions] == [
        (met, {ana_in_sofia.pk: None, tia.pk: False})
    ]
    assert met.no_shows.count() == 0


def test_no_show_questions_of_a_co_organiser_cover_its_participants_only(met, tia, co_staff):
    answer(met, tia, took_place=False, rating=None, next_steps=[])
    co = met.event.organisers.get(is_lead=False)
    assert no_show_questions(met.event, scope=[co]) == []


def test_no_show_questions_are_listed_oldest_first_up_to_a_limit_and_counted(
    event, ana_in_sofia, tia, co_staff
):
    meetings = release_meetings(event, [(ana_in_sofia, tia)] * 3)
    for meeting in meetings:
        Outcome.objects.create(meeting=meeting, registration=tia, took_place=False)
    Outcome.objects.create(meeting=meetings[0], registration=ana_in_sofia, took_place=False)
    shown = no_show_questions(event, scope=None, limit=2)
    assert [question.meeting for question in shown] == meetings[:2]
    assert count_no_show_questions(event, scope=None) == 3
    co = event.organisers.get(is_lead=False)
    assert count_no_show_questions(event, scope=[co]) == 0
