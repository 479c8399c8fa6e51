"""The call catalogue in the admin: topics are imported, not typed in, so they are read-only here."""

from django.contrib import admin

from matchfair.admin_views import ReadOnlyAdmin
from matchfair.funding.models import (
    ConsortiumInvitation,
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
class TopicAdmin(ReadOnlyAdmin):
    list_display = ["identifier", "title", "programme", "status", "next_deadline", "budget"]
    list_filter = ["programme", "status"]
    search_fields = ["identifier", "title", "call_identifier"]
    inlines = [TopicChangeInline]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "programme", "domain", "created"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(TopicChange)
class TopicChangeAdmin(ReadOnlyAdmin):
    list_display = ["topic", "field", "at"]
    list_select_related = ["topic"]
    search_fields = ["topic__identifier", "field"]


@admin.register(OrganisationIdentifiers)
class OrganisationIdentifiersAdmin(admin.ModelAdmin):
    list_display = ["organisation", "vat_number"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "vat_number"]
    raw_id_fields = ["organisation"]


@admin.register(PastProject)
class PastProjectAdmin(ReadOnlyAdmin):
    list_display = ["cordis_id", "acronym", "title", "programme", "start_date"]
    search_fields = ["cordis_id", "acronym", "title"]


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyAdmin):
    list_display = ["name", "project", "country", "organisation", "match", "match_method"]
    list_filter = ["match", "match_method"]
    list_select_related = ["project", "organisation"]
    search_fields = ["name", "vat_number", "project__acronym"]
    raw_id_fields = ["organisation", "decided_by"]


@admin.register(ConsortiumProposal)
class ConsortiumProposalAdmin(ReadOnlyAdmin):
    list_display = ["topic", "lead", "state", "created", "candidates"]
    list_filter = ["state"]
    list_select_related = ["topic", "lead"]
    search_fields = ["topic__identifier", "lead__name"]
    raw_id_fields = ["topic", "lead", "created_by"]


@admin.register(ConsortiumInvitation)
class ConsortiumInvitationAdmin(ReadOnlyAdmin):
    list_display = ["proposal", "organisation", "invitee", "status", "sent", "answered"]
    list_filter = ["status"]
    list_select_related = ["proposal__topic", "proposal__lead", "organisation", "invitee"]
    search_fields = ["organisation__name", "invitee__email", "proposal__topic__identifier"]
    raw_id_fields = ["proposal", "organisation", "invitee"]
