import pytest
from django.core.exceptions import ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.events.domain.registrations import (
    delete_opportunity,
    register,
    save_opportunity,
    set_availability,
    set_limits,
    update_profile,
)
from matchfair.events.models import Domain, Opportunity, Registration
from tests import factories

# The event fixture sets up sessions and tables through the domain, which is audited too.
SETUP_ACTIONS = ("session.added", "tables.added")


def audit_trail():
    return list(
        AuditEntry.objects.exclude(action__in=SETUP_ACTIONS)
        .order_by("id")
        .values_list("action", "actor", "event", "subject_type", "subject_id", "details")
    )


def test_register_validates_at_once_when_the_event_needs_no_validation(event):
    user = factories.UserFactory()
    lead = event.organisers.get(is_lead=True)
    registration = register(event=event, user=user, headline="Smart parking")
    assert (registration.status, registration.organiser, registration.headline) == (
        "validated",
        lead,
        "Smart parking",
    )
    assert audit_trail() == [
        (
            "registration.created",
            user.pk,
            event.pk,
            "events.registration",
            str(registration.pk),
            {},
        )
    ]


def test_register_is_pending_when_the_event_requires_validation(event):
    event.requires_validation = True
    event.save()
    registration = register(event=event, user=factories.UserFactory())
    assert registration.status == "pending"


def test_register_with_a_chosen_co_organiser_keeps_it(event):
    co = factories.co_organiser(event)
    registration = register(event=event, user=factories.UserFactory(), organiser=co)
    assert registration.organiser == co


def test_register_when_registration_is_closed_is_refused(event):
    event.registration_open = False
    event.save()
    with pytest.raises(ValidationError, match=f"Registration for {event.name} is closed"):
        register(event=event, user=factories.UserFactory())
    assert (Registration.objects.count(), len(audit_trail())) == (0, 0)


def test_register_twice_is_refused(event):
    user = factories.UserFactory()
    register(event=event, user=user)
    with pytest.raises(ValidationError, match="You are registered for this event already"):
        register(event=event, user=user)
    assert (
        Registration.objects.filter(user=user).count(),
        AuditEntry.objects.filter(action="registration.created").count(),
    ) == (1, 1)


def test_register_with_an_organiser_of_another_event_names_the_organiser_field(event):
    stranger = factories.OrganiserFactory()
    with pytest.raises(ValidationError) as caught:
        register(event=event, user=factories.UserFactory(), organiser=stranger)
    assert caught.value.message_dict == {"organiser": ["Choose one of this event's organisers."]}
    assert Registration.objects.count() == 0


def test_update_profile_saves_the_fields_and_domains(ana):
    mobility, energy = Domain.objects.get(slug="mobility"), Domain.objects.get(slug="energy")
    update_profile(
        registration=ana,
        by=ana.user,
        domains=[mobility, energy],
        headline="Parking",
        description="Sensors",
        share_contact=True,
        max_meetings=8,
    )
    ana.refresh_from_db()
    assert (
        ana.headline,
        ana.description,
        ana.share_contact,
        ana.max_meetings,
        sorted(ana.domains.values_list("slug", flat=True)),
    ) == ("Parking", "Sensors", True, 8, ["energy", "mobility"])
    assert audit_trail() == [
        (
            "registration.profile_updated",
            ana.user.pk,
            ana.event.pk,
            "events.registration",
            str(ana.pk),
            {"fields": ["description", "headline", "max_meetings", "share_contact"]},
        )
    ]


def test_update_profile_without_domains_keeps_them(ana):
    ana.domains.set([Domain.objects.get(slug="water")])
    update_profile(registration=ana, by=ana.user, headline="Water")
    assert list(ana.domains.values_list("slug", flat=True)) == ["water"]


def test_update_profile_with_a_too_long_headline_names_the_field(ana):
    with pytest.raises(ValidationError) as caught:
        update_profile(registration=ana, by=ana.user, headline="x" * 201)
    assert caught.value.message_dict == {
        "headline": ["Ensure this value has at most 200 characters (it has 201)."]
    }
    assert len(audit_trail()) == 0


def test_update_profile_with_an_unknown_field_is_refused(ana):
    with pytest.raises(TypeError, match=r"not profile fields: \['status'\]"):
        update_profile(registration=ana, by=ana.user, status="validated")


