"""The outcomes app: what came of the meetings, and who may learn it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "matchfair.outcomes"
    verbose_name = _("Outcomes")

    def ready(self) -> None:
        from matchfair.outcomes.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
