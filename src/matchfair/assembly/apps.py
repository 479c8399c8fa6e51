"""The assembly app: a partnership's sessions, attendance, quorum and secret-ballot elections."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssemblyConfig(AppConfig):
    name = "matchfair.assembly"
    verbose_name = _("Partnership assembly")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from matchfair.assembly import calendar  # noqa: PLC0415 (app registry)
        from matchfair.assembly.privacy import register_sections  # noqa: PLC0415 (app registry)
        from matchfair.events import personal  # noqa: PLC0415 (app registry)

        register_sections()
        personal.register("assembly", calendar.entries)
