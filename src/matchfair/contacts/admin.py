from django.contrib import admin
from django.db import models

from matchfair.contacts.models import Contact


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    """For site administrators only; participants keep their contacts on the event's pages."""

    list_display = ["name", "organisation", "owner", "event", "follow_up", "shared_with_cluster"]
    list_filter = ["event", "follow_up", "done", "shared_with_cluster"]
    list_select_related = ["owner__user", "owner__event", "event"]
    search_fields = ["name", "organisation", "place"]
    raw_id_fields = ["owner", "registration", "meeting"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
