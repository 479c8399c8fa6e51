"""The mailings app: messages organisers write to a filtered group of their participants,
reminders of unanswered requests and booking announcements. Each mail goes through the outbox."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "matchfair.mailings"
    verbose_name = _("Mailings")

    def ready(self) -> None:
        from matchfair.mailings.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
