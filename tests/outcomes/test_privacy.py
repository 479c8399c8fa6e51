"""The outcomes section of the personal-data export and of erasure."""

import datetime as dt

from matchfair.community.domain.privacy import ERASED_NAME, erase_account, export_personal_data
from matchfair.newsroom.models import Article, Status
from matchfair.outcomes.domain import stories
from matchfair.outcomes.domain.consents import grant, renew
from matchfair.outcomes.domain.ladder import CONFIRMED, ladder_of, record_step
from matchfair.outcomes.domain.outcomes import record_outcome
from matchfair.outcomes.models import Consent, FollowUpStep, Outcome, StoryConsent, SuccessStory
from tests import factories


def test_export_holds_outcomes_and_consents(met, ana_in_sofia):
    record_outcome(
        meeting=met,
        took_place=True,
        rating=3,
        next_steps=["call"],
        note="Nice",
        by=ana_in_sofia.user,
    )
    grant(user=ana_in_sofia.user, scope="met", audience="public", by=ana_in_sofia.user)
    section = export_personal_data(user=ana_in_sofia.user)["outcomes"]
    assert [(o["with"], o["rating"], o["note"]) for o in section["outcomes"]] == [
        ("Tia Third", 3, "Nice")
    ]
    assert [(c["scope"], c["audience"]) for c in section["consents"]] == [("met", "public")]


def test_erasing_one_side_keeps_the_others_outcome_anonymised(met, ana_in_sofia, tia):
    record_outcome(
        meeting=met,
        took_place=True,
        rating=4,
        next_steps=[],
        note="Ana Petrova was great",
        by=tia.user,
    )
    record_outcome(
        meeting=met, took_place=True, rating=5, next_steps=[], note="Mine", by=ana_in_sofia.user
    )
    grant(user=ana_in_sofia.user, scope="met", audience="public", by=ana_in_sofia.user)
    erase_account(user=ana_in_sofia.user, by=ana_in_sofia.user, password=factories.PASSWORD)
    assert sorted(Outcome.objects.values_list("registration", "rating", "note")) == sorted(
        [(tia.pk, 4, f"{ERASED_NAME} was great"), (ana_in_sofia.pk, 5, "")]
    )
    assert Consent.objects.count() == 0


def test_erasing_one_side_keeps_the_others_steps_and_the_confirmed_agreement(
    met, ana_in_sofia, tia
):
    """The other side's outcome stays, anonymised, and the figures hold."""
    for person, evidence in ((ana_in_sofia, "Contract 12"), (tia, "Signed with Ana Petrova")):
        record_step(
            meeting=met,
            stage=4,
            on=dt.date(2026, 11, 20),
            by=person.user,
            agreement_type="supplier",
            evidence=evidence,
        )
    erase_account(user=ana_in_sofia.user, by=ana_in_sofia.user, password=factories.PASSWORD)
    steps = {step.registration_id: step for step in FollowUpStep.objects.all()}
    assert (steps[tia.pk].evidence, steps[ana_in_sofia.pk].evidence) == (
        f"Signed with {ERASED_NAME}",
        "",
    )
    assert ladder_of(met).agreement == CONFIRMED
    ana_in_sofia.refresh_from_db()
    assert ana_in_sofia.user.full_name == ERASED_NAME


def test_export_holds_success_story_answers_and_renewals(met, ana_in_sofia, tia, lead_staff):
    for person in (ana_in_sofia, tia):
        record_step(
            meeting=met,
            stage=4,
            on=dt.date(2026, 11, 20),
            by=person.user,
            agreement_type="supplier",
        )
    story = stories.ask_for_story(meeting=met, by=lead_staff)
    answer = StoryConsent.objects.get(story=story, registration=ana_in_sofia)
    stories.answer_story(answer=answer, agree=True, quote="Great partner.")
    user = ana_in_sofia.user
    grant(user=user, scope="met", audience="public", by=user)
    renew(user=user, scope="met", audience="public", by=user)
    section = export_personal_data(user=user)["outcomes"]
    assert [(s["answer"], s["quote"], s["story"]) for s in section["success_stories"]] == [
        ("agreed", "Great partner.", "asked")
    ]
    assert section["consents"][0]["renewed"] is not None
    assert [
        s["status"]
        for s in export_personal_data(user=lead_staff)["outcomes"]["success_stories_asked"]
    ] == ["asked"]


def test_erasing_a_party_stops_the_story_and_holds_its_draft(met, ana_in_sofia, tia, lead_staff):
    for person in (ana_in_sofia, tia):
        record_step(
            meeting=met,
            stage=4,
            on=dt.date(2026, 11, 20),
            by=person.user,
            agreement_type="supplier",
        )
    story = stories.ask_for_story(meeting=met, by=lead_staff)
    for person in (ana_in_sofia, tia):
        stories.answer_story(
            answer=StoryConsent.objects.get(story=story, registration=person),
            agree=True,
            quote="Quoted",
        )
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    erase_account(user=tia.user, by=tia.user, password=factories.PASSWORD)
    story.refresh_from_db()
    article.refresh_from_db()
    assert (story.status, article.status) == (SuccessStory.Status.WITHDRAWN, Status.DRAFT)
    assert list(StoryConsent.objects.values_list("registration", flat=True)) == [ana_in_sofia.pk]
    assert stories.publication_hold(article)
