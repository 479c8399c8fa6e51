"""Success stories: asked about a confirmed agreement only, one mail per person through the
outbox, answered through a signed link of one's own; the draft is made only when everyone
agreed, and held back from readers when someone withdraws."""

import datetime as dt
import re
import time

import pytest
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from matchfair.audit.models import AuditEntry
from matchfair.newsroom.domain.translations import states
from matchfair.newsroom.domain.workflow import publish, publish_due, schedule, submit_for_review
from matchfair.newsroom.models import Article, Editor, Kind, Status
from matchfair.outbox.models import Message
from matchfair.outcomes.domain import stories
from matchfair.outcomes.domain.campaigns import SALT as CAMPAIGN_SALT
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.models import StoryConsent, SuccessStory
from tests import factories


def agree_on(meeting, *people, kind="commercial"):
    for person in people:
        record_step(
            meeting=meeting,
            stage=4,
            on=dt.date(2026, 11, 20),
            by=person.user,
            agreement_type=kind,
            value_band="50k_250k",
        )


@pytest.fixture
def agreed(met, ana_in_sofia, tia):
    agree_on(met, ana_in_sofia, tia)
    return met


@pytest.fixture
def asked(agreed, lead_staff):
    return stories.ask_for_story(meeting=agreed, by=lead_staff)


def answer_of(story, registration):
    return StoryConsent.objects.get(story=story, registration=registration)


def token_of(answer):
    return stories.link_for(answer).rsplit("/", 2)[-2]


def test_only_confirmed_agreements_are_listed(event, met, ana_in_sofia, tia, lead_staff):
    agree_on(met, ana_in_sofia)  # claimed: only Ana reported it
    role = event.organisers.get(is_lead=True)
    assert stories.confirmed_agreements(event, role) == []
    with pytest.raises(ValidationError, match="Only a confirmed agreement"):
        stories.ask_for_story(meeting=met, by=lead_staff)
    agree_on(met, tia)
    assert [found.meeting for found in stories.confirmed_agreements(event, role)] == [met]


def test_asking_mails_each_person_once_with_a_link_of_their_own(asked, ana_in_sofia, tia):
    mails = Message.objects.filter(kind="outcomes.success_story")
    assert sorted(mails.values_list("to", flat=True)) == sorted(
        [ana_in_sofia.user.email, tia.user.email]
    )
    body = mails.get(to=ana_in_sofia.user.email).body
    assert f"{settings.SITE_URL}/success-story/" in body and "Tia Third" in body
    # The link is signed with a time stamp, so it is read back rather than made again: a
    # second may pass between the mail and this line.
    tokens = re.findall(r"/success-story/([^/\s]+)/", body)
    assert [stories.answer_from_link(token) for token in tokens] == [answer_of(asked, ana_in_sofia)]
    entry = AuditEntry.objects.get(action="story.asked")
    assert entry.subject_id == str(asked.pk)
    with pytest.raises(ValidationError, match="asked for already"):
        stories.ask_for_story(meeting=asked.meeting, by=asked.requested_by)
    assert mails.count() == 2


def test_people_who_are_not_organisers_or_editors_cannot_ask(agreed, ana_in_sofia):
    with pytest.raises(PermissionDenied):
        stories.ask_for_story(meeting=agreed, by=ana_in_sofia.user)
    assert not SuccessStory.objects.exists()


def test_a_co_organiser_asks_only_about_its_own_participants(agreed, co_staff):
    with pytest.raises(ValidationError, match="Only a confirmed agreement"):
        stories.ask_for_story(meeting=agreed, by=co_staff)


def test_an_editor_of_the_organisers_cluster_asks_for_its_newsroom(agreed, sofia):
    editor = factories.UserFactory()
    Editor.objects.create(cluster=sofia, user=editor)
    story = stories.ask_for_story(meeting=agreed, by=editor)
    assert (story.cluster, story.requested_by) == (sofia, editor)


def test_links_that_are_tampered_or_of_another_purpose_are_refused(asked, ana_in_sofia):
    answer = answer_of(asked, ana_in_sofia)
    assert stories.answer_from_link(token_of(answer)) == answer
    with pytest.raises(ValidationError, match="not valid"):
        stories.answer_from_link(token_of(answer)[:-2] + "xx")
    with pytest.raises(ValidationError, match="not valid"):
        stories.answer_from_link(signing.dumps(answer.pk, salt=CAMPAIGN_SALT))


@override_settings(OUTCOMES_LINK_DAYS=0)
def test_an_expired_link_is_refused(asked, ana_in_sofia):
    token = token_of(answer_of(asked, ana_in_sofia))
    time.sleep(1.1)  # a signature's age counts in whole seconds
    with pytest.raises(ValidationError, match="expired"):
        stories.answer_from_link(token)


