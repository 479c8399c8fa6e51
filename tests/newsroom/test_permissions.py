"""The newsroom's rules of matchfair.permissions, role by role: an anonymous visitor, an outsider,
a member's staff (the author), another member's staff, the cluster's editor, a superuser."""

import pytest
from django.contrib.auth.models import AnonymousUser

from matchfair import permissions
from matchfair.community.models import Membership
from matchfair.newsroom.domain.workflow import submit_for_review
from tests import factories

ROLES = ("anonymous", "outsider", "author", "colleague", "editor", "superuser")


@pytest.fixture
def people(cluster, member, editor, outsider):
    other = factories.OrganisationFactory(name="Vitosha Data")
    Membership.objects.create(cluster=cluster, organisation=other)
    return {
        "anonymous": AnonymousUser(),
        "outsider": outsider,
        "author": member,
        "colleague": factories.UserFactory(organisation=other),
        "editor": editor,
        "superuser": factories.UserFactory(is_superuser=True, is_staff=True),
    }


def _ask(rule, people, *args):
    return {role: bool(rule(people[role], *args)) for role in ROLES}


def test_can_propose_article(people, cluster):
    assert _ask(permissions.can_propose_article, people, cluster) == {
        "anonymous": False,
        "outsider": False,
        "author": True,
        "colleague": True,
        "editor": True,
        "superuser": True,
    }


def test_can_edit_article_a_draft(people, draft):
    assert _ask(permissions.can_edit_article, people, draft) == {
        "anonymous": False,
        "outsider": False,
        "author": True,
        "colleague": False,
        "editor": True,
        "superuser": True,
    }


def test_can_edit_article_in_review(people, draft, editor, member):
    article = submit_for_review(article=draft, reviewer=editor, by=member)
    assert _ask(permissions.can_edit_article, people, article) == {
        "anonymous": False,
        "outsider": False,
        "author": False,
        "colleague": False,
        "editor": True,
        "superuser": True,
    }


def test_can_open_article(people, draft, editor, member):
    article = submit_for_review(article=draft, reviewer=editor, by=member)
    assert _ask(permissions.can_open_article, people, article) == {
        "anonymous": False,
        "outsider": False,
        "author": True,
        "colleague": False,
        "editor": True,
        "superuser": True,
    }


def test_can_review_article(people, draft):
    assert _ask(permissions.can_review_article, people, draft) == {
        "anonymous": False,
        "outsider": False,
        "author": False,
        "colleague": False,
        "editor": True,
        "superuser": True,
    }


def test_an_editor_of_another_cluster_reviews_nothing_here(draft):
    from matchfair.newsroom.models import Editor

    elsewhere = factories.UserFactory()
    Editor.objects.create(cluster=factories.ClusterFactory(), user=elsewhere)
    assert (
        permissions.can_review_article(elsewhere, draft),
        permissions.can_propose_article(elsewhere, draft.cluster),
    ) == (False, False)
