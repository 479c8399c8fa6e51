import csv
import io

import openpyxl
import pytest
from django.test import override_settings

from tests import factories

OTHERS = ("Ana Petrova", "Jonas Berg", "Eve Ivanova")  # the lead organiser's participants
OWN = ("Cleo Martin", "Dan Ruiz")  # the co-organiser's


def url(world, path):
    return f"/e/{world.event.slug}/console/{path}"


def body(response) -> bytes:
    """The whole body, streamed or not. Reading a streamed body to its end makes the test client
    close the response, and with it an export's temporary file."""
    if not hasattr(response, "_reports_body"):
        if response.streaming:
            response._reports_body = b"".join(response.streaming_content)
        else:
            response._reports_body = response.content
    return response._reports_body


def get(client, path):
    response = client.get(path)
    body(response)
    return response


# The meetings spreadsheet and all agendas in one PDF are jobs, started by a POST: test_jobs.py.
ORGANISER_PAGES = (
    "stats/",
    "exports/meetings.csv",
    "exports/statistics.csv",
    "exports/statistics.xlsx",
    "print/badges.pdf",
)
LEAD_PAGES = ("print/table-agendas.pdf", "print/table-signs.pdf")


# Who may open what


@pytest.mark.parametrize("path", ORGANISER_PAGES + LEAD_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, world, path):
    response = get(client, url(world, path))
    assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (
        302,
        True,
    )


@pytest.mark.parametrize("path", ORGANISER_PAGES + LEAD_PAGES)
def test_participants_may_not_open_reports(client, world, path):
    client.force_login(world.ana.user)
    assert get(client, url(world, path)).status_code == 403


@pytest.mark.parametrize("path", ORGANISER_PAGES + LEAD_PAGES)
def test_the_lead_opens_everything(client, world, lead_staff, path):
    client.force_login(lead_staff)
    response = get(client, url(world, path))
    assert (response.status_code, body(response)[:4] != b"") == (200, True)


@pytest.mark.parametrize("path", ORGANISER_PAGES)
def test_a_co_organiser_opens_the_reports(client, world, co_staff, path):
    client.force_login(co_staff)
    assert get(client, url(world, path)).status_code == 200


@pytest.mark.parametrize("path", LEAD_PAGES)
def test_a_co_organiser_may_not_print_table_documents(client, world, co_staff, path):
    client.force_login(co_staff)
    assert get(client, url(world, path)).status_code == 403


def test_superusers_see_the_whole_event(client, world, superuser):
    client.force_login(superuser)
    response = get(client, url(world, "stats/"))
    assert [section["key"] for section in response.context["sections"]] == ["all"]


def test_organisers_of_another_event_may_not_open_reports(client, world):
    stranger = factories.co_organiser(factories.b2b_event()).staff.get()
    client.force_login(stranger)
    assert get(client, url(world, "stats/")).status_code == 403


def test_an_unknown_export_format_is_not_found(client, world, lead_staff):
    client.force_login(lead_staff)
    assert get(client, url(world, "exports/meetings.pdf")).status_code == 404


# The dashboard


def test_lead_dashboard_has_charts_data_tables_and_names(client, world, lead_staff):
    client.force_login(lead_staff)
    response = get(client, url(world, "stats/"))
    content = response.content.decode()
    assert (
        content.count("<svg"),
        content.count('<table class="list">') >= 8,
        "Jonas Berg" in content,  # the no-show list
        "Ana Petrova" in content,  # most holes
        'style="' in content,
        "<script" in content.split("<main", 1)[1],
    ) == (8, True, True, True, False, False)


def test_co_organiser_dashboard_has_aggregates_and_its_own_breakdown_but_no_other_names(
    client, world, co_staff
):
    client.force_login(co_staff)
    response = get(client, url(world, "stats/"))
    content = response.content.decode()
    sections = response.context["sections"]
    assert (
        [section["key"] for section in sections],
        sections[0]["statistics"].participants,
        sections[1]["statistics"].participants,
        [name for name in OTHERS if name in content],
        "share no free slot" in content,
    ) == (["all", "own"], 5, 2, [], False)


def test_co_organiser_sees_its_own_no_shows_by_name(client, world, co_staff):
    from matchfair.meetings.models import NoShow

    NoShow.objects.create(meeting=world.meetings["dan-eve"], registration=world.dan)
    client.force_login(co_staff)
    content = get(client, url(world, "stats/")).content.decode()
    assert ("Dan Ruiz" in content, "Jonas Berg" in content) == (True, False)


def test_the_console_links_to_the_reports(client, world, lead_staff):
    client.force_login(lead_staff)
    content = get(client, f"/e/{world.event.slug}/console/").content.decode()
    assert url(world, "stats/") in content


def test_the_navigation_links_co_organisers_to_the_reports(client, world, co_staff):
    client.force_login(co_staff)
    content = get(client, f"/e/{world.event.slug}/").content.decode()
    assert url(world, "stats/") in content


# Exports by role


def test_co_organiser_meetings_csv_has_none_of_anothers_participants(client, world, co_staff):
    client.force_login(co_staff)
    response = get(client, url(world, "exports/meetings.csv"))
    text = body(response).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert (
        response["Content-Type"],
        len(rows) - 1,
        [name for name in OTHERS if name in text],
        all(name in text for name in OWN),
    ) == ("text/csv; charset=utf-8", 4, [], True)


