"""Participants and opportunities through the API: visibility per role, contact fields, paging cost."""

import pytest

from matchfair.contacts.models import ContactView
from matchfair.events.models import Domain, Registration
from matchfair.meetings.domain.requests import accept_request, send_request
from tests import factories


def contacts(response) -> dict[str, dict | None]:
    return {item["name"]: item["contact"] for item in response.json()["items"]}


def meet(first, second):
    meeting_request = send_request(sender=first, recipient=second, message="Hi", by=first.user)
    accept_request(meeting_request, by=second.user)


def test_participants_anonymously_show_no_contact(api_as, event, ana, jonas):
    response = api_as(None).get(f"/events/{event.slug}/participants")
    assert (response.status_code, contacts(response)) == (
        200,
        {"Ana Petrova": None, "Jonas Berg": None},
    )


def test_participants_show_own_contact_only(api_as, event, ana, jonas):
    response = api_as(ana.user).get(f"/events/{event.slug}/participants")
    assert contacts(response) == {
        "Ana Petrova": {"email": ana.user.email, "phone": ""},
        "Jonas Berg": None,
    }


def test_participants_show_contact_after_an_accepted_meeting(api_as, event, ana, jonas):
    meet(ana, jonas)
    response = api_as(jonas.user).get(f"/events/{event.slug}/participants")
    assert contacts(response)["Ana Petrova"] == {"email": ana.user.email, "phone": ""}


def test_participants_show_contact_of_who_consented(api_as, event, ana, jonas):
    Registration.objects.filter(pk=jonas.pk).update(share_contact=True)
    response = api_as(ana.user).get(f"/events/{event.slug}/participants")
    assert contacts(response)["Jonas Berg"] == {"email": jonas.user.email, "phone": ""}


def test_participants_show_a_throwaway_account_no_consented_contact(api_as, event, ana, jonas):
    """Finding 4: any account could page through every consenting participant's details."""
    Registration.objects.filter(pk=jonas.pk).update(share_contact=True)
    response = api_as(factories.UserFactory()).get(f"/events/{event.slug}/participants")
    assert contacts(response) == {"Ana Petrova": None, "Jonas Berg": None}


def test_participants_refuse_a_page_larger_than_the_cap(api_as, event, ana):
    response = api_as(ana.user).get(f"/events/{event.slug}/participants", page_size=101)
    assert response.status_code == 422


def test_participants_show_every_contact_to_lead_staff(api_as, event, ana, jonas, lead_staff):
    response = api_as(lead_staff).get(f"/events/{event.slug}/participants")
    assert sorted(name for name, contact in contacts(response).items() if contact) == [
        "Ana Petrova",
        "Jonas Berg",
    ]


def test_participants_show_co_organiser_staff_only_their_own(api_as, event, ana, jonas, co_staff):
    Registration.objects.filter(pk=jonas.pk).update(organiser=co_staff.organiser_roles.get())
    response = api_as(co_staff).get(f"/events/{event.slug}/participants")
    assert contacts(response) == {
        "Ana Petrova": None,
        "Jonas Berg": {"email": jonas.user.email, "phone": ""},
    }


def test_participants_leave_out_the_unvalidated(api_as, event, ana):
    factories.RegistrationFactory(event=event, status=Registration.Status.PENDING)
    response = api_as(None).get(f"/events/{event.slug}/participants")
    assert response.json()["count"] == 1


def test_participants_search_by_text(api_as, event, ana, jonas):
    response = api_as(None).get(f"/events/{event.slug}/participants", q="Jonas")
    assert [item["name"] for item in response.json()["items"]] == ["Jonas Berg"]


def test_participants_of_an_unknown_event_is_404(api_as, db):
    assert api_as(None).get("/events/nowhere/participants").status_code == 404


def test_participants_page_out_of_range_is_422(api_as, event):
    response = api_as(None).get(f"/events/{event.slug}/participants", page=0)
    assert response.status_code == 422


def test_participants_page_two(api_as, event, ana, jonas):
    response = api_as(None).get(f"/events/{event.slug}/participants", page=2, page_size=1)
    body = response.json()
    assert (body["count"], body["page"], len(body["items"])) == (2, 2, 1)


@pytest.mark.parametrize("size", [20, 200])
def test_participants_list_costs_the_same_at_any_size(
    api_as, event, size, django_assert_num_queries
):
    domain = Domain.objects.first()
    for _ in range(size):
        registration = factories.RegistrationFactory(event=event)
        factories.OpportunityFactory(registration=registration)
        registration.domains.add(domain)
    viewer = factories.RegistrationFactory(event=event)
    client = api_as(viewer.user)
    client.get("/me")  # the first use of a token writes last_used; measure the steady state
    # token, event, count, page ids, page rows, domains, opportunities, organiser roles,
    # taking part, accepted meetings, `contact` grants of the rest (none, so no audiences)
    with django_assert_num_queries(11):
        response = client.get(f"/events/{event.slug}/participants", page_size=100)
    assert len(response.json()["items"]) == min(size + 1, 100)


def test_participant_detail_of_an_unvalidated_person_is_404_to_others(api_as, event, ana):
    pending = factories.RegistrationFactory(event=event, status=Registration.Status.PENDING)
    assert (
        api_as(ana.user).get(f"/events/{event.slug}/participants/{pending.pk}").status_code == 404
    )


def test_participant_detail_of_an_unvalidated_person_is_shown_to_lead_staff(
    api_as, event, lead_staff
):
    pending = factories.RegistrationFactory(event=event, status=Registration.Status.PENDING)
    response = api_as(lead_staff).get(f"/events/{event.slug}/participants/{pending.pk}")
    assert (response.status_code, response.json()["contact"]["email"]) == (
        200,
        pending.user.email,
    )


def test_participant_detail_of_another_event_is_404(api_as, event, ana):
    stranger = factories.RegistrationFactory()
    assert (
        api_as(ana.user).get(f"/events/{event.slug}/participants/{stranger.pk}").status_code == 404
    )


def test_participant_detail_hides_contact_from_other_participants(api_as, event, ana, jonas):
    response = api_as(jonas.user).get(f"/events/{event.slug}/participants/{ana.pk}")
    assert (response.status_code, response.json()["contact"]) == (200, None)


def test_opportunities_list_names_their_participant(api_as, event, jonas):
    opportunity = factories.OpportunityFactory(registration=jonas, title="Parking sensors")
    response = api_as(None).get(f"/events/{event.slug}/opportunities")
    assert response.json()["items"] == [
        {
            "id": opportunity.pk,
            "kind": "offer",
            "title": "Parking sensors",
            "description": "",
            "domains": [],
            "participant": {
                "id": jonas.pk,
                "name": "Jonas Berg",
                "organisation": jonas.user.organisation.name,
            },
        }
    ]


def test_contact_details_read_through_the_api_are_logged(api_as, event, ana, jonas):
    accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    client = api_as(jonas.user)
    client.get(f"/events/{event.slug}/participants")
    client.get(f"/events/{event.slug}/participants/{ana.pk}")
    assert [(v.person, v.viewer, v.where) for v in ContactView.objects.all()] == [
        (ana.user, jonas.user, "api")
    ]


def test_a_list_without_contact_details_logs_nothing(api_as, event, ana, jonas):
    api_as(None).get(f"/events/{event.slug}/participants")
    api_as(jonas.user).get(f"/events/{event.slug}/participants")
    assert ContactView.objects.count() == 0
