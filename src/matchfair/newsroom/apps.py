"""The newsroom app: news, blog posts, trip reports, case studies and announcements."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "matchfair.newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from matchfair.newsroom.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
