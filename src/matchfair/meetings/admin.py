from django.contrib import admin

from matchfair.meetings.models import (
    Meeting,
    MeetingRequest,
    NoShow,
    Placement,
    Plan,
    SolverRun,
)


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["sender", "recipient", "status", "created"]
    list_filter = ["status", "event"]
    list_select_related = ["sender__user", "recipient__user", "sender__event", "recipient__event"]
    raw_id_fields = ["sender", "recipient"]
    readonly_fields = ["pair"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["pk", "event", "priority", "status"]
    list_filter = ["event", "status", "priority"]
    raw_id_fields = ["request", "participants"]


class PlacementInline(admin.TabularInline):
    model = Placement
    raw_id_fields = ["meeting", "slot", "table"]
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["event", "kind", "version", "name", "created"]
    list_filter = ["event", "kind"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["meeting", "plan", "slot", "table", "reason"]
    list_filter = ["plan__event", "plan"]
    raw_id_fields = ["meeting", "slot", "table", "plan"]


@admin.register(SolverRun)
class SolverRunAdmin(admin.ModelAdmin):
    list_display = ["event", "status", "created", "finished"]
    list_filter = ["status", "event"]
    readonly_fields = ["progress", "error", "plan"]


@admin.register(NoShow)
class NoShowAdmin(admin.ModelAdmin):
    list_display = ["registration", "meeting", "recorded_by", "created"]
    list_filter = ["meeting__event"]
    list_select_related = ["registration__user", "recorded_by"]
    raw_id_fields = ["meeting", "registration", "recorded_by"]
    search_fields = ["registration__user__full_name"]
