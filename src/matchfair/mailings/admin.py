from django.contrib import admin

from matchfair.mailings.models import Mailing, Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["to", "kind", "status", "attempts", "created", "sent"]
    list_filter = ["status", "kind", "event"]
    search_fields = ["to", "key", "subject"]
    raw_id_fields = ["user", "mailing"]
    readonly_fields = ["key", "claimed", "sent", "attempts", "error"]


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = ["subject", "event", "audience", "organiser", "recipients", "created"]
    list_filter = ["event", "audience"]
    raw_id_fields = ["created_by"]
