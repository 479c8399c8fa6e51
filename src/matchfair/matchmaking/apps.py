"""The matchmaking app: stored partner suggestions, refreshed in the background, and their pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "matchfair.matchmaking"
    verbose_name = _("Matchmaking")

    def ready(self) -> None:
        from matchfair.events.signals import profile_changed  # noqa: PLC0415 (app registry)
        from matchfair.matchmaking.privacy import register_sections  # noqa: PLC0415 (app registry)
        from matchfair.matchmaking.tasks import queue_refresh  # noqa: PLC0415 (app registry)

        profile_changed.connect(queue_refresh, dispatch_uid="matchmaking.queue_refresh")
        register_sections()
