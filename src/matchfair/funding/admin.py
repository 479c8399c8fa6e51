"""The call catalogue in the admin: topics are imported, not typed in, so they are read-only here."""

from django.contrib import admin

from matchfair.funding.models import Subscription, Topic, TopicChange


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
