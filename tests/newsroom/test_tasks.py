import pytest
from django.conf import settings

from matchfair import celery as celery_module
from matchfair.newsroom import tasks
from matchfair.newsroom.domain.newsletter import subscribe
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.outbox.models import Message
from tests import factories


def test_beat_runs_the_digest_hourly_by_the_tasks_name():
    entry = settings.CELERY_BEAT_SCHEDULE["newsroom-digest"]
    assert (entry["task"], entry["schedule"]) == (tasks.send_weekly_digest.name, 3600.0)
    assert entry["task"] in celery_module.app.tasks


@pytest.fixture
def published_article(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    return publish(article=draft, by=editor)


def test_digest_task_sends_through_the_outbox(published_article):
    subscribe(user=factories.UserFactory(), kinds=["news"], language="en")
    sent = tasks.send_weekly_digest.delay().get()
    assert (sent, Message.objects.filter(kind="newsroom.digest").count()) == (1, 1)
