from django.contrib import admin

from matchfair.admin_views import ReadOnlyAdmin
from matchfair.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The log is written by domain functions only."""

    list_display = ["created", "action", "actor", "event", "subject_type", "subject_id"]
    list_filter = ["action", "event"]
    search_fields = ["action", "subject_id", "actor__email"]
    list_select_related = ["actor", "event"]