def test_co_organiser_statistics_xlsx_has_no_names_of_others(client, world, co_staff):
    client.force_login(co_staff)
    response = get(client, url(world, "exports/statistics.xlsx"))
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    cells = [
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    ]
    assert (
        response["Content-Disposition"],
        [name for name in OTHERS if name in cells],
    ) == (f'attachment; filename="{world.event.slug}-statistics.xlsx"', [])


def test_co_organiser_statistics_export_has_no_names_of_others(client, world, co_staff):
    client.force_login(co_staff)
    text = body(get(client, url(world, "exports/statistics.csv"))).decode("utf-8-sig")
    assert ([name for name in OTHERS if name in text], "Yours – Summary" in text) == ([], True)


def test_lead_meetings_export_lists_every_meeting(client, world, lead_staff):
    client.force_login(lead_staff)
    text = body(get(client, url(world, "exports/meetings.csv"))).decode("utf-8-sig")
    assert (len(list(csv.reader(io.StringIO(text)))) - 1, all(n in text for n in OTHERS + OWN)) == (
        5,
        True,
    )


# PDFs by role


@override_settings(REPORTS_PDF_COMPRESS=False)
def test_a_participant_downloads_their_own_agenda_pdf(client, world):
    client.force_login(world.ana.user)
    response = get(client, url(world, f"print/participants/{world.ana.pk}/agenda.pdf"))
    content = body(response)
    assert (response.status_code, content[:4], b"Agenda of Ana Petrova" in content) == (
        200,
        b"%PDF",
        True,
    )


def test_a_participant_may_not_download_anothers_agenda_or_a_badge(client, world):
    client.force_login(world.ana.user)
    assert [
        get(client, url(world, f"print/participants/{pk}/{kind}.pdf")).status_code
        for pk, kind in ((world.jonas.pk, "agenda"), (world.ana.pk, "badge"))
    ] == [404, 404]


def test_a_co_organiser_prints_only_its_own_participants_agenda_and_badge(client, world, co_staff):
    client.force_login(co_staff)
    codes = [
        get(client, url(world, f"print/participants/{registration.pk}/{kind}.pdf")).status_code
        for registration in (world.cleo, world.ana)
        for kind in ("agenda", "badge")
    ]
    assert codes == [200, 200, 404, 404]


@override_settings(REPORTS_PDF_COMPRESS=False)
def test_a_co_organisers_bulk_badges_cover_only_its_participants(client, world, co_staff):
    client.force_login(co_staff)
    badges = body(get(client, url(world, "print/badges.pdf")))
    assert (b"Dan Ruiz" in badges, [name for name in OTHERS if name.encode() in badges]) == (
        True,
        [],
    )


@override_settings(REPORTS_PDF_COMPRESS=False)
def test_the_lead_prints_one_table(client, world, lead_staff):
    client.force_login(lead_staff)
    table = world.tables[1]
    agenda = get(client, url(world, f"print/table-agendas.pdf?table={table.pk}"))
    sign = get(client, url(world, f"print/table-signs.pdf?table={table.pk}"))
    assert (
        body(agenda).count(b"(Agenda of Table"),
        b"Jonas Berg" in body(agenda),
        b"Table 2" in body(sign),
        sign["Content-Disposition"],
    ) == (1, True, True, f'attachment; filename="{world.event.slug}-table-signs-{table.pk}.pdf"')


def test_a_table_of_another_event_is_not_found(client, world, lead_staff):
    other = factories.b2b_event().tables.first()
    client.force_login(lead_staff)
    assert [
        get(client, url(world, f"print/table-signs.pdf?table={value}")).status_code
        for value in (other.pk, "x")
    ] == [404, 404]


def test_the_agenda_page_links_to_its_pdf_and_for_organisers_the_badge(client, world, co_staff):
    pdf = url(world, f"print/participants/{world.cleo.pk}/agenda.pdf")
    badge = url(world, f"print/participants/{world.cleo.pk}/badge.pdf")
    client.force_login(world.cleo.user)
    own = get(client, f"/e/{world.event.slug}/agenda/").content.decode()
    client.force_login(co_staff)
    supported = client.get(
        f"/e/{world.event.slug}/participants/{world.cleo.pk}/agenda/"
    ).content.decode()
    assert (pdf in own, badge in own, pdf in supported, badge in supported) == (
        True,
        False,
        True,
        True,
    )


# The audit trail


def test_exports_and_printouts_are_written_to_the_audit_log_with_their_scope(
    client, world, co_staff
):
    from matchfair.audit.models import AuditEntry

    client.force_login(co_staff)
    get(client, url(world, "exports/meetings.csv"))
    get(client, url(world, "print/badges.pdf"))
    get(client, url(world, f"print/participants/{world.cleo.pk}/agenda.pdf"))
    entries = list(
        AuditEntry.objects.filter(action__startswith="reports.")
        .order_by("pk")
        .values_list("action", "actor", "details")
    )
    assert entries == [
        ("reports.meetings_downloaded", co_staff.pk, {"scope": [world.co.pk], "format": "csv"}),
        ("reports.badges_downloaded", co_staff.pk, {"scope": [world.co.pk], "count": 2}),
        ("reports.agenda_downloaded", co_staff.pk, {"scope": "event"}),
    ]


def test_a_participant_downloading_their_own_agenda_leaves_no_audit_entry(client, world):
    from matchfair.audit.models import AuditEntry

    client.force_login(world.ana.user)
    get(client, url(world, f"print/participants/{world.ana.pk}/agenda.pdf"))
    assert not AuditEntry.objects.filter(action__startswith="reports.").exists()
