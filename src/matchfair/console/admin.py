from django.contrib import admin

from matchfair.console.models import ImportBatch, PendingRegistration


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["file_name", "event", "organiser", "created_by", "status", "created"]
    list_filter = ["status", "event"]
    list_select_related = ["event", "organiser__cluster__organisation", "created_by"]
    search_fields = ["file_name", "created_by__email"]
    raw_id_fields = ["event", "organiser", "created_by"]
    readonly_fields = ["created", "finished"]


@admin.register(PendingRegistration)
class PendingRegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "organiser", "status", "created", "answered"]
    list_filter = ["status", "event"]
    list_select_related = ["user", "event", "organiser__cluster__organisation"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["batch", "event", "organiser", "user"]
    readonly_fields = ["created", "answered"]
