from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "matchfair.outbox"
    verbose_name = _("Outbox")

    def ready(self) -> None:
        from matchfair.outbox.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
