import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.community.models import Organisation
from matchfair.events.models import Domain, Opportunity, Registration
from matchfair.meetings.domain.requests import accept_request, send_request
from tests import factories


def field_errors(response) -> list[str]:
    return re.findall(r'<p class="error" role="alert">(.*?)</p>', response.content.decode())


def non_field_errors(response) -> list[str]:
    return re.findall(r'<div class="errors" role="alert"><p>(.*?)</p>', response.content.decode())


def shown(response) -> list[str]:
    """Who or what the list page shows, in its order."""
    return [
        item.user.full_name if isinstance(item, Registration) else item.title
        for item in response.context["page"]
    ]


def template_names(response) -> list[str]:
    return [template.name for template in response.templates]


def url(event, path=""):
    return f"/e/{event.slug}/{path}"


@pytest.fixture
def crowd(event, ana, jonas):
    """Ana from a Bulgarian start-up offering sensors; Jonas from a Finnish city asking for data."""
    Organisation.objects.filter(pk=ana.user.organisation_id).update(
        name="Mobility Lab", kind="startup"
    )
    Organisation.objects.filter(pk=jonas.user.organisation_id).update(
        name="City of Tampere", kind="city"
    )
    ana.headline = "Smart parking for cities"
    ana.save()
    ana.domains.set([Domain.objects.get(slug="mobility")])
    factories.OpportunityFactory(registration=ana, kind="offer", title="Parking sensors")
    data = factories.OpportunityFactory(
        registration=jonas, kind="request", title="Open traffic data", description="LoRaWAN"
    )
    data.domains.set([Domain.objects.get(slug="ict")])
    pending = factories.RegistrationFactory(
        event=event, user__full_name="Petra Pending", status="pending"
    )
    factories.OpportunityFactory(registration=pending, title="Hidden offer")
    factories.RegistrationFactory(user__full_name="Otto Elsewhere")
    return ana, jonas


# Home and event page


def test_home_lists_coming_events_soonest_first_then_past_ones_latest_first(client, db):
    def event(name, day):
        return factories.EventFactory(name=name, starts_on=day, ends_on=day + dt.timedelta(days=2))

    later = event("Later", dt.date(2096, 5, 1))
    sooner = event("Sooner", dt.date(2096, 3, 1))
    older = event("Older", dt.date(2025, 5, 1))
    newer = event("Newer", dt.date(2025, 9, 1))
    response = client.get("/")
    assert (
        response.status_code,
        response.context["events"],
        response.context["past_events"],
    ) == (200, [sooner, later], [newer, older])
    assert "2 past events" in response.content.decode()


def test_home_marks_the_events_you_registered_for(client, db):
    coming = factories.EventFactory(starts_on=dt.date(2096, 3, 1), ends_on=dt.date(2096, 3, 3))
    past = factories.EventFactory(starts_on=dt.date(2025, 3, 1), ends_on=dt.date(2025, 3, 3))
    factories.EventFactory(starts_on=dt.date(2096, 4, 1), ends_on=dt.date(2096, 4, 3))
    ana = factories.RegistrationFactory(event=coming)
    factories.RegistrationFactory(event=past, user=ana.user)
    client.force_login(ana.user)
    page = client.get("/")
    text = page.content.decode()
    assert page.context["mine"] == {coming.pk, past.pk}
    assert (text.count("You are registered"), text.count("You took part")) == (1, 1)


def test_event_detail_counts_only_validated_participants(client, event, ana, jonas):
    factories.RegistrationFactory(event=event, status="pending")
    response = client.get(url(event))
    assert (response.status_code, response.context["participant_count"]) == (200, 2)
    assert [session.name for session in response.context["sessions"]] == [
        "Morning 1",
        "Morning 2",
    ]


def test_event_detail_when_registration_is_closed_says_so(client, event):
    event.registration_open = False
    event.save()
    assert "Registration is closed." in client.get(url(event)).content.decode()


def test_event_detail_of_an_unknown_event_is_404(client, db):
    assert client.get("/e/no-such-event/").status_code == 404


# Registering


def test_register_page_offers_the_event_organisers_with_the_lead_first(client, event):
    co = factories.co_organiser(event)
    client.force_login(factories.UserFactory())
    response = client.get(url(event, "register/"))
    form = response.context["form"]
    assert (response.status_code, list(form.fields["organiser"].queryset)) == (
        200,
        [event.organisers.get(is_lead=True), co],
    )
    assert form.fields["organiser"].initial == event.organisers.get(is_lead=True)


