from django.contrib import admin

from matchfair.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created", "action", "actor", "event", "subject_type", "subject_id"]
    list_filter = ["action", "event"]
    search_fields = ["action", "subject_id", "actor__email"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
    list_select_related = ["actor", "event"]

    def has_add_permission(self, request):  # the log is written by domain functions only
        return False

    def has_change_permission(self, request, obj=None):
        return False
