from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "matchfair.meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from matchfair.events.signals import registration_withdrawing  # noqa: PLC0415 (app registry)
        from matchfair.meetings.domain.requests import (  # noqa: PLC0415 (app registry)
            refuse_withdrawal_while_open,
        )
        from matchfair.meetings.privacy import register_sections  # noqa: PLC0415 (app registry)

        registration_withdrawing.connect(
            refuse_withdrawal_while_open, dispatch_uid="meetings.refuse_withdrawal_while_open"
        )
        register_sections()
