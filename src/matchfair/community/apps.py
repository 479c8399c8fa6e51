from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "matchfair.community"
    verbose_name = _("Community")

    def ready(self) -> None:
        # The Celery app is loaded with Django rather than with the package, so that importing
        # the Django-free engines never drags Django in. The limits register their deploy check,
        # the lookups `__among`.
        from matchfair import celery, limits, lookups  # noqa: F401, PLC0415 (app registry)
        from matchfair.community.privacy import register_sections  # noqa: PLC0415 (app registry)

        register_sections()
