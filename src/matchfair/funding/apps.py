"""The funding app: EU funding calls and who hears of them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "matchfair.funding"
    verbose_name = _("Funding calls")

    def ready(self) -> None:
        from matchfair.funding.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
