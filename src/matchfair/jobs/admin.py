from django.contrib import admin

from matchfair.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["kind", "event", "status", "requested_by", "attempts", "created", "finished"]
    list_filter = ["status", "kind"]
    search_fields = ["kind", "result_filename", "error"]
    raw_id_fields = ["event", "requested_by"]
    readonly_fields = [
        "key",
        "attempts",
        "progress_done",
        "progress_total",
        "heartbeat",
        "started",
        "finished",
        "result",
        "result_size",
    ]
