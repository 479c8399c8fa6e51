"""Two co-organisers with a participant each, next to the lead organiser's own participants."""

import pytest

from matchfair.events.models import Registration
from tests import factories


@pytest.fixture
def co(event, co_staff):
    """The co-organiser whose staff is `co_staff`."""
    return co_staff.organiser_roles.get(event=event)


@pytest.fixture
def other_co(event, co_staff):
    """A second co-organiser, with its own staff member."""
    return factories.co_organiser(event)


@pytest.fixture
def other_staff(other_co):
    return other_co.staff.get()


@pytest.fixture
def carla(event, co):
    """Supported by the co-organiser `co`, waiting for validation."""
    return factories.RegistrationFactory(
        event=event,
        organiser=co,
        status=Registration.Status.PENDING,
        user__full_name="Carla Costa",
        user__email="carla@example.org",
        user__phone="+351 555 0100",
        user__organisation__country="PT",
    )


@pytest.fixture
def dmitri(event, other_co):
    """Supported by the other co-organiser, waiting for validation."""
    return factories.RegistrationFactory(
        event=event,
        organiser=other_co,
        status=Registration.Status.PENDING,
        user__full_name="Dmitri Ivanov",
        user__email="dmitri@example.org",
        user__phone="+359 555 0199",
        user__organisation__country="BG",
    )


@pytest.fixture
def everyone(ana, carla, dmitri):
    """Ana (the lead's), Carla (co's) and Dmitri (other co's)."""
    return ana, carla, dmitri
