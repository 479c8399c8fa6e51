"""People around contacts: Ana records them, Jonas is another participant; Ana, Mia and the
lead organiser's staff belong to the Sofia cluster, Otto to another cluster."""

import pytest

from matchfair.community.models import Membership
from tests import factories


@pytest.fixture
def sofia(event):
    """The lead organiser's cluster, with Ana's organisation as a member."""
    return event.organisers.get(is_lead=True).cluster


@pytest.fixture
def ana_in_sofia(ana, sofia):
    Membership.objects.create(cluster=sofia, organisation=ana.user.organisation)
    return ana


@pytest.fixture
def mia(event, sofia):
    """A member of Ana's cluster who is not at the event."""
    user = factories.UserFactory(full_name="Mia Member")
    Membership.objects.create(cluster=sofia, organisation=user.organisation)
    return user


@pytest.fixture
def otto(db):
    """A member of another cluster."""
    user = factories.UserFactory(full_name="Otto Other")
    other = factories.ClusterFactory()
    Membership.objects.create(cluster=other, organisation=user.organisation)
    return user
