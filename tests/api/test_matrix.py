"""Every API endpoint against every role: allowed, forbidden or not found, as permissions.py says."""

import pytest

from matchfair.meetings.domain.requests import send_request
from matchfair.meetings.models import SolverRun
from tests import factories

ROLES = ("anonymous", "participant", "other participant", "lead staff", "co-organiser staff")

# (method, path, body) → the status for each role, in the order of ROLES. The participant is Ana;
# the other participant, Jonas, sent her request {request}; {tia} is a third participant.
MATRIX = [
    ("GET", "/me", None, (401, 200, 200, 200, 200)),
    ("GET", "/events", None, (200, 200, 200, 200, 200)),
    ("GET", "/events/{slug}", None, (200, 200, 200, 200, 200)),
    ("GET", "/events/nowhere", None, (404, 404, 404, 404, 404)),
    ("GET", "/events/{slug}/sessions", None, (200, 200, 200, 200, 200)),
    ("GET", "/events/{slug}/participants", None, (200, 200, 200, 200, 200)),
    ("GET", "/events/{slug}/participants/{ana}", None, (200, 200, 200, 200, 200)),
    ("GET", "/events/{slug}/participants/999999", None, (404, 404, 404, 404, 404)),
    ("GET", "/events/{slug}/opportunities", None, (200, 200, 200, 200, 200)),
    ("GET", "/events/{slug}/requests", None, (401, 200, 200, 403, 403)),
    (
        "POST",
        "/events/{slug}/requests",
        {"recipient": "{tia}", "message": "Hi"},
        (401, 201, 201, 403, 403),
    ),
    ("POST", "/events/{slug}/requests/{request}/accept", {}, (401, 200, 403, 403, 403)),
    ("POST", "/events/{slug}/requests/{request}/decline", {}, (401, 200, 403, 403, 403)),
    ("POST", "/events/{slug}/requests/{request}/cancel", {}, (401, 422, 200, 403, 403)),
    ("POST", "/events/{slug}/requests/999999/accept", {}, (401, 404, 404, 403, 403)),
    ("GET", "/events/{slug}/agenda", None, (401, 200, 200, 403, 403)),
    ("GET", "/events/{slug}/participants/{ana}/agenda", None, (401, 200, 404, 200, 404)),
    ("GET", "/events/{slug}/participants/999999/agenda", None, (401, 404, 404, 404, 404)),
    ("GET", "/events/{slug}/schedule/runs", None, (401, 403, 403, 200, 403)),
    ("POST", "/events/{slug}/schedule/runs", {"time_limit": 1}, (401, 403, 403, 202, 403)),
    ("GET", "/events/{slug}/schedule/runs/{run}", None, (401, 403, 403, 200, 403)),
    ("GET", "/events/{slug}/schedule/runs/999999", None, (401, 403, 403, 404, 403)),
]

CASES = [
    pytest.param(method, path, body, role, statuses[index], id=f"{method} {path} as {role}")
    for method, path, body, statuses in MATRIX
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("method", "path", "body", "role", "status"), CASES)
def test_endpoint_per_role(
    api_as, event, ana, jonas, lead_staff, co_staff, method, path, body, role, status
):
    tia = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    meeting_request = send_request(sender=jonas, recipient=ana, message="Hi", by=jonas.user)
    run = SolverRun.objects.create(event=event)
    names = {
        "slug": event.slug,
        "ana": ana.pk,
        "tia": tia.pk,
        "request": meeting_request.pk,
        "run": run.pk,
    }
    viewer = {
        "anonymous": None,
        "participant": ana.user,
        "other participant": jonas.user,
        "lead staff": lead_staff,
        "co-organiser staff": co_staff,
    }[role]
    client = api_as(viewer)
    target = path.format(**names)
    if method == "GET":
        response = client.get(target)
    else:
        filled = {
            key: int(value.format(**names)) if value == "{tia}" else value
            for key, value in body.items()
        }
        response = client.post(target, filled)
    assert response.status_code == status, response.content