def test_register_post_registers_and_goes_to_the_profile(client, event):
    user = factories.UserFactory()
    client.force_login(user)
    lead = event.organisers.get(is_lead=True)
    response = client.post(url(event, "register/"), {"organiser": lead.pk, "headline": "Parking"})
    assert (response.status_code, response["Location"]) == (302, url(event, "profile/"))
    assert list(Registration.objects.filter(user=user).values_list("organiser", "headline")) == [
        (lead.pk, "Parking")
    ]


def test_register_with_an_organiser_of_another_event_names_the_field(client, event):
    client.force_login(factories.UserFactory())
    stranger = factories.OrganiserFactory()
    response = client.post(url(event, "register/"), {"organiser": stranger.pk})
    assert (response.status_code, field_errors(response)) == (
        200,
        [
            "Supporting organiser: Select a valid choice. "
            "That choice is not one of the available choices."
        ],
    )
    assert Registration.objects.count() == 0


def test_register_when_registration_is_closed_shows_why(client, event):
    event.registration_open = False
    event.save()
    client.force_login(factories.UserFactory())
    response = client.post(
        url(event, "register/"), {"organiser": event.organisers.get(is_lead=True).pk}
    )
    assert (response.status_code, non_field_errors(response)) == (
        200,
        [f"Registration for {event.name} is closed."],
    )


def test_register_when_registered_already_goes_to_the_profile(client, ana):
    client.force_login(ana.user)
    response = client.get(url(ana.event, "register/"))
    assert (response.status_code, response["Location"]) == (302, url(ana.event, "profile/"))


def test_register_anonymously_goes_to_log_in(client, event):
    response = client.get(url(event, "register/"))
    assert response["Location"] == f"/accounts/login/?next=/e/{event.slug}/register/"


# Profile and opportunities


def test_profile_before_registering_goes_to_register(client, event):
    client.force_login(factories.UserFactory())
    response = client.get(url(event, "profile/"))
    assert (response.status_code, response["Location"]) == (302, url(event, "register/"))


def test_profile_page_shows_my_opportunities(client, ana):
    factories.OpportunityFactory(registration=ana, title="Parking sensors")
    client.force_login(ana.user)
    response = client.get(url(ana.event, "profile/"))
    assert (response.status_code, [o.title for o in response.context["opportunities"]]) == (
        200,
        ["Parking sensors"],
    )


def test_profile_post_saves_it(client, ana):
    client.force_login(ana.user)
    energy = Domain.objects.get(slug="energy")
    response = client.post(
        url(ana.event, "profile/"),
        {"headline": "Grids", "description": "", "domains": [energy.pk], "max_meetings": "6"},
    )
    ana.refresh_from_db()
    assert response.status_code == 302
    assert (ana.headline, ana.max_meetings, ana.share_contact, list(ana.domains.all())) == (
        "Grids",
        6,
        False,
        [energy],
    )


def test_profile_post_with_an_error_names_the_field(client, ana):
    client.force_login(ana.user)
    response = client.post(url(ana.event, "profile/"), {"headline": "x", "max_meetings": "-1"})
    assert (response.status_code, field_errors(response)) == (
        200,
        ["Meetings at most: Ensure this value is greater than or equal to 0."],
    )


def test_opportunity_new_page_answers(client, ana):
    client.force_login(ana.user)
    response = client.get(url(ana.event, "profile/opportunities/new/"))
    assert (response.status_code, response.context["opportunity"]) == (200, None)


def test_opportunity_new_post_creates_it(client, ana):
    client.force_login(ana.user)
    water = Domain.objects.get(slug="water")
    response = client.post(
        url(ana.event, "profile/opportunities/new/"),
        {"kind": "request", "title": "Leak detection", "description": "", "domains": [water.pk]},
    )
    assert (response.status_code, response["Location"]) == (302, url(ana.event, "profile/"))
    opportunity = Opportunity.objects.get()
    assert (opportunity.registration, opportunity.kind, opportunity.title) == (
        ana,
        "request",
        "Leak detection",
    )
    assert list(opportunity.domains.all()) == [water]


