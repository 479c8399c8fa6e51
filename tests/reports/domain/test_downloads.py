"""The audit trail of report downloads (`reports.domain.downloads`)."""

from matchfair.audit.models import AuditEntry
from matchfair.reports.domain.downloads import record_download
from tests import factories


def test_record_download_writes_who_took_what_for_the_whole_event(event, lead_staff):
    record_download(kind="meetings", by=lead_staff, event=event, organisers=None, format="xlsx")
    entry = AuditEntry.objects.get(action__startswith="reports.")
    assert (entry.action, entry.actor, entry.event, entry.details) == (
        "reports.meetings_downloaded",
        lead_staff,
        event,
        {"scope": "event", "format": "xlsx"},
    )


def test_record_download_of_a_co_organiser_names_its_scope(event, lead_staff):
    co = factories.co_organiser(event)
    record_download(kind="agendas", by=lead_staff, event=event, organisers=[co])
    assert AuditEntry.objects.get(action__startswith="reports.").details == {"scope": [co.pk]}
