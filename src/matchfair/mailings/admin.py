from django.contrib import admin

from matchfair.mailings.models import Mailing


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = ["subject", "event", "audience", "organiser", "recipients", "created"]
    list_filter = ["event", "audience"]
    raw_id_fields = ["created_by"]
