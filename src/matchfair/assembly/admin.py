"""The assembly in the admin: statutes, sessions and their agenda, attendees, elections and
candidacies, motions and proxies are edited here; the voter roll, the ballot box and the
motions' roll are read-only, so no admin action
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
    Motion,
    MotionVote,
    Proxy,
    RollEntry,
    Session,
    SessionDocument,
    Statute,
    WorkItem,
)


@admin.register(Statute)
class StatuteAdmin(admin.ModelAdmin):
    list_display = ["network", "secretariat", "quorum_percent", "proxies_per_holder", "revoting"]
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


@admin.register(SessionDocument)
class SessionDocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "url", "size", "created"]
    list_select_related = ["session"]
    search_fields = ["title", "session__title"]
    raw_id_fields = ["session"]
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
    """The voter roll, the ballot box and the motions' roll: what the counts and the board rest
    on stays as cast."""

    deletable = False


@admin.register(Motion)
class MotionAdmin(admin.ModelAdmin):
    """Motions are moved, seconded and voted on the assembly pages; here they are read and
    corrected in wording only, never in their tally."""

    list_display = ["title", "session", "mover", "threshold", "status", "yes", "no", "abstain"]
    list_select_related = ["session", "mover__organisation"]
    list_filter = ["status", "threshold", "secret"]
    search_fields = ["title", "text"]
    raw_id_fields = ["session", "agenda_item", "amends", "proposed_by", "mover", "seconded_by"]
    readonly_fields = [
        "status",
        "yes",
        "no",
        "abstain",
        "members",
        "adopted",
        "closed_at",
        "original_text",
    ]


@admin.register(Proxy)
class ProxyAdmin(admin.ModelAdmin):
    list_display = ["cluster", "holder", "session", "given_at", "withdrawn_at"]
    list_select_related = ["cluster__organisation", "holder__user", "session"]
    search_fields = ["cluster__organisation__name", "holder__user__full_name"]
    raw_id_fields = ["session", "cluster", "holder", "given_by"]
    readonly_fields = ["given_at"]


@admin.register(RollEntry)
class RollEntryAdmin(SealedAdmin):
    list_display = ["cluster", "election"]
    list_select_related = ["cluster__organisation", "election__session"]
    search_fields = ["cluster__organisation__name"]


@admin.register(MotionVote)
class MotionVoteAdmin(SealedAdmin):
    list_display = ["cluster", "motion", "choice", "by_proxy"]
    list_select_related = ["cluster__organisation", "motion"]
    search_fields = ["cluster__organisation__name", "motion__title"]


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
    raw_id_fields = ["owner", "person", "adopted_by"]
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
