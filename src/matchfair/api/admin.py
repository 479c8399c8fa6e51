"""Admin views of API tokens and calendar feeds: read only; their owners create and revoke them."""

from django.contrib import admin
from django.http import HttpRequest

from matchfair.api.models import ApiToken, CalendarFeed


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created", "last_used", "revoked"]
    list_filter = ["revoked"]
    list_select_related = ["user"]
    search_fields = ["name", "user__email", "prefix"]
    raw_id_fields = ["user"]
    readonly_fields = ["user", "name", "prefix", "created", "last_used", "revoked"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A key exists only at creation, on its owner's page; the admin could never show it.
        return False


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["registration", "created", "revoked"]
    list_filter = ["revoked"]
    list_select_related = ["registration__user", "registration__event"]
    search_fields = ["registration__user__email"]
    readonly_fields = ["registration", "created", "revoked"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
