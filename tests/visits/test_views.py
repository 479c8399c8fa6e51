"""The visits pages: the venue directory and import, delegations, wishes, a member's day."""

import datetime as dt

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from matchfair.community.models import Membership
from matchfair.visits.domain.delegations import answer_invitation, create_delegation, set_members
from matchfair.visits.models import Delegation, ItineraryStop, JointVisit, Stand, Wish
from tests.visits.helpers import HEADER, member_of, other_cluster_member

# The venue: import page, directory, stand page


def test_import_page_reports_rows_and_is_for_the_lead_only(client, event, halls, lead_staff, ana):
    upload = SimpleUploadedFile(
        "stands.csv", (HEADER + "1B,,,,Hall 1,,10,10,3,3,,\n").encode(), content_type="text/csv"
    )
    client.force_login(ana.user)
    assert client.get(f"/e/{event.slug}/venue/import/").status_code == 403
    client.force_login(lead_staff)
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert response.status_code == 400
    assert "Row 2, exhibitor: required" in response.content.decode()


def test_import_page_refuses_a_file_that_is_not_csv(client, event, halls, lead_staff):
    client.force_login(lead_staff)
    upload = SimpleUploadedFile("stands.xlsx", b"PK\x03\x04", content_type="application/zip")
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert "Upload a file of one of these types: .csv, .txt." in response.content.decode()


def test_import_page_refuses_a_binary_file_named_csv(client, event, halls, lead_staff):
    """The exhibitor import goes through uploads.check_upload: the content is checked, not
    only the name the browser sends."""
    client.force_login(lead_staff)
    upload = SimpleUploadedFile("stands.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert "The file is called .csv but its content is not a csv file." in (
        response.content.decode()
    )


def test_import_page_imports_and_goes_to_the_directory(client, event, halls, lead_staff):
    client.force_login(lead_staff)
    upload = SimpleUploadedFile(
        "stands.csv", (HEADER + "1B,Civic Flow,,,Hall 1,,10,10,3,3,,\n").encode()
    )
    response = client.post(f"/e/{event.slug}/venue/import/", {"file": upload})
    assert (response.status_code, response["Location"]) == (302, f"/e/{event.slug}/venue/")
    assert Stand.objects.filter(event=event, exhibitor="Civic Flow").exists()


def test_directory_searches_exhibitors(client, event, stands):
    response = client.get(f"/e/{event.slug}/venue/", {"q": "portugal ubi"})
    assert response.status_code == 200
    assert [s.exhibitor for s in response.context["page"]] == []
    response = client.get(f"/e/{event.slug}/venue/", {"q": "ubi PT"})
    assert [s.exhibitor for s in response.context["page"]] == ["Ubiwhere"]


def test_stand_page_shows_the_stand_and_highlights_it(client, event, stands):
    response = client.get(f"/e/{event.slug}/venue/stands/{stands[2].pk}/")
    html = response.content.decode()
    assert (response.status_code, "Munich Mobility" in html, "10:00–12:00" in html) == (
        200,
        True,
        True,
    )
    assert 'fill="#ffcf4d"' in html


def test_stand_of_another_event_is_not_found(client, event, stands):
    from tests import factories

    other = factories.b2b_event()
    assert client.get(f"/e/{other.slug}/venue/stands/{stands[0].pk}/").status_code == 404


