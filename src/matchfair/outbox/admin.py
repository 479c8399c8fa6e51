from django.contrib import admin

from matchfair.outbox.models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["to", "kind", "status", "attempts", "created", "sent"]
    list_filter = ["status", "kind", "event"]
    search_fields = ["to", "key", "subject", "batch"]
    raw_id_fields = ["user"]
    readonly_fields = ["key", "batch", "claimed", "sent", "attempts", "error"]
