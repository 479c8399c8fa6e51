import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from matchfair.audit.models import AuditEntry
from matchfair.newsroom.domain.workflow import (
    archive,
    publish,
    publish_due,
    return_to_draft,
    schedule,
    submit_for_review,
)


def test_submit_for_review_names_the_reviewer(draft, member, editor):
    article = submit_for_review(article=draft, reviewer=editor, by=member)
    assert (article.status, article.reviewer) == ("review", editor)


def test_submit_for_review_to_someone_not_an_editor_is_refused(draft, member, outsider):
    with pytest.raises(ValidationError, match="one of the cluster's editors"):
        submit_for_review(article=draft, reviewer=outsider, by=member)


def test_publish_by_the_author_is_refused(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    with pytest.raises(PermissionDenied, match="editors publish"):
        publish(article=draft, by=member)


def test_publish_publishes_both_translations_and_is_audited(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    article = publish(article=draft, by=editor)
    states = dict(article.translations.values_list("language", "state"))
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert (article.status, states, actions) == (
        "published",
        {"en": "published", "bg": "published"},
        ["article.created", "article.submitted", "article.published"],
    )


def test_publish_a_draft_is_refused(draft, editor):
    with pytest.raises(ValidationError, match="is draft"):
        publish(article=draft, by=editor)


def test_return_to_draft_lets_the_author_edit_again(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    assert return_to_draft(article=draft, by=editor, note="Shorter").status == "draft"


def test_schedule_then_publish_due_publishes_on_time(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    moment = timezone.now() + dt.timedelta(hours=1)
    schedule(article=draft, publish_at=moment, by=editor)
    early = publish_due(now=moment - dt.timedelta(seconds=1))
    on_time = publish_due(now=moment)
    draft.refresh_from_db()
    assert (early, on_time, draft.status, draft.published_at) == (
        [],
        [draft.pk],
        "published",
        moment,
    )


def test_schedule_in_the_past_publishes_now(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    past = timezone.now() - dt.timedelta(minutes=1)
    assert schedule(article=draft, publish_at=past, by=editor).status == "published"


def test_archive_a_published_article(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    publish(article=draft, by=editor)
    assert archive(article=draft, by=editor).status == "archived"
