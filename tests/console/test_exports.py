"""Participant exports: the columns, the scope, and no formula that a spreadsheet would run."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from matchfair.audit.models import AuditEntry
from matchfair.spreadsheets import safe_cell
from tests import factories


def export(client, event, fmt, **params):
    return client.get(reverse("console:export", kwargs={"event": event.slug, "fmt": fmt}), params)


def test_csv_neutralises_formulas(client, event, lead_staff):
    factories.RegistrationFactory(
        event=event,
        user__full_name='=HYPERLINK("http://evil.example","x")',
        user__job_title="+1 boss",
        headline="@SUM(A1)",
    )
    client.force_login(lead_staff)
    response = export(client, event, "csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ID", "Full name", "E-mail"]
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[1][4] == "'+1 boss"
    assert rows[1][10] == "'@SUM(A1)"


def test_xlsx_holds_text_not_formulas(client, event, lead_staff):
    factories.RegistrationFactory(event=event, user__full_name="=1+1")
    client.force_login(lead_staff)
    response = export(client, event, "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=2).value == "'=1+1"
    assert sheet.cell(row=2, column=2).data_type == "s"


def test_exports_follow_the_filters(client, event, lead_staff, ana, jonas):
    client.force_login(lead_staff)
    response = export(client, event, "csv", country="FI")
    text = response.content.decode("utf-8-sig")
    assert jonas.user.email in text and ana.user.email not in text


def test_unknown_format_is_404(client, event, lead_staff):
    client.force_login(lead_staff)
    assert export(client, event, "pdf").status_code == 404


def test_export_per_role(client, event, lead_staff, co_staff, ana):
    client.force_login(co_staff)
    text = export(client, event, "csv").content.decode("utf-8-sig")
    assert ana.user.email not in text
    client.force_login(ana.user)
    assert export(client, event, "csv").status_code == 403
    client.logout()
    assert export(client, event, "csv").status_code == 302


def test_an_export_is_on_record_with_its_scope(client, event, co_staff, ana):
    client.force_login(co_staff)
    export(client, event, "xlsx", status="validated")
    entry = AuditEntry.objects.get(action="reports.participants_downloaded")
    assert (entry.actor, entry.details["format"], entry.details["filters"]) == (
        co_staff,
        "xlsx",
        "status=validated",
    )
    assert entry.details["scope"] == [co_staff.organiser_roles.get().pk]


def test_safe_cell_leaves_numbers_and_plain_text():
    assert safe_cell(42) == 42
    assert safe_cell("Ana") == "Ana"
    assert safe_cell("-5") == "'-5"