def test_opportunity_new_post_without_a_title_names_the_field(client, ana):
    client.force_login(ana.user)
    response = client.post(url(ana.event, "profile/opportunities/new/"), {"kind": "offer"})
    assert (response.status_code, field_errors(response)) == (
        200,
        ["Title: This field is required."],
    )


def test_opportunity_edit_of_my_own_saves_it(client, ana):
    opportunity = factories.OpportunityFactory(registration=ana, title="Old")
    client.force_login(ana.user)
    edit = url(ana.event, f"profile/opportunities/{opportunity.pk}/")
    assert client.get(edit).context["form"].instance == opportunity
    response = client.post(edit, {"kind": "offer", "title": "New"})
    opportunity.refresh_from_db()
    assert (response.status_code, opportunity.title) == (302, "New")


def test_opportunity_edit_of_someone_elses_is_404(client, ana, jonas):
    theirs = factories.OpportunityFactory(registration=jonas, title="Theirs")
    client.force_login(ana.user)
    edit = url(ana.event, f"profile/opportunities/{theirs.pk}/")
    statuses = (
        client.get(edit).status_code,
        client.post(edit, {"kind": "offer", "title": "Mine"}).status_code,
    )
    theirs.refresh_from_db()
    assert (statuses, theirs.title) == ((404, 404), "Theirs")


def test_opportunity_delete_of_my_own_removes_it(client, ana):
    opportunity = factories.OpportunityFactory(registration=ana)
    client.force_login(ana.user)
    response = client.post(url(ana.event, f"profile/opportunities/{opportunity.pk}/delete/"))
    assert (response.status_code, Opportunity.objects.count()) == (302, 0)


def test_opportunity_delete_of_someone_elses_is_404(client, ana, jonas):
    theirs = factories.OpportunityFactory(registration=jonas)
    client.force_login(ana.user)
    response = client.post(url(ana.event, f"profile/opportunities/{theirs.pk}/delete/"))
    assert (response.status_code, Opportunity.objects.count()) == (404, 1)


def test_opportunity_delete_by_get_is_not_allowed(client, ana):
    opportunity = factories.OpportunityFactory(registration=ana)
    client.force_login(ana.user)
    response = client.get(url(ana.event, f"profile/opportunities/{opportunity.pk}/delete/"))
    assert (response.status_code, Opportunity.objects.count()) == (405, 1)


# Availability


def test_availability_page_ticks_the_sessions_i_can_attend(client, ana):
    first, second = ana.event.sessions.order_by("starts_at")
    ana.unavailable_sessions.set([second])
    client.force_login(ana.user)
    response = client.get(url(ana.event, "availability/"))
    assert (response.status_code, response.context["form"].initial) == (
        200,
        {"available": [first.pk], "max_in_a_row": None, "max_per_day": None, "preferred_days": []},
    )


def test_availability_post_records_my_limits_and_preferred_day(client, ana):
    first, second = ana.event.sessions.order_by("starts_at")
    day = second.starts_at.astimezone(ana.event.zone).date().isoformat()
    client.force_login(ana.user)
    response = client.post(
        url(ana.event, "availability/"),
        {"available": [first.pk, second.pk], "max_in_a_row": "3", "preferred_days": [day]},
    )
    ana.refresh_from_db()
    assert (response.status_code, ana.max_in_a_row, ana.max_per_day, ana.preferred_days) == (
        302,
        3,
        None,
        [day],
    )


def test_availability_post_with_zero_in_a_row_names_the_field(client, ana):
    client.force_login(ana.user)
    response = client.post(url(ana.event, "availability/"), {"max_in_a_row": "0"})
    assert (response.status_code, field_errors(response)) == (
        200,
        ["Meetings in a row at most: Ensure this value is greater than or equal to 1."],
    )


def test_availability_names_each_group_of_choices_before_its_boxes(client, ana):
    client.force_login(ana.user)
    page = client.get(url(ana.event, "availability/")).content.decode()
    legends = re.findall(r"<fieldset class=\"choices\"><legend>([^<]+)", page)
    first_box = page.index('name="available"')

    assert legends == ["Sessions I can attend", "Days I prefer"]
    assert page.index("Sessions I can attend") < first_box
    # One label per box, never one label around a whole list.
    assert re.search(r"<label>\s*<div", page) is None


