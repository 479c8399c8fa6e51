"""The agenda page is cached per visitor, and a release or a cancellation shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchfair.meetings.domain.requests import cancel_request
from tests import factories
from tests.browser.helpers import release_meeting


def agenda(client, event):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/e/{event.slug}/agenda/")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_visit_is_served_from_the_cache(client, event, ana, jonas):
    release_meeting(event, ana, jonas)
    client.force_login(ana.user)
    agenda(client, event)  # sets the CSRF cookie: a page without one is never cached
    first, first_queries = agenda(client, event)
    second, second_queries = agenda(client, event)
    assert "Jonas Berg" in first and second == first
    assert second_queries < first_queries


def test_a_new_release_shows_at_once(client, event, ana, jonas):
    release_meeting(event, ana, jonas)
    client.force_login(ana.user)
    agenda(client, event)
    tia = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    release_meeting(event, ana, tia, slot_index=2)
    page, _ = agenda(client, event)
    assert "Tia Third" in page


def test_a_cancelled_meeting_leaves_the_agenda_at_once(client, event, ana, jonas):
    meeting = release_meeting(event, ana, jonas)
    client.force_login(ana.user)
    assert "Jonas Berg" in agenda(client, event)[0]
    cancel_request(meeting.request, by=ana.user)
    assert "Jonas Berg" not in agenda(client, event)[0]


def test_a_page_with_a_message_is_neither_served_nor_kept(client, event, ana, jonas):
    release_meeting(event, ana, jonas)
    client.force_login(ana.user)
    for _ in range(3):
        agenda(client, event)
    # A message waiting for the next page (as after a redirect) must appear on it.
    opportunity = factories.OpportunityFactory(registration=ana)
    response = client.post(f"/e/{event.slug}/profile/opportunities/{opportunity.pk}/delete/")
    assert response.status_code == 302
    page, _ = agenda(client, event)
    assert "The opportunity is removed." in page
    assert 'class="messages"' not in agenda(client, event)[0]


def test_another_person_never_gets_ana_s_cached_page(client, event, ana, jonas):
    release_meeting(event, ana, jonas)
    client.force_login(ana.user)
    for _ in range(3):
        ana_page, _ = agenda(client, event)
    client.force_login(jonas.user)
    jonas_page, _ = agenda(client, event)
    assert (ana.user.full_name in jonas_page, jonas_page == ana_page) == (True, False)
