from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "matchfair.outbox"
    verbose_name = _("Outbox")

    def ready(self) -> None:
        from matchfair.community.domain import privacy  # noqa: PLC0415 (app registry)
        from matchfair.outbox import privacy as outbox_privacy  # noqa: PLC0415 (app registry)

        privacy.register("outbox", collect=outbox_privacy.collect, erase=outbox_privacy.erase)
