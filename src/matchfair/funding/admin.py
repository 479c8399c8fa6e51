"""The call catalogue in the admin: topics are imported, not typed in, so they are read-only here."""

from django.contrib import admin

from matchfair.funding.models import (
    ConsortiumProposal,
    OrganisationIdentifiers,
    Participation,
    PastProject,
    Subscription,
    Topic,
    TopicChange,
)


class TopicChangeInline(admin.TabularInline):
    model = TopicChange
    extra = 0
    can_delete = False
    readonly_fields = ["field", "old", "new", "at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["identifier", "title", "programme", "status", "next_deadline", "budget"]
    list_filter = ["programme", "status"]
    search_fields = ["identifier", "title", "call_identifier"]
    inlines = [TopicChangeInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Topic._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "programme", "domain", "created"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(TopicChange)
class TopicChangeAdmin(admin.ModelAdmin):
    list_display = ["topic", "field", "at"]
    list_select_related = ["topic"]
    search_fields = ["topic__identifier", "field"]

    def get_readonly_fields(self, request, obj=None):
        return ["topic", "field", "old", "new", "at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(OrganisationIdentifiers)
class OrganisationIdentifiersAdmin(admin.ModelAdmin):
    list_display = ["organisation", "vat_number"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "vat_number"]
    raw_id_fields = ["organisation"]


@admin.register(PastProject)
class PastProjectAdmin(admin.ModelAdmin):
    list_display = ["cordis_id", "acronym", "title", "programme", "start_date"]
    search_fields = ["cordis_id", "acronym", "title"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in PastProject._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "country", "organisation", "match", "match_method"]
    list_filter = ["match", "match_method"]
    list_select_related = ["project", "organisation"]
    search_fields = ["name", "vat_number", "project__acronym"]
    raw_id_fields = ["organisation", "decided_by"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ConsortiumProposal)
class ConsortiumProposalAdmin(admin.ModelAdmin):
    list_display = ["topic", "lead", "created", "candidates"]
    list_select_related = ["topic", "lead"]
    search_fields = ["topic__identifier", "lead__name"]
    raw_id_fields = ["topic", "lead", "created_by"]

    def has_add_permission(self, request) -> bool:
        return False