def test_directory_queries_do_not_grow_with_the_stands(client, event, stands, halls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(f"/e/{event.slug}/venue/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/e/{event.slug}/venue/")
    for number in range(10):
        Stand.objects.create(
            event=event,
            hall=halls[1],
            code=f"M{number}",
            exhibitor=f"M {number}",
            x=260 + number * 5,
            y=5,
            width=3,
            depth=3,
        )
    with CaptureQueriesContext(connection) as many:
        client.get(f"/e/{event.slug}/venue/")
    assert len(many) == len(few)


# Delegations and wishes


def test_organiser_forms_a_delegation_in_the_page(client, event, cluster, lead_staff, ana, jonas):
    client.force_login(lead_staff)
    response = client.post(
        f"/e/{event.slug}/delegation/", {"cluster": cluster.pk, "name": "To Barcelona"}
    )
    delegation = Delegation.objects.get(name="To Barcelona")
    assert response["Location"] == f"/e/{event.slug}/delegation/{delegation.pk}/"
    response = client.post(
        f"/e/{event.slug}/delegation/{delegation.pk}/members/", {"members": [ana.pk, jonas.pk]}
    )
    assert (response.status_code, delegation.members.count()) == (302, 2)


def test_co_organiser_cannot_form_a_delegation_of_another_cluster(client, event, cluster, co_staff):
    client.force_login(co_staff)
    response = client.post(f"/e/{event.slug}/delegation/", {"cluster": cluster.pk, "name": "X"})
    assert (response.status_code, Delegation.objects.exists()) == (200, False)
    assert "cluster" in response.context["form"].errors


def test_participant_cannot_open_the_delegation_page(client, delegation):
    outsider, _other = other_cluster_member(delegation.event)
    client.force_login(outsider.user)
    assert client.get(delegation.get_absolute_url()).status_code == 404
    response = client.post(f"{delegation.get_absolute_url()}plan/")
    assert response.status_code == 404


def test_member_opening_the_delegation_goes_to_their_wishes(client, delegation, ana):
    client.force_login(ana.user)
    response = client.get(delegation.get_absolute_url())
    assert response["Location"].endswith(f"/member/{member_of(delegation, ana).pk}/wishes/")


def test_member_marks_a_pavilion_to_visit(client, delegation, ana, bavaria):
    member = member_of(delegation, ana)
    client.force_login(ana.user)
    response = client.post(
        f"/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/",
        {"target": f"pavilion-{bavaria.pk}", "priority": 3},
    )
    assert response.status_code == 302
    assert Wish.objects.get(member=member, pavilion=bavaria).priority == 3


def test_member_cannot_mark_wishes_for_someone_else(client, delegation, ana, jonas, bavaria):
    client.force_login(jonas.user)
    url = f"/e/{delegation.event.slug}/delegation/member/{member_of(delegation, ana).pk}/wishes/"
    response = client.post(url, {"target": f"pavilion-{bavaria.pk}", "priority": 3})
    assert (response.status_code, Wish.objects.filter(pavilion=bavaria).exists()) == (404, False)


def test_wish_form_names_a_bad_target(client, delegation, ana):
    client.force_login(ana.user)
    member = member_of(delegation, ana)
    response = client.post(
        f"/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/",
        {"target": "stand-999999", "priority": 3},
    )
    assert response.status_code == 400 and "target" in response.context["form"].errors


def test_organiser_proposes_a_joint_visit_in_the_page(client, delegation, lead_staff, stands):
    client.force_login(lead_staff)
    members = [m.pk for m in delegation.members.all()]
    response = client.post(
        f"{delegation.get_absolute_url()}joint/",
        {
            "target": f"stand-{stands[1].pk}",
            "priority": 2,
            "minutes": 20,
            "members": members,
            "day": "2026-11-11",
        },
    )
    assert response.status_code == 302
    joint = JointVisit.objects.get(stand=stands[1])
    assert (joint.members.count(), joint.day) == (2, dt.date(2026, 11, 11))


def test_planning_from_the_page_stores_itineraries(
    client, delegation, released, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{delegation.get_absolute_url()}plan/")
    delegation.refresh_from_db()
    assert (response.status_code, delegation.planned is not None, delegation.plan_error) == (
        302,
        True,
        "",
    )
    assert delegation.members.first().itinerary.exists()


def test_member_adds_a_stand_from_its_page(client, delegation, ana, stands):
    member = member_of(delegation, ana)
    client.force_login(ana.user)
    page = client.get(stands[1].get_absolute_url()).content.decode()
    assert f'action="/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/"' in page
    client.post(
        f"/e/{delegation.event.slug}/delegation/member/{member.pk}/wishes/",
        {"target": f"stand-{stands[1].pk}", "priority": 3},
    )
    assert Wish.objects.get(member=member, stand=stands[1]).priority == 3


def test_stand_page_offers_no_wish_form_outside_a_delegation(client, delegation, stands):
    outsider, _other = other_cluster_member(delegation.event)
    client.force_login(outsider.user)
    assert "/wishes/" not in client.get(stands[1].get_absolute_url()).content.decode()


# A member's day: the page, its calendar file, its PDF and its route


def day_url(member, suffix="day/"):
    return f"/e/{member.delegation.event.slug}/delegation/member/{member.pk}/{suffix}"


def test_day_page_for_the_member(client, planned, ana):
    member = member_of(planned, ana)
    client.force_login(ana.user)
    response = client.get(day_url(member))
    html = response.content.decode()
    assert response.status_code == 200
    assert "B2B meeting with Jonas Berg" in html and "Visit: Bavaria Pavilion" in html
    assert "09:30–10:00" in html  # the meeting in the event's local time
    assert "Hall 1 — partnership meeting" in html


def test_day_page_for_the_organiser(client, planned, ana, lead_staff):
    client.force_login(lead_staff)
    assert client.get(day_url(member_of(planned, ana))).status_code == 200


@pytest.mark.parametrize("suffix", ["day/", "day.ics", "day.pdf", "route/2026-11-10/"])
def test_member_of_another_cluster_cannot_see_the_itinerary(client, planned, ana, suffix):
    outsider, _other = other_cluster_member(planned.event)
    client.force_login(outsider.user)
    assert client.get(day_url(member_of(planned, ana), suffix)).status_code == 404


def test_fellow_member_cannot_see_another_members_day(client, planned, ana, jonas):
    client.force_login(jonas.user)
    assert client.get(day_url(member_of(planned, ana))).status_code == 404


def test_ical_holds_everything_in_local_time(client, planned, ana):
    member = member_of(planned, ana)
    client.force_login(ana.user)
    response = client.get(day_url(member, "day.ics"))
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    summaries = {str(e["summary"]) for e in events}
    visits = ItineraryStop.objects.filter(member=member).count()
    assert len(events) == 1 + visits + 1
    assert "B2B meeting with Jonas Berg" in summaries
    meeting = next(e for e in events if str(e["summary"]) == "B2B meeting with Jonas Berg")
    start = meeting.decoded("dtstart")
    assert (str(start.tzinfo), start.hour, start.minute) == ("Europe/Madrid", 9, 30)
    assert response["Content-Type"] == "text/calendar"


def test_pdf_is_a_pdf_with_the_itinerary(client, planned, ana, settings):
    settings.REPORTS_PDF_COMPRESS = False
    client.force_login(ana.user)
    response = client.get(day_url(member_of(planned, ana), "day.pdf"))
    assert response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert len(response.content) > 2000


def test_route_page_draws_the_days_route(client, planned, ana):
    client.force_login(ana.user)
    response = client.get(day_url(member_of(planned, ana), "route/2026-11-10/"))
    assert response.status_code == 200 and "<polyline" in response.content.decode()


def test_route_page_of_a_day_without_anything_is_not_found(client, planned, ana):
    client.force_login(ana.user)
    assert client.get(day_url(member_of(planned, ana), "route/2026-12-24/")).status_code == 404


def test_my_day_link_and_page_for_a_member(client, planned, ana):
    client.force_login(ana.user)
    response = client.get(f"/e/{planned.event.slug}/my-day/")
    assert response["Location"] == day_url(member_of(planned, ana))
    page = client.get(f"/e/{planned.event.slug}/venue/").content.decode()
    assert f'href="/e/{planned.event.slug}/my-day/"' in page


def test_no_my_day_link_for_someone_outside_a_delegation(client, planned):
    outsider, _other = other_cluster_member(planned.event)
    client.force_login(outsider.user)
    page = client.get(f"/e/{planned.event.slug}/venue/").content.decode()
    assert "/my-day/" not in page


# Tenancy: a co-organiser's delegation and a participant the lead supports


@pytest.fixture
def co_member(event, co_staff, ana, released, halls):
    """Ana, whom the lead supports, joined the co-organiser's delegation by accepting."""
    cluster = co_staff.organiser_roles.get().cluster
    Membership.objects.create(cluster=cluster, organisation=ana.user.organisation)
    delegation = create_delegation(event=event, cluster=cluster, name="Co delegation", by=co_staff)
    set_members(delegation=delegation, registrations=[ana], by=co_staff)
    return answer_invitation(invitation=delegation.invitations.get(), accept=True, by=ana.user)


def test_member_ics_shows_another_organisers_participant_as_busy(client, co_member, co_staff):
    """Finding 2: the co-organiser read the meeting and the partner's name in the .ics (200)."""
    client.force_login(co_staff)
    calendar = icalendar.Calendar.from_ical(client.get(day_url(co_member, "day.ics")).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Busy: B2B meeting"]


def test_member_pdf_shows_another_organisers_participant_as_busy(
    client, co_member, co_staff, settings
):
    settings.REPORTS_PDF_COMPRESS = False
    client.force_login(co_staff)
    content = client.get(day_url(co_member, "day.pdf")).content
    assert (b"Jonas" in content, b"Busy" in content) == (False, True)


def test_member_day_page_shows_the_member_her_meeting_and_the_co_organiser_busy(
    client, co_member, co_staff, ana
):
    pages = {}
    for name, user in (("ana", ana.user), ("co", co_staff)):
        client.force_login(user)
        pages[name] = client.get(day_url(co_member)).content.decode()
    assert [("Jonas Berg" in page, "Busy: B2B meeting" in page) for page in pages.values()] == [
        (True, False),
        (False, True),
    ]


def test_invitation_page_answers_for_the_person_asked_only(client, event, co_staff, ana):
    cluster = co_staff.organiser_roles.get().cluster
    Membership.objects.create(cluster=cluster, organisation=ana.user.organisation)
    delegation = create_delegation(event=event, cluster=cluster, name="Co delegation", by=co_staff)
    set_members(delegation=delegation, registrations=[ana], by=co_staff)
    invitation = delegation.invitations.get()
    url = f"/e/{event.slug}/delegation/invitation/{invitation.pk}/"
    client.force_login(co_staff)
    assert client.post(url, {"answer": "accept"}).status_code == 404
    client.force_login(ana.user)
    assert (
        "Delegations that ask you to join"
        in client.get(f"/e/{event.slug}/my-day/").content.decode()
    )
    response = client.post(url, {"answer": "accept"})
    assert (response.status_code, delegation.members.get().registration) == (302, ana)
