"""The console app: the organiser's pages for participants, validation and import."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsoleConfig(AppConfig):
    name = "matchfair.console"
    verbose_name = _("Organiser console")

    def ready(self) -> None:
        from matchfair.console.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
