"""factory_boy factories with no surprises: each builds the smallest valid object."""

import datetime as dt
import zoneinfo

import factory
from django.contrib.auth.hashers import make_password

from matchfair.community.models import Cluster, Organisation, User
from matchfair.events.domain.venue import add_session, add_tables
from matchfair.events.models import Event, Opportunity, Organiser, Registration
from matchfair.meetings.models import MeetingRequest

PASSWORD = "correct-horse-battery-staple"
_PASSWORD_HASH = make_password(PASSWORD)
MADRID = zoneinfo.ZoneInfo("Europe/Madrid")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = "company"
    country = "BG"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = _PASSWORD_HASH
    organisation = factory.SubFactory(OrganisationFactory)
    email_verified = True


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    organisation = factory.SubFactory(OrganisationFactory, kind="cluster")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    name = factory.Sequence(lambda n: f"Expo {n}")
    venue = "Fira Gran Via"
    city = "Barcelona"
    time_zone = "Europe/Madrid"
    starts_on = dt.date(2026, 11, 10)
    ends_on = dt.date(2026, 11, 12)


class OrganiserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organiser

    event = factory.SubFactory(EventFactory)
    cluster = factory.SubFactory(ClusterFactory)
    is_lead = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    organiser = factory.LazyAttribute(
        lambda registration: (
            registration.event.organisers.filter(is_lead=True).first()
            or OrganiserFactory(event=registration.event)
        )
    )
    status = Registration.Status.VALIDATED


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity

    registration = factory.SubFactory(RegistrationFactory)
    kind = Opportunity.Kind.OFFER
    title = factory.Sequence(lambda n: f"Opportunity {n}")


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    """An asked request between two participants of one event, written straight to the table."""

    class Meta:
        model = MeetingRequest

    sender = factory.SubFactory(RegistrationFactory)
    recipient = factory.SubFactory(
        RegistrationFactory, event=factory.SelfAttribute("..sender.event")
    )
    event = factory.SelfAttribute("sender.event")
    pair = factory.LazyAttribute(
        lambda meeting_request: MeetingRequest.pair_of(
            meeting_request.sender.pk, meeting_request.recipient.pk
        )
    )
    message = "Shall we meet?"


def co_organiser(event: Event) -> Organiser:
    """A co-organising cluster of `event`, with one staff member."""
    organiser = OrganiserFactory(event=event, is_lead=False)
    organiser.staff.add(UserFactory())
    return organiser


def local(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=MADRID)


def b2b_event(*, tables: int = 4, sessions: int = 2) -> Event:
    """An event with a lead organiser, `sessions` mornings of four 30-minute slots, and tables."""
    organiser = OrganiserFactory()
    event = organiser.event
    for number in range(sessions):
        add_session(
            event=event,
            name=f"Morning {number + 1}",
            starts_at=local(10 + number, 9),
            ends_at=local(10 + number, 11),
            slot_minutes=30,
        )
    add_tables(event=event, count=tables, location="Hall 2")
    return event
