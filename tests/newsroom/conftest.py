"""A cluster with an editor, and a member organisation whose staff propose articles."""

import pytest

from matchfair.community.models import Membership
from matchfair.newsroom.domain.articles import create_article
from matchfair.newsroom.models import Editor
from tests import factories


@pytest.fixture
def cluster(db):
    return factories.ClusterFactory()


@pytest.fixture
def editor(cluster):
    user = factories.UserFactory(full_name="Elena Editor")
    Editor.objects.create(cluster=cluster, user=user)
    return user


@pytest.fixture
def member(cluster):
    organisation = factories.OrganisationFactory(name="Iskar Flow")
    Membership.objects.create(cluster=cluster, organisation=organisation)
    return factories.UserFactory(full_name="Mila Member", organisation=organisation)


@pytest.fixture
def outsider(db):
    return factories.UserFactory(full_name="Otto Outsider")


WORDS = {
    "en": {"title": "Smart lighting in Sofia", "summary": "Street lights", "body": "The city lit."},
    "bg": {"title": "Интелигентно осветление в София", "summary": "Улично", "body": "Градът."},
}


@pytest.fixture
def draft(cluster, member):
    return create_article(cluster=cluster, kind="news", by=member, words=WORDS, tags=["Energy"])
