"""Follow-up campaigns: who is mailed and when, once; the one reminder; the signed link that
opens one person's open meetings and refuses anything else without changing a thing."""

import datetime as dt
import time

import pytest
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import override_settings

from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.outbox.models import Message
from matchfair.outcomes.domain import campaigns
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.domain.outcomes import record_outcome
from matchfair.outcomes.models import Campaign, CampaignMail, FollowUpStep
from tests import factories

UTC = dt.UTC
# The event ends on 12 November 2026; the first default campaign is due on the 19th.
WEEK_AFTER = dt.datetime(2026, 11, 19, 12, tzinfo=UTC)


def first(event):
    return event.follow_up_campaigns.get(days_after=7)


def test_a_new_event_has_the_three_default_campaigns(event):
    assert list(event.follow_up_campaigns.values_list("days_after", flat=True)) == [7, 91, 182]


def test_nothing_is_sent_before_the_day(event, met):
    assert campaigns.send_due_campaigns(now=WEEK_AFTER - dt.timedelta(days=1)) == 0
    assert not CampaignMail.objects.exists()


def test_a_due_campaign_mails_each_person_with_open_meetings_once(event, met, ana, tia, jonas):
    sent = campaigns.send_due_campaigns(now=WEEK_AFTER)
    again = campaigns.send_due_campaigns(now=WEEK_AFTER + dt.timedelta(hours=1))
    mails = Message.objects.filter(kind="outcomes.campaign")
    assert (sent, again) == (2, 0)
    assert sorted(mails.values_list("to", flat=True)) == sorted([ana.user.email, tia.user.email])
    body = mails.get(to=ana.user.email).body
    assert "Tia Third" in body and "Ana Petrova" not in body.split("\n", 2)[2]
    assert f"{settings.SITE_URL}/follow-up/" in body


def test_claiming_a_campaign_twice_sends_it_once(event, met):
    campaign = first(event)
    assert campaigns.send_campaign(campaign, now=WEEK_AFTER) == 2
    assert campaigns.send_campaign(campaign, now=WEEK_AFTER) == 0
    assert Message.objects.filter(kind="outcomes.campaign").count() == 2


def test_nobody_is_mailed_about_a_meeting_with_their_agreement_or_a_no(event, met, ana, tia):
    record_step(
        meeting=met,
        stage=4,
        agreement_type="supplier",
        on=dt.date(2026, 11, 15),
        by=ana.user,
        now=WEEK_AFTER,
    )
    record_outcome(meeting=met, took_place=False, rating=None, next_steps=[], note="", by=tia.user)
    assert campaigns.send_due_campaigns(now=WEEK_AFTER) == 0


def test_the_reminder_goes_once_to_those_who_did_not_answer(event, met, ana, tia):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    ana_mail = CampaignMail.objects.get(registration=ana)
    campaigns.answer(
        mail=ana_mail, meeting_id=met.pk, stage=2, on=dt.date(2026, 11, 19), now=WEEK_AFTER
    )
    early = campaigns.send_due_campaigns(now=WEEK_AFTER + dt.timedelta(days=6))
    reminded = campaigns.send_due_campaigns(now=WEEK_AFTER + dt.timedelta(days=7))
    later = campaigns.send_due_campaigns(now=WEEK_AFTER + dt.timedelta(days=30))
    reminders = Message.objects.filter(kind="outcomes.campaign_reminder")
    assert (early, reminded, later) == (0, 1, 0)
    assert list(reminders.values_list("to", flat=True)) == [tia.user.email]
    assert CampaignMail.objects.get(registration=tia).reminded is not None


def test_an_answer_through_the_link_records_the_step_and_dates_the_answer(event, met, ana):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    mail = campaigns.mail_from_link(
        campaigns.link_for(CampaignMail.objects.get(registration=ana)).rsplit("/", 2)[-2]
    )
    step = campaigns.answer(
        mail=mail, meeting_id=met.pk, stage=3, on=dt.date(2026, 11, 18), now=WEEK_AFTER
    )
    mail.refresh_from_db()
    assert (step.registration, step.stage, mail.answered) == (ana, 3, WEEK_AFTER)


