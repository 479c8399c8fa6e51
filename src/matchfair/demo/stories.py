"""Last year's success story in the demo: the newsroom's editor asks the two people of the
funded joint EU proposal (`demo.outcomes`) for a success story, both agree with a quote, the
case-study draft is made and the editor publishes it. Everything goes through the real domain
functions (`outcomes.domain.stories`, the newsroom's workflow), so the story has its consent
answers, its audit entries and its outbox mails. `load_success_story` is idempotent.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from matchfair import permissions
from matchfair.community.models import User
from matchfair.demo import scenario
from matchfair.demo.outcomes import SLUG as LAST_YEAR_SLUG
from matchfair.events.models import Event
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Article
from matchfair.outcomes.domain import stories
from matchfair.outcomes.models import StoryConsent, SuccessStory

AGREEMENT = "eu_proposal_funded"
# Each person's quote, in the order of their registrations.
QUOTES = (
    "We had talked about a pilot for two years; one meeting at the expo turned it into a "
    "funded proposal.",
    "The cluster's delegation knew exactly which of our problems a Sofia partner could solve.",
)
# The answers came a few days after the ask, and the story was published two weeks later.
ANSWERED_AFTER = dt.timedelta(days=3)
PUBLISHED_DAYS_AGO = 120


def load_success_story() -> SuccessStory | None:
    """The published case study of last year's funded EU proposal; None without last year's
    expo, its editor or that agreement."""
    past = Event.objects.filter(slug=LAST_YEAR_SLUG).first()
    editor = User.objects.filter(email=scenario.EDITOR.email).first()
    if past is None or editor is None:
        return None
    found = SuccessStory.objects.filter(meeting__event=past).first()
    if found is not None:
        return found
    roles = permissions.story_roles(editor, past)
    if not roles:
        return None
    agreement = next(
        (
            agreement
            for agreement in stories.confirmed_agreements(past, roles[0])
            if AGREEMENT in agreement.ladder.agreement_types
        ),
        None,
    )
    if agreement is None:
        return None
    with transaction.atomic():
        story = stories.ask_for_story(meeting=agreement.meeting, by=editor, role_id=roles[0].pk)
        asked = timezone.now() - dt.timedelta(days=PUBLISHED_DAYS_AGO + 14)
        answers = StoryConsent.objects.filter(story=story).order_by("registration_id")
        for answer, quote in zip(answers, QUOTES, strict=True):
            story = stories.answer_story(
                answer=answer, agree=True, quote=quote, now=asked + ANSWERED_AFTER
            )
        article = story.article
        if article is None:  # the editor can no longer write for the newsroom
            return story
        submit_for_review(article=article, reviewer=editor, by=editor)
        publish(article=article, by=editor)
        # The demo's history: the story appeared some months ago.
        Article.objects.filter(pk=article.pk).update(
            published_at=timezone.now() - dt.timedelta(days=PUBLISHED_DAYS_AGO)
        )
    return story
