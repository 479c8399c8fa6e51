"""People around outcomes: Ana (a member of the Sofia cluster, the lead organiser's) met Tia,
a participant from Finland, in the released schedule."""

import pytest

from matchfair.community.models import Membership
from tests import factories
from tests.browser.helpers import release_meeting


@pytest.fixture
def sofia(event):
    return event.organisers.get(is_lead=True).cluster


@pytest.fixture
def ana_in_sofia(ana, sofia):
    Membership.objects.create(cluster=sofia, organisation=ana.user.organisation)
    return ana


@pytest.fixture
def tia(event):
    return factories.RegistrationFactory(
        event=event, user__full_name="Tia Third", user__organisation__country="FI"
    )


@pytest.fixture
def met(event, ana_in_sofia, tia):
    """Ana and Tia's meeting, in release 1 on 10 November 2026, 09:30 in Barcelona."""
    return release_meeting(event, ana_in_sofia, tia)


@pytest.fixture
def mia(sofia):
    """A member of Ana's cluster who is not at the event."""
    user = factories.UserFactory(full_name="Mia Member")
    Membership.objects.create(cluster=sofia, organisation=user.organisation)
    return user
