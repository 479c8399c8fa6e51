import datetime as dt
import re

from matchfair.contacts.domain.contacts import add_contact
from matchfair.contacts.models import Contact, ContactView
from matchfair.meetings.domain.requests import accept_request, send_request
from tests import factories

CARD = {
    "name": "Laia Puig",
    "organisation": "Barcelona Activa",
    "job_title": "Innovation manager",
    "email": "laia@barcelonactiva.example",
    "phone": "+34 600 000 000",
    "website": "https://barcelonactiva.example",
    "country": "ES",
    "place": "Catalonia pavilion",
    "note": "Smart lighting pilot",
}


def url(event, path=""):
    return f"/e/{event.slug}/contacts/{path}"


def field_errors(response) -> list[str]:
    return re.findall(r'<p class="error" role="alert">(.*?)</p>', response.content.decode())


def shown_messages(response) -> list[str]:
    return [message.message for message in response.context["messages"]]


def test_the_nav_links_to_contacts_for_participants_only(client, event, ana, lead_staff):
    link = f'href="{url(event)}"'
    client.force_login(ana.user)
    mine = client.get(f"/e/{event.slug}/").content.decode()
    client.force_login(lead_staff)
    organiser = client.get(f"/e/{event.slug}/").content.decode()
    assert (link in mine, link in organiser) == (True, False)


def test_my_contacts_lists_only_mine(client, event, ana, jonas):
    add_contact(owner=ana, by=ana.user, name="Laia Puig")
    add_contact(owner=jonas, by=jonas.user, name="Kari Virtanen")
    client.force_login(ana.user)
    response = client.get(url(event))
    assert [contact.name for contact, _ in response.context["rows"]] == ["Laia Puig"]
    assert "Kari Virtanen" not in response.content.decode()


def test_the_list_filters_open_follow_ups_and_where(client, event, ana, jonas):
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    add_contact(owner=ana, by=ana.user, name="Open follow-up", follow_up=True, place="B12")
    add_contact(owner=ana, by=ana.user, name="Done", follow_up=True, done=True, place="B13")
    add_contact(owner=ana, by=ana.user, registration=jonas, meeting=meeting)
    client.force_login(ana.user)

    def names(query):
        return [c.name for c, _ in client.get(url(event), query).context["rows"]]

    assert (
        names({"follow_up_open": "on"}),
        names({"where": "meeting"}),
        names({"where": "stand"}),
        names({"text": "b13"}),
    ) == (["Open follow-up"], ["Jonas Berg"], ["Done", "Open follow-up"], ["Done"])


def test_contacts_need_a_registration(client, event):
    client.force_login(factories.UserFactory())
    response = client.get(url(event))
    assert (response.status_code, response["Location"]) == (302, f"/e/{event.slug}/register/")


def test_typing_in_a_card_adds_it(client, event, ana):
    client.force_login(ana.user)
    response = client.post(url(event, "add/"), CARD, follow=True)
    contact = Contact.objects.get()
    assert (contact.owner, contact.name, contact.place, shown_messages(response)) == (
        ana,
        "Laia Puig",
        "Catalonia pavilion",
        ["Laia Puig is in your contacts."],
    )


def test_a_card_with_errors_names_each_field(client, event, ana):
    client.force_login(ana.user)
    response = client.post(
        url(event, "add/"),
        {**CARD, "name": "", "email": "nope", "follow_up_due": "2026-12-01"},
    )
    assert (response.status_code, field_errors(response)) == (
        200,
        ["Name: This field is required.", "E-mail: Enter a valid email address."],
    )
    assert not Contact.objects.exists()


def test_a_due_date_without_follow_up_names_the_field(client, event, ana):
    client.force_login(ana.user)
    response = client.post(url(event, "add/"), {**CARD, "follow_up_due": "2026-12-01"})
    assert field_errors(response) == [
        "Follow up by: Set a due date only for a contact to follow up."
    ]


def test_the_badge_page_adds_the_participant_and_then_says_so(client, event, ana, jonas):
    profile = f"/e/{event.slug}/participants/{jonas.pk}/"
    client.force_login(ana.user)
    before = client.get(profile).content.decode()
    response = client.post(url(event, f"add/participant/{jonas.pk}/"))
    contact = Contact.objects.get()
    after = client.get(profile).content.decode()
    assert "Add to my contacts" in before
    assert response["Location"] == url(event, f"{contact.pk}/")
    assert ("Add to my contacts" in after, "In your contacts" in after) == (False, True)


def test_the_badge_page_shows_no_button_on_my_own_profile(client, event, ana):
    client.force_login(ana.user)
    page = client.get(f"/e/{event.slug}/participants/{ana.pk}/").content.decode()
    assert "Add to my contacts" not in page


def test_adding_someone_twice_says_why(client, event, ana, jonas):
    add_contact(owner=ana, by=ana.user, registration=jonas)
    client.force_login(ana.user)
    response = client.post(url(event, f"add/participant/{jonas.pk}/"), follow=True)
    assert shown_messages(response) == ["Jonas Berg is in your contacts already."]
    assert Contact.objects.count() == 1


def test_a_scanned_contact_hides_details_until_the_meeting_is_accepted(client, event, ana, jonas):
    add_contact(owner=ana, by=ana.user, registration=jonas)
    client.force_login(ana.user)
    hidden = client.get(url(event)).content.decode()
    accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    shown = client.get(url(event)).content.decode()
    assert (jonas.user.email in hidden, jonas.user.email in shown) == (False, True)


