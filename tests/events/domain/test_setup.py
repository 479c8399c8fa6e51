import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair import permissions
from matchfair.audit.models import AuditEntry
from matchfair.events.domain.setup import create_event, edit_event
from matchfair.events.models import Event
from tests.factories import local


def settings_of(**overrides):
    return {
        "name": "Smart City Expo 2027",
        "description": "",
        "venue": "Fira Gran Via",
        "city": "Barcelona",
        "time_zone": "Europe/Madrid",
        "starts_on": dt.date(2027, 11, 16),
        "ends_on": dt.date(2027, 11, 18),
        "registration_open": True,
        "requires_validation": False,
        "booking_opens_at": None,
        "booking_closes_at": None,
        "default_max_meetings": None,
        **overrides,
    }


def test_the_leads_staff_create_an_event_and_lead_it(event, lead_staff):
    cluster = event.organisers.get(is_lead=True).cluster
    created = create_event(cluster=cluster, slug="expo-2027", by=lead_staff, **settings_of())
    lead = created.organisers.get()
    assert (lead.cluster, lead.is_lead, list(lead.staff.all())) == (cluster, True, [lead_staff])
    assert permissions.can_manage_event(lead_staff, created)
    assert AuditEntry.objects.get(action="event.created").event == created


def test_a_co_organiser_cannot_create_an_event_for_its_cluster(event, co_staff):
    cluster = co_staff.organiser_roles.get(event=event).cluster
    with pytest.raises(PermissionDenied):
        create_event(cluster=cluster, slug="expo-2027", by=co_staff, **settings_of())
    assert not Event.objects.filter(slug="expo-2027").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_on": dt.date(2027, 11, 15)}, "last day cannot come before"),
        (
            {
                "booking_opens_at": dt.datetime(2027, 11, 1, tzinfo=dt.UTC),
                "booking_closes_at": dt.datetime(2027, 10, 1, tzinfo=dt.UTC),
            },
            "must close after they open",
        ),
        ({"lunch_starts": dt.time(13, 0)}, "both ends of the lunch break"),
        (
            {"lunch_starts": dt.time(13, 0), "lunch_ends": dt.time(12, 0)},
            "lunch break must end after it starts",
        ),
    ],
)
def test_create_event_refuses_impossible_settings(event, lead_staff, overrides, message):
    cluster = event.organisers.get(is_lead=True).cluster
    with pytest.raises(ValidationError, match=message):
        create_event(cluster=cluster, slug="expo-2027", by=lead_staff, **settings_of(**overrides))


def test_create_event_refuses_a_short_name_in_use(event, lead_staff):
    cluster = event.organisers.get(is_lead=True).cluster
    with pytest.raises(ValidationError, match="Another event has this short name"):
        create_event(cluster=cluster, slug=event.slug, by=lead_staff, **settings_of())


def test_edit_event_changes_its_settings_and_records_what_they_were(event, lead_staff):
    old_name = event.name
    edited = edit_event(event=event, by=lead_staff, name="Expo", city="Sofia")
    assert (edited.name, edited.city, edited.slug) == ("Expo", "Sofia", event.slug)
    assert AuditEntry.objects.get(action="event.edited").details["before"]["name"] == old_name


def test_edit_event_refuses_days_that_would_strand_a_session(event, lead_staff):
    first_day = local(10, 9).date()
    with pytest.raises(ValidationError, match=r"“Morning 1” .* would lie outside"):
        edit_event(event=event, by=lead_staff, starts_on=first_day + dt.timedelta(days=1))
    event.refresh_from_db()
    assert event.starts_on <= first_day


def test_only_the_leads_staff_edit_an_event(event, co_staff):
    with pytest.raises(PermissionDenied):
        edit_event(event=event, by=co_staff, name="Taken over")
