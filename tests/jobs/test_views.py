import pytest
from django.urls import reverse

from matchfair.jobs.domain import request_job, run_job
from matchfair.jobs.models import Job
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return factories.UserFactory(full_name="Olga Organiser")


def ask(kind, owner):
    return request_job(kind=kind, by=owner, params={"owner": owner.pk, "text": "hi"})


def page(client, name, job):
    return client.get(reverse(f"jobs:{name}", kwargs={"pk": job.pk}))


def test_a_queued_job_shows_that_it_waits_and_polls_for_its_progress(client, echo, owner):
    job = ask(echo, owner)
    client.force_login(owner)
    content = page(client, "detail", job).content.decode()
    status = reverse("jobs:status", kwargs={"pk": job.pk})
    assert (
        "<h1>Echo</h1>" in content,
        f'hx-get="{status}" hx-trigger="every 1s"' in content,
        "Waiting for a worker to start it." in content,
        'style="' in content,
        "<script" in content.split("<main", 1)[1],
    ) == (True, True, True, False, False)


def test_a_running_job_shows_its_progress(client, echo, owner):
    job = ask(echo, owner)
    Job.objects.filter(pk=job.pk).update(status="running", progress_done=250, progress_total=1000)
    client.force_login(owner)
    content = page(client, "status", job).content.decode()
    assert (
        '<progress value="250" max="1000">' in content,
        "25 %" in content,
        "250 of 1000 done." in content,
    ) == (True, True, True)


def test_a_done_job_offers_its_file_and_stops_polling(client, echo, owner):
    job = run_job(ask(echo, owner).pk)
    client.force_login(owner)
    content = page(client, "status", job).content.decode()
    download = reverse("jobs:download", kwargs={"pk": job.pk})
    assert (f'href="{download}"' in content, "hx-get" in content, "(11\xa0bytes)" in content) == (
        True,
        False,
        True,
    )


def test_the_file_downloads_with_its_name_and_type(client, echo, owner):
    job = run_job(ask(echo, owner).pk)
    client.force_login(owner)
    response = page(client, "download", job)
    assert (
        response.status_code,
        b"".join(response.streaming_content),
        response["Content-Type"],
        response["Content-Disposition"],
    ) == (200, b"hi Meetings", "text/plain; charset=utf-8", 'attachment; filename="echo.txt"')


def test_a_job_not_done_has_nothing_to_download(client, echo, owner):
    client.force_login(owner)
    assert page(client, "download", ask(echo, owner)).status_code == 404


def test_a_failed_job_shows_its_error_and_a_retry_button(client, flaky, owner):
    job = run_job(ask(flaky, owner).pk)
    client.force_login(owner)
    content = page(client, "detail", job).content.decode()
    retry = reverse("jobs:retry", kwargs={"pk": job.pk})
    assert (
        "The job failed: RuntimeError: the printer is on fire" in content,
        f'<form method="post" action="{retry}">' in content,
    ) == (True, True)


def test_retry_runs_the_job_again_and_shows_it(
    client, flaky, owner, django_capture_on_commit_callbacks
):
    job = run_job(ask(flaky, owner).pk)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:retry", kwargs={"pk": job.pk}))
    job.refresh_from_db()
    assert (response.status_code, response["Location"], job.status, job.attempts) == (
        302,
        reverse("jobs:detail", kwargs={"pk": job.pk}),
        "done",
        2,
    )


def test_retrying_a_job_that_did_not_fail_says_so(client, echo, owner):
    job = run_job(ask(echo, owner).pk)
    client.force_login(owner)
    response = client.post(reverse("jobs:retry", kwargs={"pk": job.pk}), follow=True)
    assert [str(message) for message in response.context["messages"]] == [
        "Only a job that failed can be run again."
    ]


@pytest.mark.parametrize("name", ["detail", "status", "download"])
def test_someone_else_gets_a_not_found(client, echo, owner, name):
    job = run_job(ask(echo, owner).pk)
    client.force_login(factories.UserFactory())
    assert page(client, name, job).status_code == 404


def test_someone_else_may_not_retry(client, flaky, owner):
    job = run_job(ask(flaky, owner).pk)
    client.force_login(factories.UserFactory())
    response = client.post(reverse("jobs:retry", kwargs={"pk": job.pk}))
    job.refresh_from_db()
    assert (response.status_code, job.status) == (404, "failed")


@pytest.mark.parametrize("name", ["detail", "status", "download"])
def test_visitors_are_sent_to_log_in(client, echo, owner, name):
    job = run_job(ask(echo, owner).pk)
    response = page(client, name, job)
    assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (
        302,
        True,
    )


def test_a_job_of_a_kind_no_longer_registered_is_not_found(client, echo, owner):
    job = run_job(ask(echo, owner).pk)
    Job.objects.filter(pk=job.pk).update(kind="tests.gone")
    client.force_login(owner)
    assert page(client, "detail", job).status_code == 404


def test_a_file_gone_from_the_storage_is_not_found(client, echo, owner):
    job = run_job(ask(echo, owner).pk)
    job.result.storage.delete(job.result.name)
    client.force_login(owner)
    assert page(client, "download", job).status_code == 404


def test_the_page_speaks_bulgarian(client, echo, owner):
    job = run_job(ask(echo, owner).pk)
    client.force_login(owner)
    client.cookies["django_language"] = "bg"
    content = page(client, "detail", job).content.decode()
    assert ("Изтегляне" in content, "Download" in content) == (True, False)
