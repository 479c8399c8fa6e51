"""The meetings spreadsheet and all agendas in one PDF, as background jobs: started by a POST,
followed on the job's page, downloaded by those who could have made them."""

import io

import openpyxl
import pytest
from django.test import override_settings
from django.urls import reverse

from matchfair.audit.models import AuditEntry
from matchfair.jobs.models import Job
from matchfair.reports.domain.exports import DataTable, meeting_headers, meeting_rows, write_xlsx
from matchfair.reports.domain.participants import scoped_participants
from matchfair.reports.domain.pdf import agendas_pdf
from tests import factories
from tests.responses import close_quietly

START = {"xlsx": "reports:meetings_xlsx", "pdf": "reports:agendas"}


def start(client, what, world, capture):
    """POST the page's button; the job runs in this process once the request commits."""
    with capture(execute=True):
        response = client.post(reverse(START[what], kwargs={"event": world.event.slug}))
    return response


def download(client, job):
    response = client.get(reverse("jobs:download", kwargs={"pk": job.pk}))
    return response, b"".join(response.streaming_content) if response.status_code == 200 else b""


def status_of(client, name, job) -> int:
    response = client.get(reverse(f"jobs:{name}", kwargs={"pk": job.pk}))
    close_quietly(response)
    return response.status_code


def sheet_rows(content: bytes) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


def old_xlsx(world, organisers=None) -> bytes:
    """The spreadsheet as the synchronous export wrote it."""
    rows = meeting_rows(world.event, organisers=organisers)
    with write_xlsx([DataTable("Meetings", meeting_headers(), rows)]) as handle:
        return handle.read()


