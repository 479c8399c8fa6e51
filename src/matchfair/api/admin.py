"""Admin views of API tokens and calendar feeds: read only; their owners create and revoke them."""

from django.contrib import admin

from matchfair.admin_views import ReadOnlyAdmin
from matchfair.api.models import ApiToken, CalendarFeed


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """A key exists only at creation, on its owner's page; the admin could never show it."""

    list_display = ["name", "user", "prefix", "created", "last_used", "revoked"]
    list_filter = ["revoked"]
    list_select_related = ["user"]
    search_fields = ["name", "user__email", "prefix"]
    raw_id_fields = ["user"]
    readonly_fields = ["user", "name", "prefix", "created", "last_used", "revoked"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ReadOnlyAdmin):
    list_display = ["registration", "created", "revoked"]
    list_filter = ["revoked"]
    list_select_related = ["registration__user", "registration__event"]
    search_fields = ["registration__user__email"]
    readonly_fields = ["registration", "created", "revoked"]
