"""The reports app: statistics, exports, printable agendas, badges and table signs."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "matchfair.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from matchfair.reports.jobs import register_kinds  # noqa: PLC0415 (app registry)

        register_kinds()