def test_availability_post_records_the_sessions_missed(client, ana):
    first, second = ana.event.sessions.order_by("starts_at")
    client.force_login(ana.user)
    response = client.post(url(ana.event, "availability/"), {"available": [second.pk]})
    assert (response.status_code, list(ana.unavailable_sessions.all())) == (302, [first])


def test_availability_post_with_a_session_of_another_event_names_the_field(client, ana):
    elsewhere = factories.b2b_event().sessions.first()
    client.force_login(ana.user)
    response = client.post(url(ana.event, "availability/"), {"available": [elsewhere.pk]})
    assert (response.status_code, field_errors(response)) == (
        200,
        [
            f"Sessions I can attend: Select a valid choice. {elsewhere.pk} is not one of the "
            "available choices."
        ],
    )


# Directory of participants


def test_directory_lists_validated_participants_of_the_event(client, crowd):
    response = client.get(url(crowd[0].event, "participants/"))
    assert (response.status_code, shown(response)) == (200, ["Jonas Berg", "Ana Petrova"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "FI"}, ["Jonas Berg"]),
        ({"kind": "startup"}, ["Ana Petrova"]),
        ({"domain": "mobility"}, ["Ana Petrova"]),  # through the profile
        ({"domain": "ict"}, ["Jonas Berg"]),  # through an opportunity
        ({"domain": "water"}, []),
        ({"looking": "offer"}, ["Ana Petrova"]),
        ({"looking": "request"}, ["Jonas Berg"]),
        ({"q": "parking"}, ["Ana Petrova"]),  # headline and opportunity title
        ({"q": "tampere"}, ["Jonas Berg"]),  # organisation name
        ({"q": "lorawan"}, ["Jonas Berg"]),  # opportunity description
        ({"q": "Petra"}, []),  # pending participants stay hidden
        ({"country": "BG", "looking": "offer", "q": "sensors"}, ["Ana Petrova"]),
        ({"country": "BG", "looking": "request"}, []),
    ],
)
def test_directory_filters(client, crowd, query, expected):
    response = client.get(url(crowd[0].event, "participants/"), query)
    assert (response.status_code, shown(response)) == (200, expected)


def test_directory_offers_only_the_countries_present(client, crowd):
    response = client.get(url(crowd[0].event, "participants/"))
    assert response.context["form"].fields["country"].choices == [
        ("", "Any country"),
        ("BG", "Bulgaria"),
        ("FI", "Finland"),
    ]


def test_directory_paginates_and_keeps_the_filters_in_the_pager(client, event):
    everybody = [factories.RegistrationFactory(event=event).user.full_name for _ in range(30)]
    first = client.get(url(event, "participants/"), {"kind": "company"})
    second = client.get(url(event, "participants/"), {"kind": "company", "page": "2"})
    assert (len(shown(first)), len(shown(second))) == (24, 6)
    assert sorted(shown(first) + shown(second)) == sorted(everybody)
    assert second.context["query"] == "kind=company"
    assert "Page 2 of 2" in second.content.decode()
    assert 'href="?kind=company&amp;page=1"' in second.content.decode()


def test_directory_for_htmx_renders_only_the_list(client, crowd):
    response = client.get(
        url(crowd[0].event, "participants/"), {"country": "FI"}, HTTP_HX_REQUEST="true"
    )
    assert (response.status_code, template_names(response), shown(response)) == (
        200,
        ["events/_participant_list.html", "events/_avatar.html", "events/_pager.html"],
        ["Jonas Berg"],
    )
    assert "<html" not in response.content.decode()


# Opportunities


def test_opportunities_lists_those_of_validated_participants(client, crowd):
    response = client.get(url(crowd[0].event, "opportunities/"))
    assert (response.status_code, shown(response)) == (
        200,
        ["Open traffic data", "Parking sensors"],
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "BG"}, ["Parking sensors"]),
        ({"kind": "city"}, ["Open traffic data"]),
        ({"domain": "ict"}, ["Open traffic data"]),
        ({"domain": "mobility"}, []),  # the profile's domains do not tag its opportunities
        ({"looking": "offer"}, ["Parking sensors"]),
        ({"looking": "request"}, ["Open traffic data"]),
        ({"q": "lorawan"}, ["Open traffic data"]),
        ({"q": "mobility lab"}, ["Parking sensors"]),
        ({"q": "hidden"}, []),
    ],
)
def test_opportunities_filters(client, crowd, query, expected):
    response = client.get(url(crowd[0].event, "opportunities/"), query)
    assert (response.status_code, shown(response)) == (200, expected)