def test_a_link_cannot_answer_for_a_meeting_that_is_not_its_persons(event, met, ana, jonas, tia):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    other = accept_request(
        send_request(sender=jonas, recipient=tia, message="Hi", by=jonas.user), by=tia.user
    )
    mail = CampaignMail.objects.get(registration=ana)
    with pytest.raises(ValidationError, match="not one of yours"):
        campaigns.answer(mail=mail, meeting_id=other.pk, stage=2, on=dt.date(2026, 11, 18))
    mail.refresh_from_db()
    assert (FollowUpStep.objects.count(), mail.answered) == (0, None)


def test_a_tampered_link_is_refused(event, met, ana):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    token = campaigns.link_for(CampaignMail.objects.get(registration=ana)).rsplit("/", 2)[-2]
    with pytest.raises(ValidationError, match="not valid"):
        campaigns.mail_from_link(token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))


def test_a_link_signed_for_another_purpose_is_refused(event, met, ana):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    mail = CampaignMail.objects.get(registration=ana)
    with pytest.raises(ValidationError, match="not valid"):
        campaigns.mail_from_link(signing.dumps(mail.pk, salt="something else"))


@override_settings(OUTCOMES_LINK_DAYS=0)
def test_an_expired_link_is_refused(event, met, ana):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    token = campaigns.link_for(CampaignMail.objects.get(registration=ana)).rsplit("/", 2)[-2]
    time.sleep(1.1)  # a signature's age counts in whole seconds
    with pytest.raises(ValidationError, match="expired"):
        campaigns.mail_from_link(token)


def test_a_sent_campaign_cannot_change_or_go(event, met, lead_staff):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    sent = first(event)
    with pytest.raises(ValidationError, match="has been sent"):
        campaigns.change_campaign(
            event=event, by=lead_staff, campaign=sent, days_after=10, reminder_days=7
        )
    with pytest.raises(ValidationError, match="has been sent"):
        campaigns.remove_campaign(campaign=sent, by=lead_staff)
    assert Campaign.objects.filter(pk=sent.pk, days_after=7).exists()


def test_two_campaigns_on_the_same_day_are_refused(event, lead_staff):
    with pytest.raises(ValidationError) as refused:
        campaigns.change_campaign(event=event, by=lead_staff, days_after=91, reminder_days=7)
    assert "days_after" in refused.value.message_dict


def test_responses_count_mails_reminders_and_answers_within_scope(event, met, ana, tia):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    campaigns.answer(
        mail=CampaignMail.objects.get(registration=ana),
        meeting_id=met.pk,
        stage=1,
        on=dt.date(2026, 11, 19),
        now=WEEK_AFTER,
    )
    everyone = campaigns.responses(event, scope=None)[0]
    other_organiser = factories.OrganiserFactory(event=event, is_lead=False)
    nobody = campaigns.responses(event, scope=[other_organiser])[0]
    assert (everyone.mailed, everyone.answered, everyone.rate) == (2, 1, 0.5)
    assert (nobody.mailed, nobody.answered, nobody.rate) == (0, 0, None)


def test_responses_cost_two_queries_however_many_campaigns(
    django_assert_num_queries, event, met, ana, tia, lead_staff
):
    campaigns.send_due_campaigns(now=WEEK_AFTER)
    with django_assert_num_queries(2):
        one_sent = campaigns.responses(event, scope=None)
    for days in (200, 300, 400):
        campaigns.change_campaign(event=event, by=lead_staff, days_after=days, reminder_days=7)
    co = factories.OrganiserFactory(event=event, is_lead=False)
    with django_assert_num_queries(2):
        more = campaigns.responses(event, scope=[co])
    assert [r.mailed for r in one_sent] == [2, 0, 0]
    assert [(r.campaign.days_after, r.mailed) for r in more] == [
        (7, 0),
        (91, 0),
        (182, 0),
        (200, 0),
        (300, 0),
        (400, 0),
    ]
