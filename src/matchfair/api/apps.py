"""App configuration of the REST API."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "matchfair.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from matchfair.api.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
