from matchfair.newsroom.domain.articles import create_article, save_article
from matchfair.newsroom.domain.translations import dashboard, mark_reviewed, states
from matchfair.newsroom.domain.workflow import publish, submit_for_review
from matchfair.newsroom.models import Article


def _published(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    return publish(article=draft, by=editor)


def test_states_of_a_new_draft(draft):
    assert states(draft) == {"en": "draft", "bg": "draft"}


def test_states_of_an_article_without_bulgarian(cluster, member):
    article = create_article(
        cluster=cluster, kind="blog", by=member, words={"en": {"title": "T", "body": "B"}}
    )
    assert states(article) == {"en": "draft", "bg": "missing"}


def test_states_in_review_after_submission(draft, member, editor):
    submit_for_review(article=draft, reviewer=editor, by=member)
    assert states(draft) == {"en": "review", "bg": "review"}


def test_a_changed_source_makes_the_translation_stale(draft, member, editor):
    article = _published(draft, member, editor)
    save_article(article=article, by=editor, words={"en": {"body": "The city lit every street."}})
    assert states(Article.objects.get(pk=article.pk)) == {"en": "published", "bg": "stale"}


def test_mark_reviewed_clears_stale(draft, member, editor):
    article = _published(draft, member, editor)
    save_article(article=article, by=editor, words={"en": {"body": "Changed."}})
    mark_reviewed(article=article, language="bg", by=editor)
    assert states(Article.objects.get(pk=article.pk)) == {"en": "published", "bg": "published"}


def test_dashboard_lists_only_what_needs_work(draft, member, editor, cluster):
    done = _published(draft, member, editor)
    other = create_article(
        cluster=cluster, kind="blog", by=member, words={"en": {"title": "T", "body": "B"}}
    )
    rows = dashboard(Article.objects.all())
    assert [(row.article.pk, row.states) for row in rows] == [
        (other.pk, {"en": "draft", "bg": "missing"})
    ]
    save_article(article=done, by=editor, words={"en": {"title": "New title"}})
    assert [row.article.pk for row in dashboard(Article.objects.all())] == [done.pk, other.pk]
