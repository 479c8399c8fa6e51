"""The organiser's schedule jobs through the API: only the lead organiser's staff may run them."""

import pytest

from matchfair.meetings.models import SolverRun
from tests import factories


def runs(event, path=""):
    return f"/events/{event.slug}/schedule/runs{path}"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 401),
        ("participant", 403),
        ("other participant", 403),
        ("co-organiser staff", 403),
        ("lead staff", 202),
    ],
)
def test_start_a_run_per_role(api_as, event, ana, jonas, lead_staff, co_staff, role, status):
    viewer = {
        "anonymous": None,
        "participant": ana.user,
        "other participant": jonas.user,
        "co-organiser staff": co_staff,
        "lead staff": lead_staff,
    }[role]
    response = api_as(viewer).post(runs(event), {"time_limit": 1, "seed": 3})
    assert (response.status_code, SolverRun.objects.count()) == (status, int(status == 202))


def test_start_a_run_records_who_and_finishes_in_process(
    api_as, event, lead_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(lead_staff).post(runs(event), {"time_limit": 1})
    run = SolverRun.objects.get()
    assert (response.json()["id"], run.requested_by, run.time_limit, run.status) == (
        run.pk,
        lead_staff,
        1.0,
        SolverRun.Status.DONE,
    )


def test_start_a_run_with_a_bad_time_limit_is_422(api_as, event, lead_staff):
    response = api_as(lead_staff).post(runs(event), {"time_limit": 0})
    assert (response.status_code, response.json()["detail"][0]["loc"]) == (
        422,
        ["body", "payload", "time_limit"],
    )


def test_read_a_run_as_lead_staff(api_as, event, lead_staff):
    run = SolverRun.objects.create(event=event, requested_by=lead_staff, error="")
    response = api_as(lead_staff).get(runs(event, f"/{run.pk}"))
    assert (response.status_code, response.json()["status"], response.json()["plan"]) == (
        200,
        "queued",
        None,
    )


def test_read_a_run_as_a_participant_is_403(api_as, event, ana, lead_staff):
    run = SolverRun.objects.create(event=event, requested_by=lead_staff)
    assert api_as(ana.user).get(runs(event, f"/{run.pk}")).status_code == 403


def test_read_a_run_of_another_event_is_404(api_as, event, lead_staff):
    other = factories.b2b_event()
    run = SolverRun.objects.create(event=other)
    assert api_as(lead_staff).get(runs(event, f"/{run.pk}")).status_code == 404


def test_list_runs_the_latest_first(api_as, event, lead_staff):
    first = SolverRun.objects.create(event=event, status=SolverRun.Status.FAILED, error="boom")
    second = SolverRun.objects.create(event=event)
    response = api_as(lead_staff).get(runs(event))
    assert [(item["id"], item["error"]) for item in response.json()["items"]] == [
        (second.pk, ""),
        (first.pk, "boom"),
    ]


def test_list_runs_as_superuser(api_as, event, superuser):
    assert api_as(superuser).get(runs(event)).status_code == 200


def test_list_runs_as_co_organiser_staff_is_403(api_as, event, co_staff):
    assert api_as(co_staff).get(runs(event)).status_code == 403