def test_opportunities_paginate(client, ana):
    for number in range(30):
        factories.OpportunityFactory(registration=ana, title=f"Offer {number:02}")
    response = client.get(url(ana.event, "opportunities/"), {"page": "2"})
    assert shown(response) == [f"Offer {number:02}" for number in range(24, 30)]


def test_opportunities_for_htmx_renders_only_the_list(client, crowd):
    response = client.get(url(crowd[0].event, "opportunities/"), HTTP_HX_REQUEST="true")
    assert (response.status_code, template_names(response)) == (
        200,
        ["events/_opportunity_list.html", "events/_pager.html"],
    )


# A participant's page and the contact details on it


def test_participant_page_hides_the_contact_before_an_accepted_meeting(client, ana, jonas):
    client.force_login(jonas.user)
    response = client.get(url(ana.event, f"participants/{ana.pk}/"))
    page = response.content.decode()
    assert (response.status_code, response.context["show_contact"]) == (200, False)
    assert (ana.user.email in page, 'id="contact-hidden"' in page) == (False, True)
    assert response.context["request_form"] is not None


def test_participant_page_shows_the_contact_after_an_accepted_meeting(client, ana, jonas):
    meeting_request = send_request(sender=jonas, recipient=ana, message="Hi", by=jonas.user)
    accept_request(meeting_request, by=ana.user)
    client.force_login(jonas.user)
    response = client.get(url(ana.event, f"participants/{ana.pk}/"))
    assert (response.context["show_contact"], ana.user.email in response.content.decode()) == (
        True,
        True,
    )


def test_participant_page_hides_the_contact_while_the_request_is_only_asked(client, ana, jonas):
    send_request(sender=jonas, recipient=ana, message="Hi", by=jonas.user)
    client.force_login(jonas.user)
    response = client.get(url(ana.event, f"participants/{ana.pk}/"))
    assert (response.context["show_contact"], ana.user.email in response.content.decode()) == (
        False,
        False,
    )
    assert response.context["open_request"].status == "asked"


def test_participant_page_shows_the_contact_when_the_participant_consents(client, ana, jonas):
    ana.share_contact = True
    ana.save()
    client.force_login(jonas.user)
    response = client.get(url(ana.event, f"participants/{ana.pk}/"))
    assert ana.user.email in response.content.decode()


def test_participant_page_for_a_visitor_hides_the_contact(client, ana):
    response = client.get(url(ana.event, f"participants/{ana.pk}/"))
    assert (response.status_code, ana.user.email in response.content.decode()) == (200, False)


def test_participant_page_of_a_pending_participant_is_404_for_others(client, event, jonas):
    pending = factories.RegistrationFactory(event=event, status="pending")
    client.force_login(jonas.user)
    assert client.get(url(event, f"participants/{pending.pk}/")).status_code == 404


def test_participant_page_of_a_pending_participant_is_shown_to_the_organiser(
    client, event, lead_staff
):
    pending = factories.RegistrationFactory(event=event, status="pending")
    client.force_login(lead_staff)
    response = client.get(url(event, f"participants/{pending.pk}/"))
    assert (response.status_code, response.context["show_contact"]) == (200, True)


def test_participant_page_of_another_events_participant_is_404(client, event):
    stranger = factories.RegistrationFactory()
    assert client.get(url(event, f"participants/{stranger.pk}/")).status_code == 404


# Query counts: a list page costs the same for 20 rows as for 200 (pretalx does the same).


def crowd_of(event, count, *, kinds):
    """`count` participants, each with two domains and one opportunity of each kind given."""
    domains = list(Domain.objects.all()[:3])
    for _ in range(count):
        registration = factories.RegistrationFactory(event=event, headline="Smart city")
        registration.domains.set(domains[:2])
        for kind in kinds:
            opportunity = factories.OpportunityFactory(registration=registration, kind=kind)
            opportunity.domains.set(domains[1:])


def measure(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), len(response.context["page"])


