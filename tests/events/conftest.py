"""Fixtures of the events tests."""

import pytest

from tests import factories


@pytest.fixture
def people(event):
    ana = factories.RegistrationFactory(
        event=event,
        user__full_name="Ana Petrova",
        user__organisation__name="Mobility Lab",
        headline="Smart parking for cities",
        description="We count free places with LoRaWAN sensors.",
    )
    factories.OpportunityFactory(
        registration=ana, kind="offer", title="Parking sensors", description="Retrofit kits"
    )
    jonas = factories.RegistrationFactory(
        event=event,
        user__full_name="Jonas Berg",
        user__organisation__name="City of Tampere",
        user__organisation__kind="city",
    )
    factories.OpportunityFactory(
        registration=jonas, kind="request", title="Open traffic data", description="São Paulo"
    )
    factories.RegistrationFactory(user__full_name="Otto Elsewhere", headline="Parking")
    return {"ana": ana, "jonas": jonas}