def test_the_draft_is_made_when_everyone_agreed(asked, ana_in_sofia, tia, lead_staff, sofia):
    stories.answer_story(
        answer=answer_of(asked, ana_in_sofia), agree=True, quote="We found our supplier."
    )
    assert not Article.objects.exists()
    story = stories.answer_story(answer=answer_of(asked, tia), agree=True)
    article = Article.objects.get()
    assert (story.status, story.article) == (SuccessStory.Status.DRAFTED, article)
    assert (article.kind, article.status, article.author, article.cluster) == (
        Kind.CASE_STUDY,
        Status.DRAFT,
        lead_staff,
        sofia,
    )
    assert article.event == asked.meeting.event
    assert ana_in_sofia.user.organisation.name in article.studied_organisation
    words = {t.language: t for t in article.translations.all()}
    assert states(article) == {"en": "draft", "bg": "draft"}
    english = words["en"]
    assert "> We found our supplier." in english.body
    assert "Commercial agreement" in english.what_they_did
    assert "€50,000–250,000" in english.what_they_did
    assert ana_in_sofia.user.organisation.name in english.title
    assert "> We found our supplier." in words["bg"].body
    assert words["bg"].title != english.title  # written in Bulgarian
    actions = list(
        AuditEntry.objects.filter(action__startswith="story.")
        .order_by("pk")
        .values_list("action", "actor")
    )
    assert actions == [
        ("story.asked", lead_staff.pk),
        ("story.agreed", ana_in_sofia.user.pk),
        ("story.agreed", tia.user.pk),
        ("story.drafted", lead_staff.pk),
    ]


def test_a_decline_stops_it_and_nothing_is_made(asked, ana_in_sofia, tia):
    stories.answer_story(answer=answer_of(asked, tia), agree=False, quote="not kept")
    assert answer_of(asked, tia).quote == ""
    with pytest.raises(ValidationError, match="declined"):
        stories.answer_story(answer=answer_of(asked, ana_in_sofia), agree=True)
    assert answer_of(asked, ana_in_sofia).answer == StoryConsent.Answer.PENDING
    assert not Article.objects.exists()
    assert SuccessStory.objects.get().status == SuccessStory.Status.DECLINED


def test_an_answer_is_given_once_and_a_long_quote_is_refused(asked, ana_in_sofia):
    answer = answer_of(asked, ana_in_sofia)
    with pytest.raises(ValidationError) as refused:
        stories.answer_story(answer=answer, agree=True, quote="x" * 1001)
    assert "quote" in refused.value.message_dict
    assert answer_of(asked, ana_in_sofia).answer == StoryConsent.Answer.PENDING
    stories.answer_story(answer=answer, agree=True)
    with pytest.raises(ValidationError, match="answered already"):
        stories.answer_story(answer=answer, agree=False)


def test_a_withdrawal_before_the_draft_stops_it(asked, ana_in_sofia, tia):
    stories.answer_story(answer=answer_of(asked, ana_in_sofia), agree=True, quote="Yes")
    stories.withdraw_story_consent(answer=answer_of(asked, ana_in_sofia), by=ana_in_sofia.user)
    with pytest.raises(ValidationError, match="withdrawn"):
        stories.answer_story(answer=answer_of(asked, tia), agree=True)
    assert not Article.objects.exists()
    assert answer_of(asked, ana_in_sofia).quote == ""


def test_a_withdrawal_after_the_draft_blocks_publishing(asked, ana_in_sofia, tia, sofia):
    editor = factories.UserFactory()
    Editor.objects.create(cluster=sofia, user=editor)
    for person in (ana_in_sofia, tia):
        stories.answer_story(answer=answer_of(asked, person), agree=True)
    article = Article.objects.get()
    submit_for_review(article=article, reviewer=editor, by=editor)
    stories.withdraw_story_consent(answer=answer_of(asked, tia), by=tia.user)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert stories.publication_hold(article)
    with pytest.raises(ValidationError, match="withdrew their consent"):
        submit_for_review(article=article, reviewer=editor, by=editor)
    article.status = Status.REVIEW
    article.save()
    with pytest.raises(ValidationError, match="withdrew their consent"):
        publish(article=article, by=editor)
    with pytest.raises(ValidationError, match="withdrew their consent"):
        schedule(article=article, publish_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC), by=editor)
    Article.objects.filter(pk=article.pk).update(
        status=Status.SCHEDULED, publish_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    assert publish_due() == []
    entry = AuditEntry.objects.get(action="story.withdrawn")
    assert entry.actor_id == tia.user.pk


def test_a_published_story_leaves_the_readers_when_consent_is_withdrawn(asked, ana_in_sofia, tia):
    for person in (ana_in_sofia, tia):
        stories.answer_story(answer=answer_of(asked, person), agree=True)
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    article.translations.update(state="published")
    stories.withdraw_story_consent(answer=answer_of(asked, ana_in_sofia), by=ana_in_sofia.user)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert set(article.translations.values_list("state", flat=True)) == {"draft"}


def test_only_a_given_consent_is_withdrawn(asked, ana_in_sofia):
    with pytest.raises(ValidationError, match="Only a consent you gave"):
        stories.withdraw_story_consent(answer=answer_of(asked, ana_in_sofia), by=ana_in_sofia.user)


def test_when_the_asker_can_no_longer_write_another_organiser_makes_the_draft(
    asked, ana_in_sofia, tia, event, lead_staff
):
    event.organisers.get(is_lead=True).staff.remove(lead_staff)
    for person in (ana_in_sofia, tia):
        stories.answer_story(answer=answer_of(asked, person), agree=True)
    assert SuccessStory.objects.get().status == SuccessStory.Status.AGREED
    assert not Article.objects.exists()
    other = factories.UserFactory()
    event.organisers.get(is_lead=True).staff.add(other)
    story = stories.ask_for_story(meeting=asked.meeting, by=other)
    assert story.status == SuccessStory.Status.DRAFTED
    assert Article.objects.get().author == other
