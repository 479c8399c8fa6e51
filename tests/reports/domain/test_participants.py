"""Who a printout covers (`reports.domain.participants`)."""

from matchfair.events.models import Registration
from matchfair.reports.domain.participants import scoped_participants
from tests import factories


def test_scoped_participants_are_the_validated_ones_by_name(event):
    zoe = factories.RegistrationFactory(event=event, user__full_name="Zoe Zed")
    ann = factories.RegistrationFactory(event=event, user__full_name="Ann Able")
    factories.RegistrationFactory(event=event, status=Registration.Status.PENDING)
    assert list(scoped_participants(event, None)) == [ann, zoe]


def test_scoped_participants_of_an_organiser_are_its_own_only(event):
    lead = event.organisers.get(is_lead=True)
    co = factories.co_organiser(event)
    mine = factories.RegistrationFactory(event=event, organiser=co)
    factories.RegistrationFactory(event=event, organiser=lead)
    assert list(scoped_participants(event, [co])) == [mine]
