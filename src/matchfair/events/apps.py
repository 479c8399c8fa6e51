from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "matchfair.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from matchfair.events.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
