import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.newsroom.domain.articles import create_article, diff_revisions, save_article
from tests.newsroom.conftest import WORDS


def test_create_article_makes_a_draft_with_slugs_and_a_revision(draft, member):
    slugs = dict(draft.translations.values_list("language", "slug"))
    assert (draft.status, draft.author, slugs, draft.revisions.count()) == (
        "draft",
        member,
        {"en": "smart-lighting-in-sofia", "bg": "inteligentno-osvetlenie-v-sofia"},
        1,
    )


def test_create_article_by_an_outsider_is_refused(cluster, outsider):
    with pytest.raises(PermissionDenied, match="editors and members"):
        create_article(cluster=cluster, kind="news", by=outsider, words=WORDS)


def test_create_article_without_a_title_is_refused(cluster, member):
    with pytest.raises(ValidationError, match="title"):
        create_article(cluster=cluster, kind="news", by=member, words={"en": {"body": "x"}})


def test_create_article_with_an_unknown_domain_is_refused(cluster, member):
    with pytest.raises(ValidationError, match="Unknown domains: space"):
        create_article(cluster=cluster, kind="news", by=member, words=WORDS, domains=["space"])


def test_save_article_keeps_a_revision_and_an_audit_entry(draft, member):
    revision = save_article(article=draft, by=member, words={"en": {"title": "Lighting"}})
    assert (revision.number, AuditEntry.objects.filter(action="article.saved").count()) == (2, 1)


def test_save_article_without_a_change_makes_no_revision(draft, member):
    assert save_article(article=draft, by=member, words={"en": WORDS["en"]}) is None


def test_save_article_by_its_author_after_submission_is_refused(draft, member, editor):
    from matchfair.newsroom.domain.workflow import submit_for_review

    submit_for_review(article=draft, reviewer=editor, by=member)
    with pytest.raises(PermissionDenied, match="cannot change"):
        save_article(article=draft, by=member, words={"en": {"title": "Other"}})


def test_diff_revisions_shows_the_changed_lines(draft, member):
    save_article(article=draft, by=member, words={"en": {"title": "Lighting"}})
    lines = diff_revisions(draft, 2, 1).lines
    assert [line for line in lines if line.startswith(("-", "+"))] == [
        "--- revision 1",
        "+++ revision 2",
        "-    Smart lighting in Sofia",
        "+    Lighting",
        "-    smart-lighting-in-sofia",
        "+    lighting",
    ]


def test_diff_revisions_of_a_missing_revision_is_refused(draft):
    with pytest.raises(ValidationError, match="No revision 7"):
        diff_revisions(draft, 1, 7)
