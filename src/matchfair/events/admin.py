from django.contrib import admin

from matchfair.events.models import (
    Domain,
    Event,
    Opportunity,
    Organiser,
    Registration,
    Session,
    Slot,
    Table,
)


class OrganiserInline(admin.TabularInline):
    model = Organiser
    autocomplete_fields = ["cluster", "staff"]
    extra = 0


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on", "city", "registration_open"]
    search_fields = ["name", "slug", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganiserInline, SessionInline]


@admin.register(Organiser)
class OrganiserAdmin(admin.ModelAdmin):
    list_display = ["cluster", "event", "is_lead"]
    list_select_related = ["cluster__organisation", "event"]
    autocomplete_fields = ["cluster", "staff"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "starts_at", "ends_at", "slot_minutes", "is_b2b"]
    list_filter = ["event", "is_b2b"]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["session", "starts_at", "ends_at"]
    list_filter = ["session__event"]
    list_select_related = ["session"]


@admin.register(Table)
class TableAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "location", "booth_of", "is_active"]
    list_filter = ["event", "is_active"]
    search_fields = ["name", "location"]
    raw_id_fields = ["booth_of"]


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]


class OpportunityInline(admin.StackedInline):
    model = Opportunity
    extra = 0
    filter_horizontal = ["domains"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "organiser", "status"]
    list_filter = ["event", "status", "organiser"]
    list_select_related = ["user", "event", "organiser__cluster__organisation"]
    search_fields = ["user__full_name", "user__email", "user__organisation__name"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["domains", "unavailable_sessions"]
    inlines = [OpportunityInline]


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "registration"]
    list_filter = ["kind", "registration__event"]
    list_select_related = ["registration__user"]
    search_fields = ["title", "description"]
    raw_id_fields = ["registration"]
    filter_horizontal = ["domains"]