def test_save_opportunity_creates_it(ana):
    ict = Domain.objects.get(slug="ict")
    opportunity = save_opportunity(
        registration=ana,
        by=ana.user,
        kind="request",
        title="  Data platform  ",
        description=" Open data ",
        domains=[ict],
    )
    assert (
        opportunity.registration,
        opportunity.kind,
        opportunity.title,
        opportunity.description,
        list(opportunity.domains.all()),
    ) == (ana, "request", "Data platform", "Open data", [ict])
    assert audit_trail() == [
        (
            "opportunity.saved",
            ana.user.pk,
            ana.event.pk,
            "events.opportunity",
            str(opportunity.pk),
            {"kind": "request"},
        )
    ]


def test_save_opportunity_edits_an_existing_one(ana):
    opportunity = factories.OpportunityFactory(registration=ana, title="Old")
    opportunity.domains.set([Domain.objects.get(slug="water")])
    saved = save_opportunity(
        registration=ana, by=ana.user, kind="offer", title="New", opportunity=opportunity
    )
    assert (saved.pk, Opportunity.objects.get().title, list(saved.domains.all())) == (
        opportunity.pk,
        "New",
        [],
    )


def test_save_opportunity_of_someone_else_is_refused(ana, jonas):
    theirs = factories.OpportunityFactory(registration=jonas, title="Theirs")
    with pytest.raises(ValidationError, match="This opportunity belongs to someone else"):
        save_opportunity(
            registration=ana, by=ana.user, kind="offer", title="Mine now", opportunity=theirs
        )
    theirs.refresh_from_db()
    assert (theirs.title, len(audit_trail())) == ("Theirs", 0)


def test_save_opportunity_without_a_title_names_the_field(ana):
    with pytest.raises(ValidationError) as caught:
        save_opportunity(registration=ana, by=ana.user, kind="offer", title="   ")
    assert caught.value.message_dict == {"title": ["This field cannot be blank."]}
    assert Opportunity.objects.count() == 0


def test_save_opportunity_with_an_unknown_kind_names_the_field(ana):
    with pytest.raises(ValidationError) as caught:
        save_opportunity(registration=ana, by=ana.user, kind="gift", title="Free beer")
    assert caught.value.message_dict == {"kind": ["Value 'gift' is not a valid choice."]}


def test_delete_opportunity_removes_it_and_writes_the_audit_entry(ana):
    opportunity = factories.OpportunityFactory(registration=ana, title="Sensors")
    pk = opportunity.pk
    delete_opportunity(opportunity=opportunity, by=ana.user)
    assert Opportunity.objects.count() == 0
    assert audit_trail() == [
        (
            "opportunity.deleted",
            ana.user.pk,
            ana.event.pk,
            "events.opportunity",
            str(pk),
            {"title": "Sensors"},
        )
    ]


def test_set_availability_records_the_sessions_missed(ana):
    _first, second = ana.event.sessions.order_by("starts_at")
    set_availability(registration=ana, by=ana.user, unavailable=[second])
    assert list(ana.unavailable_sessions.all()) == [second]
    assert audit_trail() == [
        (
            "registration.availability_set",
            ana.user.pk,
            ana.event.pk,
            "events.registration",
            str(ana.pk),
            {"unavailable": [second.pk]},
        )
    ]


def test_set_availability_to_none_missed_clears_them(ana):
    ana.unavailable_sessions.set(ana.event.sessions.all())
    set_availability(registration=ana, by=ana.user, unavailable=[])
    assert list(ana.unavailable_sessions.all()) == []


def test_set_availability_with_a_session_of_another_event_names_the_field(ana):
    elsewhere = factories.b2b_event().sessions.first()
    with pytest.raises(ValidationError) as caught:
        set_availability(registration=ana, by=ana.user, unavailable=[elsewhere])
    assert caught.value.message_dict == {"unavailable": ["These sessions belong to another event."]}
    assert (list(ana.unavailable_sessions.all()), len(audit_trail())) == ([], 0)


def test_set_limits_keeps_my_limits_and_days_and_records_them(ana):
    day = ana.event.sessions.order_by("starts_at")[0].starts_at.astimezone(ana.event.zone)
    set_limits(
        registration=ana,
        by=ana.user,
        max_in_a_row=4,
        max_per_day=None,
        preferred_days=[day.date().isoformat()],
    )
    ana.refresh_from_db()
    assert (ana.max_in_a_row, ana.max_per_day, ana.preferred_days) == (
        4,
        None,
        [day.date().isoformat()],
    )
    assert audit_trail()[-1][0] == "registration.limits_set"


def test_set_limits_refuses_a_day_without_sessions(ana):
    with pytest.raises(ValidationError) as caught:
        set_limits(
            registration=ana,
            by=ana.user,
            max_in_a_row=None,
            max_per_day=None,
            preferred_days=["1999-01-01"],
        )
    assert caught.value.message_dict == {
        "preferred_days": ["Choose days on which the event meets."]
    }
