"""A small market: a city with a request, and companies whose offers answer it."""

import pytest

from matchfair.community.models import Organisation
from matchfair.events.models import Domain
from tests import factories


def person(event, name, *, organisation, kind, country):
    registration = factories.RegistrationFactory(
        event=event,
        user__full_name=name,
        user__organisation__name=organisation,
        user__organisation__kind=kind,
        user__organisation__country=country,
    )
    registration.domains.set([Domain.objects.get(slug="mobility")])
    return registration


def opportunity(registration, kind, title, description=""):
    made = factories.OpportunityFactory(
        registration=registration, kind=kind, title=title, description=description
    )
    made.domains.set([Domain.objects.get(slug="mobility")])
    return made


@pytest.fixture
def market(event):
    """Jonas (a city) requests help with junctions; Ana and Petra offer it; Mia is Jonas's colleague."""
    jonas = person(event, "Jonas Berg", organisation="City of Tampere", kind="city", country="FI")
    opportunity(
        jonas,
        "request",
        "Reduce congestion at junctions",
        "Rush-hour queues at junctions in the city centre; we look for adaptive traffic lights.",
    )
    ana = person(event, "Ana Petrova", organisation="Mobility Lab", kind="startup", country="BG")
    opportunity(
        ana,
        "offer",
        "Adaptive traffic lights",
        "Signal timing that adapts to queues at junctions and cuts congestion in rush hour.",
    )
    petra = person(event, "Petra Klein", organisation="Ampel GmbH", kind="company", country="DE")
    opportunity(
        petra,
        "offer",
        "Smart traffic lights for junctions",
        "Traffic lights that shorten rush-hour queues and congestion at busy junctions.",
    )
    mia = factories.RegistrationFactory(
        event=event,
        user__full_name="Mia Colleague",
        user__organisation=Organisation.objects.get(name="City of Tampere"),
    )
    opportunity(
        mia,
        "offer",
        "Adaptive traffic lights at junctions",
        "Our own traffic lights cut congestion and rush-hour queues at junctions.",
    )
    return {"jonas": jonas, "ana": ana, "petra": petra, "mia": mia}
