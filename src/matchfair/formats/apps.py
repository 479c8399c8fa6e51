from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormatsConfig(AppConfig):
    name = "matchfair.formats"
    verbose_name = _("Date formats")

    def ready(self) -> None:
        from matchfair.formats import lowercase_names  # noqa: PLC0415 (app registry)

        lowercase_names()