# Each list is given fewer rows than a page holds at first and more later, so that a query per
# row shows up as a difference. The opportunities list gets one opportunity per participant.
@pytest.mark.parametrize(
    ("page", "kinds"),
    [("participants/", ["offer", "request"]), ("opportunities/", ["offer"])],
)
def test_list_page_costs_the_same_queries_for_20_and_200_participants(
    client, ana, page, kinds, django_assert_num_queries
):
    event = ana.event
    client.force_login(ana.user)
    factories.OpportunityFactory(registration=ana, kind="offer")
    crowd_of(event, 19, kinds=kinds)
    client.get(url(event, page))  # the first request warms caches such as content types
    for_twenty, rows = measure(client, url(event, page))
    assert rows == 20
    crowd_of(event, 180, kinds=kinds)
    with django_assert_num_queries(for_twenty):
        response = client.get(url(event, page))
    assert len(response.context["page"]) == 24


def test_directory_with_an_unknown_domain_still_applies_the_other_filters(client, crowd):
    response = client.get(
        url(crowd[0].event, "participants/"), {"kind": "city", "domain": "no-such-domain"}
    )
    assert (shown(response), field_errors(response)) == (
        ["Jonas Berg"],
        ["Domain: Select a valid choice. That choice is not one of the available choices."],
    )


def test_availability_offers_only_sessions_with_meetings(client, ana):
    first, second = ana.event.sessions.order_by("starts_at")
    factories.add_session(
        event=ana.event,
        name="Gala dinner",
        starts_at=factories.local(11, 20),
        ends_at=factories.local(11, 23),
        is_b2b=False,
    )
    client.force_login(ana.user)
    response = client.get(url(ana.event, "availability/"))
    assert list(response.context["form"].fields["available"].queryset) == [first, second]


def test_event_detail_links_the_console_only_for_those_who_manage_the_event(
    client, event, ana, lead_staff, co_staff
):
    console = f'href="/e/{event.slug}/console/"'
    seen = {}
    for name, user in {"ana": ana.user, "lead": lead_staff, "co": co_staff}.items():
        client.force_login(user)
        seen[name] = console in client.get(url(event)).content.decode()
    assert seen == {"ana": False, "lead": True, "co": False}


def test_register_for_an_event_that_validates_shows_the_wait_on_the_profile(client, event):
    event.requires_validation = True
    event.save()
    client.force_login(factories.UserFactory())
    response = client.post(
        url(event, "register/"), {"organiser": event.organisers.get(is_lead=True).pk}, follow=True
    )
    assert (response.context["my_registration"].status, response.status_code) == ("pending", 200)
    assert '<p class="errors">Waiting for validation</p>' in response.content.decode()


def test_participant_page_of_myself_offers_no_request_form(client, ana):
    client.force_login(ana.user)
    response = client.get(url(ana.event, f"participants/{ana.pk}/"))
    assert (response.context["is_me"], "request_form" in response.context) == (True, False)


# The directory's search with the co-organiser and free-slot filters


def test_directory_view_shows_the_new_filters(client, event, people):
    co = factories.co_organiser(event)
    Registration.objects.filter(pk=people["jonas"].pk).update(organiser=co)
    response = client.get(
        f"/e/{event.slug}/participants/", {"organiser": co.pk, "free": "on", "q": "traffic"}
    )
    assert [r.user.full_name for r in response.context["page"]] == ["Jonas Berg"]
    assert "Has free slots" in response.content.decode()


def searchable_crowd_of(event, count):
    for _ in range(count):
        registration = factories.RegistrationFactory(event=event, headline="Smart city parking")
        factories.OpportunityFactory(registration=registration, kind=Opportunity.Kind.OFFER)


def test_searched_and_filtered_directory_costs_the_same_queries_for_20_and_200(
    client, event, django_assert_num_queries
):
    co = factories.co_organiser(event)
    query = {"q": "smart park", "free": "on", "organiser": co.pk, "looking": "offer"}
    path = f"/e/{event.slug}/participants/"
    searchable_crowd_of(event, 20)
    Registration.objects.filter(event=event).update(organiser=co)
    client.get(path, query)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, query)
    assert len(response.context["page"]) == 20
    searchable_crowd_of(event, 180)
    Registration.objects.filter(event=event).update(organiser=co)
    with django_assert_num_queries(len(queries)):
        response = client.get(path, query)
    assert len(response.context["page"]) == 24
