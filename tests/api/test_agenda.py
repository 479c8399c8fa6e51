"""The personal agenda through the API: the caller's own, and a participant's for their organisers."""

import pytest

from matchfair.events.models import Registration
from tests import factories


def test_my_agenda_lists_the_released_meeting(api_as, event, ana, jonas, released_meeting):
    response = api_as(ana.user).get(f"/events/{event.slug}/agenda")
    body = response.json()
    item = body["items"][0]
    assert (response.status_code, body["release"], body["time_zone"], len(body["items"])) == (
        200,
        1,
        "Europe/Madrid",
        1,
    )
    assert (item["meeting"], item["session"], item["participants"]) == (
        released_meeting.pk,
        "Morning 1",
        [{"id": jonas.pk, "name": "Jonas Berg", "organisation": jonas.user.organisation.name}],
    )


def test_my_agenda_before_a_release_is_empty(api_as, event, ana):
    response = api_as(ana.user).get(f"/events/{event.slug}/agenda")
    assert response.json() == {"release": None, "time_zone": "Europe/Madrid", "items": []}


def test_my_agenda_without_a_registration_is_403(api_as, event):
    assert api_as(factories.UserFactory()).get(f"/events/{event.slug}/agenda").status_code == 403


def test_my_agenda_anonymously_is_401(api_as, event):
    assert api_as(None).get(f"/events/{event.slug}/agenda").status_code == 401


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("participant", 200),
        ("other participant", 404),
        ("lead staff", 200),
        ("co-organiser staff", 404),
        ("supporting co-organiser staff", 200),
    ],
)
def test_participant_agenda_per_role(api_as, event, ana, jonas, lead_staff, co_staff, role, status):
    if role == "supporting co-organiser staff":
        Registration.objects.filter(pk=ana.pk).update(organiser=co_staff.organiser_roles.get())
    viewer = {
        "participant": ana.user,
        "other participant": jonas.user,
        "lead staff": lead_staff,
        "co-organiser staff": co_staff,
        "supporting co-organiser staff": co_staff,
    }[role]
    response = api_as(viewer).get(f"/events/{event.slug}/participants/{ana.pk}/agenda")
    assert response.status_code == status


def test_participant_agenda_of_another_event_is_404(api_as, event, lead_staff):
    stranger = factories.RegistrationFactory()
    response = api_as(lead_staff).get(f"/events/{event.slug}/participants/{stranger.pk}/agenda")
    assert response.status_code == 404
