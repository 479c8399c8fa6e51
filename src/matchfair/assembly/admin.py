"""The assembly in the admin: statutes, sessions and their agenda, attendees, elections and
candidacies are edited here; the voter roll and the ballot box are read-only, so no admin action
and no admin log entry ever touches a ballot."""

from django.contrib import admin
from django.db import models

from matchfair.admin_views import ReadOnlyAdmin
from matchfair.assembly.models import (
    AgendaItem,
    Attendee,
    Ballot,
    Candidacy,
    Election,
    Idea,
    IdeaComment,
    IdeaSupport,
    Milestone,
    RollEntry,
    Session,
    Statute,
    WorkItem,
)


@admin.register(Statute)
class StatuteAdmin(admin.ModelAdmin):
    list_display = ["network", "secretariat", "quorum_percent"]
    list_select_related = ["network", "secretariat__organisation"]
    search_fields = ["network__name"]
    raw_id_fields = ["secretariat"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "date", "place"]
    list_select_related = ["network"]
    search_fields = ["title", "place"]
    raw_id_fields = ["event"]
    inlines = [AgendaItemInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "position", "minutes", "presenter"]
    list_select_related = ["session"]
    search_fields = ["title", "presenter"]


@admin.register(Attendee)
class AttendeeAdmin(admin.ModelAdmin):
    list_display = ["user", "cluster", "role", "session", "checked_in_at"]
    list_select_related = ["user", "cluster__organisation", "session"]
    list_filter = ["role"]
    search_fields = ["user__full_name", "user__email"]
    raw_id_fields = ["user", "cluster", "session"]


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ["position", "session", "seats", "method", "status"]
    list_select_related = ["session"]
    list_filter = ["status", "method"]
    search_fields = ["session__title"]
    readonly_fields = ["status", "box", "seed", "result", "board_head"]


@admin.register(Candidacy)
class CandidacyAdmin(admin.ModelAdmin):
    list_display = ["candidate", "cluster", "election", "accepted"]
    list_select_related = ["candidate", "cluster__organisation", "election__session"]
    search_fields = ["candidate__full_name"]
    raw_id_fields = ["candidate", "cluster", "nominated_by", "election"]


class SealedAdmin(ReadOnlyAdmin):
    """The voter roll and the ballot box: what the count and the board rest on stays as cast."""

    deletable = False


@admin.register(RollEntry)
class RollEntryAdmin(SealedAdmin):
    list_display = ["cluster", "election"]
    list_select_related = ["cluster__organisation", "election__session"]
    search_fields = ["cluster__organisation__name"]


@admin.register(Ballot)
class BallotAdmin(SealedAdmin):
    list_display = ["tracker", "box"]
    search_fields = ["tracker"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(WorkItem)
class WorkItemAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "owner", "person", "deadline", "status", "progress"]
    list_select_related = ["network", "owner__organisation", "person"]
    list_filter = ["status"]
    search_fields = ["title", "owner__organisation__name", "person__full_name"]
    raw_id_fields = ["owner", "person"]
    inlines = [MilestoneInline]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "item", "due", "done"]
    list_select_related = ["item"]
    list_filter = ["done"]
    search_fields = ["title", "item__title"]
    raw_id_fields = ["item"]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "cluster", "author", "status", "created"]
    list_select_related = ["network", "cluster__organisation", "author"]
    list_filter = ["status"]
    search_fields = ["title", "cluster__organisation__name"]
    raw_id_fields = ["cluster", "author", "work_item"]


@admin.register(IdeaComment)
class IdeaCommentAdmin(admin.ModelAdmin):
    list_display = ["idea", "author", "created"]
    list_select_related = ["idea", "author"]
    search_fields = ["body", "idea__title"]
    raw_id_fields = ["idea", "author"]


@admin.register(IdeaSupport)
class IdeaSupportAdmin(admin.ModelAdmin):
    list_display = ["idea", "cluster", "user", "created"]
    list_select_related = ["idea", "cluster__organisation", "user"]
    search_fields = ["idea__title", "cluster__organisation__name"]
    raw_id_fields = ["idea", "cluster", "user"]
