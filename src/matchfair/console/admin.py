from django.contrib import admin

from matchfair.console.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["file_name", "event", "organiser", "created_by", "status", "created"]
    list_filter = ["status", "event"]
    list_select_related = ["event", "organiser__cluster__organisation", "created_by"]
    search_fields = ["file_name", "created_by__email"]
    raw_id_fields = ["event", "organiser", "created_by"]
    readonly_fields = ["created", "finished"]
