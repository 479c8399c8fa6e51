from django.contrib import admin
from django.db import models

from matchfair.contacts.models import Contact, ContactView


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    """For site administrators only; participants keep their contacts on the event's pages."""

    list_display = ["name", "organisation", "owner", "event", "follow_up", "shared_with_cluster"]
    list_filter = ["event", "follow_up", "done", "shared_with_cluster"]
    list_select_related = ["owner__user", "owner__event", "event"]
    search_fields = ["name", "organisation", "place"]
    raw_id_fields = ["owner", "registration", "meeting"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ContactView)
class ContactViewAdmin(admin.ModelAdmin):
    """The access log of contact details, read-only: it is the people's record of who looked."""

    list_display = ["day", "person", "viewer", "where", "event"]
    list_filter = ["where", "event"]
    list_select_related = ["person", "viewer", "event"]
    search_fields = ["person__full_name", "viewer__full_name"]
    raw_id_fields = ["person", "viewer", "event"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