@pytest.mark.parametrize("what", ["xlsx", "pdf"])
def test_the_button_starts_a_job_and_leads_to_its_page(
    client, world, lead_staff, what, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    response = start(client, what, world, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    assert (
        response.status_code,
        response["Location"],
        job.status,
        job.params,
        job.requested_by,
        job.event,
    ) == (302, f"/jobs/{job.pk}/", "done", {"organisers": None}, lead_staff, world.event)


@pytest.mark.parametrize("what", ["xlsx", "pdf"])
def test_pressing_twice_while_it_runs_follows_the_same_job(client, world, co_staff, what):
    client.force_login(co_staff)
    first = client.post(reverse(START[what], kwargs={"event": world.event.slug}))
    second = client.post(reverse(START[what], kwargs={"event": world.event.slug}))
    job = Job.objects.get()
    assert (first["Location"], second["Location"], job.params) == (
        f"/jobs/{job.pk}/",
        f"/jobs/{job.pk}/",
        {"organisers": [world.co.pk]},
    )


@pytest.mark.parametrize("what", ["xlsx", "pdf"])
def test_anonymous_visitors_are_sent_to_log_in(client, world, what):
    response = client.post(reverse(START[what], kwargs={"event": world.event.slug}))
    assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (
        302,
        True,
    )


@pytest.mark.parametrize("what", ["xlsx", "pdf"])
def test_a_get_does_not_start_anything(client, world, lead_staff, what):
    client.force_login(lead_staff)
    response = client.get(reverse(START[what], kwargs={"event": world.event.slug}))
    assert (response.status_code, Job.objects.count()) == (405, 0)


@pytest.mark.parametrize("what", ["xlsx", "pdf"])
def test_a_participant_may_not_start_one(client, world, what):
    client.force_login(world.ana.user)
    response = client.post(reverse(START[what], kwargs={"event": world.event.slug}))
    assert (response.status_code, Job.objects.count()) == (403, 0)


def test_the_spreadsheet_has_the_rows_of_the_synchronous_export(
    client, world, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    start(client, "xlsx", world, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    response, content = download(client, job)
    assert (
        response["Content-Disposition"],
        response["Content-Type"],
        job.progress_done,
        job.progress_total,
    ) == (
        f'attachment; filename="{world.event.slug}-meetings.xlsx"',
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        5,
        5,
    )
    assert sheet_rows(content) == sheet_rows(old_xlsx(world))


def test_a_co_organisers_spreadsheet_has_the_rows_of_its_synchronous_export(
    client, world, co_staff, django_capture_on_commit_callbacks
):
    client.force_login(co_staff)
    start(client, "xlsx", world, django_capture_on_commit_callbacks)
    _response, content = download(client, Job.objects.get())
    cells = {str(cell) for row in sheet_rows(content) for cell in row}
    assert sheet_rows(content) == sheet_rows(old_xlsx(world, [world.co]))
    assert sorted(cells & {"Ana Petrova", "Jonas Berg", "Eve Ivanova", "Cleo Martin"}) == [
        "Cleo Martin"
    ]


def test_the_spreadsheet_is_written_in_the_language_of_the_request(
    client, world, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    client.cookies["django_language"] = "bg"
    start(client, "xlsx", world, django_capture_on_commit_callbacks)
    _response, content = download(client, Job.objects.get())
    assert openpyxl.load_workbook(io.BytesIO(content)).sheetnames == ["Срещи"]


@override_settings(REPORTS_PDF_COMPRESS=False)
def test_the_agendas_are_the_pdf_of_the_synchronous_printout(
    client, world, co_staff, django_capture_on_commit_callbacks
):
    client.force_login(co_staff)
    start(client, "pdf", world, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    response, content = download(client, job)
    registrations = list(scoped_participants(world.event, [world.co]))
    assert (
        response["Content-Disposition"],
        response["Content-Type"],
        job.progress_total,
        content.count(b"(Agenda of "),
        b"Agenda of Cleo Martin" in content,
        b"Agenda of Ana Petrova" in content,
    ) == (
        f'attachment; filename="{world.event.slug}-agendas.pdf"',
        "application/pdf",
        2,
        2,
        True,
        False,
    )
    assert content == agendas_pdf(world.event, world.release, registrations)


@pytest.mark.parametrize("what", ["xlsx", "pdf"])
def test_the_file_is_refused_to_another_organisers_staff_and_to_participants(
    client, world, lead_staff, co_staff, what, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    start(client, what, world, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    stranger = factories.co_organiser(factories.b2b_event()).staff.get()
    codes = []
    for user in (co_staff, world.ana.user, stranger, lead_staff):
        client.force_login(user)
        codes.append([status_of(client, name, job) for name in ("detail", "status", "download")])
    assert codes == [[404, 404, 404]] * 3 + [[200, 200, 200]]


def test_a_colleague_of_the_same_organiser_follows_and_downloads_the_same_job(
    client, world, co_staff, django_capture_on_commit_callbacks
):
    colleague = factories.UserFactory()
    world.co.staff.add(colleague)
    client.force_login(co_staff)
    start(client, "xlsx", world, django_capture_on_commit_callbacks)
    client.force_login(colleague)
    response, _content = download(client, Job.objects.get())
    assert response.status_code == 200


def test_each_download_is_written_to_the_audit_log_with_its_scope(
    client, world, co_staff, django_capture_on_commit_callbacks
):
    client.force_login(co_staff)
    start(client, "xlsx", world, django_capture_on_commit_callbacks)
    start(client, "pdf", world, django_capture_on_commit_callbacks)
    spreadsheet, agendas = Job.objects.order_by("pk")
    for job in (spreadsheet, agendas, spreadsheet):
        download(client, job)
    entries = list(
        AuditEntry.objects.filter(action__startswith="reports.")
        .order_by("pk")
        .values_list("action", "actor", "details")
    )
    scope = [world.co.pk]
    assert entries == [
        (
            "reports.meetings_downloaded",
            co_staff.pk,
            {"scope": scope, "format": "xlsx", "job": spreadsheet.pk},
        ),
        (
            "reports.agendas_downloaded",
            co_staff.pk,
            {"scope": scope, "count": 2, "job": agendas.pk},
        ),
        (
            "reports.meetings_downloaded",
            co_staff.pk,
            {"scope": scope, "format": "xlsx", "job": spreadsheet.pk},
        ),
    ]


def test_the_job_page_links_back_to_the_reports(
    client, world, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    response = start(client, "pdf", world, django_capture_on_commit_callbacks)
    content = client.get(response["Location"]).content.decode()
    assert (
        "<h1>Agendas, one PDF to print</h1>" in content,
        f'href="/e/{world.event.slug}/console/stats/"' in content,
        world.event.name in content,
    ) == (True, True, True)


@pytest.mark.parametrize("page", ["stats/", ""])
def test_the_reports_and_the_console_start_them_with_a_post(client, world, lead_staff, page):
    client.force_login(lead_staff)
    content = client.get(f"/e/{world.event.slug}/console/{page}").content.decode()
    for name in START.values():
        action = reverse(name, kwargs={"event": world.event.slug})
        assert f'<form method="post" action="{action}" class="inline">' in content