def test_editing_a_scanned_contact_asks_only_the_notes(client, event, ana, jonas):
    contact = add_contact(owner=ana, by=ana.user, registration=jonas)
    client.force_login(ana.user)
    form = client.get(url(event, f"{contact.pk}/")).context["form"]
    response = client.post(
        url(event, f"{contact.pk}/"),
        {"place": "Nordic pavilion", "follow_up": "on", "follow_up_due": "2026-12-01"},
    )
    contact.refresh_from_db()
    assert "name" not in form.fields
    assert (response.status_code, contact.place, contact.follow_up_due) == (
        302,
        "Nordic pavilion",
        dt.date(2026, 12, 1),
    )


def test_a_meeting_and_a_stand_together_name_the_place(client, event, ana, jonas):
    meeting = accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    client.force_login(ana.user)
    response = client.post(url(event, "add/"), {**CARD, "meeting": meeting.pk})
    assert field_errors(response) == [
        "Met at the stand: Give either the meeting or the stand, not both."
    ]


def test_someone_elses_contact_is_not_found(client, event, ana, jonas):
    contact = add_contact(owner=ana, by=ana.user, name="Laia Puig")
    client.force_login(jonas.user)
    answers = (
        client.get(url(event, f"{contact.pk}/")).status_code,
        client.post(url(event, f"{contact.pk}/"), CARD).status_code,
        client.post(url(event, f"{contact.pk}/delete/")).status_code,
    )
    contact.refresh_from_db()
    assert (answers, contact.place) == ((404, 404, 404), "")


def test_delete_removes_my_contact(client, event, ana):
    contact = add_contact(owner=ana, by=ana.user, name="Laia Puig")
    client.force_login(ana.user)
    response = client.post(url(event, f"{contact.pk}/delete/"))
    assert (response.status_code, Contact.objects.count()) == (302, 0)


def test_delete_answers_only_post(client, event, ana):
    contact = add_contact(owner=ana, by=ana.user, name="Laia Puig")
    client.force_login(ana.user)
    assert client.get(url(event, f"{contact.pk}/delete/")).status_code == 405


# Shared with my cluster


def test_the_shared_list_shows_consented_contacts_of_my_cluster(client, event, ana_in_sofia, mia):
    add_contact(owner=ana_in_sofia, by=ana_in_sofia.user, shared_with_cluster=True, **CARD)
    add_contact(owner=ana_in_sofia, by=ana_in_sofia.user, name="Private Person")
    client.force_login(mia)
    response = client.get(url(event, "shared/"))
    page = response.content.decode()
    assert [contact.name for contact, _ in response.context["rows"]] == ["Laia Puig"]
    assert ("laia@barcelonactiva.example" in page, "Private Person" in page) == (True, False)
    assert "Smart lighting pilot" not in page  # the note stays private


def test_the_shared_list_of_another_cluster_is_empty(client, event, ana_in_sofia, otto):
    add_contact(owner=ana_in_sofia, by=ana_in_sofia.user, shared_with_cluster=True, **CARD)
    client.force_login(otto)
    response = client.get(url(event, "shared/"))
    assert (response.status_code, response.context["rows"]) == (200, [])


def test_the_shared_list_hides_a_scanned_participants_details(
    client, event, ana_in_sofia, jonas, mia
):
    add_contact(
        owner=ana_in_sofia, by=ana_in_sofia.user, registration=jonas, shared_with_cluster=True
    )
    client.force_login(mia)
    page = client.get(url(event, "shared/")).content.decode()
    assert ("Jonas Berg" in page, jonas.user.email in page) == (True, False)


def test_the_shared_list_is_not_found_outside_clusters(client, event, jonas):
    client.force_login(jonas.user)
    mine = client.get(url(event)).content.decode()
    assert (client.get(url(event, "shared/")).status_code, url(event, "shared/") in mine) == (
        404,
        False,
    )


def test_my_contacts_link_to_the_shared_list_for_cluster_members(client, event, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    assert url(event, "shared/") in client.get(url(event)).content.decode()


def test_the_shared_list_needs_a_login(client, event):
    response = client.get(url(event, "shared/"))
    assert response["Location"].startswith("/accounts/login/")


def test_who_viewed_my_details_lists_those_shown_them(client, event, ana, jonas):
    accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    client.force_login(jonas.user)
    client.get(f"/e/{event.slug}/participants/{ana.pk}/")
    client.force_login(ana.user)
    page = client.get("/accounts/me/details-viewed/")
    assert [(v.viewer, v.where) for v in page.context["page"]] == [(jonas.user, "profile")]
    assert "Jonas Berg" in page.content.decode()
    client.force_login(jonas.user)
    assert list(client.get("/accounts/me/details-viewed/").context["page"]) == []


def test_a_scanned_badge_in_the_contact_book_is_a_view_a_typed_card_is_not(
    client, event, ana, jonas
):
    accept_request(
        send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user), by=jonas.user
    )
    add_contact(owner=ana, by=ana.user, registration=jonas)
    add_contact(owner=ana, by=ana.user, **CARD)
    client.force_login(ana.user)
    client.get(url(event))
    assert [(v.person, v.viewer, v.where) for v in ContactView.objects.all()] == [
        (jonas.user, ana.user, "contacts")
    ]


def test_hidden_details_are_not_a_view(client, event, ana, jonas):
    add_contact(owner=ana, by=ana.user, registration=jonas)
    client.force_login(ana.user)
    client.get(url(event))
    client.get(url(event, "contacts.csv"))
    client.get(f"/e/{event.slug}/participants/{jonas.pk}/")
    assert ContactView.objects.count() == 0
