"""Events and their sessions through the API: public reads, like the event pages."""

from tests import factories


def test_events_list_everyone_can_read(api_as, event):
    response = api_as(None).get("/events")
    assert (response.status_code, [item["slug"] for item in response.json()["items"]]) == (
        200,
        [event.slug],
    )


def test_event_detail(api_as, event, ana):
    response = api_as(ana.user).get(f"/events/{event.slug}")
    assert response.json() == {
        "id": event.pk,
        "slug": event.slug,
        "name": event.name,
        "description": "",
        "venue": "Fira Gran Via",
        "city": "Barcelona",
        "time_zone": "Europe/Madrid",
        "starts_on": "2026-11-10",
        "ends_on": "2026-11-12",
        "registration_open": True,
        "booking_open": True,
    }


def test_event_unknown_is_404(api_as, db):
    response = api_as(None).get("/events/nowhere")
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


def test_event_slug_that_is_not_a_slug_is_422(api_as, db):
    assert api_as(None).get("/events/no%20way").status_code == 422


def test_sessions_come_with_their_slots(api_as, event):
    response = api_as(None).get(f"/events/{event.slug}/sessions")
    sessions = response.json()
    assert [(item["name"], len(item["slots"])) for item in sessions] == [
        ("Morning 1", 4),
        ("Morning 2", 4),
    ]
    assert sessions[0]["slots"][0]["starts_at"] == "2026-11-10T08:00:00Z"


def test_events_paged(api_as, db):
    for _ in range(3):
        factories.EventFactory()
    response = api_as(None).get("/events", page=2, page_size=2)
    assert (response.json()["count"], len(response.json()["items"])) == (3, 1)
